// `npm run bench:ops`: the operations summary on a year of a city's trips. One trips subgraph serves HTTP in this
// process on PostgreSQL; the bench
//   1. seeds BENCH_TRIPS (default 5,200,000) trips of BENCH_DRIVERS (default 2,000) drivers over the 365 days before
//      today (UTC) with their offers (bench/ops-seed.ts: INSERT … SELECT in PostgreSQL), then fills the summary's
//      rollups from them as the migration's backfill does;
//   2. asks `operationsSummary` through the subgraph's GraphQL HTTP endpoint as OPERATIONS, one request at a time:
//      BENCH_REQUESTS (default 200) month summaries of the city (each of the 12 whole calendar months before this
//      one in turn), then the same count of one fleet's month (as its FLEET_MANAGER), then a few of the whole year;
//   3. writes bench/results/ops.{json,md} with p50/p95/p99/max, the goal (city month p99 < 300 ms) met or missed,
//      and the query plans of one city month. Needs PostgreSQL (DATABASE_URL; its own database, dropped after unless
//      BENCH_KEEP_DATABASE=1; BENCH_DATABASE=<name> reuses a database a kept run seeded and skips the seed).
import { execSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migrateSubgraphs, type DatabaseTarget } from '../platform/db/index.js';
import { createMemoryEventBus } from '../platform/events/index.js';
import { serveSubgraph, type SubgraphDeps } from '../platform/graphql/index.js';
import { createLogger } from '../platform/logging/index.js';
import { createMemoryPubSub } from '../platform/pubsub/index.js';
import { createTestAuth } from '../platform/testing/index.js';
import { repoRoot } from '../subgraphs/registry.js';
import { buildTripsSubgraph } from '../subgraphs/trips/src/server.js';
import { adminQuery } from './admin-database.js';
import { BENCH_CITY, fleetIdOf, seedYearOfTrips, type SeedTimings } from './ops-seed.js';

const SERVER_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const TRIPS = Number(process.env.BENCH_TRIPS ?? 5_200_000);
const DRIVERS = Number(process.env.BENCH_DRIVERS ?? 2000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const YEAR_REQUESTS = Number(process.env.BENCH_YEAR_REQUESTS ?? 5);
const REUSE = process.env.BENCH_DATABASE;
const KEEP = process.env.BENCH_KEEP_DATABASE === '1' || REUSE !== undefined;
const GOAL_MS = 300;
const logger = createLogger({ level: 'silent' });
const log = (message: string) => process.stderr.write(`[bench:ops] ${message}\n`);
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : Number.NaN);
const stats = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? Number.NaN),
  };
};

const SUMMARY = `query ($from: DateTime!, $to: DateTime!, $fleetId: ID, $city: String) {
  operationsSummary(from: $from, to: $to, fleetId: $fleetId, city: $city) {
    tripsRequested tripsByStatus { status count } tripsByHour { hour requested completed cancelled }
    completionRate cancellationRate cancellationsBy { by count } offersMade offerAcceptanceRate averagePickupSeconds
    revenue { amountMinor currency } driversOnTrip driverHoursOnTrip
  }
}`;

const today = new Date(new Date().toISOString().slice(0, 10) + 'T00:00:00.000Z');
/** The 12 whole calendar months (UTC) before the current one, oldest first. */
const months = Array.from({ length: 12 }, (_, k) => {
  const start = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 12 + k, 1));
  const end = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 11 + k, 1));
  return { from: start.toISOString(), to: end.toISOString() };
});

const dbName = REUSE ?? `ridegraph_bench_ops_${randomBytes(4).toString('hex')}`;
const database: DatabaseTarget = { kind: 'postgres', url: Object.assign(new URL(SERVER_URL), { pathname: `/${dbName}` }).toString() };
const loadAverage: Record<string, number[]> = { atStart: loadavg().map((l) => round(l, 2)) };
if (!REUSE) await adminQuery(SERVER_URL, `CREATE DATABASE "${dbName}"`);

