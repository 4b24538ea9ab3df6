// What payments' resolvers read, batched: every per-entity lookup takes many keys at once (DataLoaders in
// loaders.ts), so a page of trips with payments costs the same statements for 5 and for 50.
import { afterCursorWhere, newestFirst, type PageRequest } from '../../../../platform/graphql/index.js';
import type { Db } from './db.js';
import { findDriverProfiles } from './driver-profiles.js';
import { cashPaymentsOfShifts, cashShiftsPage, cashShiftsPagesByDrivers, type CashShiftFilter } from './cash-shifts.js';
import type { LedgerAccount, LedgerAccountKind, Payment, PaymentCard, PaymentProfile, Posting, JournalEntry, Prisma, Refund } from './prisma/client.js';

export type PostingWithEntry = Posting & { entry: JournalEntry };

export function createPaymentReads(db: Db) {
  return {
    paymentsByIds: (ids: readonly string[]): Promise<Payment[]> => db.payment.findMany({ where: { id: { in: [...ids] } } }),
    paymentsByTripIds: (tripIds: readonly string[]): Promise<Payment[]> => db.payment.findMany({ where: { tripId: { in: [...tripIds] } } }),
    refundsByPaymentIds: (ids: readonly string[]): Promise<Refund[]> =>
      db.refund.findMany({ where: { paymentId: { in: [...ids] } }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    cardsByIds: (ids: readonly string[]): Promise<PaymentCard[]> => db.paymentCard.findMany({ where: { id: { in: [...ids] } } }),
    cardsByUserIds: (userIds: readonly string[]): Promise<PaymentCard[]> =>
      db.paymentCard.findMany({ where: { userId: { in: [...userIds] }, removedAt: null }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
    profilesByUserIds: (userIds: readonly string[]): Promise<PaymentProfile[]> => db.paymentProfile.findMany({ where: { userId: { in: [...userIds] } } }),
    driverProfilesByIds: (driverIds: readonly string[]) => findDriverProfiles(db, driverIds),
    accountsOf: (kind: LedgerAccountKind, ownerIds: readonly string[], currency: string): Promise<LedgerAccount[]> =>
      db.ledgerAccount.findMany({ where: { kind, currency, ownerId: { in: [...ownerIds] } } }),
    /**
     * Opens the users' wallet accounts that do not exist yet (one statement for all), so a wallet has a stable id
     * before the first money moves into it.
     */
    async ensureWallets(userIds: readonly string[], currency: string): Promise<void> {
      await db.$executeRaw`insert into payments.ledger_accounts (id, kind, owner_id, currency)
        select gen_random_uuid(), 'RIDER_WALLET', u, ${currency} from unnest(${[...userIds]}::uuid[]) as u
        on conflict do nothing`;
    },
    /** One page of an account's postings, newest first. */
    postingsPage: (accountId: string, page: PageRequest): Promise<PostingWithEntry[]> =>
      db.posting.findMany({
        where: { accountId, ...afterCursorWhere(page.after) },
        orderBy: newestFirst(),
        take: page.take + 1,
        include: { entry: true },
      }),
    /** Operations' list of payments, newest first. */
    paymentsPage: (where: Prisma.PaymentWhereInput, page: PageRequest): Promise<Payment[]> =>
      db.payment.findMany({ where: { AND: [where, afterCursorWhere(page.after)] }, orderBy: newestFirst(), take: page.take + 1 }),
    /** Cash reconciliation (store/cash-shifts.ts). */
    cashShiftsPage: (filter: CashShiftFilter, page: PageRequest) => cashShiftsPage(db, filter, page),
    cashPaymentsOfShifts: (attendanceIds: readonly string[]) => cashPaymentsOfShifts(db, attendanceIds),
    cashShiftsPagesByDrivers: (driverIds: readonly string[], period: { from: Date | null; to: Date | null }, page: PageRequest) =>
      cashShiftsPagesByDrivers(db, driverIds, period, page),
  };
}

export type PaymentReads = ReturnType<typeof createPaymentReads>;
