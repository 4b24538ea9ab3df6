// Pricing administration on real PostgreSQL: setPricing by role, every bad input refused with nothing written, the
// audit entry with before/after in the change's transaction, racing administrators, future-dated versions, and
// "a new pricing version prices new quotes only" — a quote and its trip keep the version that priced them, through
// to the final fare. Also TripConnection.totalCount: counted only when selected, with the page's filters.
import { randomUUID } from 'node:crypto';
import type { Role } from '../../../platform/auth/index.js';
import { fareMinor } from '../src/services/pricing.js';
import { ACCEPT, availableDriver, cityPatches, codes, pendingOffer, TRIP, useHarness, type Harness, type TripData } from './harness.js';

const harness = useHarness();
let h: Harness;
let cityId: string;

const area = cityPatches(6_000, 7);

const SET = `mutation ($input: SetPricingInput!) { setPricing(input: $input) {
  pricing { id version category effectiveFrom baseFare { amountMinor currency } perKm { amountMinor } perMinute { amountMinor }
    minimumFare { amountMinor } cancellationFee { amountMinor } cancellationFreeSeconds surgeCap createdBy { id } }
  userErrors { field code message } } }`;
const CITIES = `query ($category: VehicleCategory!) { cities { id name currency center { latitude longitude } radiusMeters
  pricing(category: $category) { id version baseFare { amountMinor } surgeCap }
  pricingHistory(category: $category, first: 10) { edges { node { id version effectiveFrom createdBy { id } } } pageInfo { hasNextPage } } } }`;
const ESTIMATE = `mutation ($input: EstimateFareInput!) { estimateFare(input: $input) {
  estimate { id amount { amountMinor currency } distanceMeters durationSeconds surge } userErrors { code } } }`;
const REQUEST = `mutation ($input: RequestTripInput!) { requestTrip(input: $input) { trip { ${TRIP} } userErrors { code } } }`;
const step = (name: string, args = '') => `mutation ($tripId: ID!) { ${name}(tripId: $tripId${args}) { trip { ${TRIP} } userErrors { code } } }`;

interface Version {
  id: string;
  version: number;
  category: string;
  effectiveFrom: string;
  baseFare: { amountMinor: number; currency: string };
  surgeCap: number;
  createdBy: { id: string } | null;
}
type SetResult = { setPricing: { pricing: Version | null; userErrors: { field: string[] | null; code: string }[] } };

/** Demo COMFORT prices doubled: a version that cannot be mistaken for version 1. */
const doubled = (category: string, extra: Record<string, unknown> = {}) => ({
  cityId,
  category,
  baseFare: 700,
  perKm: 340,
  perMinute: 60,
  minimumFare: 1600,
  cancellationFee: 800,
  cancellationFreeSeconds: 60,
  surgeCap: 2.5,
  ...extra,
});

const staff = (role: Role, userId: string = randomUUID()) => h.as(userId, [role], role === 'FLEET_MANAGER' ? [randomUUID()] : []);
const anonymous = { headers: {} };

async function setPricing(who: { headers: Record<string, string> }, input: Record<string, unknown>) {
  const result = await h.run<SetResult>(who, SET, { input });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.setPricing;
}

const snapshot = async () => ({ versions: await h.prisma.pricingRule.count(), outbox: await h.prisma.outboxEvent.count() });

beforeAll(async () => {
  h = harness();
  const cities = await h.run<{ cities: { id: string; name: string }[] }>(await staff('OPERATIONS'), CITIES, { category: 'ECONOMY' });
  cityId = cities.data!.cities.find((c) => c.name === 'Metro City')!.id;
});

