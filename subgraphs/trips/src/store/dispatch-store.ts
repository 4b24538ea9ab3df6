// The only code that reads and writes dispatch offers and the driver supply read model.
import type { DispatchOffer, DriverSupply, OfferStatus, VehicleCategory } from './prisma/client.js';
import type { Db } from './store.js';

export type DispatchStore = ReturnType<typeof createDispatchStore>;

/** A `driver.status.changed` as the supply table stores it. */
export interface SupplyUpdate {
  driverId: string;
  userId: string;
  fleetId: string;
  vehicleId: string | null;
  category: VehicleCategory | null;
  status: DriverSupply['status'];
  latitude: number | null;
  longitude: number | null;
  positionAt: Date | null;
  version: number;
}

export interface CandidateQuery {
  tripId: string;
  category: VehicleCategory;
  latitude: number;
  longitude: number;
  radiusMeters: number;
  /** Positions older than this are not trusted. */
  freshSince: Date;
  /** Drivers already tried in this dispatch attempt (lost races). */
  exclude: readonly string[];
  limit: number;
}

/** An offer `expireDue` just marked EXPIRED: what its `offer.expired` event says. */
export type ExpiredOffer = Pick<DispatchOffer, 'id' | 'tripId' | 'driverId' | 'driverUserId' | 'fleetId' | 'offeredAt' | 'expiresAt'>;

export interface Candidate {
  driverId: string;
  userId: string;
  fleetId: string;
  vehicleId: string | null;
  distanceMeters: number;
}

/** Haversine in SQL (metres) between columns (latitude, longitude) and ($lat, $lng). */
const distanceSql = (lat: string, lng: string) =>
  `(12742017.6 * asin(least(1, sqrt(power(sin(radians(latitude - ${lat}) / 2), 2) + cos(radians(${lat})) * cos(radians(latitude)) * power(sin(radians(longitude - ${lng}) / 2), 2)))))`;

/** Degrees of latitude/longitude spanning `meters` around `latitude`: the index prefilter box. */
export function boundingBox(latitude: number, longitude: number, meters: number) {
  const dLat = meters / 111_320;
  const dLng = meters / (111_320 * Math.max(0.01, Math.cos((latitude * Math.PI) / 180)));
  return { minLat: latitude - dLat, maxLat: latitude + dLat, minLng: longitude - dLng, maxLng: longitude + dLng };
}

