// `npm run bench:distributed`: the request path measured as production runs it. Distributed mode — the six
// subgraphs and the gateway, each its own `node dist/...` process with NODE_ENV=production and secrets generated for
// the run — on PostgreSQL + Redis, driven by a load generator in a process of its own (bench/load-client.ts), next to
// the practical ceiling: a plain single-process graphql-js + pg + DataLoader server over the same tables
// (bench/reference-server.ts) answering the trips board with the same JSON (checked before measuring).
//
// Per (target, operation): req/s, latency p50/p95/p99, errors, and CPU ms per request of each process (utime + stime
// from /proc/<pid>/stat before and after each round) and of PostgreSQL (the server processes of this run's database:
// pg_stat_activity's pids, sampled through the round). Warm-up, then BENCH_ROUNDS rounds, the operations interleaved
// within a round so drift of the shared machine hits them alike; the tables show medians of the rounds.
//
// Needs PostgreSQL and Redis on this machine (DATABASE_URL's server, default postgresql://postgres@127.0.0.1:5432/test,
// where a database of its own is created and dropped; REDIS_URL, default redis://127.0.0.1:6379) and a build
// (`npm run bench:distributed` builds first). Settings: BENCH_CONCURRENCY (16), BENCH_ROUNDS (3),
// BENCH_ROUND_SECONDS (10), BENCH_WARMUP_SECONDS (5), BENCH_LOG_LEVEL (info, as deployed), BENCH_NOTE (a sentence
// for the results, e.g. how busy the machine was), BENCH_GATEWAY_DEDUP (true), BENCH_OPERATIONS (e.g. tripsBoard: only
// those of the supergraph's operations; the board's hop variants, BOARD_HOP_VARIANTS, run only when named), BENCH_PROFILE (true: every service under `node --cpu-prof`, the profiles cut to
// the measured rounds and summarised in bench/results/distributed-profile.{md,json} instead of the usual results).
// Writes bench/results/distributed.{json,md}.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createAccessTokenSigner, loadSigningKeys, readAuthConfig } from '../platform/auth/index.js';
import { repoRoot, SUBGRAPHS } from '../subgraphs/registry.js';
import { SECRETS } from '../deploy/secrets.js';
import { adminQuery } from './admin-database.js';
import { BENCHMARK_QUERIES } from './benchmark-queries.js';
import { BOARD_HOP_VARIANTS, DISTRIBUTED_OPERATIONS, signSenders, type BenchOperation, type Sender } from './distributed-operations.js';
import { forkLoadClient, type LoadJob, type LoadRound } from './load-client.js';
import { median } from './load.js';
import { monotonicMicros, summarizeCpuProfile, type CpuProfileSummary, type ProfileWindow } from './cpu-profile-summary.js';
import { watchPostgres } from './postgres-cpu.js';
import { cpuSeconds, freePort, rssMb, stopProcesses, waitReady } from './processes.js';
import { describeRun, loadSnapshot, runInfo } from './run-info.js';

const SERVER_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const SETTINGS = {
  concurrency: Number(process.env.BENCH_CONCURRENCY ?? 16),
  rounds: Number(process.env.BENCH_ROUNDS ?? 3),
  roundSeconds: Number(process.env.BENCH_ROUND_SECONDS ?? 10),
  warmupSeconds: Number(process.env.BENCH_WARMUP_SECONDS ?? 5),
  logLevel: process.env.BENCH_LOG_LEVEL ?? 'info',
  // The gateway's in-flight de-duplication of subgraph fetches (GATEWAY_DEDUPLICATE_FETCHES, on in production). Each
  // load worker is its own viewer (signSenders), so it shares nothing between them; BENCH_GATEWAY_DEDUP=false turns it off.
  gatewayDeduplicatesFetches: (process.env.BENCH_GATEWAY_DEDUP ?? 'true') !== 'false',
  // Only these operations of the supergraph (comma-separated names; default all). The reference server's board stays.
  operations: (process.env.BENCH_OPERATIONS ?? '').split(',').filter(Boolean),
  // Every service under V8's profiler (--cpu-prof): writes bench/results/distributed-profile.md, cut to the measured
  // rounds, instead of distributed.{md,json} (the profiler's own cost makes those numbers incomparable).
  profile: process.env.BENCH_PROFILE === 'true',
};
const NOTE = process.env.BENCH_NOTE ?? '';

