// Metrics and request logs of the whole supergraph (one process: service "embedded"): a scripted ride moves the
// counters it should by exactly what it did, the endpoint's text passes `promtool check metrics`, and every log
// line of one request — the gateway's and each subgraph's — carries the same request id.
import { execFileSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { DEMO_PHONES } from '../platform/demo/index.js';
import { createLogger } from '../platform/logging/index.js';
import { createMetricsHttpServer, registry } from '../platform/metrics/index.js';
import { postGraphQL } from '../platform/testing/http-client.js';
import { EVENT_WAIT_MS } from '../platform/testing/read-until.js';
import { checkIn, gatewayData, north, type Headers } from './support/gateway-apps.js';
import { connectWs, eventually } from './support/subscriptions-stack.js';
import { startTestSupergraph, type TestSupergraph } from './support/test-supergraph.js';

let env: TestSupergraph;
const lines: Record<string, unknown>[] = [];

beforeAll(async () => {
  const logger = createLogger({ level: 'debug', destination: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) } });
  env = await startTestSupergraph({ logger });
}, 120_000);

afterAll(async () => {
  await env?.stop();
});

/** The value of one series (a counter, a gauge, or a histogram's `_count`), 0 when it does not exist yet. */
async function sample(name: string, labels: Record<string, string> = {}): Promise<number> {
  const metric = registry.getSingleMetric(name.replace(/_count$/, ''));
  if (!metric) throw new Error(`no metric ${name}`);
  const { values } = await metric.get();
  return values
    .filter((v) => (name.endsWith('_count') ? (v as { metricName?: string }).metricName === name : true))
    .filter((v) => Object.entries(labels).every(([key, value]) => String(v.labels[key]) === value))
    .reduce((sum, v) => sum + v.value, 0);
}

const headersOf = async (phone: string, roles: ('DRIVER' | 'RIDER')[]): Promise<Headers> => {
  const user = env.demo.users.find((u) => u.phone === phone)!;
  return env.testAuth.headersFor({ userId: user.id, roles });
};