try {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  let seed: SeedTimings | null = null;
  if (!REUSE) {
    log(`migrating ${dbName}`);
    await migrateSubgraphs(database, ['trips']);
    seed = await seedYearOfTrips(client, { trips: TRIPS, drivers: DRIVERS, to: today, log });
    log(`seeded: ${JSON.stringify(seed)}`);
  }
  loadAverage.afterSeed = loadavg().map((l) => round(l, 2));
  const counts = (
    await client.query<{ trips: number; offers: number }>(
      `select (select count(*) from trips.trips)::int as trips, (select count(*) from trips.dispatch_offers)::int as offers`,
    )
  ).rows[0]!;

  const testAuth = await createTestAuth();
  const deps: SubgraphDeps = {
    database,
    logger,
    pubsub: createMemoryPubSub({ prefix: `bench:${dbName}:` }),
    auth: testAuth.auth,
    events: createMemoryEventBus({ logger }),
  };
  const built = await buildTripsSubgraph(deps, { startDispatcher: false });
  const running = await serveSubgraph(built, { port: 0, logger });
  const operations = { authorization: `Bearer ${await testAuth.tokenFor({ userId: randomUUID(), roles: ['OPERATIONS'] })}` };
  const manager = { authorization: `Bearer ${await testAuth.tokenFor({ userId: randomUUID(), roles: ['FLEET_MANAGER'], fleetIds: [fleetIdOf(3)] })}` };

  const post = async (variables: Record<string, unknown>, headers: Record<string, string>) => {
    const started = performance.now();
    const response = await fetch(running.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: SUMMARY, variables }),
    });
    const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[]; data?: { operationsSummary: { tripsRequested: number } } | null };
    const ms = performance.now() - started;
    // A request past the subgraph's deadline (15 s) is REQUEST_ABORTED: counted as a failure with its time, not dropped.
    if (body.errors) return { ms, trips: 0, error: String(body.errors[0]?.extensions?.code ?? 'ERROR') };
    return { ms, trips: body.data!.operationsSummary.tripsRequested, error: null };
  };
  const failures: Record<string, Record<string, number>> = { cityMonth: {}, fleetMonth: {}, cityYear: {} };
  const fail = (phase: string, error: string | null) => {
    if (error) failures[phase]![error] = (failures[phase]![error] ?? 0) + 1;
  };

  log('warming up');
  for (const month of months.slice(0, Math.min(months.length, REQUESTS))) await post({ ...month, city: BENCH_CITY }, operations);

  log(`measuring ${REQUESTS} city months`);
  const cityMonth: number[] = [];
  const tripsPerMonth: number[] = [];
  for (let i = 0; i < REQUESTS; i += 1) {
    const { ms, trips, error } = await post({ ...months[i % months.length]!, city: BENCH_CITY }, operations);
    fail('cityMonth', error);
    cityMonth.push(ms);
    if (i < months.length) tripsPerMonth.push(trips);
  }
  loadAverage.afterCityMonths = loadavg().map((l) => round(l, 2));

  log(`measuring ${REQUESTS} fleet months`);
  const fleetMonth: number[] = [];
  let fleetTrips = 0;
  for (let i = 0; i < REQUESTS; i += 1) {
    const { ms, trips, error } = await post({ ...months[i % months.length]!, fleetId: fleetIdOf(3) }, manager);
    fail('fleetMonth', error);
    fleetMonth.push(ms);
    if (i === 0) fleetTrips = trips;
  }

  log(`measuring ${YEAR_REQUESTS} city years`);
  const year: number[] = [];
  let yearTrips = 0;
  for (let i = 0; i < YEAR_REQUESTS; i += 1) {
    const { ms, trips, error } = await post(
      { from: new Date(today.getTime() - 365 * 86_400_000).toISOString(), to: today.toISOString(), city: BENCH_CITY },
      operations,
    );
    fail('cityYear', error);
    year.push(ms);
    yearTrips = trips;
  }
  loadAverage.atEnd = loadavg().map((l) => round(l, 2));

  // The plans of one city month, as the store sends them (the same SQL text, EXPLAIN ANALYZE).
  const plans = await explainCityMonth(client, months[months.length - 1]!);

  const report = {
    date: new Date().toISOString(),
    commit: execSync('git rev-parse --short HEAD', { cwd: repoRoot }).toString().trim(),
    command: 'npm run bench:ops',
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', memoryGb: round(totalmem() / 1024 ** 3, 1), node: process.version, loadAverage },
    postgres: (await client.query<{ v: string }>('select version() as v')).rows[0]!.v,
    data: { trips: counts.trips, offers: counts.offers, drivers: DRIVERS, fleets: 20, seed, reusedDatabase: REUSE !== undefined },
    goal: { request: 'city month p99', ms: GOAL_MS, met: stats(cityMonth).p99 < GOAL_MS && Object.keys(failures.cityMonth!).length === 0 },
    failures,
    cityMonth: { ...stats(cityMonth), tripsPerMonth },
    fleetMonth: { ...stats(fleetMonth), tripsInFirstMonth: fleetTrips },
    cityYear: { ...stats(year), trips: yearTrips },
    plans,
  };
  const dir = join(repoRoot, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'ops.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(dir, 'ops.md'), markdown(report));
  log(`done: ${JSON.stringify({ cityMonth: report.cityMonth, fleetMonth: report.fleetMonth, cityYear: report.cityYear })}`);
  await client.end();
  await running.stop();
} finally {
  if (!KEEP) await adminQuery(SERVER_URL, `DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  else log(`kept database ${dbName}`);
}

/** EXPLAIN (ANALYZE, BUFFERS) of the two statements of a city month, captured from the store through a statement listener. */
async function explainCityMonth(client: pg.Client, month: { from: string; to: string }): Promise<string[]> {
  const { createOperationsStore } = await import('../subgraphs/trips/src/store/operations-store.js');
  const captured: { sql: string; params: unknown[] }[] = [];
  const recorder = {
    $executeRawUnsafe: async () => 0,
    $queryRawUnsafe: async (sql: string, ...params: unknown[]) => {
      captured.push({ sql, params });
      return [];
    },
  };
  const store = createOperationsStore(recorder as never);
  const scope = {
    from: new Date(month.from),
    to: new Date(month.to),
    fleetIds: null,
    city: BENCH_CITY,
  };
  await store.tripAggregates(scope);
  await store.offerAggregates(scope);
  const plans: string[] = [];
  await client.query('set jit = off');
  for (const { sql, params } of captured) {
    const { rows } = await client.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${sql}`, params);
    plans.push(rows.map((r) => r['QUERY PLAN']).join('\n'));
  }
  return plans;
}

