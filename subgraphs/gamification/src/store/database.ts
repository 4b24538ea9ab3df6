// Opens gamification's Prisma client on its own schema namespace ("gamification").
import { createPrismaAdapter, type DatabaseTarget, type StatementListener } from '../../../../platform/db/index.js';
import { PrismaClient } from './prisma/client.js';

export type GamificationPrisma = PrismaClient;

/**
 * Points of one user and the stock of one coupon serialize (a user lock, a row update), so a transaction may queue
 * behind many others (200 racing redemptions of one coupon is a tested case); Prisma's defaults (2 s to start, 5 s to
 * run) would turn that queue into errors.
 */
const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 20_000 };

export function openGamificationDatabase(target: DatabaseTarget, onStatement?: StatementListener): GamificationPrisma {
  return new PrismaClient({ adapter: createPrismaAdapter(target, 'gamification', { onStatement }), transactionOptions: TRANSACTION_OPTIONS });
}
