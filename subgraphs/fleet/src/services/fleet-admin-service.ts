// Administration of fleets and hubs: create and rename fleets (operations staff), change and retire hubs (staff of
// the hub's fleet). Every change commits with its audit entry (platform/audit) in one transaction.
import type { Viewer } from '../../../../platform/auth/index.js';
import { auditEvent } from '../../../../platform/audit/index.js';
import type { CreateFleetInput, UpdateFleetInput, UpdateHubInput } from '../generated/resolvers-types.js';
import type { Fleet, Hub } from '../store/prisma/client.js';
import { isUniqueViolation, type FleetStore } from '../store/store.js';
import { managesFleet, requireViewer } from './access.js';
import type { OutboxNotifier } from './driver-state.js';
import type { HubResult } from './ops-service.js';
import { problems, userError, type FleetUserError } from './user-errors.js';
import { checkLocation, checkText, wellFormedId } from './validation.js';

export interface FleetAdminServiceDeps {
  store: FleetStore;
  now: () => Date;
  outbox: OutboxNotifier;
}

export type FleetResult = { fleet: Fleet | null; userErrors: FleetUserError[] };

export type FleetAdminService = ReturnType<typeof createFleetAdminService>;

const fleetFail = (error: FleetUserError): FleetResult => ({ fleet: null, userErrors: [error] });
const hubFail = (error: FleetUserError): HubResult => ({ hub: null, userErrors: [error] });
const nameTaken = () => userError('FLEET_NAME_TAKEN', 'Another fleet has this name', 'input.name');
const hubNotFound = () => userError('HUB_NOT_FOUND', 'No hub you manage has this id', 'input.id');

const fleetFacts = (fleet: Fleet) => ({ name: fleet.name, city: fleet.city });
const hubFacts = (hub: Hub) => ({ name: hub.name, latitude: hub.latitude, longitude: hub.longitude, retiredAt: hub.retiredAt?.toISOString() ?? null });

