// `npm start` seeds the demo city into its PGlite folder once per version of the seed, not on every start. The seed
// is idempotent, but finding every row already there cost 1.5–3 s of a warm start (bench/results/start.md). The
// folder's database remembers a fingerprint of what seeded it — the demo dataset, the seed code and the migrations —
// and the same fingerprint skips the seed. Any change to them (a new demo row, a seed fix, a migration) seeds again.
// A database given by DATABASE_URL is seeded on every start as before: it may be shared or reset from outside.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { buildDemoDataset } from '../../platform/demo/index.js';
import type { DatabaseTarget } from '../../platform/db/index.js';
import { repoRoot, SUBGRAPHS } from '../../subgraphs/registry.js';
import { seedDemoCity } from './seed-demo-city.js';

/** The embedded runner's own bookkeeping, outside every subgraph's schema. */
const MARKER_TABLE = 'public.embedded_demo_seed';

/** The source files whose change must seed again, relative to the repository root. */
function seedSources(): string[] {
  const files = ['embedded/src/seed-demo-city.ts', ...readdirSync(join(repoRoot, 'platform/demo')).map((file) => `platform/demo/${file}`)];
  for (const { name } of SUBGRAPHS) files.push(`subgraphs/${name}/src/seed.ts`);
  return files.sort();
}

/** sha256 of the demo dataset, the seed sources and every subgraph's migration names. */
export function demoSeedFingerprint(): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(buildDemoDataset()));
  for (const file of seedSources()) hash.update(`\0${file}\0`).update(readFileSync(join(repoRoot, file)));
  for (const { name } of SUBGRAPHS)
    hash.update(
      `\0${name}\0${readdirSync(join(repoRoot, 'subgraphs', name, 'prisma', 'migrations'))
        .sort()
        .join(',')}`,
    );
  return hash.digest('hex');
}

/**
 * Seeds the demo city unless this PGlite database was seeded with the same fingerprint. The marker is written after
 * the seed succeeded, so an interrupted seed runs again next time.
 */
export async function seedDemoCityOnce(pglite: PGlite, target: DatabaseTarget, fingerprint = demoSeedFingerprint()): Promise<'seeded' | 'already seeded'> {
  await pglite.exec(`create table if not exists ${MARKER_TABLE} (fingerprint text primary key, seeded_at timestamptz not null default now())`);
  const { rows } = await pglite.query(`select 1 from ${MARKER_TABLE} where fingerprint = $1`, [fingerprint]);
  if (rows.length > 0) return 'already seeded';
  await seedDemoCity(target);
  await pglite.query(`insert into ${MARKER_TABLE} (fingerprint) values ($1) on conflict do nothing`, [fingerprint]);
  return 'seeded';
}
