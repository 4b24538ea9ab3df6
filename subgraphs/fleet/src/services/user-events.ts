// fleet's consumer of identity's user events: which accounts exist, their roles and whether they are active, so
// `createDriverProfile` can refuse a made-up user id, a member of staff or a deactivated account without reading
// identity's tables. Writes are idempotent on
// their own (newest `occurredAt` wins, in one statement), so no processed-event record is needed.
import type { AnyEventEnvelope, DomainEventType } from '../../../../platform/events/index.js';
import { isUuid } from '../../../../platform/graphql/index.js';
import type { Logger } from '../../../../platform/logging/index.js';
import type { FleetStore } from '../store/store.js';

export const USER_EVENT_TYPES = ['user.registered', 'user.changed'] as const satisfies readonly DomainEventType[];

/** @returns the handler for `events.consume`; it resolves once the event is recorded. */
export function createUserEventHandler({ store, logger }: { store: FleetStore; logger: Logger }) {
  return async (event: AnyEventEnvelope): Promise<void> => {
    if (event.type !== 'user.registered' && event.type !== 'user.changed') return;
    const { userId, roles, occurredAt } = event.payload;
    // Absent in a malformed event: an account is active unless identity says otherwise.
    const active = event.payload.active !== false;
    const at = new Date(occurredAt);
    // A malformed event is logged and acknowledged: retrying cannot make it valid.
    if (!isUuid(userId) || !Array.isArray(roles) || Number.isNaN(at.getTime())) {
      logger.warn({ eventId: event.id, type: event.type }, 'user event without a valid user id, roles or time; skipped');
      return;
    }
    await store.knownUsers.record({ userId, roles, active }, at, event.type === 'user.registered');
  };
}
