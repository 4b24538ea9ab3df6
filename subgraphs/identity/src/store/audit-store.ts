// The only code that reads and writes identity's audit_entries table (the audit log of every subgraph).
import type { DomainEvents } from '../../../../platform/events/index.js';
import type { KeysetCursor, PageRequest } from '../../../../platform/graphql/index.js';
import type { AuditEntry, AuditSource, Prisma } from './prisma/client.js';
import type { Db } from './store.js';

export type AuditStore = ReturnType<typeof createAuditStore>;

export interface AuditEntryFilter {
  actorId?: string | null;
  target?: { type: string; id: string } | null;
  action?: string | null;
  source?: AuditSource | null;
  /** Inclusive. */
  from?: Date | null;
  /** Exclusive. */
  to?: Date | null;
}

/** The entries the filter selects (each given condition and-ed). */
function entriesWhere(filter: AuditEntryFilter): Prisma.AuditEntryWhereInput {
  return {
    AND: [
      filter.actorId ? { actorId: filter.actorId } : {},
      filter.target ? { targetType: filter.target.type, targetId: filter.target.id } : {},
      filter.action ? { action: filter.action } : {},
      filter.source ? { source: filter.source } : {},
      filter.from || filter.to ? { occurredAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } } : {},
    ],
  };
}

/** Rows strictly after the cursor in (occurredAt desc, id desc) order. */
function afterCursor(after: KeysetCursor | null): Prisma.AuditEntryWhereInput {
  if (!after) return {};
  return { OR: [{ occurredAt: { lt: after.at } }, { occurredAt: after.at, id: { lt: after.id } }] };
}

export function createAuditStore(db: Db) {
  return {
    /** Stores the entry an `audit.recorded` event carries; its id is the event's, so a second insert is a no-op. */
    async insert(eventId: string, payload: DomainEvents['audit.recorded']): Promise<void> {
      await db.auditEntry.createMany({
        data: [
          {
            id: eventId,
            source: payload.source,
            actorId: payload.actorId,
            actorRoles: payload.actorRoles,
            action: payload.action,
            targetType: payload.targetType,
            targetId: payload.targetId,
            // JSON null (not SQL NULL) would read back the same; SQL NULL keeps "no snapshot" plain in SQL.
            before: payload.before === null ? undefined : (payload.before as Prisma.InputJsonValue),
            after: payload.after === null ? undefined : (payload.after as Prisma.InputJsonValue),
            reason: payload.reason,
            requestId: payload.requestId,
            occurredAt: new Date(payload.occurredAt),
          },
        ],
        skipDuplicates: true,
      });
    },

    /** `take + 1` entries, newest first, after the cursor. */
    page(filter: AuditEntryFilter, page: PageRequest): Promise<AuditEntry[]> {
      return db.auditEntry.findMany({
        where: { AND: [entriesWhere(filter), afterCursor(page.after)] },
        orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
        take: page.take + 1,
      });
    },

    /** How many entries the filter selects across all pages (`AuditEntryConnection.totalCount`). */
    count(filter: AuditEntryFilter): Promise<number> {
      return db.auditEntry.count({ where: entriesWhere(filter) });
    },
  };
}
