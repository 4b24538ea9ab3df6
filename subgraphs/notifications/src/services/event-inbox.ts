// The inbox's consumer of durable events: each event becomes messages for the people it concerns (event-messages.ts),
// written with the processed-event record in one transaction, so a redelivered event notifies nobody twice. Live
// announcements and the sender's wake-up happen after the commit.
//
// Two paths with one outcome: `handle` (handleOnce, one event per transaction) and `handleBatch` (the events the
// group's members hold at once, in one transaction of set-based statements). The consumer uses the batch
// (platform/events/batcher.ts) and falls back to one event at a time when a batch fails.
import { handleOnce, type AnyEventEnvelope } from '../../../../platform/events/index.js';
import type { NotificationsPrisma } from '../store/database.js';
import type { Tx } from '../store/db.js';
import type { Notification } from '../store/prisma/client.js';
import type { MessageRequest } from '../templates/messages.js';
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

/** Whether the inbox does anything with the event (the others are acknowledged without a record). */
const concernsInbox = (event: AnyEventEnvelope, requests: readonly MessageRequest[]) => requests.length > 0 || DIRECTORY_EVENTS.has(event.type);

/** @returns the notifications written, none when the event had been handled before or concerns nobody. */
export function createEventInbox({ prisma, live, onQueued }: EventInboxDeps) {
  return async function handle(event: AnyEventEnvelope): Promise<WrittenMessages> {
    const requests = messagesForEvent(event);
    let written: WrittenMessages = { notifications: [], requests: [], queued: false };
    if (!concernsInbox(event, requests)) return written;
    await handleOnce(prisma, { schema: 'notifications', consumer: INBOX_CONSUMER, event }, async (tx) => {
      await applyToDirectory(tx, event);
      written = await writeMessages(tx, requests);
    });
    if (written.notifications.length > 0) await live.added(written.notifications);
    if (written.queued) onQueued?.();
    return written;
  };
}

/**
 * Handles a batch in one transaction: one processed-event insert for all ids (an id seen before, or twice in the
 * batch, is handled once), the directory changes in the batch's order, then all messages through one writeMessages
 * (preferences and quiet hours read once for all recipients, the inbox rows and deliveries one insert each). After
 * the commit: NOTIFICATION_ADDED per notification and one exact unread count per user of the batch.
 * @returns per event, the notifications written for it (none when handled before or it concerns nobody).
 */
export function createEventInboxBatch({ prisma, live, onQueued }: EventInboxDeps) {
  return async function handleBatch(events: readonly AnyEventEnvelope[]): Promise<Notification[][]> {
    const requests = events.map((event) => messagesForEvent(event));
    const relevant = events.filter((event, i) => concernsInbox(event, requests[i]!));
    // Sorted: two batches sharing ids lock them in one order.
    const ids = [...new Set(relevant.map((e) => e.id))].sort();
    const results: Notification[][] = events.map(() => []);
    if (ids.length === 0) return results;
    const eventOf = new Map<MessageRequest, number>();
    const written = await prisma.$transaction(async (tx) => {
      const fresh = new Set(
        (
          await tx.$queryRaw<{ event_id: string }[]>`insert into notifications.processed_events (consumer, event_id)
            select ${INBOX_CONSUMER}, unnest(${ids}::uuid[]) on conflict do nothing returning event_id::text`
        ).map((r) => r.event_id),
      );
      // `delete`: the first copy of an event in the batch is handled, a second one is not.
      const handled = events.map((event, i) => concernsInbox(event, requests[i]!) && fresh.delete(event.id));
      for (const [i, event] of events.entries()) if (handled[i]) await applyToDirectory(tx, event);
      for (const [i, eventRequests] of requests.entries()) if (handled[i]) for (const request of eventRequests) eventOf.set(request, i);
      return writeMessages(tx, [...eventOf.keys()]);
    });
    written.notifications.forEach((notification, k) => results[eventOf.get(written.requests[k]!)!]!.push(notification));
    if (written.notifications.length > 0) await live.added(written.notifications);
    if (written.queued) onQueued?.();
    return results;
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
