// The only code that reads and writes trip ratings.
import type { TripActorRole, TripRating } from './prisma/client.js';
import type { Db } from './store.js';

export type RatingStore = ReturnType<typeof createRatingStore>;

export function createRatingStore(db: Db) {
  return {
    /** @throws Prisma P2002 when this side already rated the trip (unique trip_id, by). */
    create(data: {
      tripId: string;
      by: Extract<TripActorRole, 'RIDER' | 'DRIVER'>;
      raterUserId: string;
      rating: number;
      comment: string | null;
    }): Promise<TripRating> {
      return db.tripRating.create({ data });
    },

    findByTripIds(tripIds: readonly string[]): Promise<TripRating[]> {
      return db.tripRating.findMany({ where: { tripId: { in: [...tripIds] } } });
    },
  };
}
