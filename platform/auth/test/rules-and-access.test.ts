// Reading rules from SDL directives, combining them as composition does, and the shared ownership helpers.
import { parse, type ConstDirectiveNode, type ObjectTypeDefinitionNode } from 'graphql';
import { canActForUser, canSeeFleet, combineRules, readAuthorizationRule, visibleFleetIds, type Role, type Viewer } from '../index.js';

function directivesOf(sdl: string): readonly ConstDirectiveNode[] {
  return (parse(`type T ${sdl} { a: Int }`).definitions[0] as ObjectTypeDefinitionNode).directives ?? [];
}

const viewer = (roles: Role[], fleetIds: string[] = [], userId = 'me'): Viewer => ({ userId, roles, sessionId: 's', fleetIds, expiresAt: new Date() });

test('reads @public, @authenticated and @requiresScopes (also under federation__ names); other directives are no rule', () => {
  expect(readAuthorizationRule(directivesOf('@public'))).toEqual({ kind: 'public' });
  expect(readAuthorizationRule(directivesOf('@federation__authenticated'))).toEqual({ kind: 'authenticated' });
  expect(readAuthorizationRule(directivesOf('@requiresScopes(scopes: [["SUPER_ADMIN"], ["OPERATIONS", "FLEET_MANAGER"]])'))).toEqual({
    kind: 'requiresScopes',
    anyOf: [['SUPER_ADMIN'], ['OPERATIONS', 'FLEET_MANAGER']],
  });
  expect(readAuthorizationRule(directivesOf('@key(fields: "id") @shareable'))).toBeUndefined();
  expect(readAuthorizationRule(undefined)).toBeUndefined();
});

test('several rules on one element all hold: public adds nothing, scopes multiply out', () => {
  expect(readAuthorizationRule(directivesOf('@public @authenticated'))).toEqual({ kind: 'authenticated' });
  expect(readAuthorizationRule(directivesOf('@authenticated @requiresScopes(scopes: [["RIDER"]])'))).toEqual({ kind: 'requiresScopes', anyOf: [['RIDER']] });
  expect(
    combineRules({ kind: 'requiresScopes', anyOf: [['SUPER_ADMIN'], ['OPERATIONS']] }, { kind: 'requiresScopes', anyOf: [['OPERATIONS'], ['FLEET_MANAGER']] }),
  ).toEqual({
    kind: 'requiresScopes',
    anyOf: [['SUPER_ADMIN', 'OPERATIONS'], ['SUPER_ADMIN', 'FLEET_MANAGER'], ['OPERATIONS'], ['OPERATIONS', 'FLEET_MANAGER']],
  });
});

test("a user's private data: the user and SUPER_ADMIN/OPERATIONS only", () => {
  expect(canActForUser(viewer(['RIDER']), 'me')).toBe(true);
  expect(canActForUser(viewer(['RIDER']), 'someone')).toBe(false);
  expect(canActForUser(viewer(['FLEET_MANAGER'], ['f-1']), 'someone')).toBe(false);
  expect(canActForUser(viewer(['OPERATIONS']), 'someone')).toBe(true);
  expect(canActForUser(null, 'me')).toBe(false);
});

test('visible fleets: every fleet for SUPER_ADMIN/OPERATIONS (null), their own for a FLEET_MANAGER, none for others', () => {
  expect(visibleFleetIds(viewer(['SUPER_ADMIN']))).toBeNull();
  expect(visibleFleetIds(viewer(['OPERATIONS']), 'f-9')).toEqual(['f-9']);
  expect(visibleFleetIds(viewer(['FLEET_MANAGER'], ['f-1', 'f-2']))).toEqual(['f-1', 'f-2']);
  expect(visibleFleetIds(viewer(['FLEET_MANAGER'], ['f-1']), 'f-1')).toEqual(['f-1']);
  expect(visibleFleetIds(viewer(['FLEET_MANAGER'], ['f-1']), 'f-2')).toEqual([]);
  // A stale fleet_ids claim without the role grants nothing.
  expect(visibleFleetIds(viewer(['RIDER'], ['f-1']))).toEqual([]);
  expect(visibleFleetIds(null)).toEqual([]);
  expect(canSeeFleet(viewer(['FLEET_MANAGER'], ['f-1']), 'f-1')).toBe(true);
  expect(canSeeFleet(viewer(['FLEET_MANAGER'], ['f-1']), 'f-2')).toBe(false);
});
