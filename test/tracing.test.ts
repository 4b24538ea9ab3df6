// OpenTelemetry across the supergraph (platform/tracing/README.md), recorded in memory: the span tree of one
// cross-subgraph query (gateway → plan → fetches → each subgraph's server span through W3C traceparent → SQL),
// a client's traceparent continued, and the durable event hop — a trip completion's trace linked from the
// payment settlement that consumed it.
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { SpanKind } from '@opentelemetry/api';
import { DEMO_PHONES } from '../platform/demo/index.js';
import { EVENT_WAIT_MS, postGraphQL } from '../platform/testing/index.js';
import { startTracing, type Tracing } from '../platform/tracing/index.js';
import { checkIn, gatewayData, rideUntilDropOff, type Headers } from './support/gateway-apps.js';
import { startTestSupergraph, type TestSupergraph } from './support/test-supergraph.js';
import { eventually } from './support/subscriptions-stack.js';

let env: TestSupergraph;
let tracing: Tracing;
const exporter = new InMemorySpanExporter();

beforeAll(async () => {
  tracing = startTracing({ serviceName: 'ridegraph-test', exporter, synchronous: true });
  env = await startTestSupergraph();
}, 120_000);

afterAll(async () => {
  await env?.stop();
  await tracing?.shutdown();
});

beforeEach(() => exporter.reset());

const spansOf = (traceId: string) => exporter.getFinishedSpans().filter((span) => span.spanContext().traceId === traceId);
const childrenOf = (spans: ReadableSpan[], parent: ReadableSpan) => spans.filter((span) => span.parentSpanId === parent.spanContext().spanId);
const only = (spans: ReadableSpan[], name: string) => {
  const found = spans.filter((span) => span.name === name);
  expect({ name, count: found.length }).toEqual({ name, count: 1 });
  return found[0]!;
};

// Three subgraphs: the riders' names come with the trips (trips' copy, `@provides`), their emails only from identity.
const BOARD = `query TripsBoard { trips(first: 3) { edges { node { id status rider { name email } driver { name vehicle { plate } } } } } }`;
const CLIENT_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const CLIENT_SPAN = '00f067aa0ba902b7';

