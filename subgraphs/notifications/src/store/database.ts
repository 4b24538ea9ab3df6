// Opens notifications' Prisma client on its own schema namespace ("notifications").
import { createPrismaAdapter, type DatabaseTarget, type StatementListener } from '../../../../platform/db/index.js';
import { PrismaClient } from './prisma/client.js';

export type NotificationsPrisma = PrismaClient;

export function openNotificationsDatabase(target: DatabaseTarget, onStatement?: StatementListener): NotificationsPrisma {
  return new PrismaClient({ adapter: createPrismaAdapter(target, 'notifications', { onStatement }) });
}
