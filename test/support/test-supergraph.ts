// The whole supergraph in this process on port 0 — fresh PostgreSQL database, demo city, in-process pub/sub (or Redis) —
// and a signed-in persona for every role, with real tokens from the same signer identity uses.
import { randomUUID } from 'node:crypto';
import { buildDemoDataset, DEMO_PHONES, type DemoDataset } from '../../platform/demo/index.js';
import type { Role } from '../../platform/auth/index.js';
import { createLogger } from '../../platform/logging/index.js';
import { createLivePubSub } from '../../platform/pubsub/index.js';
import { createEventBus, type InspectableEventBus } from '../../platform/events/index.js';
import { createTestAuth, createTestDatabase, readUntil, testRedisUrl, type TestAuth, type TestDatabase } from '../../platform/testing/index.js';
import { migrateSubgraphs, openEmbeddedPostgres } from '../../platform/db/index.js';
import { seedDemoCity } from '../../embedded/src/seed-demo-city.js';
import { startSupergraph, type RunningSupergraph, type SupergraphOptions } from '../../embedded/src/supergraph.js';
import { openIdentityDatabase, type IdentityPrisma } from '../../subgraphs/identity/src/store/database.js';
import { SUPERGRAPH_PATH } from './composed-schema.js';

export const PERSONAS = ['anonymous', 'SUPER_ADMIN', 'OPERATIONS', 'FLEET_MANAGER', 'DRIVER', 'RIDER'] as const;
export type Persona = (typeof PERSONAS)[number];

export interface PersonaInfo {
  /** null for anonymous. */
  userId: string | null;
  roles: readonly Role[];
  fleetIds: readonly string[];
  /** `{ authorization }`, or `{}` for anonymous. */
  headers: Record<string, string>;
}

export interface TestSupergraph {
  supergraph: RunningSupergraph;
  gatewayUrl: string;
  /** URL of one subgraph, to reach it directly (no gateway). */
  subgraphUrl(name: string): string;
  demo: DemoDataset;
  testAuth: TestAuth;
  personas: Record<Persona, PersonaInfo>;
  /** Every SQL statement any subgraph sends. */
  statements: string[];
  /** The in-process event bus all subgraphs share (inspect `deadLetters()`). */
  events: InspectableEventBus;
  /** The database every subgraph uses (each in its own schema), to write rows no API would. */
  database: TestDatabase['target'];
  /**
   * Resolves once identity knows the fleet: its `known_fleets` replica is fed by fleet's `fleet.changed` through the
   * outbox relay, so a fleet created (or seeded) moments ago is unknown there for up to a second or so, and
   * assignFleetManager / onboardDriver answer FLEET_NOT_FOUND until then. Waits up to EVENT_WAIT_MS, then throws.
   */
  untilIdentityKnowsFleet(fleetId: string): Promise<void>;
  stop(): Promise<void>;
}

/** Where the supergraph's data lives: a fresh PostgreSQL database, or PGlite in memory as `npm start` runs it. */
export type TestRuntime = 'PostgreSQL' | 'embedded PGlite';
/** Both, for a test file that must hold on each: `describe.each(TEST_RUNTIMES)('on %s', (runtime) => …)`. */
export const TEST_RUNTIMES: readonly TestRuntime[] = ['PostgreSQL', 'embedded PGlite'];

/** A fresh database of the runtime, migrated; `drop` releases it. */
async function openRuntimeDatabase(runtime: TestRuntime): Promise<Pick<TestDatabase, 'target' | 'drop'>> {
  if (runtime === 'PostgreSQL') return createTestDatabase();
  const pglite = await openEmbeddedPostgres();
  await migrateSubgraphs({ kind: 'pglite', pglite });
  return { target: { kind: 'pglite', pglite }, drop: () => pglite.close() };
}

/**
 * @param overrides supergraph options for this test file (e.g. `rateLimits`, a `logger` to read, `subgraphFactories`);
 * the defaults otherwise. `runtime`: PostgreSQL unless told. `transport`: live pub/sub and durable events in this
 * process (default), or through Redis (REDIS_URL) as the distributed mode runs them, under a prefix of this run.
 */
