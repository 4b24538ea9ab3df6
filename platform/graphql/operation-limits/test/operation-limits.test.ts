// The operation limits on a small schema of our own: each measure and each cost rule, with exact numbers.
import { buildSchema, getIntrospectionQuery } from 'graphql';
import { ConfigError } from '../../../config/index.js';
import { createOperationGuard, DEFAULT_OPERATION_LIMITS, OperationRefusal, readOperationLimits, type CostModel, type OperationLimits } from '../index.js';

const schema = buildSchema(`
  type Query { me: User, users(first: Int = 20): UserConnection!, tags: [String!]!, search(first: Int): [User!]! }
  type Mutation { rename(name: String!): User! }
  type User { id: ID!, name: String!, friends: [User!]!, trips(first: Int): TripConnection! }
  type UserConnection { edges: [UserEdge!]!, pageInfo: PageInfo!, totalCount: Int! }
  type UserEdge { node: User! }
  type TripConnection { edges: [TripEdge!]!, nodes: [Trip!]!, pageInfo: PageInfo! }
  type TripEdge { node: Trip! }
  type Trip { id: ID!, rider: User! }
  type PageInfo { hasNextPage: Boolean! }
`);

const limits: OperationLimits = { ...DEFAULT_OPERATION_LIMITS, maxCost: 1_000_000 };
const cost = (query: string, variables?: Record<string, unknown>, model: CostModel = { schema }) =>
  createOperationGuard(model, limits).check({ query, variables })?.cost;

function refusedWith(query: string, overrides: Partial<OperationLimits> = {}, variables?: Record<string, unknown>) {
  try {
    createOperationGuard({ schema }, { ...DEFAULT_OPERATION_LIMITS, ...overrides }).check({ query, variables });
  } catch (error) {
    if (error instanceof OperationRefusal) return { code: error.code, ...error.details };
    throw error;
  }
  return 'admitted';
}

describe('cost rules', () => {
  test('an object field costs 1, a scalar 0', () => {
    expect(cost('{ me { id name } }')).toBe(1);
    expect(cost('{ tags }')).toBe(0);
  });

  test('a list without first counts 10 items', () => {
    expect(cost('{ me { friends { id } } }')).toBe(1 + 10);
    expect(cost('{ me { friends { friends { id } } } }')).toBe(1 + 10 * (1 + 10));
  });

  test('a connection: edges and nodes per `first` item, pageInfo and totalCount once', () => {
    // users 1 + 5 × (edges 1 + node 1) + pageInfo 1
    expect(cost('{ users(first: 5) { edges { node { id } } pageInfo { hasNextPage } totalCount } }')).toBe(1 + 5 * 2 + 1);
  });

  test('first from a variable, from the variable default, from the argument default, else 100', () => {
    const query = 'query Q($n: Int = 3) { users(first: $n) { edges { node { id } } } }';
    expect(cost(query, { n: 7 })).toBe(1 + 7 * 2);
    expect(cost(query)).toBe(1 + 3 * 2);
    expect(cost('{ users { edges { node { id } } } }')).toBe(1 + 20 * 2);
    expect(cost('{ me { trips { nodes { id } } } }')).toBe(1 + 1 + 100 * 1);
  });

  test('a paged list that is not a connection multiplies everything it selects', () => {
    expect(cost('{ search(first: 4) { id friends { id } } }')).toBe(1 + 4 * (10 * 1));
  });

  test('nesting multiplies: connections inside connections', () => {
    // users 1 + 10 × (edges 1 + node 1 + trips 1 + 10 × (edges 1 + node 1))
    expect(cost('{ users(first: 10) { edges { node { trips(first: 10) { edges { node { id } } } } } } }')).toBe(1 + 10 * (3 + 10 * 2));
  });

  test('a mutation root field costs 10 more', () => {
    expect(cost('mutation { rename(name: "x") { id } }')).toBe(11);
  });

  test('fragments and inline fragments count as if written in place; introspection costs nothing', () => {
    expect(cost('{ me { ...F ... on User { friends { id } } } } fragment F on User { friends { id } }')).toBe(1 + 10 + 10);
    expect(cost('{ __schema { types { fields { name } } } }')).toBe(0);
  });

  test('an entity hop: one extra fetch per subgraph an object needs, not per field', () => {
    const model: CostModel = {
      schema,
      // Query in A; User's key `id` in both; its name and friends only in B.
      resolversOf: (type, field) => (type === 'User' && field === 'id' ? ['A', 'B'] : type === 'User' ? ['B'] : ['A']),
    };
    expect(cost('{ me { id } }', undefined, model)).toBe(1);
    expect(cost('{ me { id name } }', undefined, model)).toBe(1 + 2);
    expect(cost('{ me { name friends { id } } }', undefined, model)).toBe(1 + 2 + 10);
  });
});

