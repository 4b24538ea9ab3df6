#!/usr/bin/env node
// `npm start`: brings dist/ up to date for the embedded runner (scripts/start-build.mjs: transpile only, only the
// modules it loads, only what changed), then runs it in this process. Type errors do not stop it: `npm run typecheck`
// (and CI) reports them. Arguments after `npm start --` reach the runner as they did before.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildForStart } from './start-build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const started = performance.now();
let build;
try {
  build = await buildForStart(root, 'embedded/src/index.ts');
} catch (error) {
  console.error(`npm start: could not build dist/ for the embedded runner:\n${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const ms = Math.round(performance.now() - started);
// One line in the format the runner's own logs use (LOG_FORMAT; JSON in production), read by `npm run bench:start`.
const json = (process.env.LOG_FORMAT ?? (process.env.NODE_ENV === 'production' ? 'json' : 'pretty')) === 'json';
if (json) {
  // CPU: this process's so far (Node's boot, this script, waiting on esbuild; not esbuild's own process).
  const { user, system } = process.cpuUsage();
  const startBuild = {
    ms,
    doneAtMs: Math.round(performance.now()),
    cpuMs: Math.round((user + system) / 1000),
    modules: build.modules,
    transpiled: build.transpiled,
  };
  console.log(JSON.stringify({ level: 30, time: Date.now(), mode: 'embedded', startBuild, msg: 'dist/ up to date for npm start' }));
} else {
  console.log(
    `dist/ up to date for npm start in ${ms} ms: ${build.transpiled} of ${build.modules} modules transpiled (no type check; npm run typecheck does that)`,
  );
}
await import(pathToFileURL(build.output).href);
