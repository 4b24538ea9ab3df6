// What identity's resolvers receive as parents (codegen `mappers`).
import type { CountedConnection } from '../../../../platform/graphql/index.js';
import type { AuditEntry, User } from '../store/prisma/client.js';

/** What GraphQL shows of a user (no password hash): loaders read only these columns; a full row fits too. */
export type { UserDisplay as UserModel } from '../store/user-display.js';
export type { AuditEntry as AuditEntryModel } from '../store/prisma/client.js';
/** Staff lists whose totalCount is counted only when selected (platform/graphql/counted-connection.ts). */
export type UserConnectionModel = CountedConnection<User>;
export type AuditEntryConnectionModel = CountedConnection<AuditEntry>;
/** identity knows a fleet only by its id (fleet owns the rest). */
export interface FleetRef {
  id: string;
}
