// payments' part of the operations summary (OperationsSummary by its id): the commission booked on the trip fares
// and fees of the trips that ended in the range, per currency, scoped by the trip's fleet and city as settlement kept
// them; in one aggregate statement; the viewer checked again (a fleet manager forging another fleet's id is refused).
import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '../../../platform/events/index.js';
import { encodeSummaryId, SUMMARY_STATEMENT_TIMEOUT_MS } from '../../../platform/operations-summary/index.js';
import { ENTITIES_QUERY } from '../../../platform/testing/index.js';
import { createOperationsCommission } from '../src/services/operations-commission.js';
import type { PaymentsPrisma } from '../src/store/database.js';
import { cancelled, completed, creditWallet, newParty, startPaymentsFixture, type PaymentsFixture, type TripParty } from './support/payments-fixture.js';

let f: PaymentsFixture;
const F1 = randomUUID();
const F2 = randomUUID();
/** 1 April 2026, UTC. */
const DAY = { from: new Date('2026-04-01T00:00:00.000Z'), to: new Date('2026-04-02T00:00:00.000Z') };

/** The event as if the trip had ended at `endedAt` (payments keeps that instant as the payment's trip end). */
function endedAt<E extends EventEnvelope<'trip.completed'> | EventEnvelope<'trip.cancelled'>>(event: E, iso: string): E {
  return { ...event, occurredAt: iso, payload: { ...event.payload, occurredAt: iso } };
}

const party = (fleetId: string): TripParty => ({ ...newParty(), fleetId });
const CASH = { method: 'CASH' as const, cardId: null };

beforeAll(async () => {
  f = await startPaymentsFixture();
  // Othertown keeps 10 %; everywhere else the migration's default 20 %.
  await f.prisma.commissionRule.create({ data: { city: 'Othertown', rateBps: 1000 } });
  f.built.services.commission.reset();
  const settle = async (event: EventEnvelope<'trip.completed'> | EventEnvelope<'trip.cancelled'>) =>
    expect(await f.built.services.settleTripEvent(event)).toBe(true);

  // Fleet 1, Testville, inside the day: 1,234 → 246; 999 → 199 (199.8 floored), the last millisecond; EUR 1,001 → 200.
  const first = endedAt(completed(party(F1), 1234, CASH), '2026-04-01T10:00:00.000Z');
  await settle(first);
  expect(await f.built.services.settleTripEvent(first)).toBe(false); // redelivered: no second payment
  await settle(endedAt(completed(party(F1), 999, CASH), '2026-04-01T23:59:59.999Z'));
  const eur = completed(party(F1), 1001, CASH);
  await settle(endedAt({ ...eur, payload: { ...eur.payload, fare: { amountMinor: 1001, currency: 'EUR' } } }, '2026-04-01T12:00:00.000Z'));
  // Outside the day: at `to` (exclusive) and just before `from`.
  await settle(endedAt(completed(party(F1), 5000, CASH), '2026-04-02T00:00:00.000Z'));
  await settle(endedAt(completed(party(F1), 700, CASH), '2026-03-31T23:59:59.999Z'));
  // Refunded in full afterwards: still 1,500 → 300 here (before refunds).
  const refunded = endedAt(completed(party(F1), 1500, CASH), '2026-04-01T13:00:00.000Z');
  await settle(refunded);
  await f.prisma.payment.updateMany({ where: { tripId: refunded.payload.tripId }, data: { status: 'REFUNDED', refundedMinor: 1500n } });
  // A card charge still pending: nothing booked yet, not counted.
  const pending = endedAt(completed(party(F1), 2000, CASH), '2026-04-01T14:00:00.000Z');
  await settle(pending);
  await f.prisma.payment.updateMany({ where: { tripId: pending.payload.tripId }, data: { status: 'PENDING', method: null } });
  // A cancellation fee before any driver (no fleet), paid from the wallet: all of it is commission, 300.
  const rider = party(F1);
  await creditWallet(f.prisma, f.built, rider.riderUserId, 1000n);
  await settle(endedAt(cancelled(rider, 300, false, { method: 'WALLET', cardId: null }), '2026-04-01T11:00:00.000Z'));
  // Fleet 2, Othertown: 4,000 at 10 % → 400.
  await settle(endedAt(completed(party(F2), 4000, CASH, { city: 'Othertown' }), '2026-04-01T15:00:00.000Z'));

  const statuses = await f.prisma.payment.groupBy({ by: ['status'], _count: true, orderBy: { status: 'asc' } });
  expect(statuses.map((s) => [s.status, s._count])).toEqual([
    ['PENDING', 1],
    ['SUCCEEDED', 7],
    ['REFUNDED', 1],
  ]);
}, 60_000);

