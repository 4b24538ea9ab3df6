// The only code that writes identity's outbox_events table from services (the user triggers write
// theirs in SQL); the relay in platform/events reads and publishes it.
import type { OutboxRow } from '../../../../platform/events/index.js';
import type { Db } from './store.js';

export type OutboxStore = ReturnType<typeof createOutboxStore>;

export function createOutboxStore(db: Db) {
  return {
    /** Call inside the transaction of the change the event reports. */
    async add(row: OutboxRow): Promise<void> {
      await db.outboxEvent.create({
        data: { id: row.id, type: row.type, payload: row.payload, occurredAt: row.occurredAt },
      });
    },
  };
}
