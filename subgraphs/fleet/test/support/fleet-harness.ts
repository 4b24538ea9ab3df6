// One fleet subgraph in-process on a fresh database, with helpers to create fleets, vehicles and drivers and to
// act as a given viewer. Operations staff send requests unless a test says otherwise.
import { randomUUID } from 'node:crypto';
import type { Role } from '../../../../platform/auth/index.js';
import type { SubgraphDeps } from '../../../../platform/graphql/index.js';
import type { LivePubSub } from '../../../../platform/pubsub/index.js';
import {
  createTestAuth,
  createTestDatabase,
  startInProcess,
  testSubgraphDeps,
  type InProcessSubgraph,
  type TestAuth,
  type TestDatabase,
} from '../../../../platform/testing/index.js';
import { buildFleetSubgraph, type FleetBuildOptions, type FleetSubgraph } from '../../src/server.js';
import { openFleetDatabase, type FleetPrisma } from '../../src/store/database.js';
import type { VehicleCategory } from '../../src/store/prisma/client.js';

export interface FleetHarness {
  db: TestDatabase;
  prisma: FleetPrisma;
  subgraph: InProcessSubgraph;
  /** The built subgraph: its outbox relay and event consumer. */
  fleet: FleetSubgraph;
  testAuth: TestAuth;
  deps: SubgraphDeps;
  pubsub: LivePubSub;
  /** Every SQL statement the subgraph sent since the last `statements.length = 0`. */
  statements: string[];
  selects(): number;
  as(userId: string, roles: Role[], fleetIds?: string[]): Promise<{ headers: Record<string, string> }>;
  stop(): Promise<void>;
}

export async function startFleetHarness(options: FleetBuildOptions = {}): Promise<FleetHarness> {
  const db = await createTestDatabase();
  const prisma = openFleetDatabase(db.target);
  const testAuth = await createTestAuth();
  const statements: string[] = [];
  const deps = await testSubgraphDeps(db.target, (sql) => statements.push(sql), testAuth);
  const fleet = await buildFleetSubgraph(deps, options);
  const subgraph = await startInProcess(fleet, {
    headers: await testAuth.headersFor({ userId: randomUUID(), roles: ['OPERATIONS'] }),
  });
  return {
    db,
    prisma,
    subgraph,
    fleet,
    testAuth,
    deps,
    pubsub: deps.pubsub,
    statements,
    selects: () => statements.filter((sql) => /^\s*select/i.test(sql)).length,
    as: async (userId, roles, fleetIds = []) => ({ headers: await testAuth.headersFor({ userId, roles, fleetIds }) }),
    async stop() {
      await subgraph?.stop();
      await deps.events.dispose();
      await deps.pubsub.dispose();
      await prisma?.$disconnect();
      await db?.drop();
    },
  };
}

let serial = 0;

export interface CreatedFleet {
  fleet: { id: string; name: string };
  hub: { id: string; latitude: number; longitude: number };
  vehicles: { id: string; plate: string; category: VehicleCategory }[];
  drivers: { id: string; userId: string }[];
}

/**
 * A fleet with one hub, `vehicles` ACTIVE vehicles (categories cycling ECONOMY, COMFORT, XL) and `drivers`
 * OFFLINE drivers without vehicles, written straight to the database.
 */
export async function createFleet(
  prisma: FleetPrisma,
  options: { drivers?: number; vehicles?: number; hub?: { latitude: number; longitude: number } } = {},
): Promise<CreatedFleet> {
  const n = ++serial;
  const tag = randomUUID().slice(0, 8);
  const fleet = await prisma.fleet.create({ data: { name: `Fleet ${n}-${tag}`, city: 'Metro City' } });
  const hub = await prisma.hub.create({ data: { fleetId: fleet.id, name: 'Main Hub', ...(options.hub ?? { latitude: 40.7128, longitude: -74.006 }) } });
  const categories: VehicleCategory[] = ['ECONOMY', 'COMFORT', 'XL'];
  const vehicles = [];
  for (let i = 0; i < (options.vehicles ?? 1); i++) {
    vehicles.push(
      await prisma.vehicle.create({
        data: {
          fleetId: fleet.id,
          homeHubId: hub.id,
          plate: `T${tag}${i}`.toUpperCase().slice(0, 15),
          make: 'Toyota',
          model: 'Corolla',
          year: 2022,
          category: categories[i % 3]!,
          // Distinct timestamps: two rows created in the same millisecond would tie on the newest-first order.
          createdAt: new Date(Date.UTC(2026, 0, 1) + n * 86_400_000 + i * 1000),
        },
      }),
    );
  }
  const drivers = [];
  for (let i = 0; i < (options.drivers ?? 1); i++) {
    drivers.push(
      await prisma.driver.create({
        data: {
          userId: randomUUID(),
          fleetId: fleet.id,
          licenceNumber: `L${tag}${i}`.toUpperCase(),
          createdAt: new Date(Date.UTC(2026, 0, 1) + n * 86_400_000 + i * 1000),
        },
      }),
    );
  }
  return { fleet, hub, vehicles, drivers };
}

/**
 * Makes fleet know an account as identity's `user.registered` would (written straight to known_users; the
 * consumer itself is tested in user-events.test.ts).
 */
export async function knownUser(prisma: FleetPrisma, roles: Role[] = ['RIDER'], userId: string = randomUUID(), active = true): Promise<string> {
  await prisma.knownUser.create({ data: { userId, roles, active, rolesAt: new Date() } });
  return userId;
}

type Errors = readonly { extensions?: Record<string, unknown> }[] | undefined;
export const codes = (errors: Errors) => errors?.map((e) => e.extensions?.code);
