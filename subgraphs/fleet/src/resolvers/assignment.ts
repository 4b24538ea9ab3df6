import type { AssignmentResolvers } from '../generated/resolvers-types.js';
import { required } from './required.js';

// Reached only through paths that checked the viewer (Driver.currentAssignment, the staff list, a payload).
export const Assignment: AssignmentResolvers = {
  driver: async (assignment, _args, { loaders }) => required(await loaders.driverById.load(assignment.driverId), 'Driver', assignment.driverId),
  vehicle: async (assignment, _args, { loaders }) => required(await loaders.vehicleById.load(assignment.vehicleId), 'Vehicle', assignment.vehicleId),
  startedAt: (assignment) => assignment.createdAt,
  active: (assignment) => assignment.endedAt === null,
};
