// Builds the Prisma driver adapter for one subgraph: its own PostgreSQL schema namespace, on a server or PGlite.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { SqlDriverAdapterFactory, SqlQuery } from '@prisma/driver-adapter-utils';
import type { PGlite } from '@electric-sql/pglite';
import type { DatabaseTarget } from './target.js';
import { observeStatements, type StatementListener } from './statement-observer.js';
import { createStatementNamer, preparedStatementsAllowed } from './statement-names.js';
import { traceStatements } from '../tracing/sql.js';
import { addDbPool, startQueryTimer, type PoolCounts } from '../metrics/index.js';

export interface PrismaAdapterOptions {
  /** Max pooled connections to a PostgreSQL server (per subgraph per process). Default 10. Ignored for PGlite. */
  poolSize?: number;
  /** Called with every SQL statement sent (counting in tests, metrics). */
  onStatement?: StatementListener;
}

export function createPrismaAdapter(target: DatabaseTarget, schema: string, options: PrismaAdapterOptions = {}): SqlDriverAdapterFactory {
  const factory = traceStatements(
    target.kind === 'postgres'
      ? withPoolMetrics(
          new PrismaPg(
            { connectionString: target.url, max: options.poolSize ?? 10 },
            // Named statements: each text prepared once per connection (statement-names.ts). The adapter's type says
            // a name is always given; it passes the result to node-postgres as is, where undefined means unnamed.
            { schema, ...(preparedStatementsAllowed(target.url) && { statementNameGenerator: createStatementNamer() as (query: SqlQuery) => string }) },
          ),
        )
      : pgliteAdapter(target.pglite, schema),
    schema,
  );
  const { onStatement } = options;
  // Every statement is timed for the metrics (ridegraph_db_query_duration_seconds) and reported to onStatement.
  return observeStatements(factory, (sql) => {
    onStatement?.(sql);
    return startQueryTimer();
  });
}

/** Counts the pg pool's connections in the metrics while the adapter is connected. */
function withPoolMetrics(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const adapter = await factory.connect();
      // PrismaPg's adapter hands out its pg.Pool (not part of the driver adapter interface).
      const pool = ((adapter as { underlyingDriver?: () => unknown }).underlyingDriver?.() ?? {}) as Partial<PoolCounts>;
      if (typeof pool.totalCount !== 'number') return adapter;
      const forget = addDbPool(pool as PoolCounts);
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        forget();
        await dispose();
      };
      return adapter;
    },
  };
}

// pglite-prisma-adapter 0.7 reads `options.schema` on the adapter but its factory never sets it, so Prisma
// would query `public.*`. Setting it on the connected adapter makes generated SQL use the subgraph's schema.
function pgliteAdapter(pglite: PGlite, schema: string): SqlDriverAdapterFactory {
  const factory = new PrismaPGlite(pglite);
  return {
    provider: 'postgres',
    adapterName: factory.adapterName,
    async connect() {
      const adapter = await factory.connect();
      (adapter as unknown as { options: { schema: string } }).options = { schema };
      const queryRaw = adapter.queryRaw.bind(adapter);
      const executeRaw = adapter.executeRaw.bind(adapter);
      adapter.queryRaw = (query) => queryRaw(withEnumListsAsLiterals(query));
      adapter.executeRaw = (query) => executeRaw(withEnumListsAsLiterals(query));
      return adapter;
    },
  };
}

/**
 * PGlite serialises a list parameter of a type it has no serialiser for — an enum array such as identity's `Role[]`
 * in `roles: { has: 'RIDER' }` (`"roles" @> $1`) — with String(), sending `RIDER` where PostgreSQL wants an array
 * literal ("malformed array literal"). Lists of enum values are sent as the literal itself, `{"RIDER"}`, which
 * PostgreSQL parses with the parameter's inferred type. (node-postgres does the same for every array.)
 */
function withEnumListsAsLiterals<Q extends { args: unknown[]; argTypes: readonly { arity: string; scalarType: string }[] }>(query: Q): Q {
  if (!query.argTypes.some((type) => type.arity === 'list' && type.scalarType === 'enum')) return query;
  const args = query.args.map((value, i) => {
    const type = query.argTypes[i];
    return type?.arity === 'list' && type.scalarType === 'enum' && Array.isArray(value) ? arrayLiteral(value) : value;
  });
  return { ...query, args };
}

function arrayLiteral(values: readonly unknown[]): string {
  const element = (value: unknown) => (value === null || value === undefined ? 'NULL' : `"${String(value).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`);
  return `{${values.map(element).join(',')}}`;
}
