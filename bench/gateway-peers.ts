// `npm run bench:gateway-peers`: Ridegraph's gateway against its peers, with the gateway as the bottleneck.
//
// Four stub subgraphs (bench/gateway-stub-subgraphs.ts: accounts, products, inventory, reviews; answers cached
// by request body, so they cost little) serve a nested query across all four with a ~90 KB answer. Each gateway runs
// as its own process, pinned to CPU 0 (`taskset`), with NODE_ENV=production; the stubs and the load generator share
// CPU 1. The gateways, in one run, interleaved round by round:
//   - ridegraph-dedup-on / -off: `dist/gateway/src/index.js` as production starts it (metrics on, logs at info,
//     tracing off), rate limits off (the peers have none), operation limits raised so the benchmark query passes
//     them, with its in-flight de-duplication of identical subgraph fetches (its default) and without;
//   - apollo-stock: `@apollo/gateway` 2.14.4 behind Apollo Server's `startStandaloneServer`, their defaults;
//   - hive-dedup-on / hive-dedup-off: Hive Gateway (`@graphql-hive/gateway-runtime`, installed in
//     bench/gateway-peers/ by this script with `npm ci` when missing), with its in-flight de-duplication of identical
//     subgraph requests (its default) and without.
// Every gateway's answer is checked equal to the others' before measuring. Per gateway: req/s, latency, errors, the
// gateway's CPU ms per request, the stubs' requests per gateway request, RSS at the end. Closed loop at
// BENCH_CONCURRENCY (16), BENCH_WARMUP_SECONDS (5) then BENCH_ROUNDS (3) × BENCH_ROUND_SECONDS (10); medians.
// Results: bench/results/gateway-peers.{json,md}.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { repoRoot } from '../subgraphs/registry.js';
import { forkLoadClient, type LoadJob, type LoadRound } from './load-client.js';
import { cpuSeconds, freePort, rssMb, stopProcesses } from './processes.js';
import { describeRun, loadSnapshot, runInfo } from './run-info.js';
import { STUB_SUBGRAPHS } from './gateway-stub-subgraphs.js';

const SETTINGS = {
  concurrency: Number(process.env.BENCH_CONCURRENCY ?? 16),
  rounds: Number(process.env.BENCH_ROUNDS ?? 3),
  roundSeconds: Number(process.env.BENCH_ROUND_SECONDS ?? 10),
  warmupSeconds: Number(process.env.BENCH_WARMUP_SECONDS ?? 5),
};
const NOTE = process.env.BENCH_NOTE ?? '';
const PEERS_DIR = join(repoRoot, 'bench/gateway-peers');
const log = (message: string) => process.stderr.write(`[bench:gateway-peers] ${message}\n`);
const round1 = (n: number) => Math.round(n * 10) / 10;
const round3 = (n: number) => Math.round(n * 1000) / 1000;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** The classic federation benchmark's query: every field of the four subgraphs, nested through them. */
export const PEERS_QUERY = `fragment User on User { id username name }
fragment Review on Review { id body }
fragment Product on Product { inStock name price shippingEstimate upc weight }
query TestQuery {
  users { ...User reviews { ...Review product { ...Product reviews { ...Review author { ...User reviews { ...Review product { ...Product } } } } } } }
  topProducts { ...Product reviews { ...Review author { ...User reviews { ...Review product { ...Product } } } } }
}`;

const pinned = process.platform === 'linux' && cpus().length >= 2 && existsSync('/usr/bin/taskset');
const children: ChildProcess[] = [];

