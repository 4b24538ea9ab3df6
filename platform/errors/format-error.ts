// Apollo Server `formatError` shared by the gateway and every subgraph: errors that carry a catalogued code
// pass through; anything unexpected is logged with its stack and replaced by a generic message.
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from '../logging/index.js';
import { isErrorCode } from './codes.js';

// Codes Apollo Server itself assigns to request-level failures; their messages are safe and useful.
const SAFE_FRAMEWORK_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  // The gateway relays subgraph errors with their code; the subgraph has already masked unexpected ones.
  'DOWNSTREAM_SERVICE_ERROR',
]);

export function createErrorFormatter(logger: Logger) {
  return function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
    const code = formatted.extensions?.code;
    if (isErrorCode(code) && code !== 'INTERNAL_SERVER_ERROR') return withoutStack(formatted);
    if (typeof code === 'string' && SAFE_FRAMEWORK_CODES.has(code)) return withoutStack(formatted);
    const original = unwrapResolverError(error);
    logger.error({ err: original, path: formatted.path }, 'unexpected error while resolving a request');
    return {
      message: 'Internal server error',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

function withoutStack(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions || !('stacktrace' in formatted.extensions)) return formatted;
  const { stacktrace: _dropped, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}
