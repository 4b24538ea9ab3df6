// SIGTERM on a real process: a subgraph with REDIS_URL (open Redis connections keep its event loop alive) and the
// gateway must finish their graceful shutdown and exit 0 well within a container's 10 s grace period. Each runs
// from source as its own process (test/support/run-ts.mjs) with NODE_ENV=development: under NODE_ENV=test Apollo
// Server installs no signal handler of its own, and that handler is what used to hang the shutdown for 15 s.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { createTestDatabase, testRedisUrl, type TestDatabase } from '../platform/testing/index.js';
import { repoRoot } from '../subgraphs/registry.js';

/** The container grace period (10 s) minus a margin: a correctness limit, not a speed goal. */
const EXIT_BOUND_MS = 8_000;

let db: TestDatabase;
/** The subgraph's event streams and consumer groups live under it; removed afterwards. */
const prefix = `test:shutdown:${randomBytes(4).toString('hex')}:`;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db?.drop();
  const redis = new Redis(testRedisUrl());
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

interface Started {
  child: ChildProcess;
  output: () => string;
}

/** Starts `entry` and resolves once it logs `listening`; rejects when it exits first. Start-up time is not measured. */
function startProcess(entry: string, env: NodeJS.ProcessEnv): Promise<Started> {
  const child = spawn(process.execPath, ['--import', './test/support/run-ts.mjs', entry], {
    cwd: repoRoot,
    // Jest's NODE_OPTIONS (--experimental-vm-modules) is not wanted in the child.
    // JSON lines (development's default is pretty) so the log can be read; no metrics port to collide with other tests.
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      METRICS_PORT: '0',
      PORT: '0',
      HOST: '127.0.0.1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => (output += chunk.toString('utf8'));
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`${entry} exited (${code}) before listening:\n${output}`));
    child.once('exit', onExit);
    const watch = () => {
      if (!/"msg":"[^"]*listening"/.test(output)) return;
      child.stdout?.off('data', watch);
      child.off('exit', onExit);
      resolve({ child, output: () => output });
    };
    child.stdout?.on('data', watch);
  });
}

/** Sends SIGTERM and waits (at most 20 s, then SIGKILL) for the exit. */
function terminate(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; elapsedMs: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', (code, signal) => {
      clearTimeout(killer);
      resolve({ code, signal, elapsedMs: Date.now() - started });
    });
    child.kill('SIGTERM');
  });
}

test('a subgraph with REDIS_URL exits 0 within the grace period on SIGTERM', async () => {
  const { child, output } = await startProcess('subgraphs/payments/src/index.ts', {
    DATABASE_URL: db.url,
    REDIS_URL: testRedisUrl(),
    PUBSUB_PREFIX: prefix,
    AUTH_JWKS_URL: 'http://127.0.0.1:9/.well-known/jwks.json', // never fetched: no request carries a token
  });
  const exit = await terminate(child);
  expect({ code: exit.code, signal: exit.signal }).toEqual({ code: 0, signal: null });
  expect(exit.elapsedMs).toBeLessThan(EXIT_BOUND_MS);
  expect(output()).toMatch(/"msg":"shutting down"/);
  expect(output()).not.toMatch(/shutdown timed out/);
}, 120_000);

test('the gateway exits 0 within the grace period on SIGTERM', async () => {
  const { child, output } = await startProcess('gateway/src/index.ts', {
    REDIS_URL: testRedisUrl(),
    AUTH_JWKS_URL: 'http://127.0.0.1:9/.well-known/jwks.json',
  });
  const exit = await terminate(child);
  expect({ code: exit.code, signal: exit.signal }).toEqual({ code: 0, signal: null });
  expect(exit.elapsedMs).toBeLessThan(EXIT_BOUND_MS);
  expect(output()).not.toMatch(/shutdown timed out/);
}, 120_000);
