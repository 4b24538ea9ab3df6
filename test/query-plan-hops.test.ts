// The subgraph fetches the gateway plans for the operations the benchmarks measure, from the committed supergraph:
// hops cost more than anything inside them (issue 16), so their number and depth are pinned here and a schema change
// that adds one shows up as a failing test, not only as a slower benchmark. `Driver.name` is fleet's own column and a
// trip's `rider { name }` trips' own copy (`@provides`), both fed by identity's user.name.changed, so neither name
// costs a hop to identity.
import { readFileSync } from 'node:fs';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { QueryPlanner, type PlanNode, type SubscriptionNode } from '@apollo/query-planner';
import { parse } from 'graphql';
import { BENCHMARK_QUERIES } from '../bench/benchmark-queries.js';
import { DISTRIBUTED_OPERATIONS } from '../bench/distributed-operations.js';
import { acknowledgeSubgraphEnforcedSecurity } from '../gateway/src/subgraph-enforced-security.js';
import { SUPERGRAPH_PATH } from './support/composed-schema.js';

// As the gateway loads it (gateway/src/subgraph-enforced-security.ts).
const supergraph = Supergraph.build(acknowledgeSubgraphEnforcedSecurity(readFileSync(SUPERGRAPH_PATH, 'utf8')));
const planner = new QueryPlanner(supergraph);

interface Hops {
  /** The subgraph of every fetch, sorted. */
  fetches: string[];
  /** The longest chain of fetches that wait for one another. */
  depth: number;
}

function hopsOf(node: PlanNode | SubscriptionNode | undefined): Hops {
  if (!node) return { fetches: [], depth: 0 };
  switch (node.kind) {
    case 'Fetch':
      return { fetches: [node.serviceName], depth: 1 };
    case 'Flatten':
      return hopsOf(node.node);
    case 'Sequence':
    case 'Parallel': {
      const parts = node.nodes.map(hopsOf);
      const depths = parts.map((part) => part.depth);
      return {
        fetches: parts.flatMap((part) => part.fetches).sort(),
        depth: node.kind === 'Sequence' ? depths.reduce((a, b) => a + b, 0) : Math.max(0, ...depths),
      };
    }
    default:
      throw new Error(`plan node ${node.kind} is not expected in these operations`);
  }
}

const plan = (query: string) => hopsOf(planner.buildQueryPlan(operationFromDocument(supergraph.apiSchema(), parse(query))).node);
const operation = (name: string) => DISTRIBUTED_OPERATIONS.find((op) => op.name === name)!.query;

test("the trips board: trips (with the riders' names), then fleet (drivers with their vehicles) — 2 fetches, 2 deep", () => {
  expect(plan(BENCHMARK_QUERIES.tripsBoard.query)).toEqual({ fetches: ['fleet', 'trips'], depth: 2 });
});

test('a rider field only identity has (email) still goes to identity, next to the name from trips', () => {
  expect(plan('{ trips(first: 5) { edges { node { rider { name email } } } } }')).toEqual({ fetches: ['identity', 'trips'], depth: 2 });
});

test("a rider's home screen: identity, then trips and the user's other subgraphs, then fleet for the drivers", () => {
  expect(plan(operation('riderHome'))).toEqual({ fetches: ['fleet', 'gamification', 'identity', 'notifications', 'payments', 'trips'], depth: 3 });
});

test("a driver's name alone is one fleet fetch after the trips: no hop to identity", () => {
  expect(plan('{ trips(first: 5) { edges { node { driver { name } } } } }')).toEqual({ fetches: ['fleet', 'trips'], depth: 2 });
});
