// Pricing: the integer arithmetic of a rule (minimum, per km/minute rounding, surge in tenths with its cap), the
// service area lookup, and estimateFare through GraphQL: a quote with its expiry, surge from demand and supply,
// bad coordinates and points outside every city as user errors.
import { randomUUID } from 'node:crypto';
import { haversineMeters } from '../../../platform/geo/index.js';
import { cityFor, divRound, estimateRoute, fareMinor, surgeTenths } from '../src/services/pricing.js';
import { availableDriver, CENTRE, codes, near, requestTrip, startHarness, type Harness } from './harness.js';

describe('arithmetic (no database)', () => {
  const rule = { baseFareMinor: 250, perKmMinor: 120, perMinuteMinor: 20, minimumFareMinor: 500 };

  test('divRound rounds half up on integers', () => {
    expect([divRound(5, 10), divRound(4, 10), divRound(15, 10), divRound(0, 7), divRound(1499, 1000)]).toEqual([1, 0, 2, 0, 1]);
  });

  test('fare = base + per km + per minute, each term rounded once, at least the minimum, then × surge tenths', () => {
    expect(fareMinor(rule, 5000, 600, 10)).toBe(250 + 600 + 200);
    // 1234 m → 148.08 → 148; 95 s → 31.67 → 32
    expect(fareMinor(rule, 1234, 95, 10)).toBe(Math.max(500, 250 + 148 + 32));
    expect(fareMinor(rule, 3456, 437, 10)).toBe(250 + 415 + 146);
    // The minimum applies before the surge.
    expect(fareMinor(rule, 100, 10, 10)).toBe(500);
    expect(fareMinor(rule, 100, 10, 15)).toBe(750);
    // 1050 × 1.3 = 1365; 811 × 1.7 = 1378.7 → 1379
    expect(fareMinor(rule, 5000, 600, 13)).toBe(1365);
    expect(fareMinor(rule, 3456, 437, 17)).toBe(1379);
    for (const value of [fareMinor(rule, 98765, 4321, 23), fareMinor(rule, 1, 1, 11)]) expect(Number.isInteger(value)).toBe(true);
  });

  test('surge: (demand + 1) / (supply + 1) in tenths, never below 1.0x nor above the cap', () => {
    expect(surgeTenths(0, 0, 30)).toBe(10);
    expect(surgeTenths(0, 5, 30)).toBe(10);
    expect(surgeTenths(2, 1, 30)).toBe(15);
    expect(surgeTenths(4, 2, 30)).toBe(16);
    expect(surgeTenths(2, 0, 30)).toBe(30);
    expect(surgeTenths(50, 0, 30)).toBe(30);
    expect(surgeTenths(50, 0, 25)).toBe(25);
  });

  test('route: haversine × road factor, time at the city speed, in whole units', () => {
    const a = { latitude: 40.7128, longitude: -74.006 };
    const b = { latitude: 40.7578, longitude: -73.9855 };
    const straight = haversineMeters(a, b);
    expect(straight).toBeGreaterThan(5200);
    expect(straight).toBeLessThan(5300);
    const route = estimateRoute({ roadFactorPercent: 130, averageSpeedKph: 25 }, a, b);
    expect(route.distanceMeters).toBe(Math.round(straight * 1.3));
    expect(route.durationSeconds).toBe(Math.round((route.distanceMeters * 3600) / 25000));
    expect(estimateRoute({ roadFactorPercent: 130, averageSpeedKph: 25 }, a, a)).toEqual({ distanceMeters: 0, durationSeconds: 0 });
  });

  test('the city is the nearest centre whose radius holds the point', () => {
    const cities = [
      { name: 'big', centerLatitude: 0, centerLongitude: 0, radiusMeters: 100_000 },
      { name: 'small', centerLatitude: 0, centerLongitude: 0.5, radiusMeters: 10_000 },
    ];
    expect(cityFor(cities, { latitude: 0, longitude: 0.49 })?.name).toBe('small');
    expect(cityFor(cities, { latitude: 0, longitude: 0.3 })?.name).toBe('big');
    expect(cityFor(cities, { latitude: 0, longitude: 2 })).toBeNull();
  });
});

