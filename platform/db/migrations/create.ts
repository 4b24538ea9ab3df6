// Our `prisma migrate dev --create-only`, offline: the native engine would diff the migration history (replayed
// into a shadow database) against schema.prisma; we diff the schema snapshot kept beside the newest migration.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffSql } from './schema-engine.js';
import { LOCK_FILE, LOCK_FILE_CONTENT, MIGRATION_FILE, SNAPSHOT_FILE, readMigrations } from './migration-files.js';

export interface CreateMigrationOptions {
  /** PostgreSQL schema of the subgraph (its name). */
  schema: string;
  prismaSchemaFile: string;
  migrationsDir: string;
  /** What the migration does, e.g. "add_user_nickname"; normalised to lowercase letters, digits and "_". */
  name: string;
  /** Clock for the folder's timestamp (tests). */
  now?: Date;
}

export interface CreateMigrationResult {
  /** Folder name of the new migration, or null when schema.prisma matches the newest snapshot. */
  created: string | null;
  /** Absolute folder path, when created. */
  dir?: string;
  /** The generated SQL, when created. */
  sql?: string;
}

/**
 * Creates `<migrationsDir>/<yyyymmddHHMMSS>_<name>/` with `migration.sql` (the SQL from the newest migration's
 * schema snapshot, or from an empty database, to `prismaSchemaFile`) and `schema.snapshot.prisma` (a copy of
 * `prismaSchemaFile`), plus `migration_lock.toml` if missing. Creates nothing when there is no difference.
 * The timestamp is UTC, and moved past the newest existing migration if the clock says otherwise, so the new
 * folder always sorts last.
 *
 * @throws when schema.prisma is missing or invalid (Prisma's message), the name has no usable characters, the
 *   newest migration has no schema.snapshot.prisma (diffing from anything else would be a guess), or the
 *   existing migration_lock.toml names another provider.
 */
export async function createMigration(options: CreateMigrationOptions): Promise<CreateMigrationResult> {
  const slug = migrationSlug(options.name);
  if (!existsSync(options.prismaSchemaFile)) throw new Error(`${options.prismaSchemaFile} does not exist`);
  const target = readFileSync(options.prismaSchemaFile, 'utf8');
  const existing = existsSync(options.migrationsDir) ? readMigrations(options.migrationsDir) : [];
  const newest = existing.at(-1);
  if (newest && !existsSync(newest.snapshotFile)) {
    throw new Error(
      `the newest migration ${newest.dir} has no ${SNAPSHOT_FILE}, so the schema it leaves is unknown. ` +
        `Put there the schema.prisma that matches the database after it (for a hand-written data migration: ` +
        `a copy of the previous migration's snapshot), then run this again.`,
    );
  }
  const sql = await diffSql(newest ? readFileSync(newest.snapshotFile, 'utf8') : null, target, {
    schema: options.schema,
    fromPath: newest?.snapshotFile,
    toPath: options.prismaSchemaFile,
  });
  if (sql.trim() === '') return { created: null };

  ensureLockFile(options.migrationsDir);
  const name = `${folderTimestamp(options.now ?? new Date(), newest?.name)}_${slug}`;
  const dir = join(options.migrationsDir, name);
  mkdirSync(dir); // not recursive: fails rather than mixing into an existing folder
  try {
    writeFileSync(join(dir, MIGRATION_FILE), sql);
    copyFileSync(options.prismaSchemaFile, join(dir, SNAPSHOT_FILE));
  } catch (error) {
    // A folder without both files would be applied (or diffed from) half-made.
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return { created: name, dir, sql };
}

/** "Add user nickname!" → "add_user_nickname". @throws when nothing usable remains. */
export function migrationSlug(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!slug) throw new Error(`migration name ${JSON.stringify(name)} has no letters or digits`);
  return slug;
}

/** yyyymmddHHMMSS in UTC, bumped to one second after the newest existing folder's timestamp when not later. */
function folderTimestamp(now: Date, newestName: string | undefined): string {
  const format = (date: Date) => date.toISOString().replace(/\D/g, '').slice(0, 14);
  const stamp = format(now);
  const m = newestName?.match(/^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})/);
  if (!m || stamp > m.slice(1, 7).join('')) return stamp;
  return format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]) + 1)));
}

function ensureLockFile(migrationsDir: string): void {
  mkdirSync(migrationsDir, { recursive: true });
  const lock = join(migrationsDir, LOCK_FILE);
  if (!existsSync(lock)) {
    writeFileSync(lock, LOCK_FILE_CONTENT);
    return;
  }
  const provider = readFileSync(lock, 'utf8').match(/^\s*provider\s*=\s*"([^"]*)"/m)?.[1];
  if (provider !== 'postgresql') {
    throw new Error(`${lock} names provider ${JSON.stringify(provider ?? null)}, expected "postgresql"`);
  }
}