type Stats = ReturnType<typeof stats>;
interface Report {
  date: string;
  commit: string;
  command: string;
  machine: { cpus: number; model: string; memoryGb: number; node: string; loadAverage: Record<string, number[]> };
  postgres: string;
  data: { trips: number; offers: number; drivers: number; fleets: number; seed: SeedTimings | null; reusedDatabase: boolean };
  goal: { request: string; ms: number; met: boolean };
  failures: Record<string, Record<string, number>>;
  cityMonth: Stats & { tripsPerMonth: number[] };
  fleetMonth: Stats & { tripsInFirstMonth: number };
  cityYear: Stats & { trips: number };
  plans: string[];
}

function markdown(r: Report): string {
  const line = (name: string, s: Stats, goal: string) => `| ${name} | ${s.count} | ${s.p50} | ${s.p95} | ${s.p99} | ${s.max} | ${goal} |`;
  const seed = r.data.seed
    ? `seeded by this run in ${round((r.data.seed.tripsMs + r.data.seed.offersMs + r.data.seed.indexesMs + r.data.seed.rollupsMs + r.data.seed.analyzeMs) / 1000)} s (trips ${round(r.data.seed.tripsMs / 1000)} s, offers ${round(r.data.seed.offersMs / 1000)} s, indexes ${round(r.data.seed.indexesMs / 1000)} s, rollups ${round(r.data.seed.rollupsMs / 1000)} s, vacuum analyze ${round(r.data.seed.analyzeMs / 1000)} s)`
    : 'in a database an earlier run seeded (BENCH_DATABASE)';
  return [
    '# Operations summary benchmark',
    '',
    `${r.date} · commit ${r.commit} · ${r.machine.cpus} CPUs (${r.machine.model}), ${r.machine.memoryGb} GB · Node ${r.machine.node} · \`${r.command}\``,
    '',
    `${r.postgres.split(' on ')[0]} on the same machine. Load average (1/5/15 min) of the machine, shared with other work during the run: ${Object.entries(
      r.machine.loadAverage,
    )
      .map(([when, l]) => `${when} ${l.join(' / ')}`)
      .join('; ')}.`,
    '',
    `${r.data.trips.toLocaleString('en-US')} trips and ${r.data.offers.toLocaleString('en-US')} offers of ${r.data.drivers.toLocaleString('en-US')} drivers in ${r.data.fleets} fleets of one city over the 365 days before the run, ${seed}. Trips per calendar month summarised: ${r.cityMonth.tripsPerMonth.map((n) => n.toLocaleString('en-US')).join(', ')}.`,
    '',
    "Each request is `operationsSummary` with every field (744 hourly entries for a 31-day month) through the trips subgraph's HTTP endpoint (token verification, operation limits, Apollo Server), one at a time, cycling over the 12 whole calendar months before the current one.",
    '',
    `**Goal: the city's month summary answers in under ${r.goal.ms} ms p99 — ${r.goal.met ? 'met' : '**missed**'}.**`,
    '',
    '| request | n | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | goal |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    line('city, one month (OPERATIONS)', r.cityMonth, `p99 < ${r.goal.ms} ms: ${r.goal.met ? 'met' : '**missed**'}`),
    line(`one fleet, one month (FLEET_MANAGER; ${r.fleetMonth.tripsInFirstMonth.toLocaleString('en-US')} trips in the first)`, r.fleetMonth, '—'),
    line(`city, 365 days (${r.cityYear.trips.toLocaleString('en-US')} trips)`, r.cityYear, '—'),
    '',
    `Failed requests (counted in the latencies above with the time they took): ${
      Object.entries(r.failures)
        .filter(([, f]) => Object.keys(f).length > 0)
        .map(([phase, f]) => `${phase} ${JSON.stringify(f)}`)
        .join('; ') || 'none'
    }.`,
    '',
    '## Plans of one city month',
    '',
    ...r.plans.flatMap((plan, i) => [`Statement ${i + 1} (${i === 0 ? 'trips' : 'offers'}):`, '', '```', plan, '```', '']),
  ].join('\n');
}
