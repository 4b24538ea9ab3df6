// Creating a notification: the one path that writes a new inbox row and announces it live (notificationAdded).
// The durable event consumers (trip completed → receipt, …) call this; so do tests.
import type { Logger } from '../../../../platform/logging/index.js';
import { publishBestEffort, type LivePubSub } from '../../../../platform/pubsub/index.js';
import type { NewNotification, NotificationStore } from '../store/notification-store.js';
import type { Notification } from '../store/prisma/client.js';

export interface Notifier {
  /**
   * Stores the notification, then publishes NOTIFICATION_ADDED on the recipient's channel. The row is the truth:
   * a live event that cannot be published (Redis away) is logged and dropped — the inbox still shows the
   * notification — so this never fails after the row was written.
   * @throws only when the row cannot be written.
   */
  notify(notification: NewNotification): Promise<Notification>;
}

export function createNotifier(deps: { store: NotificationStore; pubsub: LivePubSub; logger: Logger }): Notifier {
  return {
    async notify(input) {
      const notification = await deps.store.create(input);
      const event = { notificationId: notification.id, userId: notification.userId };
      await publishBestEffort(deps.pubsub, deps.logger, 'NOTIFICATION_ADDED', event, [notification.userId], {
        message: 'notificationAdded not published; the notification is stored',
        fields: { notificationId: notification.id },
      });
      return notification;
    },
  };
}
