import type { LeaderboardEntryResolvers } from '../generated/resolvers-types.js';

export const LeaderboardEntry: LeaderboardEntryResolvers = {
  // A reference only: the gateway joins the public name from identity (User.name), never a phone or email.
  user: (entry) => ({ id: entry.userId }),
};
