// fleet keeps drivers' display names from identity's `user.name.changed` (identity's trigger writes it in the
// transaction that creates or renames an account → relay → fleet's group "fleet.users" → user_names and the driver's
// row), so `Driver.name` is a column fleet already reads. Older events never overwrite newer ones, redelivery changes
// nothing, and a name that arrives before the profile, after it, or while it is being made ends up on the profile.
import { randomUUID } from 'node:crypto';
import type { AnyEventEnvelope } from '../../../platform/events/index.js';
import type { BuiltSubgraph } from '../../../platform/graphql/index.js';
import { EVENT_WAIT_MS, readUntil } from '../../../platform/testing/index.js';
import type { IdentityContext } from '../../identity/src/context.js';
import { buildIdentitySubgraph } from '../../identity/src/server.js';
import { openIdentityDatabase, type IdentityPrisma } from '../../identity/src/store/database.js';
import { bindFleetStores, createFleetStores } from '../src/store/store.js';
import { createFleet, knownUser, startFleetHarness, type FleetHarness } from './support/fleet-harness.js';

let h: FleetHarness;
let identity: BuiltSubgraph<IdentityContext>;
let identityDb: IdentityPrisma;

beforeAll(async () => {
  h = await startFleetHarness();
  // identity shares fleet's database (each in its own schema) and event bus, as in embedded mode.
  identity = await buildIdentitySubgraph(h.deps);
  identityDb = openIdentityDatabase(h.db.target);
  await h.fleet.userEvents!.ready;
});

afterAll(async () => {
  await identity?.close();
  await identityDb?.$disconnect();
  await h?.stop();
});

const DRIVER_NAME = 'query ($id: ID!) { driver(id: $id) { id name } }';
const driverName = async (id: string) => (await h.subgraph.execute<{ driver: { id: string; name: string | null } }>(DRIVER_NAME, { id })).data!.driver.name;

const nameEvent = (userId: string, name: string, occurredAt: string): AnyEventEnvelope => ({
  id: randomUUID(),
  type: 'user.name.changed',
  source: 'identity',
  occurredAt,
  payload: { userId, name, occurredAt },
});

/** Events of one consumer are handled in order: once this marker's name is stored, everything before it was applied. */
async function drained(): Promise<void> {
  const marker = randomUUID();
  await h.deps.events.append([nameEvent(marker, 'marker', '2026-12-01T00:00:00.000Z')]);
  await readUntil(
    () => h.prisma.userName.findUnique({ where: { userId: marker } }),
    (row) => row !== null,
    'the marker name',
  );
}

test(
  'identity writes one user.name.changed per creation and per rename; the driver profile follows each rename',
  async () => {
    const { fleet } = await createFleet(h.prisma, { drivers: 0 });
    const user = await identityDb.user.create({ data: { name: 'Dana Driver', roles: ['RIDER'] } });
    await readUntil(
      () => h.prisma.knownUser.findUnique({ where: { userId: user.id } }),
      (row) => row !== null,
      'the account in known_users',
    );
    await readUntil(
      () => h.prisma.userName.findUnique({ where: { userId: user.id } }),
      (row) => row?.name === 'Dana Driver',
      'the name',
    );

    // The name arrived before the profile: the profile has it from its first read (no event needed after).
    const created = await h.subgraph.execute<{ createDriverProfile: { driver: { id: string; name: string | null } | null; userErrors: unknown[] } }>(
      'mutation ($input: CreateDriverProfileInput!) { createDriverProfile(input: $input) { driver { id name } userErrors { code } } }',
      { input: { userId: user.id, fleetId: fleet.id, licenceNumber: 'NAME-1001' } },
    );
    expect(created.data!.createDriverProfile).toEqual({ driver: { id: expect.any(String), name: 'Dana Driver' }, userErrors: [] });
    const driverId = created.data!.createDriverProfile.driver!.id;

    await identityDb.user.update({ where: { id: user.id }, data: { name: 'Dana Renamed' } });
    expect(
      await readUntil(
        () => driverName(driverId),
        (name) => name === 'Dana Renamed',
        'the new name on the driver',
      ),
    ).toBe('Dana Renamed');
    // A change of anything else is no name event.
    await identityDb.user.update({ where: { id: user.id }, data: { roles: ['RIDER', 'DRIVER'] } });

    const events = await identityDb.outboxEvent.findMany({
      where: { type: 'user.name.changed', payload: { path: ['userId'], equals: user.id } },
      orderBy: { occurredAt: 'asc' },
    });
    expect(events.map((e) => e.payload)).toEqual([
      { userId: user.id, name: 'Dana Driver', occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) },
      { userId: user.id, name: 'Dana Renamed', occurredAt: expect.any(String) },
    ]);
    // occurred_at is the row change's own time (clock_timestamp): a later rename is always the newer event.
    expect(events[0]!.occurredAt.getTime()).toBeLessThan(events[1]!.occurredAt.getTime());
    expect(events.map((e) => (e.payload as { occurredAt: string }).occurredAt)).toEqual(events.map((e) => e.occurredAt.toISOString()));
  },
  EVENT_WAIT_MS,
);

