// Named statements (statement-names.ts): which texts get a name, and that a subgraph's Prisma client on PostgreSQL
// prepares a named text once on its connection and reuses it — read back from the connection's own
// pg_prepared_statements.
import { PrismaClient } from '../../../subgraphs/identity/src/store/prisma/client.js';
import { createTestDatabase, type TestDatabase } from '../../testing/index.js';
import { createPrismaAdapter } from '../prisma-adapter.js';
import { createStatementNamer, preparedStatementsAllowed } from '../statement-names.js';

const query = (sql: string, parameters = 0) => ({ sql, args: Array.from({ length: parameters }, () => 1), argTypes: [] });

describe('createStatementNamer', () => {
  test('one name per text, the same every time; texts with too many parameters and texts past the limit unnamed', () => {
    const name = createStatementNamer({ statements: 2, parameters: 3 });
    expect(name(query('select 1'))).toBe('rg0');
    expect(name(query('select $1', 1))).toBe('rg1');
    expect(name(query('select 1'))).toBe('rg0');
    expect(name(query('select $1, $2, $3, $4', 4))).toBeUndefined();
    expect(name(query('select 2'))).toBeUndefined(); // the table is full
    expect(name(query('select $1', 1))).toBe('rg1'); // names given keep working
  });

  test('pgbouncer=true in the connection string turns names off', () => {
    expect(preparedStatementsAllowed('postgresql://u@db:5432/app')).toBe(true);
    expect(preparedStatementsAllowed('postgresql://u@db:6432/app?pgbouncer=true')).toBe(false);
    expect(preparedStatementsAllowed('postgresql://u@db:6432/app?pgbouncer=false')).toBe(true);
  });
});

describe('a Prisma client on PostgreSQL', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  /** Runs `work` on a client with one pooled connection, then lists that connection's prepared statements. */
  async function preparedAfter(url: string, work: (prisma: PrismaClient) => Promise<unknown>): Promise<{ name: string; statement: string }[]> {
    const prisma = new PrismaClient({ adapter: createPrismaAdapter({ kind: 'postgres', url }, 'identity', { poolSize: 1 }) });
    try {
      await work(prisma);
      return await prisma.$queryRawUnsafe<{ name: string; statement: string }[]>(`select name, statement from pg_prepared_statements order by name`);
    } finally {
      await prisma.$disconnect();
    }
  }

  test('prepares each text once on the connection and names it', async () => {
    const prepared = await preparedAfter(db.url, async (prisma) => {
      for (let i = 0; i < 3; i++) await prisma.$queryRaw`select ${i}::int as n`;
      await prisma.user.findMany({ where: { id: { in: [] } }, select: { id: true } });
    });
    // Three runs of the first text, one of the Prisma read, and the listing itself: three texts, in order of first use.
    expect(prepared.map((p) => p.name)).toEqual(['rg0', 'rg1', 'rg2']);
    expect(prepared[0]!.statement).toBe('select $1::int as n');
    expect(prepared[2]!.statement).toBe('select name, statement from pg_prepared_statements order by name');
  });

  test('with pgbouncer=true nothing is prepared by name', async () => {
    const url = new URL(db.url);
    url.searchParams.set('pgbouncer', 'true');
    const prepared = await preparedAfter(url.toString(), async (prisma) => {
      for (let i = 0; i < 3; i++) await prisma.$queryRaw`select ${i}::int as n`;
    });
    expect(prepared).toEqual([]);
  });
});
