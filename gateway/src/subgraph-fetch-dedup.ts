// In-flight de-duplication of identical subgraph fetches (issue 16): when a fetch for a query is about to go to a
// subgraph while an identical one is already on its way — same URL, same body (query, variables, entity
// representations) and same Authorization, so the same viewer with the same roles — it waits for that one's answer
// instead of sending its own. Nothing is cached: the entry is gone the moment the answer arrives, so a later fetch
// always reaches the subgraph. What this saves is work under bursts of the same request (a popular screen opened by
// many clients at once, a dashboard refreshed on a timer, the same entities fetched by concurrent operations).
//
// What is shared and what is not:
// - Only fetches made for an incoming **query** operation are shared (the caller says so); a mutation's fetches, and
//   the reads a mutation plans after its write, always go out on their own.
// - The viewer is part of the key: two users never share an answer, even for the same body. Anonymous callers
//   (no Authorization) share with each other only.
// - A shared fetch carries the first caller's X-Forwarded-For, request id and trace context: the subgraph logs one
//   request for the callers that shared it.
// - Each caller keeps its own cancellation: a caller that goes away stops waiting (AbortError) without cancelling the
//   fetch the others wait for (the fetch is cancelled when the last one waiting leaves); it is bounded by the
//   subgraph timeout as always.
import type { FetcherResponse } from '@apollo/utils.fetcher';
import { abortError, type SubgraphHttpClient, type SubgraphPost } from './subgraph-http-client.js';

export interface FetchSharing {
  /** The caller's cancellation (its client request). */
  signal?: AbortSignal;
  /** True for fetches made for an incoming query operation: only those may be shared. */
  shareable: boolean;
}

export type DeduplicatingClient = (url: string, request: SubgraphPost, sharing: FetchSharing) => Promise<FetcherResponse>;

interface SharedFetch {
  answer: Promise<FetcherResponse>;
  /** Cancels the fetch: used when every caller waiting for it has gone away. */
  cancel: AbortController;
  waiting: number;
}

/** @returns a client that shares identical in-flight shareable fetches, and a count of the fetches in flight now (tests). */
export function deduplicateInFlight(client: SubgraphHttpClient): DeduplicatingClient & { inFlight: () => number } {
  const inFlight = new Map<string, SharedFetch>();

  const deduplicating = (url: string, request: SubgraphPost, { signal, shareable }: FetchSharing): Promise<FetcherResponse> => {
    if (!shareable) return client(url, request, signal);
    if (signal?.aborted) return Promise.reject(abortError());
    // NUL cannot occur in a URL or a header value, so the parts cannot run into each other.
    const key = `${url}\u0000${request.method}\u0000${request.headers.authorization ?? ''}\u0000${request.body}`;
    let shared = inFlight.get(key);
    if (!shared) {
      const cancel = new AbortController();
      const entry: SharedFetch = {
        answer: client(url, request, cancel.signal).finally(() => inFlight.get(key) === entry && inFlight.delete(key)),
        cancel,
        waiting: 0,
      };
      inFlight.set(key, (shared = entry));
    }
    return waitFor(key, shared, signal).then((response) => response.clone());
  };

  /**
   * The shared answer, or an AbortError as soon as this caller's own signal fires; the fetch itself is cancelled only
   * when the last caller waiting for it has gone (so one caller alone keeps today's behaviour: leaving cancels it).
   */
  function waitFor(key: string, shared: SharedFetch, signal: AbortSignal | undefined): Promise<FetcherResponse> {
    shared.waiting += 1;
    if (!signal) return shared.answer;
    return new Promise<FetcherResponse>((resolve, reject) => {
      const onAbort = () => {
        reject(abortError());
        shared.waiting -= 1;
        if (shared.waiting === 0) {
          // Nobody is left to answer: stop the subgraph's work, and let a new caller start afresh.
          if (inFlight.get(key) === shared) inFlight.delete(key);
          shared.cancel.abort();
        }
      };
      signal.addEventListener('abort', onAbort, { once: true });
      shared.answer.then(
        (response) => {
          signal.removeEventListener('abort', onAbort);
          resolve(response);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  }

  return Object.assign(deduplicating, { inFlight: () => inFlight.size });
}
