// What fleet's root fields and references return for a viewer: whole fleets, vehicles and drivers only of the
// fleets the viewer may see.
import { visibleFleetIds, type Viewer } from '../../../../platform/auth/index.js';
import { isUuid, readPageArgs, type PageArgs, type PageRequest } from '../../../../platform/graphql/index.js';
import type { FleetLoaders } from '../loaders.js';
import type { Assignment, Attendance, Driver, DriverStatus, Fleet, Hub, Vehicle, VehicleCategory, VehicleStatus } from '../store/prisma/client.js';
import type { DriverDisplay, VehicleDisplay } from '../store/entity-rows.js';
import { canSeeDriverProfile, withinFleets } from './fleet-access.js';

interface Reader {
  viewer: Viewer | null;
  loaders: FleetLoaders;
}

/** Every fleet the viewer may see, by name. */
export async function listFleets({ viewer, loaders }: Reader): Promise<Fleet[]> {
  const visible = visibleFleetIds(viewer);
  const all = await loaders.fleetsByName.load('all');
  return visible === null ? all : all.filter((fleet) => visible.includes(fleet.id));
}

export async function findFleet({ viewer, loaders }: Reader, id: string): Promise<Fleet | null> {
  return withinFleets(viewer, await loaders.fleetById.load(id), (fleet) => fleet.id);
}

export async function findHub({ viewer, loaders }: Reader, id: string): Promise<Hub | null> {
  return withinFleets(viewer, await loaders.hubById.load(id), (hub) => hub.fleetId);
}

/** A vehicle by id for the staff root field: only of the viewer's fleets. */
export async function findFleetVehicle({ viewer, loaders }: Reader, id: string): Promise<VehicleDisplay | null> {
  return withinFleets(viewer, await loaders.vehicleById.load(id), (vehicle) => vehicle.fleetId);
}

/** A driver by id for the staff root field: only of the viewer's fleets. */
export async function findFleetDriver({ viewer, loaders }: Reader, id: string): Promise<DriverDisplay | null> {
  return withinFleets(viewer, await loaders.driverById.load(id), (driver) => driver.fleetId);
}

/** A user's driver profile, for that user, operations staff and the manager of the driver's fleet; else null. */
export async function findDriverProfile({ viewer, loaders }: Reader, userId: string): Promise<Driver | null> {
  const driver = await loaders.driverByUserId.load(userId);
  return driver && canSeeDriverProfile(viewer, driver) ? driver : null;
}

/**
 * The fleets a root list may show: null for every fleet, else a list (empty when the viewer asked for a fleet
 * they do not manage, or for a malformed id — an empty page rather than an error, so lists never confirm that
 * another fleet exists).
 */
export function fleetsToList(viewer: Viewer | null, fleetId: string | null | undefined): readonly string[] | null {
  if (fleetId && !isUuid(fleetId)) return [];
  return visibleFleetIds(viewer, fleetId);
}

/** A filter id that is not a UUID matches nothing. */
const malformed = (...ids: (string | null | undefined)[]) => ids.some((id) => id && !isUuid(id));

type Page<Row> = { rows: Row[]; page: PageRequest };
/** A page and how to count the whole list (called only when a client selects totalCount). */
type CountedPage<Row> = Page<Row> & { count: () => Promise<number> };
const none = async () => 0;

/**
 * One page of the drivers the viewer may see, optionally of one fleet and status.
 * @throws AppError BAD_USER_INPUT for bad paging arguments.
 */
export async function driversPage(
  { viewer, loaders }: Reader,
  args: PageArgs & { fleetId?: string | null; status?: DriverStatus | null },
): Promise<CountedPage<Driver>> {
  const page = readPageArgs(args);
  const fleetIds = fleetsToList(viewer, args.fleetId);
  if (fleetIds?.length === 0) return { rows: [], page, count: none };
  const filter = { fleetIds, status: args.status ?? null };
  return { rows: await loaders.driverPage.load({ filter, page }), page, count: () => loaders.driverCount.load(filter) };
}

/** One page of the vehicles the viewer may see. @throws AppError BAD_USER_INPUT for bad paging arguments. */
export async function vehiclesPage(
  { viewer, loaders }: Reader,
  args: PageArgs & { fleetId?: string | null; status?: VehicleStatus | null; category?: VehicleCategory | null },
): Promise<CountedPage<Vehicle>> {
  const page = readPageArgs(args);
  const fleetIds = fleetsToList(viewer, args.fleetId);
  if (fleetIds?.length === 0) return { rows: [], page, count: none };
  const filter = { fleetIds, status: args.status ?? null, category: args.category ?? null };
  return { rows: await loaders.vehiclePage.load({ filter, page }), page, count: () => loaders.vehicleCount.load(filter) };
}

/** One page of assignments (history included). @throws AppError BAD_USER_INPUT for bad paging arguments. */
export async function assignmentsPage(
  { viewer, loaders }: Reader,
  args: PageArgs & { fleetId?: string | null; driverId?: string | null; vehicleId?: string | null; active?: boolean | null },
): Promise<Page<Assignment>> {
  const page = readPageArgs(args);
  const fleetIds = fleetsToList(viewer, args.fleetId);
  if (fleetIds?.length === 0 || malformed(args.driverId, args.vehicleId)) return { rows: [], page };
  const filter = { fleetIds, driverId: args.driverId ?? null, vehicleId: args.vehicleId ?? null, active: args.active ?? null };
  return { rows: await loaders.assignmentPage.load({ filter, page }), page };
}

/** One page of shifts. @throws AppError BAD_USER_INPUT for bad paging arguments. */
export async function attendancesPage(
  { viewer, loaders }: Reader,
  args: PageArgs & { fleetId?: string | null; driverId?: string | null; pendingApproval?: boolean | null },
): Promise<CountedPage<Attendance>> {
  const page = readPageArgs(args);
  const fleetIds = fleetsToList(viewer, args.fleetId);
  if (fleetIds?.length === 0 || malformed(args.driverId)) return { rows: [], page, count: none };
  const filter = { fleetIds, driverId: args.driverId ?? null, pendingApproval: args.pendingApproval ?? null };
  return { rows: await loaders.attendancePage.load({ filter, page }), page, count: () => loaders.attendanceCount.load(filter) };
}
