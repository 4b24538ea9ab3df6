// Waiting in tests for what arrives asynchronously by design (durable events, dispatch): read again every 200 ms
// until the value is the one expected.

/**
 * @returns the first value `accept` takes.
 * @throws Error naming `what` and the last value read once `timeoutMs` passed.
 */
export async function readUntil<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!accept(last)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    last = await read();
  }
  return last;
}
