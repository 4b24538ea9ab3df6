// fleet's consumer of identity's `user.name.changed`: the display name of every account, kept in user_names and on
// the user's driver profile, so `Driver.name` is a column of the row the driver loader reads already — no
// `@requires` hop through identity and back. The event is checked by the handler every name copy shares
// (platform/events/user-name-copies.ts); the newest `occurredAt` wins in the statement that writes.
import { createUserNameEventHandler as nameCopyHandler, USER_NAME_EVENT_TYPES } from '../../../../platform/events/index.js';
import type { Logger } from '../../../../platform/logging/index.js';
import type { FleetStore } from '../store/store.js';

export { USER_NAME_EVENT_TYPES };

/** @returns the handler for `events.consume`; it resolves once the name is stored. */
export function createUserNameEventHandler({ store, logger }: { store: FleetStore; logger: Logger }) {
  return nameCopyHandler({ record: (userId, name, at) => store.transaction((tx) => tx.userNames.record(userId, name, at)), logger });
}
