import { DateTimeScalar } from '../../../../platform/graphql/index.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { CashCorrection, CashMutation, CashQuery, CashShift, CashShiftTrip, DriverCash } from './cash.js';
import { Driver, DriverStatementEntry } from './driver.js';
import { Mutation } from './mutation.js';
import { OperationsSummary } from './operations-summary.js';
import { Payment, Refund, Trip } from './payment.js';
import { PayoutBatch, PayoutDestination, PayoutDriverFields, PayoutItem, PayoutMutation, PayoutQuery } from './payouts.js';
import { Query } from './query.js';
import { RentalDriverFields, RentalMutation, RentalQuery } from './rental.js';
import { User } from './user.js';
import { LinkMutation, LinkQuery, PaymentLinkType, PaymentPaidByLink, UserLinks, Vehicle } from './links.js';
import { Wallet, WalletEntry } from './wallet.js';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query: { ...Query, ...CashQuery, ...RentalQuery, ...LinkQuery, ...PayoutQuery },
  Mutation: { ...Mutation, ...CashMutation, ...RentalMutation, ...LinkMutation, ...PayoutMutation },
  User: { ...User, ...UserLinks },
  Wallet,
  WalletEntry,
  Payment: { ...Payment, ...PaymentPaidByLink },
  Refund,
  Trip,
  Driver: { ...Driver, ...DriverCash, ...RentalDriverFields, ...PayoutDriverFields },
  DriverStatementEntry,
  CashShift,
  CashShiftTrip,
  CashCorrection,
  PaymentLink: PaymentLinkType,
  Vehicle,
  PayoutDestination,
  PayoutItem,
  PayoutBatch,
  OperationsSummary,
};