export function createDispatchStore(db: Db) {
  return {
    findOfferById(id: string): Promise<DispatchOffer | null> {
      return db.dispatchOffer.findUnique({ where: { id } });
    },

    /** Offers by id, whatever their status, in one query (order not guaranteed: loaders re-order). */
    findOffersByIds(ids: readonly string[]): Promise<DispatchOffer[]> {
      return db.dispatchOffer.findMany({ where: { id: { in: [...ids] } } });
    },

    /** The PENDING offers of many drivers in one query (the pending_driver_id slot holds at most one each). */
    findPendingByDriverIds(driverIds: readonly string[]): Promise<DispatchOffer[]> {
      return db.dispatchOffer.findMany({ where: { pendingDriverId: { in: [...driverIds] } } });
    },

    findPendingByTrip(tripId: string): Promise<DispatchOffer | null> {
      return db.dispatchOffer.findUnique({ where: { pendingTripId: tripId } });
    },

    /** @throws Prisma P2002 when the driver already holds a pending offer, or the trip already has one. */
    createOffer(data: { tripId: string; driverId: string; driverUserId: string; fleetId: string; offeredAt: Date; expiresAt: Date }): Promise<DispatchOffer> {
      return db.dispatchOffer.create({ data: { ...data, status: 'PENDING', pendingDriverId: data.driverId, pendingTripId: data.tripId } });
    },

    /** Ends a PENDING offer (freeing both slots); null when it was not PENDING any more. */
    async closeOffer(id: string, status: Exclude<OfferStatus, 'PENDING'>, at: Date): Promise<DispatchOffer | null> {
      const { count } = await db.dispatchOffer.updateMany({
        where: { id, status: 'PENDING' },
        data: { status, respondedAt: at, pendingDriverId: null, pendingTripId: null },
      });
      return count === 1 ? db.dispatchOffer.findUnique({ where: { id } }) : null;
    },

    /** Withdraws the pending offers of a trip and of a driver (manual assignment, cancellation). */
    async withdrawPending(where: { tripId?: string; driverId?: string }, at: Date): Promise<DispatchOffer[]> {
      const or = [...(where.tripId ? [{ pendingTripId: where.tripId }] : []), ...(where.driverId ? [{ pendingDriverId: where.driverId }] : [])];
      if (!or.length) return [];
      const pending = await db.dispatchOffer.findMany({ where: { OR: or } });
      if (!pending.length) return [];
      await db.dispatchOffer.updateMany({
        where: { id: { in: pending.map((o) => o.id) }, status: 'PENDING' },
        data: { status: 'WITHDRAWN', respondedAt: at, pendingDriverId: null, pendingTripId: null },
      });
      return pending;
    },

    /**
     * PENDING offers past their expiry, marked EXPIRED. Claimed with SKIP LOCKED: an offer being accepted right now
     * is left to that transaction, and replicas expire disjoint sets.
     */
    async expireDue(now: Date, limit: number): Promise<ExpiredOffer[]> {
      return db.$queryRawUnsafe<ExpiredOffer[]>(
        `update "trips"."dispatch_offers" o
         set status = 'EXPIRED', responded_at = $1::timestamptz, pending_driver_id = null, pending_trip_id = null
         where o.id in (
           select id from "trips"."dispatch_offers"
           where status = 'PENDING' and expires_at <= $1::timestamptz
           order by expires_at limit $2::int for update skip locked)
         returning o.id, o.trip_id as "tripId", o.driver_id as "driverId", o.driver_user_id as "driverUserId",
                   o.fleet_id as "fleetId", o.offered_at as "offeredAt", o.expires_at as "expiresAt"`,
        now,
        limit,
      );
    },

    /**
     * AVAILABLE drivers of the category with a fresh position within the radius, nearest first, who are on no
     * active trip, hold no pending offer, and were not offered this trip before (declined, expired, withdrawn).
     * A bounding box on the (status, category, latitude, longitude) index first, then exact haversine.
     */
    async findCandidates(q: CandidateQuery): Promise<Candidate[]> {
      const box = boundingBox(q.latitude, q.longitude, q.radiusMeters);
      return db.$queryRawUnsafe<Candidate[]>(
        `select * from (
           select s.driver_id as "driverId", s.user_id as "userId", s.fleet_id as "fleetId", s.vehicle_id as "vehicleId",
                  ${distanceSql('$1', '$2')} as "distanceMeters"
           from "trips"."driver_supply" s
           where s.status = 'AVAILABLE' and s.category = $3::"trips"."VehicleCategory"
             and s.latitude between $4 and $5 and s.longitude between $6 and $7
             and s.position_at >= $8::timestamptz
             and not (s.driver_id = any($9::uuid[]))
             and not exists (select 1 from "trips"."trips" t where t.active_driver_id = s.driver_id)
             and not exists (select 1 from "trips"."dispatch_offers" o where o.pending_driver_id = s.driver_id)
             and not exists (select 1 from "trips"."dispatch_offers" o where o.trip_id = $10::uuid and o.driver_id = s.driver_id)
         ) near
         where near."distanceMeters" <= $11
         order by near."distanceMeters", near."driverId"
         limit $12::int`,
        q.latitude,
        q.longitude,
        q.category,
        box.minLat,
        box.maxLat,
        box.minLng,
        box.maxLng,
        q.freshSince,
        [...q.exclude],
        q.tripId,
        q.radiusMeters,
        q.limit,
      );
    },

    /** AVAILABLE drivers of the category with a fresh position within the radius (surge supply). */
    async countAvailableNear(category: VehicleCategory, latitude: number, longitude: number, radiusMeters: number, freshSince: Date): Promise<number> {
      const box = boundingBox(latitude, longitude, radiusMeters);
      const rows = await db.$queryRawUnsafe<{ count: number }[]>(
        `select count(*)::int as count from "trips"."driver_supply"
         where status = 'AVAILABLE' and category = $3::"trips"."VehicleCategory"
           and latitude between $4 and $5 and longitude between $6 and $7 and position_at >= $8::timestamptz
           and ${distanceSql('$1', '$2')} <= $9`,
        latitude,
        longitude,
        category,
        box.minLat,
        box.maxLat,
        box.minLng,
        box.maxLng,
        freshSince,
        radiusMeters,
      );
      return rows[0]?.count ?? 0;
    },

    findSupply(driverId: string): Promise<DriverSupply | null> {
      return db.driverSupply.findUnique({ where: { driverId } });
    },

    /**
     * Stores the update unless a version at least as new is stored (events may arrive out of order).
     * @returns whether it was applied.
     */
    async applySupply(u: SupplyUpdate): Promise<boolean> {
      const applied = await db.$executeRawUnsafe(
        `insert into "trips"."driver_supply"
           (driver_id, user_id, fleet_id, vehicle_id, category, status, latitude, longitude, position_at, version, updated_at)
         values ($1::uuid, $2::uuid, $3::uuid, $4::uuid, $5::"trips"."VehicleCategory", $6::"trips"."SupplyStatus", $7, $8, $9::timestamptz, $10::int, now())
         on conflict (driver_id) do update set
           user_id = excluded.user_id, fleet_id = excluded.fleet_id, vehicle_id = excluded.vehicle_id,
           category = excluded.category, status = excluded.status, latitude = excluded.latitude,
           longitude = excluded.longitude, position_at = excluded.position_at, version = excluded.version,
           updated_at = now()
         where "driver_supply".version < excluded.version`,
        u.driverId,
        u.userId,
        u.fleetId,
        u.vehicleId,
        u.category,
        u.status,
        u.latitude,
        u.longitude,
        u.positionAt,
        u.version,
      );
      return applied === 1;
    },
  };
}
