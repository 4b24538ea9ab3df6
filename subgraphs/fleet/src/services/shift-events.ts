// The durable events of a shift. Finished: payments reconciles the cash a driver handed in against the cash fares
// of the shift's window (written by `checkOut` in its transaction, so it exists exactly when the check-out does).
// Reviewed: notifications tell the driver their attendance was approved or rejected, with the reason (written by
// `reviewAttendance` in its transaction; a shift is reviewed once).
import { outboxEvent, type DomainEvents, type OutboxRow } from '../../../../platform/events/index.js';
import type { Attendance, Driver } from '../store/prisma/client.js';

/** @param shift the closed attendance (checkOutAt set). */
export function shiftCheckedOutEvent(shift: Attendance, driver: Driver, at: Date): OutboxRow<'shift.checked_out'> {
  const checkedOutAt = shift.checkOutAt ?? at;
  const payload: DomainEvents['shift.checked_out'] = {
    attendanceId: shift.id,
    driverId: shift.driverId,
    driverUserId: driver.userId,
    fleetId: shift.fleetId,
    checkedInAt: shift.createdAt.toISOString(),
    checkedOutAt: checkedOutAt.toISOString(),
    cashDeposited: { amountMinor: shift.cashDepositedMinor ?? 0, currency: shift.cashCurrency ?? 'USD' },
    occurredAt: checkedOutAt.toISOString(),
  };
  return outboxEvent('shift.checked_out', payload, checkedOutAt);
}

/** @param shift the attendance as the review left it (approval APPROVED or REJECTED, reviewedAt set). */
export function attendanceReviewedEvent(shift: Attendance, driver: Driver, at: Date): OutboxRow<'attendance.reviewed'> {
  const reviewedAt = shift.reviewedAt ?? at;
  const payload: DomainEvents['attendance.reviewed'] = {
    attendanceId: shift.id,
    driverId: shift.driverId,
    driverUserId: driver.userId,
    fleetId: shift.fleetId,
    approval: shift.approval === 'REJECTED' ? 'REJECTED' : 'APPROVED',
    note: shift.reviewNote,
    checkedInAt: shift.createdAt.toISOString(),
    occurredAt: reviewedAt.toISOString(),
  };
  return outboxEvent('attendance.reviewed', payload, reviewedAt);
}
