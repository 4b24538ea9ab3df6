import { DateTimeScalar, resolveTotalCount } from '../../../../platform/graphql/index.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { Assignment } from './assignment.js';
import { Attendance } from './attendance.js';
import { Driver } from './driver.js';
import { DriverPosition } from './driver-position.js';
import { Fleet } from './fleet.js';
import { Hub } from './hub.js';
import { Mutation } from './mutation.js';
import { OperationsSummary } from './operations-summary.js';
import { Query } from './query.js';
import { Subscription } from './subscription.js';
import { User } from './user.js';
import { Vehicle } from './vehicle.js';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query,
  Mutation,
  Subscription,
  Fleet,
  Hub,
  Vehicle,
  Driver,
  DriverPosition,
  Assignment,
  Attendance,
  User,
  OperationsSummary,
  DriverConnection: { totalCount: resolveTotalCount },
  VehicleConnection: { totalCount: resolveTotalCount },
  AttendanceConnection: { totalCount: resolveTotalCount },
};
