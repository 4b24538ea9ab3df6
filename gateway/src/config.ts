// Gateway configuration: environment variables validated at start-up, plus the CLI flags of `index.ts`.
import { resolve } from 'node:path';
import { z } from 'zod';
import { readAuthConfig, type AuthConfig } from '../../platform/auth/index.js';
import { envVar, readEnv, readRuntimeConfig } from '../../platform/config/index.js';
import { readCorsPolicy, readSecurityHeadersOptions, type CorsPolicy, type SecurityHeadersOptions } from '../../platform/http/index.js';
import { repoRoot } from '../../subgraphs/registry.js';

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
  /** graphql-ws limits: SUBSCRIPTION_QUEUE_LIMIT (default 256), SUBSCRIPTIONS_PER_CONNECTION (default 100). */
  subscriptionLimits: { maxQueuedEventsPerSubscription: number; maxSubscriptionsPerConnection: number };
  /**
   * Access-token settings (AUTH_ISSUER, AUTH_AUDIENCE, AUTH_JWKS_URL) and GATEWAY_SECRET. Run on its own the gateway
   * needs AUTH_JWKS_URL (identity's public keys); embedded, it is handed identity's keys in-process instead.
   */
  auth: AuthConfig;
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
      SUBSCRIPTION_QUEUE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(256),
      SUBSCRIPTIONS_PER_CONNECTION: z.coerce.number().int().min(1).max(10_000).default(100),
    },
    { ...env, ...(flags.port !== undefined ? { PORT: flags.port } : {}) },
  );
  const subgraphUrls: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    const match = /^SUBGRAPH_([A-Z0-9_]+)_URL$/.exec(key);
    if (match?.[1] && value) subgraphUrls[match[1].toLowerCase()] = readEnv({ [key]: envVar.url(['http:', 'https:'], 'http://trips:4003/graphql') }, env)[key] as string;
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
    subscriptionLimits: { maxQueuedEventsPerSubscription: e.SUBSCRIPTION_QUEUE_LIMIT, maxSubscriptionsPerConnection: e.SUBSCRIPTIONS_PER_CONNECTION },
    auth: readAuthConfig(env),
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
