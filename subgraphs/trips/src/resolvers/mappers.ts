// What trips' resolvers receive as parents (codegen `mappers`), and the shapes built for unmapped types.
import type { DispatchOffer, Trip, TripStatusChange } from '../store/prisma/client.js';

export type { City as CityModel } from '../store/prisma/client.js';
/** What GraphQL shows of a trip: the board's page reads only these columns; a full row fits too. */
export type { TripDisplay as TripModel } from '../store/trip-rows.js';
export type { TripConnectionModel } from './connection.js';
export type { PricingVersionModel } from '../services/pricing-admin.js';

/** A user is identity's entity; trips knows only its id. */
export interface UserRef {
  id: string;
}

/** A driver profile is fleet's entity; trips knows only its id. */
export interface DriverRef {
  id: string;
}

export const money = (amountMinor: number | null, currency: string) => (amountMinor === null ? null : { amountMinor, currency });

export const toOffer = (offer: DispatchOffer, trip: Trip) => ({
  id: offer.id,
  status: offer.status,
  trip,
  offeredAt: offer.offeredAt,
  expiresAt: offer.expiresAt,
});

export const toStatusChange = (change: TripStatusChange) => ({
  id: change.id,
  from: change.fromStatus,
  to: change.toStatus,
  at: change.at,
  actorRole: change.actorRole,
  actor: change.actorUserId ? { id: change.actorUserId } : null,
  reason: change.reason,
});
