// Pricing administration through the gateway on the demo city: the demo operations user sets a new price for a
// category from the API alone; a rider's new quote uses it, while a quote given before — and the trip requested with
// it — keep the version that priced them. The history shows both versions, the new one with its author's name.
/* eslint-disable @typescript-eslint/no-explicit-any -- responses are read loosely and pinned field by field */
import { DEMO_PHONES } from '../platform/demo/index.js';
import { postGraphQL, readUntil } from '../platform/testing/index.js';
import { fareMinor } from '../subgraphs/trips/src/services/pricing.js';
import { startTestSupergraph, type TestSupergraph } from './support/test-supergraph.js';

let t: TestSupergraph;

beforeAll(async () => {
  t = await startTestSupergraph();
}, 120_000);
afterAll(async () => {
  await t?.stop();
});

async function gql(query: string, variables: Record<string, unknown>, headers: Record<string, string>) {
  const result = await postGraphQL<any>(t.gatewayUrl, query, variables, headers);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

const ESTIMATE = `mutation ($input: EstimateFareInput!) { estimateFare(input: $input) {
  estimate { id amount { amountMinor currency } distanceMeters durationSeconds surge } userErrors { code } } }`;
const ride = (north: number) => {
  const pickup = { latitude: 40.7128 + north, longitude: -74.006 + 0.1 };
  return { pickup, dropoff: { latitude: pickup.latitude + 0.027, longitude: pickup.longitude }, category: 'BIKE' };
};

test('operations set a new BIKE price; new quotes use it, an earlier quote and its trip keep theirs', async () => {
  const operations = t.personas.OPERATIONS.headers;
  const rider = t.personas.RIDER.headers;
  const { cities } = await gql(`{ cities { id name pricing(category: BIKE) { id version baseFare { amountMinor currency } } } }`, {}, operations);
  expect(cities).toEqual([
    { id: expect.any(String), name: 'Metro City', pricing: { id: expect.any(String), version: 1, baseFare: { amountMinor: 100, currency: 'USD' } } },
  ]);
  const v1 = { baseFareMinor: 100, perKmMinor: 60, perMinuteMinor: 8, minimumFareMinor: 250 };

  const before = (await gql(ESTIMATE, { input: ride(0) }, rider)).estimateFare.estimate;
  expect(before.amount.amountMinor).toBe(fareMinor(v1, before.distanceMeters, before.durationSeconds, before.surge * 10));

  const input = {
    cityId: cities[0].id,
    category: 'BIKE',
    baseFare: 200,
    perKm: 90,
    perMinute: 12,
    minimumFare: 400,
    cancellationFee: 200,
    cancellationFreeSeconds: 90,
    surgeCap: 2,
  };
  const { setPricing } = await gql(
    `mutation ($input: SetPricingInput!) { setPricing(input: $input) { pricing { id version createdBy { name } } userErrors { code } } }`,
    { input },
    operations,
  );
  expect(setPricing).toEqual({ pricing: { id: expect.any(String), version: 2, createdBy: { name: 'Olu Operations' } }, userErrors: [] });
  const v2 = { baseFareMinor: 200, perKmMinor: 90, perMinuteMinor: 12, minimumFareMinor: 400 };

  // The earlier quote still buys the earlier price.
  const { requestTrip } = await gql(
    `mutation ($input: RequestTripInput!) { requestTrip(input: $input) { trip { id estimatedFare { amountMinor } } userErrors { code } } }`,
    { input: { ...ride(0), quoteId: before.id } },
    rider,
  );
  expect(requestTrip).toEqual({ trip: { id: expect.any(String), estimatedFare: { amountMinor: before.amount.amountMinor } }, userErrors: [] });

  // Another rider, far from that waiting trip (no demand surge): the new prices.
  const otherRider = await t.testAuth.headersFor({ userId: t.demo.users.find((u) => u.phone === DEMO_PHONES.rider(2))!.id, roles: ['RIDER'] });
  const after = (await gql(ESTIMATE, { input: ride(0.1) }, otherRider)).estimateFare.estimate;
  expect(after.surge).toBe(1);
  expect(after.amount.amountMinor).toBe(fareMinor(v2, after.distanceMeters, after.durationSeconds, 10));

  const { city } = await gql(
    `query ($id: ID!) { city(id: $id) { pricing(category: BIKE) { version surgeCap } pricingHistory(category: BIKE) { edges { node { version createdBy { name } } } } } }`,
    { id: cities[0].id },
    operations,
  );
  expect(city).toEqual({
    pricing: { version: 2, surgeCap: 2 },
    pricingHistory: { edges: [{ node: { version: 2, createdBy: { name: 'Olu Operations' } } }, { node: { version: 1, createdBy: null } }] },
  });

  // Leave the demo rider without a trip in progress (cancelling a REQUESTED trip is free).
  await gql(`mutation ($id: ID!) { cancelTrip(tripId: $id) { trip { status } } }`, { id: requestTrip.trip.id }, rider);
}, 60_000);

test('operations create and rename a city from the API alone; SUPER_ADMIN reads city.create and city.update in the audit log', async () => {
  const operations = t.personas.OPERATIONS.headers;
  const lake = { latitude: 41.8781, longitude: -87.6298 };
  const { createCity } = await gql(
    `mutation ($input: CreateCityInput!) { createCity(input: $input) { city { id name currency radiusMeters } userErrors { code } } }`,
    { input: { name: 'Lake City', currency: 'USD', center: lake, radiusMeters: 30_000 } },
    operations,
  );
  expect(createCity).toEqual({ city: { id: expect.any(String), name: 'Lake City', currency: 'USD', radiusMeters: 30_000 }, userErrors: [] });
  const id: string = createCity.city.id;
  const { updateCity } = await gql(
    `mutation ($id: ID!, $input: UpdateCityInput!) { updateCity(id: $id, input: $input) { city { id name } userErrors { code } } }`,
    { id, input: { name: 'Lakeside' } },
    operations,
  );
  expect(updateCity).toEqual({ city: { id, name: 'Lakeside' }, userErrors: [] });

  const AUDIT = `query ($filter: AuditLogFilterInput) { auditLog(filter: $filter, first: 10) { edges { node {
    source action actorId targetType targetId before after } } } }`;
  const entries = await readUntil(
    async () => (await gql(AUDIT, { filter: { target: { type: 'City', id } } }, t.personas.SUPER_ADMIN.headers)).auditLog.edges.map((e: any) => e.node),
    (nodes: unknown[]) => nodes.length === 2,
    'the city entries in the audit log',
  );
  const common = { source: 'TRIPS', actorId: t.personas.OPERATIONS.userId, targetType: 'City', targetId: id };
  // Newest first.
  expect(entries).toEqual([
    { ...common, action: 'city.update', before: { name: 'Lake City' }, after: { name: 'Lakeside' } },
    {
      ...common,
      action: 'city.create',
      before: null,
      after: { name: 'Lake City', currency: 'USD', centerLatitude: lake.latitude, centerLongitude: lake.longitude, radiusMeters: 30_000 },
    },
  ]);
}, 120_000);
