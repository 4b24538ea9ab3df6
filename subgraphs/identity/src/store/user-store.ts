// The only code that reads and writes identity's users table.
import { afterCursorWhere, newestFirst, type PageRequest } from '../../../../platform/graphql/index.js';
import type { Db } from './store.js';
import type { Role, User } from './prisma/client.js';

export type UserStore = ReturnType<typeof createUserStore>;

export interface UserFilter {
  role?: Role | null;
  active?: boolean | null;
  /** Part of name, email or phone, case-insensitive. */
  search?: string | null;
}

export interface NewUser {
  name: string;
  roles: Role[];
  phone?: string | null;
  email?: string | null;
  passwordHash?: string | null;
  fleetIds?: string[];
}

export function createUserStore(db: Db) {
  async function takenField(data: Pick<NewUser, 'email' | 'phone'>): Promise<'email' | 'phone' | null> {
    if (data.email && (await db.user.findUnique({ where: { email: data.email }, select: { id: true } }))) return 'email';
    if (data.phone && (await db.user.findUnique({ where: { phone: data.phone }, select: { id: true } }))) return 'phone';
    return null;
  }

  return {
    findByIds(ids: readonly string[]): Promise<User[]> {
      return db.user.findMany({ where: { id: { in: [...ids] } } });
    },

    findById(id: string): Promise<User | null> {
      return db.user.findUnique({ where: { id } });
    },

    findByPhone(phone: string): Promise<User | null> {
      return db.user.findUnique({ where: { phone } });
    },

    /** @param email already normalised (lower-case). */
    findByEmail(email: string): Promise<User | null> {
      return db.user.findUnique({ where: { email } });
    },

    /**
     * The user with this phone, created as `defaults` when there is none. Safe under concurrency: the unique
     * phone index decides, and the loser reads the winner's row.
     */
    async findOrCreateByPhone(phone: string, defaults: Omit<NewUser, 'phone'>): Promise<{ user: User; created: boolean }> {
      const { count } = await db.user.createMany({ data: [{ ...defaults, phone }], skipDuplicates: true });
      return { user: await db.user.findUniqueOrThrow({ where: { phone } }), created: count === 1 };
    },

    /** @returns the new user, or which unique field another user already has. */
    async create(data: NewUser): Promise<{ user: User } | { taken: 'email' | 'phone' }> {
      const taken = await takenField(data);
      if (taken) return { taken };
      try {
        return { user: await db.user.create({ data: { ...data, fleetIds: data.fleetIds ?? [] } }) };
      } catch (error) {
        // Lost a race with another insert of the same email or phone.
        const raced = (error as { code?: string }).code === 'P2002' ? await takenField(data) : null;
        if (raced) return { taken: raced };
        throw error;
      }
    },

    setPasswordHash(id: string, passwordHash: string): Promise<User> {
      return db.user.update({ where: { id }, data: { passwordHash } });
    },

    setRoles(id: string, roles: Role[], fleetIds: string[]): Promise<User> {
      return db.user.update({ where: { id }, data: { roles, fleetIds } });
    },

    deactivate(id: string): Promise<User> {
      return db.user.update({ where: { id }, data: { active: false } });
    },

    /** `take + 1` users in (createdAt desc, id desc) order after the cursor. */
    page(filter: UserFilter, page: PageRequest): Promise<User[]> {
      const search = filter.search?.trim();
      return db.user.findMany({
        where: {
          AND: [
            filter.role ? { roles: { has: filter.role } } : {},
            typeof filter.active === 'boolean' ? { active: filter.active } : {},
            search
              ? {
                  OR: [
                    { name: { contains: search, mode: 'insensitive' as const } },
                    { email: { contains: search.toLowerCase() } },
                    { phone: { contains: search } },
                  ],
                }
              : {},
            afterCursorWhere(page.after),
          ],
        },
        orderBy: newestFirst(),
        take: page.take + 1,
      });
    },
  };
}
