// The delivery log as operations staff read it: the same page of many users' deliveries in one statement.
import type { PageRequest } from '../../../../platform/graphql/index.js';
import type { NotificationsPrisma } from './database.js';
import { newestPerUserQuery } from './newest-per-user.js';
import type { Delivery, DeliveryChannel, DeliveryStatus } from './prisma/client.js';

/** A row as PostgreSQL returns it to raw SQL: column names, not the Prisma model's field names. */
interface DeliveryRow {
  id: string;
  notification_id: string;
  user_id: string;
  channel: DeliveryChannel;
  status: DeliveryStatus;
  reason: string | null;
  attempts: number;
  next_attempt_at: Date | null;
  last_error: string | null;
  sent_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export type DeliveryLogStore = ReturnType<typeof createDeliveryLogStore>;

export function createDeliveryLogStore(prisma: NotificationsPrisma) {
  return {
    /**
     * Up to `take + 1` deliveries per user, newest first (created_at desc, id desc), strictly after the cursor; one
     * statement for all users (a window function per user, like the inbox's pages). Ordered by user, then page order.
     */
    async pagesByUserIds(userIds: readonly string[], page: PageRequest): Promise<Delivery[]> {
      const { sql, params } = newestPerUserQuery(
        '"notifications"."deliveries"',
        `id::text as id, notification_id::text as notification_id, user_id::text as user_id, channel::text as channel,
         status::text as status, reason, attempts, next_attempt_at, last_error, sent_at, created_at, updated_at`,
        userIds,
        page,
      );
      const rows = await prisma.$queryRawUnsafe<DeliveryRow[]>(sql, ...params);
      return rows.map(toDelivery);
    },
  };
}

function toDelivery(row: DeliveryRow): Delivery {
  const at = (value: Date | null) => (value === null ? null : new Date(value));
  return {
    id: row.id,
    notificationId: row.notification_id,
    userId: row.user_id,
    channel: row.channel,
    status: row.status,
    reason: row.reason,
    attempts: Number(row.attempts),
    nextAttemptAt: at(row.next_attempt_at),
    lastError: row.last_error,
    sentAt: at(row.sent_at),
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}
