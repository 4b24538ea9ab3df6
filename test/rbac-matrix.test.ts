// Every root Query and Mutation field of the composed supergraph, called through the gateway by every role:
// UNAUTHENTICATED or FORBIDDEN exactly when the field's declared rule denies that role, never when it allows.
// The list comes from schema/supergraph.graphql, so a new root field is covered the moment it is composed.
// (Ownership — whose trips — is ownership.test.ts; here only "may this kind of viewer ask at all".)
import type { GraphQLObjectType } from 'graphql';
import type { AuthorizationRule } from '../platform/auth/index.js';
import { postGraphQL } from '../platform/testing/index.js';
import { canonicalRule, loadComposedSchema } from './support/composed-schema.js';
import { probeOperation } from './support/probe-operation.js';
import { PERSONAS, startTestSupergraph, type Persona, type PersonaInfo, type TestSupergraph } from './support/test-supergraph.js';

const composed = loadComposedSchema();

type Denial = 'UNAUTHENTICATED' | 'FORBIDDEN' | null;

/**
 * Fields that take a credential as an argument and answer UNAUTHENTICATED when it is not valid, whatever the
 * viewer: that is their contract ("sign in again"), not an authorization rule. FORBIDDEN stays refused.
 */
const CREDENTIAL_ARGUMENT_FIELDS: Record<string, string> = {
  'Mutation.refreshSession': 'an unknown refresh token means: sign in again',
};

/**
 * The intended roles of root fields, written out by hand: the matrix below checks the declared rule against every
 * persona, and this table checks the declared rule is the one meant — so a rule loosened by mistake in the SDL
 * fails here rather than being tested as if it were right.
 */
const INTENDED_ROLES: Record<string, readonly string[]> = {
  // Fleet administration (fleet)
  'Mutation.createFleet': ['SUPER_ADMIN', 'OPERATIONS'],
  'Mutation.updateFleet': ['SUPER_ADMIN', 'OPERATIONS'],
  'Mutation.updateHub': ['SUPER_ADMIN', 'OPERATIONS', 'FLEET_MANAGER'],
  'Mutation.retireHub': ['SUPER_ADMIN', 'OPERATIONS', 'FLEET_MANAGER'],
  'Mutation.updateVehicle': ['SUPER_ADMIN', 'OPERATIONS', 'FLEET_MANAGER'],
  'Mutation.updateDriverProfile': ['SUPER_ADMIN', 'OPERATIONS', 'FLEET_MANAGER'],
  'Mutation.suspendDriver': ['SUPER_ADMIN', 'OPERATIONS', 'FLEET_MANAGER'],
  'Mutation.reinstateDriver': ['SUPER_ADMIN', 'OPERATIONS', 'FLEET_MANAGER'],
  'Mutation.checkIn': ['DRIVER'],
  // Fleet managers (identity)
  'Mutation.assignFleetManager': ['SUPER_ADMIN', 'OPERATIONS'],
  'Mutation.removeFleetManager': ['SUPER_ADMIN', 'OPERATIONS'],
  // Driver onboarding (identity; a FLEET_MANAGER only into their own fleets, checked by the service)
  'Mutation.onboardDriver': ['SUPER_ADMIN', 'OPERATIONS', 'FLEET_MANAGER'],
  'Fleet.managers': ['SUPER_ADMIN', 'OPERATIONS', 'FLEET_MANAGER'],
};

test.each(Object.entries(INTENDED_ROLES))('%s is declared for exactly its intended roles', (name, roles) => {
  const [type, field] = name.split('.') as [string, string];
  const intended = canonicalRule({ kind: 'requiresScopes', anyOf: roles.map((role) => [role]) });
  expect(canonicalRule(composed.ruleOf(type, field))).toBe(intended);
});

