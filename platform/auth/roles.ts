// Roles, as granted by identity and carried in access tokens. In the schema they are the scopes of
// `@requiresScopes`.
export const ROLES = ['SUPER_ADMIN', 'OPERATIONS', 'FLEET_MANAGER', 'DRIVER', 'RIDER'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that use the operations dashboard. */
export const STAFF_ROLES: readonly Role[] = ['SUPER_ADMIN', 'OPERATIONS', 'FLEET_MANAGER'];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
