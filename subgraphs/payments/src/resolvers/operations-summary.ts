// OperationsSummary (trips' entity): payments resolves the summary by its id and adds the commission.
import type { OperationsSummaryResolvers } from '../generated/resolvers-types.js';

export const OperationsSummary: OperationsSummaryResolvers = {
  async __resolveReference({ id }, { viewer, services }) {
    return { id, commission: await services.operationsCommission.commission(viewer, id) };
  },
};
