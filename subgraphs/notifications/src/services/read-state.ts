// Marking notifications read. Only the recipient may: staff read inboxes but do not change what the user has seen.
// Someone else's notification is NOT_FOUND, exactly like one that does not exist, so ids leak nothing.
import { AppError } from '../../../../platform/errors/index.js';
import type { Viewer } from '../../../../platform/auth/index.js';
import { isUuid } from '../../../../platform/graphql/index.js';
import type { NotificationsPrisma } from '../store/database.js';
import type { Notification } from '../store/prisma/client.js';
import type { LiveAnnouncer } from './live-announcer.js';

export interface ReadStateDeps {
  prisma: NotificationsPrisma;
  live: LiveAnnouncer;
}

function signedIn(viewer: Viewer | null): string {
  if (!viewer) throw new AppError('UNAUTHENTICATED', 'Sign in to mark notifications read');
  return viewer.userId;
}

/**
 * Marks one of the viewer's notifications read (already read: unchanged, `readAt` kept).
 * @throws AppError BAD_USER_INPUT for a malformed id; NOT_FOUND when it does not exist or is someone else's.
 */
export async function markNotificationRead({ prisma, live }: ReadStateDeps, viewer: Viewer | null, id: string, now = new Date()): Promise<Notification> {
  const userId = signedIn(viewer);
  if (!isUuid(id)) throw new AppError('BAD_USER_INPUT', 'id is not a notification id', { extensions: { field: 'id' } });
  const { count } = await prisma.notification.updateMany({ where: { id, userId, readAt: null }, data: { readAt: now } });
  const notification = await prisma.notification.findFirst({ where: { id, userId } });
  if (!notification) throw new AppError('NOT_FOUND', `Notification ${id} was not found`);
  if (count > 0) await live.unreadChanged([userId]);
  return notification;
}

/** Marks every unread notification of the viewer read. @returns how many changed. */
export async function markAllNotificationsRead({ prisma, live }: ReadStateDeps, viewer: Viewer | null, now = new Date()): Promise<number> {
  const userId = signedIn(viewer);
  const { count } = await prisma.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: now } });
  if (count > 0) await live.unreadChanged([userId]);
  return count;
}
