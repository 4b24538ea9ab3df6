// Shifts: check-in, breaks, check-out, and their review by a manager. Every step runs in one transaction holding
// the driver's row lock, so a shift change and a trip event for the same driver never interleave. "One open
// shift per driver" and "one open break per shift" are database rules too (slot columns).
import { auditEvent } from '../../../../platform/audit/index.js';
import type { Viewer } from '../../../../platform/auth/index.js';
import { AppError } from '../../../../platform/errors/index.js';
import { haversineMeters } from '../../../../platform/geo/index.js';
import type { FleetConfig } from '../config.js';
import type { CheckInInput, CheckOutInput, ReviewAttendanceInput } from '../generated/resolvers-types.js';
import type { Attendance, Driver } from '../store/prisma/client.js';
import { isUniqueViolation, type FleetStore, type FleetStores } from '../store/store.js';
import { managesFleet, requireOwnDriver, requireViewer } from './access.js';
import { changeDriverState, illegalTransition, workingStatus, type OutboxNotifier } from './driver-state.js';
import { attendanceReviewedEvent, shiftCheckedOutEvent } from './shift-events.js';
import { problems, userError, type FleetUserError } from './user-errors.js';
import { checkHttpsUrl, checkLocation, checkMoney, checkOdometer, licenceExpired, wellFormedId } from './validation.js';

export interface AttendanceServiceDeps {
  store: FleetStore;
  config: FleetConfig;
  now: () => Date;
  outbox: OutboxNotifier;
}

export type AttendanceResult = { attendance: Attendance | null; driver: Driver | null; userErrors: FleetUserError[] };

export type AttendanceService = ReturnType<typeof createAttendanceService>;

const invalid = (userErrors: FleetUserError[]): AttendanceResult => ({ attendance: null, driver: null, userErrors });
const alreadyOnShift = () => new AppError('CONFLICT', 'You are checked in already: check out first');

const belowVehicleReading = (km: number) =>
  invalid([userError('INVALID_ODOMETER', `The odometer reading is below the vehicle's last reading (${km} km)`, 'input.odometerKm')]);

