// What identity's resolvers receive as parents (codegen `mappers`).
export type { User as UserModel } from '../store/prisma/client.js';
export type { AuditEntry as AuditEntryModel } from '../store/prisma/client.js';
/** identity knows a fleet only by its id (fleet owns the rest). */
export interface FleetRef {
  id: string;
}
