// One log line per client request at the gateway, when its answer is sent: operation name and type, outcome
// (ok | error | refused, as in the metrics), duration, cost, client address, user id, error codes, and — through
// the logger's mixin — the request id every subgraph's lines of it carry too. Never variables, tokens or the query.
import type { IncomingMessage } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Viewer } from '../../../platform/auth/index.js';
import { clientIp } from '../../../platform/http/client-ip.js';
import type { Logger } from '../../../platform/logging/index.js';
import { operationTypeOf } from '../../../platform/metrics/index.js';
import type { GatewayContext } from '../context.js';

/** Long enough for any real operation name; a client cannot blow up a log line with its own. */
const MAX_NAME_LENGTH = 100;

export function requestLogPlugin(logger: Logger): ApolloServerPlugin<GatewayContext> {
  const log = logger.child({ component: 'request' });
  return {
    async requestDidStart({ request }) {
      const startedAt = performance.now();
      return {
        async willSendResponse({ operation, operationName, response, errors, contextValue }) {
          const single = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const sent = errors ?? single?.errors ?? [];
          const ran = operation !== undefined && (single === undefined || 'data' in single);
          log.info(
            {
              operation: nameOf(operationName ?? request.operationName),
              type: operation?.operation ?? operationTypeOf(request.query, request.operationName),
              outcome: !ran ? 'refused' : sent.length > 0 ? 'error' : 'ok',
              status: response.http.status ?? 200,
              durationMs: Math.round(performance.now() - startedAt),
              cost: contextValue.operationCost,
              clientAddress: contextValue.clientAddress,
              userId: contextValue.viewer?.userId ?? null,
              ...(sent.length > 0 ? { errorCodes: [...new Set(sent.map((error) => String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR')))] } : {}),
            },
            'graphql request',
          );
        },
      };
    },
  };
}

/** The line of a request the edge refused before Apollo saw it (operation limits, the token, the rate limit). */
export function logRefusedRequest(
  logger: Logger,
  request: { req: IncomingMessage; params: { query?: unknown; operationName?: unknown }; status: number; body: unknown; viewer?: Viewer | null },
  trustProxyHops: number,
  startedAt: number,
): void {
  const codes = ((request.body as { errors?: { extensions?: { code?: unknown } }[] } | undefined)?.errors ?? []).map((error) =>
    String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'),
  );
  logger.child({ component: 'request' }).info(
    {
      operation: nameOf(request.params.operationName),
      type: operationTypeOf(request.params.query, request.params.operationName),
      outcome: 'refused',
      status: request.status,
      durationMs: Math.round(performance.now() - startedAt),
      clientAddress: clientIp(request.req, trustProxyHops),
      userId: request.viewer?.userId ?? null,
      errorCodes: [...new Set(codes)],
    },
    'graphql request',
  );
}

function nameOf(name: unknown): string | null {
  return typeof name === 'string' ? name.slice(0, MAX_NAME_LENGTH) : null;
}