describe('reading cities and prices', () => {
  test('staff read the city, the version in force and the history; the seeded prices are version 1 without an author', async () => {
    for (const role of ['SUPER_ADMIN', 'OPERATIONS', 'FLEET_MANAGER'] as const) {
      const result = await h.run<{
        cities: { name: string; currency: string; radiusMeters: number; pricing: Version; pricingHistory: { edges: { node: Version }[] } }[];
      }>(await staff(role), CITIES, { category: 'ECONOMY' });
      expect(result.errors).toBeUndefined();
      expect(result.data!.cities).toEqual([
        expect.objectContaining({
          name: 'Metro City',
          currency: 'USD',
          radiusMeters: 40_000,
          pricing: expect.objectContaining({ version: 1, baseFare: { amountMinor: 250 }, surgeCap: 3 }),
          pricingHistory: {
            edges: [{ node: expect.objectContaining({ version: 1, effectiveFrom: '2000-01-01T00:00:00.000Z', createdBy: null }) }],
            pageInfo: { hasNextPage: false },
          },
        }),
      ]);
    }
  });

  test('riders, drivers and anonymous callers may not read them', async () => {
    for (const [who, code] of [
      [await staff('RIDER'), 'FORBIDDEN'],
      [await staff('DRIVER'), 'FORBIDDEN'],
      [anonymous, 'UNAUTHENTICATED'],
    ] as const) {
      const result = await h.run(who, CITIES, { category: 'ECONOMY' });
      expect(codes(result.errors)).toEqual([code]);
    }
  });
});

