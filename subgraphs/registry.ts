// The subgraphs this repository contains, with where their files live. Pure data: importing it boots nothing.
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { readFileSync } from 'node:fs';

export type SubgraphName = 'identity' | 'fleet' | 'trips' | 'payments' | 'gamification' | 'notifications';

export interface SubgraphInfo {
  /** Service name in the supergraph, and the PostgreSQL schema its tables live in. */
  readonly name: SubgraphName;
  /** Port it listens on when run alone or embedded (overridable per process). */
  readonly port: number;
  /** Absolute path of the subgraph's folder (`subgraphs/<name>`), valid from source and from dist/. */
  readonly dir: string;
  readonly schemaFile: string;
  readonly prismaSchemaFile: string;
  readonly migrationsDir: string;
}

/** Repository root, found from this file whether it runs as `subgraphs/registry.ts` or `dist/subgraphs/registry.js`. */
export const repoRoot = findRepoRoot(dirname(fileURLToPath(import.meta.url)));

function findRepoRoot(from: string): string {
  const up = join(from, '..');
  return up.endsWith('/dist') ? join(up, '..') : up;
}

const registry = JSON.parse(readFileSync(join(repoRoot, 'subgraphs', 'registry.json'), 'utf8')) as {
  subgraphs: { name: SubgraphName; port: number }[];
};

export const SUBGRAPHS: readonly SubgraphInfo[] = registry.subgraphs.map(({ name, port }) => {
  const dir = join(repoRoot, 'subgraphs', name);
  return {
    name,
    port,
    dir,
    schemaFile: join(dir, 'schema.graphql'),
    prismaSchemaFile: join(dir, 'prisma', 'schema.prisma'),
    migrationsDir: join(dir, 'prisma', 'migrations'),
  };
});

export function subgraphInfo(name: SubgraphName): SubgraphInfo {
  const info = SUBGRAPHS.find((s) => s.name === name);
  if (!info) throw new Error(`unknown subgraph "${name}"`);
  return info;
}
