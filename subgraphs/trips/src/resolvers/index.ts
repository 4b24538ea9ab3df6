import { DateTimeScalar } from '../../../../platform/graphql/index.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { TripConnection } from './connection.js';
import { Driver } from './driver.js';
import { City, PricingMutation, PricingQuery, PricingVersion } from './pricing.js';
import { Mutation } from './mutation.js';
import { OperationsSummary } from './operations-summary.js';
import { Query } from './query.js';
import { Subscription } from './subscription.js';
import { Trip } from './trip.js';
import { User } from './user.js';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query: { ...Query, ...PricingQuery },
  Mutation: { ...Mutation, ...PricingMutation },
  Subscription,
  Trip,
  TripConnection,
  User,
  Driver,
  City,
  PricingVersion,
  OperationsSummary,
};
