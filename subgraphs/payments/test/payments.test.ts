// payments in-process: User.wallet through _entities (what the gateway sends), Money range safety, batching, seed.
import { randomUUID } from 'node:crypto';
import { buildDemoDataset } from '../../../platform/demo/index.js';
import type { Role } from '../../../platform/auth/index.js';
import {
  createTestAuth,
  createTestDatabase,
  startInProcess,
  ENTITIES_QUERY,
  type InProcessSubgraph,
  type TestAuth,
  type TestDatabase,
  testSubgraphDeps,
} from '../../../platform/testing/index.js';
import { seedPayments } from '../src/seed.js';
import { buildPaymentsSubgraph } from '../src/server.js';
import { IntOutOfRangeError } from '../../../platform/graphql/index.js';
import { toMoney } from '../src/services/money.js';
import { openPaymentsDatabase, type PaymentsPrisma } from '../src/store/database.js';

let db: TestDatabase;
let prisma: PaymentsPrisma;
let subgraph: InProcessSubgraph;
let testAuth: TestAuth;
const statements: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = openPaymentsDatabase(db.target);
  testAuth = await createTestAuth();
  // Operations staff may read any user's data; the ownership tests below send other viewers.
  subgraph = await startInProcess(await buildPaymentsSubgraph(await testSubgraphDeps(db.target, (sql) => statements.push(sql), testAuth)), {
    headers: await testAuth.headersFor({ userId: randomUUID(), roles: ['OPERATIONS'] }),
  });
});

afterAll(async () => {
  await subgraph?.stop();
  await prisma?.$disconnect();
  await db?.drop();
});

interface WalletResult {
  wallet: { id: string; balance: { amountMinor: number; currency: string }; updatedAt: string } | null;
}

const WALLET_SELECTION = '... on User { wallet { id balance { amountMinor currency } updatedAt } }';
const users = (ids: string[]) => ids.map((id) => ({ __typename: 'User', id }));

function createWallet(balanceMinor: bigint, userId = randomUUID()) {
  return prisma.wallet.create({ data: { userId, balanceMinor, currency: 'USD' } });
}

test('_entities resolves User.wallet in representation order; null without a wallet row or for a malformed id', async () => {
  const rich = await createWallet(12_345n);
  const empty = await createWallet(0n);
  const withoutWallet = randomUUID();
  const result = await subgraph.execute<{ _entities: WalletResult[] }>(ENTITIES_QUERY(WALLET_SELECTION), {
    representations: users([empty.userId, withoutWallet, rich.userId, 'not-a-uuid']),
  });
  expect(result.errors).toBeUndefined();
  expect(result.data?._entities).toEqual([
    { wallet: { id: empty.id, balance: { amountMinor: 0, currency: 'USD' }, updatedAt: empty.updatedAt.toISOString() } },
    { wallet: null },
    { wallet: { id: rich.id, balance: { amountMinor: 12_345, currency: 'USD' }, updatedAt: rich.updatedAt.toISOString() } },
    { wallet: null },
  ]);
});

test('balances at the edges of the GraphQL Int range come back exactly', async () => {
  const top = await createWallet(2_147_483_647n);
  const bottom = await createWallet(-2_147_483_648n);
  const result = await subgraph.execute<{ _entities: WalletResult[] }>(ENTITIES_QUERY(WALLET_SELECTION), {
    representations: users([top.userId, bottom.userId]),
  });
  expect(result.errors).toBeUndefined();
  expect(result.data?._entities.map((e) => e.wallet?.balance.amountMinor)).toEqual([2_147_483_647, -2_147_483_648]);
});

test('a balance beyond the Int range is a masked internal error, never a wrapped or rounded number', async () => {
  const huge = await createWallet(2_147_483_648n);
  const fine = await createWallet(500n);
  const result = await subgraph.execute<{ _entities: WalletResult[] }>(ENTITIES_QUERY(WALLET_SELECTION), {
    representations: users([huge.userId, fine.userId]),
  });
  expect(result.errors).toHaveLength(1);
  expect(result.errors?.[0]).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  expect(result.errors?.[0]?.path).toEqual(['_entities', 0, 'wallet', 'balance']);
  expect(result.data?._entities[0]?.wallet).toBeNull();
  // The failure stays with the wallet it belongs to.
  expect(result.data?._entities[1]?.wallet?.balance.amountMinor).toBe(500);
});

