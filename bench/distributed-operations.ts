// The operations `npm run bench:distributed` sends through the gateway, who sends each, and what a correct answer
// looks like (checked once before measuring: a benchmark of refusals or userErrors would measure the wrong thing).
import type { AccessTokenSigner, Role } from '../platform/auth/index.js';
import { buildDemoDataset, DEMO_PHONES } from '../platform/demo/index.js';
import { BENCHMARK_QUERIES } from './benchmark-queries.js';

export type Sender = 'operations' | 'rider';

export interface BenchOperation {
  name: string;
  description: string;
  query: string;
  variables?: Record<string, unknown>;
  /** Whose token it is sent with: the demo operations user (the board), or demo rider 1. */
  as: Sender;
  /** Throws when `data` of the first answer is not the intended result. */
  check(data: Record<string, unknown>): void;
}

const expectThat = (ok: boolean, what: string) => {
  if (!ok) throw new Error(what);
};

/** A short ride inside the demo city (Metro City, around 40.7128, -74.006): about 3 km north. */
const RIDE = {
  pickup: { latitude: 40.7128, longitude: -73.996 },
  dropoff: { latitude: 40.7398, longitude: -73.996 },
  category: 'ECONOMY',
};

export const DISTRIBUTED_OPERATIONS: readonly BenchOperation[] = [
  {
    name: 'tripsBoard',
    description: `${BENCHMARK_QUERIES.tripsBoard.description}; as operations staff`,
    query: BENCHMARK_QUERIES.tripsBoard.query,
    as: 'operations',
    check: (data) => expectThat((data.trips as { edges: unknown[] }).edges.length === 20, 'the trips board has 20 trips'),
  },
  {
    name: 'riderHome',
    description:
      "a rider's home screen across the six subgraphs: name (identity), last 5 trips (trips) with driver and vehicle (fleet), wallet (payments), points (gamification), inbox and unread count (notifications)",
    query: `{ me { id name trips(first: 5) { edges { node { id status fare { amountMinor currency } driver { name vehicle { plate } } } } } wallet { balance { amountMinor currency } } points { balance level } notifications(first: 5) { edges { node { title } } } unreadNotificationCount } }`,
    as: 'rider',
    check: (data) => {
      const me = data.me as { trips: { edges: { node: { driver: unknown } }[] } } | null;
      expectThat(me !== null && me.trips.edges.length > 0, 'demo rider 1 has trips');
      expectThat(
        me!.trips.edges.some((edge) => edge.node.driver !== null),
        'at least one of them has a driver (so fleet is asked)',
      );
    },
  },
  {
    name: 'me',
    description: '`me { id name }` (identity)',
    query: '{ me { id name } }',
    as: 'rider',
    check: (data) => expectThat((data.me as { name?: string } | null)?.name !== undefined, 'me has a name'),
  },
  {
    name: 'estimateFare',
    description: 'the mutation `estimateFare` (trips: prices a 3 km ECONOMY ride and stores the quote)',
    query: `mutation ($input: EstimateFareInput!) { estimateFare(input: $input) { estimate { id amount { amountMinor currency } distanceMeters durationSeconds surge expiresAt } userErrors { code } } }`,
    variables: { input: RIDE },
    as: 'rider',
    check: (data) => {
      const payload = data.estimateFare as { estimate: unknown; userErrors: unknown[] };
      expectThat(payload.estimate !== null && payload.userErrors.length === 0, `estimateFare gives an estimate (${JSON.stringify(payload.userErrors)})`);
    },
  },
  {
    name: 'typename',
    description: '`{ __typename }` (the gateway alone)',
    query: '{ __typename }',
    as: 'rider',
    check: (data) => expectThat(data.__typename === 'Query', '__typename is Query'),
  },
];

/**
 * Fresh access tokens (they last 15 minutes: sign them again for each round) of the two senders, one per load worker (`workers` sessions of the same user): every worker is its own
 * viewer, as clients are, so the gateway's in-flight de-duplication (keyed by Authorization) shares nothing between
 * workers — with one token for all of them it shared most board fetches, the de-duplication's best case.
 */
export async function signSenders(sign: AccessTokenSigner, workers: number): Promise<Record<Sender, string[]>> {
  const demo = buildDemoDataset();
  const user = (phone: string) => demo.users.find((u) => u.phone === phone)!;
  const sessionsOf = async ({ id, roles }: { id: string; roles: Role[] }) =>
    Promise.all(Array.from({ length: workers }, async (_, worker) => (await sign({ userId: id, roles, sessionId: `bench-distributed-${worker}` })).token));
  return { operations: await sessionsOf(user(DEMO_PHONES.operations)), rider: await sessionsOf(user(DEMO_PHONES.rider(1))) };
}

/** The board's 20 trips as the reference's board and the hop variants below check them: 20 edges with a node each. */
const twentyTrips = (data: Record<string, unknown>) => expectThat((data.trips as { edges: unknown[] }).edges.length === 20, 'the trips board has 20 trips');

/**
 * The trips board with parts left out, to measure what each subgraph hop of it costs side by side in one run (issue
 * 16: "fewer hops"). Not run by default; name them in BENCH_OPERATIONS, e.g.
 * `BENCH_OPERATIONS=tripsBoard,tripsBoardWithoutRider,tripsBoardWithoutDriver,tripsBoardTripsOnly`.
 */
export const BOARD_HOP_VARIANTS: readonly BenchOperation[] = [
  {
    name: 'tripsBoardWithoutRider',
    description: 'the trips board without `rider { name }` (no identity fetch); as operations staff',
    query: `{ trips(first: 20) { edges { node { id status fare { amountMinor currency } driver { name vehicle { plate } } } } } }`,
    as: 'operations',
    check: twentyTrips,
  },
  {
    name: 'tripsBoardWithoutDriver',
    description: 'the trips board without `driver { name vehicle { plate } }` (no fleet fetch); as operations staff',
    query: `{ trips(first: 20) { edges { node { id status fare { amountMinor currency } rider { name } } } } }`,
    as: 'operations',
    check: twentyTrips,
  },
  {
    name: 'tripsBoardTripsOnly',
    description: "the trips board's own fields only (trips alone: one subgraph fetch); as operations staff",
    query: `{ trips(first: 20) { edges { node { id status fare { amountMinor currency } } } } }`,
    as: 'operations',
    check: twentyTrips,
  },
];
