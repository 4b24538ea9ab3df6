// Checks every identity service makes itself. The schema's directives already refuse anonymous and wrong-role
// requests; these keep a service safe on its own (scripts, tests, a directive edited by mistake).
import { canActForUser, hasAnyRole, type Role, type Viewer } from '../../../../platform/auth/index.js';
import { AppError } from '../../../../platform/errors/index.js';

/** @throws AppError UNAUTHENTICATED without a viewer. */
export function requireViewer(viewer: Viewer | null, what: string): Viewer {
  if (!viewer) throw new AppError('UNAUTHENTICATED', `${what} requires a signed-in user`);
  return viewer;
}

/** @throws AppError UNAUTHENTICATED without a viewer, FORBIDDEN without one of `roles`. */
export function requireAnyRole(viewer: Viewer | null, roles: readonly Role[], what: string): Viewer {
  const signedIn = requireViewer(viewer, what);
  if (!hasAnyRole(signedIn, roles)) throw new AppError('FORBIDDEN', `${what} requires the role ${roles.join(' or ')}`);
  return signedIn;
}

/**
 * A user's contact details (phone, email, managed fleets): the user themself, SUPER_ADMIN and OPERATIONS.
 * @throws AppError UNAUTHENTICATED without a viewer, FORBIDDEN for anyone else (the field resolves to null).
 */
export function assertCanReadPrivate(viewer: Viewer | null, userId: string, field: string): void {
  const signedIn = requireViewer(viewer, `User.${field}`);
  if (!canActForUser(signedIn, userId)) {
    throw new AppError('FORBIDDEN', `User.${field} of another user is visible only to that user and to SUPER_ADMIN or OPERATIONS staff`);
  }
}
