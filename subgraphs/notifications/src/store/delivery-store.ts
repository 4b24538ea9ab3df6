// The sender's queue: deliveries claimed with FOR UPDATE SKIP LOCKED (replicas share the work), and what sending one
// needs (the message, the user's contact, their live push devices).
import type { NotificationsPrisma } from './database.js';
import type { Contact, Delivery, Notification, PushDevice } from './prisma/client.js';

export type ClaimedDelivery = Delivery & { notification: Notification };

/**
 * Claims up to `limit` due QUEUED deliveries: attempts + 1 and a lease (next_attempt_at moved to `leaseUntil`), so a
 * process that dies mid-send leaves them to be claimed again after the lease.
 */
export async function claimDueDeliveries(prisma: NotificationsPrisma, limit: number, leaseUntil: Date): Promise<ClaimedDelivery[]> {
  return prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      select id::text as id from notifications.deliveries
      where status = 'QUEUED' and next_attempt_at <= now()
      order by next_attempt_at limit ${limit} for update skip locked`;
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    await tx.delivery.updateMany({ where: { id: { in: ids } }, data: { attempts: { increment: 1 }, nextAttemptAt: leaseUntil } });
    return tx.delivery.findMany({ where: { id: { in: ids } }, include: { notification: true } });
  });
}

export function findContact(prisma: NotificationsPrisma, userId: string): Promise<Contact | null> {
  return prisma.contact.findUnique({ where: { userId } });
}

/** The user's devices whose session has not ended (a device registered without a session always counts). */
export async function liveDevices(prisma: NotificationsPrisma, userId: string): Promise<PushDevice[]> {
  const [devices, ended] = await Promise.all([
    prisma.pushDevice.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } }),
    prisma.knownSession.findMany({ where: { userId, endedAt: { not: null } }, select: { sessionId: true } }),
  ]);
  const endedIds = new Set(ended.map((s) => s.sessionId));
  return devices.filter((d) => !d.sessionId || !endedIds.has(d.sessionId));
}

export type DeliveryOutcome =
  | { status: 'SENT' }
  | { status: 'SKIPPED'; reason: string }
  | { status: 'FAILED'; reason: string; error: string }
  | { status: 'RETRY'; at: Date; error: string };

/** Records an attempt's outcome, only while the delivery is still the QUEUED one that was claimed. */
export async function recordOutcome(prisma: NotificationsPrisma, delivery: Delivery, outcome: DeliveryOutcome, now: Date): Promise<void> {
  const where = { id: delivery.id, status: 'QUEUED' as const, attempts: delivery.attempts };
  if (outcome.status === 'SENT') await prisma.delivery.updateMany({ where, data: { status: 'SENT', sentAt: now, nextAttemptAt: null, lastError: null } });
  else if (outcome.status === 'SKIPPED') await prisma.delivery.updateMany({ where, data: { status: 'SKIPPED', reason: outcome.reason, nextAttemptAt: null } });
  else if (outcome.status === 'FAILED')
    await prisma.delivery.updateMany({ where, data: { status: 'FAILED', reason: outcome.reason, lastError: outcome.error, nextAttemptAt: null } });
  else await prisma.delivery.updateMany({ where, data: { nextAttemptAt: outcome.at, lastError: outcome.error } });
}
