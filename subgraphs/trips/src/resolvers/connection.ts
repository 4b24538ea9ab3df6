// Trip connections are ordered by (requestedAt, id), newest first; the cursor carries that pair. totalCount is
// counted only when selected (platform/graphql/counted-connection.ts).
import { resolveTotalCount, toConnection, withTotalCount, type CountedConnection } from '../../../../platform/graphql/index.js';
import type { TripConnectionResolvers } from '../generated/resolvers-types.js';
import type { TripPage } from '../services/trip-queries.js';
import type { TripModel } from './mappers.js';

export type TripConnectionModel = CountedConnection<TripModel>;

export function toTripConnection({ rows, page, count }: TripPage): TripConnectionModel {
  return withTotalCount(
    toConnection(rows, page, (trip) => ({ at: trip.requestedAt, id: trip.id })),
    count,
  );
}

export const TripConnection: TripConnectionResolvers = {
  totalCount: resolveTotalCount,
};
