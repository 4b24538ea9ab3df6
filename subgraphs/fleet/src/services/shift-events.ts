// The durable event of a finished shift: payments reconciles the cash a driver handed in against the cash fares
// of the shift's window. Written by `checkOut` in its transaction, so it exists exactly when the check-out does.
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
