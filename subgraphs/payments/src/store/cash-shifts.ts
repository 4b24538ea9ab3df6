// Reads of cash reconciliation. A shift's collected cash is computed when read (settlement and fleet's check-out
// arrive through different streams, in any order): the CASH payments of its driver, in its currency, whose trip
// ended within [checkedInAt, checkedOutAt] — except fares the rider paid through the vehicle's QR code instead
// (`paid_by_link_id`: the driver never held that cash). Corrections linked to the shift are summed with it.
import { Prisma } from './prisma/client.js';
import type { Db } from './db.js';
import type { KeysetCursor } from '../../../../platform/graphql/index.js';
import type { CashShift, Payment } from './prisma/client.js';

/** A shift with what was collected in it and the corrections recorded against it; difference = collected − deposited − corrections. */
export interface CashShiftRow extends CashShift {
  collectedMinor: bigint;
  correctionsMinor: bigint;
  differenceMinor: bigint;
}

export interface CashShiftFilter {
  /** Only these fleets (null: every fleet). */
  fleetIds: readonly string[] | null;
  driverId: string | null;
  /** Shifts that ended at or after / before these instants. */
  from: Date | null;
  to: Date | null;
  onlyUnbalanced: boolean;
  /** One shift. */
  attendanceId?: string;
}

type RawRow = {
  attendance_id: string;
  driver_id: string;
  driver_user_id: string;
  fleet_id: string;
  checked_in_at: Date;
  checked_out_at: Date;
  deposited_minor: bigint;
  currency: string;
  entry_id: string | null;
  created_at: Date;
  collected_minor: bigint;
  corrections_minor: bigint;
};

const toRow = (r: RawRow): CashShiftRow => {
  const collectedMinor = BigInt(r.collected_minor);
  const correctionsMinor = BigInt(r.corrections_minor);
  const depositedMinor = BigInt(r.deposited_minor);
  return {
    attendanceId: r.attendance_id,
    driverId: r.driver_id,
    driverUserId: r.driver_user_id,
    fleetId: r.fleet_id,
    checkedInAt: r.checked_in_at,
    checkedOutAt: r.checked_out_at,
    depositedMinor,
    currency: r.currency.trim(),
    entryId: r.entry_id,
    createdAt: r.created_at,
    collectedMinor,
    correctionsMinor,
    differenceMinor: collectedMinor - depositedMinor - correctionsMinor,
  };
};

/** The shifts matching `conditions` (on `s`, cash_shifts) with their read-time totals, as a subquery. */
const withTotals = (conditions: Prisma.Sql[]) => Prisma.sql`
  select s.*,
    coalesce((select sum(p.amount_minor) from payments.payments p
      where p.driver_user_id = s.driver_user_id and p.method = 'CASH' and p.paid_by_link_id is null and p.currency = s.currency
        and p.trip_completed_at >= s.checked_in_at and p.trip_completed_at <= s.checked_out_at), 0)::bigint as collected_minor,
    coalesce((select sum(c.amount_minor) from payments.cash_corrections c where c.attendance_id = s.attendance_id), 0)::bigint as corrections_minor
  from payments.cash_shifts s
  where ${Prisma.join([Prisma.sql`true`, ...conditions], ' and ')}`;

/** Shifts after the cursor in (checkedOutAt desc, attendanceId desc) order. */
const afterCursor = (after: KeysetCursor | null): Prisma.Sql[] =>
  after ? [Prisma.sql`(s.checked_out_at < ${after.at} or (s.checked_out_at = ${after.at} and s.attendance_id < ${after.id}::uuid))`] : [];

const window = (from: Date | null, to: Date | null): Prisma.Sql[] => [
  ...(from ? [Prisma.sql`s.checked_out_at >= ${from}`] : []),
  ...(to ? [Prisma.sql`s.checked_out_at < ${to}`] : []),
];

/**
 * One page of shifts, latest check-out first ((checkedOutAt, attendanceId) desc), with their read-time totals.
 * @returns up to `take + 1` rows (toConnection learns from the extra one whether a next page exists).
 */
export async function cashShiftsPage(db: Db, filter: CashShiftFilter, page: { take: number; after: KeysetCursor | null }): Promise<CashShiftRow[]> {
  const conditions: Prisma.Sql[] = [...window(filter.from, filter.to), ...afterCursor(page.after)];
  if (filter.fleetIds) conditions.push(Prisma.sql`s.fleet_id = any(${[...filter.fleetIds]}::uuid[])`);
  if (filter.attendanceId) conditions.push(Prisma.sql`s.attendance_id = ${filter.attendanceId}::uuid`);
  if (filter.driverId) conditions.push(Prisma.sql`s.driver_id = ${filter.driverId}::uuid`);
  const rows = await db.$queryRaw<RawRow[]>`
    select * from (${withTotals(conditions)}) t
    where not ${filter.onlyUnbalanced} or t.collected_minor - t.deposited_minor - t.corrections_minor <> 0
    order by t.checked_out_at desc, t.attendance_id desc
    limit ${page.take + 1}`;
  return rows.map(toRow);
}

/**
 * The same page (every shift, balanced or not) for many drivers in one statement (Driver.cashShifts of a list).
 * @returns per driver id, up to `take + 1` rows in page order.
 */
export async function cashShiftsPagesByDrivers(
  db: Db,
  driverIds: readonly string[],
  period: { from: Date | null; to: Date | null },
  page: { take: number; after: KeysetCursor | null },
): Promise<Map<string, CashShiftRow[]>> {
  const conditions = [Prisma.sql`s.driver_id = any(${[...driverIds]}::uuid[])`, ...window(period.from, period.to), ...afterCursor(page.after)];
  const rows = await db.$queryRaw<RawRow[]>`
    select * from (
      select t.*, row_number() over (partition by t.driver_id order by t.checked_out_at desc, t.attendance_id desc) as rank
      from (${withTotals(conditions)}) t
    ) ranked
    where rank <= ${page.take + 1}
    order by driver_id, checked_out_at desc, attendance_id desc`;
  const byDriver = new Map<string, CashShiftRow[]>();
  for (const row of rows.map(toRow)) {
    const list = byDriver.get(row.driverId);
    if (list) list.push(row);
    else byDriver.set(row.driverId, [row]);
  }
  return byDriver;
}

/** The cash payments behind each shift (one statement for all of them), in the order their trips ended. */
export async function cashPaymentsOfShifts(db: Db, attendanceIds: readonly string[]): Promise<(Payment & { attendanceId: string })[]> {
  const rows = await db.$queryRaw<{ attendance_id: string; id: string }[]>`
    select s.attendance_id::text, p.id::text from payments.cash_shifts s
    join payments.payments p on p.driver_user_id = s.driver_user_id and p.method = 'CASH' and p.paid_by_link_id is null and p.currency = s.currency
      and p.trip_completed_at >= s.checked_in_at and p.trip_completed_at <= s.checked_out_at
    where s.attendance_id = any(${[...attendanceIds]}::uuid[])
    order by p.trip_completed_at, p.id`;
  if (rows.length === 0) return [];
  const payments = new Map((await db.payment.findMany({ where: { id: { in: rows.map((r) => r.id) } } })).map((p) => [p.id, p]));
  return rows.map((r) => ({ ...payments.get(r.id)!, attendanceId: r.attendance_id }));
}
