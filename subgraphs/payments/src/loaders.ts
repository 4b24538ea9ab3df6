// Per-request DataLoaders for payments. Every per-entity lookup (`_entities` of User and Trip, a payment's card and
// refunds) goes through these, so the statements a request sends do not grow with the items it returns.
import { createByIdLoader, createByKeyLoader, createGroupLoader } from '../../../platform/graphql/index.js';
import type { PaymentReads } from './store/payment-reads.js';
import type { DriverProfile } from './store/driver-profiles.js';
import type { LedgerAccount, Payment } from './store/prisma/client.js';

export type PaymentsLoaders = ReturnType<typeof createPaymentsLoaders>;

export function createPaymentsLoaders(reads: PaymentReads, currency: string) {
  return {
    paymentById: createByIdLoader((ids) => reads.paymentsByIds(ids)),
    /** Per trip: its fare's payment when there is one, else its cancellation fee's. */
    paymentByTripId: createGroupLoader(
      (tripIds) => reads.paymentsByTripIds(tripIds),
      (payment: Payment) => payment.tripId!,
    ),
    refundsByPaymentId: createGroupLoader(
      (ids) => reads.refundsByPaymentIds(ids),
      (refund) => refund.paymentId,
    ),
    cardById: createByIdLoader((ids) => reads.cardsByIds(ids)),
    cardsByUserId: createGroupLoader(
      (ids) => reads.cardsByUserIds(ids),
      (card) => card.userId,
    ),
    profileByUserId: createByKeyLoader(
      (ids) => reads.profilesByUserIds(ids),
      (profile) => profile.userId,
    ),
    /** The users' wallet accounts in the platform currency, opened when missing. */
    walletByUserId: createByKeyLoader(
      async (userIds) => {
        await reads.ensureWallets(userIds, currency);
        return reads.accountsOf('RIDER_WALLET', userIds, currency);
      },
      (account: LedgerAccount) => account.ownerId!,
    ),
    /** payments' copy of fleet's driver profiles (who the driver is, which fleet). */
    driverProfileById: createByKeyLoader(
      (driverIds) => reads.driverProfilesByIds(driverIds),
      (profile: DriverProfile) => profile.driverId,
    ),
    /** The cash payments behind each shift (CashShift.trips), one statement per batch of shifts. */
    cashPaymentsByShiftId: createGroupLoader(
      (attendanceIds) => reads.cashPaymentsOfShifts(attendanceIds),
      (payment) => payment.attendanceId,
    ),
    balanceDueByUserId: createByKeyLoader(
      (userIds) => reads.accountsOf('RIDER_BALANCE_DUE', userIds, currency),
      (account: LedgerAccount) => account.ownerId!,
    ),
  };
}