describe('size limits', () => {
  test('each limit names itself, its maximum and what the document had', () => {
    expect(refusedWith('{ me { id name } }', { maxTokens: 5 })).toEqual({ code: 'OPERATION_TOO_COMPLEX', limit: 'tokens', maximum: 5, actual: 6 });
    expect(refusedWith('{ me { friends { friends { id } } } }', { maxDepth: 3 })).toEqual({
      code: 'OPERATION_TOO_COMPLEX',
      limit: 'depth',
      maximum: 3,
      actual: 4,
    });
    expect(refusedWith('{ a: me { id } b: me { id } }', { maxAliases: 1 })).toEqual({ code: 'OPERATION_TOO_COMPLEX', limit: 'aliases', maximum: 1, actual: 2 });
    expect(refusedWith('{ me { id name } }', { maxFields: 2 })).toEqual({ code: 'OPERATION_TOO_COMPLEX', limit: 'fields', maximum: 2, actual: 3 });
    expect(refusedWith('{ ...A ...A } fragment A on Query { me { id } }', { maxFragmentSpreads: 1 })).toEqual({
      code: 'OPERATION_TOO_COMPLEX',
      limit: 'fragmentSpreads',
      maximum: 1,
      actual: 2,
    });
    expect(refusedWith('{ me @skip(if: false) @include(if: true) { id } }', { maxDirectives: 1 })).toEqual({
      code: 'OPERATION_TOO_COMPLEX',
      limit: 'directives',
      maximum: 1,
      actual: 2,
    });
    expect(refusedWith('{ users(first: 100) { edges { node { id } } } }', { maxCost: 200 })).toEqual({
      code: 'OPERATION_TOO_COMPLEX',
      limit: 'cost',
      maximum: 200,
      actual: 201,
    });
  });

  test('depth counts through fragments; inline fragments add no level', () => {
    expect(refusedWith('{ me { ...F } } fragment F on User { friends { ... on User { friends { id } } } }', { maxDepth: 3 })).toEqual({
      code: 'OPERATION_TOO_COMPLEX',
      limit: 'depth',
      maximum: 3,
      actual: 4,
    });
    expect(refusedWith('{ me { ... on User { friends { id } } } }', { maxDepth: 3 })).toBe('admitted');
  });

  test('a fragment cycle is left to validation, not a hang or a stack overflow', () => {
    expect(refusedWith('{ me { ...A } } fragment A on User { ...B } fragment B on User { ...A }')).toBe('admitted');
  });

  test('a document that does not parse is left to the server (it reports the syntax error)', () => {
    expect(createOperationGuard({ schema }, DEFAULT_OPERATION_LIMITS).check({ query: '{ me { ' })).toBeUndefined();
    expect(createOperationGuard({ schema }, DEFAULT_OPERATION_LIMITS).check({ query: 42 })).toBeUndefined();
  });

  test('a NUL character deep in the variables is found without recursion', () => {
    let nested: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i++) nested = [nested];
    expect(refusedWith('query Q($v: String) { me { id } }', {}, { v: nested })).toEqual({ code: 'BAD_USER_INPUT' });
  });
});

describe('configuration', () => {
  test('defaults, then OPERATION_MAX_* overrides', () => {
    expect(readOperationLimits({})).toEqual(DEFAULT_OPERATION_LIMITS);
    expect(readOperationLimits({ OPERATION_MAX_COST: '800', OPERATION_MAX_DEPTH: '8' })).toEqual({ ...DEFAULT_OPERATION_LIMITS, maxCost: 800, maxDepth: 8 });
  });

  test('a bad value fails fast naming the variable', () => {
    expect(() => readOperationLimits({ OPERATION_MAX_DEPTH: '0' })).toThrow(ConfigError);
    expect(() => readOperationLimits({ OPERATION_MAX_DEPTH: 'deep' })).toThrow(/OPERATION_MAX_DEPTH/);
  });
});

describe('introspection', () => {
  test("the standard introspection query (GraphiQL's and Sandbox's) passes every limit", () => {
    const checked = createOperationGuard({ schema }, DEFAULT_OPERATION_LIMITS).check({
      query: getIntrospectionQuery({
        descriptions: true,
        specifiedByUrl: true,
        directiveIsRepeatable: true,
        schemaDescription: true,
        inputValueDeprecation: true,
      }),
    });
    expect(checked?.size.depth).toBe(15);
    expect(checked?.cost).toBe(0);
  });

  test('nesting its lists beyond types → fields → args is refused: the answer would multiply', () => {
    expect(refusedWith('{ __schema { types { fields { type { fields { name } } } } } }')).toBe('admitted');
    expect(refusedWith('{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }')).toEqual({
      code: 'OPERATION_TOO_COMPLEX',
      limit: 'introspectionNesting',
      maximum: 3,
      actual: 4,
    });
  });
});