// ---------------------------------------------------------------------------------------------------------------
// Cleaning up: whatever was started is stopped and the database dropped, on success, on failure and on Ctrl-C.

/** What this run started: every child process (services, reference server, load generator), and its database. */
const run = { children: [] as ChildProcess[], databaseName: undefined as string | undefined };
let cleaning: Promise<void> | undefined;
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    await stopProcesses(run.children);
    if (run.databaseName) {
      await adminQuery(SERVER_URL, `DROP DATABASE IF EXISTS "${run.databaseName}" WITH (FORCE)`).catch((error: unknown) =>
        process.stderr.write(`could not drop database ${run.databaseName}: ${(error as Error).message}\n`),
      );
    }
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    process.stderr.write(`${signal}: stopping every process of the run and dropping its database\n`);
    void cleanUp().then(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The processes, each with its output in a log file of the run (shown when one fails).

interface Service {
  name: string;
  child: ChildProcess;
  url: string;
  log: string;
}

const logDir = mkdtempSync(join(tmpdir(), 'ridegraph-bench-distributed-'));
const profileDir = join(logDir, 'profiles');
/** Per supergraph operation: when its measured rounds ran (monotonic µs), to cut the services' profiles to them. */
const profileWindows: Record<string, ProfileWindow[]> = {};
const started: Service[] = [];

/** `node <script>` with only `env` (plus PATH and HOME), as a container runs it: nothing leaks in from this shell. */
function startProcess(name: string, script: string, env: Record<string, string>, port: number, nodeOptions: string[] = []): Service {
  const log = join(logDir, `${name}.log`);
  const fd = openSync(log, 'a');
  const child = spawn(process.execPath, [...nodeOptions, join(repoRoot, script)], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env, PORT: String(port) },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  run.children.push(child);
  const service = { name, child, url: `http://127.0.0.1:${port}/graphql`, log };
  started.push(service);
  return service;
}

async function ready(service: Service): Promise<void> {
  try {
    await waitReady(service.url, { child: service.child, timeoutMs: 90_000 });
  } catch (error) {
    throw new Error(`${(error as Error).message}\n--- ${service.name} log (${service.log}), last lines:\n${tail(service.log)}`);
  }
}

function tail(file: string): string {
  return readFileSync(file, 'utf8').split('\n').slice(-30).join('\n');
}

/** `node dist/scripts/<name>.js` to completion, as the deployment's one-shot `migrate` job runs it. */
async function runScript(name: string, env: Record<string, string>): Promise<void> {
  try {
    await promisify(execFile)(process.execPath, [join(repoRoot, `dist/scripts/${name}.js`)], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    // The scripts log (JSON lines) on stdout: their fatal message is there.
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${name} failed: ${(error as Error).message}\n${stdout ?? ''}${stderr ?? ''}`);
  }
}

/** The secrets the services read (deploy/secrets.ts), freshly generated: nothing of a real deployment is used. */
async function generateSecrets(): Promise<Record<string, string>> {
  const values: Record<string, string> = {};
  for (const secret of SECRETS) if (!secret.composeOnly) values[secret.name] = await secret.generate();
  return values;
}

/** The six subgraphs and the gateway as docker-compose.yml runs them (production mode), on this run's database. */
async function startSupergraph(databaseUrl: string, secrets: Record<string, string>): Promise<Service[]> {
  const base = {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    REDIS_URL,
    PUBSUB_PREFIX: `bench-distributed:${randomBytes(4).toString('hex')}:`,
    HOST: '127.0.0.1',
    GATEWAY_SECRET: secrets.GATEWAY_SECRET!,
    LOG_LEVEL: SETTINGS.logLevel,
    METRICS_HOST: '127.0.0.1',
    OTEL_TRACES_EXPORTER: 'none',
  };
  const own = async (name: string) => ({ ...base, OTEL_SERVICE_NAME: name, METRICS_PORT: String(await freePort()) });
  const profiled = (name: string) => (SETTINGS.profile ? ['--cpu-prof', `--cpu-prof-dir=${join(profileDir, name)}`] : []);
  const ports = Object.fromEntries(await Promise.all(SUBGRAPHS.map(async (s) => [s.name, await freePort()] as const)));
  const jwksUrl = `http://127.0.0.1:${ports.identity}/.well-known/jwks.json`;
  const extra: Record<string, Record<string, string>> = {
    identity: { AUTH_SIGNING_JWKS: secrets.AUTH_SIGNING_JWKS!, OTP_SECRET: secrets.OTP_SECRET!, ALLOW_DEVELOPMENT_PROVIDERS: 'true' },
    payments: {
      PAYMENTS_PROVIDER: 'development',
      PAYMENTS_ALLOW_DEVELOPMENT_PROVIDER: 'true',
      PAYMENTS_WEBHOOK_SECRET: secrets.PAYMENTS_WEBHOOK_SECRET!,
      PAYMENTS_DATA_KEY: secrets.PAYMENTS_DATA_KEY!,
    },
    notifications: { NOTIFICATIONS_ALLOW_DEVELOPMENT_PROVIDERS: 'true' },
  };
  // identity first: the others read its public keys at start.
  const identity = startProcess(
    'identity',
    'dist/subgraphs/identity/src/index.js',
    { ...(await own('identity')), ...extra.identity },
    ports.identity!,
    profiled('identity'),
  );
  await ready(identity);
  const others: Service[] = [];
  for (const { name } of SUBGRAPHS.filter((s) => s.name !== 'identity')) {
    others.push(
      startProcess(name, `dist/subgraphs/${name}/src/index.js`, { ...(await own(name)), AUTH_JWKS_URL: jwksUrl, ...extra[name] }, ports[name]!, profiled(name)),
    );
  }
  for (const service of others) await ready(service);
  const gateway = startProcess(
    'gateway',
    'dist/gateway/src/index.js',
    {
      ...(await own('gateway')),
      AUTH_JWKS_URL: jwksUrl,
      GATEWAY_DEDUPLICATE_FETCHES: String(SETTINGS.gatewayDeduplicatesFetches),
      ...Object.fromEntries(SUBGRAPHS.map((s) => [`SUBGRAPH_${s.name.toUpperCase()}_URL`, `http://127.0.0.1:${ports[s.name]}/graphql`])),
      // The rate limits stay on (each request is charged in Redis, as deployed) but so high that one benchmark
      // user at full speed is never refused.
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000000',
      RATE_LIMIT_USER_BUCKET_POINTS: '100000000',
      RATE_LIMIT_USER_LEAK_PER_SECOND: '10000000',
    },
    await freePort(),
    profiled('gateway'),
  );
  await ready(gateway);
  return [gateway, identity, ...others];
}

// ---------------------------------------------------------------------------------------------------------------
// Measuring.

interface Target {
  name: string;
  url: string;
  /** The processes whose CPU counts for this target, by name. */
  processes: { name: string; pid: number }[];
  operations: readonly BenchOperation[];
}

interface RoundResult extends LoadRound {
  /** CPU ms per request: each process of the target, `PostgreSQL`, and `total` (their sum). */
  cpuMsPerRequest: Record<string, number>;
  /** CPU ms per request outside the total: the load generator, and the whole Redis server (shared with others). */
  outsideMsPerRequest: { loadGenerator: number; redisServer: number | null };
  postgresBackends: number;
}

async function post(url: string, token: string, operation: BenchOperation): Promise<{ data?: Record<string, unknown>; errors?: unknown[] }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: operation.query, variables: operation.variables ?? {} }),
  });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (!response.ok || body.errors) throw new Error(`${operation.name} at ${url}: HTTP ${response.status} ${JSON.stringify(body).slice(0, 500)}`);
  return body;
}

