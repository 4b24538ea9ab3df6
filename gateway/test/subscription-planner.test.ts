// The gateway's subscription planner: a subscription plans as primary (owning subgraph) + rest, anything else is
// refused with a code, plans are cached per document, the planner is built on first use, and loading another
// supergraph rebuilds it.
import { composeServices } from '@apollo/composition';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type DocumentNode } from 'graphql';
import type { GraphQLDataSource } from '@apollo/gateway';
import { createLogger } from '../../platform/logging/index.js';
import { SubscriptionPlanner } from '../src/subscriptions/planner.js';

const link = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])';
const books = (extraField = '') =>
  parse(`${link}
  type Book @key(fields: "id") { id: ID! title: String! ${extraField} }
  type Query { books: [Book!]! }
  type Subscription { bookAdded: Book! }`);
const reviews = parse(`${link}
  type Book @key(fields: "id") { id: ID! stars: Int! }`);

function supergraph(bookSdl: DocumentNode) {
  const composed = composeServices([
    { name: 'books', typeDefs: bookSdl, url: 'http://books.internal/graphql' },
    { name: 'reviews', typeDefs: reviews, url: 'http://reviews.internal/graphql' },
  ]);
  if (composed.errors) throw composed.errors[0]!;
  const apiSchema = buildSubgraphSchema([{ typeDefs: bookSdl }]); // stands in for the API schema (only passed through)
  return { sdl: composed.supergraphSdl, apiSchema };
}

const created: string[] = [];
const planner = new SubscriptionPlanner({
  dataSourceFor: ({ name, url }) => {
    created.push(`${name} ${url}`);
    return {} as GraphQLDataSource;
  },
  urlOf: (name, url) => (name === 'reviews' ? 'http://reviews.override/graphql' : url),
  logger: createLogger({ level: 'silent' }),
});

test('before a supergraph is loaded, planning answers SERVICE_UNAVAILABLE', () => {
  expect(planner.schema).toBeUndefined();
  expect(() => planner.plan(parse('subscription { bookAdded { id } }'), undefined, 'k')).toThrow(
    expect.objectContaining({ extensions: { code: 'SERVICE_UNAVAILABLE' } }),
  );
});

test('a subscription plans its primary on the owning subgraph; the rest, URLs overridden, is run per event', () => {
  const { sdl, apiSchema } = supergraph(books());
  planner.load(sdl, apiSchema);
  // Loading builds nothing (the planner costs seconds at start-up): the schema is there, the data sources are not.
  expect(planner.schema).toBe(apiSchema);
  expect(created).toEqual([]);
  const planned = planner.plan(parse('subscription Added { bookAdded { title stars } }'), 'Added', 'added');
  expect(created).toEqual(['books http://books.internal/graphql', 'reviews http://reviews.override/graphql']);
  expect(planned.subgraph).toBe('books');
  expect(planned.primary.query).toBe('subscription Added__books__0{bookAdded{__typename id title}}');
  expect(planned.primary.query).not.toContain('stars');
  expect(planner.plan(parse('subscription Added { bookAdded { title stars } }'), 'Added', 'added')).toBe(planned); // cached
  expect(planner.urlOfSubgraph('reviews')).toBe('http://reviews.override/graphql');
});

test('a query is refused with BAD_REQUEST (it belongs on HTTP)', () => {
  expect(() => planner.plan(parse('{ books { id } }'), undefined, 'q')).toThrow(expect.objectContaining({ extensions: { code: 'BAD_REQUEST' } }));
});

test('loading another supergraph rebuilds the planner: new fields plan, old plans are not reused', () => {
  const before = planner.plan(parse('subscription { bookAdded { id } }'), undefined, 'same-key');
  const { sdl, apiSchema } = supergraph(books('isbn: String'));
  planner.load(sdl, apiSchema);
  const after = planner.plan(parse('subscription { bookAdded { id isbn } }'), undefined, 'same-key');
  expect(after).not.toBe(before);
  expect(after.primary.query).toContain('isbn');
});
