// The durable event of an offer that lapsed unanswered: notifications tell the driver they missed the trip.
// Written by the dispatcher pass in the transaction that marks the offer EXPIRED, so one exists per expired offer.
import { outboxEvent, type DomainEvents, type OutboxRow } from '../../../../platform/events/index.js';
import type { ExpiredOffer } from '../store/dispatch-store.js';

export function offerExpiredEvent(offer: ExpiredOffer, at: Date): OutboxRow<'offer.expired'> {
  const payload: DomainEvents['offer.expired'] = {
    offerId: offer.id,
    tripId: offer.tripId,
    driverId: offer.driverId,
    driverUserId: offer.driverUserId,
    fleetId: offer.fleetId,
    // Raw SQL rows: Date objects from Prisma, but new Date() costs nothing and survives a driver returning strings.
    offeredAt: new Date(offer.offeredAt).toISOString(),
    expiresAt: new Date(offer.expiresAt).toISOString(),
    occurredAt: at.toISOString(),
  };
  return outboxEvent('offer.expired', payload, at);
}
