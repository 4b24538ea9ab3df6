// Opens fleet's Prisma client on its own schema namespace ("fleet").
import { createPrismaAdapter, type DatabaseTarget, type StatementListener } from '../../../../platform/db/index.js';
import { PrismaClient } from './prisma/client.js';

export type FleetPrisma = PrismaClient;

export function openFleetDatabase(target: DatabaseTarget, onStatement?: StatementListener): FleetPrisma {
  return new PrismaClient({ adapter: createPrismaAdapter(target, 'fleet', { onStatement }) });
}
