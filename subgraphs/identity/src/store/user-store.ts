// The only code that reads and writes identity's users table.
import { isUniqueViolation } from '../../../../platform/db/index.js';
import { afterCursorWhere, newestFirst, type PageRequest } from '../../../../platform/graphql/index.js';
import type { Db } from './store.js';
import type { Prisma, Role, User } from './prisma/client.js';
import { USER_DISPLAY_SELECT, userDisplaysByIds, type UserDisplay } from './user-display.js';

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
  /** The account whose referral code the user signed up with. */
  referredByUserId?: string | null;
}

/** What `updateMe` may change; absent keys stay as they are. */
export interface ProfileChange {
  name?: string;
  /** A new email, unproven: `emailVerifiedAt` is cleared with it. */
  email?: string;
  avatarUrl?: string | null;
  locale?: string | null;
  timeZone?: string | null;
}

/** The users a staff list's filter selects (role, active, search in name, email and proven phone). */
function usersWhere(filter: UserFilter): Prisma.UserWhereInput {
  const search = filter.search?.trim();
  return {
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
    ],
  };
}
export function createUserStore(db: Db) {
  /** Only proven emails and phones are taken; unproven claims give way (see dropPhoneClaim, dropEmailClaim). */
  async function takenField(data: Pick<NewUser, 'email' | 'phone'>): Promise<'email' | 'phone' | null> {
    if (data.email && (await db.user.findFirst({ where: { email: data.email, emailVerifiedAt: { not: null } }, select: { id: true } }))) return 'email';
    if (data.phone && (await db.user.findFirst({ where: { phone: data.phone, phoneVerifiedAt: { not: null } }, select: { id: true } }))) return 'phone';
    return null;
  }

  /**
   * Takes an unproven email off the account holding it: an email nobody proved never signs in and never resets a
   * password, so it must not keep its owner (or anyone) from using it. Call only once the caller may take it.
   * @returns the id of the account that lost it, or null when there was none.
   */
  async function dropEmailClaim(email: string, exceptUserId?: string): Promise<string | null> {
    const [dropped] = await db.user.updateManyAndReturn({
      where: { email, emailVerifiedAt: null, ...(exceptUserId ? { id: { not: exceptUserId } } : {}) },
      data: { email: null },
      select: { id: true },
    });
    return dropped?.id ?? null;
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
    /** What GraphQL shows of these users (no password hash), in one statement text whatever the number of ids. */
    findDisplaysByIds(ids: readonly string[]): Promise<UserDisplay[]> {
      return userDisplaysByIds(db, ids);
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
     * `onboardDriver`: the account holding `phone` proven, else a new one created as `defaults` with the phone vouched
     * for at `vouchedAt` (an unproven claim on it is dropped first, as for a phone sign-in). Either way the row is
     * locked for the rest of the caller's transaction, so two onboardings of one phone apply one after the other.
     * Call inside a transaction. @returns `created` false for an account that existed.
     */
    async findOrCreateByPhoneForUpdate(
      phone: string,
      vouchedAt: Date,
      defaults: Omit<NewUser, 'phone' | 'phoneVerifiedAt'>,
    ): Promise<{ user: User; created: boolean; droppedClaimOf: string | null }> {
      const droppedClaimOf = await dropPhoneClaim(phone);
      // A concurrent insert of the same phone makes this one wait for it, then skip: the loser locks the winner's row.
      const { count } = await db.user.createMany({ data: [{ ...defaults, phone, phoneVerifiedAt: vouchedAt }], skipDuplicates: true });
      const [locked] = await db.$queryRaw<{ id: string }[]>`SELECT id::text AS "id" FROM "identity"."users" WHERE phone = ${phone} FOR UPDATE`;
      if (!locked) throw new Error('users.findOrCreateByPhoneForUpdate: the phone has no account after the insert');
      return { user: await db.user.findUniqueOrThrow({ where: { id: locked.id } }), created: count === 1, droppedClaimOf };
    },

    /**
     * A proven phone (`phoneVerifiedAt` set) first takes the phone from an unproven claim; a proven phone elsewhere
     * is `taken`.
     * @returns the new user, or which unique field another user already has.
     */
    async create(data: NewUser): Promise<{ user: User } | { taken: 'email' | 'phone' }> {
      if (data.phone && !data.phoneVerifiedAt) throw new Error('users.create: a phone must come with the time it was proven');
      const taken = await takenField(data);
      if (taken) return { taken };
      if (data.phone) await dropPhoneClaim(data.phone);
      if (data.email) await dropEmailClaim(data.email);
      try {
        return { user: await db.user.create({ data: { ...data, fleetIds: data.fleetIds ?? [] } }) };
      } catch (error) {
        // Lost a race with another insert of the same email or phone: name the field the winner took. Inside a
        // transaction that read fails too (the violation aborted it): the violation itself goes up then, and the
        // caller retries in a new transaction, which sees the winner.
        if (!isUniqueViolation(error)) throw error;
        const raced = await takenField(data).catch(() => null);
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

    setPasswordHash(id: string, passwordHash: string): Promise<User> {
      return db.user.update({ where: { id }, data: { passwordHash } });
    },

    /**
     * The FLEET_MANAGERs of any of `fleetIds`, by name then id: one query for many fleets (the `Fleet.managers`
     * loader groups them). An array overlap on users.fleet_ids; the role is checked here rather than in SQL because
     * an enum-array `has` fails on embedded PGlite (only FLEET_MANAGERs hold fleet ids anyway: checkFleetIds).
     */
    async findFleetManagers(fleetIds: readonly string[]): Promise<UserDisplay[]> {
      const holders = await db.user.findMany({
        where: { fleetIds: { hasSome: [...fleetIds] } },
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
        select: USER_DISPLAY_SELECT,
      });
      return holders.filter((user) => user.roles.includes('FLEET_MANAGER'));
    },

    /** Locks the user's row for the rest of the transaction, so two role changes on one user apply one after the other. */
    async findByIdForUpdate(id: string): Promise<User | null> {
      const [locked] = await db.$queryRaw<{ id: string }[]>`SELECT id::text AS "id" FROM "identity"."users" WHERE id = ${id}::uuid FOR UPDATE`;
      return locked ? db.user.findUnique({ where: { id } }) : null;
    },

    setRoles(id: string, roles: Role[], fleetIds: string[]): Promise<User> {
      return db.user.update({ where: { id }, data: { roles, fleetIds } });
    },

    deactivate(id: string): Promise<User> {
      return db.user.update({ where: { id }, data: { active: false } });
    },

    // --- self-service account (updateMe) and referrals ---
    /** One conditional UPDATE: of two concurrent reactivations, one changes the row. @returns null when it was active. */
    async reactivate(id: string): Promise<User | null> {
      const [row] = await db.user.updateManyAndReturn({ where: { id, active: false }, data: { active: true } });
      return row ?? null;
    },

    /** @param code already normalised (upper-case). */
    findByReferralCode(code: string): Promise<Pick<User, 'id'> | null> {
      return db.user.findUnique({ where: { referralCode: code }, select: { id: true } });
    },

    /**
     * Applies `updateMe`. A new email drops another account's unproven claim on it and is stored unproven; a proven
     * email elsewhere is `taken`.
     * @throws Prisma P2002 when a concurrent change took the email first.
     */
    async updateProfile(id: string, change: ProfileChange): Promise<{ user: User; droppedClaimOf: string | null } | { taken: 'email' }> {
      let droppedClaimOf: string | null = null;
      if (change.email !== undefined) {
        if (await takenField({ email: change.email })) return { taken: 'email' };
        droppedClaimOf = await dropEmailClaim(change.email, id);
      }
      // A proven email elsewhere that appeared since the check (a race) fails the unique index: the caller's
      // transaction then rolls back and the caller answers EMAIL_TAKEN (isUniqueViolation).
      const user = await db.user.update({
        where: { id },
        data: { ...change, ...(change.email !== undefined ? { emailVerifiedAt: null } : {}) },
      });
      return { user, droppedClaimOf };
    },
    // --- end self-service account ---

    /** `take + 1` users in (createdAt desc, id desc) order after the cursor. */
    page(filter: UserFilter, page: PageRequest): Promise<User[]> {
      return db.user.findMany({ where: { AND: [usersWhere(filter), afterCursorWhere(page.after)] }, orderBy: newestFirst(), take: page.take + 1 });
    },

    /** How many users the filter selects across all pages (`UserConnection.totalCount`). */
    count(filter: UserFilter): Promise<number> {
      return db.user.count({ where: usersWhere(filter) });
    },
  };
}
