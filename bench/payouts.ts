// `npm run bench:payouts`: a payout batch for a fleet of BENCH_DRIVERS drivers (default 10,000) with earnings, on
// PostgreSQL. One payments subgraph instance in this process (background off: the bench drives the sender). Phases,
// each timed and with the process's memory sampled every 50 ms:
//   create  — createPayoutBatch: the fleet's drivers walked in pages (balances, destinations, open payouts), DRAFT
//             items written page by page;
//   submit  — submitPayoutBatch: every item debited (PAYOUT entry) under its driver's account locks, page by page;
//   send    — the sender: every PENDING item sent through the development provider (claim, call, record), 200 a pass;
//   confirm — a payout.paid webhook per item handled as the webhook route does (not part of the goal: the provider
//             paces these; reported for capacity).
// The goal (issue 12): create + submit + send under 30 s, memory flat (streamed, never the whole fleet at once). To
// tell "flat" from "small", the same phases first run for a fleet of BENCH_SMALL_DRIVERS (default 1,000): a streamed
// batch's heap growth does not scale with the fleet.
// Writes bench/results/payouts.{json,md}. Needs PostgreSQL (DATABASE_URL, a user that may CREATE DATABASE: the run
// makes and drops its own database).
import { execSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { createAccessTokenVerifier, generateSigningJwks, loadSigningKeys, readAuthConfig, type Viewer } from '../platform/auth/index.js';
import { migrateSubgraphs, type DatabaseTarget } from '../platform/db/index.js';
import { createMemoryEventBus } from '../platform/events/index.js';
import type { SubgraphDeps } from '../platform/graphql/index.js';
import { createLogger } from '../platform/logging/index.js';
import { createMemoryPubSub } from '../platform/pubsub/index.js';
import { repoRoot } from '../subgraphs/registry.js';
import { DEVELOPMENT_DATA_KEY } from '../subgraphs/payments/src/config.js';
import { DevelopmentPaymentProvider } from '../subgraphs/payments/src/providers/development-provider.js';
import { buildPaymentsSubgraph } from '../subgraphs/payments/src/server.js';
import { owned, platform } from '../subgraphs/payments/src/services/ledger.js';
import { createDataCipher } from '../subgraphs/payments/src/services/payouts/data-key.js';
import { openPaymentsDatabase } from '../subgraphs/payments/src/store/database.js';
import { adminQuery } from './admin-database.js';

const SERVER_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const DRIVERS = Number(process.env.BENCH_DRIVERS ?? 10_000);
const SMALL_DRIVERS = Number(process.env.BENCH_SMALL_DRIVERS ?? 1_000);
const GOAL_SECONDS = 30;
const SEED_CHUNK = 1_000;

const logger = createLogger({ level: 'silent' });
const log = (message: string) => process.stderr.write(`[bench:payouts] ${message}\n`);
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
const mb = (bytes: number) => round(bytes / 2 ** 20, 1);

const dbName = `ridegraph_bench_payouts_${randomBytes(4).toString('hex')}`;
const database: DatabaseTarget = { kind: 'postgres', url: Object.assign(new URL(SERVER_URL), { pathname: `/${dbName}` }).toString() };
await adminQuery(SERVER_URL, `CREATE DATABASE "${dbName}"`);

/**
 * Memory samples while a phase runs: heap used and RSS, their start and peak; and the live heap (heap used right
 * after a forced full GC, every 500 ms), which tells memory held from garbage not yet collected.
 */
interface MemoryOfPhase {
  liveHeapStartMb: number;
  liveHeapPeakMb: number;
  liveHeapGrowthMb: number;
  heapStartMb: number;
  heapPeakMb: number;
  heapGrowthMb: number;
  rssStartMb: number;
  rssPeakMb: number;
  rssGrowthMb: number;
  samples: number;
}

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc (npm run bench:payouts does)');

async function measured<T>(work: () => Promise<T>): Promise<{ ms: number; memory: MemoryOfPhase; result: T }> {
  gc!();
  const start = process.memoryUsage();
  let heapPeak = start.heapUsed;
  let rssPeak = start.rss;
  let liveHeapPeak = start.heapUsed;
  let samples = 0;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    heapPeak = Math.max(heapPeak, now.heapUsed);
    rssPeak = Math.max(rssPeak, now.rss);
    if (++samples % 10 === 0) {
      gc!();
      liveHeapPeak = Math.max(liveHeapPeak, process.memoryUsage().heapUsed);
    }
  }, 50);
  const t0 = performance.now();
  try {
    const result = await work();
    const ms = round(performance.now() - t0, 0);
    const end = process.memoryUsage();
    heapPeak = Math.max(heapPeak, end.heapUsed);
    rssPeak = Math.max(rssPeak, end.rss);
    return {
      ms,
      result,
      memory: {
        liveHeapStartMb: mb(start.heapUsed),
        liveHeapPeakMb: mb(liveHeapPeak),
        liveHeapGrowthMb: mb(liveHeapPeak - start.heapUsed),
        heapStartMb: mb(start.heapUsed),
        heapPeakMb: mb(heapPeak),
        heapGrowthMb: mb(heapPeak - start.heapUsed),
        rssStartMb: mb(start.rss),
        rssPeakMb: mb(rssPeak),
        rssGrowthMb: mb(rssPeak - start.rss),
        samples,
      },
    };
  } finally {
    clearInterval(sampler);
  }
}