/** `node args…` pinned to `cpu` where the machine allows it, with only `env` (plus PATH and HOME). */
function startNode(cpu: number, args: string[], env: Record<string, string> = {}): ChildProcess {
  const command = pinned ? 'taskset' : process.execPath;
  const argv = pinned ? ['-c', String(cpu), process.execPath, ...args] : args;
  const child = spawn(command, argv, {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return child;
}

async function post(url: string, query: string): Promise<{ status: number; text: string }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return { status: response.status, text: await response.text() };
}

async function waitAnswering(name: string, url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode} before answering`);
    try {
      if ((await post(url, '{ __typename }')).status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`${name} did not answer within 60 s`);
}

function ensurePeersInstalled(): void {
  if (existsSync(join(PEERS_DIR, 'node_modules/@graphql-hive/gateway-runtime'))) return;
  log('installing Hive Gateway in bench/gateway-peers (npm ci)');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: PEERS_DIR, stdio: 'inherit' });
}

interface Gateway {
  name: string;
  description: string;
  url: string;
  child: ChildProcess;
}

async function startGateways(supergraphPath: string, jwksUrl: string): Promise<Gateway[]> {
  const gateways: Gateway[] = [];
  const add = async (name: string, description: string, start: (port: number) => ChildProcess, path = '/graphql') => {
    const port = await freePort();
    const child = start(port);
    const url = `http://127.0.0.1:${port}${path}`;
    await waitAnswering(name, url, child);
    gateways.push({ name, description, url, child });
  };
  for (const dedup of ['on', 'off'] as const) {
    const metricsPort = await freePort();
    await add(
      `ridegraph-dedup-${dedup}`,
      `Ridegraph's gateway as production runs it (metrics on, logs at info, tracing off; rate limits off), in-flight de-duplication ${dedup === 'on' ? 'on (its default)' : 'off (GATEWAY_DEDUPLICATE_FETCHES=false)'}`,
      (port) =>
        startNode(0, ['dist/gateway/src/index.js', '--supergraph', supergraphPath, '--port', String(port)], {
          HOST: '127.0.0.1',
          AUTH_JWKS_URL: jwksUrl,
          GATEWAY_SECRET: randomBytes(48).toString('base64'),
          GATEWAY_DEDUPLICATE_FETCHES: String(dedup === 'on'),
          LOG_LEVEL: 'info',
          METRICS_HOST: '127.0.0.1',
          METRICS_PORT: String(metricsPort),
          OTEL_TRACES_EXPORTER: 'none',
          RATE_LIMITS: 'false',
          // The benchmark query nests 9 deep and lists without sizes: the defaults (for the product's schema) refuse it.
          OPERATION_MAX_DEPTH: '20',
          OPERATION_MAX_COST: '100000000',
        }),
    );
  }
  await add('apollo-stock', '`@apollo/gateway` 2.14.4 + `startStandaloneServer` (@apollo/server 5), defaults', (port) =>
    startNode(0, ['dist/bench/gateway-apollo-stock.js', supergraphPath, String(port)]),
  );
  for (const dedup of ['on', 'off'] as const) {
    await add(
      `hive-dedup-${dedup}`,
      `Hive Gateway (@graphql-hive/gateway-runtime), in-flight de-duplication ${dedup === 'on' ? 'on (its default)' : 'off'}`,
      (port) => startNode(0, ['bench/gateway-peers/hive-gateway.mjs', supergraphPath, String(port), dedup]),
    );
  }
  return gateways;
}

interface RoundSample {
  load: LoadRound;
  gatewayCpuMsPerRequest: number;
  stubCpuMsPerRequest: number;
  stubRequestsPerRequest: number;
}

