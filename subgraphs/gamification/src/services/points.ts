// A user's points are theirs: only they and operations staff may read them.
import { assertCanActForUser, type Viewer } from '../../../../platform/auth/index.js';
import type { GamificationLoaders } from '../loaders.js';
import type { PointsSummaryModel } from '../resolvers/mappers.js';

/** @throws AppError FORBIDDEN unless the viewer is that user or SUPER_ADMIN/OPERATIONS. */
export function pointsOf({ viewer, loaders }: { viewer: Viewer | null; loaders: GamificationLoaders }, userId: string): Promise<PointsSummaryModel> {
  assertCanActForUser(viewer, userId, 'User.points');
  return loaders.pointsByUserId.load(userId);
}
