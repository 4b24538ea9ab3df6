// The only code that reads and writes notifications' inbox table.
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
      const { sql, params } = inboxPagesQuery(userIds, page, filter);
      const rows = await prisma.$queryRawUnsafe<NotificationRow[]>(sql, ...params);
      return rows.map(toNotification);
    },
  };
}

// A window function rather than one query per user (N+1) or a LIMIT over all users (which would starve some).
// Raw SQL does not get the adapter's schema applied, hence the schema-qualified table.
function inboxPagesQuery(userIds: readonly string[], page: PageRequest, filter: InboxFilter): { sql: string; params: unknown[] } {
  const params: unknown[] = [[...userIds], page.take + 1];
  const conditions = ['user_id = any($1::uuid[])'];
  if (filter.unreadOnly) conditions.push('read_at is null');
  if (page.after) {
    params.push(page.after.at.toISOString(), page.after.id);
    // Row comparison matches the (created_at desc, id desc) order, so ties on created_at page correctly.
    conditions.push(`(created_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
  }
  const sql = `
    select id::text as id, user_id::text as user_id, kind::text as kind, type::text as type, title, body, link, created_at, read_at
    from (
      select *, row_number() over (partition by user_id order by created_at desc, id desc) as position
      from "notifications"."notifications"
      where ${conditions.join(' and ')}
    ) ranked
    where position <= $2
    order by user_id, position`;
  return { sql, params };
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
