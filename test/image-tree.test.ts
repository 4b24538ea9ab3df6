// The production image without a Docker engine: scripts/image-tree.mjs replays the Dockerfile (its `npm ci
// --omit=dev …` and COPY lines) into a folder, and this test checks that folder — no dev tool installed, every
// package a runtime file imports present, a non-root user, a health check — then runs the migrate job and every
// service from it with docker-compose.yml's own environment (NODE_ENV=production, secrets from
// `npm run secrets:generate`) against the test PostgreSQL and Redis, until the gateway is ready.
// Needs dist/ (`npm run build`; CI builds before testing). Takes a minute or two: npm ci runs once.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { builtinModules } from 'node:module';
import pg from 'pg';
import { Redis } from 'ioredis';
import { generateEnvFile, parseEnvFile } from '../deploy/secrets.js';
import { testDatabaseServerUrl, testRedisUrl } from '../platform/testing/index.js';
import { repoRoot, SUBGRAPHS } from '../subgraphs/registry.js';
import { loadCompose, type ComposeService } from './support/compose-file.js';

/** npm ci of the production dependencies, once, on a 2-core machine that may be busy. */
const BUILD_TIMEOUT_MS = 900_000;

interface ImageSettings {
  user: string;
  env: Record<string, string>;
  cmd: string[];
  healthcheck: { options: string; cmd: string[] } | null;
  stopSignal: string | null;
  workdir: string;
  npmCommands: string[];
}

const tree = mkdtempSync(join(tmpdir(), 'ridegraph-image-tree-'));
let image: ImageSettings;
const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { dev?: boolean; devOptional?: boolean }>;
};

beforeAll(() => {
  if (!existsSync(join(repoRoot, 'dist', 'gateway', 'src', 'index.js'))) throw new Error('dist/ is missing: run `npm run build` before this test');
  const out = execFileSync(process.execPath, ['scripts/image-tree.mjs', tree], { cwd: repoRoot, env: { ...process.env, NODE_OPTIONS: '' }, encoding: 'utf8' });
  image = JSON.parse(out) as ImageSettings;
}, BUILD_TIMEOUT_MS);

afterAll(() => rmSync(tree, { recursive: true, force: true }));

/** Every installed package folder of the tree, as its package-lock key (`node_modules/a/node_modules/@s/b`). */
function installedPackages(dir = join(tree, 'node_modules'), prefix = 'node_modules'): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    if (name.startsWith('.')) return [];
    if (name.startsWith('@')) return installedPackages(join(dir, name), `${prefix}/${name}`).map((p) => p);
    const key = `${prefix}/${name}`;
    return [key, ...installedPackages(join(dir, name, 'node_modules'), `${key}/node_modules`)];
  });
}

test('the image installs production dependencies only: no Prisma CLI, TypeScript, test or lint tools', () => {
  expect(image.npmCommands).toEqual(['npm ci --omit=dev --omit=optional --no-audit --no-fund --ignore-scripts', 'npm rebuild argon2 --build-from-source']);
  // The native addon was compiled in the dependency stage (the shipped prebuilt one crashed here).
  expect(existsSync(join(tree, 'node_modules/argon2/build/Release/argon2.node'))).toBe(true);
  const installed = installedPackages();
  for (const tool of [
    'prisma',
    'typescript',
    'jest',
    'ts-jest',
    'eslint',
    'prettier',
    '@graphql-codegen/cli',
    '@prisma/schema-engine-wasm',
    '@prisma/engines',
  ]) {
    expect(installed).not.toContain(`node_modules/${tool}`);
  }
  // Stronger than the list: nothing the lock file marks as needed by development (alone or as an optional peer).
  const devOnly = installed.filter((key) => lock.packages[key]?.dev || lock.packages[key]?.devOptional);
  expect(devOnly).toEqual([]);
  expect(installed.length).toBeGreaterThan(100);
});

