import { DateTimeScalar } from '../../../../platform/graphql/index.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { User } from './user.js';
import { Wallet } from './wallet.js';

export const resolvers: Resolvers = { DateTime: DateTimeScalar, User, Wallet };
