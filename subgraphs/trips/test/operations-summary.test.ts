// Query.operationsSummary on a hand-built day of trips and offers whose every number is worked out below: exact
// counts, rates, pickup average, revenue per currency, driver time; the range's edges (from inclusive, to exclusive);
// fleet and city scopes; who may ask; bad input; and the two statements a summary costs.
import { randomUUID } from 'node:crypto';
import { decodeSummaryId, encodeSummaryId } from '../../../platform/operations-summary/index.js';
import { ENTITIES_QUERY } from '../../../platform/testing/index.js';
import type { Prisma } from '../src/store/prisma/client.js';
import type { TripsConfig } from '../src/config.js';
import { operationsSummary, SUMMARY_STATEMENT_TIMEOUT_MS } from '../src/services/operations-summary.js';
import type { TripsStore } from '../src/store/store.js';
import { codes, useHarness, type Harness } from './harness.js';

const harness = useHarness();
const h = (): Harness => harness();

const FLEET_A = randomUUID();
const FLEET_B = randomUUID();
const D1 = { driverId: randomUUID(), driverUserId: randomUUID(), fleetId: FLEET_A };
const D2 = { driverId: randomUUID(), driverUserId: randomUUID(), fleetId: FLEET_A };
const D3 = { driverId: randomUUID(), driverUserId: randomUUID(), fleetId: FLEET_B };
const OTHER_CITY = randomUUID();
const OTHER_RULE = randomUUID();

/** 2026-10-01 at hh:mm:ss.ms UTC. */
const at = (hh: number, mm: number, ss = 0, ms = 0) => new Date(Date.UTC(2026, 9, 1, hh, mm, ss, ms));
const FROM = at(10, 0).toISOString();
const TO = at(13, 0).toISOString();

const SUMMARY = `query ($from: DateTime!, $to: DateTime!, $fleetId: ID, $city: String) {
  operationsSummary(from: $from, to: $to, fleetId: $fleetId, city: $city) {
    from to fleetId city tripsRequested
    tripsByStatus { status count }
    tripsByHour { hour requested completed cancelled }
    completionRate cancellationRate
    cancellationsBy { by count }
    offersMade offerAcceptanceRate averagePickupSeconds
    revenue { amountMinor currency }
    driversOnTrip driverHoursOnTrip
  }
}`;

interface Summary {
  tripsRequested: number;
  tripsByStatus: { status: string; count: number }[];
  tripsByHour: { hour: string; requested: number; completed: number; cancelled: number }[];
  completionRate: number | null;
  cancellationRate: number | null;
  cancellationsBy: { by: string; count: number }[];
  offersMade: number;
  offerAcceptanceRate: number | null;
  averagePickupSeconds: number | null;
  revenue: { amountMinor: string; currency: string }[];
  driversOnTrip: number;
  driverHoursOnTrip: number;
  fleetId: string | null;
  city: string | null;
}

const statusCounts = (counts: Partial<Record<string, number>>) =>
  ['REQUESTED', 'DRIVER_ASSIGNED', 'DRIVER_ARRIVED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'].map((status) => ({ status, count: counts[status] ?? 0 }));
const cancellers = (counts: Partial<Record<string, number>>) => ['RIDER', 'DRIVER', 'OPERATIONS', 'SYSTEM'].map((by) => ({ by, count: counts[by] ?? 0 }));

