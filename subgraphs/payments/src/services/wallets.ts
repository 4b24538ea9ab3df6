// A user's wallet is theirs: only they and operations staff may read it.
import { assertCanActForUser, type Viewer } from '../../../../platform/auth/index.js';
import type { PaymentsLoaders } from '../loaders.js';
import type { Wallet } from '../store/prisma/client.js';

/**
 * @returns null when the user has no wallet yet.
 * @throws AppError FORBIDDEN unless the viewer is that user or SUPER_ADMIN/OPERATIONS.
 */
export function walletOf({ viewer, loaders }: { viewer: Viewer | null; loaders: PaymentsLoaders }, userId: string): Promise<Wallet | null> {
  assertCanActForUser(viewer, userId, 'User.wallet');
  return loaders.walletByUserId.load(userId);
}
