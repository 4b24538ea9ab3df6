// Rental plans, drivers' assignments to them and the rent charged per period (migration driver_rental). The
// guarantees live in the database: one current plan per driver (partial unique index), one charge per
// (assignment, period start) (unique index); this store only reads and writes rows.
import type { Db, Tx } from './db.js';
import type { DriverExit, DriverRentalPlan, Prisma, RentalPlan, RentCharge } from './prisma/client.js';
import { afterCursorWhere, newestFirst, type PageRequest } from '../../../../platform/graphql/index.js';

export type { DriverExit, DriverRentalPlan, RentalPlan, RentCharge };
export type AssignmentWithPlan = DriverRentalPlan & { plan: RentalPlan };
export type RentChargeWithPlan = RentCharge & { assignment: { plan: RentalPlan } };

export const findPlan = (db: Db, id: string): Promise<RentalPlan | null> => db.rentalPlan.findUnique({ where: { id } });

export const findPlans = (db: Db, where: Prisma.RentalPlanWhereInput, take: number): Promise<RentalPlan[]> =>
  db.rentalPlan.findMany({ where, orderBy: newestFirst(), take });

/**
 * Serializes the checks and writes of auto-assigned plans of one category until the transaction ends, so two
 * concurrent creations cannot both pass the overlap check.
 */
export async function lockAutoAssignCategory(tx: Tx, category: string): Promise<void> {
  await tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${'payments.rental-auto-assign:' + category}))`;
}

/** Active auto-assigned plans of `category` whose validity overlaps [from, to) (to null: no end), other than `exceptId`. */
export function findOverlappingAutoAssign(tx: Tx, category: string, from: Date, to: Date | null, exceptId: string | null): Promise<RentalPlan[]> {
  return tx.rentalPlan.findMany({
    where: {
      vehicleCategory: category,
      autoAssign: true,
      retiredAt: null,
      ...(exceptId ? { id: { not: exceptId } } : {}),
      ...(to ? { validFrom: { lt: to } } : {}),
      OR: [{ validTo: null }, { validTo: { gt: from } }],
    },
  });
}

/** The auto-assigned plan of `category` valid at `at` (the latest to start, should validity ever overlap). */
export const findAutoAssignPlan = (db: Db, category: string, at: Date): Promise<RentalPlan | null> =>
  db.rentalPlan.findFirst({
    where: { vehicleCategory: category, autoAssign: true, retiredAt: null, validFrom: { lte: at }, OR: [{ validTo: null }, { validTo: { gt: at } }] },
    orderBy: [{ validFrom: 'desc' }, { id: 'desc' }],
  });

export const findCurrentAssignment = (db: Db, driverId: string): Promise<AssignmentWithPlan | null> =>
  db.driverRentalPlan.findFirst({ where: { driverId, endsAt: null }, include: { plan: true } });

export const findCurrentAssignments = (db: Db, driverIds: readonly string[]): Promise<AssignmentWithPlan[]> =>
  db.driverRentalPlan.findMany({ where: { driverId: { in: [...driverIds] }, endsAt: null }, include: { plan: true } });

export interface NewAssignment {
  id: string;
  driverId: string;
  userId: string;
  fleetId: string;
  planId: string;
  startsAt: Date;
  depositRequiredMinor: bigint;
  assignedByUserId: string | null;
}

/** @returns false when the driver already has a current plan (the partial unique index; nothing written). */
export async function insertAssignment(tx: Tx, a: NewAssignment): Promise<boolean> {
  const inserted = await tx.$executeRaw`
    insert into payments.driver_rental_plans (id, driver_id, user_id, fleet_id, plan_id, starts_at, deposit_required_minor, assigned_by_user_id)
    values (${a.id}::uuid, ${a.driverId}::uuid, ${a.userId}::uuid, ${a.fleetId}::uuid, ${a.planId}::uuid, ${a.startsAt}, ${a.depositRequiredMinor}, ${a.assignedByUserId}::uuid)
    on conflict (driver_id) where ends_at is null do nothing`;
  return inserted === 1;
}

/**
 * Locks an assignment's row for the rest of the transaction (rent charging and exits of one driver take turns).
 * `skipLocked`: null when another transaction holds it (a replica's rent pass is charging it now).
 */
export async function lockAssignment(tx: Tx, id: string, skipLocked: boolean): Promise<AssignmentWithPlan | null> {
  const rows = skipLocked
    ? await tx.$queryRaw<{ id: string }[]>`select id from payments.driver_rental_plans where id = ${id}::uuid for update skip locked`
    : await tx.$queryRaw<{ id: string }[]>`select id from payments.driver_rental_plans where id = ${id}::uuid for update`;
  if (rows.length === 0) return null;
  return tx.driverRentalPlan.findUnique({ where: { id }, include: { plan: true } });
}

/** The driver's current assignment, locked (exits); null when they are on no plan. */
export async function lockCurrentAssignment(tx: Tx, driverId: string): Promise<AssignmentWithPlan | null> {
  const rows = await tx.$queryRaw<
    { id: string }[]
  >`select id from payments.driver_rental_plans where driver_id = ${driverId}::uuid and ends_at is null for update`;
  return rows[0] ? tx.driverRentalPlan.findUnique({ where: { id: rows[0].id }, include: { plan: true } }) : null;
}

/**
 * One page (id order) of current assignments whose next uncharged period has started by `now`. Intervals in hours,
 * never days, so the session's time zone (daylight saving) cannot stretch a period.
 */
export async function findDueAssignmentIds(db: Db, now: Date, afterId: string | null, take: number): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    select dp.id from payments.driver_rental_plans dp join payments.rental_plans p on p.id = dp.plan_id
    where dp.ends_at is null
      and dp.starts_at + dp.charged_periods * (case p.period when 'DAILY' then interval '24 hours' else interval '168 hours' end) <= ${now}
      and (${afterId}::uuid is null or dp.id > ${afterId}::uuid)
    order by dp.id limit ${take}`;
  return rows.map((r) => r.id);
}

