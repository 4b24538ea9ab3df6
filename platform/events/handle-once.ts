// Idempotent consumption: a handler's writes and the record "this consumer processed event X" commit together,
// so a redelivered event (at-least-once streams) changes nothing the second time.
import type { AnyEventEnvelope } from './catalogue.js';

/** The part of a Prisma transaction client this needs. */
export interface RawExecutor {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

/** A Prisma client: anything with an interactive `$transaction`. */
export interface TransactionRunner<Tx extends RawExecutor> {
  $transaction<R>(fn: (tx: Tx) => Promise<R>): Promise<R>;
}

/**
 * Runs `work` in a transaction unless `consumer` already processed `event`. The consuming subgraph's schema
 * has this model:
 *
 *   model ProcessedEvent {
 *     consumer    String
 *     eventId     String   @map("event_id") @db.Uuid
 *     processedAt DateTime @default(now()) @map("processed_at") @db.Timestamptz(3)
 *     @@id([consumer, eventId])
 *     @@map("processed_events")
 *   }
 *
 * @param schema the subgraph's PostgreSQL schema (its name), because raw SQL is not namespaced by the adapter.
 * @param consumer names the handler, e.g. "fleet.driver-status-from-trips"; one event may feed several handlers.
 * @returns true when `work` ran and committed, false when the event had been processed before.
 * @throws what `work` throws; nothing is recorded then, so the event is retried.
 */
export async function handleOnce<Tx extends RawExecutor>(
  db: TransactionRunner<Tx>,
  options: { schema: string; consumer: string; event: AnyEventEnvelope },
  work: (tx: Tx) => Promise<void>,
): Promise<boolean> {
  const { schema, consumer, event } = options;
  return db.$transaction(async (tx) => {
    const inserted = await tx.$executeRawUnsafe(
      `insert into "${schema}".processed_events (consumer, event_id) values ($1, $2::uuid) on conflict do nothing`,
      consumer,
      event.id,
    );
    if (inserted === 0) return false;
    await work(tx);
    return true;
  });
}
