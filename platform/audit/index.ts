// The audit trail of staff actions. The subgraph that performs an action records it in the SAME transaction as the
// change, as an `audit.recorded` outbox event; identity keeps every subgraph's entries in one log and serves
// `auditLog` to SUPER_ADMIN. So an entry exists exactly when its change committed, whichever subgraph made it.
//
//   await prisma.$transaction(async (tx) => {
//     const before = await tx.driver.findUniqueOrThrow({ where: { id } });
//     const after = await tx.driver.update({ where: { id }, data: { status: 'SUSPENDED' } });
//     await tx.outboxEvent.create({
//       data: auditEvent('fleet', viewer, { action: 'driver.suspend', target: { type: 'Driver', id },
//         before: { status: before.status }, after: { status: after.status }, reason }),
//     });
//   });
//   relay.wake();
import type { DomainEvents, EventJson, EventUserRole } from '../events/catalogue.js';
import { outboxEvent, type OutboxRow } from '../events/outbox.js';
import type { Viewer } from '../auth/viewer.js';
import { currentRequestId } from '../request-context/index.js';

export type AuditSource = DomainEvents['audit.recorded']['source'];

export interface AuditRecord {
  /** `<entity>.<verb>` in the performing subgraph's words, e.g. `driver.suspend`, `pricing.version.create`. */
  action: string;
  /** The thing changed: its GraphQL type name and id. */
  target: { type: string; id: string };
  /** Only the fields the action touched; never secrets (password hashes, tokens, full card or bank numbers). */
  before?: EventJson;
  after?: EventJson;
  /** The staff member's reason, where the action asks for one. */
  reason?: string | null;
}

/** The outbox row recording `record` as done by `actor`; insert it in the transaction that makes the change. */
export function auditEvent(
  source: AuditSource,
  actor: Pick<Viewer, 'userId' | 'roles'>,
  record: AuditRecord,
  at: Date = new Date(),
): OutboxRow<'audit.recorded'> {
  return outboxEvent(
    'audit.recorded',
    {
      source,
      actorId: actor.userId,
      actorRoles: [...actor.roles] as EventUserRole[],
      action: record.action,
      targetType: record.target.type,
      targetId: record.target.id,
      before: record.before ?? null,
      after: record.after ?? null,
      reason: record.reason ?? null,
      requestId: currentRequestId(),
      occurredAt: at.toISOString(),
    },
    at,
  );
}
