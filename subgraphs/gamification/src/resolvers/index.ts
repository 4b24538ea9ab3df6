import type { Resolvers } from '../generated/resolvers-types.js';
import { PointsSummary } from './points-summary.js';
import { User } from './user.js';

export const resolvers: Resolvers = { PointsSummary, User };