export function createAttendanceService({ store, config, now, outbox }: AttendanceServiceDeps) {
  /** Runs `work` with the viewer's driver row locked, then wakes the relay (work may have written events). */
  async function asDriver(
    viewer: Viewer | null,
    what: string,
    work: (tx: FleetStores, driver: Driver, at: Date) => Promise<AttendanceResult>,
  ): Promise<AttendanceResult> {
    const at = now();
    const result = await store.transaction(async (tx) => work(tx, await requireOwnDriver(viewer, what, (userId) => tx.drivers.lockByUserId(userId)), at));
    outbox.wake();
    return result;
  }

  async function requireOpenShift(tx: FleetStores, driver: Driver): Promise<Attendance> {
    const shift = await tx.attendances.findOpenByDriverId(driver.id);
    if (!shift) throw illegalTransition('You are not checked in', driver.status);
    return shift;
  }

  return {
    /**
     * Opens a shift where the fleet works (within `checkInRadiusMeters` of one of its hubs; a fleet without hubs
     * has no reference point and accepts any location) with a reading not below the vehicle's last one.
     * @throws AppError CONFLICT when a shift is open already (also when two check-ins race).
     */
    async checkIn(viewer: Viewer | null, input: CheckInInput): Promise<AttendanceResult> {
      const errors = problems(
        checkLocation(input.location, 'input.location'),
        checkOdometer(input.odometerKm, 'input.odometerKm'),
        checkHttpsUrl(input.selfieUrl, 'input.selfieUrl'),
      );
      if (errors.length) return invalid(errors);
      try {
        return await asDriver(viewer, 'checkIn', async (tx, driver, at) => {
          if (await tx.attendances.findOpenByDriverId(driver.id)) throw alreadyOnShift();
          if (driver.suspendedAt) return invalid([userError('DRIVER_SUSPENDED', 'You are suspended: ask your fleet manager', null)]);
          if (licenceExpired(driver, at))
            return invalid([userError('LICENCE_EXPIRED', 'Your driving licence has expired: ask your fleet to record the renewed one', null)]);
          const hubs = await tx.hubs.findByFleetIds([driver.fleetId]);
          if (hubs.length > 0 && !hubs.some((hub) => haversineMeters(hub, input.location) <= config.checkInRadiusMeters)) {
            const km = config.checkInRadiusMeters / 1000;
            return invalid([userError('TOO_FAR_FROM_HUB', `Check in within ${km} km of one of your fleet's hubs`, 'input.location')]);
          }
          // First write of the shift: a refusal leaves nothing behind.
          const higher = driver.currentVehicleId ? await tx.vehicles.recordOdometer(driver.currentVehicleId, input.odometerKm) : null;
          if (higher !== null) return belowVehicleReading(higher);
          const attendance = await tx.attendances.open({
            driverId: driver.id,
            fleetId: driver.fleetId,
            vehicleId: driver.currentVehicleId,
            latitude: input.location.latitude,
            longitude: input.location.longitude,
            odometerKm: input.odometerKm,
            selfieUrl: input.selfieUrl,
            at,
          });
          // A driver already ON_TRIP (a trip assigned while off shift) keeps that status until the trip ends.
          const next = driver.status === 'OFFLINE' ? workingStatus(true, driver.currentVehicleId !== null) : driver.status;
          const updated = next === driver.status ? driver : await changeDriverState(tx, driver, { status: next }, at);
          return { attendance, driver: updated, userErrors: [] };
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw alreadyOnShift();
        throw error;
      }
    },

    /** @throws AppError ILLEGAL_STATE_TRANSITION when off shift, on a trip or already on a break. */
    startBreak(viewer: Viewer | null): Promise<AttendanceResult> {
      return asDriver(viewer, 'startBreak', async (tx, driver, at) => {
        const shift = await requireOpenShift(tx, driver);
        if (driver.status === 'ON_TRIP') throw illegalTransition('You are on a trip: take a break after it', driver.status);
        if (driver.suspendedAt) throw illegalTransition('You are suspended: you can only check out', driver.status);
        if (driver.status === 'ON_BREAK' || (await tx.attendances.findOpenBreak(shift.id)))
          throw illegalTransition('You are on a break already', driver.status);
        await tx.attendances.startBreak(shift.id, at);
        return { attendance: shift, driver: await changeDriverState(tx, driver, { status: 'ON_BREAK' }, at), userErrors: [] };
      });
    },

    /** @throws AppError ILLEGAL_STATE_TRANSITION when not on a break. */
    endBreak(viewer: Viewer | null): Promise<AttendanceResult> {
      return asDriver(viewer, 'endBreak', async (tx, driver, at) => {
        const shift = await requireOpenShift(tx, driver);
        const open = await tx.attendances.findOpenBreak(shift.id);
        if (!open) throw illegalTransition('You are not on a break', driver.status);
        await tx.attendances.endBreak(open.id, at);
        const next = driver.status === 'ON_BREAK' ? workingStatus(true, driver.currentVehicleId !== null) : driver.status;
        const updated = next === driver.status ? driver : await changeDriverState(tx, driver, { status: next }, at);
        return { attendance: shift, driver: updated, userErrors: [] };
      });
    },

    /**
     * Ends the shift, and a break in progress with it; the driver goes OFFLINE.
     * @throws AppError ILLEGAL_STATE_TRANSITION when off shift or on a trip.
     */
    async checkOut(viewer: Viewer | null, input: CheckOutInput): Promise<AttendanceResult> {
      const errors = problems(
        checkOdometer(input.odometerKm, 'input.odometerKm'),
        checkMoney(input.cashDeposited, 'input.cashDeposited', config.maxCashDepositMinor),
      );
      if (errors.length) return invalid(errors);
      return asDriver(viewer, 'checkOut', async (tx, driver, at) => {
        const shift = await requireOpenShift(tx, driver);
        if (driver.status === 'ON_TRIP') throw illegalTransition('You are on a trip: check out after it', driver.status);
        if (input.odometerKm < shift.checkInOdometerKm) {
          return invalid([
            userError('INVALID_ODOMETER', `The odometer reading is below the check-in reading (${shift.checkInOdometerKm} km)`, 'input.odometerKm'),
          ]);
        }
        if (input.odometerKm - shift.checkInOdometerKm > config.maxShiftKm) {
          return invalid([
            userError(
              'INVALID_ODOMETER',
              `A shift adds at most ${config.maxShiftKm} km to the check-in reading (${shift.checkInOdometerKm} km)`,
              'input.odometerKm',
            ),
          ]);
        }
        // First write of the check-out: a refusal leaves nothing behind.
        const higher = shift.vehicleId ? await tx.vehicles.recordOdometer(shift.vehicleId, input.odometerKm) : null;
        if (higher !== null) return belowVehicleReading(higher);
        const open = await tx.attendances.findOpenBreak(shift.id);
        if (open) await tx.attendances.endBreak(open.id, at);
        const attendance = await tx.attendances.close(shift.id, {
          odometerKm: input.odometerKm,
          cashMinor: input.cashDeposited.amountMinor,
          currency: input.cashDeposited.currency,
          at,
        });
        await tx.outbox.add(shiftCheckedOutEvent(attendance, driver, at));
        const updated = driver.status === 'OFFLINE' ? driver : await changeDriverState(tx, driver, { status: 'OFFLINE' }, at);
        return { attendance, driver: updated, userErrors: [] };
      });
    },

    /** Operations staff, or the manager of the shift's fleet; a shift of another fleet is reported as unknown. */
    async reviewAttendance(viewer: Viewer | null, input: ReviewAttendanceInput): Promise<AttendanceResult> {
      const reviewer = requireViewer(viewer, 'reviewAttendance');
      const note = input.note?.trim() || null;
      const errors = problems(
        note && note.length > 1000 ? userError('INVALID_TEXT', 'The note is longer than 1000 characters', 'input.note') : null,
        input.decision === 'REJECT' && !note ? userError('NOTE_REQUIRED', 'Say why the shift is rejected', 'input.note') : null,
      );
      if (errors.length) return invalid(errors);
      const notFound = invalid([userError('ATTENDANCE_NOT_FOUND', 'No shift you manage has this id', 'input.attendanceId')]);
      if (!wellFormedId(input.attendanceId)) return notFound;
      const shift = await store.attendances.findById(input.attendanceId);
      if (!shift || !managesFleet(reviewer, shift.fleetId)) return notFound;
      if (!shift.checkOutAt) return invalid([userError('ATTENDANCE_OPEN', 'The shift is still open: review it after check-out', 'input.attendanceId')]);
      const at = now();
      const reviewed = await store.transaction(async (tx) => {
        const done = await tx.attendances.review(shift.id, {
          approval: input.decision === 'APPROVE' ? 'APPROVED' : 'REJECTED',
          reviewerUserId: reviewer.userId,
          note,
          at,
        });
        if (done) {
          // The driver hears the outcome (notifications); the reviewer's action is audited.
          const driver = await tx.drivers.findById(done.driverId);
          if (driver) await tx.outbox.add(attendanceReviewedEvent(done, driver, at));
          await tx.outbox.add(
            auditEvent(
              'fleet',
              reviewer,
              {
                action: 'attendance.review',
                target: { type: 'Attendance', id: shift.id },
                before: { approval: shift.approval },
                after: { approval: done.approval, reviewNote: done.reviewNote },
                reason: note,
              },
              at,
            ),
          );
        }
        return done;
      });
      if (reviewed) outbox.wake();
      if (!reviewed) return invalid([userError('ATTENDANCE_REVIEWED', 'The shift has been reviewed already', 'input.attendanceId')]);
      return { attendance: reviewed, driver: await store.drivers.findById(reviewed.driverId), userErrors: [] };
    },
  };
}