test('toMoney refuses amounts outside the Int range on both sides', () => {
  expect(toMoney(-2_147_483_648n, 'USD')).toEqual({ amountMinor: -2_147_483_648, currency: 'USD' });
  expect(() => toMoney(2n ** 31n, 'USD')).toThrow(IntOutOfRangeError);
  expect(() => toMoney(-(2n ** 31n) - 1n, 'USD')).toThrow(IntOutOfRangeError);
  expect(() => toMoney(2n ** 64n, 'USD')).toThrow(IntOutOfRangeError);
});

test('wallets of 50 users cost the same SELECTs as of 5 (one batch)', async () => {
  const wallets = await Promise.all(Array.from({ length: 50 }, (_, i) => createWallet(BigInt(i))));
  const selectsFor = async (count: number) => {
    statements.length = 0;
    const result = await subgraph.execute<{ _entities: WalletResult[] }>(ENTITIES_QUERY(WALLET_SELECTION), {
      representations: users(wallets.slice(0, count).map((w) => w.userId)),
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities.map((e) => e.wallet?.id)).toEqual(wallets.slice(0, count).map((w) => w.id));
    return statements.filter((sql) => /select/i.test(sql)).length;
  };
  const five = await selectsFor(5);
  const fifty = await selectsFor(50);
  expect(five).toBe(1);
  expect(fifty).toBe(five);
});

test('seeding gives every rider and driver a USD wallet once; a second run writes nothing', async () => {
  const demo = buildDemoDataset();
  const holders = demo.users.filter((u) => u.roles.includes('RIDER') || u.roles.includes('DRIVER'));
  expect(await seedPayments(prisma, demo)).toBe(holders.length);
  expect(await seedPayments(prisma, demo)).toBe(0);
  const seeded = await prisma.wallet.findMany({ where: { userId: { in: holders.map((u) => u.id) } } });
  expect(seeded).toHaveLength(holders.length);
  expect(seeded.every((w) => w.currency === 'USD' && w.balanceMinor >= 0n)).toBe(true);
  const admin = demo.users.find((u) => u.roles.includes('SUPER_ADMIN'));
  expect(await prisma.wallet.count({ where: { userId: admin?.id } })).toBe(0);
});

describe('ownership: wallets of a user are for that user and operations staff', () => {
  const as = async (userId: string, roles: Role[], fleetIds: string[] = []) => ({ headers: await testAuth.headersFor({ userId, roles, fleetIds }) });
  const errorCodes = (errors: readonly { extensions?: Record<string, unknown> }[] | undefined) => errors?.map((e) => e.extensions?.code);

  test('the user themself and SUPER_ADMIN read them; another rider, a driver and a fleet manager are FORBIDDEN; anonymous is UNAUTHENTICATED', async () => {
    const owner = randomUUID();
    const wallet = await createWallet(700n, owner);
    const query = ENTITIES_QUERY('... on User { wallet { id balance { amountMinor } } }');
    const variables = { representations: [{ __typename: 'User', id: owner }] };
    for (const viewer of [await as(owner, ['RIDER']), await as(randomUUID(), ['SUPER_ADMIN'])]) {
      const allowed = await subgraph.execute(query, variables, viewer);
      expect(allowed.errors).toBeUndefined();
      expect(allowed.data?._entities).toEqual([{ wallet: { id: wallet.id, balance: { amountMinor: 700 } } }]);
    }
    for (const [userId, roles, fleetIds] of [
      [randomUUID(), ['RIDER'], []],
      [randomUUID(), ['DRIVER'], []],
      [randomUUID(), ['FLEET_MANAGER'], [randomUUID()]],
    ] as [string, Role[], string[]][]) {
      const refused = await subgraph.execute(query, variables, await as(userId, roles, fleetIds));
      expect(new Set(errorCodes(refused.errors))).toEqual(new Set(['FORBIDDEN']));
      expect(refused.data?._entities).toEqual([{ wallet: null }]);
    }
    const anonymous = await subgraph.execute(query, variables, { headers: {} });
    expect(new Set(errorCodes(anonymous.errors))).toEqual(new Set(['UNAUTHENTICATED']));
  });
});
