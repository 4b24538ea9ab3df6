// A gamification subgraph on its own test database and event bus, with helpers to deliver events the way payments
// and trips would (an envelope appended to the bus, waited for until the earning consumer recorded it) and to read
// what gamification emitted.
import { randomUUID } from 'node:crypto';
import type { Role } from '../../../../platform/auth/index.js';
import {
  createMemoryEventBus,
  type AnyEventEnvelope,
  type DomainEventType,
  type EventBus,
  type DomainEvents,
  type EventEnvelope,
} from '../../../../platform/events/index.js';
import { createLogger } from '../../../../platform/logging/index.js';
import {
  createTestAuth,
  createTestDatabase,
  startInProcess,
  testSubgraphDeps,
  type InProcessSubgraph,
  type TestAuth,
  type TestDatabase,
} from '../../../../platform/testing/index.js';
import { buildGamificationSubgraph, type GamificationSubgraph } from '../../src/server.js';
import { openGamificationDatabase, type GamificationPrisma } from '../../src/store/database.js';

export interface LoyaltyFixture {
  db: TestDatabase;
  prisma: GamificationPrisma;
  built: GamificationSubgraph;
  subgraph: InProcessSubgraph;
  testAuth: TestAuth;
  /** Everything gamification published, in order. */
  emitted: AnyEventEnvelope[];
  bus: EventBus;
  /** SQL the subgraph's requests sent (not its background work); clear it before what you count. */
  statements: string[];
  stop(): Promise<void>;
}

/** @param redis distributed mode: the leaderboards rank in Redis under this (fresh) key prefix. */
export async function startLoyaltyFixture(redis?: { url: string; prefix: string }): Promise<LoyaltyFixture> {
  const db = await createTestDatabase();
  const prisma = openGamificationDatabase(db.target);
  const testAuth = await createTestAuth();
  const bus = createMemoryEventBus({ logger: createLogger({ level: 'silent' }), retryDelayMs: 20 });
  const statements: string[] = [];
  const deps = await testSubgraphDeps(db.target, (sql) => statements.push(sql), testAuth, bus);
  const built = await buildGamificationSubgraph(
    redis ? { ...deps, redisUrl: redis.url } : deps,
    redis ? { config: { leaderboardRedisPrefix: redis.prefix } } : {},
  );
  const subgraph = await startInProcess(built, { headers: await testAuth.headersFor({ userId: randomUUID(), roles: ['OPERATIONS'] }) });
  const emitted: AnyEventEnvelope[] = [];
  const listener = bus.consume({
    group: 'test.listener',
    types: ['points.awarded', 'level.reached', 'badge.earned', 'points.redeemed', 'coupon.redeemed'],
    handle: async (event) => void emitted.push(event),
  });
  await listener.ready;
  return {
    db,
    prisma,
    built,
    subgraph,
    testAuth,
    emitted,
    bus,
    statements,
    async stop() {
      await listener.stop();
      await subgraph.stop();
      await bus.dispose();
      await prisma.$disconnect();
      await db.drop();
    },
  };
}

export function envelope<K extends DomainEventType>(type: K, payload: DomainEvents[K], id: string = randomUUID()): EventEnvelope<K> {
  return { id, type, source: 'test', occurredAt: (payload as { occurredAt: string }).occurredAt, payload };
}

/**
 * Appends the event and waits until the consumer has committed it (or had committed it before): the earning consumer,
 * or `gamification.driver-fleets` for driver.status.changed.
 */
export async function deliver(fixture: LoyaltyFixture, event: AnyEventEnvelope): Promise<void> {
  const consumer = event.type === 'driver.status.changed' ? 'gamification.driver-fleets' : 'gamification.earning';
  await fixture.bus.append([event]);
  await waitFor(async () => (await fixture.prisma.processedEvent.count({ where: { eventId: event.id, consumer } })) === 1, `event ${event.type} ${event.id}`);
  // A redelivered event leaves no new trace: give the consumer a moment to (not) write.
  await new Promise((resolve) => setTimeout(resolve, 30));
}

export async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const headersAs = async (fixture: LoyaltyFixture, userId: string, roles: Role[]) => ({ headers: await fixture.testAuth.headersFor({ userId, roles }) });
