// The queries bench/tracing-cost.ts measures: the same two as bench/supergraph-queries.ts.
export const TRACING_BENCH_QUERIES = {
  tripsBoard: `{ trips(first: 20) { edges { node { id status fare { amountMinor currency } rider { name } driver { name vehicle { plate } } } } } }`,
  riderProfile: `query ($id: ID!) { user(id: $id) { name trips(first: 5) { edges { node { id status } } } wallet { balance { amountMinor } } points { balance level } notifications(first: 5) { edges { node { title } } } unreadNotificationCount } }`,
} as const;
