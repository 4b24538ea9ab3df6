// The client or an open transaction: every store function works on either.
import type { PaymentsPrisma } from './database.js';
import type { Prisma } from './prisma/client.js';

export type Db = PaymentsPrisma | Prisma.TransactionClient;
export type Tx = Prisma.TransactionClient;

/** Raw SQL is not namespaced by the adapter: every raw statement names payments' schema. */
export const SCHEMA = 'payments';
