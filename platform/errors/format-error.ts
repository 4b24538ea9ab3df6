// Apollo Server `formatError` shared by the gateway and every subgraph: errors that carry a catalogued code
// pass through (without internals: no stack trace, no `serviceName` — @apollo/gateway names the subgraph an error
// came from, which tells a client the deployment's topology); anything unexpected is logged with its stack and
// replaced by a generic message.
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
    if (isErrorCode(code) && code !== 'INTERNAL_SERVER_ERROR') return withoutInternals(formatted);
    if (typeof code === 'string' && SAFE_FRAMEWORK_CODES.has(code)) return withoutInternals(formatted);
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

/** Extensions that describe the server rather than the error: never sent to a client. */
const INTERNAL_EXTENSIONS = ['stacktrace', 'serviceName'];

function withoutInternals(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const extensions = formatted.extensions;
  if (!extensions || !INTERNAL_EXTENSIONS.some((name) => name in extensions)) return formatted;
  return { ...formatted, extensions: Object.fromEntries(Object.entries(extensions).filter(([name]) => !INTERNAL_EXTENSIONS.includes(name))) };
}
