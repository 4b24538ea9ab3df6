// Builds the payments subgraph (schema, context, resources) without listening; starts its background work: the
// outbox relay, the settlement consumer of trips' events and the charger, all stopped on close.
import { AsyncLocalStorage } from 'node:async_hooks';
import { startOutboxRelay, type EventConsumer, type OutboxRelay } from '../../../platform/events/index.js';
import { defineSubgraph, type BuiltSubgraph, type SubgraphDeps } from '../../../platform/graphql/index.js';
import type { PaymentsContext } from './context.js';
import { createPaymentsLoaders } from './loaders.js';
import { DevelopmentPaymentProvider } from './providers/development-provider.js';
import type { PaymentProvider } from './providers/provider.js';
import { resolvers } from './resolvers/index.js';
import { createPaymentsServices, type PaymentsServices } from './services/index.js';
import { TRIP_SETTLEMENT_TYPES } from './services/trip-settlement.js';
import { openPaymentsDatabase } from './store/database.js';
import { createWebhookRoute, WEBHOOK_PATH } from './webhooks/webhook-route.js';

/** Replaceable parts, for tests. Every one has a production default. */
export interface PaymentsBuildOptions {
  /** Default: the development provider, its webhooks delivered to this subgraph in-process. */
  provider?: PaymentProvider;
  /** The wallets' currency. Default USD. */
  currency?: string;
  /** Largest top-up or refund in minor units. Default 1,000,000. */
  maxAmountMinor?: number;
  /** Default true: consume trips' events and run the charger (tests of other behaviour may drive them by hand). */
  background?: boolean;
  chargerPollIntervalMs?: number;
}

export type PaymentsSubgraph = BuiltSubgraph<PaymentsContext> & {
  services: PaymentsServices;
  relay: OutboxRelay;
  tripEvents: EventConsumer | null;
};

export async function buildPaymentsSubgraph(deps: SubgraphDeps, options: PaymentsBuildOptions = {}): Promise<PaymentsSubgraph> {
  const logger = deps.logger.child({ subgraph: 'payments' });
  // deps.onStatement observes the statements requests send (tests prove batching by counting them); the relay, the
  // consumer and the charger run in this context and are not reported, so counts stay per request.
  const background = new AsyncLocalStorage<true>();
  const inBackground = <T>(work: () => T): T => background.run(true, work);
  const onStatement = deps.onStatement && ((sql: string) => background.getStore() || deps.onStatement!(sql));
  const prisma = openPaymentsDatabase(deps.database, onStatement);

  const relay = inBackground(() => startOutboxRelay({ db: prisma, schema: 'payments', source: 'payments', bus: deps.events, logger }));
  const wakeRelay = () => inBackground(() => relay.wake());
  let handleWebhookBody: ((rawBody: Buffer, headers: Record<string, string>) => Promise<unknown>) | null = null;
  const provider =
    options.provider ??
    new DevelopmentPaymentProvider({
      webhookSecret: 'whsec_development',
      deliver: (rawBody, headers) => inBackground(() => handleWebhookBody!(rawBody, headers)),
    });
  const services = createPaymentsServices({
    prisma,
    provider,
    currency: options.currency ?? 'USD',
    maxAmountMinor: options.maxAmountMinor ?? 1_000_000,
    logger,
    wakeRelay,
    background: inBackground,
    chargerPollIntervalMs: options.chargerPollIntervalMs,
  });
  const webhookRoute = createWebhookRoute({ provider, handle: services.handleWebhook, logger });
  handleWebhookBody = async (rawBody, headers) => {
    const answer = await webhookRoute({ headers } as never, rawBody);
    if (answer.status >= 300) throw new Error(`webhook answered ${answer.status}`);
  };

  const runBackground = options.background !== false;
  const tripEvents = runBackground
    ? inBackground(() =>
        deps.events.consume({
          group: 'payments',
          types: TRIP_SETTLEMENT_TYPES,
          handle: (event) =>
            inBackground(async () => {
              if (await services.settleTripEvent(event)) wakeRelay();
            }),
        }),
      )
    : null;
  if (runBackground) inBackground(() => services.charger.start());

  const built = defineSubgraph<PaymentsContext>({
    name: 'payments',
    resolvers,
    database: prisma,
    verifyAccessToken: deps.auth.verify,
    gatewaySecret: deps.auth.config.gatewaySecret,
    logger: deps.logger,
    postRoutes: { [WEBHOOK_PATH]: webhookRoute },
    createContext: ({ viewer }) => ({
      viewer,
      loaders: createPaymentsLoaders(services.reads, services.currency),
      logger: deps.logger,
      services,
    }),
    // The consumer and the charger first (they write events), the relay last so it publishes what they wrote.
    async onClose() {
      await tripEvents?.stop();
      await services.charger.stop();
      await relay.stop();
    },
  });
  return { ...built, services, relay, tripEvents };
}
