// Waiting in tests for what arrives asynchronously by design (durable events, dispatch): read again every 200 ms
// until the value is the one expected.

/**
 * How long a test waits for something carried by the durable event bus and the dispatcher (an offer after a
 * request, a settlement after a completion). A quiet machine takes 1–3 s; the full CI run (two workers, each with a
 * supergraph of seven processes' worth of work) once took more than 20 s.
 */
export const EVENT_WAIT_MS = 60_000;

/**
 * @returns the first value `accept` takes.
 * @throws Error naming `what` and the last value read once `timeoutMs` passed.
 */
export async function readUntil<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs = EVENT_WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!accept(last)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    last = await read();
  }
  return last;
}
