// What identity's resolvers receive as parents (codegen `mappers`).
import type { CountedConnection } from '../../../../platform/graphql/index.js';
import type { AuditEntry, User } from '../store/prisma/client.js';

export type { User as UserModel } from '../store/prisma/client.js';
export type { AuditEntry as AuditEntryModel } from '../store/prisma/client.js';
/** Staff lists whose totalCount is counted only when selected (platform/graphql/counted-connection.ts). */
export type UserConnectionModel = CountedConnection<User>;
export type AuditEntryConnectionModel = CountedConnection<AuditEntry>;
/** identity knows a fleet only by its id (fleet owns the rest). */
export interface FleetRef {
  id: string;
}
