import { DateTimeScalar } from '../../../../platform/graphql/index.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { Driver } from './driver.js';
import { Mutation } from './mutation.js';
import { Query } from './query.js';
import { Subscription } from './subscription.js';
import { Trip } from './trip.js';
import { User } from './user.js';

export const resolvers: Resolvers = { DateTime: DateTimeScalar, Query, Mutation, Subscription, Trip, User, Driver };
