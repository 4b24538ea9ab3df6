// Writes identity's part of the demo city (users). Idempotent: existing rows are left as they are, except that a
// demo fleet manager without fleets gets theirs (databases seeded before fleet ids were stored in identity).
import type { DemoDataset } from '../../../platform/demo/index.js';
import type { IdentityPrisma } from './store/database.js';

/** The demo fleets each demo FLEET_MANAGER runs (`managerUserId`), by user id. */
export function demoManagedFleetIds(demo: DemoDataset): Map<string, string[]> {
  const managed = new Map<string, string[]>();
  for (const fleet of demo.fleets) {
    if (fleet.managerUserId) managed.set(fleet.managerUserId, [...(managed.get(fleet.managerUserId) ?? []), fleet.id]);
  }
  return managed;
}

export async function seedIdentity(prisma: IdentityPrisma, demo: DemoDataset): Promise<number> {
  const managed = demoManagedFleetIds(demo);
  const fleetIdsOf = (user: DemoDataset['users'][number]) => (user.roles.includes('FLEET_MANAGER') ? (managed.get(user.id) ?? []) : []);
  // Demo phones are fixed by the dataset and vouched for by it: they sign in with a code like any proven phone.
  const provenAt = new Date();
  const { count } = await prisma.user.createMany({
    data: demo.users.map((user) => ({
      id: user.id,
      phone: user.phone,
      phoneVerifiedAt: provenAt,
      name: user.name,
      roles: user.roles,
      fleetIds: fleetIdsOf(user),
    })),
    skipDuplicates: true,
  });
  for (const user of demo.users) {
    const fleetIds = fleetIdsOf(user);
    if (fleetIds.length) await prisma.user.updateMany({ where: { id: user.id, fleetIds: { isEmpty: true } }, data: { fleetIds } });
  }
  return count;
}
