// Turns a declared rule into the check run before a field resolves. Compiled once per field when a schema is
// built, so a request pays one closure call and, for role rules, a scan of the viewer's (few) roles.
import { AppError } from '../errors/index.js';
import { describeScopes, type AuthorizationRule } from './authorization-rule.js';
import type { Viewer } from './viewer.js';

/** Null when the viewer may; otherwise the error to raise (UNAUTHENTICATED or FORBIDDEN). */
export type ViewerCheck = (viewer: Viewer | null) => AppError | null;

/**
 * @param coordinate `Type.field`, named in the error so a client knows which field was refused.
 * @returns null for `@public`: nothing to check.
 */
export function compileRuleCheck(rule: AuthorizationRule, coordinate: string): ViewerCheck | null {
  switch (rule.kind) {
    case 'public':
      return null;
    case 'authenticated':
      return (viewer) => (viewer ? null : unauthenticated(coordinate));
    case 'requiresScopes': {
      const groups = rule.anyOf.map((group) => [...group]);
      const needed = describeScopes(rule.anyOf);
      return (viewer) => {
        if (!viewer) return unauthenticated(coordinate);
        const { roles } = viewer;
        if (groups.some((group) => group.every((scope) => (roles as readonly string[]).includes(scope)))) return null;
        return new AppError('FORBIDDEN', `${coordinate} requires the role ${needed}`);
      };
    }
  }
}

function unauthenticated(coordinate: string): AppError {
  return new AppError('UNAUTHENTICATED', `${coordinate} requires a signed-in user: send "Authorization: Bearer <access token>"`);
}
