// Per-request DataLoaders for payments. Every per-entity lookup (`_entities` of User and Trip, a payment's card and
// refunds) goes through these, so the statements a request sends do not grow with the items it returns.
import { createByIdLoader, createByKeyLoader, createGroupLoader, createPagedListLoader } from '../../../platform/graphql/index.js';
import type { PaymentReads } from './store/payment-reads.js';
import type { CashShiftRow } from './store/cash-shifts.js';
import type { DriverProfile } from './store/driver-profiles.js';
import type { LedgerAccount, Payment } from './store/prisma/client.js';

export type PaymentsLoaders = ReturnType<typeof createPaymentsLoaders>;

export function createPaymentsLoaders(reads: PaymentReads, currency: string) {
  // Driver.cashShifts: one paged loader per period (the period changes the SQL), so drivers asked with the same
  // period and page arguments share one statement.
  const cashShiftLoaders = new Map<string, ReturnType<typeof cashShiftsPages>>();
  const cashShiftsPages = (from: Date | null, to: Date | null) =>
    createPagedListLoader<CashShiftRow>((driverIds, page) => reads.cashShiftsPagesByDrivers(driverIds, { from, to }, page));
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
    /** A page of each driver's shifts in [from, to) of check-out (Driver.cashShifts). */
    cashShiftsOfDriver(from: Date | null, to: Date | null) {
      const key = `${from?.toISOString() ?? ''}|${to?.toISOString() ?? ''}`;
      let loader = cashShiftLoaders.get(key);
      if (!loader) cashShiftLoaders.set(key, (loader = cashShiftsPages(from, to)));
      return loader;
    },
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