describe('one cross-subgraph query through the gateway', () => {
  test('is one trace: client traceparent → gateway server span, plan, fetches → each subgraph’s server span → its SQL', async () => {
    const result = await postGraphQL(env.gatewayUrl, BOARD, undefined, {
      ...env.personas.OPERATIONS.headers,
      traceparent: `00-${CLIENT_TRACE}-${CLIENT_SPAN}-01`,
    });
    expect(result.errors).toBeUndefined();
    const spans = spansOf(CLIENT_TRACE);

    // The gateway's SERVER span continues the client's trace, named after the operation.
    const root = only(spans, 'query TripsBoard');
    expect(root.parentSpanId).toBe(CLIENT_SPAN);
    expect(root.kind).toBe(SpanKind.SERVER);
    expect(root.attributes).toMatchObject({ 'ridegraph.service': 'gateway', 'graphql.operation.name': 'TripsBoard', 'http.response.status_code': 200 });

    // Apollo Gateway's plan (this query's first run: not cached yet) and fetch spans directly under it; its phase
    // spans (request, validate, execute, postprocessing) are left out.
    const plan = only(spans, 'gateway.plan');
    expect(plan.parentSpanId).toBe(root.spanContext().spanId);
    const fetches = childrenOf(spans, root).filter((span) => span !== plan);
    expect(fetches.map((span) => span.name)).toEqual(fetches.map(() => 'gateway.fetch'));
    for (const phase of ['gateway.request', 'gateway.validate', 'gateway.execute', 'gateway.postprocessing']) {
      expect(exporter.getFinishedSpans().filter((span) => span.name === phase)).toEqual([]);
    }
    // trips first (with the riders' names); then the riders' emails (identity) and the drivers with their names and
    // vehicles (fleet), side by side.
    expect(fetches.map((span) => span.attributes.service).sort()).toEqual(['fleet', 'identity', 'trips']);

    // Each fetch carried traceparent: the subgraph's SERVER span is its only child, with its SQL under it.
    for (const fetch of fetches) {
      const service = String(fetch.attributes.service);
      const [server, ...others] = childrenOf(spans, fetch);
      expect(others).toEqual([]);
      expect(server!.kind).toBe(SpanKind.SERVER);
      expect(server!.name).toMatch(new RegExp(`^query TripsBoard__${service}__\\d$`));
      expect(server!.attributes['ridegraph.service']).toBe(service);
      const sql = childrenOf(spans, server!);
      expect(sql.length).toBeGreaterThan(0);
      for (const statement of sql) {
        expect(statement.kind).toBe(SpanKind.CLIENT);
        expect(statement.name).toBe(`SELECT ${service}`);
        expect(statement.attributes).toMatchObject({ 'db.system': 'postgresql', 'db.namespace': service, 'db.operation.name': 'SELECT' });
        // Prisma's statements are upper case, the slim reads' (platform/db/rows-by-ids.ts) lower case.
        expect(statement.attributes['db.query.text']).toMatch(new RegExp(`^SELECT .* FROM "${service}"\\."`, 'i'));
      }
    }
    // Nothing of this request escaped the trace: the gateway's server span, the plan, per fetch the fetch and the
    // subgraph's server span, and the SQL.
    const sqlCount = spans.filter((span) => span.kind === SpanKind.CLIENT).length;
    expect(spans.length).toBe(1 + 1 + fetches.length * 2 + sqlCount);
  });

  test('without a client traceparent the gateway’s server span starts a new trace', async () => {
    const result = await postGraphQL(env.gatewayUrl, BOARD, undefined, env.personas.OPERATIONS.headers);
    expect(result.errors).toBeUndefined();
    const roots = exporter.getFinishedSpans().filter((span) => span.name === 'query TripsBoard');
    expect(roots.length).toBe(1);
    expect(roots[0]!.parentSpanId).toBeUndefined();
    // The gateway's and one per subgraph fetch (trips, identity, fleet).
    const spans = spansOf(roots[0]!.spanContext().traceId);
    expect(spans.filter((span) => span.kind === SpanKind.SERVER).length).toBe(4);
    // The plan is cached now: no gateway.plan span; the three fetches hang straight under the server span.
    expect(childrenOf(spans, roots[0]!).map((span) => span.name)).toEqual(['gateway.fetch', 'gateway.fetch', 'gateway.fetch']);
  });

  test("the trips board itself asks identity nothing: the riders' names come with the trips (`@provides`)", async () => {
    const query = `query PlainBoard { trips(first: 3) { edges { node { id rider { name } driver { name vehicle { plate } } } } } }`;
    const result = await postGraphQL<{ trips: { edges: { node: { rider: { name: string } } }[] } }>(
      env.gatewayUrl,
      query,
      undefined,
      env.personas.OPERATIONS.headers,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.trips.edges.map((edge) => typeof edge.node.rider.name)).toEqual(['string', 'string', 'string']);
    const root = only(exporter.getFinishedSpans(), 'query PlainBoard');
    const fetches = childrenOf(spansOf(root.spanContext().traceId), root).filter((span) => span.name === 'gateway.fetch');
    expect(fetches.map((span) => span.attributes.service).sort()).toEqual(['fleet', 'trips']);
  });

  test('a malformed traceparent is ignored, not an error', async () => {
    const result = await postGraphQL(env.gatewayUrl, BOARD, undefined, { ...env.personas.OPERATIONS.headers, traceparent: 'not-a-trace' });
    expect(result.errors).toBeUndefined();
    expect(exporter.getFinishedSpans().find((span) => span.name === 'query TripsBoard')!.parentSpanId).toBeUndefined();
  });

  test('health probes start no trace', async () => {
    expect((await fetch(new URL('/health', env.gatewayUrl))).status).toBe(200);
    expect((await fetch(new URL('/ready', env.subgraphUrl('trips')))).status).toBe(200);
    // (Event consumers of earlier tests may still be finishing spans: only HTTP server spans count here.)
    expect(exporter.getFinishedSpans().filter((span) => span.kind === SpanKind.SERVER)).toEqual([]);
  });
});

