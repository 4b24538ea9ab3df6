#!/usr/bin/env node
// Breaking-change check of the public API (README: "Breaking changes"). Compares schema/api.graphql (what
// `npm run compose` prints) with schema/api.baseline.graphql, the last public contract that shipped, using
// @graphql-inspector/core. Only files are read: no git history, so it runs the same on a fresh clone in CI.
//
//   npm run schema:breaking   exit 1 when a breaking change is not listed in schema/intended-breaking-changes.json
//   npm run schema:accept     the current schema becomes the baseline and the intended list is emptied (a release)
//
// Dangerous changes (e.g. an enum value added, an authorization rule changed) are printed as warnings; additions
// and description changes pass. Exit codes: 0 pass, 1 unintended breaking change, 2 unusable input (a file
// missing or invalid). Flags `--schema`, `--baseline` and `--intended` point at other files (tests use them).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema } from 'graphql';
import { CriticalityLevel, diff } from '@graphql-inspector/core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

class UsageError extends Error {}

function parseArgs(argv) {
  const options = {
    accept: false,
    schema: join(root, 'schema/api.graphql'),
    baseline: join(root, 'schema/api.baseline.graphql'),
    intended: join(root, 'schema/intended-breaking-changes.json'),
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--accept') {
      options.accept = true;
      continue;
    }
    const [name, inline] = arg.split('=', 2);
    const key = { '--schema': 'schema', '--baseline': 'baseline', '--intended': 'intended' }[name];
    const value = inline ?? argv[++i];
    if (!key) throw new UsageError(`unknown argument ${arg}; usage: schema-breaking [--accept] [--schema PATH] [--baseline PATH] [--intended PATH]`);
    if (!value) throw new UsageError(`${name} needs a path`);
    options[key] = resolve(value);
  }
  return options;
}

const shown = (path) => relative(process.cwd(), path) || path;

function readSchema(path, what, hint) {
  if (!existsSync(path)) throw new UsageError(`${what} ${shown(path)} does not exist${hint ? `; ${hint}` : ''}`);
  const sdl = readFileSync(path, 'utf8');
  try {
    return { sdl, schema: buildSchema(sdl) };
  } catch (error) {
    throw new UsageError(`${what} ${shown(path)} is not a valid schema: ${error.message}`);
  }
}

/** @returns the intended breaking changes: `{ path, reason }`, every path once. */
function readIntended(path) {
  if (!existsSync(path)) return [];
  let parsed;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`${shown(path)} is not valid JSON: ${error.message}`);
  }
  const changes = parsed?.changes;
  if (!Array.isArray(changes)) throw new UsageError(`${shown(path)} must be { "changes": [{ "path": "Type.field", "reason": "why" }] }`);
  const seen = new Set();
  return changes.map((entry, index) => {
    if (typeof entry?.path !== 'string' || entry.path.trim() === '')
      throw new UsageError(`${shown(path)}: changes[${index}] needs a "path" (as this script prints it)`);
    if (typeof entry.reason !== 'string' || entry.reason.trim() === '')
      throw new UsageError(`${shown(path)}: changes[${index}] (${entry.path}) needs a "reason": why clients may be broken`);
    if (seen.has(entry.path)) throw new UsageError(`${shown(path)}: ${entry.path} is listed twice`);
    seen.add(entry.path);
    return { path: entry.path, reason: entry.reason };
  });
}

/** Where a change is, as printed and as listed in the intended file: its schema coordinate, else its kind. */
const pathOf = (change) => change.path ?? change.type;
const line = (change) => `  ${pathOf(change)}  [${change.type}]  ${change.message}`;

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const current = readSchema(options.schema, 'schema', 'run `npm run compose`');
  const intended = readIntended(options.intended);

  if (options.accept) {
    const hadBaseline = existsSync(options.baseline);
    if (hadBaseline) {
      const changes = await diff(readSchema(options.baseline, 'baseline').schema, current.schema);
      const breaking = changes.filter((change) => change.criticality.level === CriticalityLevel.Breaking);
      console.log(`Accepting ${changes.length} change(s) since the last baseline, ${breaking.length} of them breaking.`);
      for (const change of breaking) console.log(line(change));
    }
    writeFileSync(options.baseline, current.sdl);
    writeFileSync(options.intended, `${JSON.stringify({ changes: [] }, null, 2)}\n`);
    console.log(`${hadBaseline ? 'updated' : 'created'} ${shown(options.baseline)} from ${shown(options.schema)}; emptied ${shown(options.intended)}`);
    return 0;
  }

  const baseline = readSchema(options.baseline, 'baseline', 'run `npm run schema:accept` to create it from the current schema');
  const changes = await diff(baseline.schema, current.schema);
  const byLevel = (level) => changes.filter((change) => change.criticality.level === level);
  const breaking = byLevel(CriticalityLevel.Breaking);
  const dangerous = byLevel(CriticalityLevel.Dangerous);
  const safe = byLevel(CriticalityLevel.NonBreaking);
  const reasons = new Map(intended.map((entry) => [entry.path, entry.reason]));
  const unintended = breaking.filter((change) => !reasons.has(pathOf(change)));
  const accepted = breaking.filter((change) => reasons.has(pathOf(change)));

  console.log(
    `${shown(options.schema)} against ${shown(options.baseline)}: ${breaking.length} breaking, ${dangerous.length} dangerous, ${safe.length} non-breaking change(s)`,
  );
  if (safe.length) {
    console.log(`\nNon-breaking:`);
    for (const change of safe) console.log(line(change));
  }
  if (dangerous.length) {
    console.warn(`\nWarning: ${dangerous.length} dangerous change(s) — clients that do not handle them defensively may break:`);
    for (const change of dangerous) console.warn(line(change));
  }
  if (accepted.length) {
    console.log(`\nIntended breaking change(s), listed in ${shown(options.intended)}:`);
    for (const change of accepted) console.log(`${line(change)}\n      reason: ${reasons.get(pathOf(change))}`);
  }
  const stale = intended.filter((entry) => !breaking.some((change) => pathOf(change) === entry.path));
  if (stale.length) {
    console.warn(`\nWarning: listed in ${shown(options.intended)} but not a breaking change (remove them):`);
    for (const entry of stale) console.warn(`  ${entry.path}`);
  }
  if (unintended.length) {
    console.error(`\nFAIL: ${unintended.length} breaking change(s) not listed as intended:`);
    for (const change of unintended) console.error(line(change));
    console.error(
      `\nEither keep the contract (deprecate with @deprecated(reason: "..."), add the new field or argument next to the old)` +
        `, or, if clients are ready for it, list each path in ${shown(options.intended)}:\n` +
        `  { "changes": [${unintended.map((change) => `{ "path": ${JSON.stringify(pathOf(change))}, "reason": "..." }`).join(', ')}] }`,
    );
    return 1;
  }
  console.log(`\nOK: no unintended breaking change to the public API.`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof UsageError ? `schema-breaking: ${error.message}` : error);
    process.exit(2);
  },
);