export function createFleetAdminService({ store, now, outbox }: FleetAdminServiceDeps) {
  /** Runs `work` in a transaction; wakes the relay when it returned a result (its audit entry waits in the outbox). */
  async function audited<R extends { userErrors: FleetUserError[] }>(
    work: (tx: Parameters<Parameters<FleetStore['transaction']>[0]>[0], at: Date) => Promise<R>,
  ) {
    const result = await store.transaction((tx) => work(tx, now()));
    if (result.userErrors.length === 0) outbox.wake();
    return result;
  }

  return {
    /** Operations staff only (the schema refuses others). */
    async createFleet(viewer: Viewer | null, input: CreateFleetInput): Promise<FleetResult> {
      const staff = requireViewer(viewer, 'createFleet');
      const invalid = problems(checkText(input.name, 'input.name'), checkText(input.city, 'input.city'));
      if (invalid.length) return { fleet: null, userErrors: invalid };
      const name = input.name.trim();
      if (await store.fleets.findByName(name)) return fleetFail(nameTaken());
      try {
        return await audited(async (tx, at) => {
          const fleet = await tx.fleets.create({ name, city: input.city.trim() });
          await tx.outbox.add(auditEvent('fleet', staff, { action: 'fleet.create', target: { type: 'Fleet', id: fleet.id }, after: fleetFacts(fleet) }, at));
          return { fleet, userErrors: [] };
        });
      } catch (error) {
        // Lost a race with another fleet of the same name.
        if (isUniqueViolation(error)) return fleetFail(nameTaken());
        throw error;
      }
    },

    /** Operations staff only. Fields left out stay. */
    async updateFleet(viewer: Viewer | null, input: UpdateFleetInput): Promise<FleetResult> {
      const staff = requireViewer(viewer, 'updateFleet');
      const invalid = problems(
        input.name != null ? checkText(input.name, 'input.name') : null,
        input.city != null ? checkText(input.city, 'input.city') : null,
      );
      if (invalid.length) return { fleet: null, userErrors: invalid };
      const notFound = fleetFail(userError('FLEET_NOT_FOUND', 'No fleet has this id', 'input.id'));
      if (!wellFormedId(input.id)) return notFound;
      try {
        return await audited(async (tx, at) => {
          const fleet = await tx.fleets.lockById(input.id);
          if (!fleet || !managesFleet(staff, fleet.id)) return notFound;
          const name = input.name?.trim();
          if (name && name !== fleet.name && (await tx.fleets.findByName(name))) return fleetFail(nameTaken());
          const updated = await tx.fleets.update(fleet.id, { ...(name ? { name } : {}), ...(input.city != null ? { city: input.city.trim() } : {}) });
          await tx.outbox.add(
            auditEvent(
              'fleet',
              staff,
              { action: 'fleet.update', target: { type: 'Fleet', id: fleet.id }, before: fleetFacts(fleet), after: fleetFacts(updated) },
              at,
            ),
          );
          return { fleet: updated, userErrors: [] };
        });
      } catch (error) {
        if (isUniqueViolation(error)) return fleetFail(nameTaken());
        throw error;
      }
    },

    /** Staff of the hub's fleet. A retired hub cannot be changed. */
    async updateHub(viewer: Viewer | null, input: UpdateHubInput): Promise<HubResult> {
      const staff = requireViewer(viewer, 'updateHub');
      const invalid = problems(
        input.name != null ? checkText(input.name, 'input.name') : null,
        input.location != null ? checkLocation(input.location, 'input.location') : null,
      );
      if (invalid.length) return { hub: null, userErrors: invalid };
      if (!wellFormedId(input.id)) return hubFail(hubNotFound());
      return audited(async (tx, at) => {
        const hub = await tx.hubs.lockById(input.id);
        if (!hub || !managesFleet(staff, hub.fleetId)) return hubFail(hubNotFound());
        if (hub.retiredAt) return hubFail(userError('HUB_RETIRED', 'The hub is retired', 'input.id'));
        const updated = await tx.hubs.update(hub.id, {
          ...(input.name != null ? { name: input.name.trim() } : {}),
          ...(input.location != null ? { latitude: input.location.latitude, longitude: input.location.longitude } : {}),
        });
        await tx.outbox.add(
          auditEvent('fleet', staff, { action: 'hub.update', target: { type: 'Hub', id: hub.id }, before: hubFacts(hub), after: hubFacts(updated) }, at),
        );
        return { hub: updated, userErrors: [] };
      });
    },

    /**
     * Retires a hub that nobody calls home any more. Refusing (HUB_IN_USE) rather than moving vehicles and drivers
     * elsewhere: which hub they should move to is the manager's decision. Giving a vehicle or driver a home hub locks
     * the hub row too (ops-service `hubOfFleet`), so the two serialise: either the count below sees the new home, or
     * the other change sees the hub retired (HUB_NOT_FOUND).
     */
    async retireHub(viewer: Viewer | null, id: string): Promise<HubResult> {
      const staff = requireViewer(viewer, 'retireHub');
      const notFound = hubFail(userError('HUB_NOT_FOUND', 'No hub you manage has this id', 'id'));
      if (!wellFormedId(id)) return notFound;
      return audited(async (tx, at) => {
        const hub = await tx.hubs.lockById(id);
        if (!hub || !managesFleet(staff, hub.fleetId)) return notFound;
        if (hub.retiredAt) return hubFail(userError('HUB_RETIRED', 'The hub is retired already', 'id'));
        const home = await tx.hubs.homeOf(hub.id);
        if (home.vehicles > 0 || home.drivers > 0) {
          const message = `The hub is the home hub of ${home.vehicles} vehicle(s) and ${home.drivers} driver(s): give them another home hub first`;
          return hubFail(userError('HUB_IN_USE', message, 'id'));
        }
        const retired = await tx.hubs.update(hub.id, { retiredAt: at });
        await tx.outbox.add(
          auditEvent('fleet', staff, { action: 'hub.retire', target: { type: 'Hub', id: hub.id }, before: hubFacts(hub), after: hubFacts(retired) }, at),
        );
        return { hub: retired, userErrors: [] };
      });
    },
  };
}
