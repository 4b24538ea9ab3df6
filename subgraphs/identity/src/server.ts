// Builds the identity subgraph (schema, context, resources) without listening; starts its outbox relay (the
// user events its database triggers write) and its consumers (the audit log, fleet's fleet.changed), stopped on close.
import { AsyncLocalStorage } from 'node:async_hooks';
import { createAccessTokenSigner } from '../../../platform/auth/index.js';
import { startOutboxRelay } from '../../../platform/events/index.js';
import { defineSubgraph, type BuiltSubgraph, type SubgraphDeps } from '../../../platform/graphql/index.js';
import { clientIp } from '../../../platform/http/client-ip.js';
import { createDevelopmentEmailProvider, createDevelopmentSmsProvider, type EmailProvider, type SmsProvider } from '../../../platform/providers/index.js';
import { createRateLimiterStore } from '../../../platform/rate-limit/index.js';
import { systemClock, type Clock } from './clock.js';
import { readIdentityConfig, type IdentityConfig } from './config.js';
import type { IdentityContext } from './context.js';
import { createIdentityLoaders } from './loaders.js';
import { resolvers } from './resolvers/index.js';
import { AUDIT_CONSUMER_GROUP, AUDIT_EVENT_TYPES, createAuditEventHandler } from './services/audit-events.js';
import { createIdentityCleanup } from './services/cleanup.js';
import { createFleetEventHandler, FLEET_CONSUMER_GROUP, FLEET_EVENT_TYPES } from './services/fleet-events.js';
import { createIdentityServices } from './services/index.js';
import { argon2Hasher, type PasswordHasher } from './services/password-hasher.js';
import { createIdentityLimiters, type IdentityLimits } from './services/rate-limits.js';
import { openIdentityDatabase } from './store/database.js';
import { createIdentityStore } from './store/store.js';

/** Replaceable parts, for tests (and a future real SMS/email provider). Every one has a production default. */
export interface IdentityBuildOptions {
  /** Default: read from the environment (readIdentityConfig). */
  config?: IdentityConfig;
  /** Default: the system clock. */
  clock?: Clock;
  /** Default: the development provider, logging through deps.logger. */
  sms?: SmsProvider;
  /** Default: the development provider, logging through deps.logger. */
  email?: EmailProvider;
  /** Default: argon2id. */
  passwordHasher?: PasswordHasher;
  /** Override some rate limits (tests use small budgets). */
  limits?: Partial<IdentityLimits>;
}

/**
 * @throws Error when deps.auth has no signing keys (identity is the one process that signs access tokens), or
 *   the access token lifetime exceeds 15 minutes; ConfigError for invalid identity settings.
 */
export async function buildIdentitySubgraph(deps: SubgraphDeps, options: IdentityBuildOptions = {}): Promise<BuiltSubgraph<IdentityContext>> {
  const { signingKeys } = deps.auth;
  if (!signingKeys) {
    throw new Error('identity issues access tokens and needs deps.auth.signingKeys: build it with signingProcessAuth (or createTestAuth in tests)');
  }
  if (deps.auth.config.accessTokenTtlSeconds > 900) {
    throw new Error(`access tokens may live at most 900 s (15 minutes); got ${deps.auth.config.accessTokenTtlSeconds}`);
  }
  const config = options.config ?? readIdentityConfig(process.env, deps.logger);
  const clock = options.clock ?? systemClock;

  // The relay's statements are background work, not reported to deps.onStatement (tests count per request).
  const background = new AsyncLocalStorage<true>();
  const onStatement = deps.onStatement && ((sql: string) => background.getStore() || deps.onStatement!(sql));
  const prisma = openIdentityDatabase(deps.database, onStatement);
  const store = createIdentityStore(prisma);
  const rateLimits = createRateLimiterStore({ redisUrl: deps.redisUrl, prefix: config.rateLimitPrefix, logger: deps.logger });
  if (!deps.redisUrl) deps.logger.info('identity rate limits are counted in this process (no REDIS_URL)');
  // Until Redis answers, limits count per process; wait a little so a fresh replica starts with shared counts.
  await rateLimits
    .ready(5000)
    .catch((error: unknown) => deps.logger.warn({ err: error }, 'starting with rate limits counted in this process until Redis is reachable'));
  const services = createIdentityServices({
    store,
    config,
    clock,
    logger: deps.logger,
    signAccessToken: createAccessTokenSigner(signingKeys, deps.auth.config),
    limiters: createIdentityLimiters(rateLimits, options.limits),
    sms: options.sms ?? createDevelopmentSmsProvider(deps.logger, config.smsSimulation),
    email: options.email ?? createDevelopmentEmailProvider(deps.logger, config.emailSimulation),
    hasher: options.passwordHasher ?? argon2Hasher,
  });

  // user.registered / user.changed rows come from triggers on identity.users (no service wakes the relay):
  // its polling publishes them within a second.
  const relay = background.run(true, () => startOutboxRelay({ db: prisma, schema: 'identity', source: 'identity', bus: deps.events, logger: deps.logger }));
  // Every subgraph's staff actions (identity's own too) arrive as `audit.recorded` and are kept in one log.
  const handleAudit = createAuditEventHandler({ prisma, logger: deps.logger });
  const auditEvents = background.run(true, () =>
    deps.events.consume({ group: AUDIT_CONSUMER_GROUP, types: AUDIT_EVENT_TYPES, handle: (event) => background.run(true, () => handleAudit(event)) }),
  );
  // Which fleets exist (fleet's fleet.changed), for onboardDriver.
  const handleFleet = createFleetEventHandler({ store, logger: deps.logger });
  const fleetEvents = background.run(true, () =>
    deps.events.consume({ group: FLEET_CONSUMER_GROUP, types: FLEET_EVENT_TYPES, handle: (event) => background.run(true, () => handleFleet(event)) }),
  );
  // Expired codes, links and long-ended sessions (services/cleanup.ts); IDENTITY_CLEANUP_INTERVAL_SECONDS=0 turns it off.
  const cleanup = createIdentityCleanup({
    store,
    clock,
    retentionDays: config.cleanupRetentionDays,
    pollIntervalMs: config.cleanupIntervalSeconds * 1000,
    logger: deps.logger,
  });
  if (config.cleanupIntervalSeconds > 0) background.run(true, () => cleanup.start());

  const built = defineSubgraph<IdentityContext>({
    name: 'identity',
    resolvers,
    database: prisma,
    verifyAccessToken: deps.auth.verify,
    gatewaySecret: deps.auth.config.gatewaySecret,
    logger: deps.logger,
    createContext: ({ req, viewer, fromGateway }) => ({
      viewer,
      loaders: createIdentityLoaders(store.users),
      logger: deps.logger,
      services,
      // X-Forwarded-For counts only on a hop that proved it is the gateway; from anyone else the peer is the client.
      clientIp: clientIp(req, fromGateway ? config.trustProxyHops : 0),
    }),
    // Verifiers in other processes fetch identity's public keys here (AUTH_JWKS_URL).
    routes: { '/.well-known/jwks.json': () => signingKeys.publicJwks },
    onClose: async () => {
      await auditEvents.stop();
      await fleetEvents.stop();
      await cleanup.stop();
      await relay.stop();
    },
  });
  return {
    ...built,
    async close() {
      await built.close();
      await rateLimits.dispose();
    },
  };
}
