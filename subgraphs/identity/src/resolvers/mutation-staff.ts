import type { MutationResolvers } from '../generated/resolvers-types.js';

export const staffMutations: MutationResolvers = {
  createStaffUser: (_parent, { input }, { viewer, services }) => services.staff.createStaffUser(viewer, input),
  setUserRoles: (_parent, { userId, roles, fleetIds }, { viewer, services }) => services.staff.setUserRoles(viewer, userId, roles, fleetIds),
  deactivateUser: (_parent, { userId }, { viewer, services }) => services.staff.deactivateUser(viewer, userId),
  reactivateUser: (_parent, { userId }, { viewer, services }) => services.staff.reactivateUser(viewer, userId),
  assignFleetManager: (_parent, { userId, fleetId }, { viewer, services }) => services.fleetManagers.assign(viewer, userId, fleetId),
  removeFleetManager: (_parent, { userId, fleetId }, { viewer, services }) => services.fleetManagers.remove(viewer, userId, fleetId),
  onboardDriver: (_parent, { input }, { viewer, services }) => services.driverOnboarding.onboardDriver(viewer, input),
};
