// What fleet's root fields and references return for a viewer: whole fleets, vehicles and drivers only of the
// fleets the viewer may see.
import { visibleFleetIds, type Viewer } from '../../../../platform/auth/index.js';
import { isUuid, readPageArgs, type PageArgs, type PageRequest } from '../../../../platform/graphql/index.js';
import type { FleetLoaders } from '../loaders.js';
import type { Driver, Fleet, Hub, Vehicle } from '../store/prisma/client.js';
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
export async function findFleetVehicle({ viewer, loaders }: Reader, id: string): Promise<Vehicle | null> {
  return withinFleets(viewer, await loaders.vehicleById.load(id), (vehicle) => vehicle.fleetId);
}

/** A driver by id for the staff root field: only of the viewer's fleets. */
export async function findFleetDriver({ viewer, loaders }: Reader, id: string): Promise<Driver | null> {
  return withinFleets(viewer, await loaders.driverById.load(id), (driver) => driver.fleetId);
}

/** A user's driver profile, for that user, operations staff and the manager of the driver's fleet; else null. */
export async function findDriverProfile({ viewer, loaders }: Reader, userId: string): Promise<Driver | null> {
  const driver = await loaders.driverByUserId.load(userId);
  return driver && canSeeDriverProfile(viewer, driver) ? driver : null;
}

/**
 * One page of the drivers the viewer may see, optionally of one fleet; a fleet outside the viewer's fleets, or a
 * malformed id, gives an empty page.
 * @throws AppError BAD_USER_INPUT for bad paging arguments.
 */
export async function driversPage({ viewer, loaders }: Reader, args: PageArgs & { fleetId?: string | null }): Promise<{ rows: Driver[]; page: PageRequest }> {
  const page = readPageArgs(args);
  const fleetIds = visibleFleetIds(viewer, args.fleetId);
  if (fleetIds?.length === 0 || (args.fleetId && !isUuid(args.fleetId))) return { rows: [], page };
  return { rows: await loaders.driverPage.load({ page, fleetIds }), page };
}