/** What the declared rule says for this persona; written out here rather than reusing the enforcement's code. */
function expectedDenial(rule: AuthorizationRule | undefined, persona: PersonaInfo): Denial {
  if (!rule) throw new Error('no rule declared (authorization-coverage.test.ts lists the field)');
  if (rule.kind === 'public') return null;
  if (persona.userId === null) return 'UNAUTHENTICATED';
  if (rule.kind === 'authenticated') return null;
  return rule.anyOf.some((group) => group.every((role) => persona.roles.some((held) => held === role))) ? null : 'FORBIDDEN';
}

interface MatrixCase {
  /** `Type.field`, for the test title. */
  name: string;
  operation: 'query' | 'mutation';
  type: GraphQLObjectType;
  field: string;
}

const rootCases: MatrixCase[] = [
  ...(['query', 'mutation'] as const).flatMap((operation) => {
    const type = operation === 'query' ? composed.api.getQueryType() : composed.api.getMutationType();
    return type ? Object.keys(type.getFields()).map((field) => ({ name: `${type.name}.${field}`, operation, type, field })) : [];
  }),
];
const cases = rootCases.flatMap((root) => PERSONAS.map((persona) => ({ ...root, persona })));

let env: TestSupergraph;

beforeAll(async () => {
  env = await startTestSupergraph();
}, 120_000);

afterAll(async () => {
  await env?.stop();
});

test('the matrix covers every root field of the supergraph', () => {
  expect(rootCases.length).toBeGreaterThanOrEqual(8);
  expect(rootCases.map((c) => c.name)).toEqual(
    expect.arrayContaining(['Query.trips', 'Query.trip', 'Query.fleets', 'Query.drivers', 'Query.operationsSummary']),
  );
});

/**
 * Intent, written out by hand: the roles each of these root fields is meant for. The matrix below follows whatever
 * rule the schema declares; this table fails when a declared rule drifts from what the feature was built for.
 */
const INTENDED: Record<string, readonly Persona[]> = {
  'Query.cities': ['SUPER_ADMIN', 'OPERATIONS', 'FLEET_MANAGER'],
  'Query.city': ['SUPER_ADMIN', 'OPERATIONS', 'FLEET_MANAGER'],
  'Mutation.setPricing': ['SUPER_ADMIN', 'OPERATIONS'],
  'Mutation.createCity': ['SUPER_ADMIN', 'OPERATIONS'],
  'Mutation.updateCity': ['SUPER_ADMIN', 'OPERATIONS'],
};

test.each(Object.entries(INTENDED))('%s is declared for exactly its intended roles', (name, allowed) => {
  const [typeName, field] = name.split('.') as [string, string];
  const allowedBy = PERSONAS.filter((persona) => expectedDenial(composed.ruleOf(typeName, field), env.personas[persona]) === null);
  expect(allowedBy).toEqual(PERSONAS.filter((persona) => allowed.includes(persona)));
});

test.each(cases)('$name as $persona', async ({ name, operation, type, field, persona }: MatrixCase & { persona: Persona }) => {
  const info = env.personas[persona];
  const expected = expectedDenial(composed.ruleOf(type.name, field), info);
  const { query, variables } = probeOperation(operation, type.getFields()[field]!);
  const result = await postGraphQL(env.gatewayUrl, query, variables, info.headers);

  // A denial is a field error (HTTP 200), not a refused request: the token itself is fine.
  expect(result.status).toBe(200);
  const tolerated = !expected && name in CREDENTIAL_ARGUMENT_FIELDS ? 'UNAUTHENTICATED' : undefined;
  const authCodes = (result.errors ?? [])
    .map((error) => error.extensions?.code)
    .filter((code): code is Denial => (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN') && code !== tolerated);
  const summary = { query, expected, got: [...new Set(authCodes)], errors: result.errors?.map((e) => `${String(e.extensions?.code)}: ${e.message}`) };
  if (expected) {
    expect(summary).toMatchObject({ got: [expected] });
    const denialAtField = result.errors?.find((error) => error.extensions?.code === expected);
    expect(denialAtField?.path?.[0]).toBe(field);
  } else {
    expect(summary).toMatchObject({ got: [] });
  }
});
