// What the whole supergraph must do, whichever database and pub/sub it runs on. Run by
// supergraph.postgres.test.ts (real PostgreSQL) and supergraph.embedded.test.ts (PGlite, in-process pub/sub).
// Requests carry real access tokens: operations staff for the trips board, the rider for their own user.
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { buildDemoDataset, DEMO_PHONES } from '../../platform/demo/index.js';
import type { DatabaseTarget } from '../../platform/db/index.js';
import { createLogger } from '../../platform/logging/index.js';
import type { LivePubSub } from '../../platform/pubsub/index.js';
import { createTestAuth, postGraphQL, type TestAuth } from '../../platform/testing/index.js';
import { repoRoot } from '../../subgraphs/registry.js';
import { seedDemoCity } from '../src/seed-demo-city.js';
import { startSupergraph, type RunningSupergraph } from '../src/supergraph.js';
import type { EventBus } from '../../platform/events/index.js';
import { upstreamSubscriptions } from '../../test/support/gateway-apps.js';
import { describeRideFlow } from './ride-flow.js';

export interface SupergraphEnvironment {
  database: DatabaseTarget;
  pubsub: LivePubSub;
  /** Durable events; omitted → the supergraph's own in-process bus. */
  events?: EventBus;
  /** Releases the database and the pub/sub after the supergraph stopped. */
  release(): Promise<void>;
}

