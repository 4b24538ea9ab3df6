import { DateTimeScalar } from '../../../../platform/graphql/index.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { Mutation } from './mutation.js';
import { Payment, Refund, Trip } from './payment.js';
import { Query } from './query.js';
import { User } from './user.js';
import { LinkMutation, LinkQuery, PaymentLinkType, PaymentPaidByLink, UserLinks, Vehicle } from './links.js';
import { Wallet, WalletEntry } from './wallet.js';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query: { ...Query, ...LinkQuery },
  Mutation: { ...Mutation, ...LinkMutation },
  User: { ...User, ...UserLinks },
  Wallet,
  WalletEntry,
  Payment: { ...Payment, ...PaymentPaidByLink },
  Refund,
  Trip,
  PaymentLink: PaymentLinkType,
  Vehicle,
};
