// The one error type the SDK throws: GraphQL errors with their codes, HTTP failures and network failures alike.

/** A GraphQL error as the API sends it (`extensions.code` is one of the codes in the API's error catalogue). */
export interface RidegraphGraphQLError {
  message: string;
  path?: readonly (string | number)[];
  locations?: readonly { line: number; column: number }[];
  extensions?: Record<string, unknown> & { code?: string };
}

/**
 * Codes the SDK itself sets when there is no GraphQL error to take one from:
 * - `NETWORK_ERROR`: the request never got an answer (offline, DNS, connection reset, WebSocket closed).
 * - `BAD_RESPONSE`: an answer that is not a GraphQL response (e.g. an HTML error page from a proxy).
 * - `SUBSCRIPTIONS_UNAVAILABLE`: `subscribe` without a `wsUrl`.
 */
export type RidegraphClientErrorCode = 'NETWORK_ERROR' | 'BAD_RESPONSE' | 'SUBSCRIPTIONS_UNAVAILABLE';

/**
 * Thrown (rejected) by every SDK call that fails. Branch on `code` — the first GraphQL error's
 * `extensions.code` (`UNAUTHENTICATED`, `FORBIDDEN`, `RATE_LIMITED`, `BAD_USER_INPUT`, …) or one of
 * {@link RidegraphClientErrorCode} — or search all of them with {@link RidegraphError.hasCode}.
 * Input problems of mutations are not errors: they come back as `userErrors` in the data.
 */
export class RidegraphError extends Error {
  override readonly name = 'RidegraphError';
  /** The first error's code; see the class comment. `INTERNAL_SERVER_ERROR` when an error came without one. */
  readonly code: string;
  /** Every GraphQL error of the response; empty for network and bad-response failures. */
  readonly errors: readonly RidegraphGraphQLError[];
  /** HTTP status of the response; undefined when there was none (network, WebSocket). */
  readonly status: number | undefined;
  /** Partial data sent alongside the errors (e.g. a FORBIDDEN field nulled in an otherwise good answer). */
  readonly data: unknown;

  constructor(options: { message?: string; code?: string; errors?: readonly RidegraphGraphQLError[]; status?: number; data?: unknown; cause?: unknown }) {
    const errors = options.errors ?? [];
    const first = errors[0];
    super(options.message ?? first?.message ?? options.code ?? 'Ridegraph request failed', options.cause === undefined ? undefined : { cause: options.cause });
    this.errors = errors;
    this.code = options.code ?? codeOf(first) ?? 'INTERNAL_SERVER_ERROR';
    this.status = options.status;
    this.data = options.data;
  }

  /** Whether any of the errors has this `extensions.code` (or the SDK set it as `code`). */
  hasCode(code: string): boolean {
    return this.code === code || this.errors.some((error) => codeOf(error) === code);
  }
}

export function codeOf(error: RidegraphGraphQLError | undefined): string | undefined {
  const code = error?.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}
