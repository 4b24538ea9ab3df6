// Amounts are integer minor units end to end; this is the one place a stored amount becomes a GraphQL Money.
import type { Money } from '../generated/resolvers-types.js';
import { toGraphQLInt } from '../../../../platform/graphql/index.js';

/** @throws IntOutOfRangeError when `amountMinor` does not fit a GraphQL Int (never a wrapped or rounded amount). */
export function toMoney(amountMinor: bigint, currency: string): Money {
  return { amountMinor: toGraphQLInt(amountMinor, `amount (${currency} minor units)`), currency };
}
