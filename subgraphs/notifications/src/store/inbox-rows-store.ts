// Inserts of inbox rows and their deliveries, one statement per table whatever the number of rows: the columns go
// as arrays and `unnest` turns them into rows, so a batch of 500 costs a handful of parameters, not one per value as
// Prisma's createMany binds them (the announcer writes 500 recipients per batch, the inbox consumer a few dozen).
// Enum arrays are sent as text[] and cast in SQL: PGlite's driver cannot send a JS array as an enum array directly
// ("malformed array literal"), and PostgreSQL accepts both.
import type { Tx } from './db.js';
import type { DeliveryChannel, DeliveryStatus, Notification } from './prisma/client.js';

export interface NewDelivery {
  notificationId: string;
  userId: string;
  channel: DeliveryChannel;
  status: Extract<DeliveryStatus, 'QUEUED' | 'SKIPPED'>;
  reason: string | null;
  nextAttemptAt: Date | null;
  createdAt: Date;
}

const iso = (at: Date | null) => at?.toISOString() ?? null;

/** Inserts the notifications as given (ids made by the caller). One statement; none for an empty list. */
export async function insertNotifications(tx: Tx, rows: readonly Notification[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRaw`
    insert into notifications.notifications (id, user_id, kind, type, title, body, link, created_at, read_at)
    select * from unnest(
      ${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.userId)}::uuid[], ${rows.map((r) => r.kind)}::text[]::notifications."NotificationKind"[],
      ${rows.map((r) => r.type)}::text[]::notifications."NotificationType"[], ${rows.map((r) => r.title)}::text[], ${rows.map((r) => r.body)}::text[],
      ${rows.map((r) => r.link)}::text[], ${rows.map((r) => iso(r.createdAt))}::timestamptz[], ${rows.map((r) => iso(r.readAt))}::timestamptz[])`;
}

/** Inserts the deliveries (ids made by PostgreSQL). One statement; none for an empty list. */
export async function insertDeliveries(tx: Tx, rows: readonly NewDelivery[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRaw`
    insert into notifications.deliveries (id, notification_id, user_id, channel, status, reason, next_attempt_at, created_at, updated_at)
    select gen_random_uuid(), d.*, d.created_at from unnest(
      ${rows.map((r) => r.notificationId)}::uuid[], ${rows.map((r) => r.userId)}::uuid[], ${rows.map((r) => r.channel)}::text[]::notifications."DeliveryChannel"[],
      ${rows.map((r) => r.status)}::text[]::notifications."DeliveryStatus"[], ${rows.map((r) => r.reason)}::text[],
      ${rows.map((r) => iso(r.nextAttemptAt))}::timestamptz[], ${rows.map((r) => iso(r.createdAt))}::timestamptz[]
    ) as d (notification_id, user_id, channel, status, reason, next_attempt_at, created_at)`;
}
