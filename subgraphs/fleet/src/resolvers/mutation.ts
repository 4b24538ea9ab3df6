import type { MutationResolvers } from '../generated/resolvers-types.js';

// Thin: each mutation is one service call; the services check who may act and return typed user errors.
export const Mutation: MutationResolvers = {
  createHub: (_parent, { input }, { viewer, services }) => services.ops.createHub(viewer, input),
  createVehicle: (_parent, { input }, { viewer, services }) => services.ops.createVehicle(viewer, input),
  updateVehicle: (_parent, { input }, { viewer, services }) => services.ops.updateVehicle(viewer, input),
  createDriverProfile: (_parent, { input }, { viewer, services }) => services.ops.createDriverProfile(viewer, input),
  assignVehicle: (_parent, { driverId, vehicleId }, { viewer, services }) => services.assignments.assignVehicle(viewer, driverId, vehicleId),
  endAssignment: (_parent, { id }, { viewer, services }) => services.assignments.endAssignment(viewer, id),
  checkIn: (_parent, { input }, { viewer, services }) => services.attendance.checkIn(viewer, input),
  startBreak: (_parent, _args, { viewer, services }) => services.attendance.startBreak(viewer),
  endBreak: (_parent, _args, { viewer, services }) => services.attendance.endBreak(viewer),
  checkOut: (_parent, { input }, { viewer, services }) => services.attendance.checkOut(viewer, input),
  reviewAttendance: (_parent, { input }, { viewer, services }) => services.attendance.reviewAttendance(viewer, input),
  updateDriverLocation: (_parent, args, { viewer, services }) => services.location.updateDriverLocation(viewer, args),
  // Fleet administration
  createFleet: (_parent, { input }, { viewer, services }) => services.fleetAdmin.createFleet(viewer, input),
  updateFleet: (_parent, { input }, { viewer, services }) => services.fleetAdmin.updateFleet(viewer, input),
  updateHub: (_parent, { input }, { viewer, services }) => services.fleetAdmin.updateHub(viewer, input),
  retireHub: (_parent, { id }, { viewer, services }) => services.fleetAdmin.retireHub(viewer, id),
  updateDriverProfile: (_parent, { input }, { viewer, services }) => services.driverAdmin.updateDriverProfile(viewer, input),
  suspendDriver: (_parent, { driverId, reason }, { viewer, services }) => services.driverAdmin.suspendDriver(viewer, driverId, reason),
  reinstateDriver: (_parent, { driverId, reason }, { viewer, services }) => services.driverAdmin.reinstateDriver(viewer, driverId, reason),
};
