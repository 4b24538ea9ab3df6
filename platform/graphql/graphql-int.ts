// GraphQL `Int` is 32-bit signed while the ledger sums in BigInt. A value beyond that range must fail loudly:
// rounding or wrapping it would show a wrong amount as if it were right.

const GRAPHQL_INT_MAX = 2n ** 31n - 1n;
const GRAPHQL_INT_MIN = -(2n ** 31n);

/** Carries no error code on purpose, so clients see it masked as INTERNAL_SERVER_ERROR and it is logged. */
export class IntOutOfRangeError extends Error {
  override readonly name = 'IntOutOfRangeError';
}

/**
 * @param what names the value in the error message (for the server log).
 * @throws IntOutOfRangeError when `value` is outside -2^31..2^31-1.
 */
export function toGraphQLInt(value: bigint, what: string): number {
  if (value > GRAPHQL_INT_MAX || value < GRAPHQL_INT_MIN) throw new IntOutOfRangeError(`${what} ${value} does not fit a GraphQL Int`);
  return Number(value);
}
