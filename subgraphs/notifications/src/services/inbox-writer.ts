// Writes messages into inboxes, with their delivery plan, inside the caller's transaction: the inbox row always
// (it is the record; a provider outage never loses it), and one delivery per other channel — QUEUED when the
// user's preference (or the type's default) wants it, released after the quiet hours for non-urgent types,
// SKIPPED with reason PREFERENCE otherwise. A message with its own channels (an announcement) has a delivery only
// on those: a channel it never used is no one's preference, and an announcement to 100,000 users writes half the
// rows (bench/results/notifications.md). The sender (services/sender.ts) sends the QUEUED ones after commit.
import { randomUUID } from 'node:crypto';
import { loadDeliverySettings, preferenceKey, type DeliverySettings } from '../store/delivery-plan-store.js';
import type { Tx } from '../store/db.js';
import { insertDeliveries, insertNotifications, type NewDelivery } from '../store/inbox-rows-store.js';
import type { DeliveryChannel, Notification, NotificationType } from '../store/prisma/client.js';
import { CHANNELS, isDefaultOn, NOTIFICATION_TYPES } from '../templates/catalogue.js';
import type { MessageRequest } from '../templates/messages.js';
import { renderMessage } from '../templates/render.js';
import { releaseTime } from './quiet-hours.js';

export interface WrittenMessages {
  notifications: Notification[];
  /** The request each notification answers, in the same order (a repeated welcome has none). */
  requests: MessageRequest[];
  /** Whether any delivery was queued (wake the sender). */
  queued: boolean;
}

export async function writeMessages(tx: Tx, requests: readonly MessageRequest[], now: Date = new Date()): Promise<WrittenMessages> {
  requests = await withoutRepeatedWelcomes(tx, requests);
  if (requests.length === 0) return { notifications: [], requests: [], queued: false };
  const settings = await loadDeliverySettings(
    tx,
    requests.map((r) => r.userId),
  );
  const notifications: Notification[] = [];
  const deliveries: NewDelivery[] = [];
  for (const request of requests) {
    const type = request.data.type;
    const text = renderMessage(request.data);
    // Ids made here so the whole batch is two statements (notifications, deliveries), not one per message.
    const notification: Notification = {
      id: randomUUID(),
      userId: request.userId,
      kind: NOTIFICATION_TYPES[type].kind,
      type,
      title: text.title,
      body: text.body,
      link: text.link,
      createdAt: now,
      readAt: null,
    };
    notifications.push(notification);
    deliveries.push(...planDeliveries(notification, type, request.channels, settings.get(request.userId)!, now));
  }
  await insertNotifications(tx, notifications);
  await insertDeliveries(tx, deliveries);
  return { notifications, requests: [...requests], queued: deliveries.some((d) => d.status === 'QUEUED') };
}

/**
 * One delivery per channel of a new notification: QUEUED when wanted (released after the quiet hours for non-urgent
 * types), else SKIPPED with reason PREFERENCE. `channels` (an announcement's choice) replaces the type's channels.
 */
export function planDeliveries(
  notification: { id: string; userId: string },
  type: NotificationType,
  chosen: readonly DeliveryChannel[] | undefined,
  settings: DeliverySettings,
  now: Date,
): NewDelivery[] {
  const release = NOTIFICATION_TYPES[type].urgent ? now : releaseTime(settings.quietHours, now);
  const channels = chosen ? CHANNELS.filter((channel) => chosen.includes(channel)) : CHANNELS;
  return channels.map((channel) => {
    // Chosen channels are on unless the recipient explicitly turned this type off there.
    const wanted = chosen ? (settings.overrides.get(preferenceKey(type, channel)) ?? true) : channelWanted(settings, type, channel);
    return {
      notificationId: notification.id,
      userId: notification.userId,
      channel,
      status: wanted ? 'QUEUED' : 'SKIPPED',
      reason: wanted ? null : 'PREFERENCE',
      nextAttemptAt: wanted ? release : null,
      createdAt: now,
    };
  });
}

/**
 * A user is welcomed once, whatever asks again (the demo seed's welcome, a user.registered emitted anew, two of them
 * in one batch of the consumer).
 */
async function withoutRepeatedWelcomes(tx: Tx, requests: readonly MessageRequest[]): Promise<readonly MessageRequest[]> {
  const welcomed = requests.filter((r) => r.data.type === 'WELCOME').map((r) => r.userId);
  if (welcomed.length === 0) return requests;
  const already = new Set(
    (await tx.notification.findMany({ where: { userId: { in: welcomed }, type: 'WELCOME' }, select: { userId: true } })).map((n) => n.userId),
  );
  return requests.filter((r) => {
    if (r.data.type !== 'WELCOME') return true;
    if (already.has(r.userId)) return false;
    already.add(r.userId);
    return true;
  });
}

/** Mandatory types ignore preferences; the others use the user's choice, else the type's default. */
export function channelWanted(settings: DeliverySettings, type: NotificationType, channel: DeliveryChannel): boolean {
  if (NOTIFICATION_TYPES[type].mandatory) return isDefaultOn(type, channel);
  return settings.overrides.get(preferenceKey(type, channel)) ?? isDefaultOn(type, channel);
}
