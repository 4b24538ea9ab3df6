// The address of the client behind a request, for per-IP rate limits and the sessions list.
//
// Every proxy in front of a service appends the address of its own peer to X-Forwarded-For, so the chain reads
// `client, proxy1, …, proxyN-1` when it arrives, and only the entries appended by proxies we run can be trusted:
// whatever came before them is whatever the client chose to send. With `hops` trusted proxies the client is the
// hops-th entry from the right. In Ridegraph the gateway is that one proxy (default TRUST_PROXY_HOPS=1); put a
// load balancer that also appends in front of it and the count is 2.
//
// Counting from the right is only sound if the request came through those proxies: a caller reaching a subgraph
// port directly could write any address it likes. So a subgraph honours X-Forwarded-For only on a hop that proved
// it is the gateway (GATEWAY_SECRET, platform/auth/gateway-hop.ts): for any other request, pass hops = 0 (the
// header is dropped from such requests before they reach a context anyway) and the socket peer is the client.
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { z } from 'zod';
import { readEnv } from '../config/index.js';

/**
 * @param hops trusted proxies in front of this process; 0 ignores X-Forwarded-For entirely (a request that did not
 *   come from the gateway).
 * @returns the hops-th X-Forwarded-For entry from the right when the chain has that many entries and the entry is
 *   an IP address; otherwise the socket's peer address; undefined when neither is known. IPv4-mapped IPv6
 *   (`::ffff:10.0.0.1`) is reported as IPv4.
 */
export function clientIp(req: Pick<IncomingMessage, 'headers'> & { socket?: { remoteAddress?: string } | null }, hops: number): string | undefined {
  if (hops > 0) {
    const header = req.headers['x-forwarded-for'];
    // Several X-Forwarded-For headers are one list, in order (RFC 7230 §3.2.2); node joins them with ", " anyway.
    const chain = (Array.isArray(header) ? header.join(',') : (header ?? ''))
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    // Too short a chain did not pass through every trusted proxy, so none of its entries can be trusted.
    const entry = chain.length >= hops ? normalise(chain[chain.length - hops]!) : undefined;
    if (entry) return entry;
  }
  const peer = req.socket?.remoteAddress;
  return peer ? normalise(peer) : undefined;
}

function normalise(address: string): string | undefined {
  let value = address;
  // "[2001:db8::1]:443" and "203.0.113.7:51234": some proxies append the port.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  value = value.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  return isIP(value) ? value.toLowerCase() : undefined;
}

/**
 * TRUST_PROXY_HOPS: how many proxies that append to X-Forwarded-For stand in front of this process. Default 1
 * (the gateway).
 * @throws ConfigError unless a whole number 0..10.
 */
export function readTrustProxyHops(env: NodeJS.ProcessEnv = process.env): number {
  return readEnv({ TRUST_PROXY_HOPS: z.coerce.number().int().min(0, 'must be 0 to 10').max(10, 'must be 0 to 10').default(1) }, env).TRUST_PROXY_HOPS;
}
