// The one catalogue of error codes clients can see in `extensions.code`. Each code is defined once, here,
// with what it means to a client. Add a code here before throwing it anywhere.

export const ERROR_CODES = {
  BAD_USER_INPUT: 'An argument is invalid (format, range, or a reference to something that does not exist). Fix the input; retrying unchanged fails again.',
  GRAPHQL_PARSE_FAILED: 'The document is not valid GraphQL syntax.',
  GRAPHQL_VALIDATION_FAILED: 'The document does not match the schema.',
  BAD_REQUEST: 'The HTTP request itself is malformed (body, method or headers).',
  NOT_FOUND: 'The addressed object does not exist, or the viewer may not know it exists.',
  UNAUTHENTICATED: 'No valid credentials were presented: sign in (again) and retry with a fresh access token.',
  FORBIDDEN: 'The viewer is signed in but not allowed to do this.',
  ORIGIN_NOT_ALLOWED: 'A browser page of this origin may not call the API (CORS preflight refused). Add the origin to CORS_ORIGINS.',
  GATEWAY_ONLY: 'A subgraph in production describes its schema (introspection, `_service`) only to the gateway. Query the gateway instead.',
  CONFLICT: 'The request lost a race or contradicts the current state (e.g. the driver was taken). Refetch and decide again.',
  ILLEGAL_STATE_TRANSITION: 'The object is not in a state that allows this operation.',
  RATE_LIMITED: 'Too many requests; retry after the number of seconds in extensions.retryAfterSeconds.',
  OPERATION_TOO_COMPLEX:
    'The operation exceeds a limit checked before it runs: extensions.limit names it (tokens, depth, aliases, fields, fragmentSpreads, directives or cost), extensions.maximum and extensions.actual say by how much. Simplify the operation or ask for smaller pages; retrying unchanged fails again.',
  REQUEST_ABORTED: 'The caller stopped waiting (it timed out or disconnected) or the request passed its deadline, so the service stopped working on it.',
  QUERY_TIMEOUT:
    'The data asked for took longer to compute than the limit allows and the work was stopped. Ask for less (e.g. a shorter range or one fleet); retrying unchanged likely fails again.',
  SERVICE_UNAVAILABLE: 'A dependency is temporarily unavailable; retry later.',
  INTERNAL_SERVER_ERROR: 'An unexpected failure. Details are logged on the server, never sent to clients.',
} as const satisfies Record<string, string>;

export type ErrorCode = keyof typeof ERROR_CODES;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}
