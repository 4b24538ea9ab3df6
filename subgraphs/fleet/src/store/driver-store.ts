// The only code that reads and writes fleet's drivers table.
import { afterCursorWhere, newestFirst, type PageRequest } from '../../../../platform/graphql/index.js';
import type { Driver, DriverStatus, VehicleCategory } from './prisma/client.js';
import type { Db } from './store.js';
import { driverDisplaysByIds, type DriverDisplay } from './entity-rows.js';

export type DriverStore = ReturnType<typeof createDriverStore>;

export interface DriverFilter {
  /** Only drivers of these fleets; null for every fleet. */
  fleetIds: readonly string[] | null;
  status?: DriverStatus | null;
}

/** The filter of a drivers list as a Prisma `where`, shared by its pages and its total count. */
const driverFilterWhere = (filter: DriverFilter) => ({
  ...(filter.fleetIds ? { fleetId: { in: [...filter.fleetIds] } } : {}),
  ...(filter.status ? { status: filter.status } : {}),
});

/** A change of what the durable `driver.status.changed` event reports; always bumps `version`. */
export interface DriverStateChange {
  status?: DriverStatus;
  currentVehicleId?: string | null;
  currentTripId?: string | null;
  /** Set and cleared together with `currentTripId`. */
  currentRiderUserId?: string | null;
  /** A move to another fleet (updateDriverProfile): consumers keyed by fleet learn it from the event. */
  fleetId?: string;
  /** Set by suspendDriver, cleared by reinstateDriver (with the status change they make). */
  suspendedAt?: Date | null;
  suspensionReason?: string | null;
}

/** Profile fields that are not reported by `driver.status.changed`: no version bump. */
export interface DriverProfileChange {
  licenceNumber?: string;
  licenceExpiresOn?: Date | null;
  homeHubId?: string | null;
}

export interface DriverPosition {
  latitude: number;
  longitude: number;
  heading: number | null;
  speedKph: number | null;
  at: Date;
}

/** The search box of `nearbyDrivers`: one latitude band and one or two longitude ranges (two across ±180°). */
export interface NearbySearch {
  minLatitude: number;
  maxLatitude: number;
  longitudeRanges: readonly { min: number; max: number }[];
  freshSince: Date;
  fleetIds: readonly string[] | null;
  category: VehicleCategory | null;
  /** Upper bound on candidates read, so a dense area cannot make one request read the whole table. */
  limit: number;
}

export function createDriverStore(db: Db) {
  return {
    /** What GraphQL shows of these drivers, in one statement text whatever the number of ids. */
    findDisplaysByIds(ids: readonly string[]): Promise<DriverDisplay[]> {
      return driverDisplaysByIds(db, ids);
    },
    findById(id: string): Promise<Driver | null> {
      return db.driver.findUnique({ where: { id } });
    },
    findByUserIds(userIds: readonly string[]): Promise<Driver[]> {
      return db.driver.findMany({ where: { userId: { in: [...userIds] } } });
    },
    findByUserId(userId: string): Promise<Driver | null> {
      return db.driver.findUnique({ where: { userId } });
    },
    findByLicence(licenceNumber: string): Promise<Driver | null> {
      return db.driver.findUnique({ where: { licenceNumber } });
    },
    /** Reads the row and locks it until the transaction ends, so concurrent changes of one driver serialise. */
    async lockById(id: string): Promise<Driver | null> {
      await db.$executeRawUnsafe('select 1 from "fleet".drivers where id = $1::uuid for update', id);
      return db.driver.findUnique({ where: { id } });
    },
    /** {@link lockById} by the driver's user id: one read where the caller knows only who is signed in. */
    async lockByUserId(userId: string): Promise<Driver | null> {
      await db.$executeRawUnsafe('select 1 from "fleet".drivers where user_id = $1::uuid for update', userId);
      return db.driver.findUnique({ where: { userId } });
    },
    /** @param data.licenceExpiresOn midnight UTC of the last valid day; absent or null: not recorded. */
    create(data: { userId: string; fleetId: string; licenceNumber: string; licenceExpiresOn?: Date | null }): Promise<Driver> {
      return db.driver.create({ data });
    },
    /**
     * Applies a state change, bumps `version` and records the position the event reports (movement sampling
     * measures from there). @returns the driver as it is now, with its new version.
     */
    changeState(id: string, change: DriverStateChange, eventAt: Date, eventPosition: { latitude: number | null; longitude: number | null }): Promise<Driver> {
      return db.driver.update({
        where: { id },
        data: { ...change, version: { increment: 1 }, eventAt, eventLatitude: eventPosition.latitude, eventLongitude: eventPosition.longitude },
      });
    },
    /** Stores the latest position; with `sampled`, also bumps `version` for a movement event reporting it. */
    setPosition(id: string, position: DriverPosition, sampled: boolean): Promise<Driver> {
      const { latitude, longitude, heading, speedKph, at } = position;
      return db.driver.update({
        where: { id },
        data: {
          latitude,
          longitude,
          heading,
          speedKph,
          positionAt: at,
          ...(sampled ? { version: { increment: 1 }, eventAt: at, eventLatitude: latitude, eventLongitude: longitude } : {}),
        },
      });
    },
    /** @throws Prisma P2002 when another driver has the licence number. */
    updateProfile(id: string, data: DriverProfileChange): Promise<Driver> {
      return db.driver.update({ where: { id }, data });
    },
    /** Replaces the rating aggregate (the caller holds the row lock). Ratings do not change dispatch supply: no version bump. */
    setRating(id: string, data: { ratingSum: number; ratingCount: number; rating: string }): Promise<Driver> {
      return db.driver.update({ where: { id }, data });
    },
    /**
     * One page of drivers, newest first, `take + 1` rows so the caller can tell whether another page follows.
     * The (fleet_id, created_at, id) and (fleet_id, status, created_at, id) indexes serve the per-fleet cases.
     */
    findPage(filter: DriverFilter, page: PageRequest): Promise<Driver[]> {
      return db.driver.findMany({ where: { ...driverFilterWhere(filter), ...afterCursorWhere(page.after) }, orderBy: newestFirst(), take: page.take + 1 });
    },
    /** How many drivers the filter selects across all pages (`DriverConnection.totalCount`). */
    count(filter: DriverFilter): Promise<number> {
      return db.driver.count({ where: driverFilterWhere(filter) });
    },
    /**
     * AVAILABLE drivers with a fresh position inside the box: the (status, latitude, longitude) index narrows to
     * the latitude band; the caller measures exact distances.
     */
    findAvailableInBox(search: NearbySearch): Promise<Driver[]> {
      return db.driver.findMany({
        where: {
          status: 'AVAILABLE',
          latitude: { gte: search.minLatitude, lte: search.maxLatitude },
          OR: search.longitudeRanges.map((range) => ({ longitude: { gte: range.min, lte: range.max } })),
          positionAt: { gte: search.freshSince },
          ...(search.fleetIds ? { fleetId: { in: [...search.fleetIds] } } : {}),
          ...(search.category ? { currentVehicle: { category: search.category } } : {}),
        },
        take: search.limit,
      });
    },
  };
}
