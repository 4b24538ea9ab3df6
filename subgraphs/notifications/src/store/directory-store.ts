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

/** Keeps the newest account state (roles, active): an older (reordered) event changes nothing. */
export async function applyKnownUser(db: Db, user: { userId: string; roles: string[]; active: boolean; changedAt: Date }): Promise<void> {
  await db.$executeRaw`
    insert into notifications.known_users (user_id, roles, active, changed_at)
    values (${user.userId}::uuid, ${user.roles}::text[], ${user.active}, ${user.changedAt})
    on conflict (user_id) do update set roles = excluded.roles, active = excluded.active, changed_at = excluded.changed_at
    where notifications.known_users.changed_at <= excluded.changed_at`;
}

/** Keeps a driver's fleet from the newest `version` of driver.status.changed. */
export async function applyDriverFleet(db: Db, driver: { userId: string; fleetId: string; version: number }): Promise<void> {
  await db.$executeRaw`
    insert into notifications.driver_fleets (user_id, fleet_id, version)
    values (${driver.userId}::uuid, ${driver.fleetId}::uuid, ${driver.version})
    on conflict (user_id) do update set fleet_id = excluded.fleet_id, version = excluded.version
    where notifications.driver_fleets.version < excluded.version`;
}
