// identity's consumer of `audit.recorded`: every subgraph's staff actions land in one log (audit_entries), each
// exactly once however often the stream delivers its event. The entry's id is the event's id and the insert skips
// an id it already has, so the write is idempotent on its own: no processed-event record (handleOnce) is needed,
// which would be a second row per entry.
import type { AnyEventEnvelope, DomainEventType } from '../../../../platform/events/index.js';
import type { Logger } from '../../../../platform/logging/index.js';
import type { IdentityPrisma } from '../store/database.js';
import { createAuditStore } from '../store/audit-store.js';

export const AUDIT_EVENT_TYPES = ['audit.recorded'] as const satisfies readonly DomainEventType[];

/** Its own consumer group: within a group each event reaches one member, which skips types it does not handle. */
export const AUDIT_CONSUMER_GROUP = 'identity.audit';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** @returns the handler for `events.consume`; it resolves once the entry is stored (or was before). */
export function createAuditEventHandler({ prisma, logger }: { prisma: IdentityPrisma; logger: Logger }) {
  return async (event: AnyEventEnvelope): Promise<void> => {
    if (event.type !== 'audit.recorded') return;
    const { actorId, occurredAt, action, targetType, targetId } = event.payload;
    // A malformed event is logged and acknowledged: retrying cannot make it valid.
    if (!UUID.test(actorId) || Number.isNaN(new Date(occurredAt).getTime()) || !action || !targetType || !targetId) {
      logger.warn({ eventId: event.id, source: event.source }, 'audit event without a valid actor, time, action or target; skipped');
      return;
    }
    await createAuditStore(prisma).insert(event.id, event.payload);
  };
}
