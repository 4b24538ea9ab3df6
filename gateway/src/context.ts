// The gateway's per-request context: who is asking (verified here, before any planning) and what must be
// forwarded to subgraphs, which verify the token again.
import type { Viewer } from '../../platform/auth/index.js';

export interface GatewayContext {
  /** The caller's Authorization header, forwarded verbatim to subgraphs. */
  authorization?: string;
  /** The verified viewer; null for a request without a token. */
  viewer: Viewer | null;
  /** `X-Forwarded-For` for subgraphs: what the caller sent, plus the address the gateway saw it from. */
  forwardedFor?: string;
  /** Aborted when the caller disconnects: the gateway's subgraph fetches for this request are cancelled with it. */
  abortSignal?: AbortSignal;
  /** The operation's calculated cost, reported in `extensions.cost`; undefined when not computed. */
  operationCost?: number;
  /** The client's address (X-Forwarded-For as far as GATEWAY_TRUST_PROXY_HOPS trusts it), for the request's log line. */
  clientAddress?: string;
}