describe('estimateFare', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const ESTIMATE = `mutation ($input: EstimateFareInput!) { estimateFare(input: $input) {
    estimate { id amount { amountMinor currency } distanceMeters durationSeconds surge category city expiresAt }
    userErrors { field code message } } }`;
  type Estimate = {
    id: string;
    amount: { amountMinor: number; currency: string };
    distanceMeters: number;
    durationSeconds: number;
    surge: number;
    city: string;
    expiresAt: string;
  };
  const estimate = async (input: Record<string, unknown>) => {
    const result = await h.run<{ estimateFare: { estimate: Estimate | null; userErrors: { field: string[]; code: string }[] } }>(
      await h.as(randomUUID(), ['RIDER']),
      ESTIMATE,
      { input },
    );
    expect(result.errors).toBeUndefined();
    return result.data!.estimateFare;
  };

  test('prices a ride with the city rule and stores a quote that expires', async () => {
    const pickup = near(-20_000, 20_000);
    const dropoff = { latitude: pickup.latitude + 0.045, longitude: pickup.longitude };
    const { estimate: e, userErrors } = await estimate({ pickup, dropoff, category: 'ECONOMY' });
    expect(userErrors).toEqual([]);
    const route = estimateRoute({ roadFactorPercent: 130, averageSpeedKph: 25 }, pickup, dropoff);
    expect(e).toMatchObject({
      city: 'Metro City',
      surge: 1,
      category: 'ECONOMY',
      ...route,
      amount: {
        amountMinor: fareMinor(
          { baseFareMinor: 250, perKmMinor: 120, perMinuteMinor: 20, minimumFareMinor: 500 },
          route.distanceMeters,
          route.durationSeconds,
          10,
        ),
        currency: 'USD',
      },
    });
    expect(new Date(e!.expiresAt).getTime() - h.clock.now().getTime()).toBeGreaterThan(295_000);
    expect(await h.prisma.fareQuote.findUniqueOrThrow({ where: { id: e!.id } })).toMatchObject({ amountMinor: e!.amount.amountMinor, surgeTenths: 10 });
  });

  test('waiting riders raise the surge, available drivers lower it, up to the cap', async () => {
    const pickup = near(20_000, -20_000);
    const input = { pickup, dropoff: CENTRE, category: 'ECONOMY' };
    expect((await estimate(input)).estimate!.surge).toBe(1);
    for (let i = 0; i < 2; i++) await requestTrip(h, pickup);
    expect((await estimate(input)).estimate!.surge).toBe(3);
    await availableDriver(h, pickup, 'COMFORT'); // another category: no supply for ECONOMY
    expect((await estimate(input)).estimate!.surge).toBe(3);
    // One available ECONOMY driver nearby; it takes an offer for one waiting trip but is still AVAILABLE to fleet.
    await availableDriver(h, { latitude: pickup.latitude + 0.01, longitude: pickup.longitude });
    expect((await estimate(input)).estimate!.surge).toBe(1.5);
    for (let i = 0; i < 6; i++) await requestTrip(h, pickup);
    expect((await estimate(input)).estimate!.surge).toBe(3);
  });

  test('bad coordinates, outside every city, and unknown categories are user errors', async () => {
    const cases: [Record<string, unknown>, string, string[]][] = [
      [{ pickup: { latitude: 91, longitude: 0 }, dropoff: CENTRE, category: 'ECONOMY' }, 'INVALID_COORDINATES', ['input', 'pickup']],
      [{ pickup: CENTRE, dropoff: { latitude: 0, longitude: -181 }, category: 'ECONOMY' }, 'INVALID_COORDINATES', ['input', 'dropoff']],
      [{ pickup: { latitude: 48.85, longitude: 2.35 }, dropoff: CENTRE, category: 'ECONOMY' }, 'OUTSIDE_SERVICE_AREA', ['input', 'pickup']],
    ];
    for (const [input, code, field] of cases) {
      const result = await estimate(input);
      expect(result).toEqual({ estimate: null, userErrors: [expect.objectContaining({ code, field })] });
    }
    await h.prisma.pricingRule.deleteMany({ where: { category: 'BIKE' } });
    expect((await estimate({ pickup: CENTRE, dropoff: CENTRE, category: 'BIKE' })).userErrors[0]).toMatchObject({
      code: 'CATEGORY_NOT_OFFERED',
      field: ['input', 'category'],
    });
    // NaN cannot be sent as JSON; a non-number is refused by GraphQL itself.
    const malformed = await h.run(await h.as(randomUUID(), ['RIDER']), ESTIMATE, {
      input: { pickup: { latitude: 'north', longitude: 0 }, dropoff: CENTRE, category: 'ECONOMY' },
    });
    expect(codes(malformed.errors)).toEqual(['BAD_USER_INPUT']);
  });

  test('anonymous callers cannot estimate', async () => {
    const result = await h.run({ headers: {} }, ESTIMATE, { input: { pickup: CENTRE, dropoff: CENTRE, category: 'ECONOMY' } });
    expect(codes(result.errors)).toEqual(['UNAUTHENTICATED']);
  });
});
