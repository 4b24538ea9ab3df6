import { DateTimeScalar } from '../../../../platform/graphql/index.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { Driver } from './driver.js';
import { Fleet } from './fleet.js';
import { Hub } from './hub.js';
import { Query } from './query.js';
import { User } from './user.js';
import { Vehicle } from './vehicle.js';

export const resolvers: Resolvers = { DateTime: DateTimeScalar, Query, Fleet, Hub, Vehicle, Driver, User };
