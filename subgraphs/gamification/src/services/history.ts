// What a user sees of their loyalty: their ledger (Relay connection, newest first) and their badges. The caller has
// checked that the viewer may read that user's (assertCanActForUser).
import { afterCursorWhere, isUuid, newestFirst, readPageArgs, toConnection, type Connection, type PageArgs } from '../../../../platform/graphql/index.js';
import type { GamificationPrisma } from '../store/database.js';
import type { PointsEntry, UserBadge } from '../store/prisma/client.js';

export function createHistoryReads(prisma: GamificationPrisma) {
  return {
    async pointsHistory(userId: string, args: PageArgs): Promise<Connection<PointsEntry>> {
      const page = readPageArgs(args);
      if (!isUuid(userId)) return toConnection([], page, (row: PointsEntry) => ({ at: row.createdAt, id: row.id }));
      const rows = await prisma.pointsEntry.findMany({
        where: { userId, ...afterCursorWhere(page.after) },
        orderBy: newestFirst(),
        take: page.take + 1,
      });
      return toConnection(rows, page, (row) => ({ at: row.createdAt, id: row.id }));
    },
  };
}

export type { UserBadge };
