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
     * Records the account's roles as of `at`, unless roles of a later instant are stored already (events can
     * arrive out of order). Idempotent: the same event applied twice changes nothing.
     * @param onlyIfNew true for `user.registered`: it never overwrites what a roles change already said.
     */
    async record(userId: string, roles: string[], at: Date, onlyIfNew: boolean): Promise<void> {
      // One statement, so two events of one user racing on two consumers cannot interleave read and write.
      await db.$executeRawUnsafe(
        'insert into "fleet".known_users (user_id, roles, roles_at) values ($1::uuid, $2::text[], $3::timestamptz) ' +
          'on conflict (user_id) do update set roles = excluded.roles, roles_at = excluded.roles_at ' +
          'where not $4::boolean and known_users.roles_at <= excluded.roles_at',
        userId, roles, at, onlyIfNew,
      );
    },
  };
}
