// Pricing arithmetic. Geometry is floating point (it yields whole metres and seconds); money is integers only:
// minor units, the surge as integer tenths, every division rounded half up exactly once per term.
import { haversineMeters, isLatitude, isLongitude, type Point } from '../../../../platform/geo/index.js';
import type { City, PricingRule } from '../store/prisma/client.js';

export const isValidPoint = ({ latitude, longitude }: Point): boolean => isLatitude(latitude) && isLongitude(longitude);

/** `numerator / denominator` rounded half up, for non-negative integers. */
export function divRound(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/** Whether `point` lies within the city's service area (its radius around the centre). */
export function inCity(city: Pick<City, 'centerLatitude' | 'centerLongitude' | 'radiusMeters'>, point: Point): boolean {
  return haversineMeters(point, { latitude: city.centerLatitude, longitude: city.centerLongitude }) <= city.radiusMeters;
}

/** The city whose centre is nearest to `point` among those whose radius contains it; null outside every city. */
export function cityFor<C extends Pick<City, 'centerLatitude' | 'centerLongitude' | 'radiusMeters'>>(cities: readonly C[], point: Point): C | null {
  let best: { city: C; distance: number } | null = null;
  for (const city of cities) {
    const distance = haversineMeters(point, { latitude: city.centerLatitude, longitude: city.centerLongitude });
    if (distance <= city.radiusMeters && (!best || distance < best.distance)) best = { city, distance };
  }
  return best?.city ?? null;
}

/** Road distance (straight line × the city's road factor) and driving time at the city's average speed. */
export function estimateRoute(
  city: Pick<City, 'roadFactorPercent' | 'averageSpeedKph'>,
  pickup: Point,
  dropoff: Point,
): { distanceMeters: number; durationSeconds: number } {
  const distanceMeters = Math.round((haversineMeters(pickup, dropoff) * city.roadFactorPercent) / 100);
  // metres / (km/h × 1000 / 3600) = metres × 3600 / (km/h × 1000), both integers by now
  const durationSeconds = divRound(distanceMeters * 3600, city.averageSpeedKph * 1000);
  return { distanceMeters, durationSeconds };
}

type FareRule = Pick<PricingRule, 'baseFareMinor' | 'perKmMinor' | 'perMinuteMinor' | 'minimumFareMinor'>;

/**
 * base + per km + per minute, at least the minimum, then × surge. The minimum applies before the surge, so a
 * surge raises short trips too (a rider sees the same multiplier on every fare).
 */
export function fareMinor(rule: FareRule, distanceMeters: number, durationSeconds: number, surgeTenths: number): number {
  const distancePart = divRound(rule.perKmMinor * distanceMeters, 1000);
  const timePart = divRound(rule.perMinuteMinor * durationSeconds, 60);
  const subtotal = Math.max(rule.minimumFareMinor, rule.baseFareMinor + distancePart + timePart);
  return divRound(subtotal * surgeTenths, 10);
}

/**
 * Surge in tenths from demand (recent waiting requests near the pickup, this one included) and supply (available
 * drivers of the category nearby): (demand + 1) / (supply + 1), never below 1.0x nor above the city's cap.
 * No demand and no supply is 1.0x; 2 waiting riders and no driver is 3.0x before the cap.
 */
export function surgeTenths(demand: number, supply: number, maxSurgeTenths: number): number {
  const raw = Math.floor((10 * (demand + 1)) / (supply + 1));
  return Math.min(Math.max(10, maxSurgeTenths), Math.max(10, raw));
}

/** 15 → 1.5 for the API; tenths are exact in binary-to-decimal printing for one decimal place. */
export const surgeMultiplier = (tenths: number): number => tenths / 10;