export interface NewRentCharge {
  id: string;
  periodIndex: number;
  periodStart: Date;
  periodEnd: Date;
}

/**
 * Inserts the periods' charges, `on conflict do nothing`: a period already charged (by anyone) is not returned.
 * @returns the ids of the rows inserted now: only those may be posted to the ledger.
 */
export async function insertRentCharges(tx: Tx, a: AssignmentWithPlan, charges: readonly NewRentCharge[]): Promise<NewRentCharge[]> {
  if (charges.length === 0) return [];
  const rows = await tx.$queryRaw<{ id: string }[]>`
    insert into payments.rent_charges (id, assignment_id, driver_id, period_index, period_start, period_end, amount_minor, currency)
    select c.id, ${a.id}::uuid, ${a.driverId}::uuid, c.idx, c.ps, c.pe, ${a.plan.rentMinor}, ${a.plan.currency}
    from unnest(${charges.map((c) => c.id)}::uuid[], ${charges.map((c) => c.periodIndex)}::int[], ${charges.map((c) => c.periodStart)}::timestamptz[], ${charges.map(
      (c) => c.periodEnd,
    )}::timestamptz[]) as c(id, idx, ps, pe)
    on conflict (assignment_id, period_start) do nothing
    returning id`;
  const inserted = new Set(rows.map((r) => r.id));
  return charges.filter((c) => inserted.has(c.id));
}

export async function linkRentEntries(tx: Tx, chargeIds: readonly string[], entryIds: readonly string[]): Promise<void> {
  if (chargeIds.length === 0) return;
  await tx.$executeRaw`update payments.rent_charges r set entry_id = x.entry_id
    from unnest(${[...chargeIds]}::uuid[], ${[...entryIds]}::uuid[]) as x(id, entry_id) where r.id = x.id`;
}

export const setChargedPeriods = (tx: Tx, assignmentId: string, chargedPeriods: number) =>
  tx.driverRentalPlan.update({ where: { id: assignmentId }, data: { chargedPeriods } });

export async function rentChargedTotal(db: Db, assignmentId: string): Promise<bigint> {
  const agg = await db.rentCharge.aggregate({ where: { assignmentId }, _sum: { amountMinor: true } });
  return agg._sum.amountMinor ?? 0n;
}

/** One page of a driver's rent charges, newest period first. */
export const rentChargesPage = (db: Db, driverId: string, page: PageRequest): Promise<RentChargeWithPlan[]> =>
  db.rentCharge.findMany({
    where: { driverId, ...afterCursorWhere(page.after, 'periodStart') },
    orderBy: newestFirst('periodStart'),
    take: page.take + 1,
    include: { assignment: { select: { plan: true } } },
  });
