import { DateTimeScalar } from '../../../../platform/graphql/index.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { Mutation } from './mutation.js';
import { Payment, Refund, Trip } from './payment.js';
import { PayoutBatch, PayoutDestination, PayoutDriverFields, PayoutItem, PayoutMutation, PayoutQuery } from './payouts.js';
import { Query } from './query.js';
import { User } from './user.js';
import { Wallet, WalletEntry } from './wallet.js';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query: { ...Query, ...PayoutQuery },
  Mutation: { ...Mutation, ...PayoutMutation },
  User,
  Wallet,
  WalletEntry,
  Payment,
  Refund,
  Trip,
  Driver: { ...PayoutDriverFields },
  PayoutDestination,
  PayoutItem,
  PayoutBatch,
};
