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
