// WebSocket close codes Ridegraph uses on graphql-ws connections (`graphql-transport-ws`), at the gateway and at
// every subgraph. graphql-ws' own codes (4400 bad request, 4403 forbidden, 4408 init timeout, 4409 duplicate id,
// 4429 too many inits, 4500 internal error) keep their meaning; these are the ones Ridegraph decides itself.

export const WsCloseCode = {
  /**
   * Missing, malformed, expired or wrongly signed access token in `connection_init` (or the token expired while
   * connected: the socket closes at the token's `exp`). Clients refresh the session and reconnect; graphql-ws
   * clients treat it as fatal, so they do not retry on their own with the same token.
   */
  Unauthorized: 4401,
  /**
   * The client read its events too slowly: more than the per-subscription buffer limit were waiting to be sent.
   * Events are best effort, so the client may reconnect at once (graphql-ws clients do) and refetch state.
   */
  SlowConsumer: 4413,
  /**
   * The client sent messages faster than its socket's budget (gateway: WS_MESSAGES_PER_SOCKET_PER_SECOND, bursts of
   * WS_MESSAGE_BURST_PER_SOCKET); messages past the budget were dropped unread. Not 4429: graphql-ws uses that for a
   * second `connection_init`. graphql-ws clients reconnect with back-off; new connections count against the
   * per-IP connection limit (HTTP 429 on the upgrade).
   */
  TooManyMessages: 4420,
  /** The token could not be checked right now (identity's keys unreachable); retry later. */
  ServiceUnavailable: 4503,
  /** The server is shutting down (or restarting); reconnect (graphql-ws clients do, with back-off). */
  GoingAway: 1001,
} as const;

export type WsCloseCode = (typeof WsCloseCode)[keyof typeof WsCloseCode];
