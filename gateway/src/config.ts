// Gateway configuration: environment variables validated at start-up, plus the CLI flags of `index.ts`.
import { resolve } from 'node:path';
import { z } from 'zod';
import { readAuthConfig, type AuthConfig } from '../../platform/auth/index.js';
import { ConfigError, envVar, readEnv, readRuntimeConfig } from '../../platform/config/index.js';
import { readOperationLimits, type OperationLimits } from '../../platform/graphql/operation-limits/index.js';
import { readCorsPolicy, readSecurityHeadersOptions, type CorsPolicy, type SecurityHeadersOptions } from '../../platform/http/index.js';
import { repoRoot } from '../../subgraphs/registry.js';
import { readRateLimitConfig, type RateLimitSettings } from './rate-limit/index.js';
import type { SubscriptionLimits } from './subscriptions/index.js';

export interface GatewayConfig {
  port: number;
  host: string;
  /** Composed supergraph SDL file to serve. Never composed from live services. */
  supergraphPath: string;
  /** Subgraph URL overrides by subgraph name (lower case), from SUBGRAPH_<NAME>_URL. */
  subgraphUrls: Record<string, string>;
  /** NODE_ENV=production (GATEWAY_SECRET required when run on its own; no suggestions; a terse /ready). */
  production: boolean;
  /** Schema introspection; default on except in production. */
  introspection: boolean;
  /** Apollo Sandbox landing page; default on except in production. */
  sandbox: boolean;
  /** Browser origins allowed to call the API (CORS_ORIGINS; development: localhost and Apollo Sandbox; production: none). */
  cors: CorsPolicy;
  /** HSTS_MAX_AGE_SECONDS: Strict-Transport-Security only when set. */
  securityHeaders: SecurityHeadersOptions;
  /** Max time for one subgraph request (ms). */
  subgraphTimeoutMs: number;
  /**
   * GATEWAY_DEDUPLICATE_FETCHES (default true): identical in-flight subgraph fetches of queries, for the same viewer,
   * share one request (subgraph-fetch-dedup.ts).
   */
  deduplicateSubgraphFetches: boolean;
  /**
   * graphql-ws limits: SUBSCRIPTION_QUEUE_LIMIT (default 256), SUBSCRIPTIONS_PER_CONNECTION (default 100),
   * WS_MESSAGES_PER_SOCKET_PER_SECOND / WS_MESSAGE_BURST_PER_SOCKET (default 10 / 200; none when RATE_LIMITS=false).
   */
  subscriptionLimits: SubscriptionLimits;
  /** Request rate limits (gateway/src/rate-limit/README.md); undefined when RATE_LIMITS=false. */
  rateLimits: RateLimitSettings | undefined;
  /**
   * Proxies in front of the gateway that append to X-Forwarded-For (GATEWAY_TRUST_PROXY_HOPS, default 0: the
   * gateway is the edge and the client IP is the socket's peer). Not TRUST_PROXY_HOPS: that one counts the proxies
   * in front of identity, the gateway included.
   */
  trustProxyHops: number;
  /**
   * Access-token settings (AUTH_ISSUER, AUTH_AUDIENCE, AUTH_JWKS_URL) and GATEWAY_SECRET. Run on its own the gateway
   * needs AUTH_JWKS_URL (identity's public keys); embedded, it is handed identity's keys in-process instead.
   */
  auth: AuthConfig;
  /** OPERATION_MAX_* (platform/graphql/operation-limits/limits.ts): checked before validation and planning. */
  operationLimits: OperationLimits;
}

/**
 * @param argv CLI flags: `--supergraph PATH`, `--port N`; they win over the environment.
 * @throws ConfigError naming each invalid variable.
 */
export function readGatewayConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = []): GatewayConfig {
  const runtime = readRuntimeConfig(env);
  const production = runtime.nodeEnv === 'production';
  const flags = readFlags(argv);
  const e = readEnv(
    {
      PORT: envVar.port(4000),
      SUPERGRAPH_PATH: z.string().default(resolve(repoRoot, 'schema/supergraph.graphql')),
      INTROSPECTION: envVar.boolean(!production),
      SANDBOX: envVar.boolean(!production),
      SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
      GATEWAY_DEDUPLICATE_FETCHES: envVar.boolean(true),
      SUBSCRIPTION_QUEUE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(256),
      SUBSCRIPTIONS_PER_CONNECTION: z.coerce.number().int().min(1).max(10_000).default(100),
      GATEWAY_TRUST_PROXY_HOPS: z.coerce.number().int().min(0, 'must be 0 to 10').max(10, 'must be 0 to 10').default(0),
    },
    { ...env, ...(flags.port !== undefined ? { PORT: flags.port } : {}) },
  );
  const rateLimits = readRateLimitConfig(env, runtime);
  const operationLimits = readOperationLimits(env);
  if (rateLimits.requests && operationLimits.maxCost > rateLimits.requests.userBucketPoints) {
    // Such an operation would pass the cost limit and then be refused by the rate limit forever.
    throw new ConfigError(
      `OPERATION_MAX_COST (${operationLimits.maxCost}) exceeds RATE_LIMIT_USER_BUCKET_POINTS (${rateLimits.requests.userBucketPoints}): ` +
        'no signed-in user could ever run an operation costing more than their whole bucket; lower the first or raise the second',
    );
  }
  const subgraphUrls: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    const match = /^SUBGRAPH_([A-Z0-9_]+)_URL$/.exec(key);
    if (match?.[1] && value)
      subgraphUrls[match[1].toLowerCase()] = readEnv({ [key]: envVar.url(['http:', 'https:'], 'http://trips:4003/graphql') }, env)[key] as string;
  }
  return {
    port: e.PORT,
    host: runtime.host,
    production,
    supergraphPath: flags.supergraph ? resolve(flags.supergraph) : e.SUPERGRAPH_PATH,
    subgraphUrls,
    introspection: e.INTROSPECTION,
    sandbox: e.SANDBOX,
    cors: readCorsPolicy(env, production),
    securityHeaders: readSecurityHeadersOptions(env),
    subgraphTimeoutMs: e.SUBGRAPH_TIMEOUT_MS,
    deduplicateSubgraphFetches: e.GATEWAY_DEDUPLICATE_FETCHES,
    subscriptionLimits: {
      maxQueuedEventsPerSubscription: e.SUBSCRIPTION_QUEUE_LIMIT,
      maxSubscriptionsPerConnection: e.SUBSCRIPTIONS_PER_CONNECTION,
      messageBudget: rateLimits.messages,
    },
    rateLimits: rateLimits.requests,
    trustProxyHops: e.GATEWAY_TRUST_PROXY_HOPS,
    auth: readAuthConfig(env),
    operationLimits,
  };
}

function readFlags(argv: string[]): { supergraph?: string; port?: string } {
  const flags: { supergraph?: string; port?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [name, inline] = arg.split('=', 2) as [string, string | undefined];
    const value = inline ?? argv[i + 1];
    if (name === '--supergraph' || name === '--port') {
      if (!value) throw new Error(`${name} needs a value`);
      if (inline === undefined) i++;
      flags[name === '--port' ? 'port' : 'supergraph'] = value;
    } else {
      throw new Error(`unknown argument ${arg}; usage: gateway [--supergraph PATH] [--port N]`);
    }
  }
  return flags;
}
