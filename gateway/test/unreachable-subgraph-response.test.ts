// An unreachable subgraph's fetch answers with an error at the path of every field it asked for, in the shape of the
// subgraph's own response, so the gateway can place each error where the client sees the null.
import { unreachableSubgraphResponse } from '../src/unreachable-subgraph-response.js';

const failure = { message: 'The gamification service is temporarily unavailable; retry later', extensions: { code: 'SERVICE_UNAVAILABLE' } };
const paths = (response: ReturnType<typeof unreachableSubgraphResponse>) => response.errors.map((error) => error.path);

test('a root fetch: one error per root field, by response name (aliases), never for __typename', () => {
  const response = unreachableSubgraphResponse({ query: '{ __typename me { id } mine: trips(first: 2) { edges { cursor } } }' }, failure);
  expect(paths(response)).toEqual([['me'], ['mine']]);
  expect(response.errors[0]).toEqual({ ...failure, path: ['me'] });
});

test("an entity fetch: each representation's requested fields, through inline and named fragments of its type only", () => {
  const query = `query ($representations: [_Any!]!) { _entities(representations: $representations) {
    __typename
    ... on User { points { balance } level: points { level } }
    ... on Driver { ...DriverFields }
  } }
  fragment DriverFields on Driver { rank }`;
  const representations = [
    { __typename: 'User', id: 'u1' },
    { __typename: 'Driver', id: 'd1' },
    { __typename: 'User', id: 'u2' },
  ];
  expect(paths(unreachableSubgraphResponse({ query, variables: { representations } }, failure))).toEqual([
    ['_entities', 0, 'points'],
    ['_entities', 0, 'level'],
    ['_entities', 1, 'rank'],
    ['_entities', 2, 'points'],
    ['_entities', 2, 'level'],
  ]);
});

test('a query it cannot read: one error without a path, as before', () => {
  expect(unreachableSubgraphResponse({ query: '{ me {' }, failure)).toEqual({ errors: [failure] });
  expect(unreachableSubgraphResponse({}, failure)).toEqual({ errors: [failure] });
});
