// What the app flows through the gateway share (embedded/test/ride-flow.ts, test/live-*.test.ts): a request that
// must succeed, a point moved along a meridian, the driver app's check-in, and how many subscriptions the gateway
// holds on a subgraph — a client's subscription has started once it counts there.
import type { RunningSupergraph } from '../../embedded/src/supergraph.js';
import { postGraphQL } from '../../platform/testing/index.js';

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

/** Subscriptions open on one subgraph (the gateway's upstream ones). */
export const upstreamSubscriptions = (supergraph: RunningSupergraph, subgraph: string): number =>
  supergraph.subgraphs.find((s) => s.name === subgraph)!.subscriptions!.activeSubscriptions();
