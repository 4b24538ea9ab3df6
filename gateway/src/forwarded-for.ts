// X-Forwarded-For as a proxy passes it on: the chain the request arrived with, then the peer the gateway saw.
// Subgraphs decide how much of the chain to trust (identity's rate limits key on the client address).
import type { IncomingMessage } from 'node:http';

/** @returns undefined when neither a chain nor a peer address is known. */
export function appendForwardedFor(req: Pick<IncomingMessage, 'headers' | 'socket'>): string | undefined {
  const incoming = req.headers['x-forwarded-for'];
  const chain = (Array.isArray(incoming) ? incoming.join(', ') : (incoming ?? '')).trim();
  // An IPv4 client of a dual-stack socket shows as ::ffff:a.b.c.d; pass on the address it really has.
  const peer = req.socket?.remoteAddress?.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  if (!peer) return chain || undefined;
  return chain ? `${chain}, ${peer}` : peer;
}
