// GET /ready: the supergraph is loaded and every subgraph answers a trivial query in time. The checks name the
// subgraphs, so production shows them to nobody (the body is `{ ready }`); why one failed goes to the log, and even
// the checks never carry a raw error message (it may name hosts and ports).
import type { IncomingMessage } from 'node:http';
import { GATEWAY_HOP_HEADER } from '../../platform/auth/index.js';
import type { PublicReadiness, ReadinessReport } from '../../platform/http/index.js';
import type { Logger } from '../../platform/logging/index.js';

export interface ReadinessCheckOptions {
  subgraphs: { name: string; url: string }[];
  isLoaded: () => boolean;
  logger: Logger;
  /** Production: the body is only `{ ready }`. */
  production: boolean;
  /** Sent with each probe, like every other request of the gateway to a subgraph. */
  gatewaySecret?: string;
  /** Default 2000. */
  timeoutMs?: number;
}

export function createReadinessCheck(options: ReadinessCheckOptions) {
  const { subgraphs, isLoaded, logger, timeoutMs = 2000 } = options;
  const headers: Record<string, string> = { 'content-type': 'application/json', 'apollo-require-preflight': 'true' };
  if (options.gatewaySecret) headers[GATEWAY_HOP_HEADER] = options.gatewaySecret;
  return async (_req: IncomingMessage): Promise<ReadinessReport | PublicReadiness> => {
    const checks: Record<string, string> = { supergraph: isLoaded() ? 'ok' : 'not loaded' };
    await Promise.all(
      subgraphs.map(async ({ name, url }) => {
        checks[name] = await probe(name, url, headers, timeoutMs, logger);
      }),
    );
    const ready = Object.values(checks).every((value) => value === 'ok');
    if (!ready) logger.warn({ checks }, 'not ready');
    return options.production ? { ready } : { ready, checks };
  };
}

async function probe(name: string, url: string, headers: Record<string, string>, timeoutMs: number, logger: Logger): Promise<string> {
  try {
    const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query: '{ __typename }' }), signal: AbortSignal.timeout(timeoutMs) });
    return response.ok ? 'ok' : `HTTP ${response.status}`;
  } catch (error) {
    if ((error as Error).name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
    logger.debug({ err: error, subgraph: name }, 'readiness probe failed');
    return 'unreachable';
  }
}
