// `npm run bench:leaderboard`: leaderboard reads at a million users while points are awarded. One gamification
// subgraph serves HTTP on this machine (PostgreSQL, the score table every award updates: LOYALTY.md); the bench
//   1. seeds BENCH_USERS (default 1,000,000) riders with points in this week's RIDERS board (one INSERT … SELECT);
//   2. measures `leaderboard(scope: RIDERS, first: 100)` (first page, and a page 5,000 rows deep by cursor) and `myRank`
//      (viewers spread over all ranks) through the subgraph's HTTP endpoint, idle and while awards run at
//      BENCH_AWARD_RATE (default 500/s): payment.succeeded events of seeded riders handed to the earning consumer's
//      handler (services.earning.handle: what the group's members hold at once is awarded in one batch), up to 32 at a
//      time;
//   3. writes bench/results/leaderboard.{json,md}. Needs PostgreSQL (DATABASE_URL; its own database, dropped after).
import { execSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migrateSubgraphs, type DatabaseTarget } from '../platform/db/index.js';
import { createMemoryEventBus, type AnyEventEnvelope } from '../platform/events/index.js';
import { serveSubgraph, type SubgraphDeps } from '../platform/graphql/index.js';
import { createLogger } from '../platform/logging/index.js';
import { createMemoryPubSub } from '../platform/pubsub/index.js';
import { createTestAuth } from '../platform/testing/index.js';
import { repoRoot } from '../subgraphs/registry.js';
import { readGamificationConfig } from '../subgraphs/gamification/src/config.js';
import { buildGamificationSubgraph } from '../subgraphs/gamification/src/server.js';
import { weekKey } from '../subgraphs/gamification/src/services/periods.js';
import type { RedisLeaderboardIndex } from '../subgraphs/gamification/src/store/leaderboard-redis.js';
import { adminQuery } from './admin-database.js';

const SERVER_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
// With REDIS_URL (default redis://127.0.0.1:6379; BENCH_REDIS=0: PostgreSQL only) the ranks come from Redis sorted sets.
const REDIS_URL = process.env.BENCH_REDIS === '0' ? undefined : (process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const USERS = Number(process.env.BENCH_USERS ?? 1_000_000);
const AWARD_RATE = Number(process.env.BENCH_AWARD_RATE ?? 500);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const GOAL_MS = 20;
// As many awards in flight as the consumer group has members in a process by default (LOYALTY_EARNING_CONCURRENCY):
// what the members hold at once is one batch, so the bench's batches are no larger than production's.
const IN_FLIGHT = readGamificationConfig({}).earningConcurrency;
const logger = createLogger({ level: 'silent' });
const log = (message: string) => process.stderr.write(`[bench:leaderboard] ${message}\n`);
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : Number.NaN);
const stats = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { count: sorted.length, p50: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)), max: round(sorted.at(-1) ?? Number.NaN) };
};

const dbName = `ridegraph_bench_leaderboard_${randomBytes(4).toString('hex')}`;
const database: DatabaseTarget = { kind: 'postgres', url: Object.assign(new URL(SERVER_URL), { pathname: `/${dbName}` }).toString() };
await adminQuery(SERVER_URL, `CREATE DATABASE "${dbName}"`);
const loadAverage: Record<string, number[]> = { atStart: loadavg().map((l) => round(l, 2)) };

