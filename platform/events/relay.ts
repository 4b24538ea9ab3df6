// The outbox relay: moves committed rows of a subgraph's `outbox_events` table to the event bus. Each emitting
// subgraph starts one from its server.ts and stops it in `onClose`; every replica may run one (rows are claimed
// with FOR UPDATE SKIP LOCKED, so replicas share the work instead of publishing twice).
import type { AnyEventEnvelope } from './catalogue.js';
import { consoleEventsLogger, errorMessage, type EventsLogger } from './options.js';
import type { EventBus } from './types.js';
import { OUTBOX_TRACE_KEY } from './outbox.js';
import { addOutboxBacklogSource, recordEventsRelayed } from '../metrics/index.js';

/** The part of a Prisma transaction client the relay uses. */
export interface RelayTransaction {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

/** A subgraph's Prisma client (anything with an interactive `$transaction` and raw statements). */
export interface RelayDatabase {
  $transaction<R>(fn: (tx: RelayTransaction) => Promise<R>, options?: { maxWait?: number; timeout?: number }): Promise<R>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

export interface OutboxRelayOptions {
  /** The subgraph's Prisma client. */
  db: RelayDatabase;
  /** The subgraph's PostgreSQL schema: raw SQL is not namespaced by the adapter. */
  schema: string;
  /** The emitting subgraph's name, the envelopes' `source`. */
  source: string;
  bus: EventBus;
  logger?: EventsLogger;
  /** Fallback polling when no `wake()` comes (another replica wrote, or a wake was lost). Default 1000 ms. */
  pollIntervalMs?: number;
  /** Rows per pass (per transaction). Default 100. */
  batchSize?: number;
  /**
   * How long published rows are kept (for inspection and manual replay) before they are deleted. Default
   * 24 h; 0 deletes each row as soon as it is published.
   */
  retentionMs?: number;
}

export interface OutboxRelay {
  /** Triggers a pass now, e.g. right after a service committed an outbox row. Never throws; cheap to call often. */
  wake(): void;
  /**
   * Runs passes until nothing is pending (tests: "everything committed so far is on the bus").
   * @returns how many rows this call published. @throws (rejects) when a pass fails.
   */
  flush(): Promise<number>;
  /** Stops polling and waits for the pass in flight. Idempotent. */
  stop(): Promise<void>;
}

interface OutboxRecord {
  id: string;
  type: string;
  payload: string;
  occurred_at: Date | string;
}

const MAX_BACKOFF_MS = 30_000;
const PURGE_EVERY_MS = 10 * 60_000;

/** Starts relaying at once (a first pass publishes what earlier processes left behind). */
export function startOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const { db, schema, source, bus } = options;
  const logger = options.logger ?? consoleEventsLogger;
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const batchSize = options.batchSize ?? 100;
  const retentionMs = options.retentionMs ?? 24 * 60 * 60_000;
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new TypeError(`Outbox relay: invalid schema name ${JSON.stringify(schema)}`);
  const table = `"${schema}".outbox_events`;

  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  /** Every pass runs through this chain: one at a time per relay (PGlite has a single connection anyway). */
  let chain: Promise<unknown> = Promise.resolve();
  let looping = false;
  let again = false;
  let failures = 0;
  let lastPurge = 0;

