// The trips a request may read: single trips through their visibility, the board through the viewer's fleets,
// a rider's history only for that rider and operations staff, a driver's history filtered to what the viewer may see.
import { assertCanActForUser, visibleFleetIds, type Viewer } from '../../../../platform/auth/index.js';
import { badInput } from '../../../../platform/errors/index.js';
import { isUuid, readPageArgs, type PageArgs, type PageRequest } from '../../../../platform/graphql/index.js';
import type { TripsLoaders } from '../loaders.js';
import type { DispatchOffer, Trip, TripStatus } from '../store/prisma/client.js';
import type { TripDisplay } from '../store/trip-rows.js';
import { canSeeOffer, visibleTrip } from './trip-access.js';

/** What a read needs from the request's context. */
export interface Reader {
  viewer: Viewer | null;
  loaders: TripsLoaders;
}

/** A trip by id; null when unknown or not visible to the viewer. */
export async function findTrip({ viewer, loaders }: Reader, id: string): Promise<Trip | null> {
  return visibleTrip(viewer, await loaders.tripById.load(id));
}

/** The trip a driver is on now; null when none or not visible to the viewer. */
export async function findActiveTrip({ viewer, loaders }: Reader, driverId: string): Promise<Trip | null> {
  return visibleTrip(viewer, await loaders.activeTripByDriverId.load(driverId));
}

/** The driver's pending offer with its trip; null when none, or for anyone but the driver, operations and their fleet's manager. */
export async function findPendingOffer({ viewer, loaders }: Reader, driverId: string): Promise<{ offer: DispatchOffer; trip: Trip } | null> {
  const offer = await loaders.pendingOfferByDriverId.load(driverId);
  if (!offer || !canSeeOffer(viewer, offer)) return null;
  const trip = await loaders.tripById.load(offer.tripId);
  return trip ? { offer, trip } : null;
}

/** One page of a trip list and how to count the whole list (called only when a client selects totalCount). */
export interface TripPage {
  /** What GraphQL shows of each trip (the board reads only those columns); full rows fit too. */
  rows: TripDisplay[];
  page: PageRequest;
  count: () => Promise<number>;
}

export interface BoardArgs extends PageArgs {
  status?: TripStatus | null;
  fleetId?: string | null;
  /** Already a valid instant: the DateTime scalar rejects anything else with BAD_USER_INPUT. */
  requestedAfter?: Date | null;
  requestedBefore?: Date | null;
}

/**
 * One page of the trips board: every trip for SUPER_ADMIN/OPERATIONS, only their fleets' trips for a
 * FLEET_MANAGER. A fleet filter outside the viewer's fleets (or malformed) gives an empty page, not an error.
 * @throws AppError BAD_USER_INPUT for bad paging arguments or a time range that ends before it starts.
 */
export async function tripsBoardPage({ viewer, loaders }: Reader, args: BoardArgs): Promise<TripPage> {
  const page = readPageArgs(args);
  const requestedAfter = args.requestedAfter ?? null;
  const requestedBefore = args.requestedBefore ?? null;
  if (requestedAfter && requestedBefore && requestedBefore < requestedAfter)
    throw badInput('requestedBefore is earlier than requestedAfter', 'requestedBefore');
  const fleetIds = visibleFleetIds(viewer, args.fleetId);
  if (fleetIds?.length === 0 || (args.fleetId && !isUuid(args.fleetId))) return { rows: [], page, count: async () => 0 };
  const filter = { status: args.status ?? null, fleetIds, requestedAfter, requestedBefore };
  return { rows: await loaders.tripPage.load({ page, ...filter }), page, count: () => loaders.boardCount.load(filter) };
}

/**
 * One page of a rider's trips.
 * @throws AppError FORBIDDEN unless the viewer is that rider or SUPER_ADMIN/OPERATIONS; BAD_USER_INPUT for bad paging.
 */
export async function riderTripsPage({ viewer, loaders }: Reader, riderUserId: string, args: PageArgs): Promise<TripPage> {
  assertCanActForUser(viewer, riderUserId, 'User.trips');
  const page = readPageArgs(args);
  return { rows: await loaders.tripsByRiderId.load({ key: riderUserId, page }), page, count: () => loaders.tripCountByRiderId.load(riderUserId) };
}

/** One page of a driver's trips, only those the viewer may see (see the loader). @throws AppError BAD_USER_INPUT for bad paging. */
export async function driverTripsPage({ loaders }: Reader, driverId: string, args: PageArgs): Promise<TripPage> {
  const page = readPageArgs(args);
  return { rows: await loaders.tripsByDriverId.load({ key: driverId, page }), page, count: () => loaders.tripCountByDriverId.load(driverId) };
}
