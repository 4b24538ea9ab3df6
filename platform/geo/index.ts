// Distances on the WGS 84 sphere approximation, shared by fleet (who is near) and trips (route length, pricing): exact
// enough for both (≈0.5 % error) and cheap in JS.
const EARTH_RADIUS_M = 6_371_008.8;
const METERS_PER_DEGREE_LATITUDE = 111_320;

export interface Point {
  latitude: number;
  longitude: number;
}

const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in metres (haversine). */
export function haversineMeters(a: Point, b: Point): number {
  const dLat = radians(b.latitude - a.latitude);
  const dLng = radians(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * A box containing every point within `radiusMeters` of `center`, for an index prefilter. Near a pole the
 * longitude span covers everything; across ±180° it is split into two ranges.
 */
export function boundingBox(
  center: Point,
  radiusMeters: number,
): { minLatitude: number; maxLatitude: number; longitudeRanges: { min: number; max: number }[] } {
  const dLat = radiusMeters / METERS_PER_DEGREE_LATITUDE;
  const minLatitude = Math.max(-90, center.latitude - dLat);
  const maxLatitude = Math.min(90, center.latitude + dLat);
  // The widest longitude span is at the latitude of the box edge nearest a pole.
  const widest = Math.max(Math.abs(minLatitude), Math.abs(maxLatitude));
  const cos = Math.cos(radians(widest));
  const dLng = cos < 1e-6 ? 360 : radiusMeters / (METERS_PER_DEGREE_LATITUDE * cos);
  if (dLng >= 180) return { minLatitude, maxLatitude, longitudeRanges: [{ min: -180, max: 180 }] };
  const min = center.longitude - dLng;
  const max = center.longitude + dLng;
  if (min < -180)
    return {
      minLatitude,
      maxLatitude,
      longitudeRanges: [
        { min: min + 360, max: 180 },
        { min: -180, max },
      ],
    };
  if (max > 180)
    return {
      minLatitude,
      maxLatitude,
      longitudeRanges: [
        { min, max: 180 },
        { min: -180, max: max - 360 },
      ],
    };
  return { minLatitude, maxLatitude, longitudeRanges: [{ min, max }] };
}

export const isLatitude = (value: number) => Number.isFinite(value) && value >= -90 && value <= 90;
export const isLongitude = (value: number) => Number.isFinite(value) && value >= -180 && value <= 180;
