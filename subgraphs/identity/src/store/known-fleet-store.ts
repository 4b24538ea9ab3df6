// The only code that reads and writes identity's known_fleets table: the fleets fleet's `fleet.changed` events named.
import type { Db } from './store.js';

export type KnownFleetStore = ReturnType<typeof createKnownFleetStore>;

export function createKnownFleetStore(db: Db) {
  return {
    async exists(id: string): Promise<boolean> {
      return (await db.knownFleet.findUnique({ where: { id }, select: { id: true } })) !== null;
    },

    /**
     * Records that the fleet exists as of `at`, unless a later instant is stored already. Idempotent, and one
     * statement, so redelivered or reordered events (on two consumers at once) need no processed-event record.
     */
    async record(id: string, at: Date): Promise<void> {
      await db.$executeRaw`insert into "identity".known_fleets (id, changed_at) values (${id}::uuid, ${at}::timestamptz)
        on conflict (id) do update set changed_at = excluded.changed_at where known_fleets.changed_at < excluded.changed_at`;
    },
  };
}
