// Trust on the gateway → subgraph hop. A subgraph port may be reachable by others than the gateway (a flat network,
// a port published by mistake), and whatever a caller writes into X-Forwarded-For would otherwise pick the address
// identity's per-IP sign-in limits count. So the gateway proves itself on every request with a shared secret
// (GATEWAY_SECRET, the same value on the gateway and every subgraph) in the `X-Ridegraph-Gateway` header — over
// HTTP, and in the graphql-ws `connection_init` payload of its upstream subscription sockets. A subgraph honours
// forwarded headers (X-Forwarded-For, Forwarded, X-Request-Id, …) only on a hop that proved it; from anyone else
// they are dropped and the socket peer is the client.
//
// Why a plain shared secret and not an HMAC over the forwarded values: the hop runs inside the deployment's private
// network, where someone able to read one request could read the secret from any signing process's environment
// too; a signature with a timestamp would add clock-skew failures between hosts for little gain. The secret is
// compared in constant time and never reaches a context, a log line or a response.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ConfigError } from '../config/index.js';
import type { Logger } from '../logging/index.js';
import type { AuthConfig } from './config.js';

/** The header (and `connection_init` key) carrying the gateway's secret; lower case, as node presents headers. */
export const GATEWAY_HOP_HEADER = 'x-ridegraph-gateway';

/** Shortest GATEWAY_SECRET accepted. */
export const GATEWAY_SECRET_MIN_LENGTH = 32;

/**
 * Headers in which a proxy describes the original request. Honoured only on a proven gateway hop; add any new
 * forwarded header here before reading it.
 */
export const FORWARDED_HEADERS: readonly string[] = [
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-port',
  'x-forwarded-proto',
  'x-real-ip',
  'x-request-id',
];

export interface GatewayHop {
  /** Whether `presented` (a header or `connection_init` value) is the gateway's secret. False when none is configured. */
  proves(presented: unknown): boolean;
}

/** A random secret for one process that runs the gateway and the subgraphs itself (embedded mode, tests). */
export function generateGatewaySecret(): string {
  return randomBytes(32).toString('base64url');
}

/** @param secret undefined: no caller is the gateway (forwarded headers are never honoured). */
export function createGatewayHop(secret: string | undefined): GatewayHop {
  // Comparing digests keeps the comparison constant-time whatever the presented value's length.
  const expected = secret === undefined ? undefined : digest(secret);
  return {
    proves(presented) {
      if (expected === undefined || typeof presented !== 'string' || presented === '') return false;
      return timingSafeEqual(digest(presented), expected);
    },
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * The request as a subgraph may read it: on a proven gateway hop with its forwarded headers, otherwise without
 * them (so the socket peer counts as the client); never with the secret itself. Everything but `headers` is the
 * original request's.
 */
export function requestThroughHop(req: IncomingMessage, hop: GatewayHop): { request: IncomingMessage; fromGateway: boolean } {
  const fromGateway = hop.proves(req.headers[GATEWAY_HOP_HEADER]);
  const headers = { ...req.headers };
  delete headers[GATEWAY_HOP_HEADER];
  if (!fromGateway) for (const name of FORWARDED_HEADERS) delete headers[name];
  return { request: Object.create(req, { headers: { value: headers, enumerable: true } }) as IncomingMessage, fromGateway };
}

/**
 * The gateway secret of a gateway or subgraph run as its own process (GATEWAY_SECRET, in AuthConfig). Production
 * refuses to start without one; development runs without, with a warning, and subgraphs then treat the gateway
 * like any other caller (no forwarded client address: identity's per-IP limits count the gateway's address).
 * @throws ConfigError in production when GATEWAY_SECRET is not set.
 */
export function requireGatewaySecret(config: AuthConfig, options: { production: boolean; logger: Logger }): string | undefined {
  if (config.gatewaySecret) return config.gatewaySecret;
  if (options.production) {
    throw new ConfigError(
      `Set GATEWAY_SECRET (at least ${GATEWAY_SECRET_MIN_LENGTH} random characters, e.g. \`openssl rand -base64 48\`) to the same value on ` +
        'the gateway and every subgraph: subgraphs trust forwarded client addresses, and answer introspection, only on requests carrying it.',
    );
  }
  options.logger.warn(
    "GATEWAY_SECRET is not set: subgraphs ignore X-Forwarded-For from the gateway (per-IP limits see the gateway's address). Production requires it.",
  );
  return undefined;
}
