// Settlement: payments' consumer of trips' `trip.completed` and `trip.cancelled`. In one transaction with the
// processed-event record (handleOnce) it creates the trip's payment — unique per (trip, purpose), a second safety
// net behind the event id — and pays it by wallet or cash at once, or schedules the card for the charger.
import { handleOnce, type AnyEventEnvelope, type DomainEventType, type EventEnvelope } from '../../../../platform/events/index.js';
import type { Logger } from '../../../../platform/logging/index.js';
import type { PaymentsPrisma } from '../store/database.js';
import type { Tx } from '../store/db.js';
import type { PaymentPurpose } from '../store/prisma/client.js';
import type { CommissionRules } from './commission.js';
import type { Methods } from './methods.js';
import type { PaymentFlow } from './payment-flow.js';

export const TRIP_SETTLEMENT_TYPES = ['trip.completed', 'trip.cancelled'] as const satisfies readonly DomainEventType[];
export const TRIP_SETTLEMENT_CONSUMER = 'payments.settle-trips';

/** Largest fare or fee accepted from an event; trips caps fares far below (TRIP_MAX_FARE_MINOR). */
const MAX_EVENT_AMOUNT_MINOR = 2_147_483_647;

export function createTripSettlement({
  prisma,
  methods,
  flow,
  commission,
  logger,
}: {
  prisma: PaymentsPrisma;
  methods: Methods;
  flow: PaymentFlow;
  commission: CommissionRules;
  logger: Logger;
}) {
  async function settle(tx: Tx, event: EventEnvelope<'trip.completed'> | EventEnvelope<'trip.cancelled'>): Promise<void> {
    const p = event.payload;
    const purpose: PaymentPurpose = event.type === 'trip.completed' ? 'TRIP_FARE' : 'CANCELLATION_FEE';
    const money = event.type === 'trip.completed' ? event.payload.fare : event.payload.cancellationFee;
    if (!money || money.amountMinor === 0) return; // a free cancellation: nothing to charge
    if (!Number.isSafeInteger(money.amountMinor) || money.amountMinor < 0 || money.amountMinor > MAX_EVENT_AMOUNT_MINOR || !/^[A-Z]{3}$/.test(money.currency)) {
      // A malformed event would fail the same way on every delivery: recorded as processed, logged for people.
      logger.error({ eventId: event.id, type: event.type, amount: money }, 'trip event with an invalid amount: not charged');
      return;
    }
    const driverUserId = (event.type === 'trip.completed' ? event.payload.driverUserId : event.payload.driverUserId) ?? null;
    const choice = p.payment ?? (await methods.defaultChoice(tx, p.riderUserId));
    // `on conflict do nothing`: a trip already charged for this purpose (the same trip under another event id) is left
    // as it is, in the same statement that would create it.
    const [payment] = await tx.payment.createManyAndReturn({
      skipDuplicates: true,
      data: {
        purpose,
        payerUserId: p.riderUserId,
        tripId: p.tripId,
        driverUserId,
        driverId: p.driverId ?? null,
        fleetId: p.fleetId ?? null,
        requestedMethod: choice.method,
        cardId: choice.method === 'CARD' ? choice.cardId : null,
        amountMinor: BigInt(money.amountMinor),
        currency: money.currency,
        commissionBps: driverUserId ? await commission.bps(tx, p.city, p.category) : 10_000,
      },
    });
    if (!payment) return;
    await flow.start(tx, payment, choice);
  }

  return async (event: AnyEventEnvelope): Promise<boolean> => {
    if (event.type !== 'trip.completed' && event.type !== 'trip.cancelled') return false;
    return handleOnce(prisma, { schema: 'payments', consumer: TRIP_SETTLEMENT_CONSUMER, event }, (tx) => settle(tx as Tx, event));
  };
}
