// `npm start`'s own path as a real process: scripts/start.mjs brings dist/ up to date by transpiling only (no tsc),
// then runs the embedded runner from dist/ — PGlite in a fresh folder, migrations, the demo city, six subgraphs and the
// gateway. The other embedded tests boot the same supergraph in-process from source; this one proves the transpiled
// entry point serves a signed-in query across subgraphs on the seeded data, stops cleanly, and that a second start of
// the unchanged tree transpiles nothing and reuses the data. Subgraphs listen on their registry ports (4001–4006), as
// `npm start` does: they must be free.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postGraphQL, readUntil } from '../../platform/testing/index.js';
import { repoRoot } from '../../subgraphs/registry.js';

const OPERATIONS_PHONE = '+15550000003';

interface LogLine {
  msg?: string;
  to?: string;
  text?: string;
  startBuild?: { modules: number; transpiled: number };
  startupMs?: Record<string, number>;
}

interface Started {
  child: ChildProcess;
  url: string;
  lines: LogLine[];
}

let dataDir: string;
/** Started and not yet stopped: killed after the test whatever happened. */
const running = new Set<ChildProcess>();

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'ridegraph-npm-start-'));
});

afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** Runs `node scripts/start.mjs` (what `npm start` runs) and resolves once the gateway says it is running. */
function start(): Promise<Started> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // Jest's --experimental-vm-modules is not wanted in the child; the embedded defaults, not the test servers.
    NODE_OPTIONS: '',
    NODE_ENV: 'development',
    LOG_LEVEL: 'info',
    LOG_FORMAT: 'json',
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    METRICS_PORT: '0',
  };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  const child = spawn(process.execPath, ['scripts/start.mjs'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const lines: LogLine[] = [];
  let output = '';
  let partial = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`scripts/start.mjs exited (${code}) before running:\n${output}`));
    child.once('exit', onExit);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const parts = (partial + chunk.toString('utf8')).split('\n');
      partial = parts.pop() ?? '';
      for (const part of parts) {
        const line = JSON.parse(part) as LogLine;
        lines.push(line);
        const running = /^Ridegraph is running: (\S+)$/.exec(line.msg ?? '');
        if (running?.[1]) {
          child.off('exit', onExit);
          resolve({ child, url: running[1], lines });
        }
      }
    });
  });
}

function stop(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', (code, signal) => {
      clearTimeout(killer);
      resolve({ code, signal });
    });
    child.kill('SIGTERM');
  });
}

async function signIn(started: Started, phone: string): Promise<string> {
  const requested = await postGraphQL(started.url, `mutation($phone: String!) { requestOtp(phone: $phone) { userErrors { code } } }`, { phone });
  expect({ status: requested.status, data: requested.data }).toEqual({ status: 200, data: { requestOtp: { userErrors: [] } } });
  // Written before the answer, but read from the pipe whenever it arrives.
  const sms = await readUntil(
    () => Promise.resolve(started.lines.find((l) => l.msg === 'development SMS' && l.to === phone)),
    (line) => line !== undefined,
    `the development SMS to ${phone}`,
    10_000,
  );
  const code = /code is (\d{6})/.exec(sms?.text ?? '')?.[1];
  if (!code) throw new Error(`no development SMS with a code for ${phone}`);
  const verified = await postGraphQL(
    started.url,
    `mutation($phone: String!, $code: String!) { verifyOtp(phone: $phone, code: $code) { accessToken userErrors { code } } }`,
    {
      phone,
      code,
    },
  );
  expect(verified.data?.verifyOtp.userErrors).toEqual([]);
  return verified.data.verifyOtp.accessToken as string;
}

test('npm start serves the seeded supergraph from the transpiled dist/, and starts again without transpiling', async () => {
  const first = await start();
  let modules: number;
  let token: string;
  try {
    const build = first.lines.find((l) => l.startBuild)?.startBuild;
    expect(build?.modules).toBeGreaterThan(100);
    modules = build!.modules;
    expect(Object.keys(first.lines.find((l) => l.startupMs)?.startupMs ?? {})).toEqual([
      'modules',
      'pglite',
      'migrations',
      'seed',
      'buses+auth',
      'metrics',
      'identity',
      'fleet',
      'trips',
      'payments',
      'gamification',
      'notifications',
      'gateway',
    ]);
    // A fresh folder is seeded; the second start below finds the same seed's fingerprint and skips it.
    expect(first.lines.map((l) => l.msg).filter((msg) => typeof msg === 'string' && msg.startsWith('demo city'))).toEqual([
      'demo city seeded (see README for the demo phone numbers)',
    ]);
    token = await signIn(first, OPERATIONS_PHONE);
    // The trips board: trips, identity (names) and fleet (drivers, vehicles) on the demo city.
    const board = await postGraphQL(
      first.url,
      `{ me { name roles } trips(first: 5) { edges { node { id rider { name } driver { name vehicle { plate } } } } } }`,
      undefined,
      { authorization: `Bearer ${token}` },
    );
    expect(board.errors).toBeUndefined();
    expect(board.data.me).toEqual({ name: 'Olu Operations', roles: ['OPERATIONS'] });
    const edges = board.data.trips.edges as { node: { rider: { name: string }; driver: { name: string; vehicle: { plate: string } } } }[];
    expect(edges).toHaveLength(5);
    for (const { node } of edges) {
      expect(node.rider.name).toMatch(/\S/);
      expect(node.driver.name).toMatch(/\S/);
      expect(node.driver.vehicle.plate).toMatch(/\S/);
    }
  } finally {
    expect(await stop(first.child)).toEqual({ code: 0, signal: null });
  }

  const second = await start();
  try {
    expect(second.lines.find((l) => l.startBuild)?.startBuild).toMatchObject({ modules, transpiled: 0 });
    expect(second.lines.map((l) => l.msg).filter((msg) => typeof msg === 'string' && msg.startsWith('demo city'))).toEqual([
      'demo city already seeded (see README for the demo phone numbers)',
    ]);
    // The same folder: the same signing keys (the first process's token still verifies) and the same data.
    const me = await postGraphQL(second.url, '{ me { name } }', undefined, { authorization: `Bearer ${token}` });
    expect({ status: me.status, data: me.data, errors: me.errors }).toEqual({ status: 200, data: { me: { name: 'Olu Operations' } }, errors: undefined });
  } finally {
    expect(await stop(second.child)).toEqual({ code: 0, signal: null });
  }
  // Two starts of the whole supergraph, the first from a fresh folder: a few seconds each on an idle machine, minutes
  // on a loaded 2-CPU one (one took 139 s with a load average of 18).
}, 600_000);
