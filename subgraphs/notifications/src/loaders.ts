// Per-request DataLoaders for notifications. Every `__resolveReference` and every per-user lookup goes through these.
import { createByIdLoader, createPagedListLoader, createValueLoader } from '../../../platform/graphql/index.js';
import type { DeliveryLogStore } from './store/delivery-log-store.js';
import type { Delivery, Notification } from './store/prisma/client.js';
import type { InboxFilter, NotificationStore } from './store/notification-store.js';

export type NotificationsLoaders = ReturnType<typeof createNotificationsLoaders>;

export function createNotificationsLoaders(notifications: NotificationStore, deliveryLog: DeliveryLogStore) {
  // One paged loader per filter: the filter changes the SQL, so only users asking with the same filter (and the
  // same page arguments, which the paged loader groups by) can share a statement — and a cache entry.
  const inboxPages = (filter: InboxFilter) =>
    createPagedListLoader<Notification>(async (userIds, page) => groupByUser(await notifications.pagesByUserIds(userIds, page, filter)));
  const inbox = { all: inboxPages({ unreadOnly: false }), unreadOnly: inboxPages({ unreadOnly: true }) };
  return {
    notificationById: createByIdLoader((ids) => notifications.findByIds(ids)),
    unreadCountByUserId: createValueLoader((userIds) => notifications.countUnreadByUserIds(userIds), 0),
    inboxPage: (filter: InboxFilter) => (filter.unreadOnly ? inbox.unreadOnly : inbox.all),
    // A staff page listing users with their delivery logs costs one statement, not one per user.
    deliveryPage: createPagedListLoader<Delivery>(async (userIds, page) => groupByUser(await deliveryLog.pagesByUserIds(userIds, page))),
  };
}

function groupByUser<Row extends { userId: string }>(rows: Row[]): Map<string, Row[]> {
  const byUser = new Map<string, Row[]>();
  for (const row of rows) {
    const list = byUser.get(row.userId);
    if (list) list.push(row);
    else byUser.set(row.userId, [row]);
  }
  return byUser;
}
