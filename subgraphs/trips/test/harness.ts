// trips in-process for the lifecycle tests: a fresh database with the demo city's pricing, a clock the test moves,
// no background dispatcher (tests run dispatcher passes themselves), driver supply fed through the real consumer.
import { randomUUID } from 'node:crypto';
import type { Role } from '../../../platform/auth/index.js';
import { createMemoryEventBus, type AnyEventEnvelope, type EventBus, type EventPoint, type EventVehicleCategory } from '../../../platform/events/index.js';
import { buildDemoDataset } from '../../../platform/demo/index.js';
import type { DatabaseTarget } from '../../../platform/db/index.js';
import type { LivePubSub } from '../../../platform/pubsub/index.js';
import {
  createTestAuth,
  createTestDatabase,
  startInProcess,
  testSubgraphDeps,
  type InProcessSubgraph,
  type TestAuth,
  type TestDatabase,
} from '../../../platform/testing/index.js';
import type { TripsConfig } from '../src/config.js';
import { seedPricing } from '../src/seed.js';
import { buildTripsSubgraph } from '../src/server.js';
import { openTripsDatabase, type TripsPrisma } from '../src/store/database.js';

/** The demo city centre (Metro City) and points around it. */
export const CENTRE = { latitude: 40.7128, longitude: -74.006 };
/** `metres` north and `eastMetres` east of the centre. */
export const near = (northMeters: number, eastMeters = 0): EventPoint => ({
  latitude: CENTRE.latitude + northMeters / 111_320,
  longitude: CENTRE.longitude + eastMeters / (111_320 * Math.cos((CENTRE.latitude * Math.PI) / 180)),
});

/**
 * Hands out a fresh patch of the city per scenario on a grid `spacingMeters` apart, `perRow` per row, centred on
 * CENTRE: with spacing above the dispatch radius, no scenario's drivers are offered another scenario's trips.
 */
export function cityPatches(spacingMeters: number, perRow: number): () => EventPoint {
  const first = -spacingMeters * Math.floor(perRow / 2);
  let patch = 0;
  return () => {
    const i = patch++;
    return near(first + (i % perRow) * spacingMeters, first + Math.floor(i / perRow) * spacingMeters);
  };
}

/** One harness (fresh database) for a test file: started before its tests, closed after. */
export function useHarness(config: Partial<TripsConfig> = {}): () => Harness {
  let harness: Harness | undefined;
  beforeAll(async () => {
    harness = await startHarness(config);
  });
  afterAll(async () => {
    await harness?.close();
  });
  return () => harness!;
}

export const TEST_CONFIG: Partial<TripsConfig> = {
  offerTimeoutSeconds: 20,
  dispatchTimeoutSeconds: 300,
  dispatchRadiusMeters: 5000,
  supplyFreshnessSeconds: 300,
  quoteTtlSeconds: 300,
};

export interface Harness {
  db: TestDatabase;
  prisma: TripsPrisma;
  subgraph: InProcessSubgraph;
  built: Awaited<ReturnType<typeof buildTripsSubgraph>>;
  pubsub: LivePubSub;
  /** The durable event bus the relay publishes to and the supply consumer reads. */
  events: EventBus;
  auth: TestAuth;
  statements: string[];
  clock: { now(): Date; advance(ms: number): void };
  as(userId: string, roles: Role[], fleetIds?: string[]): Promise<{ headers: Record<string, string> }>;
  /** Runs an operation as this user; throws when the response has errors unless `allowErrors`. */
  run<T = Record<string, unknown>>(
    who: { headers: Record<string, string> },
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ data?: T | null; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }>;
  /** Hands a `driver.status.changed` to the supply consumer, as the event bus would. */
  supply(
    driver: TestDriver,
    change?: Partial<{
      status: 'OFFLINE' | 'AVAILABLE' | 'ON_TRIP' | 'ON_BREAK';
      position: EventPoint | null;
      category: EventVehicleCategory;
      version: number;
    }>,
  ): Promise<AnyEventEnvelope>;
  close(): Promise<void>;
}

export interface TestDriver {
  driverId: string;
  userId: string;
  fleetId: string;
  vehicleId: string;
  category: EventVehicleCategory;
  version: number;
  headers: Record<string, string>;
}

