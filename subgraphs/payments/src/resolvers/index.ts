import { DateTimeScalar } from '../../../../platform/graphql/index.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { Mutation } from './mutation.js';
import { Payment, Refund, Trip } from './payment.js';
import { Query } from './query.js';
import { RentalDriverFields, RentalMutation, RentalQuery } from './rental.js';
import { User } from './user.js';
import { Wallet, WalletEntry } from './wallet.js';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query: { ...Query, ...RentalQuery },
  Mutation: { ...Mutation, ...RentalMutation },
  User,
  Wallet,
  WalletEntry,
  Payment,
  Refund,
  Trip,
  // The lead's Driver resolvers (earnings, statement) merge here too.
  Driver: { ...RentalDriverFields },
};
