// Where a subgraph's tables live: a PostgreSQL server, or the embedded PGlite shared by the embedded runner.
import type { PGlite } from '@electric-sql/pglite';

export type DatabaseTarget = { readonly kind: 'postgres'; readonly url: string } | { readonly kind: 'pglite'; readonly pglite: PGlite };

export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === 'pglite') return `embedded PGlite (${target.pglite.dataDir ?? 'in memory'})`;
  const url = new URL(target.url);
  return `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`; // never the password
}
