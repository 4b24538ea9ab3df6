// What a refused operation tells the client: which limit, its maximum and what the operation had — so a developer
// can fix the operation without guessing. Always HTTP 400: the same request fails the same way until it changes.
import { GraphQLError } from 'graphql';

export type LimitName = 'tokens' | 'depth' | 'aliases' | 'fields' | 'fragmentSpreads' | 'directives' | 'introspectionNesting' | 'cost';

export class OperationRefusal extends Error {
  override name = 'OperationRefusal';
  constructor(
    readonly code: 'OPERATION_TOO_COMPLEX' | 'BAD_USER_INPUT',
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }

  toGraphQLError(): GraphQLError {
    return new GraphQLError(this.message, { extensions: { code: this.code, ...this.details } });
  }

  /** The response body of a refused HTTP request (no `data`: nothing ran). */
  toResponseBody(): { errors: { message: string; extensions: Record<string, unknown> }[] } {
    return { errors: [{ message: this.message, extensions: { code: this.code, ...this.details } }] };
  }
}

const NOUNS: Record<LimitName, string> = {
  tokens: 'tokens',
  depth: 'levels of nesting',
  aliases: 'aliases',
  fields: 'fields (fragments expanded)',
  fragmentSpreads: 'fragment spreads (fragments expanded)',
  directives: 'directives',
  introspectionNesting: 'introspection lists nested on one path',
  cost: 'cost points',
};

export function limitExceeded(limit: LimitName, maximum: number, actual: number): OperationRefusal {
  const shown = actual >= 1e15 ? 'more than 10^15' : String(actual);
  return new OperationRefusal(
    'OPERATION_TOO_COMPLEX',
    `Operation refused: ${shown} ${NOUNS[limit]}, the limit is ${maximum} (${limit === 'cost' ? 'ask for fewer items per page or fewer nested lists' : 'split or simplify the operation'})`,
    { limit, maximum, actual: Math.min(actual, 1e15) },
  );
}