const started = loadSnapshot();
const info = runInfo();
try {
  ensurePeersInstalled();
  log('starting the stub subgraphs');
  const stubs = startNode(1, ['dist/bench/gateway-stub-subgraphs.js']);
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: stubs.stdout! }).once('line', resolve);
    stubs.once('exit', (code) => reject(new Error(`the stub subgraphs exited with code ${code}`)));
  });
  const { urls, jwksUrl, countUrl } = JSON.parse(line) as { urls: Record<string, string>; jwksUrl: string; countUrl: string };
  const answered = async () => ((await (await fetch(countUrl)).json()) as { answered: number }).answered;

  const composed = composeServices(Object.entries(STUB_SUBGRAPHS).map(([name, stub]) => ({ name, typeDefs: parse(stub.typeDefs), url: urls[name] })));
  if (composed.errors) throw new Error(`composition failed: ${composed.errors.map((e) => e.message).join('; ')}`);
  const supergraphPath = join(mkdtempSync(join(tmpdir(), 'gateway-peers-')), 'supergraph.graphql');
  writeFileSync(supergraphPath, composed.supergraphSdl);

  log('starting the gateways');
  const gateways = await startGateways(supergraphPath, jwksUrl);
  // Same answer from every gateway (byte size of the reference answer reported).
  const answers = await Promise.all(gateways.map(async (g) => ({ g, answer: await post(g.url, PEERS_QUERY) })));
  const reference = answers[0]!.answer;
  const referenceData = JSON.stringify((JSON.parse(reference.text) as { data?: unknown }).data);
  for (const { g, answer } of answers) {
    const parsed = JSON.parse(answer.text) as { data?: unknown; errors?: unknown };
    if (answer.status !== 200 || parsed.errors || JSON.stringify(parsed.data) !== referenceData) {
      throw new Error(`${g.name} answered differently (HTTP ${answer.status}): ${answer.text.slice(0, 400)}`);
    }
  }
  const answerBytes = Buffer.byteLength(reference.text);
  log(`every gateway gives the same ${answerBytes}-byte answer; measuring`);

  const loadClient = forkLoadClient(children);
  if (pinned) execFileSync('taskset', ['-p', '-c', '1', String(loadClient.pid)], { stdio: 'ignore' });
  const body = JSON.stringify({ query: PEERS_QUERY });
  const job = (g: Gateway, seconds: number): LoadJob => ({
    url: g.url,
    headers: { 'content-type': 'application/json' },
    body,
    concurrency: SETTINGS.concurrency,
    seconds,
  });
  for (const g of gateways) await loadClient.run(job(g, SETTINGS.warmupSeconds));
  const samples = new Map<string, RoundSample[]>(gateways.map((g) => [g.name, []]));
  for (let r = 0; r < SETTINGS.rounds; r++) {
    for (const g of gateways) {
      const cpu0 = cpuSeconds(g.child.pid!) ?? 0;
      const stubCpu0 = cpuSeconds(stubs.pid!) ?? 0;
      const count0 = await answered();
      const load = await loadClient.run(job(g, SETTINGS.roundSeconds));
      const requests = Math.max(1, load.requests);
      samples.get(g.name)!.push({
        load,
        gatewayCpuMsPerRequest: round3((((cpuSeconds(g.child.pid!) ?? 0) - cpu0) * 1000) / requests),
        stubCpuMsPerRequest: round3((((cpuSeconds(stubs.pid!) ?? 0) - stubCpu0) * 1000) / requests),
        stubRequestsPerRequest: round3(((await answered()) - count0) / requests),
      });
      log(`round ${r + 1} ${g.name}: ${load.requestsPerSecond} req/s, p50 ${load.latencyMs.p50} ms, ${load.errors} errors`);
    }
  }

  const results = gateways.map((g) => {
    const s = samples.get(g.name)!;
    return {
      name: g.name,
      description: g.description,
      requestsPerSecond: round1(median(s.map((x) => x.load.requestsPerSecond))),
      latencyMs: {
        p50: round1(median(s.map((x) => x.load.latencyMs.p50))),
        p95: round1(median(s.map((x) => x.load.latencyMs.p95))),
        p99: round1(median(s.map((x) => x.load.latencyMs.p99))),
      },
      errors: s.reduce((sum, x) => sum + x.load.errors, 0),
      requests: s.reduce((sum, x) => sum + x.load.requests, 0),
      firstError: s.find((x) => x.load.firstError)?.load.firstError,
      gatewayCpuMsPerRequest: median(s.map((x) => x.gatewayCpuMsPerRequest)),
      stubCpuMsPerRequest: median(s.map((x) => x.stubCpuMsPerRequest)),
      stubRequestsPerRequest: median(s.map((x) => x.stubRequestsPerRequest)),
      rssMb: rssMb(g.child.pid!),
      rounds: s.map((x) => x.load.requestsPerSecond),
    };
  });
  const report = {
    ...info,
    command: 'npm run bench:gateway-peers',
    load: { atStart: started, atEnd: loadSnapshot() },
    settings: { ...SETTINGS, pinned, answerBytes },
    note: NOTE,
    query: PEERS_QUERY,
    results,
  };
  const dir = join(repoRoot, 'bench/results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'gateway-peers.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(dir, 'gateway-peers.md'), markdown(report));
  log('written bench/results/gateway-peers.{json,md}');
} finally {
  await stopProcesses(children);
}

