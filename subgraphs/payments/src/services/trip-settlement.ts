// Settlement: payments' consumer of trips' `trip.completed` and `trip.cancelled`. In one transaction with the
// processed-event record it creates the trip's payment — unique per (trip, purpose), a second safety net behind the
// event id — and pays it by wallet or cash at once, or schedules the card for the charger.
//
// Two paths with one outcome: `settleOne` (handleOnce, one event per transaction) and `settleBatch` (many events per
// transaction, set-based statements for the wallets and cash that pay at once, the per-payment flow for the rest).
// The consumer uses the batch (batcher.ts) and falls back to one event at a time when a batch fails.
import { handleOnce, outboxEvent, type AnyEventEnvelope, type DomainEventType, type EventEnvelope } from '../../../../platform/events/index.js';
import type { Logger } from '../../../../platform/logging/index.js';
import type { PaymentsPrisma } from '../store/database.js';
import type { Tx } from '../store/db.js';
import type { Payment, PaymentPurpose, Prisma } from '../store/prisma/client.js';
import type { CommissionRules } from './commission.js';
import type { Ledger } from './ledger.js';
import { defaultChoiceOf, type Choice, type Methods } from './methods.js';
import { paymentEventBase } from './payment-events.js';
import type { PaymentFlow } from './payment-flow.js';
import { entryOf, receiptNumber, type Settler } from './settle.js';

export const TRIP_SETTLEMENT_TYPES = ['trip.completed', 'trip.cancelled'] as const satisfies readonly DomainEventType[];
export const TRIP_SETTLEMENT_CONSUMER = 'payments.settle-trips';

/** Largest fare or fee accepted from an event; trips caps fares far below (TRIP_MAX_FARE_MINOR). */
const MAX_EVENT_AMOUNT_MINOR = 2_147_483_647;

type TripEndEvent = EventEnvelope<'trip.completed'> | EventEnvelope<'trip.cancelled'>;

const isTripEnd = (event: AnyEventEnvelope): event is TripEndEvent => event.type === 'trip.completed' || event.type === 'trip.cancelled';

export interface TripSettlementDeps {
  prisma: PaymentsPrisma;
  ledger: Ledger;
  settler: Settler;
  methods: Methods;
  flow: PaymentFlow;
  commission: CommissionRules;
  logger: Logger;
}

