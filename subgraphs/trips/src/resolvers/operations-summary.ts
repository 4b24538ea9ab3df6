// OperationsSummary by its id: the gateway reads trips' fields from Query.operationsSummary itself, but fleet's
// `utilisation` requires trips' `driverHoursOnTrip`, so trips resolves the entity too (composition asks that the
// required field be reachable from fleet). The id's arguments go through the same checks as the query's.
import { decodeSummaryId } from '../../../../platform/operations-summary/index.js';
import type { OperationsSummaryResolvers } from '../generated/resolvers-types.js';

export const OperationsSummary: OperationsSummaryResolvers = {
  __resolveReference: ({ id }, { viewer, services }) => services.operations.summary(viewer, decodeSummaryId(id)),
};