describe('the durable event hop', () => {
  const gql = (query: string, variables: Record<string, unknown> | undefined, headers: Headers) => gatewayData(env.gatewayUrl, query, variables, headers);

  test('the payment settlement of a completed trip is its own trace, linked to the trip completion that caused it', async () => {
    const user = (phone: string) => env.demo.users.find((u) => u.phone === phone)!;
    const asDriver = await env.testAuth.headersFor({ userId: user(DEMO_PHONES.driver(8)).id, roles: ['DRIVER'] });
    const asRider = await env.testAuth.headersFor({ userId: user(DEMO_PHONES.rider(8)).id, roles: ['RIDER'] });
    const self = (await gql('{ me { driverProfile { position { latitude longitude } vehicle { id category } } } }', undefined, asDriver)).me.driverProfile;
    expect(await checkIn(env.gatewayUrl, asDriver, self.position, 10_000, 'https://example.com/selfie.jpg')).toEqual({
      driver: { status: 'AVAILABLE' },
      userErrors: [],
    });
    const tripId = await rideUntilDropOff(env.gatewayUrl, { headers: asDriver, position: self.position, category: self.vehicle.category }, asRider, 'CASH');
    exporter.reset();
    const completed = await gql(
      'mutation Complete($id: ID!) { completeTrip(tripId: $id, distanceMeters: 3100) { userErrors { code } } }',
      { id: tripId },
      asDriver,
    );
    expect(completed.completeTrip.userErrors).toEqual([]);
    await eventually(
      async () =>
        expect((await gql('query ($id: ID!) { trip(id: $id) { payment { status } } }', { id: tripId }, asRider)).trip.payment).toEqual({ status: 'SUCCEEDED' }),
      EVENT_WAIT_MS,
    );

    const completion = only(exporter.getFinishedSpans(), 'mutation Complete');
    const completionTrace = spansOf(completion.spanContext().traceId);
    // The trips subgraph's span that wrote the outbox row (inside the transaction that completed the trip).
    const tripsServer = completionTrace.find((span) => span.attributes['ridegraph.service'] === 'trips' && span.kind === SpanKind.SERVER)!;
    expect(tripsServer.name).toMatch(/^mutation Complete__trips__\d$/);

    const settlements = exporter
      .getFinishedSpans()
      .filter((span) => span.name === 'trip.completed process' && span.attributes['messaging.consumer.group.name'] === 'payments');
    expect(settlements.length).toBe(1);
    const settlement = settlements[0]!;
    expect(settlement.kind).toBe(SpanKind.CONSUMER);
    expect(settlement.parentSpanId).toBeUndefined();
    expect(settlement.spanContext().traceId).not.toBe(completion.spanContext().traceId);
    expect(settlement.attributes).toMatchObject({ 'messaging.operation.type': 'process', 'ridegraph.event.source': 'trips' });
    expect(settlement.links.map((link) => link.context.traceId)).toEqual([completion.spanContext().traceId]);
    const linked = completionTrace.find((span) => span.spanContext().spanId === settlement.links[0]!.context.spanId)!;
    expect(linked).toBeDefined();
    // The link points into the trips subgraph's handling of completeTrip (its server span or a span under it).
    expect(linked === tripsServer || linked.parentSpanId === tripsServer.spanContext().spanId).toBe(true);
    // The settlement's SQL hangs under its consumer span, in payments' schema.
    const settlementSql = childrenOf(spansOf(settlement.spanContext().traceId), settlement);
    expect(settlementSql.length).toBeGreaterThan(0);
    expect(new Set(settlementSql.map((span) => span.attributes['db.namespace']))).toEqual(new Set(['payments']));
    // Every other consumer of trip.completed links to the same completion.
    const consumers = exporter.getFinishedSpans().filter((span) => span.name === 'trip.completed process');
    for (const consumer of consumers) expect(consumer.links.map((link) => link.context.traceId)).toEqual([completion.spanContext().traceId]);
  }, 180_000);
});
