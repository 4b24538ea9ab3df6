// The user as GraphQL shows it: every field `User` exposes and what its access checks read — never the password
// hash (nor updatedAt / referredByUserId, which no field shows). Entity fetches of the trips board, `me`, `user` and
// audit actors read this shape with one slim statement (platform/db rowsByIds).
import { rowsByIds, type SlimColumns } from '../../../../platform/db/index.js';
import type { User } from './prisma/client.js';

export type UserDisplay = Omit<User, 'passwordHash' | 'updatedAt' | 'referredByUserId'>;

const USER_DISPLAY_COLUMNS: SlimColumns<UserDisplay> = {
  id: 'id',
  phone: 'phone',
  phoneVerifiedAt: 'phone_verified_at',
  email: 'email',
  emailVerifiedAt: 'email_verified_at',
  name: 'name',
  roles: 'roles::text[]',
  active: 'active',
  fleetIds: 'fleet_ids::text[]',
  createdAt: 'created_at',
  avatarUrl: 'avatar_url',
  locale: 'locale',
  timeZone: 'time_zone',
  referralCode: 'referral_code',
};

export const userDisplaysByIds = rowsByIds<UserDisplay>('"identity"."users"', USER_DISPLAY_COLUMNS);

/** The same fields for Prisma reads (`select`) that return users to GraphQL, e.g. `Fleet.managers`. */
export const USER_DISPLAY_SELECT = Object.fromEntries(Object.keys(USER_DISPLAY_COLUMNS).map((field) => [field, true])) as Record<keyof UserDisplay, true>;
