// Trip connections are ordered by (requestedAt, id), newest first; the cursor carries that pair.
import { toConnection, type PageRequest } from '../../../../platform/graphql/index.js';
import type { TripModel } from './mappers.js';

export function toTripConnection(rows: TripModel[], page: PageRequest) {
  return toConnection(rows, page, (trip) => ({ at: trip.requestedAt, id: trip.id }));
}
