import type { NotificationResolvers } from '../generated/resolvers-types.js';
import { findNotification } from '../services/inbox.js';

export const Notification: NotificationResolvers = {
  // Someone else's notification resolves to null, even on the notifications port reached directly.
  __resolveReference: ({ id }, context) => findNotification(context, id),
  // identity owns users; the gateway fetches the recipient's other fields from it.
  recipient: (notification) => ({ id: notification.userId }),
};
