// The gateway's per-request context: only what must be forwarded to subgraphs.
export interface GatewayContext {
  /** The caller's Authorization header, forwarded verbatim to subgraphs. */
  authorization?: string;
}
