// The only code that writes fleet's user_names table (through platform/db/user-name-copy.ts) and the name copied into
// drivers: identity's display names as its `user.name.changed` events told fleet.
import { recordUserNameCopy } from '../../../../platform/db/index.js';
import type { Db } from './store.js';

export type UserNameStore = ReturnType<typeof createUserNameStore>;

export function createUserNameStore(db: Db) {
  return {
    /**
     * Records the user's name as of `at` unless a later instant's is stored already (events can arrive out of order),
     * then sets the stored (newest) name on the user's driver profile, if any. Idempotent: the same event applied
     * twice, or an older one after it, changes nothing. Run it in a transaction: the lock is held until it ends.
     */
    async record(userId: string, name: string, at: Date): Promise<void> {
      // The lock a new drivers row takes in its insert trigger (migration driver_names): taken before both writes,
      // so the update below also sees a profile made concurrently, or that profile's trigger sees this name.
      await db.$executeRawUnsafe(`select 1 from pg_advisory_xact_lock(hashtextextended('fleet.user_names:' || $1::uuid::text, 0))`, userId);
      await recordUserNameCopy(db, 'fleet', userId, name, at);
      // From the stored row, not the event: after an older event this rewrites nothing.
      await db.$executeRawUnsafe(
        'update "fleet".drivers d set name = u.name from "fleet".user_names u ' +
          'where u.user_id = $1::uuid and d.user_id = u.user_id and d.name is distinct from u.name',
        userId,
      );
    },
  };
}