function jobOf(target: Target, operation: BenchOperation, tokens: Record<Sender, string[]>, seconds: number): LoadJob {
  return {
    url: target.url,
    headers: { 'content-type': 'application/json' },
    authorizations: tokens[operation.as].map((token) => `Bearer ${token}`),
    body: JSON.stringify({ query: operation.query, variables: operation.variables ?? {} }),
    concurrency: SETTINGS.concurrency,
    seconds,
  };
}

const round3 = (value: number) => Math.round(value * 1000) / 1000;

async function measure(
  target: Target,
  job: LoadJob,
  load: ReturnType<typeof forkLoadClient>,
  databaseName: string,
  redisPid: number | undefined,
): Promise<RoundResult> {
  const pids = [...target.processes, { name: 'load generator', pid: load.pid }, ...(redisPid ? [{ name: 'redis', pid: redisPid }] : [])];
  const before = new Map(pids.map((p) => [p.name, cpuSeconds(p.pid)]));
  const postgres = await watchPostgres(SERVER_URL, databaseName);
  const result = await load.run(job);
  const postgresUsage = await postgres.stop();
  const used = (name: string, pid: number) => {
    const [start, end] = [before.get(name), cpuSeconds(pid)];
    if (start === undefined || end === undefined) throw new Error(`${name} (pid ${pid}) is gone`);
    return ((end - start) * 1000) / Math.max(result.requests, 1);
  };
  const cpuMsPerRequest: Record<string, number> = {};
  for (const p of target.processes) cpuMsPerRequest[p.name] = round3(used(p.name, p.pid));
  cpuMsPerRequest.PostgreSQL = round3((postgresUsage.cpuSeconds * 1000) / Math.max(result.requests, 1));
  cpuMsPerRequest.total = round3(Object.values(cpuMsPerRequest).reduce((sum, v) => sum + v, 0));
  return {
    ...result,
    cpuMsPerRequest,
    outsideMsPerRequest: { loadGenerator: round3(used('load generator', load.pid)), redisServer: redisPid ? round3(used('redis', redisPid)) : null },
    postgresBackends: postgresUsage.backends,
  };
}

