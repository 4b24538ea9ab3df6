// payments' services wired together once per subgraph instance (they hold no per-request state).
import type { Logger } from '../../../../platform/logging/index.js';
import type { PaymentProvider } from '../providers/provider.js';
import type { PaymentsPrisma } from '../store/database.js';
import { createPaymentReads } from '../store/payment-reads.js';
import { createCharger } from './charger.js';
import { createCommissionRules } from './commission.js';
import { createLedger } from './ledger.js';
import { createMethods } from './methods.js';
import { createPaymentFlow, type PaymentFlow } from './payment-flow.js';
import { createPaymentMethods } from './payment-methods.js';
import { createRefunds, type Refunds } from './refunds.js';
import { createSettler } from './settle.js';
import { createTopUps, type TopUps } from './top-up.js';
import { createBatcher } from './batcher.js';
import { createTripSettlement } from './trip-settlement.js';
import { createWebhookHandler } from './webhooks.js';
import type { DriverProfileListener } from './driver-directory.js';
import { createPayouts } from './payouts/index.js';

export interface PaymentsServicesDeps {
  prisma: PaymentsPrisma;
  provider: PaymentProvider;
  /** The wallets' currency (ISO 4217). */
  currency: string;
  /** Largest top-up or refund in minor units. */
  maxAmountMinor: number;
  logger: Logger;
  /** Wakes the outbox relay after a commit that wrote events. */
  wakeRelay: () => void;
  /** Runs background work (charger, consumer) outside request statement counting. */
  background: <T>(work: () => T) => T;
  chargerPollIntervalMs?: number;
  /** PAYMENTS_DATA_KEY (32 bytes): encrypts payout destinations' account numbers. */
  dataKey: Buffer;
  payoutSenderPollIntervalMs?: number;
}

export function createPaymentsServices(deps: PaymentsServicesDeps) {
  const { prisma, provider, logger } = deps;
  const ledger = createLedger();
  const commission = createCommissionRules();
  const settler = createSettler(ledger);
  const methods = createMethods(ledger);
  let flow: PaymentFlow;
  const charger = createCharger({
    prisma,
    provider,
    settler,
    flow: () => flow,
    logger,
    pollIntervalMs: deps.chargerPollIntervalMs,
    afterCommit: deps.wakeRelay,
  });
  flow = createPaymentFlow({ settler, methods, wakeCharger: () => deps.background(() => charger.wake()) });
  const refunds = createRefunds({ prisma, ledger, methods, provider, logger });
  const settlement = createTripSettlement({ prisma, ledger, settler, methods, flow, commission, logger });
  const payouts = createPayouts({
    prisma,
    provider,
    ledger,
    currency: deps.currency,
    dataKey: deps.dataKey,
    logger,
    wakeRelay: deps.wakeRelay,
    background: deps.background,
    pollIntervalMs: deps.payoutSenderPollIntervalMs,
  });
  const topUps = createTopUps({ prisma, charger, currency: deps.currency, maxAmountMinor: deps.maxAmountMinor });
  /** Mutations commit events: the relay publishes them now rather than at its next poll. */
  const thenWake =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const result = await fn(...args);
      deps.wakeRelay();
      return result;
    };
  return {
    logger,
    currency: deps.currency,
    maxAmountMinor: deps.maxAmountMinor,
    reads: createPaymentReads(prisma),
    ledger,
    charger,
    refunds: { ...refunds, refund: thenWake((...args: Parameters<Refunds['refund']>) => refunds.refund(...args)) },
    topUps: { topUp: thenWake((...args: Parameters<TopUps['topUp']>) => topUps.topUp(...args)) },
    paymentMethods: createPaymentMethods({ prisma, provider }),
    commission,
    /** One trip event in its own transaction. */
    settleTripEvent: settlement.settleOne,
    /** Trip events as the consumer group's members hand them over: batched (batcher.ts). */
    settleTripEventBatched: createBatcher({ batch: settlement.settleBatch, one: settlement.settleOne, logger }),
    settleTripEvents: settlement.settleBatch,
    /** Told in the consumer's transaction when fleet announces a newer driver profile (services/driver-directory.ts). */
    driverProfileListeners: [] as DriverProfileListener[],
    handleWebhook: createWebhookHandler({
      prisma,
      providerName: provider.name,
      settler,
      flow,
      refunds,
      logger,
      afterCommit: deps.wakeRelay,
      onPayoutEvent: (tx, event) => payouts.outcomes.onWebhook(tx, event),
    }),
    /** Payout destinations, batches (fleet and bulk CSV) and the sender (MONEY.md "Payouts"). */
    payouts,
  };
}

export type PaymentsServices = ReturnType<typeof createPaymentsServices>;
