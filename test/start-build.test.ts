// scripts/start-build.mjs, the build behind `npm start`, on a tiny tree of its own: it transpiles exactly the modules
// the entry point loads at run time (not the type-only ones), nothing when nothing changed (a touched file included),
// only what changed otherwise, and refuses a syntax error or an import of a missing module by naming the file.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../subgraphs/registry.js';
import { buildForStart } from '../scripts/start-build.mjs';

let root: string;

function write(path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'ridegraph-start-build-'));
  // The repository's compiler settings and esbuild, as in the real tree.
  writeFileSync(join(root, 'tsconfig.json'), readFileSync(join(repoRoot, 'tsconfig.json')));
  symlinkSync(join(repoRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
  writeFileSync(join(root, 'package.json'), '{ "type": "module" }\n');
  write('app/entry.ts', "import { answer } from './lib/answer.js';\nimport type { Answer } from './types.js';\nexport const value: Answer = answer + 1;\n");
  write('app/lib/answer.ts', 'export const answer: number = 41;\n');
  write('app/types.ts', 'export type Answer = number;\n');
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

test('the first build transpiles the entry point and what it loads, not its type-only imports, into dist/', async () => {
  const build = await buildForStart(root, 'app/entry.ts');
  expect(build).toEqual({ output: join(root, 'dist', 'app', 'entry.js'), modules: 2, transpiled: 2 });
  expect(existsSync(join(root, 'dist', 'app', 'lib', 'answer.js'))).toBe(true);
  expect(existsSync(join(root, 'dist', 'app', 'lib', 'answer.js.map'))).toBe(true);
  expect(existsSync(join(root, 'dist', 'app', 'types.js'))).toBe(false);
  const entry = (await import(pathToFileURL(build.output).href)) as { value: number };
  expect(entry.value).toBe(42);
});

test('an unchanged tree, or a touched but unchanged file, transpiles nothing', async () => {
  await buildForStart(root, 'app/entry.ts');
  expect(await buildForStart(root, 'app/entry.ts')).toMatchObject({ modules: 2, transpiled: 0 });
  const later = new Date(Date.now() + 60_000);
  utimesSync(join(root, 'app', 'lib', 'answer.ts'), later, later);
  expect(await buildForStart(root, 'app/entry.ts')).toMatchObject({ modules: 2, transpiled: 0 });
});

test('a changed source, a new import and a deleted output are transpiled again, and only those', async () => {
  await buildForStart(root, 'app/entry.ts');
  write('app/lib/answer.ts', "import { base } from './base.js';\nexport const answer: number = base + 1;\n");
  write('app/lib/base.ts', 'export const base = 40;\n');
  expect(await buildForStart(root, 'app/entry.ts')).toMatchObject({ modules: 3, transpiled: 2 });
  expect(readFileSync(join(root, 'dist', 'app', 'lib', 'answer.js'), 'utf8')).toContain('base + 1');
  rmSync(join(root, 'dist', 'app', 'lib', 'base.js'));
  expect(await buildForStart(root, 'app/entry.ts')).toMatchObject({ modules: 3, transpiled: 1 });
  expect(existsSync(join(root, 'dist', 'app', 'lib', 'base.js'))).toBe(true);
});

test('a syntax error or an import without a source fails, naming the file, line and column', async () => {
  write('app/lib/answer.ts', 'export const answer = ;\n');
  await expect(buildForStart(root, 'app/entry.ts')).rejects.toThrow('app/lib/answer.ts:1:23: Unexpected ";"');
  write('app/lib/answer.ts', "export { answer } from './missing.js';\n");
  await expect(buildForStart(root, 'app/entry.ts')).rejects.toThrow('app/lib/answer.ts:1:24: Could not resolve "./missing.js"');
});
