// The delivery log of a user, for operations staff: every notification's channels with status, reason and attempts.
import { assertCanActForUser, hasAnyRole, type Viewer } from '../../../../platform/auth/index.js';
import { AppError } from '../../../../platform/errors/index.js';
import { readPageArgs, type PageArgs, type PageRequest } from '../../../../platform/graphql/index.js';
import type { NotificationsLoaders } from '../loaders.js';
import type { Delivery } from '../store/prisma/client.js';

interface Reader {
  viewer: Viewer | null;
  loaders: NotificationsLoaders;
}

/**
 * Newest first (created_at desc, id desc); the pages of all users asked for in one request load in one statement.
 * @throws AppError FORBIDDEN unless SUPER_ADMIN/OPERATIONS; BAD_USER_INPUT for bad paging.
 */
export async function deliveryPage({ viewer, loaders }: Reader, userId: string, args: PageArgs): Promise<{ rows: Delivery[]; page: PageRequest }> {
  if (!hasAnyRole(viewer, ['SUPER_ADMIN', 'OPERATIONS'])) throw new AppError('FORBIDDEN', 'Only operations staff may read User.notificationDeliveries');
  assertCanActForUser(viewer, userId, 'User.notificationDeliveries');
  const page = readPageArgs(args);
  return { rows: await loaders.deliveryPage.load({ key: userId, page }), page };
}
