// identity in-process: root field, _entities resolution (what the gateway sends), batching of lookups.
import { createTestDatabase, startInProcess, ENTITIES_QUERY, type InProcessSubgraph, type TestDatabase, testSubgraphDeps } from '../../../platform/testing/index.js';
import { buildIdentitySubgraph } from '../src/server.js';
import { openIdentityDatabase, type IdentityPrisma } from '../src/store/database.js';

let db: TestDatabase;
let prisma: IdentityPrisma;
let subgraph: InProcessSubgraph;
const statements: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = openIdentityDatabase(db.target);
  subgraph = await startInProcess(
    await buildIdentitySubgraph(await testSubgraphDeps(db.target, (sql) => statements.push(sql))),
  );
});

afterAll(async () => {
  await subgraph?.stop();
  await prisma?.$disconnect();
  await db?.drop();
});

let sequence = 0;
async function createUsers(count: number) {
  const users = Array.from({ length: count }, () => {
    const n = ++sequence;
    return { name: `Rider ${n}`, phone: `+1555123${String(n).padStart(4, '0')}`, roles: ['RIDER' as const] };
  });
  return Promise.all(users.map((data) => prisma.user.create({ data })));
}

test('user(id) returns the stored user, and null for an unknown id', async () => {
  const [ada] = await createUsers(1);
  const found = await subgraph.execute<{ user: { id: string; name: string; roles: string[]; createdAt: string } }>(
    'query ($id: ID!) { user(id: $id) { id name roles createdAt } }',
    { id: ada!.id },
  );
  expect(found.errors).toBeUndefined();
  expect(found.data?.user).toEqual({ id: ada!.id, name: ada!.name, roles: ['RIDER'], createdAt: ada!.createdAt.toISOString() });

  const missing = await subgraph.execute('query { user(id: "00000000-0000-4000-8000-000000000000") { id } }');
  expect(missing.data?.user).toBeNull();
});

test('_entities resolves User references in order, null for unknown ids, in one SQL statement', async () => {
  const created = await createUsers(5);
  const unknown = '00000000-0000-4000-8000-000000000001';
  const representations = [...created.map((u) => ({ __typename: 'User', id: u.id })).reverse(), { __typename: 'User', id: unknown }];
  statements.length = 0;
  const result = await subgraph.execute<{ _entities: ({ id: string; name: string } | null)[] }>(
    ENTITIES_QUERY('... on User { id name }'),
    { representations },
  );
  expect(result.errors).toBeUndefined();
  expect(result.data?._entities).toEqual([...created.map((u) => ({ id: u.id, name: u.name })).reverse(), null]);
  expect(statements.filter((sql) => /select/i.test(sql))).toHaveLength(1);
});
