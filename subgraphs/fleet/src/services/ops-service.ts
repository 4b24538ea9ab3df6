// The operations dashboard's writes: hubs, vehicles and driver profiles. Staff act only on fleets they manage.
import { auditEvent } from '../../../../platform/audit/index.js';
import type { Viewer } from '../../../../platform/auth/index.js';
import type { CreateDriverProfileInput, CreateHubInput, CreateVehicleInput, UpdateVehicleInput } from '../generated/resolvers-types.js';
import type { Driver, Hub, Vehicle } from '../store/prisma/client.js';
import { isUniqueViolation, type FleetStore, type FleetStores } from '../store/store.js';
import type { VehicleChanges } from '../store/vehicle-store.js';
import { managesFleet, requireViewer } from './access.js';
import { changeDriverState, type OutboxNotifier } from './driver-state.js';
import { problems, userError, type FleetUserError } from './user-errors.js';
import { checkLicence, checkLocation, checkPlate, checkText, checkYear, normaliseLicence, normalisePlate, wellFormedId } from './validation.js';

export interface OpsServiceDeps {
  store: FleetStore;
  now: () => Date;
  outbox: OutboxNotifier;
}

export type HubResult = { hub: Hub | null; userErrors: FleetUserError[] };
export type VehicleResult = { vehicle: Vehicle | null; userErrors: FleetUserError[] };
export type DriverResult = { driver: Driver | null; userErrors: FleetUserError[] };

export type OpsService = ReturnType<typeof createOpsService>;

const fleetNotFound = (field: string) => userError('FLEET_NOT_FOUND', 'No fleet you manage has this id', field);
const vehicleNotFound = (field: string) => userError('VEHICLE_NOT_FOUND', 'No vehicle you manage has this id', field);
const hubNotFound = (field: string) => userError('HUB_NOT_FOUND', "No hub of the vehicle's fleet has this id", field);
/**
 * Roles that exclude driving: operations staff see and change every fleet, a fleet manager reviews their drivers'
 * shifts — neither may also be one of the drivers they oversee.
 */
const STAFF_ROLES: ReadonlySet<string> = new Set(['SUPER_ADMIN', 'OPERATIONS', 'FLEET_MANAGER']);

/**
 * A hub in use of the fleet, locked until the caller's transaction ends (so retireHub cannot retire it meanwhile).
 * @param db the caller's open transaction: outside one the lock would end with the statement.
 */
export async function hubOfFleet(db: Pick<FleetStores, 'hubs'>, hubId: string, fleetId: string): Promise<Hub | null> {
  if (!wellFormedId(hubId)) return null;
  const hub = await db.hubs.lockById(hubId);
  return hub?.fleetId === fleetId && !hub.retiredAt ? hub : null;
}