test('a scripted ride moves the operation, subgraph fetch, event and subscription metrics by what it did', async () => {
  const asDriver = await headersOf(DEMO_PHONES.driver(7), ['DRIVER']);
  const asRider = await headersOf(DEMO_PHONES.rider(7), ['RIDER']);
  const before = {
    requestTrip: await sample('ridegraph_graphql_operations_total', { operation: 'RequestTrip', type: 'mutation', outcome: 'ok' }),
    requestTripTimed: await sample('ridegraph_graphql_operation_duration_seconds_count', { operation: 'RequestTrip', type: 'mutation', outcome: 'ok' }),
    tripsFetches: await sample('ridegraph_gateway_subgraph_fetch_duration_seconds_count', { subgraph: 'trips', outcome: 'ok' }),
    fleetFetches: await sample('ridegraph_gateway_subgraph_fetch_duration_seconds_count', { subgraph: 'fleet', outcome: 'ok' }),
    relayedFleet: await sample('ridegraph_events_relayed_total', { source: 'fleet' }),
    consumedTrips: await sample('ridegraph_events_consumed_total', { group: 'trips', outcome: 'ok' }),
    subscriptions: await sample('ridegraph_ws_subscriptions'),
    connections: await sample('ridegraph_ws_connections'),
    delivered: await sample('ridegraph_subscription_events_delivered_total'),
    graphqlHttp: await sample('ridegraph_http_requests_total', { method: 'POST', route: '/graphql', status: '200' }),
    queries: await sample('ridegraph_db_query_duration_seconds_count'),
    tooDeep: await sample('ridegraph_cost_limit_rejections_total', { reason: 'depth' }),
    refused: await sample('ridegraph_graphql_operations_total', { operation: 'other', type: 'query', outcome: 'refused' }),
    tooComplexErrors: await sample('ridegraph_graphql_errors_total', { code: 'OPERATION_TOO_COMPLEX' }),
  };

  // The driver's app subscribes to offers: one connection and one subscription at the gateway (embedded mode counts
  // the gateway's graphql-ws only: its upstream sockets to trips are internal hops).
  const client = connectWs(env.gatewayUrl.replace(/^http/, 'ws'), { authorization: asDriver.authorization });
  const offers = client.subscribe<{ tripOffered: { trip: { id: string } } }>('subscription TripOffered { tripOffered { id trip { id } } }');
  await eventually(async () => expect(await sample('ridegraph_ws_subscriptions')).toBe(before.subscriptions + 1));
  expect(await sample('ridegraph_ws_connections')).toBe(before.connections + 1);

  const self = (await gatewayData(env.gatewayUrl, '{ me { driverProfile { position { latitude longitude } vehicle { category } } } }', undefined, asDriver)).me
    .driverProfile as { position: { latitude: number; longitude: number }; vehicle: { category: string } };
  expect(await checkIn(env.gatewayUrl, asDriver, self.position, 10_000, 'https://example.com/selfie.jpg')).toEqual({
    driver: { status: 'AVAILABLE' },
    userErrors: [],
  });
  const pickup = north(self.position, 300);
  const requested = await gatewayData(
    env.gatewayUrl,
    'mutation RequestTrip($input: RequestTripInput!) { requestTrip(input: $input) { trip { id } userErrors { code } } }',
    { input: { pickup, dropoff: north(pickup, 3000), category: self.vehicle.category } },
    asRider,
  );
  expect(requested.requestTrip.userErrors).toEqual([]);
  const offer = await offers.next(EVENT_WAIT_MS);
  expect(offer.data?.tripOffered.trip.id).toBe(requested.requestTrip.trip.id);

  // A document nested too deep is refused at the edge, before anything runs.
  const deep = `{ ${'a { '.repeat(40)}b${' }'.repeat(40)} }`;
  expect((await postGraphQL(env.gatewayUrl, deep)).errors?.[0]?.extensions?.code).toBe('OPERATION_TOO_COMPLEX');

  expect(await sample('ridegraph_graphql_operations_total', { operation: 'RequestTrip', type: 'mutation', outcome: 'ok' })).toBe(before.requestTrip + 1);
  expect(await sample('ridegraph_graphql_operation_duration_seconds_count', { operation: 'RequestTrip', type: 'mutation', outcome: 'ok' })).toBe(
    before.requestTripTimed + 1,
  );
  expect(await sample('ridegraph_gateway_subgraph_fetch_duration_seconds_count', { subgraph: 'trips', outcome: 'ok' })).toBeGreaterThan(before.tripsFetches);
  expect(await sample('ridegraph_gateway_subgraph_fetch_duration_seconds_count', { subgraph: 'fleet', outcome: 'ok' })).toBeGreaterThan(before.fleetFetches);
  // fleet's "driver available" event reached trips' dispatch: relayed from fleet's outbox, consumed by trips.
  expect(await sample('ridegraph_events_relayed_total', { source: 'fleet' })).toBeGreaterThan(before.relayedFleet);
  expect(await sample('ridegraph_events_consumed_total', { group: 'trips', outcome: 'ok' })).toBeGreaterThan(before.consumedTrips);
  expect(await sample('ridegraph_subscription_events_delivered_total')).toBeGreaterThanOrEqual(before.delivered + 1);
  // checkIn, the profile query and requestTrip (the refused one is 400).
  expect(await sample('ridegraph_http_requests_total', { method: 'POST', route: '/graphql', status: '200' })).toBe(before.graphqlHttp + 3);
  expect(await sample('ridegraph_db_query_duration_seconds_count')).toBeGreaterThan(before.queries);
  expect(await sample('ridegraph_db_pool_connections', { state: 'total' })).toBeGreaterThan(0);
  expect(await sample('ridegraph_cost_limit_rejections_total', { reason: 'depth' })).toBe(before.tooDeep + 1);
  expect(await sample('ridegraph_graphql_operations_total', { operation: 'other', type: 'query', outcome: 'refused' })).toBe(before.refused + 1);
  expect(await sample('ridegraph_graphql_errors_total', { code: 'OPERATION_TOO_COMPLEX' })).toBe(before.tooComplexErrors + 1);

  await client.dispose();
  await eventually(async () => expect(await sample('ridegraph_ws_subscriptions')).toBe(before.subscriptions));
  await eventually(async () => expect(await sample('ridegraph_ws_connections')).toBe(before.connections));
}, 120_000);

