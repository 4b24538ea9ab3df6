// Times one of a client's subgraph fetches for the metrics (platform/metrics/subgraph-fetch.ts): its outcome is
// `ok`, `error` (the subgraph answered with errors), `unreachable` (SERVICE_UNAVAILABLE: refused, reset, timed out)
// or `aborted` (the client went away).
import { AppError } from '../../platform/errors/index.js';
import { startSubgraphFetchTimer, type SubgraphFetchOutcome } from '../../platform/metrics/index.js';

export async function timedSubgraphFetch<R extends { errors?: readonly unknown[] }>(subgraph: string, fetch: () => Promise<R>): Promise<R> {
  const done = startSubgraphFetchTimer(subgraph);
  let response: R;
  try {
    response = await fetch();
  } catch (error) {
    done(failureOutcome(error));
    throw error;
  }
  done(response.errors?.length ? 'error' : 'ok');
  return response;
}

function failureOutcome(error: unknown): SubgraphFetchOutcome {
  if (error instanceof AppError && error.code === 'SERVICE_UNAVAILABLE') return 'unreachable';
  if (error instanceof AppError && error.code === 'REQUEST_ABORTED') return 'aborted';
  return 'error';
}
