import { toConnection } from '../../../../platform/graphql/index.js';
import { deliveryPage } from '../services/deliveries.js';
import type { UserResolvers } from '../generated/resolvers-types.js';
import { inboxPage, unreadCount } from '../services/inbox.js';
import { readPreferences } from '../services/preferences.js';

export const User: UserResolvers = {
  // identity owns whether a user exists; notifications answers for any id it is asked about, without a lookup.
  __resolveReference: ({ id }) => ({ id }),
  notifications: async ({ id }, args, context) => {
    const { rows, page } = await inboxPage(context, id, args);
    return toConnection(rows, page, (notification) => ({ at: notification.createdAt, id: notification.id }));
  },
  unreadNotificationCount: ({ id }, _args, context) => unreadCount(context, id),
  notificationPreferences: ({ id }, _args, { viewer, services }) => readPreferences(services.prisma, viewer, id),
  notificationDeliveries: async ({ id }, args, context) => {
    const { rows, page } = await deliveryPage(context, id, args);
    return toConnection(rows, page, (delivery) => ({ at: delivery.createdAt, id: delivery.id }));
  },
};