try {
  log(`migrating ${dbName}`);
  await migrateSubgraphs(database);
  const testAuth = await createTestAuth();
  const deps: SubgraphDeps = {
    database,
    logger,
    pubsub: createMemoryPubSub({ prefix: `bench:${dbName}:` }),
    auth: testAuth.auth,
    events: createMemoryEventBus({ logger }),
    redisUrl: REDIS_URL,
  };
  const built = await buildGamificationSubgraph(deps, { background: false, config: { leaderboardRedisPrefix: `ridegraph:bench:${dbName}:lb:` } });
  const index = built.services.leaderboard.index as Partial<RedisLeaderboardIndex>;
  const running = await serveSubgraph(built, { port: 0, logger });
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();

  const week = weekKey(new Date());
  log(`seeding ${USERS} riders on board RIDERS/${week}`);
  const seedStarted = Date.now();
  await client.query(
    `insert into gamification.leaderboard_scores (scope, period, user_id, points, updated_at)
     select 'RIDERS', $1, gen_random_uuid(), 1 + floor(random() * 100000)::int, now() from generate_series(1, $2)`,
    [week, USERS],
  );
  await client.query('analyze gamification.leaderboard_scores');
  const seedMs = Date.now() - seedStarted;
  // Redis: the board is copied from PostgreSQL as a start with a missing set does (timed), before any read.
  const rebuildStarted = Date.now();
  if (index.rebuild) log(`rebuilt ${await index.rebuild('RIDERS', week)} scores in Redis`);
  const rebuildMs = index.rebuild ? Date.now() - rebuildStarted : null;
  // Viewers spread over the whole board (myRank's cost grows with the rank).
  const viewers = (
    await client.query<{ user_id: string }>(`select user_id::text as user_id from gamification.leaderboard_scores tablesample system (0.1) limit 200`)
  ).rows.map((r) => r.user_id);
  const riders = viewers.slice(0, 100);
  const headers = await Promise.all(viewers.map(async (userId) => ({ authorization: `Bearer ${await testAuth.tokenFor({ userId, roles: ['RIDER'] })}` })));
  const deepCursor = Buffer.from(
    `lb|5000|${(await client.query<{ points: number; user_id: string }>(`select points, user_id::text as user_id from gamification.leaderboard_scores where scope = 'RIDERS' and period = $1 order by points desc, user_id offset 4999 limit 1`, [week])).rows[0]!.points}|${(await client.query<{ user_id: string }>(`select user_id::text as user_id from gamification.leaderboard_scores where scope = 'RIDERS' and period = $1 order by points desc, user_id offset 4999 limit 1`, [week])).rows[0]!.user_id}`,
  ).toString('base64url');

  const post = async (query: string, variables: Record<string, unknown>, h: Record<string, string>) => {
    const started = performance.now();
    const response = await fetch(running.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...h },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return performance.now() - started;
  };
  const BOARD = `query ($after: String) { leaderboard(scope: RIDERS, first: 100, after: $after) { edges { node { rank points user { id } } } pageInfo { endCursor } } }`;
  const MY = `{ myRank(scope: RIDERS) { rank points } }`;

  /** One reader at a time, for `seconds`: the three reads in turn. */
  async function measure(seconds: number) {
    const first: number[] = [];
    const deep: number[] = [];
    const mine: number[] = [];
    const until = Date.now() + seconds * 1000;
    for (let i = 0; Date.now() < until; i += 1) {
      const h = headers[i % headers.length]!;
      first.push(await post(BOARD, {}, h));
      deep.push(await post(BOARD, { after: deepCursor }, h));
      mine.push(await post(MY, {}, h));
    }
    return { leaderboardFirstPage: stats(first), leaderboardPage5000: stats(deep), myRank: stats(mine) };
  }

  // Warm-up, then idle.
  await measure(2);
  log('measuring idle');
  const idle = await measure(SECONDS);
  loadAverage.afterIdle = loadavg().map((l) => round(l, 2));

  log(`measuring while awarding ${AWARD_RATE}/s`);
  let awarded = 0;
  let inFlight = 0;
  let awardFailures = 0;
  const awardLatencies: number[] = [];
  let stop = false;
  const award = async () => {
    const rider = riders[Math.floor(Math.random() * riders.length)]!;
    const occurredAt = new Date().toISOString();
    const event: AnyEventEnvelope = {
      id: randomUUID(),
      type: 'payment.succeeded',
      source: 'bench',
      occurredAt,
      payload: {
        paymentId: randomUUID(),
        purpose: 'TRIP_FARE',
        payerUserId: rider,
        tripId: randomUUID(),
        driverUserId: null,
        amount: { amountMinor: 1500, currency: 'USD' },
        method: 'WALLET',
        receiptNumber: 'R-1',
        occurredAt,
      },
    };
    const started = performance.now();
    inFlight += 1;
    try {
      // The consumer's own handler: batched with the awards in flight, the board scores applied after each commit.
      await built.services.earning.handle(event);
      awarded += 1;
      awardLatencies.push(performance.now() - started);
    } catch {
      awardFailures += 1;
    } finally {
      inFlight -= 1;
    }
  };
  const loadStarted = Date.now();
  const pending: Promise<void>[] = [];
  const producer = (async () => {
    let sent = 0;
    while (!stop) {
      const due = Math.floor(((Date.now() - loadStarted) / 1000) * AWARD_RATE);
      while (sent < due && inFlight < IN_FLIGHT) {
        pending.push(award());
        sent += 1;
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return sent;
  })();
  const loaded = await measure(SECONDS);
  stop = true;
  const attempted = await producer;
  await Promise.all(pending);
  const loadSeconds = (Date.now() - loadStarted) / 1000;
  loadAverage.atEnd = loadavg().map((l) => round(l, 2));

  const rankIndex: Report['rankIndex'] = REDIS_URL ? 'redis' : 'postgresql';
  const report = {
    date: new Date().toISOString(),
    commit: execSync('git rev-parse --short HEAD', { cwd: repoRoot }).toString().trim(),
    command: 'npm run bench:leaderboard',
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', memoryGb: round(totalmem() / 1024 ** 3, 1), node: process.version, loadAverage },
    users: USERS,
    seedMs,
    rankIndex,
    rebuildMs,
    seconds: SECONDS,
    idle,
    underAwards: {
      ...loaded,
      targetRate: AWARD_RATE,
      achievedRate: round(awarded / loadSeconds),
      attempted,
      awarded,
      failures: awardFailures,
      awardMs: stats(awardLatencies),
    },
  };
  const dir = join(repoRoot, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'leaderboard.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(dir, 'leaderboard.md'), markdown(report));
  log(`done: ${JSON.stringify({ idle, loaded, achievedRate: report.underAwards.achievedRate })}`);
  await client.end();
  await running.stop();
  if (REDIS_URL) {
    const { Redis } = await import('ioredis');
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`ridegraph:bench:${dbName}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  }
} finally {
  await adminQuery(SERVER_URL, `DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
}

type Report = {
  date: string;
  commit: string;
  command: string;
  machine: { cpus: number; model: string; memoryGb: number; node: string; loadAverage: Record<string, number[]> };
  users: number;
  seedMs: number;
  rankIndex: 'redis' | 'postgresql';
  rebuildMs: number | null;
  seconds: number;
  idle: Record<'leaderboardFirstPage' | 'leaderboardPage5000' | 'myRank', ReturnType<typeof stats>>;
  underAwards: Record<'leaderboardFirstPage' | 'leaderboardPage5000' | 'myRank', ReturnType<typeof stats>> & {
    targetRate: number;
    achievedRate: number;
    attempted: number;
    awarded: number;
    failures: number;
    awardMs: ReturnType<typeof stats>;
  };
};

function markdown(r: Report): string {
  const met = (ok: boolean) => (ok ? 'met' : '**missed**');
  const row = (name: string, key: 'leaderboardFirstPage' | 'leaderboardPage5000' | 'myRank') =>
    `| ${name} | ${r.idle[key].p50} / ${r.idle[key].p99} / ${r.idle[key].max} | ${r.underAwards[key].p50} / ${r.underAwards[key].p99} / ${r.underAwards[key].max} | ${met(r.underAwards[key].p99 < GOAL_MS)} |`;
  return [
    '# Leaderboard benchmark',
    '',
    `${r.date} · commit ${r.commit} · ${r.machine.cpus} CPUs (${r.machine.model}), ${r.machine.memoryGb} GB · Node ${r.machine.node} · \`${r.command}\``,
    '',
    `Load average (1/5/15 min) of the machine, shared with other work during the run: ${Object.entries(r.machine.loadAverage)
      .map(([when, l]) => `${when} ${l.join(' / ')}`)
      .join('; ')}.`,
    '',
    `${r.users.toLocaleString('en-US')} riders with points on this week's RIDERS board (seeded in ${r.seedMs} ms). Rank index: **${r.rankIndex === 'redis' ? `Redis sorted set (copied from PostgreSQL in ${r.rebuildMs} ms before the reads)` : 'PostgreSQL'}**. One gamification subgraph in the bench process answers over HTTP (token verification, operation limits, Apollo) on PostgreSQL on the same machine; one reader at a time for ${r.seconds} s per phase. Under load, awards (payment.succeeded handed to the earning consumer's handler, which awards what is in flight together in one transaction per batch: rules, ledger entries, score upserts, outbox) target ${r.underAwards.targetRate}/s with up to ${IN_FLIGHT} in flight (the consumer's default members): achieved **${r.underAwards.achievedRate}/s** (${r.underAwards.awarded} awarded, ${r.underAwards.failures} failed; award latency p50 / p99 ${r.underAwards.awardMs.p50} / ${r.underAwards.awardMs.p99} ms).`,
    '',
    `| request | idle p50 / p99 / max (ms) | under awards p50 / p99 / max (ms) | goal p99 < ${GOAL_MS} ms under awards |`,
    '| --- | --- | --- | --- |',
    row('`leaderboard(scope: RIDERS, first: 100)`', 'leaderboardFirstPage'),
    row('the same, 5,000 rows deep (`after` cursor)', 'leaderboardPage5000'),
    row('`myRank(scope: RIDERS)` (viewers over all ranks)', 'myRank'),
    '',
    r.rankIndex === 'redis'
      ? "myRank is ZRANK + ZSCORE on the sorted set (O(log n)); a page is ZRANGE from the cursor's rank. Scores reach Redis after each award's commit (versioned Lua apply)."
      : 'myRank counts the rows ahead of the viewer in the PostgreSQL index: its cost grows with the rank.',
    '',
  ].join('\n');
}
