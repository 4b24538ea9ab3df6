// fleet's part of the operations summary (trips' Query.operationsSummary, OPERATIONS-SUMMARY.md): drivers online
// and their online hours for the range and scope the summary's id carries. The viewer is checked again here with the
// rule trips applies (platform/operations-summary): an id is only a request, never a permission.
import type { Viewer } from '../../../../platform/auth/index.js';
import {
  decodeSummaryId,
  isStatementTimeout,
  summaryScope,
  summaryTimedOut,
  summaryTransactionSettings,
} from '../../../../platform/operations-summary/index.js';
import type { FleetStore } from '../store/store.js';

export interface OnlineSummary {
  driversOnline: number;
  driverHoursOnline: number;
}

export function createOperationsOnlineService({ store, now, statementTimeoutMs }: { store: FleetStore; now: () => Date; statementTimeoutMs?: number }) {
  return {
    /**
     * @throws AppError BAD_USER_INPUT (`field: "id"`) for a malformed id, the range errors of `summaryScope`, and
     *   FORBIDDEN for a fleet manager whose id names another fleet (or any role but staff and fleet managers);
     *   QUERY_TIMEOUT when the statement ran past the summaries' time limit.
     */
    async online(viewer: Viewer | null, id: string): Promise<OnlineSummary> {
      const scope = summaryScope(viewer, decodeSummaryId(id));
      try {
        // A read transaction only for SET LOCAL: the limit and JIT off apply to this statement alone.
        const totals = await store.transaction(async ({ shiftSummary }) => {
          await shiftSummary.applySettings(summaryTransactionSettings(statementTimeoutMs));
          return shiftSummary.onlineTotals(scope, now());
        });
        return { driversOnline: totals.drivers, driverHoursOnline: totals.onlineSeconds / 3600 };
      } catch (error) {
        if (isStatementTimeout(error)) throw summaryTimedOut();
        throw error;
      }
    },
  };
}

/** `driverHoursOnTrip / driverHoursOnline`, null without online hours. */
export const utilisation = (hoursOnTrip: number, hoursOnline: number): number | null => (hoursOnline > 0 ? hoursOnTrip / hoursOnline : null);
