// `npm run bench:notifications`: how fast notifications turns domain events into inbox rows and live deliveries,
// and how long an announcement to a large audience takes. One notifications subgraph (this process, its real
// consumer, sender and announcer with the development providers) on PostgreSQL, events through Redis Streams.
//   1. steady: BENCH_RATE trip.arrived events/s (default 200) for BENCH_SECONDS (default 20), each for one of 500
//      riders whose NOTIFICATION_ADDED channel this process listens to; lag = live event received − occurredAt.
//   2. announcement: BENCH_AUDIENCE riders (default 100,000, written straight into known_users) get one
//      announcement (push queued); time from sendAnnouncement to completedAt. Meanwhile, and for as long before it,
//      a rider's inbox page is asked for back to back — the GraphQL query over HTTP, as the gateway fetches it, and
//      its statement alone — with p99 before and during (until the sender has also gone through the announcement's
//      pushes), and this process's event loop delay.
// Writes bench/results/notifications.{json,md}. Needs PostgreSQL (DATABASE_URL, may CREATE DATABASE; the run drops
// its own database) and Redis (REDIS_URL, keys under a fresh prefix).
import { execSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { createAccessTokenSigner, createAccessTokenVerifier, generateSigningJwks, loadSigningKeys, readAuthConfig } from '../platform/auth/index.js';
import { migrateSubgraphs, type DatabaseTarget } from '../platform/db/index.js';
import { createRedisEventBus, type AnyEventEnvelope } from '../platform/events/index.js';
import { serveSubgraph, type SubgraphDeps } from '../platform/graphql/index.js';
import { createLogger } from '../platform/logging/index.js';
import { createMemoryPubSub } from '../platform/pubsub/index.js';
import { repoRoot } from '../subgraphs/registry.js';
import { buildNotificationsSubgraph } from '../subgraphs/notifications/src/server.js';
import { ANNOUNCEMENT_BATCH, createAnnouncement } from '../subgraphs/notifications/src/services/announcer.js';
import { SENDER_BACKLOG_PAUSE_MS } from '../subgraphs/notifications/src/services/sender.js';
import { openNotificationsDatabase } from '../subgraphs/notifications/src/store/database.js';
import { createNotificationStore } from '../subgraphs/notifications/src/store/notification-store.js';
import { adminQuery } from './admin-database.js';

const SERVER_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const RATE = Number(process.env.BENCH_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const AUDIENCE = Number(process.env.BENCH_AUDIENCE ?? 100_000);
const RIDERS = 500;
const BASELINE_MS = 5_000;

const logger = createLogger({ level: 'silent' });
const log = (message: string) => process.stderr.write(`[bench:notifications] ${message}\n`);
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const roundAll = (values: Record<string, number>) => Object.fromEntries(Object.entries(values).map(([key, value]) => [key, round(value)]));
const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? Number.NaN),
  };
};

const dbName = `ridegraph_bench_notifications_${randomBytes(4).toString('hex')}`;
const prefix = `bench:${dbName}:`;
const database: DatabaseTarget = { kind: 'postgres', url: Object.assign(new URL(SERVER_URL), { pathname: `/${dbName}` }).toString() };
await adminQuery(SERVER_URL, `CREATE DATABASE "${dbName}"`);
const raw = new Redis(REDIS_URL);
const bus = createRedisEventBus({ url: REDIS_URL, prefix, logger });
const producer = createRedisEventBus({ url: REDIS_URL, prefix, logger });
const load: Record<string, number[]> = { atStart: loadavg().map((l) => round(l, 2)) };

