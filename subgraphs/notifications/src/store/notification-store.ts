// The only code that reads and writes notifications' inbox table.
import { newestPerUserQuery } from './newest-per-user.js';
import type { PageRequest } from '../../../../platform/graphql/index.js';
import type { NotificationsPrisma } from './database.js';
import type { Notification, NotificationKind, NotificationType } from './prisma/client.js';

export interface InboxFilter {
  unreadOnly: boolean;
}

/** A row as PostgreSQL returns it to raw SQL: column names, not the Prisma model's field names. */
interface NotificationRow {
  id: string;
  user_id: string;
  kind: NotificationKind;
  type: NotificationType | null;
  title: string;
  body: string;
  link: string | null;
  created_at: Date;
  read_at: Date | null;
}

export type NotificationStore = ReturnType<typeof createNotificationStore>;

/** What a new notification says; id and createdAt are assigned on insert. */
export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  title: string;
  body: string;
}

export function createNotificationStore(prisma: NotificationsPrisma) {
  return {
    create(notification: NewNotification): Promise<Notification> {
      return prisma.notification.create({ data: notification });
    },

    findByIds(ids: readonly string[]): Promise<Notification[]> {
      return prisma.notification.findMany({ where: { id: { in: [...ids] } } });
    },

    /** Unread notifications per user; users with none are absent. One statement. */
    async countUnreadByUserIds(userIds: readonly string[]): Promise<Map<string, number>> {
      const groups = await prisma.notification.groupBy({
        by: ['userId'],
        where: { userId: { in: [...userIds] }, readAt: null },
        _count: { _all: true },
      });
      return new Map(groups.map((group) => [group.userId, group._count._all]));
    },

    /**
     * The same page of the inbox of many users in one statement: up to `take + 1` rows per user, newest first,
     * strictly after the cursor. Returned ordered by user, then page order.
     */
    async pagesByUserIds(userIds: readonly string[], page: PageRequest, filter: InboxFilter): Promise<Notification[]> {
      const { sql, params } = newestPerUserQuery(
        '"notifications"."notifications"',
        'id::text as id, user_id::text as user_id, kind::text as kind, type::text as type, title, body, link, created_at, read_at',
        userIds,
        page,
        filter.unreadOnly ? ['read_at is null'] : [],
      );
      const rows = await prisma.$queryRawUnsafe<NotificationRow[]>(sql, ...params);
      return rows.map(toNotification);
    },
  };
}

function toNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    userId: row.user_id,
    kind: row.kind,
    type: row.type,
    title: row.title,
    body: row.body,
    link: row.link,
    createdAt: new Date(row.created_at),
    readAt: row.read_at === null ? null : new Date(row.read_at),
  };
}
