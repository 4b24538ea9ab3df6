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

/** The contacts of `userIds` (one statement), by user id. */
export async function contactsOf(prisma: NotificationsPrisma, userIds: readonly string[]): Promise<Map<string, Contact>> {
  if (userIds.length === 0) return new Map();
  const contacts = await prisma.contact.findMany({ where: { userId: { in: [...userIds] } } });
  return new Map(contacts.map((contact) => [contact.userId, contact]));
}

/**
 * The devices of `userIds` whose session has not ended (a device registered without a session always counts), by
 * user id, oldest first: two statements for the whole batch.
 */
export async function liveDevicesOf(prisma: NotificationsPrisma, userIds: readonly string[]): Promise<Map<string, PushDevice[]>> {
  const byUser = new Map<string, PushDevice[]>();
  if (userIds.length === 0) return byUser;
  const [devices, ended] = await Promise.all([
    prisma.pushDevice.findMany({ where: { userId: { in: [...userIds] } }, orderBy: { createdAt: 'asc' } }),
    prisma.knownSession.findMany({ where: { userId: { in: [...userIds] }, endedAt: { not: null } }, select: { sessionId: true } }),
  ]);
  const endedIds = new Set(ended.map((s) => s.sessionId));
  for (const device of devices) {
    if (device.sessionId && endedIds.has(device.sessionId)) continue;
    const list = byUser.get(device.userId);
    if (list) list.push(device);
    else byUser.set(device.userId, [device]);
  }
  return byUser;
}

export type DeliveryOutcome =
  | { status: 'SENT' }
  | { status: 'SKIPPED'; reason: string }
  | { status: 'FAILED'; reason: string; error: string }
  | { status: 'RETRY'; at: Date; error: string };

/**
 * Records the outcomes of a batch of attempts in one statement, each only while its delivery is still the QUEUED one
 * that was claimed (same attempts): a delivery whose lease ran out and was claimed again meanwhile is left to that
 * claim. SENT / SKIPPED / FAILED end it; RETRY keeps it QUEUED until `at`.
 */
export async function recordOutcomes(
  prisma: NotificationsPrisma,
  results: readonly { delivery: Delivery; outcome: DeliveryOutcome }[],
  now: Date,
): Promise<void> {
  if (results.length === 0) return;
  const column = <T>(pick: (outcome: DeliveryOutcome) => T) => results.map(({ outcome }) => pick(outcome));
  // Arrays travel as text[] and are cast in SQL: PGlite's driver refuses uuid[] / enum[] / timestamptz[] parameters.
  await prisma.$executeRaw`
    update notifications.deliveries d set
      status = case when o.status = 'RETRY' then d.status else o.status::notifications."DeliveryStatus" end,
      reason = case when o.status in ('SKIPPED', 'FAILED') then o.reason else d.reason end,
      last_error = case o.status when 'SENT' then null when 'SKIPPED' then d.last_error else o.error end,
      sent_at = case when o.status = 'SENT' then ${now.toISOString()}::timestamptz else d.sent_at end,
      next_attempt_at = o.at,
      updated_at = ${now.toISOString()}::timestamptz
    from unnest(
      ${results.map(({ delivery }) => delivery.id)}::text[]::uuid[],
      ${results.map(({ delivery }) => delivery.attempts)}::int[],
      ${column((o) => o.status)}::text[],
      ${column((o) => ('reason' in o ? o.reason : null))}::text[],
      ${column((o) => ('error' in o ? o.error : null))}::text[],
      ${column((o) => (o.status === 'RETRY' ? o.at.toISOString() : null))}::text[]::timestamptz[]
    ) as o(id, attempts, status, reason, error, at)
    where d.id = o.id and d.status = 'QUEUED' and d.attempts = o.attempts`;
}