describe('setPricing', () => {
  test('OPERATIONS and SUPER_ADMIN set prices; every other role is refused with nothing written', async () => {
    for (const [who, code] of [
      [await staff('FLEET_MANAGER'), 'FORBIDDEN'],
      [await staff('DRIVER'), 'FORBIDDEN'],
      [await staff('RIDER'), 'FORBIDDEN'],
      [anonymous, 'UNAUTHENTICATED'],
    ] as const) {
      const before = await snapshot();
      const result = await h.run(who, SET, { input: doubled('XL') });
      expect(codes(result.errors)).toEqual([code]);
      expect(await snapshot()).toEqual(before);
    }
    const operations = await staff('OPERATIONS');
    const byOperations = await setPricing(operations, doubled('XL'));
    expect(byOperations.userErrors).toEqual([]);
    expect(byOperations.pricing).toMatchObject({ version: 2, category: 'XL', baseFare: { amountMinor: 700, currency: 'USD' }, surgeCap: 2.5 });
    const admin = await staff('SUPER_ADMIN');
    const byAdmin = await setPricing(admin, doubled('XL', { baseFare: 710, minimumFare: 1610 }));
    expect(byAdmin.pricing).toMatchObject({ version: 3, baseFare: { amountMinor: 710 } });
  });

  test('the change is in the audit log with the replaced and the new prices, in the same transaction', async () => {
    const userId = randomUUID();
    const operations = await staff('OPERATIONS', userId);
    const { pricing } = await setPricing(operations, doubled('COMFORT', { effectiveFrom: new Date(h.clock.now().getTime() + 600_000).toISOString() }));
    expect(pricing?.createdBy).toEqual({ id: userId });
    const entries = await h.prisma.outboxEvent.findMany({
      where: { type: 'audit.recorded', payload: { path: ['after', 'pricingVersionId'], equals: pricing!.id } },
    });
    expect(entries).toHaveLength(1);
    const v1 = await h.prisma.pricingRule.findFirstOrThrow({ where: { cityId, category: 'COMFORT', version: 1 } });
    expect(entries[0]!.payload).toMatchObject({
      source: 'trips',
      actorId: userId,
      actorRoles: ['OPERATIONS'],
      action: 'pricing.set',
      targetType: 'City',
      targetId: cityId,
      before: { pricingVersionId: v1.id, version: 1, baseFareMinor: 350, perKmMinor: 170, minimumFareMinor: 800, surgeCapTenths: 30 },
      after: {
        pricingVersionId: pricing!.id,
        category: 'COMFORT',
        version: 2,
        effectiveFrom: pricing!.effectiveFrom,
        baseFareMinor: 700,
        perKmMinor: 340,
        perMinuteMinor: 60,
        minimumFareMinor: 1600,
        cancellationFeeMinor: 800,
        freeCancellationSeconds: 60,
        surgeCapTenths: 25,
      },
      reason: null,
    });
  });

  test.each([
    ['a negative amount', { perKm: -1 }, 'INVALID_PRICE', ['input', 'perKm']],
    ['an amount above the highest fare', { cancellationFee: 1_000_001 }, 'INVALID_PRICE', ['input', 'cancellationFee']],
    ['a minimum below the base fare', { minimumFare: 699 }, 'INVALID_PRICE', ['input', 'minimumFare']],
    ['a negative free period', { cancellationFreeSeconds: -1 }, 'INVALID_CANCELLATION_PERIOD', ['input', 'cancellationFreeSeconds']],
    ['a free period over an hour', { cancellationFreeSeconds: 3601 }, 'INVALID_CANCELLATION_PERIOD', ['input', 'cancellationFreeSeconds']],
    ['a surge cap below 1', { surgeCap: 0.9 }, 'INVALID_SURGE_CAP', ['input', 'surgeCap']],
    ['a surge cap above 10', { surgeCap: 10.1 }, 'INVALID_SURGE_CAP', ['input', 'surgeCap']],
    ['a surge cap finer than tenths', { surgeCap: 1.55 }, 'INVALID_SURGE_CAP', ['input', 'surgeCap']],
    ['an effectiveFrom in the past', { effectiveFrom: 'past' }, 'INVALID_EFFECTIVE_FROM', ['input', 'effectiveFrom']],
    ['an effectiveFrom over a year ahead', { effectiveFrom: 'far' }, 'INVALID_EFFECTIVE_FROM', ['input', 'effectiveFrom']],
    ['an unknown city', { cityId: randomUUID() }, 'CITY_NOT_FOUND', ['input', 'cityId']],
    ['a city id that is no id', { cityId: 'metro' }, 'CITY_NOT_FOUND', ['input', 'cityId']],
  ])('%s is refused (%s) with nothing written', async (_name, change, code, field) => {
    const now = h.clock.now().getTime();
    const when = (change as { effectiveFrom?: string }).effectiveFrom;
    const effectiveFrom = when === 'past' ? new Date(now - 61_000).toISOString() : when === 'far' ? new Date(now + 367 * 86_400_000).toISOString() : undefined;
    const before = await snapshot();
    const result = await setPricing(await staff('OPERATIONS'), doubled('BIKE', { ...change, ...(effectiveFrom ? { effectiveFrom } : {}) }));
    expect(result).toMatchObject({ pricing: null, userErrors: [{ code, field }] });
    expect(await snapshot()).toEqual(before);
  });

  test('an effectiveFrom a few seconds behind (clock skew) takes effect now', async () => {
    const now = h.clock.now().getTime();
    const { pricing } = await setPricing(await staff('OPERATIONS'), doubled('BIKE', { effectiveFrom: new Date(now - 30_000).toISOString() }));
    expect(new Date(pricing!.effectiveFrom).getTime()).toBeGreaterThanOrEqual(now);
  });

  test('two administrators racing for the same effectiveFrom: one version, the other gets EFFECTIVE_FROM_TAKEN', async () => {
    const effectiveFrom = new Date(h.clock.now().getTime() + 3_600_000).toISOString();
    const [a, b] = [await staff('OPERATIONS'), await staff('SUPER_ADMIN')];
    const before = await h.prisma.pricingRule.count({ where: { cityId, category: 'AUTO' } });
    const results = await Promise.all([setPricing(a, doubled('AUTO', { effectiveFrom })), setPricing(b, doubled('AUTO', { effectiveFrom, baseFare: 1 }))]);
    expect(results.filter((r) => r.pricing).length).toBe(1);
    expect(results.flatMap((r) => r.userErrors.map((e) => e.code))).toEqual(['EFFECTIVE_FROM_TAKEN']);
    expect(await h.prisma.pricingRule.count({ where: { cityId, category: 'AUTO' } })).toBe(before + 1);
    expect(await h.prisma.outboxEvent.count({ where: { type: 'audit.recorded', payload: { path: ['after', 'category'], equals: 'AUTO' } } })).toBe(1);

    // Different instants racing: both written, numbered one after the other (the city's row lock).
    const later = (ms: number) => new Date(h.clock.now().getTime() + ms).toISOString();
    const both = await Promise.all([
      setPricing(a, doubled('AUTO', { effectiveFrom: later(7_200_000) })),
      setPricing(b, doubled('AUTO', { effectiveFrom: later(7_300_000) })),
    ]);
    expect(both.map((r) => r.pricing?.version).sort()).toEqual([before + 2, before + 3]);
  });
});

