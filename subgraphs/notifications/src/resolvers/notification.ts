import type { NotificationResolvers } from '../generated/resolvers-types.js';

export const Notification: NotificationResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.notificationById.load(id),
};
