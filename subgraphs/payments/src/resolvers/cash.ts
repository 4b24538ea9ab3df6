// Cash reconciliation in GraphQL: `cashDiscrepancies` (operations: every fleet; a FLEET_MANAGER: their fleets),
// `Driver.cashShifts` (the driver's money readers, services/driver-access.ts) and `recordCashCorrection`.
import { hasAnyRole, type Viewer } from '../../../../platform/auth/index.js';
import { AppError, badInput } from '../../../../platform/errors/index.js';
import { isUuid, readPageArgs, toConnection } from '../../../../platform/graphql/index.js';
import type {
  CashCorrectionResolvers,
  CashShiftResolvers,
  CashShiftTripResolvers,
  DriverResolvers,
  MutationResolvers,
  QueryResolvers,
} from '../generated/resolvers-types.js';
import { canSeeDriverMoney, isOperations } from '../services/driver-access.js';
import { toMoney } from '../services/money.js';
import type { CashShiftRow } from '../store/cash-shifts.js';

const cursorOf = (shift: CashShiftRow) => ({ at: shift.checkedOutAt, id: shift.attendanceId });

function checkPeriod(from: Date | null | undefined, to: Date | null | undefined): void {
  if (from && to && !(from < to)) throw badInput('from must be before to', 'from');
}

/** The fleets the viewer may list: null = every fleet (operations). @throws AppError FORBIDDEN for another fleet or a non-manager. */
function visibleFleets(viewer: Viewer | null, fleetId: string | null | undefined): string[] | null {
  if (!viewer) throw new AppError('UNAUTHENTICATED', 'Sign in to read cashDiscrepancies');
  if (isOperations(viewer)) return fleetId ? [fleetId] : null;
  if (!hasAnyRole(viewer, ['FLEET_MANAGER'])) throw new AppError('FORBIDDEN', 'Only operations staff and fleet managers may read cashDiscrepancies');
  if (!fleetId) return [...viewer.fleetIds];
  if (!viewer.fleetIds.includes(fleetId)) throw new AppError('FORBIDDEN', 'You do not manage this fleet');
  return [fleetId];
}

export const CashQuery: Pick<QueryResolvers, 'cashDiscrepancies'> = {
  async cashDiscrepancies(_parent, { filter, ...pageArgs }, { viewer, services }) {
    const page = readPageArgs(pageArgs);
    if (filter?.fleetId && !isUuid(filter.fleetId)) throw badInput('filter.fleetId is not an id', 'filter.fleetId');
    if (filter?.driverId && !isUuid(filter.driverId)) throw badInput('filter.driverId is not an id', 'filter.driverId');
    checkPeriod(filter?.from, filter?.to);
    const fleetIds = visibleFleets(viewer, filter?.fleetId);
    const rows = await services.reads.cashShiftsPage(
      { fleetIds, driverId: filter?.driverId ?? null, from: filter?.from ?? null, to: filter?.to ?? null, onlyUnbalanced: filter?.onlyUnbalanced ?? true },
      page,
    );
    return toConnection(rows, page, cursorOf);
  },
};

export const CashMutation: Pick<MutationResolvers, 'recordCashCorrection'> = {
  async recordCashCorrection(_parent, { input }, { viewer, services }) {
    const result = await services.cashCorrections.record(viewer, input);
    if (!result.correction) return { correction: null, shift: null, userErrors: result.userErrors };
    const attendanceId = result.correction.attendanceId;
    const shift = attendanceId
      ? ((
          await services.reads.cashShiftsPage(
            { fleetIds: null, driverId: result.correction.driverId, from: null, to: null, onlyUnbalanced: false, attendanceId },
            { take: 1, after: null },
          )
        )[0] ?? null)
      : null;
    return { correction: result.correction, shift, userErrors: [] };
  },
};

/** Added to payments' Driver resolvers (resolvers/index.ts). */
export const DriverCash: Pick<DriverResolvers, 'cashShifts'> = {
  async cashShifts({ id }, { from, to, ...pageArgs }, { viewer, loaders }) {
    const page = readPageArgs(pageArgs);
    checkPeriod(from, to);
    const driver = await loaders.driverProfileById.load(id);
    if (!driver) return toConnection([], page, cursorOf);
    if (!canSeeDriverMoney(viewer, driver))
      throw new AppError('FORBIDDEN', "Only the driver, their fleet's managers and operations staff may read Driver.cashShifts");
    const rows = await loaders.cashShiftsOfDriver(from ?? null, to ?? null).load({ key: driver.driverId, page });
    return toConnection(rows, page, cursorOf);
  },
};

export const CashShift: CashShiftResolvers = {
  id: (shift) => shift.attendanceId,
  driver: (shift) => ({ id: shift.driverId }),
  collected: (shift) => toMoney(shift.collectedMinor, shift.currency),
  deposited: (shift) => toMoney(shift.depositedMinor, shift.currency),
  corrections: (shift) => toMoney(shift.correctionsMinor, shift.currency),
  difference: (shift) => toMoney(shift.differenceMinor, shift.currency),
  trips: (shift, _args, { loaders }) => loaders.cashPaymentsByShiftId.load(shift.attendanceId),
};

export const CashShiftTrip: CashShiftTripResolvers = {
  trip: (payment) => ({ id: payment.tripId! }),
  amount: (payment) => toMoney(payment.amountMinor, payment.currency),
  endedAt: (payment) => payment.tripCompletedAt!,
};

export const CashCorrection: CashCorrectionResolvers = {
  driver: (correction) => ({ id: correction.driverId }),
  amount: (correction) => toMoney(correction.amountMinor, correction.currency),
};
