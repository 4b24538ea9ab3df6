// The request a piece of work belongs to, without threading it through every call: set once per HTTP request by
// platform/http's server, read anywhere below it (log lines, audit entries, outgoing hops). Work started outside a
// request (consumers, jobs) has no request context.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

export interface RequestContext {
  /** The id that names this request in every process's log lines and in audit entries. */
  requestId: string;
}

/** The header a request id travels in (client → gateway → subgraph). */
export const REQUEST_ID_HEADER = 'x-request-id';

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `work` with `context` as the current request. */
export function runInRequestContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

/** The current request, or undefined outside one. */
export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/** The current request's id, or null outside a request. */
export function currentRequestId(): string | null {
  return storage.getStore()?.requestId ?? null;
}

// A caller's id is kept only when it is short and plain, so a header cannot smuggle text into log lines.
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** The id for a request: the caller's `x-request-id` when it is acceptable, else a new UUID. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && ACCEPTABLE_REQUEST_ID.test(value) ? value : randomUUID();
}