/**
 * promtool reads the exposition on stdin and exits non-zero on any format or naming problem. Its failure is rethrown
 * as a plain Error: execFileSync's own error refers to itself (`error.error`), which jest's worker cannot serialise,
 * so a missing promtool used to fail the whole file as "Converting circular structure to JSON".
 */
function promtoolCheckMetrics(text: string): void {
  try {
    execFileSync('promtool', ['check', 'metrics'], { input: text, stdio: ['pipe', 'pipe', 'pipe'] });
  } catch (error) {
    const failure = error as { code?: string; status?: number; stdout?: Buffer; stderr?: Buffer; message: string };
    if (failure.code === 'ENOENT') throw new Error('promtool is not installed: .ci/run installs it (apt-get install prometheus)');
    throw new Error(`promtool check metrics failed (exit ${failure.status}): ${String(failure.stdout ?? '')}${String(failure.stderr ?? '')}`);
  }
}

test('the metrics endpoint serves text that promtool accepts, every series labelled with its service', async () => {
  const server = createMetricsHttpServer(createLogger({ level: 'silent' }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    promtoolCheckMetrics(text);
    const series = text.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
    expect(series.length).toBeGreaterThan(50);
    expect(series.filter((line) => !line.startsWith('ridegraph_'))).toEqual([]);
    expect(series.filter((line) => !line.includes('service="embedded"'))).toEqual([]);
    expect((await fetch(`${base}/`)).status).toBe(404);
  } finally {
    server.close();
  }
});

test('every log line of one request carries its request id, and the gateway line says what it did without secrets', async () => {
  const asDriver = await headersOf(DEMO_PHONES.driver(8), ['DRIVER']);
  const requestId = 'metrics-test-request-0001';
  lines.length = 0;
  const response = await fetch(env.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': requestId, ...asDriver },
    // identity (me, name) and fleet (driverProfile): two subgraph requests.
    // An extra variable: sent, never logged.
    body: JSON.stringify({
      query: 'query DriverHome { me { name driverProfile { id } } }',
      variables: { note: 'never-logged-value' },
      operationName: 'DriverHome',
    }),
  });
  expect(response.status).toBe(200);
  await eventually(() => expect(lines.filter((line) => line.msg === 'http request' && line.requestId === requestId)).toHaveLength(3));

  const ofRequest = lines.filter((line) => line.requestId === requestId);
  // The gateway's line and the three HTTP lines (gateway, identity, fleet), nothing of this request without the id.
  expect(lines.filter((line) => line.requestId === undefined && (line.msg === 'http request' || line.msg === 'graphql request'))).toEqual([]);
  const httpLines = ofRequest.filter((line) => line.msg === 'http request');
  expect(httpLines.map((line) => line.service).sort()).toEqual(['fleet', 'gateway', 'identity']);
  const gatewayLine = ofRequest.find((line) => line.msg === 'graphql request');
  const driver = env.demo.users.find((u) => u.phone === DEMO_PHONES.driver(8))!;
  expect(gatewayLine).toMatchObject({
    service: 'gateway',
    component: 'request',
    operation: 'DriverHome',
    type: 'query',
    outcome: 'ok',
    status: 200,
    userId: driver.id,
    clientAddress: '127.0.0.1',
    requestId,
  });
  expect(typeof gatewayLine?.durationMs).toBe('number');
  expect(typeof gatewayLine?.cost).toBe('number');
  const written = JSON.stringify(ofRequest);
  expect(written).not.toContain(asDriver.authorization!.replace(/^Bearer /, ''));
  expect(written).not.toContain('never-logged-value');
});
