// The audit log as SUPER_ADMIN reads it: every subgraph's staff actions, filtered, newest first.
import type { Viewer } from '../../../../platform/auth/index.js';
import { badInput } from '../../../../platform/errors/index.js';
import { isUuid, readPageArgs, toConnection, withTotalCount, type CountedConnection, type PageArgs } from '../../../../platform/graphql/index.js';
import type { AuditLogFilterInput } from '../generated/resolvers-types.js';
import type { AuditEntry, AuditSource } from '../store/prisma/client.js';
import type { IdentityStore } from '../store/store.js';
import { requireAnyRole } from './access.js';

export type AuditLogService = ReturnType<typeof createAuditLogService>;

export function createAuditLogService({ store }: { store: IdentityStore }) {
  return {
    /**
     * @throws AppError FORBIDDEN unless SUPER_ADMIN; BAD_USER_INPUT for bad paging arguments, a malformed
     *   `filter.actorId`, or `filter.from` not before `filter.to`.
     */
    async list(viewer: Viewer | null, filter: AuditLogFilterInput | null | undefined, args: PageArgs): Promise<CountedConnection<AuditEntry>> {
      requireAnyRole(viewer, ['SUPER_ADMIN'], 'auditLog');
      const page = readPageArgs(args);
      // actor_id is a uuid column: anything else could match nothing, and would fail in the database.
      if (filter?.actorId && !isUuid(filter.actorId)) throw badInput('filter.actorId is not a user id', 'filter.actorId');
      if (filter?.from && filter.to && filter.from >= filter.to) throw badInput('filter.from must be before filter.to', 'filter.from');
      const selected = {
        actorId: filter?.actorId,
        target: filter?.target,
        action: filter?.action,
        source: filter?.source ? (filter.source.toLowerCase() as AuditSource) : null,
        from: filter?.from,
        to: filter?.to,
      };
      const rows = await store.audit.page(selected, page);
      return withTotalCount(
        toConnection(rows, page, (entry) => ({ at: entry.occurredAt, id: entry.id })),
        () => store.audit.count(selected),
      );
    },
  };
}