/** @param database default: a fresh PostgreSQL database (dropped on close); a given target is left as it is. */
export async function startHarness(config: Partial<TripsConfig> = {}, database?: DatabaseTarget): Promise<Harness> {
  const db: TestDatabase = database ? { url: '', target: database, drop: async () => {} } : await createTestDatabase();
  const prisma = openTripsDatabase(db.target);
  await seedPricing(prisma, buildDemoDataset());
  const auth = await createTestAuth();
  const statements: string[] = [];
  let offset = 0;
  const clock = { now: () => new Date(Date.now() + offset), advance: (ms: number) => void (offset += ms) };
  // The test's own bus (disposed on close): the relay publishes to it, the supply consumer reads it.
  const events = createMemoryEventBus({ logger: { info() {}, warn() {}, error() {} }, retryDelayMs: 20 });
  const deps = await testSubgraphDeps(db.target, (sql) => statements.push(sql), auth, events);
  const built = await buildTripsSubgraph(deps, { config: { ...TEST_CONFIG, ...config }, clock, startDispatcher: false });
  const subgraph = await startInProcess(built);
  const as = async (userId: string, roles: Role[], fleetIds: string[] = []) => ({ headers: await auth.headersFor({ userId, roles, fleetIds }) });
  return {
    db,
    prisma,
    subgraph,
    built,
    pubsub: deps.pubsub,
    auth,
    statements,
    clock,
    as,
    run: (who, query, variables) => subgraph.execute(query, variables, who),
    async supply(driver, change = {}) {
      driver.version = change.version ?? driver.version + 1;
      const occurredAt = clock.now().toISOString();
      const event: AnyEventEnvelope = {
        id: randomUUID(),
        type: 'driver.status.changed',
        source: 'fleet',
        occurredAt,
        payload: {
          driverId: driver.driverId,
          userId: driver.userId,
          fleetId: driver.fleetId,
          status: change.status ?? 'AVAILABLE',
          vehicleId: driver.vehicleId,
          category: change.category ?? driver.category,
          position: change.position === undefined ? CENTRE : change.position,
          version: driver.version,
          occurredAt,
        },
      };
      await built.handleEvent(event);
      return event;
    },
    events,
    async close() {
      await subgraph.stop();
      await events.dispose();
      await prisma.$disconnect();
      await db.drop();
    },
  };
}

/** A driver known to fleet (ids only); call `harness.supply(driver, …)` to make trips see them. */
export async function newDriver(harness: Harness, category: EventVehicleCategory = 'ECONOMY', fleetId: string = randomUUID()): Promise<TestDriver> {
  const userId = randomUUID();
  return { driverId: randomUUID(), userId, fleetId, vehicleId: randomUUID(), category, version: 0, headers: (await harness.as(userId, ['DRIVER'])).headers };
}

/** An AVAILABLE driver at `position`. */
export async function availableDriver(
  harness: Harness,
  position: EventPoint,
  category: EventVehicleCategory = 'ECONOMY',
  fleetId?: string,
): Promise<TestDriver> {
  const driver = await newDriver(harness, category, fleetId);
  await harness.supply(driver, { status: 'AVAILABLE', position });
  return driver;
}

export type Errors = readonly { extensions?: Record<string, unknown> }[] | undefined;
export const codes = (errors: Errors) => errors?.map((e) => e.extensions?.code);

export const TRIP = `id status category driver { id } estimatedFare { amountMinor currency } surge fare { amountMinor currency }
  pickup { latitude longitude } dropoff { latitude longitude } distanceMeters durationSeconds assignedAt arrivedAt startedAt completedAt
  cancelledAt cancelledBy cancellationReason cancellationFee { amountMinor currency }`;

export const REQUEST = `mutation ($input: RequestTripInput!) { requestTrip(input: $input) { trip { ${TRIP} } userErrors { field message code } } }`;
export const ACCEPT = `mutation ($id: ID!) { acceptTrip(offerId: $id) { trip { ${TRIP} } userErrors { code } } }`;
export const DECLINE = `mutation ($id: ID!) { declineTrip(offerId: $id) { offer { id status trip { id } } userErrors { code } } }`;
export const PENDING_OFFER = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Driver { pendingOffer { id status expiresAt trip { id status } } } } }`;

export interface TripData {
  id: string;
  status: string;
  driver: { id: string } | null;
  estimatedFare: { amountMinor: number; currency: string } | null;
  surge: number;
  fare: { amountMinor: number; currency: string } | null;
  cancelledBy: string | null;
  cancellationFee: { amountMinor: number; currency: string } | null;
  [key: string]: unknown;
}

/** A rider (with headers) requesting a trip from `pickup` to 3 km north of it. */
export async function requestTrip(harness: Harness, pickup: EventPoint, category: EventVehicleCategory = 'ECONOMY', riderUserId: string = randomUUID()) {
  const rider = await harness.as(riderUserId, ['RIDER']);
  const result = await harness.run<{ requestTrip: { trip: TripData | null; userErrors: unknown[] } }>(rider, REQUEST, {
    input: { pickup, dropoff: { latitude: pickup.latitude + 0.027, longitude: pickup.longitude }, category },
  });
  if (result.errors || !result.data?.requestTrip.trip) throw new Error(`requestTrip failed: ${JSON.stringify(result)}`);
  return { rider, riderUserId, trip: result.data.requestTrip.trip };
}

/** The driver's pending offer through `Driver.pendingOffer`, as the driver sees it. */
export async function pendingOffer(harness: Harness, driver: TestDriver): Promise<{ id: string; status: string; trip: { id: string; status: string } } | null> {
  const result = await harness.run<{ _entities: { pendingOffer: { id: string; status: string; trip: { id: string; status: string } } | null }[] }>(
    { headers: driver.headers },
    PENDING_OFFER,
    { reps: [{ __typename: 'Driver', id: driver.driverId }] },
  );
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!._entities[0]!.pendingOffer;
}
