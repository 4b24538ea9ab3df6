// The only code that reads and writes fleet's known_users table: identity's accounts as their events told fleet.
import type { Db } from './store.js';
import type { KnownUser } from './prisma/client.js';

export type KnownUserStore = ReturnType<typeof createKnownUserStore>;

export function createKnownUserStore(db: Db) {
  return {
    findById(userId: string): Promise<KnownUser | null> {
      return db.knownUser.findUnique({ where: { userId } });
    },

    /**
     * Records the account's roles and `active` as of `at`, unless a later instant's are stored already (events can
     * arrive out of order). Idempotent: the same event applied twice changes nothing.
     * @param onlyIfNew true for `user.registered`: it never overwrites what a change already said.
     */
    async record(account: { userId: string; roles: string[]; active: boolean }, at: Date, onlyIfNew: boolean): Promise<void> {
      // One statement, so two events of one user racing on two consumers cannot interleave read and write.
      await db.$executeRawUnsafe(
        'insert into "fleet".known_users (user_id, roles, active, roles_at) values ($1::uuid, $2::text[], $3::boolean, $4::timestamptz) ' +
          'on conflict (user_id) do update set roles = excluded.roles, active = excluded.active, roles_at = excluded.roles_at ' +
          'where not $5::boolean and known_users.roles_at <= excluded.roles_at',
        account.userId,
        account.roles,
        account.active,
        at,
        onlyIfNew,
      );
    },
  };
}
