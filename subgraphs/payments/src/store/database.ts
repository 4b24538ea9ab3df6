// Opens payments' Prisma client on its own schema namespace ("payments").
import { createPrismaAdapter, type DatabaseTarget, type StatementListener } from '../../../../platform/db/index.js';
import { PrismaClient } from './prisma/client.js';

export type PaymentsPrisma = PrismaClient;

/**
 * Work on one wallet serializes on its row, so a transaction may queue behind a few dozen others (50 racing charges
 * on one wallet is a tested case); Prisma's defaults (2 s to start, 5 s to run) would turn that queue into errors.
 */
const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 20_000 };

export function openPaymentsDatabase(target: DatabaseTarget, onStatement?: StatementListener): PaymentsPrisma {
  return new PrismaClient({ adapter: createPrismaAdapter(target, 'payments', { onStatement }), transactionOptions: TRANSACTION_OPTIONS });
}
