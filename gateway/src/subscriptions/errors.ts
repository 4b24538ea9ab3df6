// Errors on the gateway's WebSocket: every one must be a GraphQLError (graphql-ws calls toJSON on each), carry a
// catalogued `extensions.code`, and be masked like HTTP responses (unexpected ones are logged, then sent as
// INTERNAL_SERVER_ERROR).
import { GraphQLError, type ExecutionResult, type GraphQLFormattedError } from 'graphql';
import { createErrorFormatter } from '../../../platform/errors/index.js';
import type { Logger } from '../../../platform/logging/index.js';

export type ErrorMasker = (errors: readonly (Error | GraphQLFormattedError)[]) => GraphQLError[];

export function createErrorMasker(logger: Logger): ErrorMasker {
  const formatError = createErrorFormatter(logger);
  return (errors) =>
    errors.map((error) => {
      const formatted: GraphQLFormattedError = error instanceof GraphQLError ? error.toJSON() : error instanceof Error ? { message: error.message } : error;
      const masked = formatError(formatted, error);
      return new GraphQLError(masked.message, { path: masked.path, extensions: masked.extensions });
    });
}

/** `result` with its errors masked; the same object when it has none. */
export function maskResult(result: ExecutionResult | { data?: unknown; errors?: readonly GraphQLFormattedError[] }, mask: ErrorMasker): ExecutionResult {
  if (!result.errors?.length) return result as ExecutionResult;
  return { ...result, errors: mask(result.errors) } as ExecutionResult;
}

export function isCloseEvent(value: unknown): value is { code: number; reason?: string } {
  return typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'number';
}

/**
 * What an upstream subscription's failure means to the gateway's client: the subgraph's GraphQL errors (FORBIDDEN,
 * BAD_USER_INPUT, …) as they are; a closed or failed connection as SERVICE_UNAVAILABLE or UNAUTHENTICATED.
 */
export function upstreamFailure(error: unknown, subgraph: string, mask: ErrorMasker): GraphQLError {
  if (Array.isArray(error) && error.length > 0) return mask(error as GraphQLFormattedError[])[0] as GraphQLError;
  if (isCloseEvent(error) && error.code === 4401) {
    return new GraphQLError('The subscription was refused: the access token is no longer valid; reconnect with a fresh one', {
      extensions: { code: 'UNAUTHENTICATED' },
    });
  }
  return new GraphQLError(`The ${subgraph} service is temporarily unavailable; subscribe again later`, { extensions: { code: 'SERVICE_UNAVAILABLE' } });
}