beforeAll(async () => {
  const prisma = h().prisma;
  const metro = await prisma.pricingRule.findFirstOrThrow({ where: { category: 'ECONOMY', city: { name: 'Metro City' } } });
  await prisma.city.create({
    data: {
      id: OTHER_CITY,
      name: 'Other City',
      centerLatitude: 0,
      centerLongitude: 0,
      radiusMeters: 10_000,
      currency: 'EUR',
      roadFactorPercent: 130,
      averageSpeedKph: 25,
    },
  });
  await prisma.pricingRule.create({
    data: {
      id: OTHER_RULE,
      cityId: OTHER_CITY,
      category: 'ECONOMY',
      baseFareMinor: 100,
      perKmMinor: 100,
      perMinuteMinor: 10,
      minimumFareMinor: 300,
      cancellationFeeMinor: 200,
      freeCancellationSeconds: 120,
      version: 1,
      surgeCapTenths: 30,
      effectiveFrom: new Date('2000-01-01T00:00:00Z'),
    },
  });
  const trip = (id: string, data: Partial<Prisma.TripCreateManyInput>): Prisma.TripCreateManyInput => ({
    id,
    riderUserId: randomUUID(),
    category: 'ECONOMY',
    currency: 'USD',
    pricingRuleId: metro.id,
    requestedAt: at(0, 0),
    ...data,
  });
  const ids = Object.fromEntries(['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'T10', 'T11'].map((k) => [k, randomUUID()]));
  await prisma.trip.createMany({
    data: [
      // exactly at `from`: counted. Pickup 300 s, on trip 10:01 → 10:30 = 1,740 s.
      trip(ids.T1!, {
        ...D1,
        status: 'COMPLETED',
        fareMinor: 1000,
        requestedAt: at(10, 0),
        assignedAt: at(10, 1),
        arrivedAt: at(10, 5),
        startedAt: at(10, 6),
        completedAt: at(10, 30),
      }),
      // pickup 240 s, on trip 10:21 → 10:50 = 1,740 s
      trip(ids.T2!, {
        ...D2,
        status: 'COMPLETED',
        fareMinor: 2500,
        requestedAt: at(10, 20),
        assignedAt: at(10, 21),
        arrivedAt: at(10, 24),
        startedAt: at(10, 25),
        completedAt: at(10, 50),
      }),
      // no driver ever: nothing on trip
      trip(ids.T3!, { status: 'CANCELLED', cancelledBy: 'RIDER', requestedAt: at(10, 40), cancelledAt: at(10, 42) }),
      // the driver gave up before arriving: on trip 11:06 → 11:10 = 240 s, no pickup
      trip(ids.T4!, { ...D1, status: 'CANCELLED', cancelledBy: 'DRIVER', requestedAt: at(11, 5), assignedAt: at(11, 6), cancelledAt: at(11, 10) }),
      // a late rider cancellation with a fee: pickup 420 s, on trip 11:31 → 11:40 = 540 s
      trip(ids.T5!, {
        ...D3,
        status: 'CANCELLED',
        cancelledBy: 'RIDER',
        cancellationFeeMinor: 500,
        requestedAt: at(11, 30),
        assignedAt: at(11, 31),
        arrivedAt: at(11, 37),
        cancelledAt: at(11, 40),
      }),
      // a second before `to`: counted; pickup 240 s; still riding, so no driver time yet
      trip(ids.T6!, { ...D3, status: 'IN_PROGRESS', requestedAt: at(12, 59, 59), assignedAt: at(13, 0, 10), arrivedAt: at(13, 3, 59), startedAt: at(13, 5) }),
      // exactly at `to`: not counted
      trip(ids.T7!, {
        ...D2,
        status: 'COMPLETED',
        fareMinor: 9999,
        requestedAt: at(13, 0),
        assignedAt: at(13, 1),
        arrivedAt: at(13, 2),
        completedAt: at(13, 20),
      }),
      // just before `from`: not counted
      trip(ids.T8!, {
        ...D1,
        status: 'COMPLETED',
        fareMinor: 7777,
        requestedAt: at(9, 59, 58),
        assignedAt: at(10, 0),
        arrivedAt: at(10, 3),
        completedAt: at(10, 20),
      }),
      // another city, another currency: pickup 180 s, on trip 12:11 → 12:40 = 1,740 s
      trip(ids.T9!, {
        ...D3,
        status: 'COMPLETED',
        fareMinor: 4000,
        currency: 'EUR',
        pricingRuleId: OTHER_RULE,
        requestedAt: at(12, 10),
        assignedAt: at(12, 11),
        arrivedAt: at(12, 13),
        completedAt: at(12, 40),
      }),
      trip(ids.T10!, { status: 'REQUESTED', requestedAt: at(12, 30) }),
      trip(ids.T11!, {
        status: 'CANCELLED',
        cancelledBy: 'SYSTEM',
        cancellationReason: 'NO_DRIVER_AVAILABLE',
        requestedAt: at(12, 45),
        cancelledAt: at(12, 50),
      }),
    ],
  });
  const offer = (
    tripId: string,
    driver: typeof D1,
    status: Prisma.DispatchOfferCreateManyInput['status'],
    offeredAt: Date,
  ): Prisma.DispatchOfferCreateManyInput => ({
    tripId,
    ...driver,
    status,
    offeredAt,
    expiresAt: new Date(offeredAt.getTime() + 20_000),
  });
  await prisma.dispatchOffer.createMany({
    data: [
      offer(ids.T1!, D1, 'ACCEPTED', at(10, 0, 30)),
      offer(ids.T2!, D3, 'DECLINED', at(10, 20, 10)),
      offer(ids.T2!, D2, 'ACCEPTED', at(10, 20, 40)),
      offer(ids.T3!, D1, 'EXPIRED', at(10, 40, 5)),
      offer(ids.T4!, D1, 'ACCEPTED', at(11, 5, 30)),
      offer(ids.T5!, D3, 'ACCEPTED', at(11, 30, 30)),
      { ...offer(ids.T10!, D2, 'PENDING', at(12, 30, 5)), pendingDriverId: D2.driverId, pendingTripId: ids.T10! },
      offer(ids.T11!, D3, 'WITHDRAWN', at(12, 45, 5)),
      offer(ids.T9!, D3, 'ACCEPTED', at(12, 10, 30)),
      offer(ids.T7!, D2, 'ACCEPTED', at(13, 0)),
      offer(ids.T8!, D1, 'ACCEPTED', at(9, 59, 59, 999)),
    ],
  });
});

async function summary(roles: Parameters<Harness['as']>[1], variables: Record<string, unknown>, fleetIds: string[] = []) {
  const viewer = await h().as(randomUUID(), roles, fleetIds);
  return h().run<{ operationsSummary: Summary }>(viewer, SUMMARY, { from: FROM, to: TO, ...variables });
}

test('every city and fleet: exact counts, rates, pickup, revenue and driver time, in two SELECTs', async () => {
  h().statements.length = 0;
  const { data, errors } = await summary(['OPERATIONS'], {});
  expect(errors).toBeUndefined();
  // the two aggregates (in one transaction with `set local jit = off`), nothing per trip or per hour
  expect(h().statements.filter((sql) => /^\s*select/i.test(sql))).toHaveLength(2);
  expect(data!.operationsSummary).toEqual({
    from: FROM,
    to: TO,
    fleetId: null,
    city: null,
    // T1–T6, T9, T10, T11 (T7 at `to` and T8 before `from` are out)
    tripsRequested: 9,
    tripsByStatus: statusCounts({ REQUESTED: 1, IN_PROGRESS: 1, COMPLETED: 3, CANCELLED: 4 }),
    tripsByHour: [
      { hour: at(10, 0).toISOString(), requested: 3, completed: 2, cancelled: 1 },
      { hour: at(11, 0).toISOString(), requested: 2, completed: 0, cancelled: 2 },
      { hour: at(12, 0).toISOString(), requested: 4, completed: 1, cancelled: 1 },
    ],
    completionRate: 3 / 9,
    cancellationRate: 4 / 9,
    cancellationsBy: cancellers({ RIDER: 2, DRIVER: 1, SYSTEM: 1 }),
    // O1–O6, O9 (pending), O10 (withdrawn), O11: accepted 5 of 7 answered
    offersMade: 9,
    offerAcceptanceRate: 5 / 7,
    // (300 + 240 + 420 + 240 + 180) / 5
    averagePickupSeconds: 276,
    revenue: [
      { amountMinor: '4000', currency: 'EUR' },
      // fares 1000 + 2500, fee 500
      { amountMinor: '4000', currency: 'USD' },
    ],
    driversOnTrip: 3,
    // 1740 + 1740 + 240 + 540 + 1740 = 6000 s
    driverHoursOnTrip: 6000 / 3600,
  });
});

test('one fleet: only its drivers’ trips and offers; hours without requests are zeros', async () => {
  const { data } = await summary(['SUPER_ADMIN'], { fleetId: FLEET_A });
  expect(data!.operationsSummary).toMatchObject({
    fleetId: FLEET_A,
    tripsRequested: 3,
    tripsByStatus: statusCounts({ COMPLETED: 2, CANCELLED: 1 }),
    tripsByHour: [
      { hour: at(10, 0).toISOString(), requested: 2, completed: 2, cancelled: 0 },
      { hour: at(11, 0).toISOString(), requested: 1, completed: 0, cancelled: 1 },
      { hour: at(12, 0).toISOString(), requested: 0, completed: 0, cancelled: 0 },
    ],
    completionRate: 2 / 3,
    cancellationRate: 1 / 3,
    cancellationsBy: cancellers({ DRIVER: 1 }),
    offersMade: 5,
    offerAcceptanceRate: 3 / 4,
    averagePickupSeconds: 270,
    revenue: [{ amountMinor: '3500', currency: 'USD' }],
    driversOnTrip: 2,
    driverHoursOnTrip: 3720 / 3600,
  });
});

test('one city, and a city with a fleet together', async () => {
  const other = (await summary(['OPERATIONS'], { city: 'Other City' })).data!.operationsSummary;
  expect(other).toMatchObject({
    city: 'Other City',
    tripsRequested: 1,
    offersMade: 1,
    offerAcceptanceRate: 1,
    revenue: [{ amountMinor: '4000', currency: 'EUR' }],
  });
  const metroB = (await summary(['OPERATIONS'], { city: 'Metro City', fleetId: FLEET_B })).data!.operationsSummary;
  expect(metroB).toMatchObject({
    tripsRequested: 2,
    tripsByStatus: statusCounts({ IN_PROGRESS: 1, CANCELLED: 1 }),
    offersMade: 3,
    offerAcceptanceRate: 1 / 2,
    averagePickupSeconds: 330,
    revenue: [{ amountMinor: '500', currency: 'USD' }],
    driversOnTrip: 1,
    driverHoursOnTrip: 540 / 3600,
  });
});

test('a range with nothing in it: zeros, null rates, an empty revenue, one zero entry per hour', async () => {
  const { data } = await summary(['OPERATIONS'], { from: at(1, 30).toISOString(), to: at(3, 0).toISOString() });
  expect(data!.operationsSummary).toMatchObject({
    tripsRequested: 0,
    tripsByHour: [
      { hour: at(1, 0).toISOString(), requested: 0, completed: 0, cancelled: 0 },
      { hour: at(2, 0).toISOString(), requested: 0, completed: 0, cancelled: 0 },
    ],
    completionRate: null,
    cancellationRate: null,
    offersMade: 0,
    offerAcceptanceRate: null,
    averagePickupSeconds: null,
    revenue: [],
    driversOnTrip: 0,
    driverHoursOnTrip: 0,
  });
});

test('a fleet manager: their fleets without fleetId, their fleet by id, FORBIDDEN for another fleet', async () => {
  const mine = await summary(['FLEET_MANAGER'], {}, [FLEET_A]);
  expect(mine.data!.operationsSummary).toMatchObject({ fleetId: null, tripsRequested: 3, revenue: [{ amountMinor: '3500', currency: 'USD' }] });
  const byId = await summary(['FLEET_MANAGER'], { fleetId: FLEET_A }, [FLEET_A]);
  expect(byId.data!.operationsSummary).toMatchObject({ fleetId: FLEET_A, tripsRequested: 3 });
  const both = await summary(['FLEET_MANAGER'], {}, [FLEET_A, FLEET_B]);
  expect(both.data!.operationsSummary).toMatchObject({ tripsRequested: 6, driversOnTrip: 3 });
  const other = await summary(['FLEET_MANAGER'], { fleetId: FLEET_B }, [FLEET_A]);
  expect(codes(other.errors)).toEqual(['FORBIDDEN']);
  expect(other.data).toBeNull();
});

test('the id carries the range and scope: the same arguments, the same id; the entity resolved by it answers the same', async () => {
  const ID = `query ($from: DateTime!, $to: DateTime!, $fleetId: ID, $city: String) { operationsSummary(from: $from, to: $to, fleetId: $fleetId, city: $city) { id tripsRequested driverHoursOnTrip } }`;
  const ops = await h().as(randomUUID(), ['OPERATIONS']);
  const asked = (variables: Record<string, unknown>) =>
    h().run<{ operationsSummary: { id: string; tripsRequested: number; driverHoursOnTrip: number } }>(ops, ID, { from: FROM, to: TO, ...variables });
  const fleetA = (await asked({ fleetId: FLEET_A })).data!.operationsSummary;
  expect(fleetA.id).toBe(encodeSummaryId({ from: new Date(FROM), to: new Date(TO), fleetId: FLEET_A, city: null }));
  expect((await asked({ fleetId: FLEET_A })).data!.operationsSummary.id).toBe(fleetA.id);
  expect((await asked({})).data!.operationsSummary.id).not.toBe(fleetA.id);
  expect(decodeSummaryId(fleetA.id)).toEqual({ from: new Date(FROM), to: new Date(TO), fleetId: FLEET_A, city: null });

  const ENTITY = ENTITIES_QUERY('... on OperationsSummary { id tripsRequested driverHoursOnTrip }');
  const entity = await h().run<{ _entities: unknown[] }>(ops, ENTITY, { representations: [{ __typename: 'OperationsSummary', id: fleetA.id }] });
  expect(entity.errors).toBeUndefined();
  expect(entity.data!._entities).toEqual([fleetA]);
  // The id is only a request: a fleet manager of fleet A cannot read fleet B by forging its id.
  const manager = await h().as(randomUUID(), ['FLEET_MANAGER'], [FLEET_A]);
  const forged = encodeSummaryId({ from: new Date(FROM), to: new Date(TO), fleetId: FLEET_B, city: null });
  expect(codes((await h().run(manager, ENTITY, { representations: [{ __typename: 'OperationsSummary', id: forged }] })).errors)).toEqual(['FORBIDDEN']);
  const malformed = await h().run(ops, ENTITY, { representations: [{ __typename: 'OperationsSummary', id: 'ops1.bm9wZQ' }] });
  expect(malformed.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['BAD_USER_INPUT', 'id']]);
});

test.each([
  [['RIDER'], 'FORBIDDEN'],
  [['DRIVER'], 'FORBIDDEN'],
  [['RIDER', 'DRIVER'], 'FORBIDDEN'],
] as const)('%j is refused with %s', async (roles, code) => {
  const result = await summary([...roles], {});
  expect(codes(result.errors)).toEqual([code]);
});

test('without a token: UNAUTHENTICATED', async () => {
  const result = await h().run({ headers: {} }, SUMMARY, { from: FROM, to: TO });
  expect(codes(result.errors)).toEqual(['UNAUTHENTICATED']);
});

test.each([
  ['`to` equal to `from`', { to: FROM }, 'to'],
  ['`to` before `from`', { from: TO, to: FROM }, 'to'],
  ['367 days', { from: '2025-01-01T00:00:00.000Z', to: '2026-01-03T00:00:00.000Z' }, 'to'],
  ['366 days and a millisecond', { from: '2025-01-01T00:00:00.000Z', to: '2026-01-02T00:00:00.001Z' }, 'to'],
  ['a fleetId that is not a UUID', { fleetId: 'fleet-1' }, 'fleetId'],
  ['an empty city', { city: '' }, 'city'],
])('%s: BAD_USER_INPUT naming the argument', async (_name, variables, field) => {
  const result = await summary(['OPERATIONS'], variables);
  expect(codes(result.errors)).toEqual(['BAD_USER_INPUT']);
  expect(result.errors![0]!.extensions!.field).toBe(field);
});

test('a date that is not an instant is BAD_USER_INPUT; exactly 366 days is allowed', async () => {
  expect(codes((await summary(['OPERATIONS'], { from: 'yesterday' })).errors)).toEqual(['BAD_USER_INPUT']);
  const year = await summary(['OPERATIONS'], { from: '2025-10-01T00:00:00.000Z', to: '2026-10-02T00:00:00.000Z' });
  expect(year.errors).toBeUndefined();
  expect(year.data!.operationsSummary.tripsByHour).toHaveLength(366 * 24);
  // the whole hand-built day falls inside
  expect(year.data!.operationsSummary.tripsRequested).toBe(11);
});

test('a summary PostgreSQL cancels at the statement timeout is QUERY_TIMEOUT, not an internal error', async () => {
  const viewer = { userId: randomUUID(), roles: ['OPERATIONS'], sessionId: randomUUID(), fleetIds: [], expiresAt: new Date(Date.now() + 60_000) } as const;
  const applied: number[] = [];
  // What the store hands the service when PostgreSQL cancels the aggregate (SQLSTATE 57014, as Prisma reports it).
  const cancelled = Object.assign(new Error('Raw query failed. Code: `57014`. Message: `canceling statement due to statement timeout`'), {});
  const store = {
    transaction: async (work: (stores: unknown) => Promise<unknown>) =>
      work({
        operations: {
          withoutJit: async () => undefined,
          limitStatementTime: async (ms: number) => void applied.push(ms),
          tripAggregates: async () => Promise.reject(cancelled),
          offerAggregates: async () => Promise.reject(new Error('not reached')),
        },
      }),
  } as unknown as TripsStore;
  const config = { dispatchTimeoutSeconds: 60, offerTimeoutSeconds: 15 } as TripsConfig;
  const asked = operationsSummary({ store, config }, viewer, { from: new Date(FROM), to: new Date(TO) });
  await expect(asked).rejects.toMatchObject({ extensions: { code: 'QUERY_TIMEOUT' } });
  expect(applied).toEqual([SUMMARY_STATEMENT_TIMEOUT_MS]);
  // Any other failure stays what it was.
  const broken = { transaction: async () => Promise.reject(new Error('connection lost')) } as unknown as TripsStore;
  await expect(operationsSummary({ store: broken, config }, viewer, { from: new Date(FROM), to: new Date(TO) })).rejects.toThrow('connection lost');
});