function markdown(report: {
  date: string;
  commit: string;
  machine: { cpus: number; model: string; memoryGb: number; node: string };
  load: { atStart: number[]; atEnd: number[] };
  settings: typeof SETTINGS & { pinned: boolean; answerBytes: number };
  note: string;
  results: {
    name: string;
    description: string;
    requestsPerSecond: number;
    latencyMs: { p50: number; p95: number; p99: number };
    errors: number;
    requests: number;
    gatewayCpuMsPerRequest: number;
    stubCpuMsPerRequest: number;
    stubRequestsPerRequest: number;
    rssMb: number;
    rounds: number[];
  }[];
}): string {
  const by = (name: string) => report.results.find((r) => r.name === name)!;
  const ratio = (ours: string, peer: string) => round3(by(ours).requestsPerSecond / by(peer).requestsPerSecond);
  const verdict = (value: number, goal: number) => `${value}× (goal ≥ ${goal}×: ${value >= goal ? 'met' : '**missed**'})`;
  const rss = (name: string) => by(name).rssMb;
  const s = report.settings;
  return [
    "# Gateway benchmark: Ridegraph's gateway against its peers",
    '',
    `${describeRun(report, report.load)}.`,
    '',
    ...(report.note ? [`**Conditions:** ${report.note}`, ''] : []),
    `Four stub subgraphs (accounts, products, inventory, reviews; answers cached by request body so the gateway is the bottleneck) in one process; each gateway its own process with NODE_ENV=production${s.pinned ? ', pinned to CPU 0; the stubs and the load generator (node:http, keep-alive) pinned to CPU 1' : ' (not pinned: taskset or a second CPU is missing)'}. The query nests through all four subgraphs 9 levels deep; its answer is ${s.answerBytes.toLocaleString('en-US')} bytes, checked identical from every gateway before measuring. Concurrency ${s.concurrency}; ${s.warmupSeconds} s of warm-up per gateway, then ${s.rounds} rounds of ${s.roundSeconds} s, gateways interleaved; medians of the rounds.`,
    '',
    '| gateway | req/s | p50 ms | p95 ms | p99 ms | errors | gateway CPU ms / request | subgraph requests / request | stubs CPU ms / request | RSS MB at end | req/s per round |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...report.results.map(
      (r) =>
        `| ${r.name} | ${r.requestsPerSecond} | ${r.latencyMs.p50} | ${r.latencyMs.p95} | ${r.latencyMs.p99} | ${r.errors} of ${r.requests} | ${r.gatewayCpuMsPerRequest} | ${r.stubRequestsPerRequest} | ${r.stubCpuMsPerRequest} | ${r.rssMb} | ${r.rounds.join(', ')} |`,
    ),
    '',
    'Goals (issue 16), throughput ratios from this run:',
    `- With de-duplication, Ridegraph vs Hive Gateway: ${verdict(ratio('ridegraph-dedup-on', 'hive-dedup-on'), 1)}`,
    `- Without de-duplication, Ridegraph vs Hive Gateway: ${verdict(ratio('ridegraph-dedup-off', 'hive-dedup-off'), 1)}`,
    `- Ridegraph (its default, de-duplication on) vs stock @apollo/gateway: ${verdict(ratio('ridegraph-dedup-on', 'apollo-stock'), 3)}; without de-duplication: ${ratio('ridegraph-dedup-off', 'apollo-stock')}×`,
    `- Memory (RSS at the end), goal no more than Hive's in the same configuration: with de-duplication ${rss('ridegraph-dedup-on')} vs ${rss('hive-dedup-on')} MB (${rss('ridegraph-dedup-on') <= rss('hive-dedup-on') ? 'met' : '**missed**'}), without ${rss('ridegraph-dedup-off')} vs ${rss('hive-dedup-off')} MB (${rss('ridegraph-dedup-off') <= rss('hive-dedup-off') ? 'met' : '**missed**'})`,
    '',
    ...report.results.map((r) => `- ${r.name}: ${r.description}`),
    '',
  ].join('\n');
}
