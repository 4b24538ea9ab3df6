// What notifications knows about users and sessions from identity's events: contacts (where to send email and SMS)
// and sessions (push devices follow them). Written only by the event consumer, inside its transaction.
import type { Db } from './db.js';

/** Keeps the newest contact: an older (reordered) event changes nothing. */
export async function applyContact(db: Db, contact: { userId: string; phone: string | null; email: string | null; changedAt: Date }): Promise<void> {
  await db.$executeRaw`
    insert into notifications.contacts (user_id, phone, email, changed_at)
    values (${contact.userId}::uuid, ${contact.phone}, ${contact.email}, ${contact.changedAt})
    on conflict (user_id) do update set phone = excluded.phone, email = excluded.email, changed_at = excluded.changed_at
    where notifications.contacts.changed_at <= excluded.changed_at`;
}

export async function sessionStarted(db: Db, sessionId: string, userId: string): Promise<void> {
  await db.knownSession.upsert({ where: { sessionId }, create: { sessionId, userId }, update: {} });
}

/** Marks the session ended and removes the push devices it registered. @returns how many devices were removed. */
export async function sessionEnded(db: Db, sessionId: string, userId: string, endedAt: Date): Promise<number> {
  await db.knownSession.upsert({ where: { sessionId }, create: { sessionId, userId, endedAt }, update: { endedAt } });
  const { count } = await db.pushDevice.deleteMany({ where: { sessionId } });
  return count;
}
