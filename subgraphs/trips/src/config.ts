// trips' own settings (dispatch timing and reach, quote lifetime, surge inputs), read once at build time.
import { z } from 'zod';
import { readEnv } from '../../../platform/config/index.js';

export interface TripsConfig {
  /** How long a driver has to answer an offer (TRIP_OFFER_TIMEOUT_SECONDS, default 20). */
  offerTimeoutSeconds: number;
  /** A trip still REQUESTED this long after the request is cancelled by SYSTEM (TRIP_DISPATCH_TIMEOUT_SECONDS, default 300). */
  dispatchTimeoutSeconds: number;
  /** How often the background dispatcher runs (TRIP_DISPATCH_INTERVAL_MS, default 2000). */
  dispatchIntervalMs: number;
  /** Farthest driver an offer goes to, straight line (TRIP_DISPATCH_RADIUS_METERS, default 5000). */
  dispatchRadiusMeters: number;
  /** A driver position older than this is not trusted for dispatch (TRIP_SUPPLY_FRESHNESS_SECONDS, default 300). */
  supplyFreshnessSeconds: number;
  /** How long a fare estimate can be requested at its price (TRIP_QUOTE_TTL_SECONDS, default 300). */
  quoteTtlSeconds: number;
  /** Radius around the pickup in which demand and supply set the surge (TRIP_SURGE_RADIUS_METERS, default 3000). */
  surgeRadiusMeters: number;
  /** Requests younger than this count as demand (TRIP_SURGE_WINDOW_SECONDS, default 600). */
  surgeWindowSeconds: number;
  /**
   * Longest ride priced or requested, estimated road distance in metres (TRIP_MAX_DISTANCE_METERS, default 150000);
   * a completed trip may report at most twice this (detours).
   */
  maxTripDistanceMeters: number;
  /**
   * Highest fare in minor units (TRIP_MAX_FARE_MINOR, default 1000000): an estimate above it is refused, a final
   * fare above it is charged at it.
   */
  maxFareMinor: number;
}

const seconds = (fallback: number, min: number, max: number) =>
  z.coerce.number().int(`must be a whole number of seconds`).min(min, `must be at least ${min}`).max(max, `must be at most ${max}`).default(fallback);

/** @throws ConfigError naming each invalid variable. */
export function readTripsConfig(env: NodeJS.ProcessEnv = process.env): TripsConfig {
  const e = readEnv(
    {
      TRIP_OFFER_TIMEOUT_SECONDS: seconds(20, 1, 600),
      TRIP_DISPATCH_TIMEOUT_SECONDS: seconds(300, 10, 86_400),
      TRIP_DISPATCH_INTERVAL_MS: z.coerce.number().int().min(50, 'must be at least 50').max(60_000, 'must be at most 60000').default(2000),
      TRIP_DISPATCH_RADIUS_METERS: z.coerce.number().int().min(100, 'must be at least 100').max(50_000, 'must be at most 50000').default(5000),
      TRIP_SUPPLY_FRESHNESS_SECONDS: seconds(300, 10, 86_400),
      TRIP_QUOTE_TTL_SECONDS: seconds(300, 10, 3600),
      TRIP_SURGE_RADIUS_METERS: z.coerce.number().int().min(100, 'must be at least 100').max(50_000, 'must be at most 50000').default(3000),
      TRIP_SURGE_WINDOW_SECONDS: seconds(600, 10, 86_400),
      TRIP_MAX_DISTANCE_METERS: z.coerce.number().int().min(1000, 'must be at least 1000').max(1_000_000, 'must be at most 1000000').default(150_000),
      // Fares are stored as 32-bit integers.
      TRIP_MAX_FARE_MINOR: z.coerce.number().int().min(100, 'must be at least 100').max(2_147_483_647, 'must be at most 2147483647').default(1_000_000),
    },
    env,
  );
  return {
    offerTimeoutSeconds: e.TRIP_OFFER_TIMEOUT_SECONDS,
    dispatchTimeoutSeconds: e.TRIP_DISPATCH_TIMEOUT_SECONDS,
    dispatchIntervalMs: e.TRIP_DISPATCH_INTERVAL_MS,
    dispatchRadiusMeters: e.TRIP_DISPATCH_RADIUS_METERS,
    supplyFreshnessSeconds: e.TRIP_SUPPLY_FRESHNESS_SECONDS,
    quoteTtlSeconds: e.TRIP_QUOTE_TTL_SECONDS,
    surgeRadiusMeters: e.TRIP_SURGE_RADIUS_METERS,
    surgeWindowSeconds: e.TRIP_SURGE_WINDOW_SECONDS,
    maxTripDistanceMeters: e.TRIP_MAX_DISTANCE_METERS,
    maxFareMinor: e.TRIP_MAX_FARE_MINOR,
  };
}