describe('a new pricing version prices new quotes only', () => {
  async function estimate(rider: { headers: Record<string, string> }, pickup: { latitude: number; longitude: number }, category: string) {
    const input = { pickup, dropoff: { latitude: pickup.latitude + 0.027, longitude: pickup.longitude }, category };
    const result = await h.run<{
      estimateFare: { estimate: { id: string; amount: { amountMinor: number }; distanceMeters: number; durationSeconds: number; surge: number } };
    }>(rider, ESTIMATE, { input });
    if (result.errors || !result.data?.estimateFare.estimate) throw new Error(JSON.stringify(result));
    return { input, estimate: result.data.estimateFare.estimate };
  }

  async function run(who: { headers: Record<string, string> }, query: string, variables: Record<string, unknown>) {
    const result = await h.run<Record<string, { trip: TripData }>>(who, query, variables);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return Object.values(result.data!)[0]!.trip;
  }

  test('a quote and its trip keep their version to the final fare; a quote after the change uses the new one', async () => {
    const pickup = area();
    const driver = await availableDriver(h, pickup, 'ECONOMY');
    const rider = await h.as(randomUUID(), ['RIDER']);
    const v1 = await h.prisma.pricingRule.findFirstOrThrow({ where: { cityId, category: 'ECONOMY', version: 1 } });
    const { input, estimate: oldQuote } = await estimate(rider, pickup, 'ECONOMY');
    expect(oldQuote.surge).toBe(1);
    expect(oldQuote.amount.amountMinor).toBe(fareMinor(v1, oldQuote.distanceMeters, oldQuote.durationSeconds, 10));

    const { pricing } = await setPricing(await staff('OPERATIONS'), doubled('ECONOMY'));
    const v2 = await h.prisma.pricingRule.findUniqueOrThrow({ where: { id: pricing!.id } });

    // The trip requested with the earlier quote: its price and its version.
    const trip = await run(rider, REQUEST, { input: { ...input, quoteId: oldQuote.id } });
    expect(trip.estimatedFare).toEqual({ amountMinor: oldQuote.amount.amountMinor, currency: 'USD' });
    expect((await h.prisma.trip.findUniqueOrThrow({ where: { id: trip.id } })).pricingRuleId).toBe(v1.id);
    expect((await h.prisma.fareQuote.findUniqueOrThrow({ where: { id: oldQuote.id } })).pricingRuleId).toBe(v1.id);

    // A new quote for the same ride: the new prices.
    const { estimate: newQuote } = await estimate(await h.as(randomUUID(), ['RIDER']), area(), 'ECONOMY');
    expect(newQuote.amount.amountMinor).toBe(fareMinor(v2, newQuote.distanceMeters, newQuote.durationSeconds, 10));
    expect(newQuote.amount.amountMinor).toBeGreaterThan(oldQuote.amount.amountMinor);

    // The final fare of the earlier trip: version 1's prices, not the version in force at completion.
    const offer = (await pendingOffer(h, driver))!;
    await run({ headers: driver.headers }, ACCEPT, { id: offer.id });
    await run({ headers: driver.headers }, step('arriveAtPickup'), { tripId: trip.id });
    await run({ headers: driver.headers }, step('startTrip'), { tripId: trip.id });
    const completed = await run({ headers: driver.headers }, step('completeTrip', ', distanceMeters: 5000'), { tripId: trip.id });
    expect(completed.fare).toEqual({ amountMinor: fareMinor(v1, 5000, completed.durationSeconds as number, 10), currency: 'USD' });
    expect(completed.fare!.amountMinor).not.toBe(fareMinor(v2, 5000, completed.durationSeconds as number, 10));
  });

  test('a version set for later prices nothing until it takes effect, then every new quote', async () => {
    const operations = await staff('OPERATIONS');
    const inForce = await h.prisma.pricingRule.findFirstOrThrow({
      where: { cityId, category: 'COMFORT', effectiveFrom: { lte: h.clock.now() } },
      orderBy: { effectiveFrom: 'desc' },
    });
    const effectiveFrom = new Date(h.clock.now().getTime() + 3 * 3_600_000);
    const { pricing } = await setPricing(operations, doubled('COMFORT', { baseFare: 900, minimumFare: 2000, effectiveFrom: effectiveFrom.toISOString() }));
    const rider = await h.as(randomUUID(), ['RIDER']);
    const before = await estimate(rider, area(), 'COMFORT');
    expect(before.estimate.amount.amountMinor).toBe(fareMinor(inForce, before.estimate.distanceMeters, before.estimate.durationSeconds, 10));
    const shown = await h.run<{ cities: { pricing: Version }[] }>(operations, CITIES, { category: 'COMFORT' });
    expect(shown.data!.cities[0]!.pricing.id).toBe(inForce.id);

    h.clock.advance(effectiveFrom.getTime() - h.clock.now().getTime() + 1000);
    const version = await h.prisma.pricingRule.findUniqueOrThrow({ where: { id: pricing!.id } });
    const after = await estimate(rider, area(), 'COMFORT');
    expect(after.estimate.amount.amountMinor).toBe(fareMinor(version, after.estimate.distanceMeters, after.estimate.durationSeconds, 10));
    const now = await h.run<{ cities: { pricing: Version; pricingHistory: { edges: { node: Version }[] } }[] }>(operations, CITIES, { category: 'COMFORT' });
    expect(now.data!.cities[0]!.pricing.id).toBe(pricing!.id);
    // Newest effectiveFrom first, every version kept.
    expect(now.data!.cities[0]!.pricingHistory.edges.map((e) => e.node.version)).toEqual([3, 2, 1]);
  });
});

