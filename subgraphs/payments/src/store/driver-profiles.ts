// payments' copy of fleet's driver profiles: who a driver is (user), where they work (fleet) and what they drive.
// Written only from driver.status.changed (services/driver-directory.ts) and the demo seed.
import type { Db } from './db.js';
import type { DriverProfile } from './prisma/client.js';

export type { DriverProfile };

export interface DriverProfileChange {
  driverId: string;
  userId: string;
  fleetId: string;
  vehicleId: string | null;
  category: string | null;
  version: number;
  at: Date;
}

/**
 * Applies a change only when its version is newer than the stored one (redelivery can reorder events).
 * @returns the profile as stored before the change (null when new) and, when the change was applied, as it is now
 * (null when an equal or newer version was stored already).
 */
export async function applyDriverProfile(db: Db, change: DriverProfileChange): Promise<{ before: DriverProfile | null; after: DriverProfile | null }> {
  const before = await db.driverProfile.findUnique({ where: { driverId: change.driverId } });
  if (before && before.version >= BigInt(change.version)) return { before, after: null };
  const data = {
    userId: change.userId,
    fleetId: change.fleetId,
    vehicleId: change.vehicleId,
    category: change.category,
    version: BigInt(change.version),
    updatedAt: change.at,
  };
  const applied = await db.$executeRaw`
    insert into payments.driver_profiles (driver_id, user_id, fleet_id, vehicle_id, category, version, updated_at)
    values (${change.driverId}::uuid, ${data.userId}::uuid, ${data.fleetId}::uuid, ${data.vehicleId}::uuid, ${data.category}, ${data.version}, ${data.updatedAt})
    on conflict (driver_id) do update set user_id = excluded.user_id, fleet_id = excluded.fleet_id, vehicle_id = excluded.vehicle_id,
      category = excluded.category, version = excluded.version, updated_at = excluded.updated_at
    where payments.driver_profiles.version < excluded.version`;
  // The row is what was just written: no need to read it back.
  return { before, after: applied > 0 ? { driverId: change.driverId, ...data } : null };
}

export const findDriverProfile = (db: Db, driverId: string): Promise<DriverProfile | null> => db.driverProfile.findUnique({ where: { driverId } });

export const findDriverProfileByUserId = (db: Db, userId: string): Promise<DriverProfile | null> => db.driverProfile.findUnique({ where: { userId } });

export const findDriverProfiles = (db: Db, driverIds: readonly string[]): Promise<DriverProfile[]> =>
  db.driverProfile.findMany({ where: { driverId: { in: [...driverIds] } } });

/** One page of a fleet's drivers in id order, for work that walks a whole fleet without loading it at once. */
export const findFleetDriversPage = (db: Db, fleetId: string, afterDriverId: string | null, take: number): Promise<DriverProfile[]> =>
  db.driverProfile.findMany({
    where: { fleetId, ...(afterDriverId ? { driverId: { gt: afterDriverId } } : {}) },
    orderBy: { driverId: 'asc' },
    take,
  });