/** The pid of the Redis server when it runs on this machine and /proc shows it (its CPU is then reported too). */
function findRedisPid(): number | undefined {
  const port = new URL(REDIS_URL).port || '6379';
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return undefined; // not Linux
  }
  for (const entry of entries) {
    try {
      const commandLine = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (commandLine.startsWith('redis-server') && commandLine.includes(`:${port}`)) return Number(entry);
    } catch {
      // exited meanwhile, or not ours to read
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// The run.

/** Medians over the rounds of every number of a result, field by field (the errors are summed instead). */
function medianOf(rounds: RoundResult[]) {
  const med = (pick: (r: RoundResult) => Record<string, number>) =>
    Object.fromEntries(Object.keys(pick(rounds[0]!)).map((k) => [k, round3(median(rounds.map((r) => pick(r)[k] ?? 0)))]));
  return {
    requestsPerSecond: Math.round(median(rounds.map((r) => r.requestsPerSecond))),
    latencyMs: med((r) => r.latencyMs),
    errors: rounds.reduce((sum, r) => sum + r.errors, 0),
    requests: rounds.reduce((sum, r) => sum + r.requests, 0),
    cpuMsPerRequest: med((r) => r.cpuMsPerRequest),
    outsideMsPerRequest: {
      loadGenerator: round3(median(rounds.map((r) => r.outsideMsPerRequest.loadGenerator))),
      redisServer: rounds[0]!.outsideMsPerRequest.redisServer === null ? null : round3(median(rounds.map((r) => r.outsideMsPerRequest.redisServer ?? 0))),
    },
    firstError: rounds.find((r) => r.firstError)?.firstError,
  };
}

const loadAtStart = loadSnapshot();
const info = runInfo();
const databaseName = `ridegraph_bench_distributed_${randomBytes(4).toString('hex')}`;
const databaseUrl = Object.assign(new URL(SERVER_URL), { pathname: `/${databaseName}` }).toString();
const rounds: Record<string, Record<string, RoundResult[]>> = {};
const memoryMb: Record<string, number> = {};
let targets: Target[] = [];
let failed = false;
try {
  await adminQuery(SERVER_URL, `CREATE DATABASE "${databaseName}"`);
  run.databaseName = databaseName;
  process.stderr.write(`database ${databaseName}: migrating and seeding the demo city\n`);
  await runScript('db-migrate', { NODE_ENV: 'production', DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' });
  await runScript('db-seed', { NODE_ENV: 'production', DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' });

  const secrets = await generateSecrets();
  const services = await startSupergraph(databaseUrl, secrets);
  const reference = startProcess('reference', 'dist/bench/reference-server.js', { NODE_ENV: 'production', DATABASE_URL: databaseUrl }, await freePort());
  await ready(reference);
  process.stderr.write(`started: ${started.map((s) => `${s.name} (pid ${s.child.pid})`).join(', ')}; logs in ${logDir}\n`);

  const sign = createAccessTokenSigner(await loadSigningKeys({ jwks: secrets.AUTH_SIGNING_JWKS! }), readAuthConfig({}));
  const gatewayUrl = services[0]!.url;
  const board = DISTRIBUTED_OPERATIONS.find((o) => o.name === 'tripsBoard')!;
  // The board's hop variants (BOARD_HOP_VARIANTS) only when named.
  const measured = SETTINGS.operations.length
    ? [...DISTRIBUTED_OPERATIONS, ...BOARD_HOP_VARIANTS].filter((o) => SETTINGS.operations.includes(o.name))
    : DISTRIBUTED_OPERATIONS;
  targets = [
    {
      name: 'distributed (gateway + 6 subgraphs)',
      url: gatewayUrl,
      processes: services.map((s) => ({ name: s.name, pid: s.child.pid! })),
      operations: measured,
    },
    {
      name: 'reference server (graphql-js + pg + DataLoader)',
      url: reference.url,
      processes: [{ name: 'reference', pid: reference.child.pid! }],
      operations: [board],
    },
  ];

  // Every operation answers as intended, and the reference server's board is the supergraph's, byte for byte.
  let tokens = await signSenders(sign, SETTINGS.concurrency);
  for (const operation of new Set([...DISTRIBUTED_OPERATIONS, ...measured]))
    operation.check((await post(gatewayUrl, tokens[operation.as][0]!, operation)).data!);
  const [fromGateway, fromReference] = [await post(gatewayUrl, tokens.operations[0]!, board), await post(reference.url, tokens.operations[0]!, board)];
  if (JSON.stringify(fromGateway.data) !== JSON.stringify(fromReference.data)) {
    throw new Error(
      `the reference server's trips board differs from the supergraph's:\n${JSON.stringify(fromGateway.data)}\n${JSON.stringify(fromReference.data)}`,
    );
  }

  const load = forkLoadClient(run.children);
  const redisPid = findRedisPid();
  for (const target of targets) {
    for (const operation of target.operations) {
      process.stderr.write(`warm-up: ${target.name} · ${operation.name}\n`);
      await load.run(jobOf(target, operation, tokens, SETTINGS.warmupSeconds));
    }
  }
  for (let round = 1; round <= SETTINGS.rounds; round++) {
    tokens = await signSenders(sign, SETTINGS.concurrency);
    for (const target of targets) {
      for (const operation of target.operations) {
        const fromMicros = monotonicMicros();
        const result = await measure(target, jobOf(target, operation, tokens, SETTINGS.roundSeconds), load, databaseName, redisPid);
        if (target === targets[0]) (profileWindows[operation.name] ??= []).push({ fromMicros, toMicros: monotonicMicros() });
        ((rounds[target.name] ??= {})[operation.name] ??= []).push(result);
        process.stderr.write(
          `round ${round} · ${target.name} · ${operation.name}: ${result.requestsPerSecond} req/s, p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms, ${result.errors} errors, CPU ${result.cpuMsPerRequest.total} ms/request\n`,
        );
      }
    }
  }
  for (const s of started) memoryMb[s.name] = rssMb(s.child.pid!);
} catch (error) {
  failed = true;
  // Interrupted: the signal handler is already cleaning up, and what failed here is the processes it stopped.
  if (!cleaning) process.stderr.write(`bench:distributed failed: ${(error as Error).stack ?? String(error)}\nlogs kept in ${logDir}\n`);
} finally {
  await cleanUp();
}
if (failed) process.exit(1);
if (SETTINGS.profile) {
  writeProfileReport(); // the services wrote their profiles as they stopped
  rmSync(logDir, { recursive: true, force: true });
  process.exit(0);
}
rmSync(logDir, { recursive: true, force: true });

const results = targets.flatMap((target) =>
  target.operations.map((operation) => ({ target: target.name, operation: operation.name, ...medianOf(rounds[target.name]![operation.name]!) })),
);
const report = {
  ...info,
  loadAverage: { atStart: loadAtStart, atEnd: loadSnapshot() },
  note: NOTE,
  settings: { ...SETTINGS, statistic: `median of ${SETTINGS.rounds} rounds`, nodeEnv: 'production', backend: 'PostgreSQL + Redis on this machine' },
  operations: Object.fromEntries(
    [...DISTRIBUTED_OPERATIONS, ...BOARD_HOP_VARIANTS.filter((o) => SETTINGS.operations.includes(o.name))].map((o) => [o.name, o.description]),
  ),
  memoryMbAtEnd: memoryMb,
  results,
  rounds,
};
const dir = join(repoRoot, 'bench/results');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'distributed.json'), `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(join(dir, 'distributed.md'), markdown(report));
process.stdout.write(markdown(report));

/** bench/results/distributed-profile.md: per operation and service, where its CPU went during the measured rounds. */
function writeProfileReport(): void {
  const lines = [
    '# Distributed benchmark under the profiler: where each service spends its CPU',
    '',
    `${describeRun(info, { atStart: loadAtStart, atEnd: loadSnapshot() })}.`,
    '',
    ...(NOTE ? [`**Conditions:** ${NOTE}`, ''] : []),
    `As \`npm run bench:distributed\` (concurrency ${SETTINGS.concurrency}, ${SETTINGS.rounds} rounds of ${SETTINGS.roundSeconds} s, de-duplication ${SETTINGS.gatewayDeduplicatesFetches ? 'on' : 'off'}, every load worker its own viewer), every service under \`node --cpu-prof\` (sampling every 1 ms), each profile cut to the operation's measured rounds. Self time: where the CPU was when sampled — "native" is system calls and V8 built-ins (socket writes show as \`writev\`), "garbage collection" V8's collector. The profiler slows the services: throughput here is not comparable with distributed.md.`,
    '',
    "How to read it: V8 samples a thread every millisecond of wall time whether or not it is on a CPU, so a sample's time is CPU time only when the process was running. With seven busy services, PostgreSQL and the load generator on 2 CPUs, a process is often runnable but waiting, and the frame it waits in takes the blame — above all `writev` on a loopback socket, which wakes the process at the other end, and the scheduler often switches to it at once. Each service's sampled ms per request is therefore shown next to its CPU ms per request read from /proc: their ratio says how much of the sampled time was waiting. Shares among JavaScript places are comparable; the native share is mostly that wait, not work.",
    '',
  ];
  const report: Record<string, Record<string, CpuProfileSummary>> = {};
  for (const [operation, windows] of Object.entries(profileWindows)) {
    const measured = rounds[targets[0]!.name]![operation]!;
    lines.push(`## ${operation}`, '', `${Math.round(median(measured.map((r) => r.requestsPerSecond)))} req/s under the profiler (median of the rounds).`, '');
    for (const service of started.filter((s) => s.name !== 'reference')) {
      const dir = join(profileDir, service.name);
      const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
      if (!file) {
        lines.push(`- ${service.name}: no profile written (did it stop cleanly?)`);
        continue;
      }
      const summary = summarizeCpuProfile(join(dir, file), windows, 12);
      (report[operation] ??= {})[service.name] = summary;
      const requests = measured.reduce((n, r) => n + r.requests, 0);
      if (summary.busyMs / requests < 0.05) continue; // services the operation does not reach
      const cpuMs = round3(median(measured.map((r) => r.cpuMsPerRequest[service.name] ?? 0)));
      lines.push(
        `### ${service.name} — ${round3(summary.busyMs / requests)} ms sampled per request (${cpuMs} ms of CPU per request from /proc)`,
        '',
        `By place: ${summary.byPlace.map((p) => `${p.place} ${p.percent} %`).join(' · ')}`,
        '',
        `By function: ${summary.byFunction.map((f) => `\`${f.name}\` ${f.percent} %`).join(' · ')}`,
        '',
      );
    }
  }
  const dir = join(repoRoot, 'bench/results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'distributed-profile.json'), `${JSON.stringify({ ...info, settings: SETTINGS, note: NOTE, profiles: report }, null, 2)}\n`);
  writeFileSync(join(dir, 'distributed-profile.md'), `${lines.join('\n')}\n`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

function markdown(r: typeof report): string {
  const s = r.settings;
  const lines = [
    '# Distributed benchmark: the request path as production runs it',
    '',
    `${describeRun(r, r.loadAverage)}.`,
    '',
    ...(r.note ? [`**Conditions:** ${r.note}`, ''] : []),
    `Gateway and six subgraphs, one \`node dist/...\` process each, NODE_ENV=production (LOG_LEVEL ${s.logLevel}, metrics on, tracing off, rate limits on but raised so the benchmark's users are never refused, the gateway's de-duplication of identical in-flight subgraph fetches ${s.gatewayDeduplicatesFetches ? 'on (the default)' : 'off (GATEWAY_DEDUPLICATE_FETCHES=false)'}; every load worker its own viewer (one session each), so no fetch is shared between workers), on ${s.backend}; the load generator in its own process (node:http, keep-alive), not pinned to a core. Concurrency ${s.concurrency}; ${s.warmupSeconds} s of warm-up per operation, then ${s.rounds} rounds of ${s.roundSeconds} s, operations interleaved; ${s.statistic} (errors and requests: totals).`,
    '',
    'CPU ms per request: utime + stime of each process over a round divided by the requests it answered; PostgreSQL is the server processes of the run\'s database (sampled every 250 ms: a backend that exits between samples loses at most that much). Each process\'s background work during the round (event relays and consumers, metrics) is included: it weighs per request only where throughput is low. "Total" is the services plus PostgreSQL; the load generator and the Redis server (whole server: other users of this Redis count too) are shown apart.',
    '',
    '| target | operation | req/s | p50 ms | p95 ms | p99 ms | errors | CPU ms / request by process | total CPU ms / request | load generator · Redis ms / request |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const row of r.results) {
    const { total, ...byProcess } = row.cpuMsPerRequest;
    const shown = Object.entries(byProcess)
      .filter(([, ms]) => ms >= 0.005)
      .map(([name, ms]) => `${name} ${ms}`)
      .join(' · ');
    lines.push(
      `| ${row.target} | ${row.operation} | ${row.requestsPerSecond} | ${row.latencyMs.p50} | ${row.latencyMs.p95} | ${row.latencyMs.p99} | ${row.errors} of ${row.requests} | ${shown} | ${total} | ${row.outsideMsPerRequest.loadGenerator} · ${row.outsideMsPerRequest.redisServer ?? '—'} |`,
    );
  }
  const board = (target: string) => r.results.find((row) => row.operation === 'tripsBoard' && row.target.startsWith(target));
  const [distributed, plain] = [board('distributed'), board('reference')];
  if (distributed && plain) {
    lines.push(
      '',
      `Trips board, distributed vs the reference server: ${Math.round((distributed.requestsPerSecond / plain.requestsPerSecond) * 100)} % of its req/s, ${Math.round(((distributed.cpuMsPerRequest.total ?? 0) / (plain.cpuMsPerRequest.total || 1)) * 10) / 10}× its total CPU per request.`,
    );
  }
  const errors = r.results.filter((row) => row.firstError);
  if (errors.length) lines.push('', 'First error of each row with errors:', ...errors.map((row) => `- ${row.target} · ${row.operation}: ${row.firstError}`));
  lines.push(
    '',
    `Memory (RSS MB) at the end: ${Object.entries(r.memoryMbAtEnd)
      .map(([name, mb]) => `${name} ${mb}`)
      .join(', ')}.`,
    '',
    'Operations:',
    ...Object.entries(r.operations).map(([name, description]) => `- ${name}: ${description}`),
    `- the reference server answers only the trips board: \`${BENCHMARK_QUERIES.tripsBoard.query}\``,
    '',
  );
  return lines.join('\n');
}
