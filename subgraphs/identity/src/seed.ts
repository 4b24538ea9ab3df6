// Writes identity's part of the demo city (users). Idempotent: existing rows are left as they are.
import type { DemoDataset } from '../../../platform/demo/index.js';
import type { IdentityPrisma } from './store/database.js';

export async function seedIdentity(prisma: IdentityPrisma, demo: DemoDataset): Promise<number> {
  const { count } = await prisma.user.createMany({
    data: demo.users.map((user) => ({ id: user.id, phone: user.phone, name: user.name, roles: user.roles })),
    skipDuplicates: true,
  });
  return count;
}
