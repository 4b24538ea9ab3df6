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

/** A driver as fleet refers to it: payments reads its own copy of the profile (store/driver-profiles.ts) by id. */
export interface DriverRef {
  id: string;
}

export type { StatementPosting as DriverStatementEntryModel } from '../store/driver-money-reads.js';
// Cash reconciliation (resolvers/cash.ts).
export type { CashShiftRow as CashShiftModel } from '../store/cash-shifts.js';
export type { CashCorrection as CashCorrectionModel } from '../store/prisma/client.js';
/** A cash payment of a shift. */
export type { Payment as CashShiftTripModel } from '../store/prisma/client.js';
export type { PaymentLink as PaymentLinkModel } from '../store/prisma/client.js';

/** A vehicle as fleet refers to it: payments knows only its id (the payment QR code encodes it). */
export interface VehicleRef {
  id: string;
}
export type { PayoutDestination as PayoutDestinationModel, PayoutItem as PayoutItemModel, PayoutBatch as PayoutBatchModel } from '../store/prisma/client.js';
