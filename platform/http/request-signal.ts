// One AbortSignal per GraphQL request: aborted when the caller stops waiting (it closed the connection before the
// answer was sent — a gateway that timed out, a client that went away) or when the request's deadline passes. Work
// that runs per field checks it (platform/graphql/stop-when-aborted.ts), so a subgraph stops working on a request
// nobody will read instead of building a 4 GB answer for a closed socket.
import type { IncomingMessage, ServerResponse } from 'node:http';

const signals = new WeakMap<IncomingMessage, AbortSignal>();

/** The request's signal; a signal that never aborts for a request this server did not track (WebSocket upgrades). */
export function requestSignal(req: IncomingMessage): AbortSignal {
  return signals.get(req) ?? NEVER;
}

const NEVER = new AbortController().signal;

export class RequestAbortedError extends Error {
  override name = 'RequestAbortedError';
}

/** Starts tracking `req`: called by the HTTP server for every GraphQL request. */
export function trackRequest(req: IncomingMessage, res: ServerResponse, deadlineMs: number | undefined): AbortSignal {
  const controller = new AbortController();
  const timer = deadlineMs ? setTimeout(() => controller.abort(new RequestAbortedError(`request deadline of ${deadlineMs} ms passed`)), deadlineMs) : undefined;
  timer?.unref();
  res.once('close', () => {
    clearTimeout(timer);
    if (!res.writableFinished) controller.abort(new RequestAbortedError('the caller closed the connection before the answer'));
  });
  signals.set(req, controller.signal);
  return controller.signal;
}
