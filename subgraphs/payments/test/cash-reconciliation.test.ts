// Cash reconciliation on PostgreSQL: fleet's shift.checked_out moves the deposit from the driver's cash held to the
// fleet's cash (CASH_HANDOVER) once per shift; each shift's cash (collected − deposited − corrections) is computed
// when read, so the events may come in either order; managers' corrections (each kind, exact balances, bounded by
// what the driver owes even when two race); who may read and correct, from a fixed table of intent.
import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '../../../platform/events/index.js';
import type { Role } from '../../../platform/auth/index.js';
import { createDriverDirectory } from '../src/services/driver-directory.js';
import {
  balanceOf,
  cancelled,
  completed,
  creditWallet,
  ledgerInvariants,
  newParty,
  startPaymentsFixture,
  type PaymentsFixture,
  type TripParty,
} from './support/payments-fixture.js';

let f: PaymentsFixture;

beforeAll(async () => {
  f = await startPaymentsFixture();
});
afterAll(async () => {
  await f?.stop();
});

const day = '2026-12-01';
const t = (hhmm: string) => `${day}T${hhmm}:00.000Z`;

/** An event as if it happened at `iso` (settlement takes the trip's end from the payload's occurredAt). */
function at<E extends EventEnvelope<'trip.completed'> | EventEnvelope<'trip.cancelled'>>(event: E, iso: string): E {
  return { ...event, occurredAt: iso, payload: { ...event.payload, occurredAt: iso } };
}

function checkedOut(p: TripParty, attendanceId: string, from: string, to: string, depositedMinor: number): EventEnvelope<'shift.checked_out'> {
  return {
    id: randomUUID(),
    type: 'shift.checked_out',
    source: 'fleet',
    occurredAt: to,
    payload: {
      attendanceId,
      driverId: p.driverId,
      driverUserId: p.driverUserId,
      fleetId: p.fleetId,
      checkedInAt: from,
      checkedOutAt: to,
      cashDeposited: { amountMinor: depositedMinor, currency: 'USD' },
      occurredAt: to,
    },
  };
}

/** A driver payments knows (driver.status.changed), with a rider. */
async function knownDriver(): Promise<TripParty> {
  const p = newParty();
  const occurredAt = new Date().toISOString();
  await createDriverDirectory(f.prisma)({
    id: randomUUID(),
    type: 'driver.status.changed',
    source: 'fleet',
    occurredAt,
    payload: {
      driverId: p.driverId,
      userId: p.driverUserId,
      fleetId: p.fleetId,
      status: 'AVAILABLE',
      vehicleId: null,
      category: null,
      position: null,
      version: 1,
      occurredAt,
    },
  });
  return p;
}

const trip = (p: TripParty) => ({ ...p, tripId: randomUUID() });
const CASH = { method: 'CASH' as const, cardId: null };
const fleetCash = async (fleetId: string) =>
  Number((await f.prisma.ledgerAccount.findFirst({ where: { kind: 'FLEET_CASH', ownerId: fleetId, currency: 'USD' } }))?.balanceMinor ?? 0n);

const SHIFT_FIELDS = `attendanceId: id driver { id } fleetId checkedInAt checkedOutAt collected { amountMinor currency } deposited { amountMinor }
  corrections { amountMinor } difference { amountMinor } trips { trip { id } purpose amount { amountMinor } endedAt }`;
const DISCREPANCIES = `query ($filter: CashDiscrepancyFilterInput, $first: Int, $after: String) {
  cashDiscrepancies(filter: $filter, first: $first, after: $after) { edges { cursor node { ${SHIFT_FIELDS} } } pageInfo { hasNextPage endCursor } } }`;
const DRIVER_SHIFTS = `query ($id: ID!) { _entities(representations: [{ __typename: "Driver", id: $id }]) {
  ... on Driver { cashShifts { edges { node { attendanceId: id difference { amountMinor } } } } } } }`;
