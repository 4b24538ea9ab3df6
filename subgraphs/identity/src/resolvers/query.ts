import type { QueryResolvers } from '../generated/resolvers-types.js';

export const Query: QueryResolvers = {
  user: (_parent, { id }, { loaders }) => loaders.userById.load(id),
};
