// Prisma's schema engine as WebAssembly (@prisma/schema-engine-wasm, pinned exactly in package.json), for the
// one thing we need from it offline: the SQL that turns one Prisma datamodel into another.
//
// Why PGlite: the engine connects to its database while being constructed (a PrismaPg adapter pointing at an
// unreachable URL fails there with "Can't reach database server"), though a datamodel → datamodel diff never
// reads it. An in-memory PGlite behind pglite-prisma-adapter satisfies that without any server.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { bindMigrationAwareSqlAdapterFactory, type SqlDriverAdapter, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm/schema_engine_bg';
import type * as SchemaEngineWasm from '@prisma/schema-engine-wasm/schema_engine_bg';
import { PrismaPGlite } from 'pglite-prisma-adapter';

type EngineModule = typeof SchemaEngineWasm;

// lib ES2023 has no WebAssembly typings (they come with the DOM lib); this is the slice we use.
interface WasmApi {
  instantiate(bytes: Uint8Array, imports: Record<string, unknown>): Promise<{ instance: { exports: Record<string, unknown> } }>;
}

let modulePromise: Promise<EngineModule> | undefined;

/**
 * Loads and instantiates the engine's WebAssembly once per process. The package is wasm-bindgen "bundler"
 * output (its entry imports the .wasm as a module, which Node cannot), so the glue is wired up by hand.
 *
 * @throws when the package or its .wasm is missing (run with the repository's node_modules).
 */
export function loadSchemaEngineModule(): Promise<EngineModule> {
  modulePromise ??= (async () => {
    const gluePath = createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const glue = await import('@prisma/schema-engine-wasm/schema_engine_bg');
    const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
    const bytes = readFileSync(join(dirname(gluePath), 'schema_engine_bg.wasm'));
    const { instance } = await wasm.instantiate(bytes, { './schema_engine_bg.js': glue });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as (() => void) | undefined)?.();
    return glue;
  })().catch((error: unknown) => {
    modulePromise = undefined;
    throw error;
  });
  return modulePromise;
}

/**
 * A migration-aware adapter factory over `pglite` that reports `schema` as its namespace: the engine writes
 * `CREATE SCHEMA IF NOT EXISTS "<schema>"` and qualifies DROPs with it, as the native engine does for a URL
 * with `?schema=<schema>`. (pglite-prisma-adapter 0.7 reports no schema name, which would mean "public".)
 * It has no shadow database; engine commands that need one fail with a clear error.
 */
export function pgliteEngineAdapter(pglite: PGlite, schema: string): SqlMigrationAwareDriverAdapterFactory {
  const inner = new PrismaPGlite(pglite);
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    async connect(): Promise<SqlDriverAdapter> {
      const adapter = await inner.connect();
      const original = adapter.getConnectionInfo?.bind(adapter);
      adapter.getConnectionInfo = () => ({ supportsRelationJoins: true, ...original?.(), schemaName: schema });
      return adapter;
    },
    connectToShadowDb(): Promise<SqlDriverAdapter> {
      return Promise.reject(new Error('this schema engine has no shadow database (it only diffs datamodels)'));
    },
  };
}

interface Host {
  pglite: PGlite;
  engines: Map<string, Promise<SchemaEngine>>;
}

let hostPromise: Promise<Host> | undefined;
// The engine's async methods are not documented as re-entrant; callers queue here.
let queue: Promise<unknown> = Promise.resolve();

async function engineFor(schema: string): Promise<SchemaEngine> {
  hostPromise ??= PGlite.create().then(
    (pglite) => ({ pglite, engines: new Map() }),
    (error: unknown) => {
      hostPromise = undefined;
      throw error;
    },
  );
  const host = await hostPromise;
  let engine = host.engines.get(schema);
  if (!engine) {
    engine = loadSchemaEngineModule().then(({ SchemaEngine }) =>
      SchemaEngine.new(
        { datamodels: undefined },
        (line: string) => process.env.DEBUG_SCHEMA_ENGINE && process.stderr.write(`schema-engine: ${line}\n`),
        bindMigrationAwareSqlAdapterFactory(pgliteEngineAdapter(host.pglite, schema)),
      ),
    );
    host.engines.set(schema, engine);
    engine.catch(() => host.engines.delete(schema));
  }
  return engine;
}

export interface DiffSqlOptions {
  /** PostgreSQL schema the SQL is for (the subgraph's name): named in CREATE SCHEMA and some DROP statements. */
  schema: string;
  /** File names shown in Prisma's validation errors; default "from.prisma" / "to.prisma". */
  fromPath?: string;
  toPath?: string;
}

/**
 * The PostgreSQL script Prisma would generate to go from datamodel `fromDatamodel` (null: an empty database)
 * to `toDatamodel`, exactly as `prisma migrate diff --script` prints it; "" when they are equivalent (comments
 * and formatting do not count). Unqualified names are meant to run with search_path set to `options.schema`.
 * The first call costs a few seconds (WebAssembly + PGlite start); later ones a few milliseconds.
 *
 * @throws Error naming the file when a datamodel is invalid (Prisma's validation message, with line numbers).
 */
export function diffSql(fromDatamodel: string | null, toDatamodel: string, options: DiffSqlOptions): Promise<string> {
  const run = async (): Promise<string> => {
    const engine = await engineFor(options.schema);
    const fromPath = options.fromPath ?? 'from.prisma';
    const toPath = options.toPath ?? 'to.prisma';
    try {
      const result = await engine.diff({
        from: fromDatamodel === null ? { tag: 'empty' } : { tag: 'schemaDatamodel', files: [{ path: fromPath, content: fromDatamodel }] },
        to: { tag: 'schemaDatamodel', files: [{ path: toPath, content: toDatamodel }] },
        script: true,
        // With exitCode set the engine reports 2 for a non-empty diff, instead of us parsing its
        // "-- This is an empty migration." text.
        exitCode: true,
        filters: { externalTables: [], externalEnums: [] },
      });
      return result.exitCode === 2 ? (result.stdout ?? '') : '';
    } catch (error) {
      // A Rust panic surfaces as a WebAssembly RuntimeError and leaves the instance unusable: start over next time.
      if ((error as Error).name === 'RuntimeError') await closeHost({ unloadModule: true });
      throw new Error(`Prisma schema engine could not diff ${fromDatamodel === null ? '(empty)' : fromPath} → ${toPath}: ${(error as Error).message}`, {
        cause: error,
      });
    }
  };
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}

/**
 * Waits for running diffs, then frees the engines and closes their PGlite so the process (or a jest worker) has
 * nothing left open. A later diffSql starts again. Call it from CLIs and in test teardown.
 */
export async function disposeSchemaEngine(): Promise<void> {
  await queue;
  await closeHost({ unloadModule: false });
}

async function closeHost(options: { unloadModule: boolean }): Promise<void> {
  const host = hostPromise;
  hostPromise = undefined;
  if (options.unloadModule) modulePromise = undefined;
  if (!host) return;
  const started = await host.catch(() => undefined);
  if (!started) return;
  for (const engine of started.engines.values()) {
    await engine.then((e) => e.free()).catch(() => undefined);
  }
  await started.pglite.close();
}
