// What payments' resolvers receive as parents (codegen `mappers`).
export type { Wallet as WalletModel } from '../store/prisma/client.js';

/** A user as another subgraph refers to it: identity owns users, payments only knows their id. */
export interface UserRef {
  id: string;
}
