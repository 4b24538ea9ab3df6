// After a commit: tell live subscribers what changed — NOTIFICATION_ADDED per new notification and the recipient's
// exact unread count (UNREAD_NOTIFICATION_COUNT_CHANGED), counted after the commit so it is the count the inbox shows.
// Best effort: the rows are the truth; a live event lost while Redis is away is logged, never retried.
import type { Logger } from '../../../../platform/logging/index.js';
import { publishBestEffort, type LivePubSub } from '../../../../platform/pubsub/index.js';
import type { NotificationsPrisma } from '../store/database.js';

export interface LiveAnnouncer {
  added(notifications: readonly { id: string; userId: string }[]): Promise<void>;
  unreadChanged(userIds: readonly string[]): Promise<void>;
}

export function createLiveAnnouncer(deps: { prisma: NotificationsPrisma; pubsub: LivePubSub; logger: Logger }): LiveAnnouncer {
  const { prisma, pubsub, logger } = deps;
  async function unreadChanged(userIds: readonly string[]) {
    const ids = [...new Set(userIds)];
    if (ids.length === 0) return;
    const groups = await prisma.notification.groupBy({ by: ['userId'], where: { userId: { in: ids }, readAt: null }, _count: { _all: true } });
    const counts = new Map(groups.map((g) => [g.userId, g._count._all]));
    await Promise.all(
      ids.map((userId) =>
        publishBestEffort(pubsub, logger, 'UNREAD_NOTIFICATION_COUNT_CHANGED', { userId, unread: counts.get(userId) ?? 0 }, [userId], {
          message: 'unreadNotificationCountChanged not published; the count is stored',
          fields: { userId },
        }),
      ),
    );
  }
  return {
    async added(notifications) {
      await Promise.all(
        notifications.map((n) =>
          publishBestEffort(pubsub, logger, 'NOTIFICATION_ADDED', { notificationId: n.id, userId: n.userId }, [n.userId], {
            message: 'notificationAdded not published; the notification is stored',
            fields: { notificationId: n.id },
          }),
        ),
      );
      await unreadChanged(notifications.map((n) => n.userId));
    },
    unreadChanged,
  };
}
