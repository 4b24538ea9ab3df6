// payments' part of the operations summary (trips' Query.operationsSummary, OPERATIONS-SUMMARY.md): the commission
// for the range and scope the summary's id carries. The viewer is checked again here with the rule trips applies
// (platform/operations-summary): an id is only a request, never a permission.
import type { Viewer } from '../../../../platform/auth/index.js';
import {
  decodeSummaryId,
  isStatementTimeout,
  summaryScope,
  summaryTimedOut,
  summaryTransactionSettings,
} from '../../../../platform/operations-summary/index.js';
import { commissionTotals } from '../store/commission-summary.js';
import type { PaymentsPrisma } from '../store/database.js';

export function createOperationsCommission(prisma: PaymentsPrisma, options: { statementTimeoutMs?: number } = {}) {
  return {
    /**
     * @throws AppError BAD_USER_INPUT (`field: "id"`) for a malformed id, the range errors of `summaryScope`, and
     *   FORBIDDEN for a fleet manager whose id names another fleet (or any role but staff and fleet managers);
     *   QUERY_TIMEOUT when the statement ran past the summaries' time limit.
     */
    async commission(viewer: Viewer | null, id: string): Promise<{ currency: string; amountMinor: string }[]> {
      const scope = summaryScope(viewer, decodeSummaryId(id));
      try {
        // A read transaction only for SET LOCAL: the limit and JIT off apply to this statement alone.
        return await prisma.$transaction(async (tx) => {
          for (const setting of summaryTransactionSettings(options.statementTimeoutMs)) await tx.$executeRawUnsafe(setting);
          return commissionTotals(tx, scope);
        });
      } catch (error) {
        if (isStatementTimeout(error)) throw summaryTimedOut();
        throw error;
      }
    },
  };
}