  /** Claims, appends and marks one batch; returns how many rows it published. */
  async function pass(): Promise<number> {
    // The bus append happens inside the transaction that holds the row locks: a failed append rolls back (rows
    // stay unpublished, retried), and no other replica can publish the same rows meanwhile. A commit that fails
    // after a successful append publishes twice, which idempotent consumers absorb (at-least-once).
    return db.$transaction(
      async (tx) => {
        const rows = await tx.$queryRawUnsafe<OutboxRecord[]>(
          `select id::text as id, type, payload::text as payload, occurred_at from ${table} ` +
            `where published_at is null order by occurred_at, id limit ${batchSize} for update skip locked`,
        );
        if (rows.length === 0) return 0;
        await bus.append(rows.map(toEnvelope));
        const ids = rows.map((row) => row.id);
        const placeholders = ids.map((_, i) => `$${i + 1}::uuid`).join(', ');
        const mark = retentionMs === 0 ? `delete from ${table}` : `update ${table} set published_at = now()`;
        await tx.$executeRawUnsafe(`${mark} where id in (${placeholders})`, ...ids);
        recordEventsRelayed(source, rows.length);
        return rows.length;
      },
      // Short: PGlite has one connection that every other query of the subgraph waits for meanwhile.
      { maxWait: 5_000, timeout: 10_000 },
    );
  }

  function toEnvelope(row: OutboxRecord): AnyEventEnvelope {
    // The emitter's trace context rides in the payload JSON (outbox.ts); it leaves the payload for the envelope.
    const { [OUTBOX_TRACE_KEY]: trace, ...payload } = JSON.parse(row.payload) as { [OUTBOX_TRACE_KEY]?: { traceparent?: string; tracestate?: string } };
    return {
      id: row.id,
      type: row.type,
      source,
      occurredAt: new Date(row.occurred_at).toISOString(),
      payload,
      ...(trace?.traceparent ? { traceparent: trace.traceparent } : {}),
      ...(trace?.tracestate ? { tracestate: trace.tracestate } : {}),
    } as AnyEventEnvelope;
  }

  async function purge(): Promise<void> {
    if (retentionMs === 0 || Date.now() - lastPurge < PURGE_EVERY_MS) return;
    lastPurge = Date.now();
    await db.$executeRawUnsafe(`delete from ${table} where published_at < now() - make_interval(secs => $1::double precision)`, retentionMs / 1000);
  }

  function serial<T>(work: () => Promise<T>): Promise<T> {
    const run = chain.then(work);
    chain = run.catch(() => undefined);
    return run;
  }

  function schedule(delayMs: number): void {
    clearTimeout(timer);
    if (stopped) return;
    timer = setTimeout(kick, delayMs);
    timer.unref();
  }

  function kick(): void {
    if (stopped) return;
    if (looping) {
      again = true; // the loop running now makes one more pass for what this wake is about
      return;
    }
    looping = true;
    clearTimeout(timer);
    void serial(async () => {
      try {
        for (;;) {
          again = false;
          const published = await pass();
          if (stopped || (published < batchSize && !again)) break;
        }
        await purge();
        if (failures > 0) logger.info({ schema, failures }, 'outbox relay recovered');
        failures = 0;
        return pollIntervalMs;
      } catch (error) {
        failures += 1;
        const delay = Math.min(pollIntervalMs * 2 ** Math.min(failures, 10), MAX_BACKOFF_MS);
        // Once per outage, then every 10th attempt: a down Redis must be visible but not flood the logs.
        if (failures === 1 || failures % 10 === 0) {
          logger.warn(
            { err: error, schema, failures, retryInMs: delay },
            `outbox relay failed (${errorMessage(error)}); rows stay unpublished and are retried`,
          );
        }
        return delay;
      }
    }).then((delay) => {
      looping = false;
      if (again) kick();
      else schedule(delay);
    });
  }

  kick();
  // The backlog gauge counts unpublished rows when scraped (the relay's own index serves the count).
  const stopBacklog = addOutboxBacklogSource(async () => {
    const [row] = await db.$transaction((tx) =>
      tx.$queryRawUnsafe<{ rows: number }[]>(`select count(*)::int as rows from ${table} where published_at is null`),
    );
    return new Map([[source, row?.rows ?? 0]]);
  });

  return {
    wake: kick,
    async flush() {
      let total = 0;
      for (;;) {
        const published = await serial(pass);
        total += published;
        if (published === 0) return total;
      }
    },
    async stop() {
      stopped = true;
      stopBacklog();
      clearTimeout(timer);
      await chain;
    },
  };
}
