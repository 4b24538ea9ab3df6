// The gateway's subgraph HTTP client, before and after (issue 16 "a faster gateway → subgraph client"): Apollo's
// RemoteGraphQLDataSource with the node-fetch 2 keep-alive fetcher the gateway used until this change, against the
// same data source with the gateway's lean http.request client (gateway/src/subgraph-http-client.ts). A stub
// subgraph in a child process answers every POST with one fixed JSON body, so this process's CPU is the client
// side only. Rounds alternate A B B A … so drift of a shared machine falls on both; the result is the CPU time per
// fetch of this process (process.cpuUsage), which load moves much less than throughput.
// Writes bench/results/subgraph-client.{json,md}. BENCH_REQUESTS (per round, 4000), BENCH_CONCURRENCY (16),
// BENCH_ROUNDS (per variant, 8), BENCH_BODY_KB (8: about one page of the trips board's entity answer).
import { spawn } from 'node:child_process';
import http from 'node:http';
import https from 'node:https';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { Fetcher } from '@apollo/utils.fetcher';
import nodeFetch from 'node-fetch';
import { subgraphFetcher } from '../gateway/src/subgraph-data-source.js';
import { repoRoot } from '../subgraphs/registry.js';
import { describeRun, loadSnapshot, runInfo } from './run-info.js';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 4000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 8);
const BODY_KB = Number(process.env.BENCH_BODY_KB ?? 8);
const TIMEOUT_MS = 10_000;

/** The fetcher the gateway used before this change (gateway/src/subgraph-data-source.ts at 7761b07), kept here to compare. */
function nodeFetchKeepAlive(timeoutMs: number): Fetcher {
  const httpAgent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 64 });
  return (url, init) =>
    nodeFetch(url, {
      ...(init as nodeFetch.RequestInit),
      agent: (parsed) => (parsed.protocol === 'https:' ? httpsAgent : httpAgent),
      timeout: timeoutMs,
      signal: undefined,
    });
}

/** Apollo's `GraphQLDataSourceRequestKind.HEALTH_CHECK` (the enum is not exported): a request with no client behind it. */
const HEALTH_CHECK = 'health check';
type ProcessOptions = Parameters<RemoteGraphQLDataSource['process']>[0];

const VARIANTS = {
  'node-fetch 2 (before)': nodeFetchKeepAlive(TIMEOUT_MS),
  'http.request (after)': subgraphFetcher(TIMEOUT_MS),
} as const;
type Variant = keyof typeof VARIANTS;

// The stub subgraph: every POST gets the same `_entities`-shaped JSON body of about BODY_KB kilobytes.
const STUB = `
const http = require('node:http');
const row = (i) => ({ __typename: 'Driver', id: 'd' + String(i).padStart(35, '0'), name: 'Driver number ' + i, rating: 4.87, vehicle: { plate: 'RG-' + i, category: 'ECONOMY' } });
const entities = [];
while (JSON.stringify({ data: { _entities: entities } }).length < ${BODY_KB} * 1024) entities.push(row(entities.length));
const body = Buffer.from(JSON.stringify({ data: { _entities: entities } }));
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length }).end(body));
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => process.stdout.write(server.address().port + ' ' + body.length + '\\n'));
`;

async function startStub(): Promise<{ url: string; bodyBytes: number; stop: () => void }> {
  const child = spawn(process.execPath, ['-e', STUB], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString('utf8').trim()));
    child.once('exit', (code) => reject(new Error(`the stub subgraph exited (${code})`)));
  });
  const [port, bytes] = line.split(' ').map(Number);
  return { url: `http://127.0.0.1:${port}/graphql`, bodyBytes: bytes!, stop: () => child.kill('SIGTERM') };
}

interface Round {
  variant: Variant;
  requests: number;
  wallMs: number;
  cpuUsPerRequest: number;
  requestsPerSecond: number;
}

