// A user's inbox is theirs: only they and operations staff may read it, whether as a page, a count or one
// notification by reference.
import { assertCanActForUser, canActForUser, type Viewer } from '../../../../platform/auth/index.js';
import type { PageRequest } from '../../../../platform/graphql/index.js';
import type { NotificationsLoaders } from '../loaders.js';
import type { Notification } from '../store/prisma/client.js';
import { readInboxArgs, type InboxArgs } from './inbox-args.js';

interface Reader {
  viewer: Viewer | null;
  loaders: NotificationsLoaders;
}

/**
 * @throws AppError FORBIDDEN unless the viewer is that user or SUPER_ADMIN/OPERATIONS; BAD_USER_INPUT for bad paging.
 */
export async function inboxPage({ viewer, loaders }: Reader, userId: string, args: InboxArgs): Promise<{ rows: Notification[]; page: PageRequest }> {
  assertCanActForUser(viewer, userId, 'User.notifications');
  const { page, filter } = readInboxArgs(args);
  return { rows: await loaders.inboxPage(filter).load({ key: userId, page }), page };
}

/** @throws AppError FORBIDDEN unless the viewer is that user or SUPER_ADMIN/OPERATIONS. */
export function unreadCount({ viewer, loaders }: Reader, userId: string): Promise<number> {
  assertCanActForUser(viewer, userId, 'User.unreadNotificationCount');
  return loaders.unreadCountByUserId.load(userId);
}

/** A notification by id; null when unknown or someone else's (unless the viewer is operations staff). */
export async function findNotification({ viewer, loaders }: Reader, id: string): Promise<Notification | null> {
  const notification = await loaders.notificationById.load(id);
  return notification && canActForUser(viewer, notification.userId) ? notification : null;
}
