// What payments' resolvers receive as parents (codegen `mappers`).
export type { Payment as PaymentModel, Refund as RefundModel, PaymentCard as CardModel } from '../store/prisma/client.js';
export type { PostingWithEntry as WalletEntryModel } from '../store/payment-reads.js';
export type { PaymentMethodView as PaymentMethodModel } from '../services/payment-methods.js';
import type { LedgerAccount } from '../store/prisma/client.js';

/** A user's wallet: their wallet account in the platform currency. */
export interface WalletModel {
  userId: string;
  account: LedgerAccount;
}

/** A user as another subgraph refers to it: identity owns users, payments only knows their id. */
export interface UserRef {
  id: string;
}

/** A trip as trips refers to it: payments knows only its id. */
export interface TripRef {
  id: string;
}

/** A driver as fleet refers to it (the driver profile id); payments reads the rest from driver_profiles. */
export interface DriverRef {
  id: string;
}

export type { PayoutDestination as PayoutDestinationModel, PayoutItem as PayoutItemModel, PayoutBatch as PayoutBatchModel } from '../store/prisma/client.js';
