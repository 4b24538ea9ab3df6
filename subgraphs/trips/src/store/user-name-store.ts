// The only code that reads and writes trips' user_names: riders' display names as identity's `user.name.changed`
// events told trips (platform/events/user-name-copies.ts checks them). `Trip.rider { name }` is answered from here.
import { recordUserNameCopy } from '../../../../platform/db/index.js';
import type { Db } from './store.js';

export type UserNameStore = ReturnType<typeof createUserNameStore>;

export function createUserNameStore(db: Db) {
  return {
    /**
     * Records the user's name as of `at` unless a later instant's is stored already (events can arrive out of order).
     * Idempotent: the same event applied twice, or an older one after it, changes nothing.
     */
    record: (userId: string, name: string, at: Date): Promise<void> => recordUserNameCopy(db, 'trips', userId, name, at),

    /** The names of the given users that trips knows, in one statement (one text for any number of ids). */
    async findByUserIds(userIds: readonly string[]): Promise<{ userId: string; name: string }[]> {
      return db.$queryRawUnsafe<{ userId: string; name: string }[]>(
        'select user_id::text as "userId", name from "trips"."user_names" where user_id = any($1::uuid[])',
        userIds,
      );
    },
  };
}
