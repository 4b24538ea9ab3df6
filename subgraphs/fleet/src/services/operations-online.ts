// fleet's part of the operations summary (trips' Query.operationsSummary, OPERATIONS-SUMMARY.md): drivers online
// and their online hours for the range and scope the summary's id carries. The viewer is checked again here with the
// rule trips applies (platform/operations-summary): an id is only a request, never a permission.
import type { Viewer } from '../../../../platform/auth/index.js';
import { decodeSummaryId, summaryScope } from '../../../../platform/operations-summary/index.js';
import type { FleetStore } from '../store/store.js';

export interface OnlineSummary {
  driversOnline: number;
  driverHoursOnline: number;
}

export function createOperationsOnlineService({ store, now }: { store: FleetStore; now: () => Date }) {
  return {
    /**
     * @throws AppError BAD_USER_INPUT (`field: "id"`) for a malformed id, the range errors of `summaryScope`, and
     *   FORBIDDEN for a fleet manager whose id names another fleet (or any role but staff and fleet managers).
     */
    async online(viewer: Viewer | null, id: string): Promise<OnlineSummary> {
      const scope = summaryScope(viewer, decodeSummaryId(id));
      const totals = await store.shiftSummary.onlineTotals(scope, now());
      return { driversOnline: totals.drivers, driverHoursOnline: totals.onlineSeconds / 3600 };
    },
  };
}

/** `driverHoursOnTrip / driverHoursOnline`, null without online hours. */
export const utilisation = (hoursOnTrip: number, hoursOnline: number): number | null => (hoursOnline > 0 ? hoursOnTrip / hoursOnline : null);
