// The slim user read behind every User entity fetch (`me`, `user`, `_entities`, audit actors): one statement text
// whatever the number of ids, the same values Prisma's full read gives for every field GraphQL shows — nulls,
// enum arrays and uuid arrays included — on PostgreSQL and on PGlite, and never the password hash.
import type { PGlite } from '@electric-sql/pglite';
import { migrateSubgraphs, openEmbeddedPostgres, type DatabaseTarget } from '../../../platform/db/index.js';
import { ENTITIES_QUERY } from '../../../platform/testing/index.js';
import { openIdentityDatabase, type IdentityPrisma } from '../src/store/database.js';
import type { User } from '../src/store/prisma/client.js';
import { userDisplaysByIds } from '../src/store/user-display.js';
import { createUserStore } from '../src/store/user-store.js';
import { newEmail, newPhone, startHarness, type Harness } from './harness.js';

let h: Harness;
let pglite: PGlite;
let embedded: IdentityPrisma;
const statements: string[] = [];

beforeAll(async () => {
  h = await startHarness({ onStatement: (sql) => statements.push(sql) });
  pglite = await openEmbeddedPostgres();
  const target: DatabaseTarget = { kind: 'pglite', pglite };
  await migrateSubgraphs(target);
  embedded = openIdentityDatabase(target);
}, 60_000);

afterAll(async () => {
  await embedded?.$disconnect();
  await pglite?.close();
  await h?.stop();
});

/** A user with every optional column null, and one with every column set (two roles, two fleets, a password). */
async function createBoth(prisma: IdentityPrisma): Promise<[User, User]> {
  const bare = await prisma.user.create({ data: { name: 'Bare User', roles: ['RIDER'] } });
  const full = await prisma.user.create({
    data: {
      name: 'Full User',
      roles: ['RIDER', 'FLEET_MANAGER'],
      phone: newPhone(),
      phoneVerifiedAt: new Date('2026-01-02T03:04:05.678Z'),
      email: newEmail('display'),
      emailVerifiedAt: new Date('2026-02-03T04:05:06.789Z'),
      passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
      fleetIds: ['8f9f2f8e-6c1b-4c47-9a43-1b2f0f6b0a01', '8f9f2f8e-6c1b-4c47-9a43-1b2f0f6b0a02'],
      active: false,
      avatarUrl: 'https://img.example/full.png',
      locale: 'en-GB',
      timeZone: 'Europe/Paris',
      referredByUserId: bare.id,
    },
  });
  return [bare, full];
}

/** The full row less what no User field shows: the slim read must give exactly this. */
const shown = ({ passwordHash: _hash, updatedAt: _updated, referredByUserId: _referrer, ...rest }: User) => rest;

describe.each([
  ['PostgreSQL', () => h.prisma],
  ['PGlite', () => embedded],
])('on %s', (_name, prismaOf) => {
  test('the slim read gives what Prisma read, field for field (nulls, enum and uuid arrays), and nothing else', async () => {
    const prisma = prismaOf();
    const [bare, full] = await createBoth(prisma);
    const unknown = '00000000-0000-4000-8000-0000000000ff';
    const before = await prisma.user.findMany({ where: { id: { in: [bare.id, full.id] } } });
    const slim = await createUserStore(prisma).findDisplaysByIds([full.id, unknown, bare.id]);
    const byId = <Row extends { id: string }>(rows: Row[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(slim)).toEqual(byId(before).map(shown));
    expect(slim.every((row) => !('passwordHash' in row))).toBe(true);
    expect(slim.find((row) => row.id === bare.id)).toMatchObject({ email: null, phone: null, avatarUrl: null, fleetIds: [], roles: ['RIDER'] });
    expect(full.referralCode).toMatch(/^[A-Z2-9]{8}$/);
  });
});

test('the statement names its columns, never password_hash, and is one text for any number of ids', () => {
  const { statement } = userDisplaysByIds;
  expect(statement).not.toMatch(/password|\*/i);
  expect(statement).toMatch(/where id = any\(\$1::uuid\[\]\)$/);
});

test('User entity fetches and `me` send only the slim statement: one per batch, never password_hash', async () => {
  const users = await Promise.all([0, 1, 2].map((i) => h.createUser({ roles: ['RIDER'], name: `Display ${i}`, passwordHash: 'not-a-real-hash' })));
  const token = await h.tokenFor(users[0]!);
  statements.length = 0;
  const entities = await h.execute(
    ENTITIES_QUERY('... on User { id name }'),
    { representations: users.map((u) => ({ __typename: 'User', id: u.id })) },
    { token },
  );
  expect(entities.errors).toBeUndefined();
  expect(entities.data?._entities).toEqual(users.map((u) => ({ id: u.id, name: u.name })));
  const me = await h.execute(
    '{ me { id name roles createdAt active phone email emailVerified managedFleetIds avatarUrl locale timeZone referralCode } }',
    {},
    { token },
  );
  expect(me.errors).toBeUndefined();
  expect(me.data?.me).toMatchObject({ id: users[0]!.id, name: 'Display 0', roles: ['RIDER'], active: true, email: null, managedFleetIds: [] });
  expect(statements).toEqual([userDisplaysByIds.statement, userDisplaysByIds.statement]);
  expect(statements.some((sql) => /password_hash/.test(sql))).toBe(false);
});

test('Fleet.managers reads the managers without password_hash', async () => {
  const fleetId = '8f9f2f8e-6c1b-4c47-9a43-1b2f0f6b0aff';
  const manager = await h.createUser({ roles: ['FLEET_MANAGER'], name: 'Display Manager', fleetIds: [fleetId], passwordHash: 'not-a-real-hash' });
  const staff = await h.createUser({ roles: ['OPERATIONS'] });
  statements.length = 0;
  const result = await h.execute(
    ENTITIES_QUERY('... on Fleet { managers { id name } }'),
    { representations: [{ __typename: 'Fleet', id: fleetId }] },
    { token: await h.tokenFor(staff) },
  );
  expect(result.errors).toBeUndefined();
  expect(result.data?._entities).toEqual([{ managers: [{ id: manager.id, name: 'Display Manager' }] }]);
  expect(statements).toHaveLength(1);
  expect(statements[0]).not.toMatch(/password_hash/);
});
