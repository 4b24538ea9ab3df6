// `npm run bench:settlement`: how fast payments turns trip.completed events into ledger entries. One payments
// subgraph instance (this process) consumes a Redis stream on PostgreSQL; a producer in the same process appends
// trip.completed events straight to the bus (what trips' outbox relay does), half paid by wallets that hold enough,
// half in cash. Phases:
//   1. steady: BENCH_RATE events/s (default 100) for BENCH_SECONDS (default 30); lag = handler committed − occurredAt.
//      Then the same at BENCH_LOW_RATE (default 20/s), below what one consumer keeps up with here.
//   2. burst: BENCH_BURST events (default 5,000) appended at once; settlements/s = settled / (last commit − first append).
//   3. profile: statements per settlement (counted at the Prisma adapter), and the same settlement called directly
//      (no Redis) one at a time and 8 at a time, to tell the consumer's one-at-a-time handling from the database work.
// Writes bench/results/settlement.{json,md}. Needs PostgreSQL (DATABASE_URL, a user that may CREATE DATABASE: the run
// makes and drops its own database) and Redis (REDIS_URL, keys under a fresh prefix, deleted afterwards).
import { execSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import pg from 'pg';
import { createAccessTokenVerifier, generateSigningJwks, loadSigningKeys, readAuthConfig } from '../platform/auth/index.js';
import { migrateSubgraphs, type DatabaseTarget } from '../platform/db/index.js';
import { createRedisEventBus, type AnyEventEnvelope, type DomainEvents } from '../platform/events/index.js';
import type { SubgraphDeps } from '../platform/graphql/index.js';
import { createLogger } from '../platform/logging/index.js';
import { createMemoryPubSub } from '../platform/pubsub/index.js';
import { repoRoot } from '../subgraphs/registry.js';
import { readPaymentsConfig } from '../subgraphs/payments/src/config.js';
import { buildPaymentsSubgraph } from '../subgraphs/payments/src/server.js';
import { createLedger, owned, platform } from '../subgraphs/payments/src/services/ledger.js';
import { TRIP_SETTLEMENT_TYPES } from '../subgraphs/payments/src/services/trip-settlement.js';
import { openPaymentsDatabase } from '../subgraphs/payments/src/store/database.js';

type EventPaymentChoice = DomainEvents['trip.completed']['payment'];
import { adminQuery } from './admin-database.js';

const SERVER_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const RATE = Number(process.env.BENCH_RATE ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const BURST = Number(process.env.BENCH_BURST ?? 5000);
const LOW_RATE = Number(process.env.BENCH_LOW_RATE ?? 20);
const PROFILE_EVENTS = 300;
const RIDERS = 200;
const DRIVERS = 50;

const logger = createLogger({ level: 'silent' });
const log = (message: string) => process.stderr.write(`[bench:settlement] ${message}\n`);
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

const riders = Array.from({ length: RIDERS }, () => randomUUID());
const drivers = Array.from({ length: DRIVERS }, () => randomUUID());
let tripCounter = 0;
/** Even trips: a wallet rider (credited far beyond what the run spends); odd: cash. Fares 5.00–50.00. */
function tripCompleted(): AnyEventEnvelope {
  const i = tripCounter++;
  const occurredAt = new Date().toISOString();
  const payment: EventPaymentChoice = { method: i % 2 === 0 ? 'WALLET' : 'CASH', cardId: null };
  return {
    id: randomUUID(),
    type: 'trip.completed',
    source: 'trips',
    occurredAt,
    payload: {
      tripId: randomUUID(),
      riderUserId: riders[i % RIDERS]!,
      driverId: randomUUID(),
      driverUserId: drivers[i % DRIVERS]!,
      fleetId: randomUUID(),
      fare: { amountMinor: 500 + ((i * 7919) % 4501), currency: 'USD' },
      distanceMeters: 4200,
      durationSeconds: 900,
      city: null,
      category: 'ECONOMY',
      payment,
      occurredAt,
    },
  };
}

const dbName = `ridegraph_bench_settlement_${randomBytes(4).toString('hex')}`;
const prefix = `bench:${dbName}:`;
const database: DatabaseTarget = { kind: 'postgres', url: Object.assign(new URL(SERVER_URL), { pathname: `/${dbName}` }).toString() };
await adminQuery(SERVER_URL, `CREATE DATABASE "${dbName}"`);
const raw = new Redis(REDIS_URL);
const bus = createRedisEventBus({ url: REDIS_URL, prefix, logger });
const producer = createRedisEventBus({ url: REDIS_URL, prefix, logger });

/** When each event's settlement committed (ms since epoch), by event id. */
const committedAt = new Map<string, number>();
/** Counts statements while set (the profile phase). */
let statementCounter: ((sql: string) => void) | null = null;
/** The machine may be shared (other processes' CPU shows in every number): the 1/5/15-minute load averages. */
const loadAverage: { atStart?: number[]; afterSteady?: number[]; afterBurst?: number[]; atEnd?: number[] } = {};

try {
  loadAverage.atStart = loadavg().map((l) => round(l, 2));
  log(`migrating ${dbName}`);
  await migrateSubgraphs(database);
  const authConfig = readAuthConfig({});
  const signingKeys = await loadSigningKeys({ jwks: JSON.stringify(await generateSigningJwks()) });
  const deps: SubgraphDeps = {
    database,
    logger,
    pubsub: createMemoryPubSub({ prefix }),
    auth: { config: authConfig, signingKeys, verify: createAccessTokenVerifier({ jwks: signingKeys.publicJwks }, authConfig) },
    events: bus,
    redisUrl: REDIS_URL,
    onStatement: (sql) => statementCounter?.(sql),
  };
  // background: false, then the consumer wired as server.ts wires it (same group, types, handler and relay wake-up),
  // plus the one thing the bench needs: the time the handler's transaction committed.
  const payments = await buildPaymentsSubgraph(deps, { background: false });
  const services = payments.services;
  const concurrency = readPaymentsConfig(process.env).settlementConcurrency; // the members server.ts starts
  const consumers = Array.from({ length: concurrency }, () =>
    bus.consume({
      group: 'payments',
      types: TRIP_SETTLEMENT_TYPES,
      handle: async (event) => {
        if (await services.settleTripEventBatched(event)) payments.relay.wake();
        committedAt.set(event.id, Date.now());
      },
    }),
  );
  await Promise.all(consumers.map((consumer) => consumer.ready));

  log(`crediting ${RIDERS / 2} wallets`);
  const ledger = createLedger();
  const prismaSeed = openPaymentsDatabase(database);
  for (const [i, rider] of riders.entries()) {
    if (i % 2 !== 0) continue; // wallet riders are the even ones (trip i uses rider i % RIDERS, RIDERS even)
    await prismaSeed.$transaction((tx) =>
      ledger.post(tx, 'USD', {
        cause: 'PROMOTION',
        description: 'Bench credit',
        legs: [owned('RIDER_WALLET', rider, 10n ** 9n), platform('PROMOTIONS', -(10n ** 9n))],
      }),
    );
  }

  const waitSettled = async (ids: readonly string[], timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while (ids.some((id) => !committedAt.has(id))) {
      if (Date.now() > deadline) throw new Error(`${ids.filter((id) => !committedAt.has(id)).length} events not settled in ${timeoutMs} ms`);
      await sleep(20);
    }
  };

  // 1. Steady rate: one append per event at its scheduled time (a late tick catches up, never skips).
  const runSteady = async (rate: number, seconds: number) => {
    log(`steady: ${rate}/s for ${seconds} s`);
    const steady: AnyEventEnvelope[] = [];
    const steadyStart = performance.now();
    for (let i = 0; i < rate * seconds; i++) {
      const due = steadyStart + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const event = tripCompleted();
      steady.push(event);
      await producer.append([event]);
    }
    const steadyAppendSeconds = (performance.now() - steadyStart) / 1000;
    await waitSettled(
      steady.map((e) => e.id),
      10 * 60_000,
    );
    const lags = steady.map((e) => committedAt.get(e.id)! - Date.parse(e.occurredAt)).sort((a, b) => a - b);
    const createdLagRows = await prismaSeed.$queryRawUnsafe<{ p50: number; p99: number; max: number }[]>(
      `select percentile_disc(0.5) within group (order by ms) as p50, percentile_disc(0.99) within group (order by ms) as p99, max(ms) as max
       from (select extract(epoch from (p.created_at - to_timestamp(($1::jsonb ->> p.trip_id::text)::double precision / 1000))) * 1000 as ms
             from payments.payments p where p.trip_id::text in (select jsonb_object_keys($1::jsonb))) lag`,
      JSON.stringify(Object.fromEntries(steady.map((e) => [(e.payload as { tripId: string }).tripId, Date.parse(e.occurredAt)]))),
    );
    const result = {
      rate,
      seconds,
      events: steady.length,
      achievedAppendRate: round(steady.length / steadyAppendSeconds),
      lagMs: { p50: round(percentile(lags, 50)), p99: round(percentile(lags, 99)), max: round(lags.at(-1) ?? Number.NaN) },
      createdAtLagMs: { p50: round(Number(createdLagRows[0]?.p50)), p99: round(Number(createdLagRows[0]?.p99)), max: round(Number(createdLagRows[0]?.max)) },
    };
    log(`steady ${rate}/s: lag p50 ${result.lagMs.p50} ms, p99 ${result.lagMs.p99} ms`);
    return result;
  };
  const steadyResult = await runSteady(RATE, SECONDS);
  // The same below what one consumer keeps up with on this machine: the lag of the path itself, without a backlog.
  const lowSteadyResult = await runSteady(LOW_RATE, SECONDS);
  loadAverage.afterSteady = loadavg().map((l) => round(l, 2));

  // 2. Burst: everything appended at once (batches of 100, one MULTI each), settled as fast as the consumer goes.
  log(`burst: ${BURST} events`);
  const burst = Array.from({ length: BURST }, tripCompleted);
  const burstStart = Date.now();
  for (let i = 0; i < burst.length; i += 100) await producer.append(burst.slice(i, i + 100));
  const appendedMs = Date.now() - burstStart;
  await waitSettled(
    burst.map((e) => e.id),
    30 * 60_000,
  );
  const lastCommit = Math.max(...burst.map((e) => committedAt.get(e.id)!));
  const burstResult = {
    events: BURST,
    appendMs: appendedMs,
    elapsedMs: lastCommit - burstStart,
    settlementsPerSecond: round((BURST * 1000) / (lastCommit - burstStart)),
  };
  loadAverage.afterBurst = loadavg().map((l) => round(l, 2));
  log(`burst: ${burstResult.settlementsPerSecond} settlements/s`);
  await Promise.all(consumers.map((consumer) => consumer.stop()));

  // 3. Profile: the same handler called directly, without Redis.
  // Per statement kind: how many per settlement, and the time from its start to the next statement's start (its
  // round trip plus the JavaScript between them; after COMMIT, until the next settlement's first statement).
  const statements = new Map<string, { n: number; msToNext: number }>();
  let statementCount = 0;
  let previous: { key: string; at: number } | null = null;
  statementCounter = (sql) => {
    const at = performance.now();
    statementCount += 1;
    const key = sql.replace(/\s+/g, ' ').slice(0, 110);
    const entry = statements.get(key) ?? { n: 0, msToNext: 0 };
    entry.n += 1;
    statements.set(key, entry);
    if (previous) statements.get(previous.key)!.msToNext += at - previous.at;
    previous = { key, at };
  };
  const sequential = Array.from({ length: PROFILE_EVENTS }, tripCompleted);
  const sequentialStart = performance.now();
  for (const event of sequential) await services.settleTripEvent(event);
  const sequentialMs = performance.now() - sequentialStart;
  statementCounter = null;
  const concurrent = Array.from({ length: PROFILE_EVENTS }, tripCompleted);
  const concurrentStart = performance.now();
  const lanes = 8;
  // Sampled meanwhile: how many of the lanes' transactions wait for a lock, and in which statement.
  const lockWaits = new Map<string, number>();
  let samples = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const rows = await prismaSeed.$queryRawUnsafe<{ query: string; n: number }[]>(
        `select left(regexp_replace(query, '\\s+', ' ', 'g'), 80) as query, count(*)::int as n from pg_stat_activity
         where datname = current_database() and wait_event_type = 'Lock' group by 1`,
      );
      samples += 1;
      for (const row of rows) lockWaits.set(row.query, (lockWaits.get(row.query) ?? 0) + row.n);
      await sleep(10);
    }
  })();
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      for (let i = lane; i < concurrent.length; i += lanes) await services.settleTripEvent(concurrent[i]!);
    }),
  );
  const concurrentMs = performance.now() - concurrentStart;
  sampling = false;
  await sampler;
  const profile = {
    events: PROFILE_EVENTS,
    statementsPerSettlement: round(statementCount / PROFILE_EVENTS, 2),
    statements: [...statements.entries()]
      .sort((a, b) => b[1].msToNext - a[1].msToNext)
      .map(([sql, { n, msToNext }]) => ({ sql, perSettlement: round(n / PROFILE_EVENTS, 2), msToNextPerSettlement: round(msToNext / PROFILE_EVENTS, 2) })),
    directSequential: { msPerSettlement: round(sequentialMs / PROFILE_EVENTS, 2), settlementsPerSecond: round((PROFILE_EVENTS * 1000) / sequentialMs) },
    directConcurrent: {
      lanes,
      settlementsPerSecond: round((PROFILE_EVENTS * 1000) / concurrentMs),
      meanLanesWaitingForALock: round([...lockWaits.values()].reduce((a, b) => a + b, 0) / Math.max(samples, 1), 2),
      lockWaitsByStatement: [...lockWaits.entries()].sort((a, b) => b[1] - a[1]).map(([sql, n]) => ({ sql, meanWaiting: round(n / Math.max(samples, 1), 2) })),
    },
  };
  log(`profile: ${profile.statementsPerSettlement} statements/settlement, ${profile.directSequential.msPerSettlement} ms each one at a time`);

  // Baselines in the same conditions: one round trip through pg alone and through Prisma, and a commit.
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const timeEach = async (times: number, work: () => Promise<unknown>) => {
    const start = performance.now();
    for (let i = 0; i < times; i++) await work();
    return round((performance.now() - start) / times, 2);
  };
  await client.query('create table public.bench_commit (x int)');
  const baseline = {
    synchronousCommit: String((await client.query('show synchronous_commit')).rows[0]?.synchronous_commit),
    pgSelectMs: await timeEach(300, () => client.query('select 1')),
    prismaSelectMs: await timeEach(300, () => prismaSeed.$queryRawUnsafe('select 1')),
    pgInsertTransactionMs: await timeEach(200, async () => {
      await client.query('begin');
      await client.query('insert into public.bench_commit values (1)');
      await client.query('commit');
    }),
  };
  await client.end();

  const [ledgerCheck] = await prismaSeed.$queryRawUnsafe<{ total: string; payments: number }[]>(
    `select (select coalesce(sum(amount_minor), 0)::text from payments.postings) as total, (select count(*)::int from payments.payments) as payments`,
  );
  await prismaSeed.$disconnect();
  await payments.close();

  loadAverage.atEnd = loadavg().map((l) => round(l, 2));
  const report = {
    date: new Date().toISOString(),
    commit: execSync('git rev-parse --short HEAD', { cwd: repoRoot }).toString().trim(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', memoryGb: round(totalmem() / 2 ** 30), node: process.version, loadAverage },
    command: `npm run bench:settlement (BENCH_RATE=${RATE} BENCH_SECONDS=${SECONDS} BENCH_BURST=${BURST})`,
    steady: steadyResult,
    lowSteady: lowSteadyResult,
    burst: burstResult,
    profile,
    baseline,
    ledgerAfterRun: { sumOfAllPostings: ledgerCheck?.total, payments: ledgerCheck?.payments },
  };
  const dir = join(repoRoot, 'bench/results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'settlement.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(dir, 'settlement.md'), markdown(report));
  process.stdout.write(markdown(report));
} finally {
  await bus.dispose();
  await producer.dispose();
  const keys = await raw.keys(`${prefix}*`);
  if (keys.length > 0) await raw.del(...keys);
  await raw.quit();
  await adminQuery(SERVER_URL, `DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
}

interface Report {
  date: string;
  commit: string;
  machine: { cpus: number; model: string; memoryGb: number; node: string; loadAverage: typeof loadAverage };
  command: string;
  steady: {
    rate: number;
    seconds: number;
    events: number;
    achievedAppendRate: number;
    lagMs: Record<'p50' | 'p99' | 'max', number>;
    createdAtLagMs: Record<'p50' | 'p99' | 'max', number>;
  };
  lowSteady: {
    rate: number;
    seconds: number;
    events: number;
    achievedAppendRate: number;
    lagMs: Record<'p50' | 'p99' | 'max', number>;
    createdAtLagMs: Record<'p50' | 'p99' | 'max', number>;
  };
  burst: { events: number; appendMs: number; elapsedMs: number; settlementsPerSecond: number };
  profile: {
    events: number;
    statementsPerSettlement: number;
    statements: { sql: string; perSettlement: number; msToNextPerSettlement: number }[];
    directSequential: { msPerSettlement: number; settlementsPerSecond: number };
    directConcurrent: {
      lanes: number;
      settlementsPerSecond: number;
      meanLanesWaitingForALock: number;
      lockWaitsByStatement: { sql: string; meanWaiting: number }[];
    };
  };
  baseline: { synchronousCommit: string; pgSelectMs: number; prismaSelectMs: number; pgInsertTransactionMs: number };
  ledgerAfterRun: { sumOfAllPostings?: string; payments?: number };
}

function markdown(r: Report): string {
  const met = (ok: boolean) => (ok ? 'met' : 'missed');
  return [
    '# Settlement benchmark: trip.completed → ledger',
    '',
    `${r.date} · commit ${r.commit} · ${r.machine.cpus} CPUs (${r.machine.model}), ${r.machine.memoryGb} GB · Node ${r.machine.node} · \`${r.command}\``,
    '',
    `Load average (1/5/15 min) of the machine, shared with other work during the run: at start ${r.machine.loadAverage.atStart?.join(' / ')}, after the steady phase ${r.machine.loadAverage.afterSteady?.join(' / ')}, after the burst ${r.machine.loadAverage.afterBurst?.join(' / ')}, at the end ${r.machine.loadAverage.atEnd?.join(' / ')}.`,
    '',
    'One payments subgraph instance in the bench process consumes the Redis stream (group `payments`, the handler server.ts wires: `settleTripEventBatched`, which settles what the members of the group hold in one transaction, one at a time under `handleOnce` when a batch fails); the producer appends `trip.completed` envelopes straight to the bus from the same process. PostgreSQL and Redis run on the same machine. Half the trips are paid by wallets that hold enough, half in cash; no cards (the charger is not involved).',
    '',
    '| measure | goal | measured | |',
    '| --- | --- | --- | --- |',
    `| lag p99 at ${r.lowSteady.rate}/s for ${r.lowSteady.seconds} s (not a goal of the issue: below one consumer's capacity here) | — | ${r.lowSteady.lagMs.p99} ms | |`,
    `| lag p99 at ${r.steady.rate}/s for ${r.steady.seconds} s (occurredAt → handler committed) | < 1000 ms | ${r.steady.lagMs.p99} ms | ${met(r.steady.lagMs.p99 < 1000)} |`,
    `| settlements/s, burst of ${r.burst.events} | ≥ 500/s | ${r.burst.settlementsPerSecond}/s | ${met(r.burst.settlementsPerSecond >= 500)} |`,
    '',
    '## Steady rate',
    '',
    "| target rate | events | achieved append rate | lag p50 / p99 / max (ms), occurredAt → handler committed | lag p50 / p99 / max (ms), occurredAt → payments.created_at (the transaction's start) |",
    '| --- | --- | --- | --- | --- |',
    ...[r.steady, r.lowSteady].map(
      (s) =>
        `| ${s.rate}/s for ${s.seconds} s | ${s.events} | ${s.achievedAppendRate}/s | ${s.lagMs.p50} / ${s.lagMs.p99} / ${s.lagMs.max} | ${s.createdAtLagMs.p50} / ${s.createdAtLagMs.p99} / ${s.createdAtLagMs.max} |`,
    ),
    '',
    '## Burst',
    '',
    `${r.burst.events} events appended in ${r.burst.appendMs} ms; the last settlement committed ${r.burst.elapsedMs} ms after the first append: **${r.burst.settlementsPerSecond} settlements/s**.`,
    '',
    '## Profile (the same handler called directly, no Redis)',
    '',
    `- ${r.profile.events} settlements one at a time: ${r.profile.directSequential.msPerSettlement} ms each, ${r.profile.directSequential.settlementsPerSecond}/s.`,
    `- ${r.profile.events} settlements ${r.profile.directConcurrent.lanes} at a time: ${r.profile.directConcurrent.settlementsPerSecond}/s; on average ${r.profile.directConcurrent.meanLanesWaitingForALock} of the ${r.profile.directConcurrent.lanes} lanes were waiting for a lock (pg_stat_activity sampled every ~10 ms), in: ${r.profile.directConcurrent.lockWaitsByStatement.map((w) => `\`${w.sql}\` (${w.meanWaiting})`).join(', ') || 'none'}.`,
    `- ${r.profile.statementsPerSettlement} SQL statements per settlement (counted at the Prisma adapter: COMMIT is counted, the BEGIN that opens each transaction is not):`,
    '',
    '| statement (first 110 characters) | per settlement | ms from its start to the next statement, per settlement |',
    '| --- | --- | --- |',
    ...r.profile.statements.map((s) => `| \`${s.sql.replace(/\|/g, '\\|')}\` | ${s.perSettlement} | ${s.msToNextPerSettlement} |`),
    '',
    `Baselines in the same run (PostgreSQL synchronous_commit = ${r.baseline.synchronousCommit}): \`select 1\` ${r.baseline.pgSelectMs} ms through pg, ${r.baseline.prismaSelectMs} ms through Prisma; a transaction of one insert into a logged table (BEGIN, INSERT, COMMIT through pg) ${r.baseline.pgInsertTransactionMs} ms.`,
    '',
    `Ledger after the run: ${r.ledgerAfterRun.payments} payments, sum of all postings ${r.ledgerAfterRun.sumOfAllPostings}.`,
    '',
  ].join('\n');
}
