import { AppError } from '../../../../platform/errors/index.js';
import type { Viewer } from '../../../../platform/auth/index.js';
import type { MutationResolvers } from '../generated/resolvers-types.js';

function signedIn(viewer: Viewer | null): Viewer {
  if (!viewer) throw new AppError('UNAUTHENTICATED', 'sign in first');
  return viewer;
}

// Rules and adjustments are operations-only: the schema's @requiresScopes is enforced before these run.
export const Mutation: MutationResolvers = {
  createEarningRule: (_parent, { input }, { viewer, services }) => services.rules.create(signedIn(viewer), input),
  changeEarningRule: (_parent, { id, input }, { viewer, services }) => services.rules.change(signedIn(viewer), id, input),
  retireEarningRule: (_parent, { id }, { services }) => services.rules.retire(id),
  adjustPoints: (_parent, { input }, { viewer, services }) => services.adjustments.adjust(signedIn(viewer), input),
};
