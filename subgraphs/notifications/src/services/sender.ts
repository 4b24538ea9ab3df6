// The sender: sends QUEUED deliveries through the channel providers, outside any database transaction. Claimed in
// short transactions with FOR UPDATE SKIP LOCKED and a lease (store/delivery-store.ts); a transient provider failure
// (outage, 5xx, 429, timeout) is retried with backoff, a permanent one recorded as FAILED. The in-app inbox row was
// written with the event, so an outage only delays the other channels: it never loses a message.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../../../../platform/logging/index.js';
import { ProviderError, type Providers } from '../providers/index.js';
import { createPollingLoop, type PollingLoop } from '../../../../platform/jobs/index.js';
import type { NotificationsPrisma } from '../store/database.js';
import type { Contact, PushDevice } from '../store/prisma/client.js';
import { claimDueDeliveries, contactsOf, liveDevicesOf, recordOutcomes, type ClaimedDelivery, type DeliveryOutcome } from '../store/delivery-store.js';

/** After the 1st…5th transient failure wait this long; the 6th is recorded FAILED (RETRIES_EXHAUSTED). */
export const RETRY_DELAYS_MS = [5_000, 30_000, 2 * 60_000, 10 * 60_000, 60 * 60_000] as const;
const LEASE_MS = 2 * 60_000;
const BATCH = 100;
/**
 * After a full batch (a backlog: an announcement's 100,000 pushes), the sender waits this long before the next one,
 * leaving the CPUs to requests. A ride's few messages never fill a batch, so they are never delayed. Measured
 * (bench/results/notifications.md, 2 CPUs): draining an announcement's pushes back to back raised the inbox query's
 * p99 2.3-2.5x (the announcer alone 1.7-1.8x); batches of 50 with 25 ms pauses 1.0x but 71.5 s for the pushes;
 * batches of 100 with 20 ms, 1.3x and 37.4 s.
 */
export const SENDER_BACKLOG_PAUSE_MS = 20;

export interface SenderDeps {
  prisma: NotificationsPrisma;
  providers: Providers;
  logger: Logger;
  /** Default 1000 ms: how often due deliveries are looked for without a wake-up. */
  pollIntervalMs?: number;
  /** Default RETRY_DELAYS_MS (tests shorten them). */
  retryDelaysMs?: readonly number[];
  /** Default SENDER_BACKLOG_PAUSE_MS: the wait after a full batch. */
  backlogPauseMs?: number;
}

export type Sender = PollingLoop;

/** What sending to one recipient needs, read for the whole batch at once. */
interface Recipient {
  /** Their push devices whose session has not ended, oldest first. */
  devices: PushDevice[];
  contact: Contact | null;
}

export function createSender({
  prisma,
  providers,
  logger,
  pollIntervalMs = 1000,
  retryDelaysMs = RETRY_DELAYS_MS,
  backlogPauseMs = SENDER_BACKLOG_PAUSE_MS,
}: SenderDeps): PollingLoop {
  /**
   * One batch of due deliveries, sent at once. What the batch needs is read and its outcomes written set-wise — one
   * statement each for the devices, ended sessions, contacts and outcomes, whatever the batch's size — so a 100,000-
   * recipient announcement does not queue three statements per recipient in the pool ahead of the users' own
   * queries; after a full batch it pauses (SENDER_BACKLOG_PAUSE_MS). @returns how many were claimed (0: nothing due).
   */
  async function pass(): Promise<number> {
    const claimed = await claimDueDeliveries(prisma, BATCH, new Date(Date.now() + LEASE_MS));
    if (claimed.length === 0) return 0;
    const usersOf = (push: boolean) => [...new Set(claimed.filter((d) => (d.channel === 'PUSH') === push).map((d) => d.userId))];
    const [devices, contacts] = await Promise.all([liveDevicesOf(prisma, usersOf(true)), contactsOf(prisma, usersOf(false))]);
    const outcomes = await Promise.all(
      claimed.map(async (delivery) => ({
        delivery,
        outcome: await sendOne(delivery, { devices: devices.get(delivery.userId) ?? [], contact: contacts.get(delivery.userId) ?? null }),
      })),
    );
    await recordOutcomes(prisma, outcomes, new Date());
    if (claimed.length === BATCH && backlogPauseMs > 0) await sleep(backlogPauseMs);
    return claimed.length;
  }

  async function sendOne(delivery: ClaimedDelivery, recipient: Recipient): Promise<DeliveryOutcome> {
    try {
      return await attempt(delivery, recipient);
    } catch (error) {
      const providerError = error instanceof ProviderError ? error : new ProviderError((error as Error).message, true, 'internal');
      logger.warn(
        { deliveryId: delivery.id, channel: delivery.channel, attempts: delivery.attempts, code: providerError.code, err: error },
        'notification delivery failed',
      );
      return afterFailure(delivery, providerError);
    }
  }

  function afterFailure(delivery: ClaimedDelivery, error: ProviderError): DeliveryOutcome {
    if (!error.transient) return { status: 'FAILED', reason: error.code, error: error.message };
    const delay = retryDelaysMs[delivery.attempts - 1];
    if (delay === undefined) return { status: 'FAILED', reason: 'RETRIES_EXHAUSTED', error: error.message };
    return { status: 'RETRY', at: new Date(Date.now() + delay), error: error.message };
  }

  async function attempt(delivery: ClaimedDelivery, { devices, contact }: Recipient): Promise<DeliveryOutcome> {
    const { notification } = delivery;
    if (delivery.channel === 'PUSH') {
      if (devices.length === 0) return { status: 'SKIPPED', reason: 'NO_DEVICE' };
      let sent = 0;
      let lastError: Error | null = null;
      for (const device of devices) {
        try {
          const result = await providers.push.send({
            token: device.token,
            platform: device.platform,
            title: notification.title,
            body: notification.body,
            link: notification.link,
            notificationId: notification.id,
          });
          if (result.status === 'sent') sent++;
          else {
            await prisma.pushDevice.deleteMany({ where: { id: device.id, token: device.token } });
            logger.info({ deviceId: device.id, platform: device.platform }, 'push token reported invalid by the provider; device removed');
          }
        } catch (error) {
          lastError = error instanceof Error ? error : new Error(String(error));
        }
      }
      // One device reached is the message delivered; a device that failed alongside is not retried (documented).
      if (sent > 0) return { status: 'SENT' };
      if (lastError) throw lastError;
      return { status: 'SKIPPED', reason: 'NO_DEVICE' };
    }
    if (delivery.channel === 'EMAIL') {
      if (!contact?.email) return { status: 'SKIPPED', reason: 'NO_ADDRESS' };
      await providers.email.send({ to: contact.email, subject: notification.title, text: emailText(notification), notificationId: notification.id });
      return { status: 'SENT' };
    }
    if (!contact?.phone) return { status: 'SKIPPED', reason: 'NO_ADDRESS' };
    await providers.sms.send({ to: contact.phone, body: `${notification.title}: ${notification.body}`, notificationId: notification.id });
    return { status: 'SENT' };
  }

  return createPollingLoop({ name: 'notification sender', pass, pollIntervalMs, logger });
}

function emailText(notification: { body: string; link: string | null }): string {
  return notification.link ? `${notification.body}\n\nOpen in the app: ${notification.link}` : notification.body;
}