test(
  'an older name after a newer one changes nothing; the same event twice changes nothing',
  async () => {
    const { drivers } = await createFleet(h.prisma, { drivers: 1 });
    const driver = drivers[0]!;
    // The profile came first (no name yet): null, not an error.
    expect(await driverName(driver.id)).toBeNull();

    const newer = nameEvent(driver.userId, 'Newest Name', '2026-12-01T10:00:01.000Z');
    await h.deps.events.append([newer, nameEvent(driver.userId, 'Older Name', '2026-12-01T10:00:00.000Z'), newer]);
    await h.deps.events.append([nameEvent(driver.userId, 'Oldest Name', '2026-12-01T09:00:00.000Z')]);
    await drained();

    expect(await h.prisma.userName.findUnique({ where: { userId: driver.userId } })).toEqual({
      userId: driver.userId,
      name: 'Newest Name',
      nameAt: new Date('2026-12-01T10:00:01.000Z'),
    });
    expect(await driverName(driver.id)).toBe('Newest Name');
    // Redelivered once more, whole: still the same row.
    await h.deps.events.append([newer]);
    await drained();
    expect((await h.prisma.driver.findUniqueOrThrow({ where: { id: driver.id } })).name).toBe('Newest Name');
  },
  EVENT_WAIT_MS,
);

test(
  'a malformed event is skipped and acknowledged; the consumer goes on',
  async () => {
    const userId = randomUUID();
    const malformed = (payload: Record<string, unknown>) => ({ ...nameEvent(userId, 'x', '2026-12-01T10:00:00.000Z'), payload }) as AnyEventEnvelope;
    await h.deps.events.append([
      malformed({ userId: 'not-a-uuid', name: 'x', occurredAt: '2026-12-01T10:00:00.000Z' }),
      malformed({ userId, name: 42, occurredAt: '2026-12-01T10:00:00.000Z' }),
      malformed({ userId, name: 'x', occurredAt: 'yesterday' }),
    ]);
    await drained();
    expect(await h.prisma.userName.findUnique({ where: { userId } })).toBeNull();
  },
  EVENT_WAIT_MS,
);

/** Resolves once some statement of this database waits for an advisory lock — or `done` settled without waiting. */
async function waitingOnLockOr(done: Promise<unknown>): Promise<void> {
  const waiting = readUntil(
    () =>
      h.prisma.$queryRawUnsafe<{ n: number }[]>(
        "select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted and database = (select oid from pg_database where datname = current_database())",
      ),
    (rows) => rows[0]!.n > 0,
    'a statement waiting on the advisory lock',
  );
  await Promise.race([waiting, done]);
}

describe('a profile made while its name is being stored ends with the name, whichever commits first', () => {
  test(
    'the profile first: the name waits for it, then names it',
    async () => {
      const { fleet } = await createFleet(h.prisma, { drivers: 0 });
      const userId = await knownUser(h.prisma);
      const stores = createFleetStores(h.prisma);
      let naming: Promise<void> | undefined;
      await h.prisma.$transaction(async (tx) => {
        // The insert trigger took the user's lock and found no name; the profile is not committed yet.
        await tx.driver.create({ data: { userId, fleetId: fleet.id, licenceNumber: `RACE-A-${userId.slice(0, 8)}` } });
        naming = stores.transaction((other) => other.userNames.record(userId, 'Late Name', new Date('2026-12-01T10:00:00.000Z')));
        // Without the lock the name would be stored now, its update of drivers missing this uncommitted profile.
        await waitingOnLockOr(naming);
      });
      await naming;
      expect((await h.prisma.driver.findUniqueOrThrow({ where: { userId } })).name).toBe('Late Name');
    },
    EVENT_WAIT_MS,
  );

  test(
    'the name first: the profile waits for it, then takes it',
    async () => {
      const { fleet } = await createFleet(h.prisma, { drivers: 0 });
      const userId = await knownUser(h.prisma);
      let profile: Promise<unknown> | undefined;
      await h.prisma.$transaction(async (tx) => {
        // The name is stored (and drivers updated: none yet) but not committed; the lock is held.
        await bindFleetStores(tx).userNames.record(userId, 'Early Name', new Date('2026-12-01T10:00:00.000Z'));
        profile = h.prisma.driver.create({ data: { userId, fleetId: fleet.id, licenceNumber: `RACE-B-${userId.slice(0, 8)}` } });
        // Without the lock the profile's trigger would read no name now and commit it nameless.
        await waitingOnLockOr(profile);
      });
      await profile;
      expect((await h.prisma.driver.findUniqueOrThrow({ where: { userId } })).name).toBe('Early Name');
    },
    EVENT_WAIT_MS,
  );

  test(
    '20 users, each name and profile racing: every profile ends with its name',
    async () => {
      const { fleet } = await createFleet(h.prisma, { drivers: 0 });
      const stores = createFleetStores(h.prisma);
      const users = await Promise.all(Array.from({ length: 20 }, () => knownUser(h.prisma)));
      // Half start with the name, half with the profile.
      await Promise.all(
        users.flatMap((userId, i) => {
          const name = stores.transaction((tx) => tx.userNames.record(userId, `Racer ${i}`, new Date('2026-12-01T10:00:00.000Z')));
          const profile = h.prisma.driver.create({ data: { userId, fleetId: fleet.id, licenceNumber: `RACE-${i}-${userId.slice(0, 8)}` } });
          return i % 2 ? [name, profile] : [profile, name];
        }),
      );
      const rows = await h.prisma.driver.findMany({ where: { userId: { in: users } }, select: { userId: true, name: true } });
      expect(rows).toHaveLength(20);
      expect(Object.fromEntries(rows.map((r) => [r.userId, r.name]))).toEqual(Object.fromEntries(users.map((userId, i) => [userId, `Racer ${i}`])));
    },
    EVENT_WAIT_MS,
  );
});
