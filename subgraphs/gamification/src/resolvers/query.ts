import type { QueryResolvers } from '../generated/resolvers-types.js';

// Operations-only fields: the schema's @requiresScopes is enforced before these run.
export const Query: QueryResolvers = {
  earningRules: (_parent, { includeRetired }, { services }) => services.rules.list(includeRetired ?? false),
};
