import { DateTimeScalar } from '../../../../platform/graphql/index.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { Mutation } from './mutation.js';
import { Notification } from './notification.js';
import { Subscription } from './subscription.js';
import { User } from './user.js';

export const resolvers: Resolvers = { DateTime: DateTimeScalar, Mutation, Notification, Subscription, User };
