// The embedded runner's PGlite folder is seeded once per demo-seed fingerprint: the same fingerprint skips the seed
// (warm starts), another one (a changed dataset, seed or migration) seeds again. In-memory PGlite, every subgraph
// migrated.
import type { PGlite } from '@electric-sql/pglite';
import { migrateSubgraphs, openEmbeddedPostgres, type DatabaseTarget } from '../../platform/db/index.js';
import { demoSeedFingerprint, seedDemoCityOnce } from '../src/demo-seed-once.js';

let pglite: PGlite;
let target: DatabaseTarget;

beforeAll(async () => {
  pglite = await openEmbeddedPostgres();
  target = { kind: 'pglite', pglite };
  await migrateSubgraphs(target);
}, 180_000);

afterAll(async () => {
  await pglite?.close();
});

const demoUsers = async () => Number((await pglite.query<{ n: number }>('select count(*)::int as n from identity.users')).rows[0]!.n);

test('the fingerprint is stable and names the seed: dataset, seed sources and migrations', () => {
  expect(demoSeedFingerprint()).toMatch(/^[0-9a-f]{64}$/);
  expect(demoSeedFingerprint()).toBe(demoSeedFingerprint());
});

test('seeded once per fingerprint; another fingerprint seeds again (idempotently)', async () => {
  expect(await seedDemoCityOnce(pglite, target, 'fingerprint-a')).toBe('seeded');
  const users = await demoUsers();
  expect(users).toBeGreaterThan(0);
  expect(await seedDemoCityOnce(pglite, target, 'fingerprint-a')).toBe('already seeded');
  expect(await seedDemoCityOnce(pglite, target, 'fingerprint-b')).toBe('seeded');
  expect(await demoUsers()).toBe(users);
  const markers = await pglite.query<{ fingerprint: string }>('select fingerprint from public.embedded_demo_seed order by fingerprint');
  expect(markers.rows.map((row) => row.fingerprint)).toEqual(['fingerprint-a', 'fingerprint-b']);
}, 180_000);
