// Payouts wired together (MONEY.md "Payouts"): destinations, batches, bulk CSV, the sender and the outcomes.
import type { Logger } from '../../../../../platform/logging/index.js';
import type { PaymentProvider } from '../../providers/provider.js';
import type { PaymentsPrisma } from '../../store/database.js';
import type { Ledger } from '../ledger.js';
import { createPayoutBatches, type PayoutBatches } from './batches.js';
import { createBulkPayouts } from './bulk.js';
import { createDataCipher } from './data-key.js';
import { createDestinations } from './destinations.js';
import { createPayoutOutcomes } from './outcomes.js';
import { createPayoutSender } from './sender.js';

export interface PayoutsDeps {
  prisma: PaymentsPrisma;
  provider: PaymentProvider;
  ledger: Ledger;
  currency: string;
  /** PAYMENTS_DATA_KEY: encrypts account numbers. */
  dataKey: Buffer;
  logger: Logger;
  wakeRelay: () => void;
  background: <T>(work: () => T) => T;
  pollIntervalMs?: number;
}

export function createPayouts(deps: PayoutsDeps) {
  const destinations = createDestinations({ prisma: deps.prisma, cipher: createDataCipher(deps.dataKey) });
  const outcomes = createPayoutOutcomes(deps.ledger, deps.prisma);
  let batches: PayoutBatches;
  const sender = createPayoutSender({
    prisma: deps.prisma,
    provider: deps.provider,
    destinations,
    outcomes,
    batches: () => batches,
    logger: deps.logger,
    afterCommit: deps.wakeRelay,
    pollIntervalMs: deps.pollIntervalMs,
  });
  batches = createPayoutBatches({
    prisma: deps.prisma,
    ledger: deps.ledger,
    currency: deps.currency,
    logger: deps.logger,
    wakeSender: () => deps.background(() => sender.wake()),
  });
  return {
    /** For the resolvers' reads (store/payout-store.ts). */
    db: deps.prisma,
    destinations,
    outcomes,
    sender,
    batches,
    bulk: createBulkPayouts({ prisma: deps.prisma, currency: deps.currency }),
  };
}

export type Payouts = ReturnType<typeof createPayouts>;