const TRIPS_WITH_PEOPLE = `query ($first: Int!) {
  trips(first: $first) {
    edges { node { id status fare { amountMinor currency } rider { id name } driver { id name vehicle { plate } } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export function describeSupergraph(label: string, setup: () => Promise<SupergraphEnvironment>): void {
  describe(`supergraph on ${label}`, () => {
    let env: SupergraphEnvironment;
    let supergraph: RunningSupergraph;
    let testAuth: TestAuth;
    /** Headers of an OPERATIONS user (the trips board is for staff). */
    let operations: Record<string, string>;
    const statements: string[] = [];
    const demo = buildDemoDataset();

    beforeAll(async () => {
      env = await setup();
      testAuth = await createTestAuth();
      operations = await testAuth.headersFor({ userId: randomUUID(), roles: ['OPERATIONS'] });
      await seedDemoCity(env.database);
      supergraph = await startSupergraph({
        database: env.database,
        pubsub: env.pubsub,
        events: env.events,
        auth: testAuth.auth,
        logger: createLogger({ level: 'silent' }),
        supergraphPath: resolve(repoRoot, 'schema/supergraph.graphql'),
        gatewayPort: 0,
        subgraphPorts: 'any',
        host: '127.0.0.1',
        onStatement: (sql) => statements.push(sql),
        // As in test/support/test-supergraph.ts: under the full CI run's load a subgraph has answered after 10 s.
        subgraphTimeoutMs: 30_000,
      });
    }, 120_000);

    afterAll(async () => {
      await supergraph?.stop();
      await env?.release();
    });

    test('trips join rider (identity), driver and vehicle (fleet) and fare (trips) through the gateway', async () => {
      const result = await postGraphQL(supergraph.gateway.url, TRIPS_WITH_PEOPLE, { first: 5 }, operations);
      expect(result.status).toBe(200);
      expect(result.errors).toBeUndefined();
      const nodes = result.data.trips.edges.map((edge: { node: unknown }) => edge.node);
      expect(nodes).toHaveLength(5);
      expect(result.data.trips.pageInfo.hasNextPage).toBe(true);
      for (const trip of nodes) {
        const seeded = demo.trips.find((t) => t.id === trip.id);
        expect(seeded).toBeDefined();
        const rider = demo.users.find((u) => u.id === seeded!.riderUserId)!;
        const driver = demo.drivers.find((d) => d.id === seeded!.driverId)!;
        const driverUser = demo.users.find((u) => u.id === driver.userId)!;
        const vehicle = demo.vehicles.find((v) => v.id === driver.vehicleId)!;
        expect(trip.rider).toEqual({ id: rider.id, name: rider.name });
        expect(trip.driver).toEqual({ id: driver.id, name: driverUser.name, vehicle: { plate: vehicle.plate } });
        expect(trip.fare).toEqual(seeded!.fareMinor === null ? null : { amountMinor: seeded!.fareMinor, currency: 'USD' });
      }
      // newest first
      const times = nodes.map((trip: { id: string }) => demo.trips.find((t) => t.id === trip.id)!.requestedAt.getTime());
      expect([...times].sort((a, b) => b - a)).toEqual(times);
    });

    test('a user joins fields of five subgraphs: identity, fleet, trips, payments, gamification, notifications', async () => {
      const rider = demo.users.find((u) => u.phone === DEMO_PHONES.rider(1))!;
      const result = await postGraphQL(
        supergraph.gateway.url,
        `query ($id: ID!) { user(id: $id) {
            name roles driverProfile { id }
            trips(first: 2) { edges { node { id rider { id } } } }
            wallet { balance { currency } }
            points { balance level }
            notifications(first: 1) { edges { node { title } } }
            unreadNotificationCount } }`,
        { id: rider.id },
        await testAuth.headersFor({ userId: rider.id, roles: ['RIDER'] }),
      );
      expect(result.errors).toBeUndefined();
      const user = result.data.user;
      expect(user.name).toBe(rider.name);
      expect(user.roles).toEqual(['RIDER']);
      expect(user.driverProfile).toBeNull();
      expect(user.trips.edges.length).toBeGreaterThan(0);
      for (const edge of user.trips.edges) expect(edge.node.rider.id).toBe(rider.id);
      expect(user.wallet.balance.currency).toBe('USD');
      expect(user.points.balance).toBeGreaterThan(0);
      expect(user.notifications.edges).toHaveLength(1);
      expect(typeof user.unreadNotificationCount).toBe('number');
    });

    test('entity lookups are batched: 50 trips with rider, driver and vehicle cost the same SQL statements as 5', async () => {
      const count = async (first: number) => {
        statements.length = 0;
        const result = await postGraphQL(supergraph.gateway.url, TRIPS_WITH_PEOPLE, { first }, operations);
        expect(result.errors).toBeUndefined();
        expect(result.data.trips.edges).toHaveLength(first);
        return statements.length;
      };
      const five = await count(5);
      const fifty = await count(50);
      expect(five).toBeGreaterThan(0);
      expect(fifty).toBe(five);
    });

    test('bad input is a clear GraphQL error with a code, never a 500', async () => {
      // A page over 100 within the cost limit reaches the trips subgraph, which refuses it; 1,000 never leaves the edge.
      const tooMany = await postGraphQL(supergraph.gateway.url, TRIPS_WITH_PEOPLE, { first: 101 }, operations);
      expect(tooMany.status).toBe(200);
      expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const tooCostly = await postGraphQL(supergraph.gateway.url, TRIPS_WITH_PEOPLE, { first: 1000 }, operations);
      expect({ status: tooCostly.status, code: tooCostly.errors?.[0]?.extensions?.code, limit: tooCostly.errors?.[0]?.extensions?.limit }).toEqual({
        status: 400,
        code: 'OPERATION_TOO_COMPLEX',
        limit: 'cost',
      });

      const badCursor = await postGraphQL(supergraph.gateway.url, '{ trips(first: 1, after: "nonsense") { edges { cursor } } }', undefined, operations);
      expect(badCursor.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

      const notAnId = await postGraphQL(supergraph.gateway.url, '{ trip(id: "not-a-uuid") { id } }', undefined, operations);
      expect(notAnId.errors).toBeUndefined();
      expect(notAnId.data.trip).toBeNull();

      const unknownField = await postGraphQL(supergraph.gateway.url, '{ trips { nope } }', undefined, operations);
      expect(unknownField.status).toBe(400);
      expect(unknownField.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });

    test('without a token the trips board is UNAUTHENTICATED; with a bad one the gateway answers 401', async () => {
      const anonymous = await postGraphQL(supergraph.gateway.url, TRIPS_WITH_PEOPLE, { first: 1 });
      expect(anonymous.status).toBe(200);
      expect(anonymous.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
      const forged = await postGraphQL(supergraph.gateway.url, TRIPS_WITH_PEOPLE, { first: 1 }, { authorization: 'Bearer forged.token.value' });
      expect(forged.status).toBe(401);
      expect(forged.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    });

    describeRideFlow(() => ({
      gatewayUrl: supergraph.gateway.url,
      testAuth,
      demo,
      tripsSubscriptions: () => upstreamSubscriptions(supergraph, 'trips'),
    }));

    test('readiness reports every subgraph answering', async () => {
      const response = await fetch(supergraph.gateway.url.replace('/graphql', '/ready'));
      const report = (await response.json()) as { ready: boolean; checks: Record<string, string> };
      expect(response.status).toBe(200);
      expect(report.ready).toBe(true);
      expect(Object.keys(report.checks).sort()).toEqual(['fleet', 'gamification', 'identity', 'notifications', 'payments', 'supergraph', 'trips']);
    });
  });
}
