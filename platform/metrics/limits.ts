// Requests refused by a limit: the gateway's rate limits (by policy) and the operation limits checked before
// validation (by the limit exceeded: tokens, depth, aliases, fields, fragmentSpreads, directives,
// introspectionNesting, cost; `nul` for a NUL character).
import { Counter } from 'prom-client';
import { metricsEnabled, registry } from './registry.js';

/** The gateway's rate-limit policies (gateway/src/rate-limit/README.md). */
export type RateLimitName = 'anonymous' | 'ws-connections' | 'user';

const rateLimited = new Counter({
  name: 'ridegraph_rate_limit_rejections_total',
  help: 'Requests and graphql-ws connections refused by a rate limit, by policy (anonymous, ws-connections, user).',
  labelNames: ['limit'] as const,
  registers: [registry],
});

const costLimited = new Counter({
  name: 'ridegraph_cost_limit_rejections_total',
  help: 'Operations refused by an operation limit before validation, by the limit exceeded (cost, depth, tokens, …).',
  labelNames: ['reason'] as const,
  registers: [registry],
});

const REASONS = new Set(['tokens', 'depth', 'aliases', 'fields', 'fragmentSpreads', 'directives', 'introspectionNesting', 'cost']);

export function recordRateLimitRejection(limit: RateLimitName): void {
  if (metricsEnabled()) rateLimited.inc({ limit });
}

/** @param limit the refusal's `details.limit`; undefined for a NUL character (BAD_USER_INPUT). */
export function recordCostLimitRejection(limit: unknown): void {
  if (!metricsEnabled()) return;
  costLimited.inc({ reason: typeof limit === 'string' && REASONS.has(limit) ? limit : 'nul' });
}
