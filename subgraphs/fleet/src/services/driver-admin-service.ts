// Staff changes to a driver: profile (licence, expiry, home hub, fleet), suspension and reinstatement. Each runs in
// one transaction holding the driver's row lock — so it never interleaves with a shift change or a trip event of
// the same driver — and commits with its audit entry and, when dispatch must know, a `driver.status.changed`.
import { hasAnyRole, type Viewer } from '../../../../platform/auth/index.js';
import { auditEvent } from '../../../../platform/audit/index.js';
import { AppError } from '../../../../platform/errors/index.js';
import type { UpdateDriverProfileInput } from '../generated/resolvers-types.js';
import type { DriverProfileChange } from '../store/driver-store.js';
import type { Driver } from '../store/prisma/client.js';
import { isUniqueViolation, type FleetStore, type FleetStores } from '../store/store.js';
import { managesFleet, requireViewer } from './access.js';
import { changeDriverState, illegalTransition, workingStatus, type OutboxNotifier } from './driver-state.js';
import { hubOfFleet, type DriverResult } from './ops-service.js';
import { problems, userError, type FleetUserError } from './user-errors.js';
import { checkLicence, checkText, formatCalendarDate, normaliseLicence, parseCalendarDate, wellFormedId } from './validation.js';

export interface DriverAdminServiceDeps {
  store: FleetStore;
  now: () => Date;
  outbox: OutboxNotifier;
}

export type DriverAdminService = ReturnType<typeof createDriverAdminService>;

const fail = (error: FleetUserError): DriverResult => ({ driver: null, userErrors: [error] });
const MAX_REASON = 500;

/** What the audit log shows of a driver: the fields these mutations change. */
const driverFacts = (driver: Driver) => ({
  fleetId: driver.fleetId,
  licenceNumber: driver.licenceNumber,
  licenceExpiresOn: driver.licenceExpiresOn ? formatCalendarDate(driver.licenceExpiresOn) : null,
  homeHubId: driver.homeHubId,
  status: driver.status,
  suspended: driver.suspendedAt !== null,
});

