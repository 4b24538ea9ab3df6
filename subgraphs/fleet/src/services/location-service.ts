// Driver positions: the driver app streams them (`updateDriverLocation`), screens watch them live, dispatch
// supply gets a sample on the durable stream, and operations search them (`nearbyDrivers`).
import type { Viewer } from '../../../../platform/auth/index.js';
import { AppError, badInput } from '../../../../platform/errors/index.js';
import { isUuid, readPageArgs, type Connection, type PageArgs } from '../../../../platform/graphql/index.js';
import type { Logger } from '../../../../platform/logging/index.js';
import { publishBestEffort, type LivePubSub } from '../../../../platform/pubsub/index.js';
import { enforceRateLimits, type RateLimiter } from '../../../../platform/rate-limit/index.js';
import type { FleetConfig } from '../config.js';
import type { Driver, VehicleCategory } from '../store/prisma/client.js';
import type { FleetStore } from '../store/store.js';
import { requireOwnDriver } from './access.js';
import { categoryOf, shouldSamplePosition, statusChangedEvent, type OutboxNotifier } from './driver-state.js';
import { fleetsToList } from './fleet-queries.js';
import { boundingBox, haversineMeters, isLatitude, isLongitude } from '../../../../platform/geo/index.js';

/** Speeds above this (km/h) are a broken sensor, not a car. */
export const MAX_SPEED_KPH = 300;
export const MAX_NEARBY_RADIUS_KM = 50;
/** Positions older than this do not count as "near": the driver may be anywhere by now. */
export const NEARBY_FRESHNESS_MS = 5 * 60_000;
/**
 * Location noise: a jump this short is never refused, however little time passed (a phone's network-based fix can be
 * kilometres off before GPS locks); far below any jump between cities, let alone continents.
 */
export const POSITION_NOISE_METERS = 5000;
/** Candidates read from the box at most; beyond it the nearest are still found among the first read. */
const NEARBY_CANDIDATE_LIMIT = 2000;

export interface LocationServiceDeps {
  store: FleetStore;
  config: Pick<FleetConfig, 'maxTravelSpeedKph'>;
  now: () => Date;
  outbox: OutboxNotifier;
  pubsub: LivePubSub;
  logger: Logger;
  /** One budget per driver (user id). */
  limiter: RateLimiter;
}

export interface LocationArgs {
  latitude: number;
  longitude: number;
  heading?: number | null;
  speed?: number | null;
}

export interface NearbyArgs extends PageArgs {
  location: { latitude: number; longitude: number };
  radiusKm: number;
  category?: VehicleCategory | null;
  fleetId?: string | null;
}

export interface NearbyEdge {
  cursor: string;
  node: Driver;
  distanceMeters: number;
}

export type LocationService = ReturnType<typeof createLocationService>;

