// Cash handed in at check-out: payments' consumer of fleet's `shift.checked_out` (own group, so it never queues
// behind settlement). In one transaction with the processed-event record it stores the shift (cash_shifts, keyed by
// fleet's attendance id: a second event for the same shift changes nothing either) and posts the deposit
// X as CASH_HANDOVER: driver cash held +X, fleet cash −X. What the shift should have brought in is computed when read
// (store/cash-shifts.ts), so a check-out that arrives before its trips are settled gives the same answer.
import { handleOnce, type AnyEventEnvelope, type DomainEventType } from '../../../../platform/events/index.js';
import type { Logger } from '../../../../platform/logging/index.js';
import type { PaymentsPrisma } from '../store/database.js';
import { SCHEMA } from '../store/db.js';
import { owned, type Ledger } from './ledger.js';

export const CASH_HANDOVER_GROUP = 'payments.cash';
export const CASH_HANDOVER_TYPES = ['shift.checked_out'] as const satisfies readonly DomainEventType[];
const CONSUMER = 'payments.cash-handover';

/** Largest deposit accepted from an event; fleet caps it far below (FLEET_MAX_CASH_DEPOSIT_MINOR). */
const MAX_DEPOSIT_MINOR = 2_147_483_647;

export function createCashHandover({ prisma, ledger, logger }: { prisma: PaymentsPrisma; ledger: Ledger; logger: Logger }) {
  /** @returns true when the event was handled now, false when processed before (or not a check-out). */
  return async function handle(event: AnyEventEnvelope): Promise<boolean> {
    if (event.type !== 'shift.checked_out') return false;
    const p = event.payload;
    const money = p.cashDeposited;
    const checkedInAt = new Date(p.checkedInAt);
    const checkedOutAt = new Date(p.checkedOutAt);
    const valid =
      Number.isSafeInteger(money.amountMinor) &&
      money.amountMinor >= 0 &&
      money.amountMinor <= MAX_DEPOSIT_MINOR &&
      /^[A-Z]{3}$/.test(money.currency) &&
      !Number.isNaN(checkedInAt.getTime()) &&
      !Number.isNaN(checkedOutAt.getTime()) &&
      checkedOutAt >= checkedInAt;
    return handleOnce(prisma, { schema: SCHEMA, consumer: CONSUMER, event }, async (tx) => {
      if (!valid) {
        // It would fail the same way on every delivery: recorded as processed, logged for people.
        logger.error({ eventId: event.id, attendanceId: p.attendanceId, cashDeposited: money }, 'shift.checked_out with an invalid deposit or window: ignored');
        return;
      }
      const amount = BigInt(money.amountMinor);
      const inserted = await tx.$executeRaw`insert into payments.cash_shifts
          (attendance_id, driver_id, driver_user_id, fleet_id, checked_in_at, checked_out_at, deposited_minor, currency)
        values (${p.attendanceId}::uuid, ${p.driverId}::uuid, ${p.driverUserId}::uuid, ${p.fleetId}::uuid, ${checkedInAt}, ${checkedOutAt}, ${amount}, ${money.currency})
        on conflict (attendance_id) do nothing`;
      if (inserted === 0 || amount === 0n) return;
      const entryId = await ledger.post(tx, money.currency, {
        cause: 'CASH_HANDOVER',
        description: `Cash handed in at check-out (shift ${p.attendanceId})`,
        actorUserId: null,
        shardKey: p.attendanceId,
        legs: [owned('DRIVER_CASH_HELD', p.driverUserId, amount), owned('FLEET_CASH', p.fleetId, -amount)],
      });
      await tx.cashShift.update({ where: { attendanceId: p.attendanceId }, data: { entryId } });
    });
  };
}
