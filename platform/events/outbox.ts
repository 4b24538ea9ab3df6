// Writing an event: a row in the emitting subgraph's `outbox_events` table, inserted in the SAME transaction as
// the state change it reports — so an event exists exactly when its change committed. The relay publishes it.
import { randomUUID } from 'node:crypto';
import type { DomainEventType, DomainEvents } from './catalogue.js';
import { activeTraceContext, type EventTraceContext } from '../tracing/events.js';

/**
 * The key under which an outbox row's payload JSON carries the emitting request's W3C trace context (only when
 * tracing is on and a trace is active). The relay moves it to the envelope's `traceparent`/`tracestate`, so
 * consumers never see it in a payload, and no outbox table needed a column for it.
 */
export const OUTBOX_TRACE_KEY = '_trace';

/**
 * The columns of one outbox row; pass it to the subgraph's Prisma `outboxEvent.create({ data })` inside the
 * transaction. Every emitting subgraph has this model in its Prisma schema:
 *
 *   model OutboxEvent {
 *     id          String    @id @db.Uuid
 *     type        String
 *     payload     Json
 *     occurredAt  DateTime  @map("occurred_at") @db.Timestamptz(3)
 *     publishedAt DateTime? @map("published_at") @db.Timestamptz(3)
 *     @@index([publishedAt, occurredAt])
 *     @@map("outbox_events")
 *   }
 */
export interface OutboxRow<K extends DomainEventType = DomainEventType> {
  id: string;
  type: K;
  payload: DomainEvents[K] & { [OUTBOX_TRACE_KEY]?: EventTraceContext };
  occurredAt: Date;
}

export function outboxEvent<K extends DomainEventType>(type: K, payload: DomainEvents[K], occurredAt: Date = new Date()): OutboxRow<K> {
  const trace = activeTraceContext();
  return { id: randomUUID(), type, payload: trace ? { ...payload, [OUTBOX_TRACE_KEY]: trace } : payload, occurredAt };
}
