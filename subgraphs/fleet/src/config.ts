// fleet's own settings: the limits that tell a plausible shift or position from a mistake or a forged request,
// read once at build time.
import { z } from 'zod';
import { readEnv } from '../../../platform/config/index.js';

export interface FleetConfig {
  /** Most cash (minor units) a driver can deposit at one check-out (FLEET_MAX_CASH_DEPOSIT_MINOR, default 1000000). */
  maxCashDepositMinor: number;
  /** Farthest a check-in may be from one of the fleet's hubs, in metres (FLEET_CHECK_IN_RADIUS_METERS, default 50000). */
  checkInRadiusMeters: number;
  /** Most km one shift can add to the odometer (FLEET_MAX_SHIFT_KM, default 2000). */
  maxShiftKm: number;
  /**
   * Fastest a driver can have travelled between two positions, in km/h (FLEET_MAX_TRAVEL_SPEED_KPH, default 250);
   * a farther jump (beyond 5 km of location noise) is refused.
   */
  maxTravelSpeedKph: number;
}

const whole = (fallback: number, min: number, max: number) =>
  z.coerce.number().int('must be a whole number').min(min, `must be at least ${min}`).max(max, `must be at most ${max}`).default(fallback);

/** @throws ConfigError naming each invalid variable. */
export function readFleetConfig(env: NodeJS.ProcessEnv = process.env): FleetConfig {
  const e = readEnv(
    {
      // The column is a 32-bit integer: anything above 2^31 - 1 could not be stored anyway.
      FLEET_MAX_CASH_DEPOSIT_MINOR: whole(1_000_000, 1, 2_147_483_647),
      FLEET_CHECK_IN_RADIUS_METERS: whole(50_000, 100, 20_000_000),
      FLEET_MAX_SHIFT_KM: whole(2_000, 1, 100_000),
      FLEET_MAX_TRAVEL_SPEED_KPH: whole(250, 10, 2_000),
    },
    env,
  );
  return {
    maxCashDepositMinor: e.FLEET_MAX_CASH_DEPOSIT_MINOR,
    checkInRadiusMeters: e.FLEET_CHECK_IN_RADIUS_METERS,
    maxShiftKm: e.FLEET_MAX_SHIFT_KM,
    maxTravelSpeedKph: e.FLEET_MAX_TRAVEL_SPEED_KPH,
  };
}
