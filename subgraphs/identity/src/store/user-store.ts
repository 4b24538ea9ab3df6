// The only code that reads and writes identity's users table.
import type { IdentityPrisma } from './database.js';
import type { User } from './prisma/client.js';

export type UserStore = ReturnType<typeof createUserStore>;

export function createUserStore(prisma: IdentityPrisma) {
  return {
    findByIds(ids: readonly string[]): Promise<User[]> {
      return prisma.user.findMany({ where: { id: { in: [...ids] } } });
    },
  };
}
