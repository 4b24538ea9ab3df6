import type { AuditEntryResolvers, AuditSource } from '../generated/resolvers-types.js';

export const AuditEntry: AuditEntryResolvers = {
  // Stored in the event's lower-case words; the API's enum is upper-case.
  source: (entry) => entry.source.toUpperCase() as AuditSource,
  actor: (entry, _args, { loaders }) => loaders.userById.load(entry.actorId),
};
