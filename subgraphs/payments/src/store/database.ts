// Opens payments' Prisma client on its own schema namespace ("payments").
import { createPrismaAdapter, type DatabaseTarget, type StatementListener } from '../../../../platform/db/index.js';
import { PrismaClient } from './prisma/client.js';

export type PaymentsPrisma = PrismaClient;

export function openPaymentsDatabase(target: DatabaseTarget, onStatement?: StatementListener): PaymentsPrisma {
  return new PrismaClient({ adapter: createPrismaAdapter(target, 'payments', { onStatement }) });
}
