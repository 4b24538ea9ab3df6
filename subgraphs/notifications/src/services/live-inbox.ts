// Who may watch an inbox live: the same people who may read it (the user, SUPER_ADMIN/OPERATIONS).
import { AppError } from '../../../../platform/errors/index.js';
import { assertCanActForUser, type Viewer } from '../../../../platform/auth/index.js';
import { isUuid } from '../../../../platform/graphql/index.js';
import type { NotificationsLoaders } from '../loaders.js';
import type { Notification } from '../store/prisma/client.js';
import { findNotification } from './inbox.js';

/**
 * The recipient whose channel `notificationAdded(userId)` listens on: the viewer's own, or `userId` for staff.
 * @throws AppError UNAUTHENTICATED without a viewer; FORBIDDEN for another user's inbox; BAD_USER_INPUT for a
 *   malformed id.
 */
export function notificationChannel({ viewer }: { viewer: Viewer | null }, userId: string | null | undefined): string {
  if (!viewer) throw new AppError('UNAUTHENTICATED', 'notificationAdded requires a signed-in user');
  const recipient = userId ?? viewer.userId;
  if (!isUuid(recipient)) throw new AppError('BAD_USER_INPUT', 'userId is not a user id', { extensions: { field: 'userId' } });
  assertCanActForUser(viewer, recipient, 'notificationAdded');
  return recipient;
}

/**
 * The notification an event announces, read through the same ownership rule as any read.
 * @throws AppError NOT_FOUND when it is gone or not the viewer's to see (the field is non-null).
 */
export async function findAddedNotification(reader: { viewer: Viewer | null; loaders: NotificationsLoaders }, id: string): Promise<Notification> {
  const notification = await findNotification(reader, id);
  if (!notification) throw new AppError('NOT_FOUND', `Notification ${id} was not found`);
  return notification;
}
