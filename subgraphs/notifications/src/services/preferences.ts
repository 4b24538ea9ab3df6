// Notification preferences: per type and channel, with the type's default when the user never chose, plus quiet
// hours. Security notices (mandatory types) cannot be turned off: asking to is refused, never silently ignored.
import { AppError } from '../../../../platform/errors/index.js';
import { assertCanActForUser, type Viewer } from '../../../../platform/auth/index.js';
import { loadDeliverySettings, preferenceKey } from '../store/delivery-plan-store.js';
import type { NotificationsPrisma } from '../store/database.js';
import type { DeliveryChannel, NotificationType } from '../store/prisma/client.js';
import { CHANNELS, isDefaultOn, NOTIFICATION_TYPES } from '../templates/catalogue.js';
import { channelWanted } from './inbox-writer.js';
import { assertTimeZone } from './quiet-hours.js';

export interface PreferenceView {
  type: NotificationType;
  channel: DeliveryChannel;
  enabled: boolean;
  isDefault: boolean;
  locked: boolean;
}

export interface PreferencesView {
  channels: PreferenceView[];
  quietHours: { start: string; end: string; timeZone: string } | null;
}

export interface PreferencesInput {
  preferences?: readonly { type: NotificationType; channel: DeliveryChannel; enabled: boolean }[] | null;
  /** Absent: unchanged; null: removed. */
  quietHours?: { start: string; end: string; timeZone: string } | null;
}

const TYPES = Object.keys(NOTIFICATION_TYPES) as NotificationType[];

/** @throws AppError FORBIDDEN unless the viewer is that user or SUPER_ADMIN/OPERATIONS. */
export async function readPreferences(prisma: NotificationsPrisma, viewer: Viewer | null, userId: string): Promise<PreferencesView> {
  assertCanActForUser(viewer, userId, 'User.notificationPreferences');
  return preferencesOf(prisma, userId);
}

async function preferencesOf(prisma: NotificationsPrisma, userId: string): Promise<PreferencesView> {
  const settings = (await loadDeliverySettings(prisma, [userId])).get(userId)!;
  const channels = TYPES.flatMap((type) =>
    CHANNELS.map((channel) => {
      const locked = NOTIFICATION_TYPES[type].mandatory;
      return {
        type,
        channel,
        enabled: channelWanted(settings, type, channel),
        isDefault: locked || !settings.overrides.has(preferenceKey(type, channel)),
        locked,
      };
    }),
  );
  const q = settings.quietHours;
  return { channels, quietHours: q && { start: formatMinute(q.startMinute), end: formatMinute(q.endMinute), timeZone: q.timeZone } };
}

/**
 * Saves the signed-in user's changes in one transaction (all or nothing).
 * @throws AppError UNAUTHENTICATED without a viewer; BAD_USER_INPUT (with `extensions.field`) for a mandatory type
 *   turned off, a malformed time, an empty window or an unknown time zone.
 */
export async function updatePreferences(prisma: NotificationsPrisma, viewer: Viewer | null, input: PreferencesInput): Promise<PreferencesView> {
  if (!viewer) throw new AppError('UNAUTHENTICATED', 'Sign in to change notification preferences');
  const userId = viewer.userId;
  const choices = input.preferences ?? [];
  for (const choice of choices) {
    if (NOTIFICATION_TYPES[choice.type].mandatory && !choice.enabled) {
      throw new AppError('BAD_USER_INPUT', `${choice.type} notifications cannot be turned off`, { extensions: { field: 'preferences' } });
    }
  }
  const quiet = input.quietHours ? readQuietHours(input.quietHours) : input.quietHours;
  await prisma.$transaction(async (tx) => {
    for (const { type, channel, enabled } of choices) {
      if (NOTIFICATION_TYPES[type].mandatory) continue;
      // Choosing the default again forgets the choice, so a later change of defaults reaches this user too.
      if (enabled === isDefaultOn(type, channel)) await tx.notificationPreference.deleteMany({ where: { userId, type, channel } });
      else
        await tx.notificationPreference.upsert({
          where: { userId_type_channel: { userId, type, channel } },
          create: { userId, type, channel, enabled },
          update: { enabled },
        });
    }
    if (quiet === null) await tx.quietHours.deleteMany({ where: { userId } });
    else if (quiet) await tx.quietHours.upsert({ where: { userId }, create: { userId, ...quiet }, update: quiet });
  });
  return preferencesOf(prisma, userId);
}

function readQuietHours(input: { start: string; end: string; timeZone: string }): { startMinute: number; endMinute: number; timeZone: string } {
  const startMinute = parseMinute(input.start, 'quietHours.start');
  const endMinute = parseMinute(input.end, 'quietHours.end');
  if (startMinute === endMinute)
    throw new AppError('BAD_USER_INPUT', 'Quiet hours must not start and end at the same time', { extensions: { field: 'quietHours.end' } });
  try {
    assertTimeZone(input.timeZone);
  } catch {
    throw new AppError('BAD_USER_INPUT', `Unknown time zone ${JSON.stringify(input.timeZone)}`, { extensions: { field: 'quietHours.timeZone' } });
  }
  return { startMinute, endMinute, timeZone: input.timeZone };
}

function parseMinute(value: string, field: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  if (!match) throw new AppError('BAD_USER_INPUT', `${field} must be HH:MM (00:00 to 23:59)`, { extensions: { field } });
  return Number(match[1]) * 60 + Number(match[2]);
}

function formatMinute(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}
