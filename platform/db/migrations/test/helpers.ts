// Test fixtures: a fresh PostgreSQL database per test file, and throwaway migration directories.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { testDatabaseServerUrl } from '../../../testing/env.js';

export interface TestDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

/** CREATEs a uniquely named database on the test server; `drop()` removes it even if connections remain. */
export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: testDatabaseServerUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(testDatabaseServerUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: testDatabaseServerUrl() });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

export interface TempDir {
  readonly path: string;
  remove(): void;
}

/** A new empty directory under os.tmpdir(). */
export function tempDir(prefix: string): TempDir {
  const path = mkdtempSync(join(tmpdir(), `ridegraph-${prefix}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Writes `{ "<folder>": "<migration.sql>" }` as a Prisma migrations directory under `dir` and returns its path. */
export function writeMigrations(dir: string, migrations: Record<string, string>): string {
  const migrationsDir = join(dir, 'migrations');
  for (const [name, sql] of Object.entries(migrations)) {
    mkdirSync(join(migrationsDir, name), { recursive: true });
    writeFileSync(join(migrationsDir, name, 'migration.sql'), sql);
  }
  return migrationsDir;
}

/** Copies a directory tree (e.g. a subgraph's prisma/ folder) into `dir`. */
export function copyInto(source: string, dir: string): void {
  cpSync(source, dir, { recursive: true });
}

/** A PostgreSQL schema name no other test in the file uses. */
let schemaCounter = 0;
export function freshSchemaName(prefix = 'mig'): string {
  schemaCounter += 1;
  return `${prefix}_${schemaCounter}`;
}
