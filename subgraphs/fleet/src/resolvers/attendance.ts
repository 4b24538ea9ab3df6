import type { AttendanceResolvers } from '../generated/resolvers-types.js';
import { required } from './required.js';

// Reached only through paths that checked the viewer (Driver.openAttendance, the staff list, a payload).
export const Attendance: AttendanceResolvers = {
  driver: async (shift, _args, { loaders }) => required(await loaders.driverById.load(shift.driverId), 'Driver', shift.driverId),
  vehicle: (shift, _args, { loaders }) => (shift.vehicleId ? loaders.vehicleById.load(shift.vehicleId) : null),
  checkedInAt: (shift) => shift.createdAt,
  checkInLocation: (shift) => ({ latitude: shift.checkInLatitude, longitude: shift.checkInLongitude }),
  checkedOutAt: (shift) => shift.checkOutAt,
  cashDeposited: (shift) =>
    shift.cashDepositedMinor === null || shift.cashCurrency === null ? null : { amountMinor: shift.cashDepositedMinor, currency: shift.cashCurrency },
  breaks: (shift, _args, { loaders }) => loaders.breaksByAttendanceId.load(shift.id),
  onBreak: async (shift, _args, { loaders }) => (await loaders.breaksByAttendanceId.load(shift.id)).some((b) => b.endedAt === null),
  reviewedBy: (shift) => (shift.reviewedByUserId ? { id: shift.reviewedByUserId } : null),
};