try {
  log(`migrating ${dbName}`);
  await migrateSubgraphs(database);
  const authConfig = readAuthConfig({});
  const signingKeys = await loadSigningKeys({ jwks: JSON.stringify(await generateSigningJwks()) });
  const pubsub = createMemoryPubSub({ prefix });
  const deps: SubgraphDeps = {
    database,
    logger,
    pubsub,
    auth: { config: authConfig, signingKeys, verify: createAccessTokenVerifier({ jwks: signingKeys.publicJwks }, authConfig) },
    events: bus,
    redisUrl: REDIS_URL,
  };
  const subgraph = await buildNotificationsSubgraph(deps);
  // Served over HTTP as in production, for the inbox query the announcement must not slow (phase 2).
  const running = await serveSubgraph(subgraph, { port: 0, logger });
  const sign = createAccessTokenSigner(signingKeys, authConfig);
  await Promise.all(subgraph.inboxEvents.map((consumer) => consumer.ready));
  const prisma = openNotificationsDatabase(database);

  // 1. Steady rate.
  const riders = Array.from({ length: RIDERS }, () => randomUUID());
  const occurred = new Map<string, number>();
  const lags: number[] = [];
  const listeners = riders.map((rider) => pubsub.subscribe('NOTIFICATION_ADDED', rider));
  await Promise.all(listeners.map((l) => l.ready));
  const byNotification = new Map<string, number>();
  for (const listener of listeners) {
    void (async () => {
      for await (const event of listener) byNotification.set(event.notificationId, Date.now());
    })();
  }
  log(`steady: ${RATE}/s for ${SECONDS} s`);
  const total = RATE * SECONDS;
  const start = Date.now();
  const events: AnyEventEnvelope[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / RATE;
    const wait = due - Date.now();
    if (wait > 0) await sleep(wait);
    const occurredAt = new Date();
    const event: AnyEventEnvelope = {
      id: randomUUID(),
      type: 'trip.arrived',
      source: 'bench',
      occurredAt: occurredAt.toISOString(),
      payload: { tripId: randomUUID(), riderUserId: riders[i % RIDERS]!, driverId: randomUUID(), occurredAt: occurredAt.toISOString() },
    };
    occurred.set(event.id, occurredAt.getTime());
    events.push(event);
    void producer.append([event]);
  }
  const sentMs = Date.now() - start;
  const deadline = Date.now() + 120_000;
  while (byNotification.size < total && Date.now() < deadline) await sleep(200);
  const rows = await prisma.notification.findMany({ where: { type: 'DRIVER_ARRIVED' }, select: { id: true, createdAt: true } });
  const eventTimes = [...occurred.values()].sort((a, b) => a - b);
  // Live events do not name their event: pair the k-th delivery with the k-th event in time order. With several
  // consumer members the handling order differs slightly from the append order, so single lags are approximate;
  // the distribution is what the pairing keeps.
  const delivered = [...byNotification.values()].sort((a, b) => a - b);
  for (let k = 0; k < Math.min(delivered.length, eventTimes.length); k++) lags.push(delivered[k]! - eventTimes[k]!);
  const steady = {
    rate: RATE,
    seconds: SECONDS,
    appended: total,
    appendSeconds: round(sentMs / 1000),
    inboxRows: rows.length,
    liveDelivered: byNotification.size,
    lagMs: stats(lags),
  };
  load.afterSteady = loadavg().map((l) => round(l, 2));
  log(`steady: p99 lag ${steady.lagMs.p99} ms, ${rows.length}/${total} rows`);
  for (const listener of listeners) await listener.return?.();

  // 2. Announcement to AUDIENCE riders, with inbox reads running meanwhile.
  log(`announcement: ${AUDIENCE} riders`);
  await prisma.$executeRawUnsafe(
    `insert into notifications.known_users (user_id, roles, active, changed_at) select gen_random_uuid(), array['RIDER'], true, now() from generate_series(1, $1)`,
    AUDIENCE,
  );
  const store = createNotificationStore(prisma);
  const readTimes = { before: [] as number[], during: [] as number[] };
  const queryTimes = { before: [] as number[], during: [] as number[] };
  const state: { phase: 'before' | 'during' | 'done' } = { phase: 'before' };
  // A rider's inbox page as the gateway asks the subgraph for it (an _entities fetch of User.notifications), with
  // the rider's own token: the normal query the goal speaks of.
  const INBOX_PAGE = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on User { notifications(first: 20) { edges { node { id type title readAt } } } } } }`;
  const askers = await Promise.all(
    riders.slice(0, 20).map(async (userId) => ({
      authorization: `Bearer ${(await sign({ userId, roles: ['RIDER'], sessionId: randomUUID() })).token}`,
      body: JSON.stringify({ query: INBOX_PAGE, variables: { representations: [{ __typename: 'User', id: userId }] } }),
    })),
  );
  const inboxQuery = async (i: number) => {
    const asker = askers[i % askers.length]!;
    const response = await fetch(running.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: asker.authorization },
      body: asker.body,
    });
    const result = (await response.json()) as { errors?: unknown[] };
    if (!response.ok || result.errors) throw new Error(`inbox query failed: ${response.status} ${JSON.stringify(result.errors)}`);
  };
  // One loop, the two reads in turn: the statement alone (what the database and the pool add) and the query over
  // HTTP (what a user waits for). Back to back in both phases, so before and during carry the same load.
  const reader = (async () => {
    let i = 0;
    while (state.phase !== 'done') {
      const t = performance.now();
      await store.pagesByUserIds([riders[i % RIDERS]!], { take: 21, after: null }, { unreadOnly: false });
      const t2 = performance.now();
      await inboxQuery(i++);
      const t3 = performance.now();
      const phase = state.phase as 'before' | 'during' | 'done'; // changed by the other task meanwhile
      if (phase !== 'done') {
        readTimes[phase].push(t2 - t);
        queryTimes[phase].push(t3 - t2);
      }
    }
  })();
  const loopDelay = monitorEventLoopDelay({ resolution: 1 });
  /** The event loop delay since the last reset, ms; stops recording. */
  const loopDelayMs = () => {
    loopDelay.disable();
    return roundAll({ p50: loopDelay.percentile(50) / 1e6, p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 });
  };
  loopDelay.enable();
  await sleep(BASELINE_MS);
  const loopBefore = loopDelayMs();
  loopDelay.reset();
  loopDelay.enable();
  state.phase = 'during';
  const staff = { userId: randomUUID(), roles: ['OPERATIONS' as const], sessionId: randomUUID(), fleetIds: [], expiresAt: new Date(Date.now() + 3600_000) };
  const announceStart = Date.now();
  const announcement = await createAnnouncement(prisma, staff, {
    audience: 'ALL_RIDERS',
    title: 'Bench',
    body: 'An announcement to everyone.',
    channels: ['PUSH'],
    idempotencyKey: `bench-${randomUUID()}`,
  });
  subgraph.services.wakeAnnouncer();
  let done = await prisma.announcement.findUniqueOrThrow({ where: { id: announcement.id } });
  while (!done.completedAt && Date.now() - announceStart < 30 * 60_000) {
    await sleep(250);
    done = await prisma.announcement.findUniqueOrThrow({ where: { id: announcement.id } });
  }
  const announceMs = (done.completedAt?.getTime() ?? Date.now()) - announceStart;
  // The reads stay "during" until the sender has also gone through the announcement's pushes: its work is the
  // announcement's too.
  const queuedPushes = async () =>
    Number(
      (
        await prisma.$queryRaw<{ n: number }[]>`select count(*)::int as n from notifications.deliveries d
          join notifications.notifications n on n.id = d.notification_id where n.type = 'ANNOUNCEMENT' and d.status = 'QUEUED'`
      )[0]!.n,
    );
  while ((await queuedPushes()) > 0 && Date.now() - announceStart < 30 * 60_000) await sleep(1000);
  const deliveredMs = Date.now() - announceStart;
  state.phase = 'done';
  const loopDuring = loopDelayMs();
  await reader;
  const announcementResult = {
    audience: AUDIENCE,
    recipients: done.recipientCount,
    seconds: round(announceMs / 1000),
    pushesDoneSeconds: round(deliveredMs / 1000),
    inboxReadMs: { before: stats(readTimes.before), during: stats(readTimes.during) },
    inboxQueryMs: { before: stats(queryTimes.before), during: stats(queryTimes.during) },
    eventLoopDelayMs: { before: loopBefore, during: loopDuring },
  };
  load.atEnd = loadavg().map((l) => round(l, 2));
  log(`announcement: ${announcementResult.recipients} in ${announcementResult.seconds} s`);

  await subgraph.close();
  await prisma.$disconnect();

  const report = {
    command: 'npm run bench:notifications',
    date: new Date().toISOString(),
    commit: execSync('git rev-parse --short HEAD', { cwd: repoRoot }).toString().trim(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? '?', memoryGb: round(totalmem() / 2 ** 30), node: process.version },
    load,
    steady,
    announcement: announcementResult,
    goals: {
      lagP99Under500ms: steady.lagMs.p99 < 500,
      // Complete: every inbox row written and every push delivery sent or skipped.
      announcementUnder60s: announcementResult.pushesDoneSeconds < 60 && announcementResult.recipients === AUDIENCE,
      // The goal: normal queries' p99 at most doubled — the inbox query over HTTP; the bare statement is reported beside it.
      queryP99AtMost2x: announcementResult.inboxQueryMs.during.p99 <= 2 * announcementResult.inboxQueryMs.before.p99,
      readP99AtMost2x: announcementResult.inboxReadMs.during.p99 <= 2 * announcementResult.inboxReadMs.before.p99,
    },
  };
  const dir = join(repoRoot, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'notifications.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(dir, 'notifications.md'), markdown(report));
  log('wrote bench/results/notifications.{json,md}');
  await running.stop(); // its HTTP server would keep the process alive
} finally {
  await bus.dispose();
  await producer.dispose();
  const keys = await raw.keys(`${prefix}*`);
  if (keys.length > 0) await raw.del(...keys);
  raw.disconnect();
  await adminQuery(SERVER_URL, `DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
}

