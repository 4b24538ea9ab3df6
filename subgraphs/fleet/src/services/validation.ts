// Input checks shared by fleet's mutations. Each returns a user error or null; the field path is the argument's.
import { isUuid } from '../../../../platform/graphql/index.js';
import { isLatitude, isLongitude, type Point } from '../../../../platform/geo/index.js';
import { userError, type FleetUserError } from './user-errors.js';

export const MAX_ODOMETER_KM = 10_000_000;

export function checkText(value: string, field: string, max = 100): FleetUserError | null {
  const trimmed = value.trim();
  return trimmed.length >= 1 && trimmed.length <= max ? null : userError('INVALID_TEXT', `Give 1 to ${max} characters`, field);
}

export function checkLocation(point: Point, field: string): FleetUserError | null {
  return isLatitude(point.latitude) && isLongitude(point.longitude)
    ? null
    : userError('INVALID_LOCATION', 'Latitude must be between -90 and 90, longitude between -180 and 180', field);
}

/** Plates are compared in capitals without surrounding spaces. */
export const normalisePlate = (plate: string) => plate.trim().toUpperCase().replace(/\s+/g, ' ');

export function checkPlate(plate: string, field: string): FleetUserError | null {
  return /^[A-Z0-9][A-Z0-9 -]{0,13}[A-Z0-9]$/.test(plate) ? null : userError('INVALID_PLATE', 'A plate is 2 to 15 letters, digits, spaces or dashes', field);
}

export function checkYear(year: number, now: Date, field: string): FleetUserError | null {
  const latest = now.getUTCFullYear() + 1;
  return Number.isInteger(year) && year >= 1980 && year <= latest
    ? null
    : userError('INVALID_YEAR', `The model year must be between 1980 and ${latest}`, field);
}

export const normaliseLicence = (licence: string) => licence.trim().toUpperCase();

export function checkLicence(licence: string, field: string): FleetUserError | null {
  return /^[A-Z0-9][A-Z0-9-]{2,28}[A-Z0-9]$/.test(licence)
    ? null
    : userError('INVALID_LICENCE', 'A licence number is 4 to 30 letters, digits or dashes', field);
}

export function checkOdometer(km: number, field: string): FleetUserError | null {
  return Number.isInteger(km) && km >= 0 && km <= MAX_ODOMETER_KM
    ? null
    : userError('INVALID_ODOMETER', `The odometer reading must be a whole number of km from 0 to ${MAX_ODOMETER_KM}`, field);
}

export function checkHttpsUrl(value: string, field: string): FleetUserError | null {
  if (value.length > 2000) return userError('INVALID_URL', 'The URL is longer than 2000 characters', field);
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname ? null : userError('INVALID_URL', 'The URL must be an https URL', field);
  } catch {
    return userError('INVALID_URL', 'The URL must be an https URL', field);
  }
}

/** @param maxMinor the largest plausible amount in minor units (a configured limit). */
export function checkMoney(money: { amountMinor: number; currency: string }, field: string, maxMinor: number): FleetUserError | null {
  return Number.isInteger(money.amountMinor) && money.amountMinor >= 0 && money.amountMinor <= maxMinor && /^[A-Z]{3}$/.test(money.currency)
    ? null
    : userError('INVALID_MONEY', `The amount must be 0 to ${maxMinor} minor units and the currency an ISO 4217 code such as USD`, field);
}

/** A reference argument that is not a UUID cannot exist: report it like an unknown id. */
export const wellFormedId = (id: string | null | undefined): id is string => typeof id === 'string' && isUuid(id);

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A calendar date `YYYY-MM-DD` as midnight UTC (how a PostgreSQL `date` column reads back), or null when it is not
 * a real date between 2000 and 2100 (2023-02-30 is refused, not rolled over).
 */
export function parseCalendarDate(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real && year >= 2000 && year <= 2100 ? date : null;
}

export const formatCalendarDate = (date: Date): string => date.toISOString().slice(0, 10);

/** The licence is valid through its expiry day (UTC) and expired from the next day on; no expiry recorded: valid. */
export function licenceExpired(driver: { licenceExpiresOn: Date | null }, at: Date): boolean {
  return driver.licenceExpiresOn !== null && at.getTime() >= driver.licenceExpiresOn.getTime() + DAY_MS;
}
