// fleet's consumer of identity's user events: which accounts exist and their roles, so `createDriverProfile` can
// refuse a made-up user id or a member of staff without reading identity's tables. Writes are idempotent on
// their own (newest `occurredAt` wins, in one statement), so no processed-event record is needed.
import type { AnyEventEnvelope, DomainEventType } from '../../../../platform/events/index.js';
import { isUuid } from '../../../../platform/graphql/index.js';
import type { Logger } from '../../../../platform/logging/index.js';
import type { FleetStore } from '../store/store.js';

export const USER_EVENT_TYPES = ['user.registered', 'user.roles.changed'] as const satisfies readonly DomainEventType[];

/** @returns the handler for `events.consume`; it resolves once the event is recorded. */
export function createUserEventHandler({ store, logger }: { store: FleetStore; logger: Logger }) {
  return async (event: AnyEventEnvelope): Promise<void> => {
    if (event.type !== 'user.registered' && event.type !== 'user.roles.changed') return;
    const { userId, roles, occurredAt } = event.payload;
    const at = new Date(occurredAt);
    // A malformed event is logged and acknowledged: retrying cannot make it valid.
    if (!isUuid(userId) || !Array.isArray(roles) || Number.isNaN(at.getTime())) {
      logger.warn({ eventId: event.id, type: event.type }, 'user event without a valid user id, roles or time; skipped');
      return;
    }
    await store.knownUsers.record(userId, roles, at, event.type === 'user.registered');
  };
}
