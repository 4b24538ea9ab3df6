// Builds the trips subgraph (schema, context, resources) without listening; starts its background work: the
// outbox relay, the driver-supply, rider-balance and user-name consumers and the dispatcher, all stopped on close.
import { AsyncLocalStorage } from 'node:async_hooks';
import { createUserNameEventHandler, startOutboxRelay, USER_NAME_EVENT_TYPES, type OutboxRelay } from '../../../platform/events/index.js';
import { defineSubgraph, type BuiltSubgraph, type SubgraphDeps } from '../../../platform/graphql/index.js';
import { systemClock, type Clock } from './clock.js';
import { readTripsConfig, type TripsConfig } from './config.js';
import type { TripsContext } from './context.js';
import { createTripsLoaders } from './loaders.js';
import { resolvers } from './resolvers/index.js';
import { startDispatcher } from './services/dispatch-service.js';
import { BALANCE_GROUP, createBalanceConsumer } from './services/balance-consumer.js';
import { createTripsServices } from './services/index.js';
import { createSupplyConsumer } from './services/supply-consumer.js';
import { openTripsDatabase } from './store/database.js';
import { createTripsStore } from './store/store.js';

/** Replaceable parts, for tests. Every one has a production default. */
export interface TripsBuildOptions {
  /** Default: read from the environment (readTripsConfig); a partial object overrides single values. */
  config?: Partial<TripsConfig>;
  /** Default: the system clock. */
  clock?: Clock;
  /** Default true. Tests that drive dispatch passes themselves turn the background dispatcher off. */
  startDispatcher?: boolean;
}

/** The built subgraph plus handles tests use: services (dispatcher passes), the supply handler, the relay. */
export type TripsSubgraph = BuiltSubgraph<TripsContext> & {
  services: ReturnType<typeof createTripsServices>;
  /** The `driver.status.changed` handler the event bus calls (tests hand it envelopes directly). */
  handleEvent: ReturnType<typeof createSupplyConsumer>;
  /** The `rider.balance_due.changed` handler the event bus calls (tests hand it envelopes directly). */
  handleBalanceEvent: ReturnType<typeof createBalanceConsumer>;
  /** The `user.name.changed` handler the event bus calls (tests hand it envelopes directly). */
  handleUserNameEvent: ReturnType<typeof createUserNameEventHandler>;
  relay: OutboxRelay;
};

/** @throws ConfigError for invalid TRIP_* settings. */
export async function buildTripsSubgraph(deps: SubgraphDeps, options: TripsBuildOptions = {}): Promise<TripsSubgraph> {
  const config: TripsConfig = { ...readTripsConfig(process.env), ...options.config };
  const clock = options.clock ?? systemClock;
  const logger = deps.logger.child({ subgraph: 'trips' });
  // deps.onStatement observes the statements requests send (tests prove batching by counting them); the
  // dispatcher's background passes run in this context and are not reported, so counts stay per request.
  const background = new AsyncLocalStorage<true>();
  const onStatement = deps.onStatement && ((sql: string) => background.getStore() || deps.onStatement!(sql));
  const prisma = openTripsDatabase(deps.database, onStatement);
  const store = createTripsStore(prisma);

  // Started in the background context: its timers (and so all its statements) stay background work, also when
  // woken right after commits inside requests.
  const relay = background.run(true, () => startOutboxRelay({ db: prisma, schema: 'trips', source: 'trips', bus: deps.events, logger }));
  const wakeRelay = () => background.run(true, () => relay.wake());
  const services = createTripsServices({ store, config, clock, logger, pubsub: deps.pubsub, wakeRelay });
  const dispatcher =
    options.startDispatcher === false
      ? null
      : startDispatcher(() => background.run(true, () => services.dispatch.runPass()), config.dispatchIntervalMs, logger);
  const consume = createSupplyConsumer(prisma, () => dispatcher?.wake());
  const handleEvent: typeof consume = (event) => background.run(true, () => consume(event));
  const consumer = background.run(true, () => deps.events.consume({ group: 'trips', types: ['driver.status.changed'], handle: handleEvent }));
  const consumeBalance = createBalanceConsumer(prisma);
  const handleBalanceEvent: typeof consumeBalance = (event) => background.run(true, () => consumeBalance(event));
  const balanceConsumer = background.run(true, () =>
    deps.events.consume({ group: BALANCE_GROUP, types: ['rider.balance_due.changed'], handle: handleBalanceEvent }),
  );
  // Riders' names, so `Trip.rider { name }` is answered here (`@provides`): the trips board needs no fetch from identity.
  const recordUserName = createUserNameEventHandler({ record: (userId, name, at) => store.userNames.record(userId, name, at), logger });
  const handleUserNameEvent: typeof recordUserName = (event) => background.run(true, () => recordUserName(event));
  const userNameConsumer = background.run(true, () =>
    deps.events.consume({ group: 'trips.user-names', types: USER_NAME_EVENT_TYPES, handle: handleUserNameEvent }),
  );

  const built = defineSubgraph<TripsContext>({
    name: 'trips',
    resolvers,
    database: prisma,
    verifyAccessToken: deps.auth.verify,
    gatewaySecret: deps.auth.config.gatewaySecret,
    logger: deps.logger,
    createContext: ({ viewer }) => ({ viewer, loaders: createTripsLoaders(store, viewer, clock), logger: deps.logger, services, pubsub: deps.pubsub }),
    // Consumers and the dispatcher first (they write), the relay last so it publishes what they wrote.
    onClose: async () => {
      await Promise.all([consumer.stop(), balanceConsumer.stop(), userNameConsumer.stop(), dispatcher?.stop()]);
      await relay.stop();
    },
  });
  return { ...built, services, handleEvent, handleBalanceEvent, handleUserNameEvent, relay };
}
