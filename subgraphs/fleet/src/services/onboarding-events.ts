// fleet's consumer of identity's `driver.onboarded` (onboardDriver): the driver profile in the named fleet, made once
// per event (handleOnce records it in the transaction that creates the profile, so a redelivered event changes
// nothing). identity checked the account (active, not staff, not a driver before) under its row lock in the
// transaction that granted DRIVER and wrote this event; fleet checks what it owns: the fleet, one profile per user,
// one driver per licence — the rules of createDriverProfile.
import { handleOnce, type AnyEventEnvelope, type DomainEventType, type EventEnvelope } from '../../../../platform/events/index.js';
import { isUuid } from '../../../../platform/graphql/index.js';
import type { Logger } from '../../../../platform/logging/index.js';
import type { FleetPrisma } from '../store/database.js';
import { bindFleetStores, type FleetStores } from '../store/store.js';
import { changeDriverState, type OutboxNotifier } from './driver-state.js';
import { checkLicence, normaliseLicence, parseCalendarDate } from './validation.js';

export const ONBOARDING_EVENT_TYPES = ['driver.onboarded'] as const satisfies readonly DomainEventType[];
export const ONBOARDING_EVENTS_CONSUMER = 'fleet.driver-onboarding';

export interface OnboardingEventHandlerDeps {
  prisma: FleetPrisma;
  outbox: OutboxNotifier;
  logger: Logger;
  /** Default: the system clock. */
  now?: () => Date;
}

/** @returns the handler for `events.consume`; it resolves once the profile exists (or the event was refused, logged). */
export function createOnboardingEventHandler({ prisma, outbox, logger, now = () => new Date() }: OnboardingEventHandlerDeps) {
  return async (event: AnyEventEnvelope): Promise<void> => {
    if (event.type !== 'driver.onboarded') return;
    const applied = await handleOnce(prisma, { schema: 'fleet', consumer: ONBOARDING_EVENTS_CONSUMER, event }, async (tx) => {
      await createProfile(bindFleetStores(tx), event, now(), logger);
    });
    if (applied) outbox.wake();
  };
}

/**
 * What identity cannot check refuses the profile (logged at warn with the event id, acknowledged: a retry cannot
 * change the answer): a fleet fleet does not know, a user who has a profile already, a licence another driver holds.
 * The account keeps DRIVER; staff give it a profile with `createDriverProfile`.
 */
async function createProfile(stores: FleetStores, event: EventEnvelope<'driver.onboarded'>, at: Date, logger: Logger): Promise<void> {
  const { userId, fleetId } = event.payload;
  const licenceNumber = normaliseLicence(String(event.payload.licenceNumber ?? ''));
  const licenceExpiresOn = event.payload.licenceExpiresOn ? parseCalendarDate(event.payload.licenceExpiresOn) : null;
  const refuse = (why: string) => {
    logger.warn({ eventId: event.id, userId, fleetId }, `driver.onboarded: no driver profile made: ${why}`);
  };
  if (!isUuid(userId) || !isUuid(fleetId) || checkLicence(licenceNumber, 'licenceNumber') || (event.payload.licenceExpiresOn && !licenceExpiresOn)) {
    return refuse('malformed event');
  }
  if (!(await stores.fleets.findById(fleetId))) return refuse('unknown fleet');
  // Read inside the transaction: a racing createDriverProfile or a second delivery on another consumer loses on the
  // unique indexes (the transaction fails, the event is retried and then finds the winner here).
  if (await stores.drivers.findByUserId(userId)) return refuse('the user has a driver profile already');
  if (await stores.drivers.findByLicence(licenceNumber)) return refuse('another driver has this licence number');
  const driver = await stores.drivers.create({ userId, fleetId, licenceNumber, licenceExpiresOn });
  // The first driver.status.changed (version 1) tells trips the driver exists, as createDriverProfile does.
  await changeDriverState(stores, driver, {}, at);
}
