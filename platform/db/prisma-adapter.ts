// Builds the Prisma driver adapter for one subgraph: its own PostgreSQL schema namespace, on a server or PGlite.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { PGlite } from '@electric-sql/pglite';
import type { DatabaseTarget } from './target.js';
import { observeStatements, type StatementListener } from './statement-observer.js';
import { traceStatements } from '../tracing/sql.js';

export interface PrismaAdapterOptions {
  /** Max pooled connections to a PostgreSQL server (per subgraph per process). Default 10. Ignored for PGlite. */
  poolSize?: number;
  /** Called with every SQL statement sent (counting in tests, metrics). */
  onStatement?: StatementListener;
}

export function createPrismaAdapter(target: DatabaseTarget, schema: string, options: PrismaAdapterOptions = {}): SqlDriverAdapterFactory {
  const factory = traceStatements(
    target.kind === 'postgres' ? new PrismaPg({ connectionString: target.url, max: options.poolSize ?? 10 }, { schema }) : pgliteAdapter(target.pglite, schema),
    schema,
  );
  return options.onStatement ? observeStatements(factory, options.onStatement) : factory;
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
      return adapter;
    },
  };
}
