// The delivery log of a user, for operations staff: every notification's channels with status, reason and attempts.
import { assertCanActForUser, hasAnyRole, type Viewer } from '../../../../platform/auth/index.js';
import { AppError } from '../../../../platform/errors/index.js';
import { readPageArgs, type PageArgs, type PageRequest } from '../../../../platform/graphql/index.js';
import type { NotificationsPrisma } from '../store/database.js';
import type { Delivery } from '../store/prisma/client.js';

/**
 * Newest first (created_at desc, id desc).
 * @throws AppError FORBIDDEN unless SUPER_ADMIN/OPERATIONS; BAD_USER_INPUT for bad paging.
 */
export async function deliveryPage(
  prisma: NotificationsPrisma,
  viewer: Viewer | null,
  userId: string,
  args: PageArgs,
): Promise<{ rows: Delivery[]; page: PageRequest }> {
  if (!hasAnyRole(viewer, ['SUPER_ADMIN', 'OPERATIONS'])) throw new AppError('FORBIDDEN', 'Only operations staff may read User.notificationDeliveries');
  assertCanActForUser(viewer, userId, 'User.notificationDeliveries');
  const page = readPageArgs(args);
  const after = page.after;
  const rows = await prisma.delivery.findMany({
    where: { userId, ...(after ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] } : {}) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: page.take + 1,
  });
  return { rows, page };
}
