// Opens trips' Prisma client on its own schema namespace ("trips").
import { createPrismaAdapter, type DatabaseTarget, type StatementListener } from '../../../../platform/db/index.js';
import { PrismaClient } from './prisma/client.js';

export type TripsPrisma = PrismaClient;

export function openTripsDatabase(target: DatabaseTarget, onStatement?: StatementListener): TripsPrisma {
  return new PrismaClient({ adapter: createPrismaAdapter(target, 'trips', { onStatement }) });
}
