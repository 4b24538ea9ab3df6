// OperationsSummary (trips' entity): fleet resolves the summary by its id and adds the drivers' online numbers.
import type { OperationsSummaryResolvers } from '../generated/resolvers-types.js';
import { utilisation } from '../services/operations-online.js';

export const OperationsSummary: OperationsSummaryResolvers = {
  async __resolveReference(reference, { viewer, services }) {
    const online = await services.operationsOnline.online(viewer, reference.id);
    const hoursOnTrip = (reference as { driverHoursOnTrip?: number }).driverHoursOnTrip;
    return { id: reference.id, ...(hoursOnTrip === undefined ? {} : { driverHoursOnTrip: hoursOnTrip }), ...online };
  },
  utilisation: (summary) => (summary.driverHoursOnTrip === undefined ? null : utilisation(summary.driverHoursOnTrip, summary.driverHoursOnline)),
};