function markdown(r: {
  command: string;
  date: string;
  commit: string;
  machine: { cpus: number; model: string; memoryGb: number; node: string };
  load: Record<string, number[]>;
  steady: { rate: number; seconds: number; appended: number; inboxRows: number; liveDelivered: number; lagMs: ReturnType<typeof stats> };
  announcement: {
    audience: number;
    recipients: number;
    seconds: number;
    pushesDoneSeconds: number;
    inboxReadMs: { before: ReturnType<typeof stats>; during: ReturnType<typeof stats> };
    inboxQueryMs: { before: ReturnType<typeof stats>; during: ReturnType<typeof stats> };
    eventLoopDelayMs: { before: Record<string, number>; during: Record<string, number> };
  };
  goals: Record<string, boolean>;
}): string {
  const s = r.steady;
  const a = r.announcement;
  const met = (ok: boolean | undefined) => (ok ? 'met' : 'missed');
  return [
    '# bench:notifications',
    '',
    `${r.date} · commit ${r.commit} · ${r.machine.cpus} CPUs (${r.machine.model}), ${r.machine.memoryGb} GB · Node ${r.machine.node} · \`${r.command}\``,
    `Load average (1/5/15 min): start ${r.load.atStart?.join(' / ')}, after steady ${r.load.afterSteady?.join(' / ')}, end ${r.load.atEnd?.join(' / ')} — the machine is shared; other processes' CPU shows in every number.`,
    'One notifications subgraph in this process (its consumer, sender and announcer, development providers), PostgreSQL on this machine, events through Redis Streams.',
    '',
    '## Steady rate (trip.arrived → inbox row → NOTIFICATION_ADDED)',
    '',
    `${s.appended} events at ${s.rate}/s for ${s.seconds} s: ${s.inboxRows} inbox rows, ${s.liveDelivered} live deliveries. Lag (live event received − occurredAt; k-th delivery paired with the k-th event), ms: p50 ${s.lagMs.p50}, p95 ${s.lagMs.p95}, p99 ${s.lagMs.p99}, max ${s.lagMs.max}. Goal p99 < 500 ms: ${met(r.goals.lagP99Under500ms)}.`,
    '',
    '## Announcement',
    '',
    `${a.recipients} of ${a.audience} riders in ${a.seconds} s (batches of ${ANNOUNCEMENT_BATCH}, push queued per recipient); every push delivery sent or skipped after ${a.pushesDoneSeconds} s (the sender pauses ${SENDER_BACKLOG_PAUSE_MS} ms after each full batch). Goal < 60 s: ${met(r.goals.announcementUnder60s)}. The reads below count as "during" until the pushes are done.`,
    `Normal query — a rider's inbox page as the gateway fetches it from the subgraph (\`_entities\` → \`User.notifications(first: 20)\`, over HTTP with the rider's token), ms: before p50 ${a.inboxQueryMs.before.p50} / p99 ${a.inboxQueryMs.before.p99} (${a.inboxQueryMs.before.n} queries), during p50 ${a.inboxQueryMs.during.p50} / p99 ${a.inboxQueryMs.during.p99} (${a.inboxQueryMs.during.n} queries). Goal p99 at most 2×: ${met(r.goals.queryP99AtMost2x)}.`,
    `The same page's statement alone (\`User.notifications\`, from this process, no HTTP or GraphQL), ms: before p50 ${a.inboxReadMs.before.p50} / p99 ${a.inboxReadMs.before.p99} (${a.inboxReadMs.before.n} reads), during p50 ${a.inboxReadMs.during.p50} / p99 ${a.inboxReadMs.during.p99} (${a.inboxReadMs.during.n} reads). p99 at most 2×: ${met(r.goals.readP99AtMost2x)}.`,
    `Event loop delay of this process (1 ms resolution), ms: before ${JSON.stringify(a.eventLoopDelayMs.before)}, during ${JSON.stringify(a.eventLoopDelayMs.during)}.`,
    '',
  ].join('\n');
}
