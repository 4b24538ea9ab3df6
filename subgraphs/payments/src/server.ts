// Builds the payments subgraph (schema, context, resources) without listening; starts its background work: the
// outbox relay, the settlement consumer of trips' events and the charger, all stopped on close.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage } from 'node:http';
import { startOutboxRelay, type EventConsumer, type OutboxRelay } from '../../../platform/events/index.js';
import { defineSubgraph, type BuiltSubgraph, type SubgraphDeps } from '../../../platform/graphql/index.js';
import type { HttpPostRoute } from '../../../platform/http/index.js';
import type { PaymentsContext } from './context.js';
import { createPaymentsLoaders } from './loaders.js';
import { readPaymentsConfig, type PaymentsConfig } from './config.js';
import { createPaymentProvider, type PaymentProvider } from './providers/index.js';
import { resolvers } from './resolvers/index.js';
import { createPaymentsServices, type PaymentsServices } from './services/index.js';
import { createDriverDirectory, DRIVER_DIRECTORY_GROUP, DRIVER_DIRECTORY_TYPES } from './services/driver-directory.js';
import { CASH_HANDOVER_GROUP, CASH_HANDOVER_TYPES } from './services/cash-handover.js';
import { TRIP_SETTLEMENT_TYPES } from './services/trip-settlement.js';
import { openPaymentsDatabase } from './store/database.js';
import { createWebhookRoute, PAYMENTS_WEBHOOK_PATH } from './webhooks/webhook-route.js';
import { DevelopmentPaymentProvider } from './providers/development-provider.js';
import { createDevPayRoute, DEV_PAY_PATH } from './webhooks/dev-pay-route.js';
import { createVehiclePayRoute, VEHICLE_QR_PATH } from './webhooks/vehicle-pay-route.js';

/** Replaceable parts, for tests. Every one has a production default. */
export interface PaymentsBuildOptions {
  /**
   * Default: from the configuration (PAYMENTS_PROVIDER); the development provider's webhooks are delivered to this
   * subgraph's webhook route in-process.
   */
  provider?: PaymentProvider;
  /** Default: read from the environment (readPaymentsConfig); a partial object overrides single values. */
  config?: Partial<Omit<PaymentsConfig, 'provider'>>;
  /** Default true: consume trips' events and run the charger (tests of other behaviour may drive them by hand). */
  background?: boolean;
  chargerPollIntervalMs?: number;
  /** The clock of rent, plan assignments and exits (default: the system's): the week-simulation test drives it. */
  now?: () => Date;
  /** Default: config rentIntervalMs (PAYMENTS_RENT_INTERVAL_MS). */
  rentIntervalMs?: number;
}

export type PaymentsSubgraph = BuiltSubgraph<PaymentsContext> & {
  services: PaymentsServices;
  relay: OutboxRelay;
  /** The members of the consumer group 'payments' in this process (none when built with `background: false`). */
  tripEvents: EventConsumer[];
};

