// The build behind `npm start`: brings dist/ up to date for one entry point, and nothing else, in a fraction of `tsc`'s
// time. Three shortcuts, each safe because `npm run typecheck` and `npm run build` (tsc: CI, the image, `start:*`)
// still check and build everything:
// - no type checking: esbuild transpiles each module on its own (the tree is written for that: `isolatedModules` in
//   tsconfig.json), to the same dist/ path tsc would write, so `repoRoot` and every relative path still hold;
// - only the modules the entry point loads at run time: esbuild follows the imports it keeps (type-only imports are
//   dropped first), so generated types, tests and scripts are never touched;
// - only the modules whose source changed: dist/.start-build.json keeps each one's size, mtime and content hash, so an
//   unchanged tree costs one stat per module and never starts esbuild.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

// Bump when what this file writes changes, so every module is transpiled again.
const FORMAT = 3;

/**
 * Makes dist/ hold an up-to-date JavaScript file (and source map) for `entry` and every module it loads.
 * @param root the repository root
 * @param entry the entry point's source, relative to root (`embedded/src/index.ts`)
 * @returns the entry's dist/ path, how many modules it loads and how many were transpiled now
 * @throws Error naming the file, line and column of a syntax error or of an import that does not resolve
 */
export async function buildForStart(root, entry) {
  const statePath = join(root, 'dist', '.start-build.json');
  const output = outputOf(root, entry);
  const tsconfig = readTsconfig(root);
  const settings = settingsKey(root, tsconfig);
  const previous = readState(statePath, settings);
  const current = previous && currentIfUnchanged(root, previous);
  if (current) {
    if (current !== previous) writeState(statePath, settings, current);
    return { output, modules: Object.keys(current).length, transpiled: 0 };
  }
  const esbuild = await import('esbuild');
  const options = {
    absWorkingDir: root,
    tsconfig: join(root, 'tsconfig.json'),
    platform: 'node',
    format: 'esm',
    target: String(tsconfig.compilerOptions?.target ?? 'es2022').toLowerCase(),
    logLevel: 'silent',
  };
  const sources = await runtimeModules(esbuild, options, entry);
  const modules = {};
  const changed = [];
  for (const source of sources) {
    const text = readFileSync(join(root, source));
    const { size, mtimeMs } = statSync(join(root, source));
    modules[source] = { size, mtimeMs, hash: createHash('sha1').update(text).digest('hex') };
    if (previous?.[source]?.hash !== modules[source].hash || !existsSync(outputOf(root, source))) changed.push(source);
  }
  if (changed.length > 0) {
    await failingWithLocations(
      esbuild.build({ ...options, entryPoints: changed, outdir: join(root, 'dist'), outbase: root, bundle: false, sourcemap: true, write: true }),
    );
  }
  writeState(statePath, settings, modules);
  return { output, modules: sources.length, transpiled: changed.length };
}

/**
 * The modules `entry` loads at run time, relative to root: esbuild resolves the whole graph (`./x.js` to `./x.ts`,
 * packages left alone) without writing anything, and lists what it read.
 */
async function runtimeModules(esbuild, options, entry) {
  const { metafile } = await failingWithLocations(
    esbuild.build({ ...options, entryPoints: [entry], bundle: true, packages: 'external', write: false, metafile: true }),
  );
  return Object.keys(metafile.inputs);
}

/** The previous modules (with refreshed stats when only touched), or undefined when one changed or lost its output. */
function currentIfUnchanged(root, previous) {
  let current = previous;
  for (const [source, known] of Object.entries(previous)) {
    const path = join(root, source);
    if (!existsSync(path) || !existsSync(outputOf(root, source))) return undefined;
    const { size, mtimeMs } = statSync(path);
    if (size === known.size && mtimeMs === known.mtimeMs) continue;
    // Touched (a checkout, a formatter run) but maybe not changed: the content decides.
    if (createHash('sha1').update(readFileSync(path)).digest('hex') !== known.hash) return undefined;
    if (current === previous) current = { ...previous };
    current[source] = { ...known, size, mtimeMs };
  }
  return current;
}

function outputOf(root, source) {
  return join(root, 'dist', source.replace(/\.[cm]?ts$/, '.js'));
}

function readTsconfig(root) {
  return JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8'));
}

/** What every output depends on besides its own source: this file's format, esbuild's version, the tsconfig. */
function settingsKey(root, tsconfig) {
  const esbuildVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'esbuild', 'package.json'), 'utf8')).version;
  return createHash('sha1')
    .update(`${FORMAT}\n${esbuildVersion}\n${JSON.stringify(tsconfig)}`)
    .digest('hex');
}

function readState(statePath, settings) {
  try {
    const state = JSON.parse(readFileSync(statePath, 'utf8'));
    return state.settings === settings ? state.modules : undefined;
  } catch {
    return undefined;
  }
}

/** Written through a temporary file: an interrupted start leaves the previous state, never half of one. */
function writeState(statePath, settings, modules) {
  mkdirSync(dirname(statePath), { recursive: true });
  const temporary = `${statePath}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify({ settings, modules }));
  renameSync(temporary, statePath);
}

/** esbuild's failures as one message with `file:line:column: text` per error (its own message only counts them). */
async function failingWithLocations(build) {
  try {
    return await build;
  } catch (error) {
    if (!Array.isArray(error?.errors)) throw error;
    const lines = error.errors.map((e) => (e.location ? `${e.location.file}:${e.location.line}:${e.location.column + 1}: ${e.text}` : e.text));
    throw new Error(lines.join('\n'), { cause: error });
  }
}
