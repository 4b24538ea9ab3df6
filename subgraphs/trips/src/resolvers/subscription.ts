import { liveSubscription } from '../../../../platform/graphql/index.js';
import type { SubscriptionResolvers } from '../generated/resolvers-types.js';
import { mayReceiveOffer, mayWatchTrip, offerChannel, offeredOffer, tripChannel, updatedTrip } from '../services/live-trips.js';
import { toOffer } from './mappers.js';

export const Subscription: SubscriptionResolvers = {
  tripUpdated: liveSubscription({
    topic: 'TRIP_UPDATED',
    key: (args: { id: string }, context) => tripChannel(context, args.id),
    // The payload's owner ids, not the start-time check: a driver and a fleet join after the rider subscribed.
    authorize: (event, _args, { viewer }) => mayWatchTrip(viewer, event),
    resolve: (event, _args, context) => updatedTrip(context, event.tripId),
  }),
  tripOffered: liveSubscription({
    topic: 'TRIP_OFFERED',
    key: (_args: Record<string, never>, context) => offerChannel(context),
    // The channel is the driver's already; checking the payload too means a mis-keyed publish leaks nothing.
    authorize: (event, _args, { viewer }) => mayReceiveOffer(viewer, event),
    resolve: async (event, _args, context) => {
      const { offer, trip } = await offeredOffer(context, event.offerId);
      return toOffer(offer, trip);
    },
  }),
};
