// The client a store function runs on: the subgraph's Prisma client or a transaction of it.
import type { NotificationsPrisma } from './database.js';
import type { Prisma } from './prisma/client.js';

export type Db = NotificationsPrisma | Prisma.TransactionClient;
export type Tx = Prisma.TransactionClient;