export async function startTestSupergraph(
  overrides: Partial<Pick<SupergraphOptions, 'rateLimits' | 'operationLimits' | 'logger' | 'subgraphFactories'>> & {
    runtime?: TestRuntime;
    transport?: 'memory' | 'Redis';
  } = {},
): Promise<TestSupergraph> {
  const { runtime = 'PostgreSQL', transport = 'memory', logger: capture, ...options } = overrides;
  const demo = buildDemoDataset();
  const db = await openRuntimeDatabase(runtime);
  // Silent unless the test file reads the logs (e.g. the development email provider's links).
  const logger = capture ?? createLogger({ level: 'silent' });
  const prefix = `test:${randomUUID()}:`;
  const redisUrl = transport === 'Redis' ? testRedisUrl() : undefined;
  const pubsub = createLivePubSub({ redisUrl, prefix, logger });
  const events = createEventBus({ redisUrl, prefix, logger, retryDelayMs: 20 });
  const testAuth = await createTestAuth();
  const statements: string[] = [];
  await seedDemoCity(db.target);
  const supergraph = await startSupergraph({
    database: db.target,
    pubsub,
    events,
    auth: testAuth.auth,
    logger,
    supergraphPath: SUPERGRAPH_PATH,
    gatewayPort: 0,
    subgraphPorts: 'any',
    host: '127.0.0.1',
    onStatement: (sql) => statements.push(sql),
    // The full CI run boots a supergraph per worker on 2 CPUs: a subgraph answer has taken over the production
    // default of 10 s there (SERVICE_UNAVAILABLE in tests that pass alone in seconds). Tests of timeouts set their own.
    subgraphTimeoutMs: 30_000,
    ...options,
  });
  const userByPhone = (phone: string) => {
    const user = demo.users.find((u) => u.phone === phone);
    if (!user) throw new Error(`no demo user with phone ${phone}`);
    return user.id;
  };
  const downtown = demo.fleets.find((fleet) => fleet.name === 'Downtown Fleet');
  if (!downtown) throw new Error('the demo city has no Downtown Fleet');
  const persona = async (userId: string, roles: Role[], fleetIds: string[] = []): Promise<PersonaInfo> => ({
    userId,
    roles,
    fleetIds,
    headers: await testAuth.headersFor({ userId, roles, fleetIds }),
  });
  let identityDb: IdentityPrisma | undefined;
  const personas: Record<Persona, PersonaInfo> = {
    anonymous: { userId: null, roles: [], fleetIds: [], headers: {} },
    SUPER_ADMIN: await persona(userByPhone(DEMO_PHONES.superAdmin), ['SUPER_ADMIN']),
    OPERATIONS: await persona(userByPhone(DEMO_PHONES.operations), ['OPERATIONS']),
    FLEET_MANAGER: await persona(userByPhone(DEMO_PHONES.fleetManager), ['FLEET_MANAGER'], [downtown.id]),
    DRIVER: await persona(userByPhone(DEMO_PHONES.driver(1)), ['DRIVER']),
    RIDER: await persona(userByPhone(DEMO_PHONES.rider(1)), ['RIDER']),
  };
  return {
    supergraph,
    gatewayUrl: supergraph.gateway.url,
    subgraphUrl: (name) => {
      const running = supergraph.subgraphs.find((s) => s.name === name);
      if (!running) throw new Error(`no subgraph ${name}`);
      return running.url;
    },
    demo,
    testAuth,
    personas,
    statements,
    events,
    database: db.target,
    async untilIdentityKnowsFleet(fleetId) {
      identityDb ??= openIdentityDatabase(db.target);
      const known = identityDb;
      await readUntil(
        () => known.knownFleet.count({ where: { id: fleetId } }),
        (count) => count === 1,
        `identity to know fleet ${fleetId}`,
      );
    },
    async stop() {
      await identityDb?.$disconnect();
      await supergraph.stop();
      await events.dispose();
      await pubsub.dispose();
      await db.drop();
    },
  };
}
