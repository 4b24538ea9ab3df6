// fleet learns identity's accounts only from identity's durable events: identity (on the same database and event
// bus) creates an account → a trigger writes `user.registered` in that transaction → identity's relay → fleet's
// consumer (group "fleet.users") records it in known_users → createDriverProfile accepts the user; a roles change
// to staff (`user.changed`) makes it refuse. Out-of-order and repeated events never roll roles back.
import { randomUUID } from 'node:crypto';
import type { AnyEventEnvelope } from '../../../platform/events/index.js';
import type { BuiltSubgraph } from '../../../platform/graphql/index.js';
import type { IdentityContext } from '../../identity/src/context.js';
import { buildIdentitySubgraph } from '../../identity/src/server.js';
import { openIdentityDatabase, type IdentityPrisma } from '../../identity/src/store/database.js';
import { createFleet, startFleetHarness, type FleetHarness } from './support/fleet-harness.js';

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

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const until = Date.now() + 15_000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const CREATE = 'mutation ($input: CreateDriverProfileInput!) { createDriverProfile(input: $input) { driver { id } userErrors { code } } }';
const createProfile = async (userId: string, fleetId: string, licenceNumber: string) =>
  (
    await h.subgraph.execute<{ createDriverProfile: { driver: { id: string } | null; userErrors: { code: string }[] } }>(CREATE, {
      input: { userId, fleetId, licenceNumber },
    })
  ).data!.createDriverProfile;

test('an account identity creates becomes known to fleet with its roles; a change to staff or a deactivation is honoured', async () => {
  const { fleet } = await createFleet(h.prisma, { drivers: 0 });
  const rider = await identityDb.user.create({ data: { name: 'Rae Rider', phone: `+1555${Date.now() % 10_000_000}`, roles: ['RIDER'] } });
  const known = await eventually(
    () => h.prisma.knownUser.findUnique({ where: { userId: rider.id } }),
    (row) => row !== null,
  );
  expect(known).toMatchObject({ userId: rider.id, roles: ['RIDER'] });
  expect(await createProfile(rider.id, fleet.id, 'EV-1001')).toMatchObject({ userErrors: [] });

  const promoted = await identityDb.user.create({ data: { name: 'Pat Promoted', roles: ['RIDER'] } });
  await eventually(
    () => h.prisma.knownUser.findUnique({ where: { userId: promoted.id } }),
    (row) => row !== null,
  );
  await identityDb.user.update({ where: { id: promoted.id }, data: { roles: ['OPERATIONS'] } });
  await eventually(
    () => h.prisma.knownUser.findUnique({ where: { userId: promoted.id } }),
    (row) => row?.roles[0] === 'OPERATIONS',
  );
  expect(await createProfile(promoted.id, fleet.id, 'EV-1002')).toEqual({ driver: null, userErrors: [{ code: 'USER_NOT_ELIGIBLE' }] });

  const leaving = await identityDb.user.create({ data: { name: 'Lee Leaving', roles: ['RIDER'] } });
  await eventually(
    () => h.prisma.knownUser.findUnique({ where: { userId: leaving.id } }),
    (row) => row !== null,
  );
  await identityDb.user.update({ where: { id: leaving.id }, data: { active: false } });
  await eventually(
    () => h.prisma.knownUser.findUnique({ where: { userId: leaving.id } }),
    (row) => row?.active === false,
  );
  expect(await createProfile(leaving.id, fleet.id, 'EV-1003')).toEqual({ driver: null, userErrors: [{ code: 'USER_NOT_ELIGIBLE' }] });

  // identity wrote exactly one event per change, in the transaction of the change; a name change is no user.changed.
  await identityDb.user.update({ where: { id: promoted.id }, data: { name: 'Pat Renamed' } });
  // (Only the account events: identity also writes user.contact.changed for notifications and user.name.changed,
  // tested in user-name-events.test.ts.)
  const events = await identityDb.outboxEvent.findMany({
    where: { payload: { path: ['userId'], equals: promoted.id }, type: { in: ['user.registered', 'user.changed'] } },
    orderBy: { occurredAt: 'asc' },
  });
  expect(events.map((e) => [e.type, e.payload])).toEqual([
    [
      'user.registered',
      {
        userId: promoted.id,
        roles: ['RIDER'],
        active: true,
        referralCode: null,
        referrerUserId: null,
        occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      },
    ],
    ['user.changed', { userId: promoted.id, roles: ['OPERATIONS'], active: true, occurredAt: expect.any(String) }],
  ]);
});

test('a late user.registered never overwrites a newer roles change; a redelivered event changes nothing', async () => {
  const userId = randomUUID();
  const envelope = (type: 'user.registered' | 'user.changed', roles: ('RIDER' | 'OPERATIONS')[], occurredAt: string): AnyEventEnvelope => ({
    id: randomUUID(),
    type,
    source: 'identity',
    occurredAt,
    payload: { userId, roles, active: true, occurredAt },
  });
  const changed = envelope('user.changed', ['OPERATIONS'], '2026-12-01T10:00:01.000Z');
  await h.deps.events.append([changed, envelope('user.registered', ['RIDER'], '2026-12-01T10:00:00.000Z'), changed]);
  await h.deps.events.append([envelope('user.changed', ['RIDER'], '2026-12-01T09:00:00.000Z')]);
  const marker = randomUUID();
  await h.deps.events.append([
    {
      id: randomUUID(),
      type: 'user.registered',
      source: 'identity',
      occurredAt: '2026-12-01T10:00:00.000Z',
      payload: { userId: marker, roles: [], active: true, occurredAt: '2026-12-01T10:00:00.000Z' },
    },
  ]);
  // Events of one consumer are handled in order: once the marker is known, everything before it was applied.
  await eventually(
    () => h.prisma.knownUser.findUnique({ where: { userId: marker } }),
    (row) => row !== null,
  );
  expect(await h.prisma.knownUser.findUnique({ where: { userId } })).toMatchObject({ roles: ['OPERATIONS'], rolesAt: new Date('2026-12-01T10:00:01.000Z') });
});
