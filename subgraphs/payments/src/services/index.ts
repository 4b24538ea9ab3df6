// payments' services wired together once per subgraph instance (they hold no per-request state).
import { createEventBatcher } from '../../../../platform/events/index.js';
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
import { createTripSettlement } from './trip-settlement.js';
import { createWebhookHandler } from './webhooks.js';
import type { DriverProfileListener } from './driver-directory.js';
import { createDriverMoney } from './driver-earnings.js';
import { createCashCorrections } from './cash-corrections.js';
import { createCashHandover } from './cash-handover.js';
import { createRental } from './rental/index.js';
import { createLinkReads } from '../store/link-store.js';
import { createPaymentLinks } from './payment-links.js';
import { createVehicleQrPayments } from './vehicle-qr.js';
import { createPayouts } from './payouts/index.js';
import { createOperationsCommission } from './operations-commission.js';

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
  /** The clock of rent periods, plan assignments and exits (default: the system's); tests inject a simulated one. */
  now?: () => Date;
  /** How often the rent job runs a pass (default 60 000 ms). */
  rentIntervalMs?: number;
  /** PAYMENTS_PUBLIC_URL: vehicle payment QR codes hold `<it>/pay/vehicles/<id>`. Default http://localhost:4004. */
  publicUrl?: string;
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
  const paymentLinks = createPaymentLinks({ prisma, provider, ledger, settler, currency: deps.currency, maxAmountMinor: deps.maxAmountMinor, logger });
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
  const rental = createRental({
    prisma,
    ledger,
    currency: deps.currency,
    maxAmountMinor: deps.maxAmountMinor,
    logger,
    now: deps.now ?? (() => new Date()),
    rentIntervalMs: deps.rentIntervalMs,
  });
  const driverProfileListeners: DriverProfileListener[] = [];
  // A vehicle assigned to a driver on no plan puts them on their category's auto-assigned plan.
  driverProfileListeners.push(rental.assignments.onDriverProfile);
  return {
    logger,
    currency: deps.currency,
    maxAmountMinor: deps.maxAmountMinor,
    reads: createPaymentReads(prisma),
    driverMoney: createDriverMoney(prisma, deps.currency),
    ledger,
    charger,
    refunds: { ...refunds, refund: thenWake((...args: Parameters<Refunds['refund']>) => refunds.refund(...args)) },
    topUps: { topUp: thenWake((...args: Parameters<TopUps['topUp']>) => topUps.topUp(...args)) },
    paymentMethods: createPaymentMethods({ prisma, provider }),
    commission,
    /** OperationsSummary.commission (trips' operations summary). */
    operationsCommission: createOperationsCommission(prisma),
    /** One trip event in its own transaction. */
    settleTripEvent: settlement.settleOne,
    /** Trip events as the consumer group's members hand them over: batched (platform/events/batcher.ts). */
    settleTripEventBatched: createEventBatcher({ batch: settlement.settleBatch, one: settlement.settleOne, logger, name: 'settlement' }),
    settleTripEvents: settlement.settleBatch,
    /** Cash reconciliation: fleet's shift.checked_out (group payments.cash) and managers' corrections. */
    handleShiftCheckedOut: createCashHandover({ prisma, ledger, logger }),
    cashCorrections: createCashCorrections({ prisma, ledger, currency: deps.currency, maxAmountMinor: deps.maxAmountMinor }),
    /** Told in the consumer's transaction when fleet announces a newer driver profile (services/driver-directory.ts). */
    driverProfileListeners,
    /** Rental plans, drivers' assignments, deposits and exits (services/rental). */
    rental,
    /** The rent job: `rent.accrueDue(now?)` runs one pass by hand (tests, operations); start/stop the loop. */
    rent: rental.accrual,
    handleWebhook: createWebhookHandler({
      prisma,
      providerName: provider.name,
      settler,
      flow,
      refunds,
      logger,
      afterCommit: deps.wakeRelay,
      links: () => paymentLinks,
      onPayoutEvent: (tx, event) => payouts.outcomes.onWebhook(tx, event),
    }),
    /** Payout destinations, batches (fleet and bulk CSV) and the sender (MONEY.md "Payouts"). */
    payouts,
    /** Payment links (services/payment-links.ts) and vehicle payment QR codes (services/vehicle-qr.ts). */
    paymentLinks,
    linkReads: createLinkReads(prisma),
    vehicleQr: createVehicleQrPayments({ links: paymentLinks, providerName: provider.name }),
    publicUrl: deps.publicUrl ?? 'http://localhost:4004',
  };
}

export type PaymentsServices = ReturnType<typeof createPaymentsServices>;
