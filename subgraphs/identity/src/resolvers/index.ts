import { DateTimeScalar, JsonScalar, resolveTotalCount } from '../../../../platform/graphql/index.js';
import { AuditEntry } from './audit-entry.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { accountMutations } from './mutation-account.js';
import { emailVerificationMutations } from './mutation-email-verification.js';
import { passwordResetMutations } from './mutation-password-reset.js';
import { sessionMutations } from './mutation-sessions.js';
import { signInMutations } from './mutation-sign-in.js';
import { staffMutations } from './mutation-staff.js';
import { Fleet } from './fleet.js';
import { Query } from './query.js';
import { User } from './user.js';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  JSON: JsonScalar,
  Query,
  Mutation: { ...signInMutations, ...passwordResetMutations, ...emailVerificationMutations, ...sessionMutations, ...staffMutations, ...accountMutations },
  User,
  Fleet,
  AuditEntry,
  UserConnection: { totalCount: resolveTotalCount },
  AuditEntryConnection: { totalCount: resolveTotalCount },
};
