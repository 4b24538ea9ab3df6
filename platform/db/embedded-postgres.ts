// The embedded database of `npm start`: PostgreSQL compiled to WebAssembly, in this process, persisted in a folder.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

/**
 * Opens (creating if needed) a PGlite database.
 * @param dataDir folder to persist to; omit for a throwaway in-memory database (tests).
 * @throws when the folder holds data from an incompatible PGlite version or is not writable.
 */
export async function openEmbeddedPostgres(dataDir?: string): Promise<PGlite> {
  if (!dataDir) return PGlite.create();
  const path = resolve(dataDir, 'pglite');
  mkdirSync(path, { recursive: true });
  return PGlite.create(path);
}