export function createTripSettlement({ prisma, ledger, settler, methods, flow, commission, logger }: TripSettlementDeps) {
  /** What the event asks to charge, or null (a free cancellation, or an amount no charge can have: logged). */
  function chargeOf(event: TripEndEvent): { purpose: PaymentPurpose; amountMinor: number; currency: string } | null {
    const purpose: PaymentPurpose = event.type === 'trip.completed' ? 'TRIP_FARE' : 'CANCELLATION_FEE';
    const money = event.type === 'trip.completed' ? event.payload.fare : event.payload.cancellationFee;
    if (!money || money.amountMinor === 0) return null;
    if (!Number.isSafeInteger(money.amountMinor) || money.amountMinor < 0 || money.amountMinor > MAX_EVENT_AMOUNT_MINOR || !/^[A-Z]{3}$/.test(money.currency)) {
      // A malformed event would fail the same way on every delivery: recorded as processed, logged for people.
      logger.error({ eventId: event.id, type: event.type, amount: money }, 'trip event with an invalid amount: not charged');
      return null;
    }
    return { purpose, amountMinor: money.amountMinor, currency: money.currency };
  }

  async function paymentRow(
    tx: Tx,
    event: TripEndEvent,
    choice: Choice,
    charge: NonNullable<ReturnType<typeof chargeOf>>,
  ): Promise<Prisma.PaymentCreateManyInput> {
    const p = event.payload;
    const driverUserId = p.driverUserId ?? null;
    return {
      purpose: charge.purpose,
      payerUserId: p.riderUserId,
      tripId: p.tripId,
      driverUserId,
      driverId: p.driverId ?? null,
      fleetId: p.fleetId ?? null,
      requestedMethod: choice.method,
      cardId: choice.method === 'CARD' ? choice.cardId : null,
      amountMinor: BigInt(charge.amountMinor),
      currency: charge.currency,
      commissionBps: driverUserId ? await commission.bps(tx, p.city, p.category) : 10_000,
      // When the trip ended: cash reconciliation puts a cash fare in the driver's shift that contains this instant.
      tripCompletedAt: new Date(p.occurredAt),
      // The trip's service area: the operations summary's city scope of the commission (store/commission-summary.ts).
      city: p.city ?? null,
      // The vehicle the trip was driven with: its payment QR code finds the fare by it (vehicle-qr.ts).
      vehicleId: event.type === 'trip.completed' ? (event.payload.vehicleId ?? null) : null,
    };
  }

  async function settle(tx: Tx, event: TripEndEvent): Promise<void> {
    const charge = chargeOf(event);
    if (!charge) return;
    const choice = event.payload.payment ?? (await methods.defaultChoice(tx, event.payload.riderUserId));
    // `on conflict do nothing`: a trip already charged for this purpose (the same trip under another event id) is left
    // as it is, in the same statement that would create it.
    const [payment] = await tx.payment.createManyAndReturn({ skipDuplicates: true, data: await paymentRow(tx, event, choice, charge) });
    if (payment) await flow.start(tx, payment, choice);
  }

  /**
   * Settles a batch in one transaction. Cash with a driver and wallets that hold the fare are posted set-based (one
   * statement each for the wallets' locks, the payments, the entries, their postings, the payments' update and the
   * outbox); everything else (cards, short wallets, cash without a driver) goes through the per-payment flow.
   * @returns per event: true when it was settled now, false when processed before (or not a trip end).
   */
  async function settleBatch(events: readonly AnyEventEnvelope[]): Promise<boolean[]> {
    return prisma.$transaction(async (tx) => {
      const ids = [...new Set(events.filter(isTripEnd).map((e) => e.id))];
      const fresh = new Set(
        ids.length === 0
          ? []
          : (
              await tx.$queryRaw<{ event_id: string }[]>`insert into payments.processed_events (consumer, event_id)
                select ${TRIP_SETTLEMENT_CONSUMER}, unnest(${ids}::uuid[]) on conflict do nothing returning event_id::text`
            ).map((r) => r.event_id),
      );
      // One delivery per event id, even when the same event came twice in this batch.
      const handled = events.map((event) => isTripEnd(event) && fresh.delete(event.id));
      const todo = events.filter((event, i): event is TripEndEvent => handled[i]! && isTripEnd(event));

      const withCharge = todo.flatMap((event) => {
        const charge = chargeOf(event);
        return charge ? [{ event, charge }] : [];
      });
      const riderIdsWithoutChoice = [...new Set(withCharge.filter(({ event }) => !event.payload.payment).map(({ event }) => event.payload.riderUserId))];
      const profiles = new Map(
        riderIdsWithoutChoice.length === 0
          ? []
          : (await tx.paymentProfile.findMany({ where: { userId: { in: riderIdsWithoutChoice } } })).map((p) => [p.userId, p]),
      );
      const choiceOf = (event: TripEndEvent): Choice => event.payload.payment ?? defaultChoiceOf(profiles.get(event.payload.riderUserId));
      const rows = [];
      for (const { event, charge } of withCharge) {
        const choice = choiceOf(event);
        rows.push({ choice, data: await paymentRow(tx, event, choice, charge) });
      }
      const created = rows.length === 0 ? [] : await tx.payment.createManyAndReturn({ skipDuplicates: true, data: rows.map((r) => r.data) });
      const choiceByTrip = new Map(rows.map((r) => [`${r.data.tripId}|${r.data.purpose}`, r.choice]));

      // Wallets that pay: locked in one statement (by id: one lock order for every transaction), then spent in order.
      const walletPayments = created.filter((p) => choiceByTrip.get(`${p.tripId}|${p.purpose}`)!.method === 'WALLET');
      const wallets = new Map<string, bigint>();
      for (const [currency, riders] of groupBy(walletPayments, (p) => p.currency)) {
        const locked = await tx.$queryRaw<{ owner_id: string; balance_minor: bigint }[]>`select owner_id::text, balance_minor from payments.ledger_accounts
          where kind = 'RIDER_WALLET' and currency = ${currency} and owner_id = any(${[...new Set(riders.map((p) => p.payerUserId))]}::uuid[]) order by id for update`;
        for (const row of locked) wallets.set(`${row.owner_id}|${currency}`, BigInt(row.balance_minor));
      }
      const fast: { payment: Payment; by: 'WALLET' | 'CASH' }[] = [];
      const slow: Payment[] = [];
      for (const payment of created) {
        const method = choiceByTrip.get(`${payment.tripId}|${payment.purpose}`)!.method;
        const key = `${payment.payerUserId}|${payment.currency}`;
        const balance = wallets.get(key) ?? 0n;
        if (method === 'CASH' && payment.driverUserId) fast.push({ payment, by: 'CASH' });
        else if (method === 'WALLET' && balance >= payment.amountMinor) {
          wallets.set(key, balance - payment.amountMinor);
          fast.push({ payment, by: 'WALLET' });
        } else slow.push(payment);
      }

      const at = new Date();
      for (const [currency, group] of groupBy(fast, (f) => f.payment.currency)) {
        await ledger.postMany(
          tx,
          currency,
          group.map(({ payment, by }) => ({
            ...entryOf(payment),
            paymentId: payment.id,
            tripId: payment.tripId,
            actorUserId: null,
            legs: settler.fareLegs(payment, by),
          })),
        );
      }
      if (fast.length > 0) {
        const receipts = fast.map(({ payment }) => receiptNumber(payment, at));
        await tx.$executeRaw`update payments.payments p set status = 'SUCCEEDED', method = v.method::payments."PaymentMethodType", receipt_number = v.receipt,
            paid_at = ${at}, next_attempt_at = null, updated_at = now()
          from (select unnest(${fast.map((f) => f.payment.id)}::uuid[]) as id, unnest(${fast.map((f) => f.by)}::text[]) as method, unnest(${receipts}::text[]) as receipt) v
          where p.id = v.id`;
        await tx.outboxEvent.createMany({
          data: fast.map(({ payment, by }, i) =>
            outboxEvent('payment.succeeded', {
              ...paymentEventBase(payment),
              driverUserId: payment.driverUserId,
              method: by,
              receiptNumber: receipts[i]!,
            }),
          ) as never,
        });
      }
      // The rest one by one, after the batch's postings (a short wallet is read as it is now).
      for (const payment of slow) await flow.start(tx, payment, choiceByTrip.get(`${payment.tripId}|${payment.purpose}`)!);
      return handled;
    });
  }

  return {
    /** One event in its own transaction (handleOnce). @returns true when settled now, false when processed before. */
    settleOne: async (event: AnyEventEnvelope): Promise<boolean> => {
      if (!isTripEnd(event)) return false;
      return handleOnce(prisma, { schema: 'payments', consumer: TRIP_SETTLEMENT_CONSUMER, event }, (tx) => settle(tx as Tx, event));
    },
    settleBatch,
  };
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(keyOf(item));
    if (group) group.push(item);
    else groups.set(keyOf(item), [item]);
  }
  return groups;
}
