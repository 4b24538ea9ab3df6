// What decides a new notification's deliveries: the user's preference overrides and quiet hours.
import type { Db } from './db.js';
import type { DeliveryChannel, NotificationType, QuietHours } from './prisma/client.js';

export interface DeliverySettings {
  /** Explicit choices, keyed `${type}:${channel}`; absent → the type's default. */
  overrides: Map<string, boolean>;
  quietHours: Pick<QuietHours, 'startMinute' | 'endMinute' | 'timeZone'> | null;
}

export const preferenceKey = (type: NotificationType, channel: DeliveryChannel) => `${type}:${channel}`;

/** A row of the settings query: a preference (type, channel, enabled) or quiet hours (the minutes, time zone). */
interface SettingRow {
  user_id: string;
  type: NotificationType | null;
  channel: DeliveryChannel | null;
  enabled: boolean | null;
  start_minute: number | null;
  end_minute: number | null;
  time_zone: string | null;
}

/**
 * Settings of many users in one statement (a batch's recipients: the inbox consumer's, an announcement's 500). Users
 * with no settings get empty ones.
 */
export async function loadDeliverySettings(db: Db, userIds: readonly string[]): Promise<Map<string, DeliverySettings>> {
  const ids = [...new Set(userIds)];
  const settings = new Map<string, DeliverySettings>(ids.map((id) => [id, { overrides: new Map<string, boolean>(), quietHours: null }]));
  if (ids.length === 0) return settings;
  const rows = await db.$queryRaw<SettingRow[]>`
    select user_id::text as user_id, type::text as type, channel::text as channel, enabled,
      null::int as start_minute, null::int as end_minute, null::text as time_zone
    from notifications.notification_preferences where user_id = any(${ids}::uuid[])
    union all
    select user_id::text, null, null, null, start_minute, end_minute, time_zone
    from notifications.quiet_hours where user_id = any(${ids}::uuid[])`;
  for (const row of rows) {
    const user = settings.get(row.user_id)!;
    if (row.type && row.channel) user.overrides.set(preferenceKey(row.type, row.channel), row.enabled!);
    else user.quietHours = { startMinute: row.start_minute!, endMinute: row.end_minute!, timeZone: row.time_zone! };
  }
  return settings;
}
