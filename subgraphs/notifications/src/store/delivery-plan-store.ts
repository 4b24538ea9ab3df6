// What decides a new notification's deliveries: the user's preference overrides and quiet hours.
import type { Db } from './db.js';
import type { DeliveryChannel, NotificationType, QuietHours } from './prisma/client.js';

export interface DeliverySettings {
  /** Explicit choices, keyed `${type}:${channel}`; absent → the type's default. */
  overrides: Map<string, boolean>;
  quietHours: QuietHours | null;
}

export const preferenceKey = (type: NotificationType, channel: DeliveryChannel) => `${type}:${channel}`;

/** Settings of many users in two statements. Users with no settings get empty ones. */
export async function loadDeliverySettings(db: Db, userIds: readonly string[]): Promise<Map<string, DeliverySettings>> {
  const ids = [...new Set(userIds)];
  const [preferences, quiet] = await Promise.all([
    db.notificationPreference.findMany({ where: { userId: { in: ids } } }),
    db.quietHours.findMany({ where: { userId: { in: ids } } }),
  ]);
  const settings = new Map<string, DeliverySettings>(ids.map((id) => [id, { overrides: new Map<string, boolean>(), quietHours: null }]));
  for (const p of preferences) settings.get(p.userId)!.overrides.set(preferenceKey(p.type, p.channel), p.enabled);
  for (const q of quiet) settings.get(q.userId)!.quietHours = q;
  return settings;
}
