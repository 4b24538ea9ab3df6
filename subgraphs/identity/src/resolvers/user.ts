import type { UserResolvers } from '../generated/resolvers-types.js';

export const User: UserResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.userById.load(reference.id),
};
