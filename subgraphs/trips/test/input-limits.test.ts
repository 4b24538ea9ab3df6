// Rides that make no business sense are refused with exact codes: a drop-off outside the pickup's service area
// (New York → Tokyo), a ride longer than the longest offered, a price above the highest fare; a completed trip
// reporting more than twice the longest ride; and a final fare never above the highest fare, however long the
// ride was left running.
import { randomUUID } from 'node:crypto';
import { ACCEPT, availableDriver, CENTRE, near, pendingOffer, REQUEST, requestTrip, TRIP, useHarness, type Harness, type TripData } from './harness.js';

// Explicit limits (the defaults are documented in the README): rides up to 30 km by road, fares up to 50.00.
const harness = useHarness({ maxTripDistanceMeters: 30_000, maxFareMinor: 5_000 });
let h: Harness;
beforeAll(() => {
  h = harness();
});

type UserErrors = { field: string[] | null; code: string }[];
const ESTIMATE = 'mutation ($input: EstimateFareInput!) { estimateFare(input: $input) { estimate { id amount { amountMinor } } userErrors { field code } } }';
const TOKYO = { latitude: 35.6762, longitude: 139.6503 };

async function estimate(input: Record<string, unknown>) {
  const result = await h.run<{ estimateFare: { estimate: { id: string; amount: { amountMinor: number } } | null; userErrors: UserErrors } }>(
    await h.as(randomUUID(), ['RIDER']),
    ESTIMATE,
    { input },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.estimateFare;
}

async function request(input: Record<string, unknown>) {
  const result = await h.run<{ requestTrip: { trip: TripData | null; userErrors: UserErrors } }>(await h.as(randomUUID(), ['RIDER']), REQUEST, { input });
  expect(result.errors).toBeUndefined();
  const { trip, userErrors } = result.data!.requestTrip;
  return { trip, userErrors: userErrors.map(({ code, field }) => ({ code, field })) };
}

describe('estimateFare and requestTrip', () => {
  test('a drop-off on another continent is OUTSIDE_SERVICE_AREA at the drop-off; nothing is quoted or requested', async () => {
    const input = { pickup: CENTRE, dropoff: TOKYO, category: 'ECONOMY' };
    expect(await estimate(input)).toEqual({ estimate: null, userErrors: [{ code: 'OUTSIDE_SERVICE_AREA', field: ['input', 'dropoff'] }] });
    expect(await request(input)).toEqual({ trip: null, userErrors: [{ code: 'OUTSIDE_SERVICE_AREA', field: ['input', 'dropoff'] }] });
    // Just outside the 40 km radius of the demo city, too.
    expect((await estimate({ ...input, dropoff: near(40_500) })).userErrors).toEqual([{ code: 'OUTSIDE_SERVICE_AREA', field: ['input', 'dropoff'] }]);
    expect(await h.prisma.fareQuote.count()).toBe(0);
    expect(await h.prisma.trip.count()).toBe(0);
  });

  test('a ride longer than the longest offered is TRIP_TOO_LONG, even inside the city', async () => {
    // 25 km straight × road factor 1.3 = 32.5 km > 30 km.
    const input = { pickup: near(-12_500), dropoff: near(12_500), category: 'ECONOMY' };
    expect(await estimate(input)).toEqual({ estimate: null, userErrors: [{ code: 'TRIP_TOO_LONG', field: ['input', 'dropoff'] }] });
    expect(await request(input)).toEqual({ trip: null, userErrors: [{ code: 'TRIP_TOO_LONG', field: ['input', 'dropoff'] }] });
    // 20 km straight = 26 km by road: offered.
    expect((await estimate({ ...input, dropoff: near(7_500) })).userErrors).toEqual([]);
  });

  test('a price above the highest fare is FARE_TOO_HIGH (a mistaken rule cannot quote millions)', async () => {
    const rule = await h.prisma.pricingRule.findFirstOrThrow({ where: { category: 'XL' } });
    await h.prisma.pricingRule.update({ where: { id: rule.id }, data: { perKmMinor: 1_000_000 } });
    try {
      const input = { pickup: CENTRE, dropoff: near(3_000), category: 'XL' };
      expect(await estimate(input)).toEqual({ estimate: null, userErrors: [{ code: 'FARE_TOO_HIGH', field: ['input'] }] });
      expect(await request(input)).toEqual({ trip: null, userErrors: [{ code: 'FARE_TOO_HIGH', field: ['input'] }] });
    } finally {
      await h.prisma.pricingRule.update({ where: { id: rule.id }, data: { perKmMinor: rule.perKmMinor } });
    }
  });
});

describe('completeTrip', () => {
  const mutate = (name: string, args = '') => `mutation ($tripId: ID!) { ${name}(tripId: $tripId${args}) { trip { ${TRIP} } userErrors { field code } } }`;

  async function inProgress(pickup: { latitude: number; longitude: number }) {
    const driver = await availableDriver(h, pickup);
    const { trip } = await requestTrip(h, pickup);
    const offer = (await pendingOffer(h, driver))!;
    await h.run({ headers: driver.headers }, ACCEPT, { id: offer.id });
    for (const step of ['arriveAtPickup', 'startTrip']) {
      const result = await h.run({ headers: driver.headers }, mutate(step), { tripId: trip.id });
      expect(result.errors).toBeUndefined();
    }
    return { driver, trip };
  }

  test('more than twice the longest ride is INVALID_DISTANCE; the fare is capped at the highest fare', async () => {
    const { driver, trip } = await inProgress(near(-30_000, 10_000));
    const complete = (meters: number) =>
      h.run<{ completeTrip: { trip: TripData | null; userErrors: UserErrors } }>(
        { headers: driver.headers },
        mutate('completeTrip', `, distanceMeters: ${meters}`),
        { tripId: trip.id },
      );
    expect((await complete(60_001)).data!.completeTrip).toEqual({ trip: null, userErrors: [{ code: 'INVALID_DISTANCE', field: ['distanceMeters'] }] });
    expect((await h.prisma.trip.findUniqueOrThrow({ where: { id: trip.id } })).status).toBe('IN_PROGRESS');
    // 60 km at 1.20/km alone is 72.00: charged at the 50.00 cap.
    const completed = await complete(60_000);
    expect(completed.data!.completeTrip.trip).toMatchObject({ status: 'COMPLETED', fare: { amountMinor: 5_000, currency: 'USD' } });
  });
});
