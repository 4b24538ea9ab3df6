// The inbox's consumer of durable events: each event becomes messages for the people it concerns (event-messages.ts),
// written with the processed-event record in one transaction (handleOnce), so a redelivered event notifies nobody
// twice. Live announcements and the sender's wake-up happen after the commit.
import { handleOnce, type AnyEventEnvelope } from '../../../../platform/events/index.js';
import type { NotificationsPrisma } from '../store/database.js';
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
    if (requests.length === 0) return written;
    await handleOnce(prisma, { schema: 'notifications', consumer: INBOX_CONSUMER, event }, async (tx) => {
      written = await writeMessages(tx, requests);
    });
    if (written.notifications.length > 0) await live.added(written.notifications);
    if (written.queued) onQueued?.();
    return written;
  };
}
