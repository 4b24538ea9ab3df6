// Writing an event: a row in the emitting subgraph's `outbox_events` table, inserted in the SAME transaction as
// the state change it reports — so an event exists exactly when its change committed. The relay publishes it.
import { randomUUID } from 'node:crypto';
import type { DomainEventType, DomainEvents } from './catalogue.js';

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
  payload: DomainEvents[K];
  occurredAt: Date;
}

export function outboxEvent<K extends DomainEventType>(type: K, payload: DomainEvents[K], occurredAt: Date = new Date()): OutboxRow<K> {
  return { id: randomUUID(), type, payload, occurredAt };
}
