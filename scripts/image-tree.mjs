// Builds, without a Docker engine, the file tree the Dockerfile's final stage holds in /app, by replaying the
// Dockerfile itself: each stage's COPY lines, the `npm ci`/`npm rebuild` of the dependency stage (its apt-get of
// build tools is checked, not run: this machine must have them), and the final stage's COPY
// --from lines. Anything else the Dockerfile asks for stops it with an error, so the Dockerfile cannot drift from
// what test/image-tree.test.ts checks. Not replayed: the `build` stage, whose /app is taken to be this checkout
// after `npm run build` (dist/ must be fresh).
//
//   node scripts/image-tree.mjs OUT_DIR     builds the tree into OUT_DIR (emptied first) and prints what it holds
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Instructions of a Dockerfile, continuation lines joined, comments and parser directives dropped. */
function parseDockerfile(text) {
  const instructions = [];
  let pending = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!pending && (line === '' || line.startsWith('#'))) continue;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1)} `;
      continue;
    }
    const full = (pending + line).trim();
    pending = '';
    const [keyword] = full.split(/\s+/, 1);
    instructions.push({ keyword: keyword.toUpperCase(), args: full.slice(keyword.length).trim() });
  }
  const stages = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const match = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(instruction.args);
      if (!match) throw new Error(`image-tree: cannot read FROM ${instruction.args}`);
      stages.push({ image: match[1], name: match[2] ?? null, instructions: [] });
    } else if (stages.length === 0) {
      if (instruction.keyword !== 'ARG') throw new Error(`image-tree: ${instruction.keyword} before the first FROM`);
    } else {
      stages.at(-1).instructions.push(instruction);
    }
  }
  return stages;
}

/** `["a", "b"]` (exec form) or `a b` (shell form) → words. */
function words(args) {
  return args.startsWith('[') ? JSON.parse(args) : args.split(/\s+/);
}

/** Docker's COPY: a directory's contents go into dest; a file goes to dest, or into it when dest ends with "/". */
function copy(source, dest) {
  if (!existsSync(source)) throw new Error(`image-tree: COPY source ${source} does not exist (run npm run build first?)`);
  if (statSync(source).isDirectory()) {
    mkdirSync(dest, { recursive: true });
    cpSync(source, dest, { recursive: true, verbatimSymlinks: true });
  } else {
    const target = dest.endsWith('/') ? join(dest, basename(source)) : dest;
    mkdirSync(dirname(target), { recursive: true });
    cpSync(source, target);
  }
}

/**
 * Replays the Dockerfile into `out` (emptied first); `work` holds the intermediate stages' folders.
 * @returns the final stage's image settings (user, env, cmd, healthcheck, stop signal, exposed ports) and the
 *   `npm ci` commands it ran.
 */
function buildImageTree({ out, dockerfile = join(repoRoot, 'Dockerfile'), log = () => undefined }) {
  const stages = parseDockerfile(readFileSync(dockerfile, 'utf8'));
  const work = mkdtempSync(join(tmpdir(), 'ridegraph-image-stages-'));
  const roots = new Map();
  const npmCommands = [];
  let final;
  try {
    stages.forEach((stage, index) => {
      const isFinal = index === stages.length - 1;
      if (stage.name === 'build') {
        const runs = stage.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args);
        if (runs.at(-1) !== 'npm run build') throw new Error(`image-tree: the build stage must end with RUN npm run build (found ${runs.at(-1)})`);
        roots.set('build', { root: repoRoot, workdir: '/app' });
        return;
      }
      const root = isFinal ? out : join(work, stage.name ?? String(index));
      rmSync(root, { recursive: true, force: true });
      mkdirSync(root, { recursive: true });
      const settings = { user: 'root', env: {}, cmd: null, healthcheck: null, stopSignal: null, expose: [], workdir: '/' };
      const local = (path) => {
        const absolute = path.startsWith('/') ? path : join(settings.workdir, path);
        if (!absolute.startsWith('/app')) throw new Error(`image-tree: only paths under /app are replayed (got ${path})`);
        return join(root, absolute.slice('/app'.length)) + (path.endsWith('/') ? '/' : '');
      };
      for (const { keyword, args } of stage.instructions) {
        switch (keyword) {
          case 'WORKDIR':
            if (args !== '/app') throw new Error(`image-tree: WORKDIR must be /app (got ${args})`);
            settings.workdir = args;
            break;
          case 'ENV': {
            const match = /^(\w+)=(\S+)$/.exec(args);
            if (!match) throw new Error(`image-tree: ENV must be NAME=value (got ${args})`);
            settings.env[match[1]] = match[2];
            break;
          }
          case 'COPY': {
            const parts = words(args);
            const from = parts[0].startsWith('--from=') ? parts.shift().slice('--from='.length) : null;
            if (parts.some((p) => p.startsWith('--') || p.includes('*'))) throw new Error(`image-tree: unsupported COPY ${args}`);
            const dest = parts.pop();
            for (const source of parts) {
              if (from === null) {
                copy(join(repoRoot, source), local(dest));
              } else {
                const origin = roots.get(from);
                if (!origin) throw new Error(`image-tree: COPY --from=${from}: no such stage before this one`);
                if (!source.startsWith(`${origin.workdir}/`)) throw new Error(`image-tree: COPY --from source must be under ${origin.workdir}/`);
                copy(join(origin.root, source.slice(origin.workdir.length + 1)), local(dest));
              }
            }
            break;
          }
          case 'RUN': {
            for (const command of args.split(/\s*&&\s*/)) {
              const argv = command.split(/\s+/);
              if (argv[0] === 'npm' && (argv[1] === 'ci' || argv[1] === 'rebuild')) {
                log(`${stage.name}: ${command}`);
                npmCommands.push(command);
                // --prefer-offline only reuses the npm cache; the installed tree is the same.
                const extra = argv[1] === 'ci' ? ['--prefer-offline'] : [];
                execFileSync('npm', [...argv.slice(1), ...extra], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: cleanNpmEnv() });
              } else if (argv[0] === 'apt-get' || (argv[0] === 'rm' && argv.at(-1) === '/var/lib/apt/lists/*')) {
                // Build tools of a dependency stage: this machine must have the packages apt-get would install.
                if (argv[1] === 'install') for (const tool of argv.slice(2).filter((a) => !a.startsWith('-'))) requireTool(tool);
              } else if (command !== 'npm cache clean --force') {
                throw new Error(`image-tree: cannot replay RUN ${command}`);
              }
            }
            break;
          }
          case 'USER':
            settings.user = args;
            break;
          case 'CMD':
            settings.cmd = words(args);
            break;
          case 'HEALTHCHECK': {
            const at = args.indexOf('CMD ');
            settings.healthcheck = { options: args.slice(0, at).trim(), cmd: words(args.slice(at + 4).trim()) };
            break;
          }
          case 'STOPSIGNAL':
            settings.stopSignal = args;
            break;
          case 'EXPOSE':
            settings.expose.push(...args.split(/\s+/));
            break;
          default:
            throw new Error(`image-tree: cannot replay ${keyword} ${args}`);
        }
      }
      roots.set(stage.name ?? String(index), { root, workdir: settings.workdir });
      if (isFinal) final = { ...settings, baseImage: stage.image };
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return { ...final, npmCommands };
}

/** The command a Debian package installs, e.g. g++ for g++, must be on this machine to replay its stage. */
function requireTool(name) {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
  } catch {
    throw new Error(`image-tree: the Dockerfile installs ${name} for a build step; install it here too (apt-get install ${name})`);
  }
}

/** npm run from inside `npm test` inherits npm_config_* of the outer command (e.g. a workspace); drop them. */
function cleanNpmEnv() {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('npm_')));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = process.argv[2];
  if (!out) {
    console.error('usage: node scripts/image-tree.mjs OUT_DIR');
    process.exit(2);
  }
  const image = buildImageTree({ out: resolve(out), log: (message) => console.error(message) });
  console.log(JSON.stringify(image, null, 2));
}
