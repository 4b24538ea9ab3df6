// Writes identity's staff actions to its outbox as `audit.recorded` (platform/audit), in the caller's transaction.
import type { OutboxRow } from '../../../../platform/events/outbox.js';
import type { Db } from './store.js';

export type AuditStore = ReturnType<typeof createAuditStore>;

export function createAuditStore(db: Db) {
  return {
    async record(row: OutboxRow<'audit.recorded'>): Promise<void> {
      await db.outboxEvent.create({ data: row as never, select: { id: true } });
    },
  };
}