export function createLocationService({ store, config, now, outbox, pubsub, logger, limiter }: LocationServiceDeps) {
  /**
   * A position no car could have reached from the last one in the time between them (a spoofed or broken GPS):
   * farther than `maxTravelSpeedKph` × elapsed time plus POSITION_NOISE_METERS.
   */
  function checkReachable(last: Driver, next: { latitude: number; longitude: number }, at: Date): void {
    if (last.latitude === null || last.longitude === null || last.positionAt === null) return;
    const elapsedHours = Math.max(0, at.getTime() - last.positionAt.getTime()) / 3_600_000;
    const reachable = POSITION_NOISE_METERS + config.maxTravelSpeedKph * 1000 * elapsedHours;
    const moved = haversineMeters({ latitude: last.latitude, longitude: last.longitude }, next);
    if (moved > reachable) {
      throw badInput(
        `The position is ${Math.round(moved / 1000)} km from the previous one: farther than a car drives at ${config.maxTravelSpeedKph} km/h since then`,
        'latitude',
      );
    }
  }

  /** Live is best effort: a failed publish is logged and the mutation still succeeds (the position is stored). */
  async function publish(driver: Driver, recordedAt: Date): Promise<void> {
    // The owner ids travel with the position: subscribers authorize each event from them alone (live-positions.ts).
    const position = {
      driverId: driver.id,
      fleetId: driver.fleetId,
      driverUserId: driver.userId,
      currentRiderUserId: driver.currentRiderUserId,
      status: driver.status,
      latitude: driver.latitude!,
      longitude: driver.longitude!,
      heading: driver.heading,
      speedKph: driver.speedKph,
      recordedAt: recordedAt.toISOString(),
    };
    const failure = { message: 'live driver position not published', fields: { driverId: driver.id } };
    await Promise.all([
      publishBestEffort(pubsub, logger, 'DRIVER_LOCATION_UPDATED', position, [driver.id], failure),
      publishBestEffort(pubsub, logger, 'FLEET_POSITIONS', position, [driver.fleetId], failure),
    ]);
  }

  return {
    /**
     * Stores the viewer's position and publishes it on DRIVER_LOCATION_UPDATED (key: driver id) and
     * FLEET_POSITIONS (key: fleet id). A working driver's position also goes into a `driver.status.changed`
     * event when it moved or aged enough (driver-state.ts), in the same transaction.
     * @throws AppError BAD_USER_INPUT for out-of-range values or an unreachable jump from the last position
     *   (nothing stored), RATE_LIMITED over budget,
     *   NOT_FOUND when the viewer has no driver profile.
     */
    async updateDriverLocation(viewer: Viewer | null, args: LocationArgs): Promise<{ driver: Driver; recordedAt: Date }> {
      const heading = args.heading ?? null;
      const speedKph = args.speed ?? null;
      if (!isLatitude(args.latitude)) throw badInput('latitude must be between -90 and 90', 'latitude');
      if (!isLongitude(args.longitude)) throw badInput('longitude must be between -180 and 180', 'longitude');
      if (heading !== null && !(Number.isFinite(heading) && heading >= 0 && heading <= 360))
        throw badInput('heading must be between 0 and 360 degrees', 'heading');
      if (speedKph !== null && !(Number.isFinite(speedKph) && speedKph >= 0 && speedKph <= MAX_SPEED_KPH)) {
        throw badInput(`speed must be between 0 and ${MAX_SPEED_KPH} km/h`, 'speed');
      }
      // Counted per user before touching the database, so a flood costs no queries.
      if (viewer) await enforceRateLimits([{ limiter, key: viewer.userId }], 'Too many location updates; send at most about one per second');
      const own = await requireOwnDriver(viewer, 'updateDriverLocation', (userId) => store.drivers.findByUserId(userId));
      const at = now();
      checkReachable(own, args, at);
      const position = { latitude: args.latitude, longitude: args.longitude, heading, speedKph, at };
      let driver: Driver;
      if (shouldSamplePosition(own, position, at)) {
        driver = await store.transaction(async (tx) => {
          const updated = await tx.drivers.setPosition(own.id, position, true);
          await tx.outbox.add(statusChangedEvent(updated, await categoryOf(tx, updated), at));
          return updated;
        });
        outbox.wake();
      } else {
        driver = await store.drivers.setPosition(own.id, position, false);
      }
      await publish(driver, at);
      return { driver, recordedAt: at };
    },

    /**
     * AVAILABLE drivers with a position at most NEARBY_FRESHNESS_MS old within `radiusKm`, nearest first (ties by
     * id), paged by a (distance, id) cursor. A fleet manager sees only their fleets; a fleet the viewer does not
     * manage, or a malformed fleet id, gives an empty page.
     * @throws AppError BAD_USER_INPUT for a bad location, radius or paging arguments.
     */
    async nearbyDrivers(viewer: Viewer | null, args: NearbyArgs): Promise<Connection<Driver> & { edges: NearbyEdge[] }> {
      const { location, radiusKm } = args;
      if (!isLatitude(location.latitude) || !isLongitude(location.longitude)) {
        throw badInput('location: latitude must be between -90 and 90, longitude between -180 and 180', 'location');
      }
      if (!(Number.isFinite(radiusKm) && radiusKm > 0 && radiusKm <= MAX_NEARBY_RADIUS_KM)) {
        throw badInput(`radiusKm must be more than 0 and at most ${MAX_NEARBY_RADIUS_KM}`, 'radiusKm');
      }
      const take = readPageArgs({ first: args.first }).take;
      const after = args.after ? decodeNearbyCursor(args.after) : null;
      const empty = { edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: after !== null, startCursor: null, endCursor: null } };
      const fleetIds = fleetsToList(viewer, args.fleetId);
      if (fleetIds?.length === 0) return empty;

      const radiusMeters = radiusKm * 1000;
      const candidates = await store.drivers.findAvailableInBox({
        ...boundingBox(location, radiusMeters),
        freshSince: new Date(now().getTime() - NEARBY_FRESHNESS_MS),
        fleetIds,
        category: args.category ?? null,
        limit: NEARBY_CANDIDATE_LIMIT,
      });
      const ranked = candidates
        .map((node) => ({ node, distance: haversineMeters(location, { latitude: node.latitude!, longitude: node.longitude! }) }))
        .filter(({ distance }) => distance <= radiusMeters)
        .sort((a, b) => a.distance - b.distance || compareIds(a.node.id, b.node.id))
        .filter(({ node, distance }) => !after || distance > after.distance || (distance === after.distance && compareIds(node.id, after.id) > 0));
      const page = ranked.slice(0, take);
      const edges = page.map(({ node, distance }) => ({ cursor: encodeNearbyCursor(distance, node.id), node, distanceMeters: Math.round(distance) }));
      return {
        edges,
        pageInfo: {
          hasNextPage: ranked.length > take,
          hasPreviousPage: after !== null,
          startCursor: edges[0]?.cursor ?? null,
          endCursor: edges.at(-1)?.cursor ?? null,
        },
      };
    },
  };
}

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function encodeNearbyCursor(distance: number, id: string): string {
  return Buffer.from(`near|${distance}|${id}`, 'utf8').toString('base64url');
}

/** @throws AppError BAD_USER_INPUT unless it is a cursor `nearbyDrivers` returned. */
function decodeNearbyCursor(value: string): { distance: number; id: string } {
  const [tag, distance, id, extra] = Buffer.from(value, 'base64url').toString('utf8').split('|');
  const parsed = Number(distance);
  if (tag !== 'near' || !id || !isUuid(id) || extra !== undefined || distance === '' || !Number.isFinite(parsed) || parsed < 0) {
    throw new AppError('BAD_USER_INPUT', 'after is not a cursor returned by nearbyDrivers', { extensions: { field: 'after' } });
  }
  return { distance: parsed, id };
}
