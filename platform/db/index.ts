export { type DatabaseTarget, describeTarget } from './target.js';
export { openEmbeddedPostgres } from './embedded-postgres.js';
export { createPrismaAdapter, type PrismaAdapterOptions } from './prisma-adapter.js';
export { observeStatements, type StatementListener } from './statement-observer.js';
export { migrateSubgraphs } from './migrate-subgraphs.js';
export { isUniqueViolation } from './unique-violation.js';
export { rowsByIds, selectList, type RawReader, type RowsByIds, type SlimColumns } from './rows-by-ids.js';
export { recordUserNameCopy, type RawWriter } from './user-name-copy.js';