async function runRound(variant: Variant, url: string, requests: number): Promise<Round> {
  const source = new RemoteGraphQLDataSource({ url, fetcher: VARIANTS[variant] });
  const query = 'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Driver { name rating } } }';
  const variables = { representations: Array.from({ length: 20 }, (_, i) => ({ __typename: 'Driver', id: `d${i}` })) };
  let next = 0;
  const worker = async () => {
    while (next < requests) {
      next++;
      const response = await source.process({ kind: HEALTH_CHECK, request: { query, variables }, context: {} } as ProcessOptions);
      if (!response.data) throw new Error(`${variant}: no data in the answer`);
    }
  };
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return {
    variant,
    requests,
    wallMs: Math.round(wallMs),
    cpuUsPerRequest: Math.round(((used.user + used.system) / requests) * 10) / 10,
    requestsPerSecond: Math.round((requests / wallMs) * 1000),
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return Math.round(value * 10) / 10;
};

async function main(): Promise<void> {
  const info = runInfo();
  const atStart = loadSnapshot();
  const stub = await startStub();
  try {
    const names = Object.keys(VARIANTS) as Variant[];
    // Warm both paths (JIT, connections) before anything is recorded.
    for (const variant of names) await runRound(variant, stub.url, Math.min(1000, REQUESTS));
    const order: Variant[] = [];
    for (let i = 0; i < ROUNDS; i++) order.push(...(i % 2 === 0 ? names : [...names].reverse()));
    const rounds: Round[] = [];
    for (const variant of order) {
      const round = await runRound(variant, stub.url, REQUESTS);
      rounds.push(round);
      console.log(`[bench:subgraph-client] ${variant}: ${round.cpuUsPerRequest} µs CPU per fetch, ${round.requestsPerSecond} fetches/s`);
    }
    const atEnd = loadSnapshot();
    const summary = Object.fromEntries(
      names.map((variant) => {
        const mine = rounds.filter((round) => round.variant === variant);
        return [variant, { cpuUsPerRequest: median(mine.map((r) => r.cpuUsPerRequest)), requestsPerSecond: median(mine.map((r) => r.requestsPerSecond)) }];
      }),
    ) as Record<Variant, { cpuUsPerRequest: number; requestsPerSecond: number }>;
    const before = summary['node-fetch 2 (before)'];
    const after = summary['http.request (after)'];
    const report = {
      ...info,
      load: { atStart, atEnd },
      settings: { requestsPerRound: REQUESTS, concurrency: CONCURRENCY, roundsPerVariant: ROUNDS, responseBytes: stub.bodyBytes },
      summary,
      cpuPerFetchAfterOverBefore: Math.round((after.cpuUsPerRequest / before.cpuUsPerRequest) * 1000) / 1000,
      rounds,
    };
    const dir = join(repoRoot, 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'subgraph-client.json'), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(join(dir, 'subgraph-client.md'), markdown(report, describeRun(info, { atStart, atEnd })));
    console.log(`[bench:subgraph-client] CPU per fetch after/before: ${report.cpuPerFetchAfterOverBefore}`);
  } finally {
    stub.stop();
  }
}

function markdown(
  report: {
    settings: { requestsPerRound: number; concurrency: number; roundsPerVariant: number; responseBytes: number };
    summary: Record<Variant, { cpuUsPerRequest: number; requestsPerSecond: number }>;
    cpuPerFetchAfterOverBefore: number;
    rounds: Round[];
  },
  run: string,
): string {
  const { settings, summary, rounds } = report;
  return [
    '# Subgraph HTTP client: node-fetch 2 vs the lean http.request client',
    '',
    `${run} · \`npm run bench:subgraph-client\``,
    '',
    `Apollo's \`RemoteGraphQLDataSource.process\` (what the gateway runs per subgraph fetch, minus its own hooks) against a stub subgraph in a child process answering ${settings.responseBytes} bytes of JSON; ${settings.requestsPerRound} fetches per round at concurrency ${settings.concurrency}, ${settings.roundsPerVariant} rounds per variant in A B B A order after a warm-up. CPU is this process's user + system time per fetch: the client side only.`,
    '',
    '| client | CPU per fetch (µs, median) | fetches/s (median) |',
    '| --- | ---: | ---: |',
    ...Object.entries(summary).map(([variant, s]) => `| ${variant} | ${s.cpuUsPerRequest} | ${s.requestsPerSecond} |`),
    '',
    `CPU per fetch, after / before: **${report.cpuPerFetchAfterOverBefore}**.`,
    '',
    '## Rounds, in the order they ran',
    '',
    '| # | client | CPU per fetch (µs) | fetches/s | wall (ms) |',
    '| ---: | --- | ---: | ---: | ---: |',
    ...rounds.map((r, i) => `| ${i + 1} | ${r.variant} | ${r.cpuUsPerRequest} | ${r.requestsPerSecond} | ${r.wallMs} |`),
    '',
  ].join('\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
