import { toConnection } from '../../../../platform/graphql/index.js';
import type { UserResolvers } from '../generated/resolvers-types.js';
import { readInboxArgs } from '../services/inbox-args.js';

export const User: UserResolvers = {
  // identity owns whether a user exists; notifications answers for any id it is asked about, without a lookup.
  __resolveReference: ({ id }) => ({ id }),
  notifications: async ({ id }, args, { loaders }) => {
    const { page, filter } = readInboxArgs(args);
    const rows = await loaders.inboxPage(filter).load({ key: id, page });
    return toConnection(rows, page, (notification) => ({ at: notification.createdAt, id: notification.id }));
  },
  unreadNotificationCount: ({ id }, _args, { loaders }) => loaders.unreadCountByUserId.load(id),
};
