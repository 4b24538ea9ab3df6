#!/usr/bin/env node
// Generates each subgraph's Prisma client (committed under subgraphs/<name>/src/store/prisma). With --check,
// regenerates in place and exits 1 when the committed client differed (CI runs it on a fresh clone).
// Generation uses Prisma's bundled WebAssembly; the CLI still insists on a schema engine binary path when its
// download host is unreachable, so point it at any existing file unless the caller set one.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const { subgraphs } = JSON.parse(readFileSync(join(root, 'subgraphs/registry.json'), 'utf8'));
const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: '1' };
const prismaBin = join(root, 'node_modules/.bin/prisma');

const stale = [];
for (const { name } of subgraphs) {
  const dir = join(root, 'subgraphs', name);
  const output = join(dir, 'src/store/prisma');
  // --check regenerates in place and compares: the committed client must equal what the schema generates.
  const before = check ? snapshot(output) : '';
  execFileSync(prismaBin, ['generate', '--config', 'prisma.config.ts'], { cwd: dir, env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (check && snapshot(output) !== before) stale.push(name);
  if (!check) console.log(`generated ${relative(root, output)}`);
}
if (stale.length) {
  console.error(`Prisma clients are stale for: ${stale.join(', ')}. Run \`npm run prisma:generate\` and commit the result.`);
  process.exit(1);
}
if (check) console.log('Prisma clients are up to date');

function snapshot(folder) {
  const files = [];
  const walk = (d) => {
    for (const entry of readdirSync(d)) {
      const p = join(d, entry);
      if (statSync(p).isDirectory()) walk(p);
      else files.push(`${relative(folder, p)}\n${readFileSync(p, 'utf8')}`);
    }
  };
  try {
    walk(folder);
  } catch {
    return '';
  }
  return files.sort().join('\n\0\n');
}