describe('TripConnection.totalCount', () => {
  const countStatements = () => h.statements.filter((sql) => /\bcount\s*\(/i.test(sql));

  test('the board counts only when totalCount is selected, once, with the page filters', async () => {
    const operations = await staff('OPERATIONS');
    const expected = await h.prisma.trip.count({ where: { status: 'REQUESTED' } });
    h.statements.length = 0;
    const page = await h.run<{ trips: { edges: unknown[] } }>(
      operations,
      `{ trips(first: 1, status: REQUESTED) { edges { node { id } } pageInfo { hasNextPage } } }`,
    );
    expect(page.errors).toBeUndefined();
    expect(countStatements()).toEqual([]);

    h.statements.length = 0;
    const counted = await h.run<{ trips: { totalCount: number }; again: { totalCount: number } }>(
      operations,
      `{ trips(first: 1, status: REQUESTED) { edges { node { id } } totalCount } again: trips(first: 1, status: REQUESTED) { totalCount } }`,
    );
    expect(counted.data).toEqual({ trips: { edges: expect.any(Array), totalCount: expected }, again: { totalCount: expected } });
    expect(countStatements()).toHaveLength(1);
  });

  test("a rider's and a driver's trips count in one statement for all parents", async () => {
    const trips = await h.prisma.trip.findMany({ where: { driverId: { not: null } }, take: 2 });
    expect(trips.length).toBeGreaterThan(0);
    const riders = [...new Set(trips.map((t) => t.riderUserId))];
    const expected = await Promise.all(riders.map((id) => h.prisma.trip.count({ where: { riderUserId: id } })));
    const operations = await staff('OPERATIONS');
    h.statements.length = 0;
    const result = await h.run<{ _entities: { trips: { totalCount: number } }[] }>(
      operations,
      `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { trips(first: 1) { totalCount } } } }`,
      { reps: [...riders.map((id) => ({ __typename: 'User', id })), { __typename: 'User', id: randomUUID() }] },
    );
    expect(result.data!._entities.map((e) => e.trips.totalCount)).toEqual([...expected, 0]);
    expect(countStatements()).toHaveLength(1);

    const driverId = trips[0]!.driverId!;
    const driven = await h.prisma.trip.count({ where: { driverId } });
    const byDriver = await h.run<{ _entities: { trips: { totalCount: number } }[] }>(
      operations,
      `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Driver { trips(first: 1) { totalCount } } } }`,
      { reps: [{ __typename: 'Driver', id: driverId }] },
    );
    expect(byDriver.data!._entities[0]!.trips.totalCount).toBe(driven);
    // A fleet manager of another fleet sees none of that driver's trips, and counts none.
    const stranger = await staff('FLEET_MANAGER');
    const hidden = await h.run<{ _entities: { trips: { totalCount: number; edges: unknown[] } }[] }>(
      stranger,
      `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Driver { trips(first: 1) { totalCount edges { cursor } } } } }`,
      { reps: [{ __typename: 'Driver', id: driverId }] },
    );
    expect(hidden.data!._entities[0]!.trips).toEqual({ totalCount: 0, edges: [] });
  });
});
