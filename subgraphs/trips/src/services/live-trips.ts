// Who may watch trips and offers live: the same people who may read them. Checked when a subscription starts
// (with the connection's viewer) and again on every event from the payload's owner ids, because a trip gains a
// driver and a fleet after its rider subscribed, and a channel key alone must never decide who hears an event.
import type { Viewer } from '../../../../platform/auth/index.js';
import { badInput, notFound } from '../../../../platform/errors/index.js';
import { isUuid } from '../../../../platform/graphql/index.js';
import type { LiveTopics } from '../../../../platform/pubsub/index.js';
import type { DispatchOffer, Trip } from '../store/prisma/client.js';
import { canSeeOffer, canSeeTrip, signedIn } from './trip-access.js';
import { findTrip, type Reader } from './trip-queries.js';

/**
 * The channel `tripUpdated(id)` listens on: the trip's id, once the viewer may see the trip.
 * @throws AppError UNAUTHENTICATED without a viewer; BAD_USER_INPUT for a malformed id; NOT_FOUND for an unknown
 *   trip and for one the viewer may not see alike, so ids cannot be probed.
 */
export async function tripChannel(reader: Reader, id: string): Promise<string> {
  signedIn(reader.viewer, 'tripUpdated');
  if (!isUuid(id)) throw badInput('id is not a trip id', 'id');
  return (await updatedTrip(reader, id)).id;
}

/** Per event: whether the viewer may see the trip as the event left it (from the payload alone). */
export function mayWatchTrip(viewer: Viewer | null, event: LiveTopics['TRIP_UPDATED']): boolean {
  return canSeeTrip(viewer, event);
}

/**
 * The trip an event announces, read as any request reads it (visibility applies again).
 * @throws AppError NOT_FOUND when it is gone or no longer the viewer's to see (the field is non-null).
 */
export async function updatedTrip(reader: Reader, id: string): Promise<Trip> {
  const trip = await findTrip(reader, id);
  if (!trip) throw notFound('Trip', id);
  return trip;
}

/**
 * The channel `tripOffered` listens on: the driver's user id. The token names the user, not the driver profile,
 * and offers carry the driver's user id, so no lookup is needed (and none could fail before the driver's first
 * shift made trips aware of them).
 * @throws AppError UNAUTHENTICATED without a viewer.
 */
export function offerChannel({ viewer }: { viewer: Viewer | null }): string {
  return signedIn(viewer, 'tripOffered').userId;
}

/** Per event: only the driver the offer was made to hears it. */
export function mayReceiveOffer(viewer: Viewer | null, event: LiveTopics['TRIP_OFFERED']): boolean {
  return viewer !== null && event.driverUserId === viewer.userId;
}

/**
 * The offer an event announces, with its trip, whatever its status now (a late event shows it EXPIRED or taken).
 * Visible as `Driver.pendingOffer` is: to the driver it was made to, operations staff and the manager of the
 * driver's fleet; the offer itself is what lets its driver see the trip before being assigned to it.
 * @throws AppError NOT_FOUND when the offer or its trip is gone or not the viewer's to see.
 */
export async function offeredOffer({ viewer, loaders }: Reader, offerId: string): Promise<{ offer: DispatchOffer; trip: Trip }> {
  const offer = await loaders.offerById.load(offerId);
  if (!offer || !canSeeOffer(viewer, offer)) throw notFound('Offer', offerId);
  const trip = await loaders.tripById.load(offer.tripId);
  if (!trip) throw notFound('Offer', offerId);
  return { offer, trip };
}