const loadAverage: { atStart?: number[]; atEnd?: number[] } = {};

try {
  loadAverage.atStart = loadavg().map((l) => round(l, 2));
  log(`migrating ${dbName}`);
  await migrateSubgraphs(database);
  const authConfig = readAuthConfig({});
  const signingKeys = await loadSigningKeys({ jwks: JSON.stringify(await generateSigningJwks()) });
  const deps: SubgraphDeps = {
    database,
    logger,
    pubsub: createMemoryPubSub({ prefix: dbName }),
    auth: { config: authConfig, signingKeys, verify: createAccessTokenVerifier({ jwks: signingKeys.publicJwks }, authConfig) },
    events: createMemoryEventBus(),
  };
  // No `deliver`: the provider sends no webhooks of its own; the confirm phase makes them, page by page.
  const provider = new DevelopmentPaymentProvider({ webhookSecret: 'whsec_bench_payouts' });
  const payments = await buildPaymentsSubgraph(deps, { background: false, provider });
  const services = payments.services;
  const seedDb = openPaymentsDatabase(database);
  const cipher = createDataCipher(Buffer.from(DEVELOPMENT_DATA_KEY, 'base64'));
  const operations: Viewer = { userId: randomUUID(), roles: ['OPERATIONS'], sessionId: randomUUID(), fleetIds: [], expiresAt: new Date(Date.now() + 3600_000) };

  /**
   * A fleet of `count` drivers: earnings 1,000–50,999; every 10th also holds cash (−100…−1,099, netted); every 50th has
   * no destination (skipped). @returns what the batch should pay.
   */
  async function seedFleet(count: number): Promise<{ fleetId: string; expectedItems: number; expectedTotal: bigint }> {
    const fleetId = randomUUID();
    let expectedItems = 0;
    let expectedTotal = 0n;
    for (let start = 0; start < count; start += SEED_CHUNK) {
      const drivers = Array.from({ length: Math.min(SEED_CHUNK, count - start) }, (_, k) => {
        const i = start + k;
        return {
          i,
          driverId: randomUUID(),
          userId: randomUUID(),
          earnings: BigInt(1_000 + ((i * 7919) % 50_000)),
          cash: i % 10 === 0 ? -BigInt(100 + (i % 1_000)) : 0n,
        };
      });
      await seedDb.driverProfile.createMany({ data: drivers.map((d) => ({ driverId: d.driverId, userId: d.userId, fleetId, version: 1n })) });
      await seedDb.$transaction(
        (tx) =>
          services.ledger.postMany(
            tx,
            'USD',
            drivers.flatMap((d) => [
              {
                cause: 'ADJUSTMENT' as const,
                description: 'Bench earnings',
                legs: [owned('DRIVER_EARNINGS', d.userId, d.earnings), platform('PROMOTIONS', -d.earnings)],
              },
              ...(d.cash < 0n
                ? [
                    {
                      cause: 'TRIP_FARE' as const,
                      description: 'Bench cash fare',
                      legs: [owned('DRIVER_CASH_HELD', d.userId, d.cash), owned('DRIVER_EARNINGS', d.userId, -d.cash)],
                    },
                  ]
                : []),
            ]),
          ),
        { timeout: 120_000 },
      );
      const withDestination = drivers.filter((d) => d.i % 50 !== 49);
      await seedDb.payoutDestination.createMany({
        data: withDestination.map((d) => ({
          userId: d.userId,
          driverId: d.driverId,
          accountHolderName: `Driver ${d.i}`,
          accountNumberEncrypted: cipher.encrypt(`GB82WEST1234569876${String(d.i % 10_000).padStart(4, '0')}`, d.userId),
          last4: String(d.i % 10_000).padStart(4, '0'),
          country: 'GB',
        })),
      });
      // Payable = earnings + the cash fare's earnings + cash held = earnings.
      expectedItems += withDestination.length;
      for (const d of withDestination) expectedTotal += d.earnings;
    }
    return { fleetId, expectedItems, expectedTotal };
  }

  async function runBatch(label: string, count: number) {
    log(`${label}: seeding ${count} drivers`);
    const seedStart = performance.now();
    const fleet = await seedFleet(count);
    const seedMs = round(performance.now() - seedStart, 0);
    log(`${label}: seeded in ${seedMs} ms; create`);
    const create = await measured(() => services.payouts.batches.create(operations, { fleetId: fleet.fleetId, idempotencyKey: `bench-${label}` }));
    const batch = create.result.batch;
    if (!batch) throw new Error(`create failed: ${JSON.stringify(create.result.userErrors)}`);
    log(`${label}: created ${batch.itemCount} items in ${create.ms} ms; submit`);
    const submit = await measured(() => services.payouts.batches.submit(operations, batch.id, `bench-submit-${label}`));
    log(`${label}: submitted in ${submit.ms} ms; send`);
    const send = await measured(() => services.payouts.sender.drain());
    log(`${label}: sent in ${send.ms} ms; confirm`);
    const confirm = await measured(async () => {
      let after: string | null = null;
      for (;;) {
        const page: { id: string; providerPayoutId: string | null }[] = await seedDb.payoutItem.findMany({
          where: { batchId: batch.id, ...(after ? { id: { gt: after } } : {}) },
          orderBy: { id: 'asc' },
          take: 500,
          select: { id: true, providerPayoutId: true },
        });
        if (page.length === 0) break;
        // 8 webhooks in flight, as a provider's parallel deliveries would be.
        for (let k = 0; k < page.length; k += 8) {
          await Promise.all(
            page.slice(k, k + 8).map((item) =>
              services.handleWebhook({
                id: `evt_bench_${item.id}`,
                providerType: 'payout.paid',
                kind: 'payout.paid',
                providerPaymentId: null,
                providerRefundId: null,
                providerPayoutId: item.providerPayoutId,
                failureCode: null,
                createdAt: new Date(),
                metadata: { payoutItemId: item.id },
              }),
            ),
          );
        }
        after = page.at(-1)!.id;
      }
    });
    log(`${label}: confirmed in ${confirm.ms} ms`);
    const final = await seedDb.payoutBatch.findUniqueOrThrow({ where: { id: batch.id } });
    const byStatus = await seedDb.payoutItem.groupBy({ by: ['status'], where: { batchId: batch.id }, _count: { _all: true }, _sum: { amountMinor: true } });
    return {
      drivers: count,
      seedMs,
      expected: { items: fleet.expectedItems, totalMinor: fleet.expectedTotal.toString() },
      batch: { items: batch.itemCount, totalMinor: batch.totalMinor.toString(), finalStatus: final.status },
      items: Object.fromEntries(byStatus.map((s) => [s.status, { count: s._count._all, amountMinor: String(s._sum.amountMinor ?? 0n) }])),
      phases: {
        create: { ms: create.ms, memory: create.memory },
        submit: { ms: submit.ms, memory: submit.memory },
        send: { ms: send.ms, memory: send.memory },
        confirm: { ms: confirm.ms, memory: confirm.memory },
      },
      goalMs: create.ms + submit.ms + send.ms,
    };
  }

  const small = await runBatch('small', SMALL_DRIVERS);
  const large = await runBatch('large', DRIVERS);

  const [ledgerCheck] = await seedDb.$queryRawUnsafe<{ total: string; in_transit: string }[]>(
    `select (select coalesce(sum(amount_minor), 0)::text from payments.postings) as total,
            (select coalesce(sum(balance_minor), 0)::text from payments.ledger_accounts where kind = 'PAYOUTS_IN_TRANSIT') as in_transit`,
  );
  await seedDb.$disconnect();
  await payments.close();
  loadAverage.atEnd = loadavg().map((l) => round(l, 2));

  const report: Report = {
    date: new Date().toISOString(),
    commit: execSync('git rev-parse --short HEAD', { cwd: repoRoot }).toString().trim(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', memoryGb: round(totalmem() / 2 ** 30), node: process.version, loadAverage },
    command: `npm run bench:payouts (BENCH_DRIVERS=${DRIVERS} BENCH_SMALL_DRIVERS=${SMALL_DRIVERS})`,
    small,
    large,
    ledgerAfterRun: { sumOfAllPostings: ledgerCheck?.total, payoutsInTransit: ledgerCheck?.in_transit },
  };
  const dir = join(repoRoot, 'bench/results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'payouts.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(dir, 'payouts.md'), markdown(report));
  process.stdout.write(markdown(report));
} finally {
  await adminQuery(SERVER_URL, `DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
}

type Run = {
  drivers: number;
  seedMs: number;
  expected: { items: number; totalMinor: string };
  batch: { items: number; totalMinor: string; finalStatus: string };
  items: Record<string, { count: number; amountMinor: string }>;
  phases: Record<'create' | 'submit' | 'send' | 'confirm', { ms: number; memory: MemoryOfPhase }>;
  goalMs: number;
};

interface Report {
  date: string;
  commit: string;
  machine: { cpus: number; model: string; memoryGb: number; node: string; loadAverage: typeof loadAverage };
  command: string;
  small: Run;
  large: Run;
  ledgerAfterRun: { sumOfAllPostings?: string; payoutsInTransit?: string };
}

function markdown(r: Report): string {
  const met = (ok: boolean) => (ok ? 'met' : 'missed');
  const { small, large } = r;
  const growth = (run: Run) => Math.max(...Object.values(run.phases).map((p) => p.memory.liveHeapGrowthMb));
  const rssGrowth = (run: Run) => Math.max(...Object.values(run.phases).map((p) => p.memory.rssGrowthMb));
  const correct = (run: Run) =>
    run.batch.items === run.expected.items &&
    run.batch.totalMinor === run.expected.totalMinor &&
    run.batch.finalStatus === 'COMPLETED' &&
    run.items.PAID?.count === run.expected.items;
  // Flat: the large batch's live heap growth is at most twice the small one's (+ 16 MB of noise), though it has
  // ×(large/small) the drivers.
  const flat = growth(large) <= 2 * growth(small) + 16;
  return [
    '# Payouts benchmark: a payout batch for a fleet',
    '',
    `${r.date} · commit ${r.commit} · ${r.machine.cpus} CPUs (${r.machine.model}), ${r.machine.memoryGb} GB · Node ${r.machine.node} · \`${r.command}\``,
    '',
    `Load average (1/5/15 min) of the machine, shared with other work during the run: at start ${r.machine.loadAverage.atStart?.join(' / ')}, at the end ${r.machine.loadAverage.atEnd?.join(' / ')}.`,
    '',
    "One payments subgraph instance in the bench process on PostgreSQL on the same machine; the development provider (no network: its payout call costs nothing, so `send` measures payments' own work). A fleet of drivers with earnings (every 10th also holding cash, netted; every 50th without a destination, skipped) is seeded, then `createPayoutBatch`, `submitPayoutBatch`, the sender drained, and a `payout.paid` webhook handled per item (8 at a time). Memory: `process.memoryUsage()` sampled every 50 ms during each phase, and every 500 ms after a forced full GC (the live heap: what the phase holds, not garbage waiting for collection; the forced GCs count in the time of the phase); growth = peak − start of the phase.",
    '',
    '| measure | goal | measured | |',
    '| --- | --- | --- | --- |',
    `| create + submit + send, ${large.drivers} drivers | < ${GOAL_SECONDS} s | ${round(large.goalMs / 1000, 1)} s | ${met(large.goalMs < GOAL_SECONDS * 1000)} |`,
    `| memory flat: largest live heap growth of a phase, ${large.drivers} vs ${small.drivers} drivers | ≤ 2 × the small one's + 16 MB | ${growth(large)} MB vs ${growth(small)} MB (RSS peak growth ${rssGrowth(large)} MB vs ${rssGrowth(small)} MB) | ${met(flat)} |`,
    `| every expected driver paid exactly, batch COMPLETED | all | ${large.items.PAID?.count ?? 0} of ${large.expected.items} items PAID, ${large.items.PAID?.amountMinor ?? 0} of ${large.expected.totalMinor} minor units, ${large.batch.finalStatus} | ${met(correct(large) && correct(small))} |`,
    '',
    '| phase | drivers | time | live heap start → peak (growth) | heap used start → peak (growth), garbage included | RSS start → peak (growth) |',
    '| --- | --- | --- | --- | --- | --- |',
    ...[small, large].flatMap((run) =>
      (['create', 'submit', 'send', 'confirm'] as const).map((name) => {
        const p = run.phases[name];
        return `| ${name}${name === 'confirm' ? ' (not in the goal)' : ''} | ${run.drivers} | ${p.ms} ms | ${p.memory.liveHeapStartMb} → ${p.memory.liveHeapPeakMb} MB (${p.memory.liveHeapGrowthMb}) | ${p.memory.heapStartMb} → ${p.memory.heapPeakMb} MB (${p.memory.heapGrowthMb}) | ${p.memory.rssStartMb} → ${p.memory.rssPeakMb} MB (${p.memory.rssGrowthMb}) |`;
      }),
    ),
    '',
    `Seeding (not measured as part of the goal): ${small.seedMs} ms for ${small.drivers} drivers, ${large.seedMs} ms for ${large.drivers}.`,
    '',
    `Ledger after the run: the sum of all postings is ${r.ledgerAfterRun.sumOfAllPostings} (0 = every entry balances); payouts in transit ${r.ledgerAfterRun.payoutsInTransit} (0 = every payout confirmed).`,
    '',
  ].join('\n');
}
