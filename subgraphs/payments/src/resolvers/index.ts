import { DateTimeScalar } from '../../../../platform/graphql/index.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { CashCorrection, CashMutation, CashQuery, CashShift, CashShiftTrip, DriverCash } from './cash.js';
import { Driver, DriverStatementEntry } from './driver.js';
import { Mutation } from './mutation.js';
import { Payment, Refund, Trip } from './payment.js';
import { Query } from './query.js';
import { RentalDriverFields, RentalMutation, RentalQuery } from './rental.js';
import { User } from './user.js';
import { Wallet, WalletEntry } from './wallet.js';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query: { ...Query, ...CashQuery, ...RentalQuery },
  Mutation: { ...Mutation, ...CashMutation, ...RentalMutation },
  User,
  Wallet,
  WalletEntry,
  Payment,
  Refund,
  Trip,
  Driver: { ...Driver, ...DriverCash, ...RentalDriverFields },
  DriverStatementEntry,
  CashShift,
  CashShiftTrip,
  CashCorrection,
};
