// Builds the fleet subgraph (schema, context, resources) without listening; starts its background work: the
// outbox relay and the consumers of trips' and identity's events, all stopped on close.
import { AsyncLocalStorage } from 'node:async_hooks';
import { startOutboxRelay, type AnyEventEnvelope, type EventConsumer, type OutboxRelay } from '../../../platform/events/index.js';
import { defineSubgraph, type BuiltSubgraph, type SubgraphDeps } from '../../../platform/graphql/index.js';
import { createRateLimiterStore, type RateLimitRule } from '../../../platform/rate-limit/index.js';
import { readFleetConfig, type FleetConfig } from './config.js';
import type { FleetContext } from './context.js';
import { createFleetLoaders } from './loaders.js';
import { resolvers } from './resolvers/index.js';
import { createFleetServices } from './services/index.js';
import { createTripEventHandler, TRIP_EVENT_TYPES } from './services/trip-events.js';
import { createOnboardingEventHandler, ONBOARDING_EVENT_TYPES } from './services/onboarding-events.js';
import { createUserEventHandler, USER_EVENT_TYPES } from './services/user-events.js';
import { createUserNameEventHandler, USER_NAME_EVENT_TYPES } from './services/user-name-events.js';
import { openFleetDatabase } from './store/database.js';
import { createFleetStores } from './store/store.js';

/** Replaceable parts, for tests. Every one has a production default. */
export interface FleetBuildOptions {
  /** Default: the system clock. */
  now?: () => Date;
  /**
   * Location updates per driver: a burst of `points`, refilled every `durationSeconds` (fixed window).
   * Default 10 per 10 s: a short burst after reconnecting, then about one update per second.
   */
  locationRateLimit?: Omit<RateLimitRule, 'name'>;
  /** Default: read from the environment (readFleetConfig); a partial object overrides single values. */
  config?: Partial<FleetConfig>;
  /** Default true: consume trips' and identity's events (tests of other behaviour may hand events to the handler directly). */
  consumeEvents?: boolean;
}

/** The built subgraph plus handles tests use. */
export type FleetSubgraph = BuiltSubgraph<FleetContext> & {
  /** Tests: `await relay.flush()` puts every committed outbox row on the bus. */
  relay: OutboxRelay;
  /** Null when built with `consumeEvents: false`. */
  tripEvents: EventConsumer | null;
  /** identity's user events (known users, names) and driver.onboarded (profiles); null when built with `consumeEvents: false`. */
  userEvents: EventConsumer | null;
};

export async function buildFleetSubgraph(deps: SubgraphDeps, options: FleetBuildOptions = {}): Promise<FleetSubgraph> {
  const logger = deps.logger.child({ subgraph: 'fleet' });
  const config: FleetConfig = { ...readFleetConfig(process.env), ...options.config };
  // deps.onStatement observes the statements requests send (tests prove batching by counting them); the relay and
  // the consumer run in this context and are not reported, so counts stay per request.
  const background = new AsyncLocalStorage<true>();
  const onStatement = deps.onStatement && ((sql: string) => background.getStore() || deps.onStatement!(sql));
  const prisma = openFleetDatabase(deps.database, onStatement);
  const store = createFleetStores(prisma);
  const rateLimits = createRateLimiterStore({ redisUrl: deps.redisUrl, prefix: 'ridegraph:fleet:rl:', logger });
  const locationLimiter = rateLimits.limiter({ name: 'driver-location', ...(options.locationRateLimit ?? { points: 10, durationSeconds: 10 }) });

  // Started in the background context: its timers (and so all its statements) stay background work, also when
  // woken right after a commit inside a request.
  const relay = background.run(true, () => startOutboxRelay({ db: prisma, schema: 'fleet', source: 'fleet', bus: deps.events, logger }));
  const outbox = { wake: () => background.run(true, () => relay.wake()) };
  const services = createFleetServices({ store, config, now: options.now ?? (() => new Date()), outbox, pubsub: deps.pubsub, logger, locationLimiter });
  const handle = createTripEventHandler({ prisma, outbox, logger });
  const tripEvents =
    options.consumeEvents === false
      ? null
      : background.run(true, () =>
          deps.events.consume({ group: 'fleet', types: TRIP_EVENT_TYPES, handle: (event) => background.run(true, () => handle(event)) }),
        );
  // Its own group: within one group each event reaches one member, which acknowledges unseen the types it does not
  // handle, so a second consumer in group "fleet" would lose events to the first.
  // identity's driver.onboarded and user.name.changed ride in the same group as its user events: one consumer,
  // identity's order.
  const handleUser = createUserEventHandler({ store, logger });
  const handleOnboarded = createOnboardingEventHandler({ prisma, outbox, logger, now: options.now });
  const handleName = createUserNameEventHandler({ store, logger });
  const handleIdentity = (event: AnyEventEnvelope) =>
    event.type === 'driver.onboarded' ? handleOnboarded(event) : event.type === 'user.name.changed' ? handleName(event) : handleUser(event);
  const userEvents =
    options.consumeEvents === false
      ? null
      : background.run(true, () =>
          deps.events.consume({
            group: 'fleet.users',
            types: [...USER_EVENT_TYPES, ...USER_NAME_EVENT_TYPES, ...ONBOARDING_EVENT_TYPES],
            handle: (event) => background.run(true, () => handleIdentity(event)),
          }),
        );

  const built = defineSubgraph<FleetContext>({
    name: 'fleet',
    resolvers,
    database: prisma,
    verifyAccessToken: deps.auth.verify,
    gatewaySecret: deps.auth.config.gatewaySecret,
    logger: deps.logger,
    createContext: ({ viewer }) => ({ viewer, loaders: createFleetLoaders(store), logger: deps.logger, services, pubsub: deps.pubsub }),
    // The consumer first (it writes events), the relay last so it publishes what was written.
    async onClose() {
      await tripEvents?.stop();
      await userEvents?.stop();
      await relay.stop();
      await rateLimits.dispose();
    },
  });
  return { ...built, relay, tripEvents, userEvents };
}
