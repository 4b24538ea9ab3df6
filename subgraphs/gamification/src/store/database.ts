// Opens gamification's Prisma client on its own schema namespace ("gamification").
import { createPrismaAdapter, type DatabaseTarget, type StatementListener } from '../../../../platform/db/index.js';
import { PrismaClient } from './prisma/client.js';

export type GamificationPrisma = PrismaClient;

export function openGamificationDatabase(target: DatabaseTarget, onStatement?: StatementListener): GamificationPrisma {
  return new PrismaClient({ adapter: createPrismaAdapter(target, 'gamification', { onStatement }) });
}
