// GraphQL operations of a process: counted and timed by operation (an SDK operation's name or "other"), type and
// outcome, and errors counted by code. Outcomes: `ok` (no errors), `error` (ran, with errors), `refused` (never ran:
// an operation limit, the rate limit, the access token, or a document that does not parse or validate).
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { Counter, Histogram } from 'prom-client';
import { isErrorCode } from '../errors/codes.js';
import { operationLabel } from './operation-names.js';
import { LATENCY_BUCKETS, metricsEnabled, registry, secondsSince } from './registry.js';

export type OperationType = 'query' | 'mutation' | 'subscription';
export type OperationOutcome = 'ok' | 'error' | 'refused';

const operations = new Counter({
  name: 'ridegraph_graphql_operations_total',
  help: 'GraphQL operations, by operation name (SDK operations; others "other"), type and outcome (ok, error, refused).',
  labelNames: ['operation', 'type', 'outcome'] as const,
  registers: [registry],
});

const duration = new Histogram({
  name: 'ridegraph_graphql_operation_duration_seconds',
  help: 'Time to answer a GraphQL operation (subscriptions: to start), by operation name, type and outcome.',
  labelNames: ['operation', 'type', 'outcome'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [registry],
});

const errors = new Counter({
  name: 'ridegraph_graphql_errors_total',
  help: 'GraphQL errors sent to clients, by extensions.code (codes of platform/errors; others "other").',
  labelNames: ['code'] as const,
  registers: [registry],
});

/** Codes Apollo Server sets itself, next to the catalogue's (platform/errors/codes.ts). */
const APOLLO_CODES = new Set(['OPERATION_RESOLUTION_FAILURE', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED']);

/** An error code as a label: a known code as it is, anything else "other". */
export function errorCodeLabel(code: unknown): string {
  if (isErrorCode(code) || (typeof code === 'string' && APOLLO_CODES.has(code))) return code;
  return code === undefined ? 'INTERNAL_SERVER_ERROR' : 'other';
}

export function recordOperation(name: unknown, type: OperationType, outcome: OperationOutcome, seconds: number): void {
  if (!metricsEnabled()) return;
  const labels = { operation: operationLabel(name), type, outcome };
  operations.inc(labels);
  duration.observe(labels, seconds);
}

export function recordErrorCodes(codes: Iterable<unknown>): void {
  if (!metricsEnabled()) return;
  for (const code of codes) errors.inc({ code: errorCodeLabel(code) });
}

/**
 * The type of a document's operation, read from its text without parsing (for requests refused before anything
 * parsed them): the keyword before `operationName`, else the first operation keyword; "query" when none is found
 * (the `{ … }` shorthand).
 */
export function operationTypeOf(query: unknown, operationName: unknown): OperationType {
  if (typeof query !== 'string') return 'query';
  const head = query.length > 20_000 ? query.slice(0, 20_000) : query;
  if (typeof operationName === 'string' && /^[_A-Za-z][_0-9A-Za-z]*$/.test(operationName)) {
    const named = new RegExp(`\\b(query|mutation|subscription)\\s+${operationName}\\b`).exec(head);
    if (named) return named[1] as OperationType;
  }
  const first = /(?:^|[\s}])(query|mutation|subscription)\b/.exec(head);
  return (first?.[1] as OperationType | undefined) ?? 'query';
}

/**
 * Records a request refused before the GraphQL server saw it (platform/http's admission: operation limits, the
 * access token, the rate limit): one `refused` operation and its error codes.
 */
export function recordRefusedRequest(params: { query?: unknown; operationName?: unknown }, body: unknown, startedAt: number): void {
  if (!metricsEnabled()) return;
  recordOperation(params.operationName, operationTypeOf(params.query, params.operationName), 'refused', secondsSince(startedAt));
  const bodyErrors = (body as { errors?: { extensions?: { code?: unknown } }[] } | undefined)?.errors;
  recordErrorCodes((Array.isArray(bodyErrors) ? bodyErrors : []).map((error) => error.extensions?.code));
}

/** Apollo Server plugin recording every operation it answers (HTTP); see the outcomes above. */
export function operationMetricsPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ request }) {
      if (!metricsEnabled()) return;
      const startedAt = performance.now();
      return {
        async willSendResponse({ operation, operationName, response, errors: requestErrors }) {
          const type: OperationType = operation?.operation ?? operationTypeOf(request.query, request.operationName);
          const single = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const sent = requestErrors ?? single?.errors ?? [];
          // No `data` at all: the operation never ran (parse, validation, resolution, a refused introspection).
          const ran = operation !== undefined && (single === undefined || 'data' in single);
          const outcome: OperationOutcome = !ran ? 'refused' : sent.length > 0 ? 'error' : 'ok';
          recordOperation(operationName ?? request.operationName, type, outcome, secondsSince(startedAt));
          recordErrorCodes(sent.map((error) => error.extensions?.code));
        },
      };
    },
  };
}
