// payments' part of the operations summary (trips' Query.operationsSummary, OPERATIONS-SUMMARY.md): the commission
// for the range and scope the summary's id carries. The viewer is checked again here with the rule trips applies
// (platform/operations-summary): an id is only a request, never a permission.
import type { Viewer } from '../../../../platform/auth/index.js';
import { decodeSummaryId, summaryScope } from '../../../../platform/operations-summary/index.js';
import { commissionTotals } from '../store/commission-summary.js';
import type { Db } from '../store/db.js';

export function createOperationsCommission(db: Db) {
  return {
    /**
     * @throws AppError BAD_USER_INPUT (`field: "id"`) for a malformed id, the range errors of `summaryScope`, and
     *   FORBIDDEN for a fleet manager whose id names another fleet (or any role but staff and fleet managers).
     */
    async commission(viewer: Viewer | null, id: string): Promise<{ currency: string; amountMinor: string }[]> {
      return commissionTotals(db, summaryScope(viewer, decodeSummaryId(id)));
    },
  };
}
