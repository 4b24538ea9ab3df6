// `npm run secrets:generate [-- --force] [-- --out FILE]`: writes every secret the compose stack needs, freshly
// generated, to .env (which docker compose reads and git ignores). Refuses to replace an existing file without
// --force: PAYMENTS_DATA_KEY and AUTH_SIGNING_JWKS in it may already protect data and sessions.
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generateEnvFile, SECRETS } from '../deploy/secrets.js';
import { repoRoot } from '../subgraphs/registry.js';

const args = process.argv.slice(2);
const force = args.includes('--force');
const outIndex = args.indexOf('--out');
const out = outIndex >= 0 && args[outIndex + 1] ? resolve(args[outIndex + 1] as string) : resolve(repoRoot, '.env');

if (existsSync(out) && !force) {
  console.error(`${out} exists: not replaced (its keys may already encrypt data). Use --force to write new secrets anyway.`);
  process.exit(1);
}
writeFileSync(out, await generateEnvFile(), { mode: 0o600 });
console.log(`wrote ${SECRETS.length} secrets to ${out}: ${SECRETS.map((s) => s.name).join(', ')}`);