test('the image runs as the unprivileged node user, checks its health with Node, stops on SIGTERM', () => {
  expect(image.user).toBe('node');
  expect(image.env).toEqual({ NODE_ENV: 'production' });
  expect(image.cmd).toEqual(['node', 'dist/gateway/src/index.js']);
  expect(image.healthcheck?.cmd).toEqual(['node', 'dist/scripts/healthcheck.js', '/health']);
  expect(existsSync(join(tree, 'dist/scripts/healthcheck.js'))).toBe(true);
  expect(image.stopSignal).toBe('SIGTERM');
  // Sources, secrets and local data stay out; only compiled code and what the processes read at run time go in.
  expect(readdirSync(tree).sort()).toEqual(['dist', 'node_modules', 'package.json', 'schema', 'subgraphs']);
  expect(readdirSync(join(tree, 'dist')).sort()).toEqual(['embedded', 'gateway', 'platform', 'scripts', 'subgraphs']);
  const sources = listFiles(join(tree, 'dist')).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
  expect(sources).toEqual([]);
  for (const { name } of SUBGRAPHS) {
    expect(readdirSync(join(tree, 'subgraphs', name)).sort()).toEqual(['prisma', 'schema.graphql']);
    expect(readdirSync(join(tree, 'subgraphs', name, 'prisma', 'migrations')).length).toBeGreaterThan(1);
  }
});

test('every package a runtime entry imports (statically or by a literal dynamic import) is installed', () => {
  const entries = [
    'dist/gateway/src/index.js',
    'dist/embedded/src/index.js',
    ...SUBGRAPHS.map(({ name }) => `dist/subgraphs/${name}/src/index.js`),
    'dist/scripts/db-migrate.js',
    'dist/scripts/db-seed.js',
    'dist/scripts/auth-keygen.js',
    'dist/scripts/healthcheck.js',
  ];
  const missing = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (!existsSync(file)) {
      missing.add(relative(tree, file));
      return;
    }
    const code = readFileSync(file, 'utf8');
    // Module statements start a line in tsc's output; a literal dynamic import() may stand anywhere.
    const statements = /^\s*(?:import|export)\b[^;'"]*?\bfrom\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;
    for (const [, a, b, c] of code.matchAll(statements)) {
      const specifier = a ?? b ?? c;
      const spec = specifier as string;
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec));
      else if (!spec.startsWith('node:') && !builtinModules.includes(spec.split('/')[0] as string)) {
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] as string);
        if (!existsSync(join(tree, 'node_modules', name, 'package.json'))) missing.add(`${spec} (imported by ${relative(tree, file)})`);
      }
    }
  };
  for (const entry of entries) visit(join(tree, entry));
  expect([...missing]).toEqual([]);
  expect(seen.size).toBeGreaterThan(200);
});