export function createOpsService({ store, now, outbox }: OpsServiceDeps) {
  /** The fleet when the viewer manages it, else null (unknown and foreign fleets look the same). */
  async function managedFleet(viewer: Viewer, fleetId: string) {
    if (!wellFormedId(fleetId) || !managesFleet(viewer, fleetId)) return null;
    return store.fleets.findById(fleetId);
  }

  return {
    async createHub(viewer: Viewer | null, input: CreateHubInput): Promise<HubResult> {
      const staff = requireViewer(viewer, 'createHub');
      const invalid = problems(checkText(input.name, 'input.name'), checkLocation(input.location, 'input.location'));
      if (invalid.length) return { hub: null, userErrors: invalid };
      if (!(await managedFleet(staff, input.fleetId))) return { hub: null, userErrors: [fleetNotFound('input.fleetId')] };
      const hub = await store.transaction(async (tx) => {
        const created = await tx.hubs.create({
          fleetId: input.fleetId,
          name: input.name.trim(),
          latitude: input.location.latitude,
          longitude: input.location.longitude,
        });
        const after = { fleetId: created.fleetId, name: created.name, latitude: created.latitude, longitude: created.longitude };
        await tx.outbox.add(auditEvent('fleet', staff, { action: 'hub.create', target: { type: 'Hub', id: created.id }, after }));
        return created;
      });
      outbox.wake();
      return { hub, userErrors: [] };
    },

    async createVehicle(viewer: Viewer | null, input: CreateVehicleInput): Promise<VehicleResult> {
      const staff = requireViewer(viewer, 'createVehicle');
      const plate = normalisePlate(input.plate);
      const invalid = problems(
        checkPlate(plate, 'input.plate'),
        checkText(input.make, 'input.make'),
        checkText(input.model, 'input.model'),
        checkYear(input.year, now(), 'input.year'),
      );
      if (invalid.length) return { vehicle: null, userErrors: invalid };
      if (!(await managedFleet(staff, input.fleetId))) return { vehicle: null, userErrors: [fleetNotFound('input.fleetId')] };
      const plateTaken = { vehicle: null, userErrors: [userError('PLATE_TAKEN', 'Another vehicle has this plate', 'input.plate')] };
      if (await store.vehicles.findByPlate(plate)) return plateTaken;
      try {
        const vehicle = await store.transaction(async (tx) => {
          // Checked and locked in this transaction, so a retireHub racing this insert either sees the new vehicle
          // at its hub (and refuses) or retires the hub first (and this answers HUB_NOT_FOUND).
          if (input.homeHubId && !(await hubOfFleet(tx, input.homeHubId, input.fleetId))) return null;
          const created = await tx.vehicles.create({
            fleetId: input.fleetId,
            homeHubId: input.homeHubId ?? null,
            plate,
            make: input.make.trim(),
            model: input.model.trim(),
            year: input.year,
            category: input.category,
          });
          const { fleetId, homeHubId, make, model, year, category, status } = created;
          const after = { fleetId, homeHubId, plate: created.plate, make, model, year, category, status };
          await tx.outbox.add(auditEvent('fleet', staff, { action: 'vehicle.create', target: { type: 'Vehicle', id: created.id }, after }));
          return created;
        });
        if (!vehicle) return { vehicle: null, userErrors: [hubNotFound('input.homeHubId')] };
        outbox.wake();
        return { vehicle, userErrors: [] };
      } catch (error) {
        // Lost a race with another insert of the same plate.
        if (isUniqueViolation(error)) return plateTaken;
        throw error;
      }
    },

    /**
     * Fields left out stay; `homeHubId` or `colour` null removes it. RETIRED is final (VEHICLE_RETIRED for any change
     * of a retired vehicle). An assigned vehicle keeps its status and category (VEHICLE_ASSIGNED): its driver's
     * dispatch category comes from it. Recorded in the audit log with the fields it changed.
     */
    async updateVehicle(viewer: Viewer | null, input: UpdateVehicleInput): Promise<VehicleResult> {
      const staff = requireViewer(viewer, 'updateVehicle');
      const plate = input.plate != null ? normalisePlate(input.plate) : undefined;
      const colour = input.colour === undefined ? undefined : input.colour === null ? null : input.colour.trim();
      const invalid = problems(
        plate !== undefined ? checkPlate(plate, 'input.plate') : null,
        input.make != null ? checkText(input.make, 'input.make') : null,
        input.model != null ? checkText(input.model, 'input.model') : null,
        input.year != null ? checkYear(input.year, now(), 'input.year') : null,
        colour != null ? checkText(colour, 'input.colour', 40) : null,
      );
      if (invalid.length) return { vehicle: null, userErrors: invalid };
      if (!wellFormedId(input.id)) return { vehicle: null, userErrors: [vehicleNotFound('input.id')] };
      const fail = (error: FleetUserError): VehicleResult => ({ vehicle: null, userErrors: [error] });
      const plateTaken = () => fail(userError('PLATE_TAKEN', 'Another vehicle has this plate', 'input.plate'));
      try {
        const result = await store.transaction(async (tx): Promise<VehicleResult> => {
          // Locked: an assignment of this vehicle cannot slip in between the checks below and the change.
          const vehicle = await tx.vehicles.lockById(input.id);
          if (!vehicle || !managesFleet(staff, vehicle.fleetId)) return fail(vehicleNotFound('input.id'));
          if (vehicle.status === 'RETIRED') return fail(userError('VEHICLE_RETIRED', 'The vehicle is retired and cannot be changed', 'input.id'));
          if (input.homeHubId && !(await hubOfFleet(tx, input.homeHubId, vehicle.fleetId))) return fail(hubNotFound('input.homeHubId'));
          const changesStatus = input.status && input.status !== vehicle.status;
          const changesCategory = input.category && input.category !== vehicle.category;
          if ((changesStatus || changesCategory) && (await tx.assignments.findActiveByVehicleIds([vehicle.id])).length > 0) {
            const field = changesStatus ? 'input.status' : 'input.category';
            return fail(userError('VEHICLE_ASSIGNED', 'The vehicle is assigned to a driver: end the assignment first', field));
          }
          if (plate !== undefined && plate !== vehicle.plate && (await tx.vehicles.findByPlate(plate))) return plateTaken();
          const changes: VehicleChanges = {
            ...(input.status ? { status: input.status } : {}),
            ...(input.homeHubId !== undefined ? { homeHubId: input.homeHubId } : {}),
            ...(plate !== undefined ? { plate } : {}),
            ...(input.make != null ? { make: input.make.trim() } : {}),
            ...(input.model != null ? { model: input.model.trim() } : {}),
            ...(input.year != null ? { year: input.year } : {}),
            ...(colour !== undefined ? { colour } : {}),
            ...(input.category ? { category: input.category } : {}),
          };
          const updated = await tx.vehicles.update(vehicle.id, changes);
          const before = Object.fromEntries(Object.keys(changes).map((key) => [key, vehicle[key as keyof VehicleChanges] ?? null]));
          const action = changes.status === 'RETIRED' ? 'vehicle.retire' : 'vehicle.update';
          const after = Object.fromEntries(Object.entries(changes).map(([key, value]) => [key, value ?? null]));
          await tx.outbox.add(auditEvent('fleet', staff, { action, target: { type: 'Vehicle', id: vehicle.id }, before, after }, now()));
          return { vehicle: updated, userErrors: [] };
        });
        if (result.vehicle) outbox.wake();
        return result;
      } catch (error) {
        // Lost a race with another vehicle taking the same plate.
        if (isUniqueViolation(error)) return plateTaken();
        throw error;
      }
    },

    /**
     * fleet never reads identity's tables: it knows accounts from identity's `user.registered` and
     * `user.changed` events (known_users). The user must be known, active and not staff; a rider (or a user who
     * already has the DRIVER role) may become a driver. A user who drives for a fleet the viewer does not manage is
     * reported exactly like a member of staff (USER_NOT_ELIGIBLE), so a fleet manager learns nothing about other
     * fleets' drivers. The driver starts OFFLINE without a vehicle, and the first `driver.status.changed`
     * (version 1) tells trips the driver exists.
     */
    async createDriverProfile(viewer: Viewer | null, input: CreateDriverProfileInput): Promise<DriverResult> {
      const staff = requireViewer(viewer, 'createDriverProfile');
      const licenceNumber = normaliseLicence(input.licenceNumber);
      const invalid = problems(
        wellFormedId(input.userId) ? null : userError('INVALID_USER_ID', 'The user id is not well-formed', 'input.userId'),
        checkLicence(licenceNumber, 'input.licenceNumber'),
      );
      if (invalid.length) return { driver: null, userErrors: invalid };
      if (!(await managedFleet(staff, input.fleetId))) return { driver: null, userErrors: [fleetNotFound('input.fleetId')] };
      const account = await store.knownUsers.findById(input.userId);
      if (!account) {
        return {
          driver: null,
          userErrors: [userError('USER_NOT_FOUND', 'No account has this id (a new account reaches fleet within a few seconds)', 'input.userId')],
        };
      }
      const notEligible = userError(
        'USER_NOT_ELIGIBLE',
        'This user cannot become a driver of this fleet (staff, or already driving elsewhere)',
        'input.userId',
      );
      if (!account.active || account.roles.some((role) => STAFF_ROLES.has(role))) return { driver: null, userErrors: [notEligible] };
      const taken = async (): Promise<FleetUserError | null> => {
        const existing = await store.drivers.findByUserId(input.userId);
        if (existing)
          return managesFleet(staff, existing.fleetId)
            ? userError('DRIVER_PROFILE_EXISTS', 'This user already has a driver profile', 'input.userId')
            : notEligible;
        if (await store.drivers.findByLicence(licenceNumber))
          return userError('LICENCE_TAKEN', 'Another driver has this licence number', 'input.licenceNumber');
        return null;
      };
      const before = await taken();
      if (before) return { driver: null, userErrors: [before] };
      const at = now();
      try {
        const driver = await store.transaction(async (tx) => {
          const created = await tx.drivers.create({ userId: input.userId, fleetId: input.fleetId, licenceNumber });
          const after = { userId: created.userId, fleetId: created.fleetId, licenceNumber: created.licenceNumber, status: created.status };
          await tx.outbox.add(auditEvent('fleet', staff, { action: 'driver.create_profile', target: { type: 'Driver', id: created.id }, after }, at));
          return changeDriverState(tx, created, {}, at);
        });
        outbox.wake();
        return { driver, userErrors: [] };
      } catch (error) {
        const raced = isUniqueViolation(error) ? await taken() : null;
        if (raced) return { driver: null, userErrors: [raced] };
        throw error;
      }
    },
  };
}
