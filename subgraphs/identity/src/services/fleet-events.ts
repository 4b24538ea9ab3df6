// identity's consumer of fleet's `fleet.changed`: which fleets exist, so `onboardDriver` can refuse an unknown fleet
// at the mutation without asking fleet (subgraphs never call each other). Writes are idempotent on their own
// (newest `occurredAt` wins, in one statement), so no processed-event record is needed.
import type { AnyEventEnvelope, DomainEventType } from '../../../../platform/events/index.js';
import { isUuid } from '../../../../platform/graphql/index.js';
import type { Logger } from '../../../../platform/logging/index.js';
import type { IdentityStore } from '../store/store.js';

export const FLEET_EVENT_TYPES = ['fleet.changed'] as const satisfies readonly DomainEventType[];

/** Its own consumer group: within a group each event reaches one member, which skips types it does not handle. */
export const FLEET_CONSUMER_GROUP = 'identity.fleets';

/** @returns the handler for `events.consume`; it resolves once the fleet is recorded. */
export function createFleetEventHandler({ store, logger }: { store: IdentityStore; logger: Logger }) {
  return async (event: AnyEventEnvelope): Promise<void> => {
    if (event.type !== 'fleet.changed') return;
    const { fleetId, occurredAt } = event.payload;
    const at = new Date(occurredAt);
    // A malformed event is logged and acknowledged: retrying cannot make it valid.
    if (!isUuid(fleetId) || Number.isNaN(at.getTime())) {
      logger.warn({ eventId: event.id }, 'fleet.changed without a valid fleet id or time; skipped');
      return;
    }
    await store.knownFleets.record(fleetId, at);
  };
}
