import { liveSubscription } from '../../../../platform/graphql/index.js';
import type { SubscriptionResolvers } from '../generated/resolvers-types.js';
import { findAddedNotification, notificationChannel } from '../services/live-inbox.js';

export const Subscription: SubscriptionResolvers = {
  notificationAdded: liveSubscription({
    topic: 'NOTIFICATION_ADDED',
    key: (args: { userId?: string | null }, context) => notificationChannel(context, args.userId),
    // The channel is the recipient's already; checking the payload too means a mis-keyed publish leaks nothing.
    authorize: (event, args, context) => event.userId === (args.userId ?? context.viewer?.userId),
    resolve: (event, _args, context) => findAddedNotification(context, event.notificationId),
  }),
  unreadNotificationCountChanged: liveSubscription({
    topic: 'UNREAD_NOTIFICATION_COUNT_CHANGED',
    key: (args: { userId?: string | null }, context) => notificationChannel(context, args.userId),
    authorize: (event, args, context) => event.userId === (args.userId ?? context.viewer?.userId),
    resolve: (event) => event.unread,
  }),
};
