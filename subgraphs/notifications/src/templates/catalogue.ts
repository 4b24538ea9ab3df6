// Every notification type in one place: its inbox category, whether it is urgent (quiet hours do not hold it back),
// whether it is mandatory (preferences cannot turn it off) and which channels it uses when the user chose nothing.
// The words live in the locale files (en.ts); this file says how each type behaves.
import type { DeliveryChannel, NotificationKind, NotificationType } from '../store/prisma/client.js';

export interface NotificationTypeRules {
  /** The inbox category (`Notification.kind`). */
  kind: NotificationKind;
  /** Sent at once, even in the user's quiet hours (the rider is waiting at the curb). */
  urgent: boolean;
  /** Security notices: every channel stays on whatever the user chose. */
  mandatory: boolean;
  /** Channels on by default; the others are off until the user turns them on. */
  defaultChannels: readonly DeliveryChannel[];
}

export const CHANNELS: readonly DeliveryChannel[] = ['PUSH', 'EMAIL', 'SMS'];

export const NOTIFICATION_TYPES: Readonly<Record<NotificationType, NotificationTypeRules>> = {
  WELCOME: { kind: 'ACCOUNT', urgent: false, mandatory: false, defaultChannels: ['EMAIL'] },
  TRIP_ASSIGNED: { kind: 'TRIP', urgent: true, mandatory: false, defaultChannels: ['PUSH'] },
  DRIVER_ARRIVED: { kind: 'TRIP', urgent: true, mandatory: false, defaultChannels: ['PUSH'] },
  TRIP_STARTED: { kind: 'TRIP', urgent: true, mandatory: false, defaultChannels: ['PUSH'] },
  TRIP_COMPLETED: { kind: 'TRIP', urgent: false, mandatory: false, defaultChannels: ['PUSH'] },
  TRIP_CANCELLED: { kind: 'TRIP', urgent: true, mandatory: false, defaultChannels: ['PUSH'] },
  PAYMENT_RECEIPT: { kind: 'PAYMENT', urgent: false, mandatory: false, defaultChannels: ['PUSH', 'EMAIL'] },
  PAYMENT_FAILED: { kind: 'PAYMENT', urgent: false, mandatory: false, defaultChannels: ['PUSH', 'EMAIL'] },
  PAYMENT_REFUNDED: { kind: 'PAYMENT', urgent: false, mandatory: false, defaultChannels: ['PUSH', 'EMAIL'] },
  SECURITY_NOTICE: { kind: 'ACCOUNT', urgent: true, mandatory: true, defaultChannels: ['PUSH', 'EMAIL'] },
  ANNOUNCEMENT: { kind: 'ACCOUNT', urgent: false, mandatory: false, defaultChannels: ['PUSH'] },
  PAYOUT_PAID: { kind: 'PAYMENT', urgent: false, mandatory: false, defaultChannels: ['PUSH', 'EMAIL'] },
  PAYOUT_FAILED: { kind: 'PAYMENT', urgent: false, mandatory: false, defaultChannels: ['PUSH', 'EMAIL'] },
  // After most trips: the inbox is enough unless the user asks for more.
  POINTS_AWARDED: { kind: 'REWARD', urgent: false, mandatory: false, defaultChannels: [] },
  LEVEL_REACHED: { kind: 'REWARD', urgent: false, mandatory: false, defaultChannels: ['PUSH'] },
  BADGE_EARNED: { kind: 'REWARD', urgent: false, mandatory: false, defaultChannels: ['PUSH'] },
  COUPON_REDEEMED: { kind: 'REWARD', urgent: false, mandatory: false, defaultChannels: ['PUSH', 'EMAIL'] },
  // The trip has gone to another driver: nothing to act on at once, so quiet hours may hold it.
  OFFER_EXPIRED: { kind: 'TRIP', urgent: false, mandatory: false, defaultChannels: ['PUSH'] },
  // A rejection can cost the driver the shift's pay: by email too, so it is on record.
  ATTENDANCE_REVIEWED: { kind: 'ACCOUNT', urgent: false, mandatory: false, defaultChannels: ['PUSH', 'EMAIL'] },
};

export function isDefaultOn(type: NotificationType, channel: DeliveryChannel): boolean {
  return NOTIFICATION_TYPES[type].defaultChannels.includes(channel);
}