afterAll(async () => {
  await f?.stop();
});

type Totals = { currency: string; amountMinor: string }[];
const COMMISSION = ENTITIES_QUERY('... on OperationsSummary { commission { currency amountMinor } }');

async function commission(
  key: { from: Date; to: Date; fleetId?: string | null; city?: string | null },
  options: { headers?: Record<string, string>; id?: string } = {},
) {
  const representation = { __typename: 'OperationsSummary', id: options.id ?? encodeSummaryId(key) };
  const headers = options.headers ?? (await f.testAuth.headersFor({ userId: randomUUID(), roles: ['OPERATIONS'] }));
  return f.api.execute<{ _entities: { commission: Totals }[] }>(COMMISSION, { representations: [representation] }, { headers });
}

async function totals(key: Parameters<typeof commission>[0], options: Parameters<typeof commission>[1] = {}): Promise<Totals> {
  const result = await commission(key, options);
  expect(result.errors).toBeUndefined();
  return result.data!._entities[0]!.commission;
}

const usd = (amountMinor: string) => ({ currency: 'USD', amountMinor });
const eur = (amountMinor: string) => ({ currency: 'EUR', amountMinor });

test('commission per currency of the trips ended in the range, by fleet and by city', async () => {
  expect(await totals(DAY)).toEqual([eur('200'), usd(String(246 + 199 + 300 + 300 + 400))]);
  expect(await totals({ ...DAY, fleetId: F1 })).toEqual([eur('200'), usd(String(246 + 199 + 300))]);
  expect(await totals({ ...DAY, fleetId: F2 })).toEqual([usd('400')]);
  expect(await totals({ ...DAY, city: 'Testville' })).toEqual([eur('200'), usd(String(246 + 199 + 300 + 300))]);
  expect(await totals({ ...DAY, city: 'Othertown' })).toEqual([usd('400')]);
  expect(await totals({ ...DAY, city: 'Othertown', fleetId: F1 })).toEqual([]);
  expect(await totals({ ...DAY, fleetId: randomUUID() })).toEqual([]);
  // The next day holds the fare that ended at midnight.
  expect(await totals({ from: DAY.to, to: new Date('2026-04-03T00:00:00.000Z') })).toEqual([usd('1000')]);
});

test('one aggregate statement per summary', async () => {
  f.statements.length = 0;
  await totals(DAY);
  expect(f.statements.filter((sql) => /^\s*(with|select)\b/i.test(sql))).toHaveLength(1);
});

test('a fleet manager: their fleets without fleetId; a forged id naming another fleet is FORBIDDEN', async () => {
  const manager = await f.testAuth.headersFor({ userId: randomUUID(), roles: ['FLEET_MANAGER'], fleetIds: [F1] });
  expect(await totals(DAY, { headers: manager })).toEqual([eur('200'), usd(String(246 + 199 + 300))]);
  const forged = await commission({ ...DAY, fleetId: F2 }, { headers: manager });
  expect(forged.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  const driver = await f.testAuth.headersFor({ userId: randomUUID(), roles: ['DRIVER'] });
  expect((await commission(DAY, { headers: driver })).errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
});

test('a malformed id is BAD_USER_INPUT on `id`', async () => {
  for (const id of ['', 'ops1.', 'ops2.W10', `ops1.${Buffer.from('["x","y",null,null]').toString('base64url')}`]) {
    const result = await commission(DAY, { id });
    expect(result.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['BAD_USER_INPUT', 'id']]);
  }
});

test('a statement PostgreSQL cancels at the summaries’ time limit is QUERY_TIMEOUT; JIT off and the limit set first', async () => {
  const viewer = { userId: randomUUID(), roles: ['OPERATIONS'], sessionId: randomUUID(), fleetIds: [], expiresAt: new Date(Date.now() + 60_000) } as const;
  const applied: string[] = [];
  // What Prisma reports when PostgreSQL cancels the aggregate (SQLSTATE 57014).
  const timedOut = new Error('Raw query failed. Code: `57014`. Message: `canceling statement due to statement timeout`');
  const tx = { $executeRawUnsafe: async (sql: string) => void applied.push(sql), $queryRaw: async () => Promise.reject(timedOut) };
  const prisma = { $transaction: async (work: (t: unknown) => Promise<unknown>) => work(tx) } as unknown as PaymentsPrisma;
  await expect(createOperationsCommission(prisma).commission(viewer, encodeSummaryId(DAY))).rejects.toMatchObject({ extensions: { code: 'QUERY_TIMEOUT' } });
  expect(applied).toEqual(['set local jit = off', `set local statement_timeout = ${SUMMARY_STATEMENT_TIMEOUT_MS}`]);
});
