// Input rules shared by the services. Each returns a UserError, or null when the input is fine.
import { isUuid } from '../../../../platform/graphql/index.js';
import type { DeviceInput } from '../generated/resolvers-types.js';
import { userError, type UserError } from './user-errors.js';

const E164 = /^\+[1-9]\d{7,14}$/;
// Deliberately loose (one @, a dot in the domain, no spaces): the proof an address works is that mail arrives.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;
export const NAME_MAX_LENGTH = 100;

export function checkPhone(phone: string, field = 'phone'): UserError | null {
  return E164.test(phone) ? null : userError('INVALID_PHONE', 'Phone numbers must be E.164: "+", country code and number, e.g. +15551234567', field);
}

/** Lower-case and trimmed: emails compare case-insensitively everywhere. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function checkEmail(normalised: string, field = 'email'): UserError | null {
  return normalised.length <= 254 && EMAIL.test(normalised) ? null : userError('INVALID_EMAIL', 'This is not a valid email address', field);
}

/** Length only (counted in Unicode code points): long passphrases beat composition rules. */
export function checkPassword(password: string, field = 'password'): UserError | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return userError('WEAK_PASSWORD', `Passwords need at least ${PASSWORD_MIN_LENGTH} characters`, field);
  if (length > PASSWORD_MAX_LENGTH) return userError('WEAK_PASSWORD', `Passwords may have at most ${PASSWORD_MAX_LENGTH} characters`, field);
  return null;
}

export function checkName(name: string, field = 'name'): UserError | null {
  const trimmed = name.trim();
  return trimmed.length >= 1 && trimmed.length <= NAME_MAX_LENGTH ? null : userError('INVALID_NAME', `Names need 1 to ${NAME_MAX_LENGTH} characters`, field);
}

export function checkDevice(device: DeviceInput | null | undefined): UserError | null {
  const name = device?.name?.trim();
  return name && name.length > NAME_MAX_LENGTH
    ? userError('INVALID_DEVICE', `Device names may have at most ${NAME_MAX_LENGTH} characters`, ['device', 'name'])
    : null;
}

export function checkFleetIds(fleetIds: readonly string[], managesFleets: boolean, field = 'fleetIds'): UserError | null {
  if (fleetIds.some((id) => !isUuid(id))) return userError('INVALID_FLEET_IDS', 'Fleet ids must be fleet UUIDs', field);
  if (managesFleets && fleetIds.length === 0) return userError('INVALID_FLEET_IDS', 'A FLEET_MANAGER needs at least one fleet', field);
  if (!managesFleets && fleetIds.length > 0) return userError('INVALID_FLEET_IDS', 'Only a FLEET_MANAGER manages fleets', field);
  return null;
}

export const firstError = (...checks: (UserError | null)[]): UserError[] => {
  const found = checks.find((check) => check !== null);
  return found ? [found] : [];
};

// --- self-service account (updateMe) and referrals ---
export const AVATAR_URL_MAX_LENGTH = 2048;

/** https only: an http picture would leak who looks at a profile and be swapped on the way. */
export function checkAvatarUrl(url: string, field: string | string[] = 'avatarUrl'): UserError | null {
  const invalid = userError('INVALID_AVATAR_URL', `The avatar must be an https URL of at most ${AVATAR_URL_MAX_LENGTH} characters`, field);
  if (url.length > AVATAR_URL_MAX_LENGTH || !URL.canParse(url)) return invalid;
  const parsed = new URL(url);
  return parsed.protocol === 'https:' && !parsed.username && !parsed.password && parsed.hostname ? null : invalid;
}

/**
 * A BCP 47 tag as Intl understands it, in its canonical form (`en-gb` → `en-GB`).
 * @returns the canonical tag, or the user error.
 */
export function canonicalLocale(tag: string, field: string | string[] = 'locale'): { value: string } | { error: UserError } {
  const invalid = { error: userError('INVALID_LOCALE', 'The locale must be a BCP 47 language tag such as en or pt-BR', field) };
  // 35 characters: the longest tag RFC 5646 asks implementations to support.
  if (tag.length === 0 || tag.length > 35 || !/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(tag)) return invalid;
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    return canonical ? { value: canonical } : invalid;
  } catch {
    return invalid;
  }
}

/**
 * An IANA zone name that Intl knows, in its canonical spelling (`europe/paris` → `Europe/Paris`). Offsets such as
 * `+01:00` are refused: a zone name also carries daylight saving time.
 * @returns the canonical name, or the user error.
 */
export function canonicalTimeZone(zone: string, field: string | string[] = 'timeZone'): { value: string } | { error: UserError } {
  const invalid = { error: userError('INVALID_TIME_ZONE', 'The time zone must be an IANA name such as Europe/Paris', field) };
  if (zone.length === 0 || zone.length > 64 || !/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return invalid;
  try {
    return { value: new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone };
  } catch {
    return invalid;
  }
}

/** Referral codes are typed by people: spaces around them and letter case do not matter. */
export function normaliseReferralCode(code: string): string {
  return code.trim().toUpperCase();
}

// --- driver onboarding: the same licence and date rules as fleet's (subgraphs/fleet/src/services/validation.ts) ---
/** Licence numbers compare upper-case, without surrounding spaces. */
export const normaliseLicence = (licence: string) => licence.trim().toUpperCase();

export function checkLicence(normalised: string, field: string | string[]): UserError | null {
  return /^[A-Z0-9][A-Z0-9-]{2,28}[A-Z0-9]$/.test(normalised)
    ? null
    : userError('INVALID_LICENCE', 'A licence number is 4 to 30 letters, digits or dashes', field);
}

/** A real calendar date `YYYY-MM-DD` between 2000 and 2100 (2023-02-30 is refused, not rolled over), as fleet stores it. */
export function checkCalendarDate(value: string, field: string | string[]): UserError | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = match !== null && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real && year >= 2000 && year <= 2100 ? null : userError('INVALID_DATE', 'Give a calendar date YYYY-MM-DD (2000 to 2100)', field);
}
