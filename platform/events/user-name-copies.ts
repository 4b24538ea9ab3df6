// The handler every subgraph that keeps a copy of users' display names gives identity's `user.name.changed`: fleet
// (`Driver.name`) and trips (`Trip.rider { name }`, provided so the trips board needs no fetch from identity). The
// copy's own store writes; this checks the event. Idempotent when `record` keeps the newest `occurredAt` (compared in
// the statement that writes), so no processed-event record is needed: redelivery and reordering change nothing.
import { isUuid } from '../graphql/ids.js';
import type { AnyEventEnvelope, DomainEventType } from './catalogue.js';
import type { EventsLogger } from './options.js';

export const USER_NAME_EVENT_TYPES = ['user.name.changed'] as const satisfies readonly DomainEventType[];

/** Stores `name` as the user's name as of `at`, unless a later instant's is stored already. */
export type RecordUserName = (userId: string, name: string, at: Date) => Promise<void>;

/** @returns the handler for `events.consume`; it resolves once the name is stored. Other event types are ignored. */
export function createUserNameEventHandler({ record, logger }: { record: RecordUserName; logger: EventsLogger }) {
  return async (event: AnyEventEnvelope): Promise<void> => {
    if (event.type !== 'user.name.changed') return;
    const { userId, name, occurredAt } = event.payload;
    const at = new Date(occurredAt);
    // A malformed event is logged and acknowledged: retrying cannot make it valid.
    if (!isUuid(userId) || typeof name !== 'string' || Number.isNaN(at.getTime())) {
      logger.warn({ eventId: event.id, type: event.type }, 'user.name.changed without a valid user id, name or time; skipped');
      return;
    }
    await record(userId, name, at);
  };
}
