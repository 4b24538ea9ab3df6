// Opens identity's Prisma client on its own schema namespace ("identity").
import { createPrismaAdapter, type DatabaseTarget, type StatementListener } from '../../../../platform/db/index.js';
import { PrismaClient } from './prisma/client.js';

export type IdentityPrisma = PrismaClient;

export function openIdentityDatabase(target: DatabaseTarget, onStatement?: StatementListener): IdentityPrisma {
  return new PrismaClient({ adapter: createPrismaAdapter(target, 'identity', { onStatement }) });
}
