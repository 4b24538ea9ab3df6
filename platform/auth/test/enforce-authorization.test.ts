// applyAuthorization: the declared rule of each field (or its type) is checked before the field resolves; a
// schema with a field that has no rule does not build.
import { buildSubgraphSchema } from '@apollo/subgraph';
import { execute, parse, subscribe, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { applyAuthorization, AuthorizationSchemaError, type Role, type Viewer } from '../index.js';

const HEADER = `
  extend schema
    @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@authenticated", "@requiresScopes", "@composeDirective"])
    @link(url: "https://ridegraph.dev/authorization/v1.0", import: ["@public"])
    @composeDirective(name: "@public")
  directive @public on FIELD_DEFINITION | OBJECT
`;

function build(sdl: string, resolvers: Record<string, Record<string, unknown>> = {}): GraphQLSchema {
  // buildSubgraphSchema's resolver map type is looser than this; the shape is what it expects.
  return applyAuthorization(buildSubgraphSchema([{ typeDefs: parse(HEADER + sdl), resolvers: resolvers as never }]));
}

const viewer = (...roles: Role[]): Viewer => ({ userId: 'u-1', roles, sessionId: 's-1', fleetIds: [], expiresAt: new Date(Date.now() + 60_000) });

async function run(schema: GraphQLSchema, query: string, who: Viewer | null, variables?: Record<string, unknown>): Promise<ExecutionResult> {
  return execute({ schema, document: parse(query), contextValue: { viewer: who }, variableValues: variables });
}

const codes = (result: ExecutionResult) => result.errors?.map((error) => error.extensions.code);

describe('building', () => {
  test('a field without a rule on itself or its type fails the build, naming every such Type.field', () => {
    let error: unknown;
    try {
      build(`
        type Ride @key(fields: "id") { id: ID! @public price: Int }
        type Covered @authenticated { a: Int b: Int @public }
        type Query { ride(id: ID!): Ride @authenticated covered: Covered @public forgotten: Int }
      `);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AuthorizationSchemaError);
    expect((error as AuthorizationSchemaError).problems).toEqual([
      'Ride.price has no rule: add @public, @authenticated or @requiresScopes to it or to type Ride',
      'Query.forgotten has no rule: add @public, @authenticated or @requiresScopes to it or to type Query',
    ]);
  });

  test('federation internals, introspection and rules on `extend type` need nothing more', () => {
    const schema = build(`
      type Query { ping: Int @public }
      extend type Ride @key(fields: "id") @authenticated { id: ID! }
    `);
    expect(schema.getQueryType()?.getFields()._entities).toBeDefined();
    expect(schema.getQueryType()?.getFields()._service).toBeDefined();
  });

  test('an unknown role or a malformed @requiresScopes fails the build', () => {
    expect(() => build('type Query { a: Int @requiresScopes(scopes: [["OPERATION"]]) }')).toThrow(/Query\.a requires unknown role\(s\) OPERATION/);
    expect(() => build('type Query { a: Int @requiresScopes(scopes: []) }')).toThrow(/Query\.a: @requiresScopes needs scopes/);
  });
});

describe('enforcing', () => {
  const schema = build(
    `
    type Ride @key(fields: "id") @authenticated {
      id: ID!
      fare: Int @requiresScopes(scopes: [["SUPER_ADMIN"], ["OPERATIONS", "FLEET_MANAGER"]])
      shareLink: String @public
    }
    type Query {
      ride(id: ID!): Ride @public
      open: String @public
      signedIn: String @authenticated
      board: [Ride!] @requiresScopes(scopes: [["OPERATIONS"]])
    }
    type Subscription { rideUpdated: Ride @authenticated }
  `,
    {
      Query: {
        ride: (_: unknown, { id }: { id: string }) => ({ id, fare: 1250, shareLink: `https://r/${id}` }),
        open: () => 'open',
        signedIn: () => 'signed in',
        board: () => [{ id: 'r-1', fare: 1, shareLink: 'x' }],
      },
      Ride: { __resolveReference: ({ id }: { id: string }) => ({ id, fare: 900, shareLink: `https://r/${id}` }) },
      Subscription: {
        rideUpdated: {
          subscribe: async function* () {
            yield { rideUpdated: { id: 'r-9' } };
          },
        },
      },
    },
  );

  test('@public fields answer anyone; @authenticated needs a viewer', async () => {
    expect(await run(schema, '{ open }', null)).toEqual({ data: { open: 'open' } });
    const anonymous = await run(schema, '{ signedIn }', null);
    expect(codes(anonymous)).toEqual(['UNAUTHENTICATED']);
    expect(anonymous.errors?.[0]?.message).toMatch(/Query\.signedIn requires a signed-in user/);
    expect(await run(schema, '{ signedIn }', viewer('RIDER'))).toEqual({ data: { signedIn: 'signed in' } });
  });

  test('@requiresScopes: any inner list, every role of it; anonymous is UNAUTHENTICATED, others FORBIDDEN', async () => {
    expect(codes(await run(schema, '{ board { id } }', null))).toEqual(['UNAUTHENTICATED']);
    const rider = await run(schema, '{ board { id } }', viewer('RIDER'));
    expect(codes(rider)).toEqual(['FORBIDDEN']);
    expect(rider.errors?.[0]?.message).toBe('Query.board requires the role OPERATIONS');
    expect(await run(schema, '{ board { id } }', viewer('OPERATIONS'))).toEqual({ data: { board: [{ id: 'r-1' }] } });

    const fare = '{ ride(id: "r-2") { fare } }';
    expect((await run(schema, fare, viewer('SUPER_ADMIN'))).data).toEqual({ ride: { fare: 1250 } });
    expect((await run(schema, fare, viewer('OPERATIONS', 'FLEET_MANAGER'))).data).toEqual({ ride: { fare: 1250 } });
    // One role of the AND-group is not enough.
    expect(codes(await run(schema, fare, viewer('OPERATIONS')))).toEqual(['FORBIDDEN']);
  });

  test("a type's rule covers its fields without one (default resolvers included); a field's own rule wins", async () => {
    const anonymous = await run(schema, '{ ride(id: "r-3") { shareLink id } }', null);
    expect(anonymous.data).toEqual({ ride: null });
    expect(anonymous.errors?.map((e) => e.path)).toEqual([['ride', 'id']]);
    expect((await run(schema, '{ ride(id: "r-3") { shareLink } }', null)).data).toEqual({ ride: { shareLink: 'https://r/r-3' } });
  });

  test('entity references are resolved for anyone, and every field they select is checked', async () => {
    const query = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Ride { id fare } } }';
    const variables = { r: [{ __typename: 'Ride', id: 'r-4' }] };
    expect(codes(await run(schema, query, null, variables))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await run(schema, query, viewer('RIDER'), variables))).toEqual(['FORBIDDEN']);
    expect((await run(schema, query, viewer('SUPER_ADMIN'), variables)).data).toEqual({ _entities: [{ id: 'r-4', fare: 900 }] });
    expect((await run(schema, '{ _service { sdl } }', null)).errors).toBeUndefined();
    expect((await run(schema, '{ __schema { queryType { name } } }', null)).errors).toBeUndefined();
  });

  test('a subscription is refused when it starts', async () => {
    const refused = await subscribe({ schema, document: parse('subscription { rideUpdated { id } }'), contextValue: { viewer: null } });
    expect(Symbol.asyncIterator in refused).toBe(false);
    expect(codes(refused as ExecutionResult)).toEqual(['UNAUTHENTICATED']);

    const accepted = await subscribe({ schema, document: parse('subscription { rideUpdated { id } }'), contextValue: { viewer: viewer('RIDER') } });
    const iterator = (accepted as AsyncIterableIterator<ExecutionResult>)[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toEqual({ data: { rideUpdated: { id: 'r-9' } } });
  });

  test('a context without a viewer counts as anonymous', async () => {
    const result = await execute({ schema, document: parse('{ signedIn }'), contextValue: {} });
    expect(codes(result)).toEqual(['UNAUTHENTICATED']);
  });
});
