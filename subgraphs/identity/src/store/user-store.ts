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
  /** Only a proven phone (a code, or a super admin's word for staff): `phoneVerifiedAt` says when. */
  phone?: string | null;
  phoneVerifiedAt?: Date | null;
  email?: string | null;
  /** Set only when someone vouches for the email (a super admin creating staff); else a link proves it later. */
  emailVerifiedAt?: Date | null;
  passwordHash?: string | null;
  fleetIds?: string[];
}

export function createUserStore(db: Db) {
  async function takenField(data: Pick<NewUser, 'email' | 'phone'>): Promise<'email' | 'phone' | null> {
    if (data.email && (await db.user.findUnique({ where: { email: data.email }, select: { id: true } }))) return 'email';
    if (data.phone && (await db.user.findUnique({ where: { phone: data.phone }, select: { id: true } }))) return 'phone';
    return null;
  }

  /**
   * Takes an unproven claim on `phone` off the account holding it (rows from before registration required a code).
   * Call only once the phone is proven: the prover outranks a claim.
   * @returns the id of the account that lost its claim, or null when there was none.
   */
  async function dropPhoneClaim(phone: string): Promise<string | null> {
    const [dropped] = await db.user.updateManyAndReturn({ where: { phone, phoneVerifiedAt: null }, data: { phone: null }, select: { id: true } });
    return dropped?.id ?? null;
  }

  return {
    findByIds(ids: readonly string[]): Promise<User[]> {
      return db.user.findMany({ where: { id: { in: [...ids] } } });
    },

    findById(id: string): Promise<User | null> {
      return db.user.findUnique({ where: { id } });
    },

    /** @param email already normalised (lower-case). */
    findByEmail(email: string): Promise<User | null> {
      return db.user.findUnique({ where: { email } });
    },

    /**
     * The account a phone just proven with a code signs in to: the one holding it proven, else a new one created as
     * `defaults`. An unproven claim on the phone is dropped first: it never signs in and never blocks the owner.
     * Safe under concurrency: the unique phone index decides, and the loser reads the winner's row.
     * @returns also the account whose claim was dropped, if any.
     */
    async signInByProvenPhone(
      phone: string,
      provenAt: Date,
      defaults: Omit<NewUser, 'phone' | 'phoneVerifiedAt'>,
    ): Promise<{ user: User; created: boolean; droppedClaimOf: string | null }> {
      const droppedClaimOf = await dropPhoneClaim(phone);
      const { count } = await db.user.createMany({ data: [{ ...defaults, phone, phoneVerifiedAt: provenAt }], skipDuplicates: true });
      return { user: await db.user.findUniqueOrThrow({ where: { phone } }), created: count === 1, droppedClaimOf };
    },

    /**
     * A proven phone (`phoneVerifiedAt` set) first takes the phone from an unproven claim; a proven phone elsewhere
     * is `taken`.
     * @returns the new user, or which unique field another user already has.
     */
    async create(data: NewUser): Promise<{ user: User } | { taken: 'email' | 'phone' }> {
      if (data.phone && !data.phoneVerifiedAt) throw new Error('users.create: a phone must come with the time it was proven');
      if (data.phone) await dropPhoneClaim(data.phone);
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

    /**
     * Records that a verification link sent to `email` was opened, if that is still the account's email.
     * @returns false when the account has another email now or had proven it already.
     */
    async markEmailVerified(id: string, email: string, now: Date): Promise<boolean> {
      const { count } = await db.user.updateMany({ where: { id, email, emailVerifiedAt: null }, data: { emailVerifiedAt: now } });
      return count === 1;
    },

    /**
     * Records that the email was proven by a password reset. The first proof hands the account to the email's
     * owner: its phone was put there by whoever registered, who may be someone else, so it is removed.
     * @returns whether this was the email's first proof (and the phone, if any, was removed).
     */
    async handOverToEmailOwner(id: string, now: Date): Promise<boolean> {
      const { count } = await db.user.updateMany({ where: { id, emailVerifiedAt: null }, data: { emailVerifiedAt: now, phone: null, phoneVerifiedAt: null } });
      return count === 1;
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
                    // An unproven claim is not the user's phone (User.phone hides it too).
                    { phone: { contains: search }, phoneVerifiedAt: { not: null } },
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