export function createDriverAdminService({ store, now, outbox }: DriverAdminServiceDeps) {
  /**
   * Runs `work` with the driver locked, when the viewer manages the driver's fleet (otherwise DRIVER_NOT_FOUND, as
   * for an unknown id); wakes the relay after a success (the audit entry, maybe an event, wait in the outbox).
   */
  async function withDriver(
    staff: Viewer,
    driverId: string,
    field: string,
    work: (tx: FleetStores, driver: Driver, at: Date) => Promise<DriverResult>,
  ): Promise<DriverResult> {
    const notFound = () => fail(userError('DRIVER_NOT_FOUND', 'No driver you manage has this id', field));
    if (!wellFormedId(driverId)) return notFound();
    const result = await store.transaction(async (tx) => {
      const driver = await tx.drivers.lockById(driverId);
      if (!driver || !managesFleet(staff, driver.fleetId)) return notFound();
      return work(tx, driver, now());
    });
    if (result.driver) outbox.wake();
    return result;
  }

  return {
    /**
     * Fields left out stay. A fleet move is for operations staff, and only for a driver without an active
     * assignment or open shift (DRIVER_BUSY): the vehicle and the shift belong to the old fleet. The move goes out
     * in `driver.status.changed` (it carries the fleet id), so trips' supply and payments' driver directory follow.
     * @throws AppError FORBIDDEN when a fleet manager asks for a fleet move.
     */
    async updateDriverProfile(viewer: Viewer | null, input: UpdateDriverProfileInput): Promise<DriverResult> {
      const staff = requireViewer(viewer, 'updateDriverProfile');
      if (input.fleetId != null && !hasAnyRole(staff, ['SUPER_ADMIN', 'OPERATIONS']))
        throw new AppError('FORBIDDEN', 'Only operations staff move drivers between fleets');
      const licenceNumber = input.licenceNumber != null ? normaliseLicence(input.licenceNumber) : undefined;
      const expiresOn = input.licenceExpiresOn != null ? parseCalendarDate(input.licenceExpiresOn) : input.licenceExpiresOn;
      const invalid = problems(
        licenceNumber !== undefined ? checkLicence(licenceNumber, 'input.licenceNumber') : null,
        expiresOn === null && input.licenceExpiresOn != null
          ? userError('INVALID_DATE', 'Give the expiry as a calendar date YYYY-MM-DD (years 2000 to 2100)', 'input.licenceExpiresOn')
          : null,
      );
      if (invalid.length) return { driver: null, userErrors: invalid };
      const licenceTaken = () => fail(userError('LICENCE_TAKEN', 'Another driver has this licence number', 'input.licenceNumber'));
      try {
        return await withDriver(staff, input.driverId, 'input.driverId', async (tx, driver, at) => {
          const moving = input.fleetId != null && input.fleetId !== driver.fleetId;
          const fleetId = moving ? input.fleetId! : driver.fleetId;
          if (moving) {
            if (!wellFormedId(fleetId) || !(await tx.fleets.findById(fleetId)))
              return fail(userError('FLEET_NOT_FOUND', 'No fleet has this id', 'input.fleetId'));
            const busy = (await tx.assignments.findActiveByDriverIds([driver.id])).length > 0 || (await tx.attendances.findOpenByDriverId(driver.id)) !== null;
            if (busy) return fail(userError('DRIVER_BUSY', "End the driver's vehicle assignment and shift before moving them", 'input.fleetId'));
          }
          if (input.homeHubId && !(await hubOfFleet(tx, input.homeHubId, fleetId)))
            return fail(userError('HUB_NOT_FOUND', "No hub in use of the driver's fleet has this id", 'input.homeHubId'));
          if (licenceNumber !== undefined && licenceNumber !== driver.licenceNumber && (await tx.drivers.findByLicence(licenceNumber))) return licenceTaken();
          const change: DriverProfileChange = {
            ...(licenceNumber !== undefined ? { licenceNumber } : {}),
            ...(expiresOn !== undefined ? { licenceExpiresOn: expiresOn } : {}),
            // A home hub of the old fleet makes no sense after a move.
            ...(input.homeHubId !== undefined ? { homeHubId: input.homeHubId } : moving ? { homeHubId: null } : {}),
          };
          let updated = await tx.drivers.updateProfile(driver.id, change);
          if (moving) updated = await changeDriverState(tx, updated, { fleetId }, at);
          await tx.outbox.add(
            auditEvent(
              'fleet',
              staff,
              { action: 'driver.update', target: { type: 'Driver', id: driver.id }, before: driverFacts(driver), after: driverFacts(updated) },
              at,
            ),
          );
          return { driver: updated, userErrors: [] };
        });
      } catch (error) {
        // Lost a race with another driver taking the same licence number.
        if (isUniqueViolation(error)) return licenceTaken();
        throw error;
      }
    },

    /**
     * The driver goes OFFLINE at once (a running break ends); `driver.status.changed` tells trips, whose dispatch
     * withdraws the driver's pending offer. The open shift stays open so the driver can still check out and hand
     * in cash. While suspended no path makes them AVAILABLE (`changeDriverState`), check-in is refused.
     * @throws AppError ILLEGAL_STATE_TRANSITION while the driver is ON_TRIP: the rider is in the car; operations
     *   end or reassign the trip first.
     */
    async suspendDriver(viewer: Viewer | null, driverId: string, reason: string): Promise<DriverResult> {
      const staff = requireViewer(viewer, 'suspendDriver');
      const invalid = checkText(reason, 'reason', MAX_REASON);
      if (invalid) return fail(invalid);
      return withDriver(staff, driverId, 'driverId', async (tx, driver, at) => {
        if (driver.suspendedAt) return fail(userError('DRIVER_SUSPENDED', 'The driver is suspended already', 'driverId'));
        if (driver.status === 'ON_TRIP') throw illegalTransition('The driver is on a trip: end or reassign it before suspending them', driver.status);
        const shift = await tx.attendances.findOpenByDriverId(driver.id);
        const openBreak = shift ? await tx.attendances.findOpenBreak(shift.id) : null;
        if (openBreak) await tx.attendances.endBreak(openBreak.id, at);
        const updated = await changeDriverState(tx, driver, { status: 'OFFLINE', suspendedAt: at, suspensionReason: reason.trim() }, at);
        await tx.outbox.add(
          auditEvent(
            'fleet',
            staff,
            {
              action: 'driver.suspend',
              target: { type: 'Driver', id: driver.id },
              before: driverFacts(driver),
              after: driverFacts(updated),
              reason: reason.trim(),
            },
            at,
          ),
        );
        return { driver: updated, userErrors: [] };
      });
    },

    /** Lifts the suspension; on shift with a vehicle the driver is AVAILABLE again, otherwise OFFLINE. */
    async reinstateDriver(viewer: Viewer | null, driverId: string, reason?: string | null): Promise<DriverResult> {
      const staff = requireViewer(viewer, 'reinstateDriver');
      const why = reason?.trim() || null;
      if (why && why.length > MAX_REASON) return fail(userError('INVALID_TEXT', `Give at most ${MAX_REASON} characters`, 'reason'));
      return withDriver(staff, driverId, 'driverId', async (tx, driver, at) => {
        if (!driver.suspendedAt) return fail(userError('DRIVER_NOT_SUSPENDED', 'The driver is not suspended', 'driverId'));
        const onShift = (await tx.attendances.findOpenByDriverId(driver.id)) !== null;
        const status = workingStatus(onShift, driver.currentVehicleId !== null);
        const updated = await changeDriverState(tx, driver, { status, suspendedAt: null, suspensionReason: null }, at);
        await tx.outbox.add(
          auditEvent(
            'fleet',
            staff,
            { action: 'driver.reinstate', target: { type: 'Driver', id: driver.id }, before: driverFacts(driver), after: driverFacts(updated), reason: why },
            at,
          ),
        );
        return { driver: updated, userErrors: [] };
      });
    },
  };
}
