// Driver.earnings: a period's movements of a driver's accounts turned into the numbers a driver and their fleet
// manager read (MONEY.md "Driver money" says which cause lands in which number).
import type { Db } from '../store/db.js';
import type { PageRequest } from '../../../../platform/graphql/index.js';
import { commissionOnFares, driverAccounts, movementTotals, statementPage, type MovementTotal } from '../store/driver-money-reads.js';
import type { LedgerCause } from '../store/prisma/client.js';

/** A driver's period: every amount in minor units of one currency. */
export interface DriverEarningsView {
  from: Date;
  to: Date;
  currency: string;
  trips: number;
  grossMinor: bigint;
  commissionMinor: bigint;
  netMinor: bigint;
  adjustmentsMinor: bigint;
  cashCollectedMinor: bigint;
  cashHandedInMinor: bigint;
  rentMinor: bigint;
  depositDeductedMinor: bigint;
  paidOutMinor: bigint;
  earningsBalanceMinor: bigint;
  cashHeldMinor: bigint;
  payableBalanceMinor: bigint;
}

const FARE_CAUSES: readonly LedgerCause[] = ['TRIP_FARE', 'CANCELLATION_FEE'];
/** Causes of earnings movements that have a number of their own; every other cause is an adjustment. */
const OWN_LINE_CAUSES: readonly LedgerCause[] = [...FARE_CAUSES, 'RENT', 'DEPOSIT', 'PAYOUT', 'PAYOUT_RETURNED'];

/** What a payout may pay: earnings plus cash held (cash not handed in is netted), never below 0. */
export function payableBalance(earningsMinor: bigint, cashHeldMinor: bigint): bigint {
  const payable = earningsMinor + cashHeldMinor;
  return payable > 0n ? payable : 0n;
}

const sumWhere = (totals: readonly MovementTotal[], test: (t: MovementTotal) => boolean) => totals.filter(test).reduce((sum, t) => sum + t.sumMinor, 0n);

export async function driverEarnings(db: Db, userId: string, currency: string, from: Date, to: Date): Promise<DriverEarningsView> {
  const [totals, commissionMinor, accounts] = await Promise.all([
    movementTotals(db, userId, currency, from, to),
    commissionOnFares(db, userId, currency, from, to),
    driverAccounts(db, userId, currency),
  ]);
  const earnings = totals.filter((t) => t.kind === 'DRIVER_EARNINGS');
  const cash = totals.filter((t) => t.kind === 'DRIVER_CASH_HELD');
  const isFare = (t: MovementTotal) => FARE_CAUSES.includes(t.cause);
  const netMinor = sumWhere(earnings, isFare);
  const balanceOf = (kind: string) => accounts.find((a) => a.kind === kind)?.balanceMinor ?? 0n;
  const earningsBalanceMinor = balanceOf('DRIVER_EARNINGS');
  const cashHeldMinor = balanceOf('DRIVER_CASH_HELD');
  return {
    from,
    to,
    currency,
    trips: earnings.filter(isFare).reduce((n, t) => n + t.creditedEntries, 0),
    grossMinor: netMinor + commissionMinor,
    commissionMinor,
    netMinor,
    adjustmentsMinor: sumWhere(earnings, (t) => !OWN_LINE_CAUSES.includes(t.cause)),
    // Cash fares put −F on cash held; a fare paid by QR instead gives it back (LINK_PAYMENT): not collected.
    cashCollectedMinor: -sumWhere(cash, (t) => isFare(t) || t.cause === 'LINK_PAYMENT'),
    cashHandedInMinor: sumWhere(cash, (t) => t.cause === 'CASH_HANDOVER' || t.cause === 'CASH_CORRECTION'),
    rentMinor: -sumWhere(earnings, (t) => t.cause === 'RENT'),
    depositDeductedMinor: -sumWhere(earnings, (t) => t.cause === 'DEPOSIT'),
    paidOutMinor: -sumWhere(earnings, (t) => t.cause === 'PAYOUT' || t.cause === 'PAYOUT_RETURNED'),
    earningsBalanceMinor,
    cashHeldMinor,
    payableBalanceMinor: payableBalance(earningsBalanceMinor, cashHeldMinor),
  };
}

export type DriverMoney = ReturnType<typeof createDriverMoney>;

/** What the resolvers read of a driver's money, in the platform currency. */
export function createDriverMoney(db: Db, currency: string) {
  return {
    earnings: (userId: string, from: Date, to: Date) => driverEarnings(db, userId, currency, from, to),
    accounts: (userId: string) => driverAccounts(db, userId, currency),
    statementPage: (accountIds: readonly string[], range: { from?: Date | null; to?: Date | null }, page: PageRequest) =>
      statementPage(db, accountIds, range, page),
  };
}
