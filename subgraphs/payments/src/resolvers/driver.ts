// payments' part of a Driver: their money. Readers (services/driver-access.ts): the driver themselves, managers of
// their fleet, operations staff; FORBIDDEN for anyone else, null for a driver payments has not heard of.
import { AppError, badInput } from '../../../../platform/errors/index.js';
import { readPageArgs, toConnection } from '../../../../platform/graphql/index.js';
import type { Viewer } from '../../../../platform/auth/index.js';
import type { DriverResolvers, DriverStatementEntryResolvers } from '../generated/resolvers-types.js';
import { canSeeDriverMoney } from '../services/driver-access.js';
import { toMoney } from '../services/money.js';
import type { DriverProfile } from '../store/driver-profiles.js';
import type { PaymentsLoaders } from '../loaders.js';

/** Longest period `earnings` sums (a year and a day: a leap year fits). */
const MAX_PERIOD_MS = 366 * 24 * 3600 * 1000;

const ACCOUNT_OF_KIND = { DRIVER_EARNINGS: 'EARNINGS', DRIVER_CASH_HELD: 'CASH_HELD', DRIVER_DEPOSIT: 'DEPOSIT' } as const;

/** The driver's profile when the viewer may see their money; null when payments does not know the driver. */
async function readableDriver(viewer: Viewer | null, loaders: PaymentsLoaders, driverId: string, field: string): Promise<DriverProfile | null> {
  const driver = await loaders.driverProfileById.load(driverId);
  if (!driver) return null;
  if (!canSeeDriverMoney(viewer, driver)) throw new AppError('FORBIDDEN', `Only the driver, their fleet's managers and operations staff may read ${field}`);
  return driver;
}

export const Driver: DriverResolvers = {
  // fleet owns whether a driver exists; payments answers for any id, without a lookup.
  __resolveReference: ({ id }) => ({ id }),
  async earnings({ id }, { from, to }, { viewer, loaders, services }) {
    if (!(from < to)) throw badInput('from must be before to', 'from');
    if (to.getTime() - from.getTime() > MAX_PERIOD_MS) throw badInput('A period is at most 366 days', 'to');
    const driver = await readableDriver(viewer, loaders, id, 'Driver.earnings');
    if (!driver) return null;
    const view = await services.driverMoney.earnings(driver.userId, from, to);
    const money = (minor: bigint) => toMoney(minor, view.currency);
    return {
      from: view.from,
      to: view.to,
      trips: view.trips,
      gross: money(view.grossMinor),
      commission: money(view.commissionMinor),
      net: money(view.netMinor),
      adjustments: money(view.adjustmentsMinor),
      cashCollected: money(view.cashCollectedMinor),
      cashHandedIn: money(view.cashHandedInMinor),
      rent: money(view.rentMinor),
      depositDeducted: money(view.depositDeductedMinor),
      paidOut: money(view.paidOutMinor),
      earningsBalance: money(view.earningsBalanceMinor),
      cashHeld: money(view.cashHeldMinor),
      payableBalance: money(view.payableBalanceMinor),
    };
  },
  async statement({ id }, args, { viewer, loaders, services }) {
    if (args.from && args.to && !(args.from < args.to)) throw badInput('from must be before to', 'from');
    const page = readPageArgs(args);
    const driver = await readableDriver(viewer, loaders, id, 'Driver.statement');
    if (!driver) return null;
    const accounts = await services.driverMoney.accounts(driver.userId);
    const rows = accounts.length
      ? await services.driverMoney.statementPage(
          accounts.map((a) => a.id),
          { from: args.from, to: args.to },
          page,
        )
      : [];
    return toConnection(rows, page, (posting) => ({ at: posting.createdAt, id: posting.id }));
  },
};

export const DriverStatementEntry: DriverStatementEntryResolvers = {
  account: (posting) => ACCOUNT_OF_KIND[posting.account.kind as keyof typeof ACCOUNT_OF_KIND],
  amount: (posting) => toMoney(posting.amountMinor, posting.currency),
  balanceAfter: (posting) => toMoney(posting.balanceAfterMinor, posting.currency),
  cause: (posting) => posting.entry.cause,
  description: (posting) => posting.entry.description,
  trip: (posting) => (posting.entry.tripId ? { id: posting.entry.tripId } : null),
  // The driver's readers may see the payments that moved the driver's money (canSeePayment lets the driver see them).
  payment: (posting, _args, { loaders }) => (posting.entry.paymentId ? loaders.paymentById.load(posting.entry.paymentId) : null),
};
