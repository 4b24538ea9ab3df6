import type { MutationResolvers } from '../generated/resolvers-types.js';
import { surgeMultiplier } from '../services/pricing.js';
import { toOffer } from './mappers.js';

// Thin: the services decide; these only adapt arguments and shapes.
export const Mutation: MutationResolvers = {
  estimateFare: async (_parent, { input }, { viewer, services }) => {
    const result = await services.pricing.estimate(viewer, input);
    if ('userErrors' in result) return { estimate: null, userErrors: result.userErrors };
    const { quote, city } = result;
    return {
      estimate: {
        id: quote.id,
        amount: { amountMinor: quote.amountMinor, currency: quote.currency },
        distanceMeters: quote.distanceMeters,
        durationSeconds: quote.durationSeconds,
        surge: surgeMultiplier(quote.surgeTenths),
        category: quote.category,
        city: city.name,
        expiresAt: quote.expiresAt,
      },
      userErrors: [],
    };
  },
  requestTrip: (_parent, { input }, { viewer, services }) => services.trips.requestTrip(viewer, input),
  acceptTrip: (_parent, { offerId }, { viewer, services }) => services.trips.acceptTrip(viewer, offerId),
  declineTrip: async (_parent, { offerId }, { viewer, services }) => {
    const { offer, trip, userErrors } = await services.trips.declineTrip(viewer, offerId);
    return { offer: offer && trip ? toOffer(offer, trip) : null, userErrors };
  },
  assignTrip: (_parent, { tripId, driverId }, { viewer, services }) => services.trips.assignTrip(viewer, tripId, driverId),
  arriveAtPickup: (_parent, { tripId }, { viewer, services }) => services.trips.arriveAtPickup(viewer, tripId),
  startTrip: (_parent, { tripId }, { viewer, services }) => services.trips.startTrip(viewer, tripId),
  completeTrip: (_parent, { tripId, distanceMeters }, { viewer, services }) => services.trips.completeTrip(viewer, tripId, distanceMeters),
  cancelTrip: (_parent, { tripId, reason }, { viewer, services }) => services.trips.cancelTrip(viewer, tripId, reason),
  rateTrip: (_parent, { tripId, rating, comment }, { viewer, services }) => services.trips.rateTrip(viewer, tripId, rating, comment),
};
