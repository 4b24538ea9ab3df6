import type { TripResolvers } from '../generated/resolvers-types.js';
import { surgeMultiplier } from '../services/pricing.js';
import type { TripRating as TripRatingRow } from '../store/prisma/client.js';
import { findTrip } from '../services/trip-queries.js';
import { money, toStatusChange } from './mappers.js';

const rating = (ratings: TripRatingRow[], by: TripRatingRow['by']) => {
  const found = ratings.find((r) => r.by === by);
  return found ? { id: found.id, rating: found.rating, comment: found.comment, ratedAt: found.createdAt } : null;
};

const point = (latitude: number | null, longitude: number | null) => (latitude === null || longitude === null ? null : { latitude, longitude });

// rider, driver and vehicle are other subgraphs' entities: trips returns their keys and the gateway joins.
export const Trip: TripResolvers = {
  // A reference is visible only to who may see the trip: the trips port reached directly is no way around it.
  __resolveReference: (reference, context) => findTrip(context, reference.id),
  rider: (trip) => ({ id: trip.riderUserId }),
  driver: (trip) => (trip.driverId ? { id: trip.driverId } : null),
  vehicle: (trip) => (trip.vehicleId ? { id: trip.vehicleId } : null),
  fare: (trip) => money(trip.fareMinor, trip.currency),
  pickup: (trip) => point(trip.pickupLatitude, trip.pickupLongitude),
  dropoff: (trip) => point(trip.dropoffLatitude, trip.dropoffLongitude),
  estimatedFare: (trip) => money(trip.estimatedFareMinor, trip.currency),
  surge: (trip) => surgeMultiplier(trip.surgeTenths),
  cancellationFee: (trip) => money(trip.cancellationFeeMinor, trip.currency),
  history: async (trip, _args, { loaders }) => (await loaders.historyByTripId.load(trip.id)).map(toStatusChange),
  riderRating: async (trip, _args, { loaders }) => rating(await loaders.ratingsByTripId.load(trip.id), 'RIDER'),
  driverRating: async (trip, _args, { loaders }) => rating(await loaders.ratingsByTripId.load(trip.id), 'DRIVER'),
};
