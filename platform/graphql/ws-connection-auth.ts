// How a graphql-ws connection is authenticated, the same way at the gateway and at every subgraph: the access
// token arrives in the `connection_init` payload as `{ authorization: "Bearer …" }` (what browsers can send; the
// SDK and Apollo Sandbox's connection settings do), and the socket closes when that token expires.
import type { IncomingMessage } from 'node:http';
import { GATEWAY_HOP_HEADER } from '../auth/index.js';
import { AppError } from '../errors/index.js';
import { WsCloseCode } from './ws-close-codes.js';

/**
 * The Authorization value of a connection: `connectionParams.authorization` (any letter case of the key), else the
 * upgrade request's `Authorization` header (non-browser clients may send one). Undefined when neither is there.
 * A non-string value counts as present and malformed, so it is refused rather than treated as anonymous.
 */
export function connectionAuthorization(
  connectionParams: Readonly<Record<string, unknown>> | undefined,
  request: Pick<IncomingMessage, 'headers'>,
): string | undefined {
  if (connectionParams) {
    for (const [key, value] of Object.entries(connectionParams)) {
      if (key.toLowerCase() === 'authorization') return typeof value === 'string' ? value : '<not a string>';
    }
  }
  const header = request.headers.authorization;
  return header === '' ? undefined : header;
}

/**
 * The gateway's proof (platform/auth/gateway-hop.ts) of a connection: `connectionParams["x-ridegraph-gateway"]` (any
 * letter case), which the gateway's upstream sockets send in `connection_init`. Undefined when absent or not a string.
 */
export function connectionGatewayProof(connectionParams: Readonly<Record<string, unknown>> | undefined): string | undefined {
  for (const [key, value] of Object.entries(connectionParams ?? {})) {
    if (key.toLowerCase() === GATEWAY_HOP_HEADER) return typeof value === 'string' ? value : undefined;
  }
  return undefined;
}

/**
 * A request carrying the connection's authorization (and the gateway's proof from `connection_init`, when given), for
 * context factories written for HTTP requests.
 */
export function requestWithAuthorization(request: IncomingMessage, authorization: string | undefined, gatewayProof?: string): IncomingMessage {
  const headers = { ...request.headers };
  if (authorization === undefined) delete headers.authorization;
  else headers.authorization = authorization;
  if (gatewayProof !== undefined) headers[GATEWAY_HOP_HEADER] = gatewayProof;
  // Only `headers` and `socket` are read by context factories (viewer, X-Forwarded-For, the gateway's proof); not
  // keeping the upgrade request itself lets it be collected while the connection lives on.
  return { headers, socket: request.socket } as IncomingMessage;
}

/** The close code and reason for a connection whose token was refused while verifying it. */
export function closeForAuthFailure(error: unknown): { code: number; reason: string } {
  if (error instanceof AppError && error.code === 'SERVICE_UNAVAILABLE')
    return { code: WsCloseCode.ServiceUnavailable, reason: 'Cannot verify the access token right now' };
  if (error instanceof AppError && error.code === 'UNAUTHENTICATED') return { code: WsCloseCode.Unauthorized, reason: limitReason(error.message) };
  return { code: WsCloseCode.Unauthorized, reason: 'Unauthorized' };
}

// setTimeout fires at once for delays beyond 2^31-1 ms; re-arm in steps instead.
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Calls `onExpiry` when `expiresAt` is reached (at once if it has passed).
 * @returns cancels the timer; call it when the connection closes first.
 */
export function atExpiry(expiresAt: Date, onExpiry: () => void): () => void {
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    const remaining = expiresAt.getTime() - Date.now();
    if (remaining <= 0) return onExpiry();
    timer = setTimeout(arm, Math.min(remaining, MAX_TIMER_MS));
    // An open connection keeps the process alive already; the timer must not keep a stopping one alive.
    timer.unref();
  };
  arm();
  return () => clearTimeout(timer);
}

/** Close reasons are limited to 123 bytes by the WebSocket protocol. */
function limitReason(reason: string): string {
  return Buffer.byteLength(reason) <= 123 ? reason : `${Buffer.from(reason).subarray(0, 120).toString('utf8')}…`;
}