/** @throws ConfigError for invalid PAYMENTS_* / STRIPE_* settings (e.g. the development provider in production). */
export async function buildPaymentsSubgraph(deps: SubgraphDeps, options: PaymentsBuildOptions = {}): Promise<PaymentsSubgraph> {
  const logger = deps.logger.child({ subgraph: 'payments' });
  const config: PaymentsConfig = { ...readPaymentsConfig(process.env), ...options.config };
  // deps.onStatement observes the statements requests send (tests prove batching by counting them); the relay, the
  // consumer and the charger run in this context and are not reported, so counts stay per request.
  const background = new AsyncLocalStorage<true>();
  const inBackground = <T>(work: () => T): T => background.run(true, work);
  const onStatement = deps.onStatement && ((sql: string) => background.getStore() || deps.onStatement!(sql));
  const prisma = openPaymentsDatabase(deps.database, onStatement);

  const relay = inBackground(() => startOutboxRelay({ db: prisma, schema: 'payments', source: 'payments', bus: deps.events, logger }));
  const wakeRelay = () => inBackground(() => relay.wake());
  let webhookRoute: HttpPostRoute | null = null;
  const provider =
    options.provider ??
    createPaymentProvider(config, {
      // The development provider's webhooks go to our own route in-process (through the same verification); a
      // non-200 makes it deliver again later, as a real provider would.
      deliverWebhook: (rawBody, headers) =>
        inBackground(async () => {
          const answer = await webhookRoute!({ headers } as unknown as IncomingMessage, rawBody);
          if (answer.status !== 200) throw new Error(`payments webhook answered ${answer.status}`);
        }),
      onWebhookDeliveryFailed: (error, eventId) => logger.error({ err: error, eventId }, 'development provider: webhook not delivered'),
    });
  const services = createPaymentsServices({
    prisma,
    provider,
    currency: config.currency,
    maxAmountMinor: config.maxAmountMinor,
    logger,
    wakeRelay,
    background: inBackground,
    chargerPollIntervalMs: options.chargerPollIntervalMs,
    now: options.now,
    rentIntervalMs: options.rentIntervalMs ?? config.rentIntervalMs,
    publicUrl: config.publicUrl,
    dataKey: config.dataKey.key,
  });
  if (config.dataKey.isDevelopmentDefault) {
    logger.warn('PAYMENTS_DATA_KEY is not set: payout destinations are encrypted with the public development key (refused in production)');
  }
  webhookRoute = createWebhookRoute({ provider, handle: services.handleWebhook, logger });

  const runBackground = options.background !== false;
  // Several members of the group in this process: each handles one event at a time, so N settle at once.
  const tripEvents = runBackground
    ? Array.from({ length: config.settlementConcurrency }, () =>
        inBackground(() =>
          deps.events.consume({
            group: 'payments',
            types: TRIP_SETTLEMENT_TYPES,
            handle: (event) =>
              inBackground(async () => {
                if (await services.settleTripEventBatched(event)) wakeRelay();
              }),
          }),
        ),
      )
    : [];
  // Who drivers are (user, fleet, vehicle): fleet's driver.status.changed, in its own group.
  const handleDriverChange = createDriverDirectory(prisma, services.driverProfileListeners);
  const driverEvents = runBackground
    ? [
        inBackground(() =>
          deps.events.consume({
            group: DRIVER_DIRECTORY_GROUP,
            types: DRIVER_DIRECTORY_TYPES,
            handle: (event) => inBackground(async () => void (await handleDriverChange(event))),
          }),
        ),
      ]
    : [];
  // Cash handed in at check-out: fleet's shift.checked_out, in its own group.
  const shiftEvents = runBackground
    ? [
        inBackground(() =>
          deps.events.consume({
            group: CASH_HANDOVER_GROUP,
            types: CASH_HANDOVER_TYPES,
            handle: (event) => inBackground(async () => void (await services.handleShiftCheckedOut(event))),
          }),
        ),
      ]
    : [];
  if (runBackground) inBackground(() => services.charger.start());
  // Rent: a pass at start (catching up periods missed while stopped), then every rentIntervalMs.
  if (runBackground) inBackground(() => services.rent.start());
  if (runBackground) inBackground(() => services.payouts.sender.start());

  const built = defineSubgraph<PaymentsContext>({
    name: 'payments',
    resolvers,
    database: prisma,
    verifyAccessToken: deps.auth.verify,
    gatewaySecret: deps.auth.config.gatewaySecret,
    logger: deps.logger,
    postRoutes: { [PAYMENTS_WEBHOOK_PATH]: webhookRoute },
    // Pages: where a vehicle's payment QR code leads; the development provider's checkout pages, in development only.
    pageRoutes: {
      [VEHICLE_QR_PATH]: createVehiclePayRoute(),
      ...(config.devPayPages && provider instanceof DevelopmentPaymentProvider
        ? { [DEV_PAY_PATH]: createDevPayRoute(provider, (id) => services.paymentLinks.openDevLink(id)) }
        : {}),
    },
    createContext: ({ viewer }) => ({
      viewer,
      loaders: createPaymentsLoaders(services.reads, services.currency),
      logger: deps.logger,
      services,
    }),
    // The consumer and the charger first (they write events), the relay last so it publishes what they wrote.
    async onClose() {
      await Promise.all([...tripEvents, ...driverEvents, ...shiftEvents].map((consumer) => consumer.stop()));
      await services.charger.stop();
      await services.rent.stop();
      await services.payouts.sender.stop();
      (provider as Partial<{ close(): void }>).close?.();
      await relay.stop();
    },
  });
  return { ...built, services, relay, tripEvents };
}
