// What the app flows through the gateway share (embedded/test/ride-flow.ts, test/live-*.test.ts): a request that
// must succeed, a point moved along a meridian, the driver app's check-in, a ride taken up to its drop-off, and how
// many subscriptions the gateway holds on a subgraph — a client's subscription has started once it counts there.
import type { RunningSupergraph } from '../../embedded/src/supergraph.js';
import { EVENT_WAIT_MS, postGraphQL, readUntil } from '../../platform/testing/index.js';

export type Headers = Record<string, string>;

export interface Point {
  latitude: number;
  longitude: number;
}

/** The data of a request that must not fail (any error fails the test with the error in the message). */
export async function gatewayData(url: string, query: string, variables: Record<string, unknown> | undefined, headers: Headers) {
  const result = await postGraphQL(url, query, variables, headers);
  expect(result.errors).toBeUndefined();
  return result.data;
}

/** Moves a point about `meters` north (1° of latitude ≈ 111 km). */
export const north = (point: Point, meters: number): Point => ({ latitude: point.latitude + meters / 111_000, longitude: point.longitude });

/** The driver app's "Start shift"; returns the `checkIn` payload (`driver { status }`, `userErrors { code }`). */
export async function checkIn(url: string, headers: Headers, location: Point, odometerKm: number, selfieUrl: string) {
  const data = await gatewayData(
    url,
    'mutation ($input: CheckInInput!) { checkIn(input: $input) { driver { status } userErrors { code } } }',
    { input: { location, odometerKm, selfieUrl } },
    headers,
  );
  return data.checkIn;
}

/** Where the seed left a demo driver, and their vehicle. */
export interface DriverOnShift {
  headers: Headers;
  position: Point;
  vehicle: { id: string; category: string };
}

/**
 * The driver app going online: checks in where the seed left the driver (AVAILABLE, asserted) and reports that
 * position, so dispatch can offer them a trip. @returns the driver as `rideUntilDropOff` takes them.
 */
export async function goOnline(url: string, headers: Headers): Promise<DriverOnShift & { category: string }> {
  const self = (await gatewayData(url, '{ me { driverProfile { position { latitude longitude } vehicle { id category } } } }', undefined, headers)).me
    .driverProfile as { position: Point; vehicle: { id: string; category: string } };
  expect(await checkIn(url, headers, self.position, 10_000, 'https://example.com/selfie.jpg')).toEqual({ driver: { status: 'AVAILABLE' }, userErrors: [] });
  await gatewayData(
    url,
    'mutation ($lat: Float!, $lng: Float!) { updateDriverLocation(latitude: $lat, longitude: $lng) { recordedAt } }',
    { lat: self.position.latitude, lng: self.position.longitude },
    headers,
  );
  return { headers, position: self.position, vehicle: self.vehicle, category: self.vehicle.category };
}

/** The driver drops the rider off: `completeTrip` after `distanceMeters` (asserted accepted). @returns the final fare. */
export async function completeRide(url: string, headers: Headers, tripId: string, distanceMeters = 3100): Promise<{ amountMinor: number; currency: string }> {
  const done = await gatewayData(
    url,
    'mutation ($id: ID!, $m: Int!) { completeTrip(tripId: $id, distanceMeters: $m) { trip { fare { amountMinor currency } } userErrors { code } } }',
    { id: tripId, m: distanceMeters },
    headers,
  );
  expect(done.completeTrip.userErrors).toEqual([]);
  return done.completeTrip.trip.fare;
}

/**
 * The rider requests a trip paid by `method` 300 m north of the checked-in driver, in the driver's category; the
 * driver takes the offer once dispatch makes it (trips learns of the driver through fleet's events), arrives and
 * starts. @returns the trip's id, IN_PROGRESS: the caller completes it.
 */
export async function rideUntilDropOff(
  url: string,
  driver: { headers: Headers; position: Point; category: string },
  riderHeaders: Headers,
  method: 'CASH' | 'CARD',
): Promise<string> {
  const gql = (query: string, variables: Record<string, unknown> | undefined, headers: Headers) => gatewayData(url, query, variables, headers);
  const pickup = north(driver.position, 300);
  const requested = await gql(
    'mutation ($input: RequestTripInput!) { requestTrip(input: $input) { trip { id } userErrors { code } } }',
    { input: { pickup, dropoff: north(pickup, 3000), category: driver.category, payment: { method } } },
    riderHeaders,
  );
  expect(requested.requestTrip.userErrors).toEqual([]);
  const tripId: string = requested.requestTrip.trip.id;
  const pendingOffer = async () =>
    (await gql('{ me { driverProfile { pendingOffer { id trip { id } } } } }', undefined, driver.headers)).me.driverProfile.pendingOffer as {
      id: string;
      trip: { id: string };
    } | null;
  const offer = (await readUntil(pendingOffer, (o) => o?.trip.id === tripId, 'the offer to reach the driver', EVENT_WAIT_MS))!;
  expect(
    (await gql('mutation ($id: ID!) { acceptTrip(offerId: $id) { userErrors { code } } }', { id: offer.id }, driver.headers)).acceptTrip.userErrors,
  ).toEqual([]);
  for (const step of ['arriveAtPickup', 'startTrip']) {
    expect((await gql(`mutation ($id: ID!) { ${step}(tripId: $id) { userErrors { code } } }`, { id: tripId }, driver.headers))[step].userErrors).toEqual([]);
  }
  return tripId;
}

/** Subscriptions open on one subgraph (the gateway's upstream ones). */
export const upstreamSubscriptions = (supergraph: RunningSupergraph, subgraph: string): number =>
  supergraph.subgraphs.find((s) => s.name === subgraph)!.subscriptions!.activeSubscriptions();

/**
 * Waits until `driver(id) { name }` through the gateway is `name`. fleet answers a driver's name from its copy, fed by
 * identity's `user.name.changed` (subgraphs/fleet/README.md "Accounts"): a driver just made, or a user who just renamed
 * themself, shows the name a moment later. @param headers a viewer who may read the driver (staff, or the driver).
 */
export async function untilDriverName(url: string, headers: Headers, driverId: string, name: string, timeoutMs = EVENT_WAIT_MS): Promise<string | null> {
  const read = async () =>
    ((await gatewayData(url, 'query ($id: ID!) { driver(id: $id) { name } }', { id: driverId }, headers)).driver?.name ?? null) as string | null;
  return readUntil(read, (current) => current === name, `fleet to know driver ${driverId}'s name "${name}"`, timeoutMs);
}