describe('every service starts from the tree with the compose environment (production mode)', () => {
  const children: ChildProcess[] = [];
  /** What each child printed, for the failure message of one that never becomes ready. */
  const outputs = new Map<ChildProcess, () => string>();
  const prefix = `test:image:${randomBytes(4).toString('hex')}:`;
  const database = `ridegraph_image_${randomBytes(4).toString('hex')}`;
  const server = testDatabaseServerUrl();

  afterAll(async () => {
    await Promise.all(children.map((child) => stop(child)));
    await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    const redis = new Redis(testRedisUrl());
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  }, 120_000);

  test('migrate job, six subgraphs and the gateway; the gateway becomes ready', async () => {
    await admin(`CREATE DATABASE "${database}"`);
    const url = new URL(server);
    url.pathname = `/${database}`;
    const secrets = parseEnvFile(await generateEnvFile());
    const compose = loadCompose(secrets);
    const ports = new Map<string, number>();
    for (const name of ['gateway', ...SUBGRAPHS.map((s) => s.name)]) ports.set(name, await freePort());
    // The compose network's names (postgres, redis, identity:4001 …) become this machine's test services and ports.
    const local = (value: string) =>
      value
        .replace(/^postgresql:\/\/[^@]+@postgres:5432\/ridegraph$/, url.toString())
        .replace(/^redis:\/\/redis:6379$/, testRedisUrl())
        .replace(/http:\/\/([a-z]+):(\d+)/g, (whole, host: string) => (ports.has(host) ? `http://127.0.0.1:${ports.get(host)}` : whole));
    const envOf = (name: string, service: ComposeService) => ({
      PATH: process.env.PATH,
      ...Object.fromEntries(Object.entries(service.environment ?? {}).map(([key, value]) => [key, local(String(value))])),
      PORT: String(ports.get(name) ?? 0),
      HOST: '127.0.0.1',
      PUBSUB_PREFIX: prefix,
      // Another test run may hold the contract's metrics ports on this machine; no collector runs here.
      METRICS_PORT: '0',
      OTEL_SDK_DISABLED: 'true',
      LOG_LEVEL: 'info',
    });

    const migrate = compose.services.migrate as ComposeService;
    expect(migrate.command).toEqual(['sh', '-c', 'node dist/scripts/db-migrate.js && node dist/scripts/db-seed.js']);
    const migrateStarted = Date.now();
    await run(['node', 'dist/scripts/db-migrate.js'], envOf('migrate', migrate));
    const migrateMs = Date.now() - migrateStarted;
    await run(['node', 'dist/scripts/db-seed.js'], envOf('migrate', migrate));
    const seedMs = Date.now() - migrateStarted - migrateMs;

    const started = Date.now();
    const readyAfter: Record<string, number> = {};
    await Promise.all(
      SUBGRAPHS.map(async ({ name }) => {
        const service = compose.services[name] as ComposeService;
        const child = start(service.command as string[], envOf(name, service));
        children.push(child);
        await waitReady(ports.get(name) as number, outputs.get(child));
        readyAfter[name] = Date.now() - started;
      }),
    );
    const gatewayStarted = Date.now();
    const gateway = compose.services.gateway as ComposeService;
    const gatewayChild = start(gateway.command as string[], envOf('gateway', gateway));
    children.push(gatewayChild);
    await waitReady(ports.get('gateway') as number, outputs.get(gatewayChild));
    readyAfter.gateway = Date.now() - gatewayStarted;

    // Production mode: no Sandbox landing page, the terse readiness body.
    const landing = await fetch(`http://127.0.0.1:${ports.get('gateway')}/graphql`, { headers: { accept: 'text/html' } });
    expect(landing.status).not.toBe(200);
    expect(await (await fetch(`http://127.0.0.1:${ports.get('gateway')}/ready`)).json()).toEqual({ ready: true });
    // The image's own health check script answers for the gateway.
    await run(['node', 'dist/scripts/healthcheck.js', '/ready'], { PATH: process.env.PATH, PORT: String(ports.get('gateway')) });

    const bytes = (path: string) => Number(execFileSync('du', ['-sb', path], { encoding: 'utf8' }).split('\t')[0]);
    console.log(
      JSON.stringify({
        treeBytes: bytes(tree),
        nodeModulesBytes: bytes(join(tree, 'node_modules')),
        distBytes: bytes(join(tree, 'dist')),
        packages: installedPackages().length,
        migrateMs,
        seedMs,
        readyMs: readyAfter,
      }),
    );
  }, 600_000);

  async function admin(sql: string) {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }

  function start(command: string[], env: NodeJS.ProcessEnv): ChildProcess {
    const [bin, ...args] = command;
    expect(bin).toBe('node');
    const child = spawn(process.execPath, args, { cwd: tree, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    outputs.set(child, () => output);
    return child;
  }
});

function run(command: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const [, ...args] = command;
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, args, { cwd: tree, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('exit', (code) => (code === 0 ? resolvePromise() : reject(new Error(`${args.join(' ')} exited ${code}:\n${output}`))));
  });
}

/** Generous: on a 2-core machine shared with other test runs a subgraph took 40–60 s to answer at load 35. */
async function waitReady(port: number, output: (() => string) | undefined, timeoutMs = 240_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/ready`, { signal: AbortSignal.timeout(10_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`port ${port}: not ready after ${timeoutMs} ms; the process printed:\n${output?.() ?? ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolveStop();
    });
    child.kill('SIGTERM');
  });
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}
