// The only code that reads and writes fleet's attendances (shifts) and breaks tables.
import { afterCursorWhere, newestFirst, type PageRequest } from '../../../../platform/graphql/index.js';
import type { Attendance, AttendanceApproval, Break, Prisma } from './prisma/client.js';
import type { Db } from './store.js';

export type AttendanceStore = ReturnType<typeof createAttendanceStore>;

export interface AttendanceFilter {
  /** Only shifts of these fleets; null for every fleet. */
  fleetIds: readonly string[] | null;
  driverId?: string | null;
  /** true: checked out and not reviewed; false: the others. */
  pendingApproval?: boolean | null;
}

export interface NewAttendance {
  driverId: string;
  fleetId: string;
  vehicleId: string | null;
  latitude: number;
  longitude: number;
  odometerKm: number;
  selfieUrl: string;
  at: Date;
}

const PENDING_REVIEW = { approval: 'PENDING' as const, checkOutAt: { not: null } };

/** The shifts a list's filter selects: fleets (null: every fleet), one driver, waiting for review or not. */
function attendanceFilterWhere(filter: AttendanceFilter): Prisma.AttendanceWhereInput {
  const pending = filter.pendingApproval;
  return {
    AND: [
      filter.fleetIds ? { fleetId: { in: [...filter.fleetIds] } } : {},
      filter.driverId ? { driverId: filter.driverId } : {},
      pending === true ? PENDING_REVIEW : pending === false ? { NOT: PENDING_REVIEW } : {},
    ],
  };
}
export function createAttendanceStore(db: Db) {
  return {
    findById(id: string): Promise<Attendance | null> {
      return db.attendance.findUnique({ where: { id } });
    },
    /** The open shifts of these drivers (at most one each: the unique slot column). */
    findOpenByDriverIds(driverIds: readonly string[]): Promise<Attendance[]> {
      return db.attendance.findMany({ where: { openDriverId: { in: [...driverIds] } } });
    },
    findOpenByDriverId(driverId: string): Promise<Attendance | null> {
      return db.attendance.findUnique({ where: { openDriverId: driverId } });
    },
    /** Opens a shift. @throws Prisma P2002 when the driver has an open shift (see isUniqueViolation). */
    open(data: NewAttendance): Promise<Attendance> {
      return db.attendance.create({
        data: {
          driverId: data.driverId,
          fleetId: data.fleetId,
          vehicleId: data.vehicleId,
          openDriverId: data.driverId,
          checkInLatitude: data.latitude,
          checkInLongitude: data.longitude,
          checkInOdometerKm: data.odometerKm,
          selfieUrl: data.selfieUrl,
          createdAt: data.at,
        },
      });
    },
    close(id: string, data: { odometerKm: number; cashMinor: number; currency: string; at: Date }): Promise<Attendance> {
      return db.attendance.update({
        where: { id },
        data: { openDriverId: null, checkOutAt: data.at, checkOutOdometerKm: data.odometerKm, cashDepositedMinor: data.cashMinor, cashCurrency: data.currency },
      });
    },
    /** Records a review unless one was recorded meanwhile. @returns null when another review won. */
    async review(id: string, data: { approval: AttendanceApproval; reviewerUserId: string; note: string | null; at: Date }): Promise<Attendance | null> {
      const { count } = await db.attendance.updateMany({
        where: { id, ...PENDING_REVIEW },
        data: { approval: data.approval, reviewedByUserId: data.reviewerUserId, reviewNote: data.note, reviewedAt: data.at },
      });
      return count === 1 ? db.attendance.findUnique({ where: { id } }) : null;
    },
    /** `take + 1` shifts, newest check-in first. */
    findPage(filter: AttendanceFilter, page: PageRequest): Promise<Attendance[]> {
      return db.attendance.findMany({
        where: { AND: [attendanceFilterWhere(filter), afterCursorWhere(page.after)] },
        orderBy: newestFirst(),
        take: page.take + 1,
      });
    },
    /** How many shifts the filter selects across all pages (`AttendanceConnection.totalCount`). */
    count(filter: AttendanceFilter): Promise<number> {
      return db.attendance.count({ where: attendanceFilterWhere(filter) });
    },

    /** The breaks of many shifts in one query, oldest first within each. */
    findBreaksByAttendanceIds(attendanceIds: readonly string[]): Promise<Break[]> {
      return db.break.findMany({ where: { attendanceId: { in: [...attendanceIds] } }, orderBy: [{ startedAt: 'asc' }, { id: 'asc' }] });
    },
    findOpenBreak(attendanceId: string): Promise<Break | null> {
      return db.break.findUnique({ where: { openAttendanceId: attendanceId } });
    },
    /** @throws Prisma P2002 when the shift has an open break. */
    startBreak(attendanceId: string, at: Date): Promise<Break> {
      return db.break.create({ data: { attendanceId, openAttendanceId: attendanceId, startedAt: at } });
    },
    endBreak(id: string, at: Date): Promise<Break> {
      return db.break.update({ where: { id }, data: { endedAt: at, openAttendanceId: null } });
    },
  };
}