const CORRECT = `mutation ($input: RecordCashCorrectionInput!) { recordCashCorrection(input: $input) {
  correction { id kind amount { amountMinor } attendanceId reason driver { id } } shift { attendanceId: id corrections { amountMinor } difference { amountMinor } }
  userErrors { code field } } }`;

type ShiftNode = {
  attendanceId: string;
  collected: { amountMinor: number };
  deposited: { amountMinor: number };
  corrections: { amountMinor: number };
  difference: { amountMinor: number };
  trips: { trip: { id: string }; purpose: string; amount: { amountMinor: number }; endedAt: string }[];
};
type Connection = { edges: { cursor: string; node: ShiftNode }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

async function as(roles: Role[], fleetIds: string[] = [], userId: string = randomUUID()) {
  return { headers: await f.testAuth.headersFor({ userId, roles, fleetIds }) };
}
const ops = () => as(['OPERATIONS']);

async function discrepancies(filter: Record<string, unknown>, viewer: { headers: Record<string, string> }, first = 20, after?: string) {
  return f.api.execute<{ cashDiscrepancies: Connection }>(DISCREPANCIES, { filter, first, after }, viewer);
}

async function correct(input: Record<string, unknown>, viewer: { headers: Record<string, string> }) {
  type Payload = {
    correction: { id: string; kind: string; amount: { amountMinor: number } } | null;
    shift: { attendanceId: string; corrections: { amountMinor: number }; difference: { amountMinor: number } } | null;
    userErrors: { code: string; field: string[] }[];
  };
  return f.api.execute<{ recordCashCorrection: Payload }>(CORRECT, { input }, viewer);
}

/**
 * A driver with a shift 08:00–16:00: cash fare 2000 at 10:00, cash cancellation fee 500 at 12:00, a wallet fare 800
 * at 13:00 (not cash), a cash fare 900 at 17:00 (after the shift); 2000 handed in. Short by 500.
 */
async function shortShift(order: 'trips-first' | 'checkout-first') {
  const p = await knownDriver();
  const attendanceId = randomUUID();
  const s = f.built.services;
  const cashFare = trip(p);
  const cashFee = trip(p);
  await creditWallet(f.prisma, f.built, p.riderUserId, 800n);
  const trips = [
    at(completed(cashFare, 2_000, CASH), t('10:00')),
    at(cancelled(cashFee, 500, true, CASH), t('12:00')),
    at(completed(trip(p), 800, { method: 'WALLET', cardId: null }), t('13:00')),
    at(completed(trip(p), 900, CASH), t('17:00')),
  ];
  const checkout = checkedOut(p, attendanceId, t('08:00'), t('16:00'), 2_000);
  if (order === 'checkout-first') expect(await s.handleShiftCheckedOut(checkout)).toBe(true);
  // Half through the batch path, half one by one: both record when the trip ended.
  expect(await s.settleTripEvents(trips.slice(0, 2))).toEqual([true, true]);
  for (const event of trips.slice(2)) expect(await s.settleTripEvent(event)).toBe(true);
  if (order === 'trips-first') expect(await s.handleShiftCheckedOut(checkout)).toBe(true);
  return { p, attendanceId, checkout, cashFare, cashFee };
}

describe('hand-over at check-out', () => {
  test('posts CASH_HANDOVER: cash held +2000, fleet cash −2000; the shift is short by exactly 500 with its two cash trips', async () => {
    const { p, attendanceId, cashFare, cashFee } = await shortShift('trips-first');
    // Cash held: −2000 −500 −900 (three cash trips) +2000 (handed in).
    expect(await balanceOf(f.prisma, 'DRIVER_CASH_HELD', p.driverUserId)).toBe(-1_400);
    expect(await fleetCash(p.fleetId)).toBe(-2_000);
    const shift = await f.prisma.cashShift.findUniqueOrThrow({ where: { attendanceId } });
    const postings = await f.prisma.posting.findMany({ where: { entryId: shift.entryId! }, include: { account: true, entry: true } });
    expect(postings.map((x) => [x.entry.cause, x.account.kind, x.account.ownerId, Number(x.amountMinor)]).sort()).toEqual(
      [
        ['CASH_HANDOVER', 'DRIVER_CASH_HELD', p.driverUserId, 2_000],
        ['CASH_HANDOVER', 'FLEET_CASH', p.fleetId, -2_000],
      ].sort(),
    );

    const result = await discrepancies({ fleetId: p.fleetId }, await ops());
    expect(result.errors).toBeUndefined();
    expect(result.data!.cashDiscrepancies.edges.map((e) => e.node)).toEqual([
      {
        attendanceId,
        driver: { id: p.driverId },
        fleetId: p.fleetId,
        checkedInAt: t('08:00'),
        checkedOutAt: t('16:00'),
        collected: { amountMinor: 2_500, currency: 'USD' },
        deposited: { amountMinor: 2_000 },
        corrections: { amountMinor: 0 },
        difference: { amountMinor: 500 },
        trips: [
          { trip: { id: cashFare.tripId }, purpose: 'TRIP_FARE', amount: { amountMinor: 2_000 }, endedAt: t('10:00') },
          { trip: { id: cashFee.tripId }, purpose: 'CANCELLATION_FEE', amount: { amountMinor: 500 }, endedAt: t('12:00') },
        ],
      },
    ]);
    expect(await ledgerInvariants(f.prisma)).toMatchObject({ unbalancedEntries: 0, driftingAccounts: 0, totals: { USD: 0 } });
  });

  test('the check-out arriving before the trips are settled gives the same answer', async () => {
    const { p, attendanceId } = await shortShift('checkout-first');
    const node = (await discrepancies({ fleetId: p.fleetId }, await ops())).data!.cashDiscrepancies.edges[0]!.node;
    expect(node).toMatchObject({ attendanceId, collected: { amountMinor: 2_500 }, deposited: { amountMinor: 2_000 }, difference: { amountMinor: 500 } });
    expect(node.trips.map((x) => x.amount.amountMinor)).toEqual([2_000, 500]);
    expect(await balanceOf(f.prisma, 'DRIVER_CASH_HELD', p.driverUserId)).toBe(-1_400);
  });

  test('a redelivered check-out (same event, or the same shift under another event id) posts once', async () => {
    const { p, attendanceId, checkout } = await shortShift('trips-first');
    expect(await f.built.services.handleShiftCheckedOut(checkout)).toBe(false);
    expect(await f.built.services.handleShiftCheckedOut({ ...checkout, id: randomUUID() })).toBe(true);
    expect(await fleetCash(p.fleetId)).toBe(-2_000);
    expect(await f.prisma.journalEntry.count({ where: { cause: 'CASH_HANDOVER', postings: { some: { account: { ownerId: p.fleetId } } } } })).toBe(1);
    expect(await f.prisma.cashShift.count({ where: { attendanceId } })).toBe(1);
  });

  test('a balanced shift, and one with nothing handed in, post nothing; onlyUnbalanced (default) hides the balanced one', async () => {
    const p = await knownDriver();
    const s = f.built.services;
    await s.settleTripEvent(at(completed(trip(p), 1_000, CASH), t('09:00')));
    const balanced = randomUUID();
    const empty = randomUUID();
    await s.handleShiftCheckedOut(checkedOut(p, balanced, t('08:00'), t('10:00'), 1_000));
    await s.handleShiftCheckedOut(checkedOut(p, empty, t('11:00'), t('12:00'), 0));
    expect((await f.prisma.cashShift.findUniqueOrThrow({ where: { attendanceId: empty } })).entryId).toBeNull();
    const viewer = await ops();
    expect((await discrepancies({ fleetId: p.fleetId }, viewer)).data!.cashDiscrepancies.edges).toEqual([]);
    const all = await discrepancies({ fleetId: p.fleetId, onlyUnbalanced: false }, viewer);
    expect(all.data!.cashDiscrepancies.edges.map((e) => [e.node.attendanceId, e.node.difference.amountMinor])).toEqual([
      [empty, 0],
      [balanced, 0],
    ]);
    // Paged: one per page, latest check-out first.
    const page1 = await discrepancies({ fleetId: p.fleetId, onlyUnbalanced: false }, viewer, 1);
    expect(page1.data!.cashDiscrepancies.pageInfo.hasNextPage).toBe(true);
    const page2 = await discrepancies({ fleetId: p.fleetId, onlyUnbalanced: false }, viewer, 1, page1.data!.cashDiscrepancies.pageInfo.endCursor!);
    expect(page2.data!.cashDiscrepancies.edges.map((e) => e.node.attendanceId)).toEqual([balanced]);
    expect(page2.data!.cashDiscrepancies.pageInfo.hasNextPage).toBe(false);
  });
});

describe('corrections', () => {
  test('each kind moves exactly its accounts, the shift difference follows, over-correction is refused, a replay returns the first', async () => {
    const { p, attendanceId } = await shortShift('trips-first');
    const manager = await as(['FLEET_MANAGER'], [p.fleetId]);
    const base = { driverId: p.driverId, attendanceId, amount: { amountMinor: 200, currency: 'USD' }, reason: 'Counted the envelope again' };
    const revenueBefore = await balanceOf(f.prisma, 'PLATFORM_REVENUE', null);
    const earningsBefore = await balanceOf(f.prisma, 'DRIVER_EARNINGS', p.driverUserId);
    // Owes 1400 in cash (cash held −1400): 1401 is too much.
    const over = await correct({ ...base, kind: 'WRITE_OFF', amount: { amountMinor: 1_401, currency: 'USD' }, idempotencyKey: 'over' }, manager);
    expect(over.data!.recordCashCorrection).toMatchObject({
      correction: null,
      userErrors: [{ code: 'CORRECTION_EXCEEDS_CASH_OWED', field: ['input', 'amount', 'amountMinor'] }],
    });

    const late = await correct({ ...base, kind: 'LATE_HANDOVER', idempotencyKey: 'k-late' }, manager);
    expect(late.errors).toBeUndefined();
    expect(late.data!.recordCashCorrection).toMatchObject({
      correction: { kind: 'LATE_HANDOVER', amount: { amountMinor: 200 }, attendanceId, reason: base.reason, driver: { id: p.driverId } },
      shift: { corrections: { amountMinor: 200 }, difference: { amountMinor: 300 } },
      userErrors: [],
    });
    expect(await balanceOf(f.prisma, 'DRIVER_CASH_HELD', p.driverUserId)).toBe(-1_200);
    expect(await fleetCash(p.fleetId)).toBe(-2_200);

    const replay = await correct({ ...base, kind: 'LATE_HANDOVER', idempotencyKey: 'k-late' }, manager);
    expect(replay.data!.recordCashCorrection.correction!.id).toBe(late.data!.recordCashCorrection.correction!.id);
    expect(await balanceOf(f.prisma, 'DRIVER_CASH_HELD', p.driverUserId)).toBe(-1_200);
    const conflict = await correct({ ...base, kind: 'WRITE_OFF', idempotencyKey: 'k-late' }, manager);
    expect(conflict.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    await correct({ ...base, kind: 'DEDUCT_FROM_EARNINGS', amount: { amountMinor: 100, currency: 'USD' }, idempotencyKey: 'k-deduct' }, manager);
    expect(await balanceOf(f.prisma, 'DRIVER_CASH_HELD', p.driverUserId)).toBe(-1_100);
    expect(await balanceOf(f.prisma, 'DRIVER_EARNINGS', p.driverUserId)).toBe(earningsBefore - 100);

    const off = await correct({ ...base, kind: 'WRITE_OFF', idempotencyKey: 'k-off' }, manager);
    expect(off.data!.recordCashCorrection.shift).toMatchObject({ attendanceId, corrections: { amountMinor: 500 }, difference: { amountMinor: 0 } });
    expect(await balanceOf(f.prisma, 'DRIVER_CASH_HELD', p.driverUserId)).toBe(-900);
    expect(await balanceOf(f.prisma, 'PLATFORM_REVENUE', null)).toBe(revenueBefore - 200);

    // The 900 of the trip after the shift is still owed; a general correction (no shift) settles it.
    const rest = await correct(
      { driverId: p.driverId, kind: 'LATE_HANDOVER', amount: { amountMinor: 900, currency: 'USD' }, reason: 'Brought it next day', idempotencyKey: 'k-rest' },
      manager,
    );
    expect(rest.data!.recordCashCorrection).toMatchObject({ shift: null, userErrors: [] });
    expect(await balanceOf(f.prisma, 'DRIVER_CASH_HELD', p.driverUserId)).toBe(0);
    const nothingOwed = await correct({ ...base, kind: 'WRITE_OFF', amount: { amountMinor: 1, currency: 'USD' }, idempotencyKey: 'k-none' }, manager);
    expect(nothingOwed.data!.recordCashCorrection.userErrors).toEqual([{ code: 'CORRECTION_EXCEEDS_CASH_OWED', field: ['input', 'amount', 'amountMinor'] }]);

    const entries = await f.prisma.journalEntry.findMany({ where: { cause: 'CASH_CORRECTION', postings: { some: { account: { ownerId: p.driverUserId } } } } });
    expect(entries).toHaveLength(4);
    expect(new Set(entries.map((e) => e.actorUserId)).size).toBe(1);
    expect((await discrepancies({ fleetId: p.fleetId }, await ops())).data!.cashDiscrepancies.edges).toEqual([]);
    expect(await ledgerInvariants(f.prisma)).toMatchObject({ unbalancedEntries: 0, driftingAccounts: 0, totals: { USD: 0 } });
  });

  test('two corrections racing with different keys cannot together correct more than is owed', async () => {
    const { p, attendanceId } = await shortShift('trips-first'); // owes 1400
    const viewer = await ops();
    const input = (key: string) => ({
      driverId: p.driverId,
      attendanceId,
      kind: 'WRITE_OFF',
      amount: { amountMinor: 1_000, currency: 'USD' },
      reason: 'Lost',
      idempotencyKey: key,
    });
    const results = await Promise.all([correct(input('race-a'), viewer), correct(input('race-b'), viewer)]);
    const codes = results.map((r) => r.data!.recordCashCorrection.userErrors.map((e) => e.code).join()).sort();
    expect(codes).toEqual(['', 'CORRECTION_EXCEEDS_CASH_OWED']);
    expect(await balanceOf(f.prisma, 'DRIVER_CASH_HELD', p.driverUserId)).toBe(-400);
    expect(await f.prisma.cashCorrection.count({ where: { driverId: p.driverId } })).toBe(1);
  });

  test('bad input is refused with codes and writes nothing', async () => {
    const { p, attendanceId } = await shortShift('trips-first');
    const other = await knownDriver();
    const viewer = await ops();
    const ok = { driverId: p.driverId, attendanceId, kind: 'WRITE_OFF', amount: { amountMinor: 100, currency: 'USD' }, reason: 'x', idempotencyKey: 'bad-1' };
    const cases: [Record<string, unknown>, string, string[]][] = [
      [{ amount: { amountMinor: 0, currency: 'USD' } }, 'INVALID_AMOUNT', ['input', 'amount', 'amountMinor']],
      [{ amount: { amountMinor: -5, currency: 'USD' } }, 'INVALID_AMOUNT', ['input', 'amount', 'amountMinor']],
      [{ amount: { amountMinor: 100, currency: 'EUR' } }, 'CURRENCY_MISMATCH', ['input', 'amount', 'currency']],
      [{ reason: '   ' }, 'INVALID_REASON', ['input', 'reason']],
      [{ reason: 'r'.repeat(501) }, 'INVALID_REASON', ['input', 'reason']],
      [{ idempotencyKey: '' }, 'INVALID_IDEMPOTENCY_KEY', ['input', 'idempotencyKey']],
      [{ driverId: randomUUID() }, 'DRIVER_NOT_FOUND', ['input', 'driverId']],
      [{ driverId: 'not-an-id' }, 'DRIVER_NOT_FOUND', ['input', 'driverId']],
      [{ attendanceId: randomUUID() }, 'SHIFT_NOT_FOUND', ['input', 'attendanceId']],
      [{ driverId: other.driverId }, 'SHIFT_NOT_FOUND', ['input', 'attendanceId']],
    ];
    for (const [change, code, field] of cases) {
      const result = await correct({ ...ok, ...change }, viewer);
      expect([result.errors, result.data!.recordCashCorrection]).toEqual([undefined, { correction: null, shift: null, userErrors: [{ code, field }] }]);
    }
    expect(await f.prisma.cashCorrection.count({ where: { driverId: { in: [p.driverId, other.driverId] } } })).toBe(0);
    // The key of a refused request is free again.
    expect((await correct(ok, viewer)).data!.recordCashCorrection.userErrors).toEqual([]);
  });
});

describe('who may read and correct (table of intent)', () => {
  let p: TripParty;
  beforeAll(async () => {
    ({ p } = await shortShift('trips-first'));
  });

  // issue 12: "cashDiscrepancies for operations"; a fleet's managers see their fleet's drivers' money; drivers their own.
  const listReaders: [string, 'sees' | 'sees nothing' | 'FORBIDDEN', () => [Role[], string[], Record<string, unknown>]][] = [
    ['operations staff, every fleet', 'sees', () => [['OPERATIONS'], [], { driverId: p.driverId }]],
    ['a super admin, one fleet', 'sees', () => [['SUPER_ADMIN'], [], { fleetId: p.fleetId }]],
    ['a manager of the fleet, their fleet named', 'sees', () => [['FLEET_MANAGER'], [p.fleetId], { fleetId: p.fleetId }]],
    ['a manager of the fleet, no fleet named', 'sees', () => [['FLEET_MANAGER'], [p.fleetId], { driverId: p.driverId }]],
    ['a manager of another fleet naming this one', 'FORBIDDEN', () => [['FLEET_MANAGER'], [randomUUID()], { fleetId: p.fleetId }]],
    ['a manager of another fleet, no fleet named', 'sees nothing', () => [['FLEET_MANAGER'], [randomUUID()], { driverId: p.driverId }]],
    ['the driver', 'FORBIDDEN', () => [['DRIVER'], [], { driverId: p.driverId }]],
    ['a rider', 'FORBIDDEN', () => [['RIDER'], [], {}]],
  ];
  test.each(listReaders)('cashDiscrepancies read by %s: %s', async (_who, expected, viewer) => {
    const [roles, fleetIds, filter] = viewer();
    const result = await discrepancies(filter, await as(roles, fleetIds));
    if (expected === 'FORBIDDEN') expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    else {
      expect(result.errors).toBeUndefined();
      const mine = result.data!.cashDiscrepancies.edges.filter((e) => e.node.difference.amountMinor === 500 && e.node.collected.amountMinor === 2_500);
      expect(mine.length > 0).toBe(expected === 'sees');
    }
  });

  const driverReaders: [string, 'sees' | 'FORBIDDEN', () => [Role[], string[], string]][] = [
    ['the driver themselves', 'sees', () => [['DRIVER'], [], p.driverUserId]],
    ["a manager of the driver's fleet", 'sees', () => [['FLEET_MANAGER'], [p.fleetId], randomUUID()]],
    ['a manager of another fleet', 'FORBIDDEN', () => [['FLEET_MANAGER'], [randomUUID()], randomUUID()]],
    ['another driver', 'FORBIDDEN', () => [['DRIVER'], [], randomUUID()]],
    ['a rider', 'FORBIDDEN', () => [['RIDER'], [], p.riderUserId]],
    ['operations staff', 'sees', () => [['OPERATIONS'], [], randomUUID()]],
  ];
  test.each(driverReaders)('Driver.cashShifts read by %s: %s', async (_who, expected, viewer) => {
    const [roles, fleetIds, userId] = viewer();
    type Result = { _entities: [{ cashShifts: { edges: { node: { difference: { amountMinor: number } } }[] } }] };
    const result = await f.api.execute<Result>(DRIVER_SHIFTS, { id: p.driverId }, await as(roles, fleetIds, userId));
    if (expected === 'FORBIDDEN') expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    else {
      expect(result.errors).toBeUndefined();
      expect(result.data!._entities[0].cashShifts.edges.map((e) => e.node.difference.amountMinor)).toEqual([500]);
    }
  });

  const correctors: [string, 'corrects' | 'FORBIDDEN', () => [Role[], string[], string]][] = [
    ["a manager of the driver's fleet", 'corrects', () => [['FLEET_MANAGER'], [p.fleetId], randomUUID()]],
    ['operations staff', 'corrects', () => [['OPERATIONS'], [], randomUUID()]],
    ['a manager of another fleet', 'FORBIDDEN', () => [['FLEET_MANAGER'], [randomUUID()], randomUUID()]],
    ['the driver themselves', 'FORBIDDEN', () => [['DRIVER'], [], p.driverUserId]],
    ['a rider', 'FORBIDDEN', () => [['RIDER'], [], p.riderUserId]],
  ];
  test.each(correctors)('recordCashCorrection by %s: %s', async (_who, expected, viewer) => {
    const [roles, fleetIds, userId] = viewer();
    const before = await balanceOf(f.prisma, 'DRIVER_CASH_HELD', p.driverUserId);
    const result = await correct(
      { driverId: p.driverId, kind: 'LATE_HANDOVER', amount: { amountMinor: 10, currency: 'USD' }, reason: 'Coins found', idempotencyKey: randomUUID() },
      await as(roles, fleetIds, userId),
    );
    if (expected === 'FORBIDDEN') {
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(await balanceOf(f.prisma, 'DRIVER_CASH_HELD', p.driverUserId)).toBe(before);
    } else {
      expect(result.data!.recordCashCorrection.userErrors).toEqual([]);
      expect(await balanceOf(f.prisma, 'DRIVER_CASH_HELD', p.driverUserId)).toBe(before + 10);
    }
  });
});

test('settlement records when the trip ended on every payment, on the batch and the single path', async () => {
  const p = await knownDriver();
  const a = at(completed(trip(p), 700, CASH), t('09:15'));
  const b = at(completed(trip(p), 800, CASH), t('09:45'));
  await f.built.services.settleTripEvents([a]);
  await f.built.services.settleTripEvent(b);
  const rows = await f.prisma.payment.findMany({ where: { driverUserId: p.driverUserId }, orderBy: { tripCompletedAt: 'asc' } });
  expect(rows.map((r) => r.tripCompletedAt?.toISOString())).toEqual([t('09:15'), t('09:45')]);
});

test('a list of drivers with their shifts and cash trips costs the same statements for 1 driver and for 3 (batched)', async () => {
  const parties = [];
  for (let i = 0; i < 3; i++) parties.push((await shortShift('trips-first')).p);
  const query = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Driver { id cashShifts(first: 5) {
    edges { node { id difference { amountMinor } trips { trip { id } amount { amountMinor } } } } } } } }`;
  type Result = { _entities: { id: string; cashShifts: { edges: { node: { difference: { amountMinor: number }; trips: unknown[] } }[] } }[] };
  const viewer = await ops();
  const countFor = async (ps: TripParty[]) => {
    f.statements.length = 0;
    const result = await f.api.execute<Result>(query, { reps: ps.map((p) => ({ __typename: 'Driver', id: p.driverId })) }, viewer);
    expect(result.errors).toBeUndefined();
    for (const entity of result.data!._entities) {
      expect(entity.cashShifts.edges.map((e) => [e.node.difference.amountMinor, e.node.trips.length])).toEqual([[500, 2]]);
    }
    return f.statements.length;
  };
  const one = await countFor(parties.slice(0, 1));
  // Driver profiles, the shifts pages, the shifts' cash payments (ids, then rows).
  expect(one).toBe(4);
  expect(await countFor(parties)).toBe(one);
});
