// The inbox's consumer of durable events: each event becomes messages for the people it concerns (event-messages.ts),
// written with the processed-event record in one transaction (handleOnce), so a redelivered event notifies nobody
// twice. Live announcements and the sender's wake-up happen after the commit.
import { handleOnce, type AnyEventEnvelope } from '../../../../platform/events/index.js';
import type { NotificationsPrisma } from '../store/database.js';
import type { Tx } from '../store/db.js';
import { applyContact, applyDriverFleet, applyKnownUser, sessionEnded, sessionStarted } from '../store/directory-store.js';
import { messagesForEvent } from './event-messages.js';
import { writeMessages, type WrittenMessages } from './inbox-writer.js';
import type { LiveAnnouncer } from './live-announcer.js';

export const INBOX_GROUP = 'notifications';
export const INBOX_CONSUMER = 'notifications.inbox';

export interface EventInboxDeps {
  prisma: NotificationsPrisma;
  live: LiveAnnouncer;
  /** Called when deliveries were queued (wakes the sender). */
  onQueued?: () => void;
}

/** @returns the notifications written, none when the event had been handled before or concerns nobody. */
export function createEventInbox({ prisma, live, onQueued }: EventInboxDeps) {
  return async function handle(event: AnyEventEnvelope): Promise<WrittenMessages> {
    const requests = messagesForEvent(event);
    let written: WrittenMessages = { notifications: [], queued: false };
    if (requests.length === 0 && !DIRECTORY_EVENTS.has(event.type)) return written;
    await handleOnce(prisma, { schema: 'notifications', consumer: INBOX_CONSUMER, event }, async (tx) => {
      await applyToDirectory(tx, event);
      written = await writeMessages(tx, requests);
    });
    if (written.notifications.length > 0) await live.added(written.notifications);
    if (written.queued) onQueued?.();
    return written;
  };
}

const DIRECTORY_EVENTS = new Set<string>([
  'user.registered',
  'user.changed',
  'driver.status.changed',
  'user.contact.changed',
  'session.started',
  'session.ended',
]);

/** Who users are (roles, a driver's fleet: announcement audiences), contacts and sessions (what deliveries need). */
async function applyToDirectory(tx: Tx, event: AnyEventEnvelope): Promise<void> {
  if (event.type === 'user.registered' || event.type === 'user.changed') {
    const { userId, roles, active, occurredAt } = event.payload;
    await applyKnownUser(tx, { userId, roles, active, changedAt: new Date(occurredAt) });
  } else if (event.type === 'driver.status.changed') {
    const { userId, fleetId, version } = event.payload;
    await applyDriverFleet(tx, { userId, fleetId, version });
  } else if (event.type === 'user.contact.changed') {
    const { userId, phone, email, occurredAt } = event.payload;
    await applyContact(tx, { userId, phone, email, changedAt: new Date(occurredAt) });
  } else if (event.type === 'session.started') {
    await sessionStarted(tx, event.payload.sessionId, event.payload.userId);
  } else if (event.type === 'session.ended') {
    await sessionEnded(tx, event.payload.sessionId, event.payload.userId, new Date(event.payload.occurredAt));
  }
}
