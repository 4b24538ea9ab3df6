// fleet's consumer of identity's `user.name.changed`: the display name of every account, kept in user_names and on
// the user's driver profile, so `Driver.name` is a column of the row the driver loader reads already — no
// `@requires` hop through identity and back. Idempotent on its own (newest `occurredAt` wins, compared in the
// statement that writes), so no processed-event record is needed: redelivery and reordering change nothing.
import type { AnyEventEnvelope, DomainEventType } from '../../../../platform/events/index.js';
import { isUuid } from '../../../../platform/graphql/index.js';
import type { Logger } from '../../../../platform/logging/index.js';
import type { FleetStore } from '../store/store.js';

export const USER_NAME_EVENT_TYPES = ['user.name.changed'] as const satisfies readonly DomainEventType[];

/** @returns the handler for `events.consume`; it resolves once the name is stored. */
export function createUserNameEventHandler({ store, logger }: { store: FleetStore; logger: Logger }) {
  return async (event: AnyEventEnvelope): Promise<void> => {
    if (event.type !== 'user.name.changed') return;
    const { userId, name, occurredAt } = event.payload;
    const at = new Date(occurredAt);
    // A malformed event is logged and acknowledged: retrying cannot make it valid.
    if (!isUuid(userId) || typeof name !== 'string' || Number.isNaN(at.getTime())) {
      logger.warn({ eventId: event.id, type: event.type }, 'user.name.changed without a valid user id, name or time; skipped');
      return;
    }
    await store.transaction((tx) => tx.userNames.record(userId, name, at));
  };
}
