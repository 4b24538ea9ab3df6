#!/usr/bin/env node
// `npm run bench:start`: how long `npm start` takes from spawn to the gateway's first GraphQL answer, cold (no dist/
// and a fresh PGlite folder: a fresh clone right after `npm ci`) and warm (the same tree and data started again),
// and where the time goes (the embedded process logs its `startupMs` timeline with "Ridegraph is running").
// Plain JavaScript, unlike the other benchmarks: measuring a cold start must not need a build first.
//
// node bench/start.mjs [--rounds 3] [--variant 'name=shell command' ...] [--out bench/results/start] [--baseline file.json]
//   --variant   what to start (repeatable), as 'name=command' or 'name@directory=command' (another checkout, e.g. the
//               commit before a change); default `npm start` here. E.g. the full type-checking build `npm start` ran
//               before: --variant 'tsc=npm run --silent build && node dist/embedded/src/index.js'
//   --baseline  an earlier run's JSON whose table is repeated in the report (e.g. measured before a change)
// Each round runs every variant cold, then warm. It DELETES the variant's dist/ before each cold start (run
// `npm run build` again before `start:*`).
// Ports 4000-4006 and 9464 must be free. Writes <out>.json and <out>.md.
import { execSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const GATEWAY = 'http://127.0.0.1:4000/graphql';
// Generous: on a shared 2-CPU machine under a load of 20 one cold start took over two minutes.
const START_TIMEOUT_MS = 600_000;

const args = parseArgs(process.argv.slice(2));
const rounds = Number(args.rounds ?? 3);
const variants = (args.variant ?? ['npm start=npm start']).map((v) => {
  const at = v.indexOf('=');
  const [name, dir] = (at > 0 ? v.slice(0, at) : v).split('@');
  return { name, dir: dir ?? root, command: at > 0 ? v.slice(at + 1) : v };
});
const out = join(root, args.out?.[0] ?? 'bench/results/start');
const baseline = args.baseline ? JSON.parse(readFileSync(args.baseline[0], 'utf8')) : undefined;

if (await answers()) throw new Error(`something already answers at ${GATEWAY}: stop it first`);

const run = {
  date: new Date().toISOString(),
  commit: execSync('git rev-parse --short HEAD', { cwd: root }).toString().trim(),
  dirty: execSync('git status --porcelain --untracked-files=no', { cwd: root }).toString().trim() !== '',
  machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10, node: process.version },
  rounds,
  variants,
  samples: [],
};
for (let round = 1; round <= rounds; round++) {
  for (const variant of variants) {
    const dataDir = mkdtempSync(join(tmpdir(), 'ridegraph-start-'));
    try {
      rmSync(join(variant.dir, 'dist'), { recursive: true, force: true });
      for (const kind of ['cold', 'warm']) {
        const sample = { variant: variant.name, kind, round, ...(await measureStart(variant, dataDir)) };
        run.samples.push(sample);
        console.log(`${variant.name} ${kind} #${round}: ${sample.firstAnswerMs} ms  (load ${sample.loadAtStart.join(' / ')})`);
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
}
run.summary = summarise(run);
writeFileSync(
  `${out}.json`,
  JSON.stringify({ ...run, baseline: baseline && { date: baseline.date, commit: baseline.commit, summary: baseline.summary } }, null, 2) + '\n',
);
writeFileSync(`${out}.md`, report(run, baseline));
console.log(`wrote ${relative(root, out)}.{json,md}`);

/** Spawns `command`, polls the gateway until it answers `{ __typename }`, then stops the process group. */
async function measureStart({ command, dir }, dataDir) {
  const loadAtStart = load();
  const uptime = execSync('uptime').toString().trim();
  const spawnedAt = Date.now();
  const child = spawn('sh', ['-c', command], {
    cwd: dir,
    // Its own process group, so npm, its shell and node stop together.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: embeddedEnv(dataDir),
  });
  const lines = [];
  let stderr = '';
  let buffered = '';
  child.stdout.on('data', (chunk) => {
    buffered += chunk;
    const parts = buffered.split('\n');
    buffered = parts.pop();
    lines.push(...parts);
  });
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  let exitCode;
  exited.then((code) => (exitCode = code));
  try {
    for (;;) {
      if (exitCode !== undefined) throw new Error(`"${command}" exited (${exitCode}) before answering:\n${stderr}\n${lines.slice(-20).join('\n')}`);
      if (Date.now() - spawnedAt > START_TIMEOUT_MS) throw new Error(`"${command}" did not answer within ${START_TIMEOUT_MS} ms`);
      if (await answers()) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const firstAnswerMs = Date.now() - spawnedAt;
    // The "running" line is written just before the first answer can arrive; give the pipe a moment.
    await new Promise((resolve) => setTimeout(resolve, 200));
    return { firstAnswerMs, loadAtStart, uptime, ...phases(lines, spawnedAt, firstAnswerMs) };
  } finally {
    await stopGroup(child.pid);
    await exited;
  }
}

/** SIGTERM to the process group (npm, its shell, node), SIGKILL after 30 s; resolves once none of it is left. */
async function stopGroup(pgid) {
  const alive = () => {
    try {
      process.kill(-pgid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (alive()) process.kill(-pgid, 'SIGTERM');
  const deadline = Date.now() + 30_000;
  while (alive()) {
    if (Date.now() > deadline) process.kill(-pgid, 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Durations from the logs: `before node` (npm, its shell, a separate build step), `build` (scripts/start.mjs's
 * transpile), `modules` (Node's boot and module loading), each step of the embedded timeline, and `first answer`
 * (from the gateway listening to the poll's answer).
 */
function phases(lines, spawnedAt, firstAnswerMs) {
  const json = lines.flatMap((line) => {
    try {
      return [JSON.parse(line)];
    } catch {
      return [];
    }
  });
  const running = json.find((l) => l.startupMs);
  if (!running) return {};
  const build = json.find((l) => l.startBuild);
  const phasesMs = { 'before node': running.processStartedAt - spawnedAt };
  const cpuPhasesMs = {};
  let previous = 0;
  let previousCpu = 0;
  if (build) {
    phasesMs['node boot'] = build.startBuild.doneAtMs - build.startBuild.ms;
    phasesMs.build = build.startBuild.ms;
    cpuPhasesMs['node boot + build'] = build.startBuild.cpuMs;
    previous = build.startBuild.doneAtMs;
    previousCpu = build.startBuild.cpuMs;
  }
  for (const [step, at] of Object.entries(running.startupMs)) {
    phasesMs[step] = at - previous;
    previous = at;
    const cpu = running.startupCpuMs?.[step];
    if (cpu !== undefined) {
      cpuPhasesMs[step] = cpu - previousCpu;
      previousCpu = cpu;
    }
  }
  phasesMs['first answer'] = firstAnswerMs - (running.processStartedAt - spawnedAt) - previous;
  return { phasesMs, cpuPhasesMs, processCpuMs: previousCpu, transpiled: build?.startBuild.transpiled, modules: build?.startBuild.modules };
}

async function answers() {
  try {
    const response = await fetch(GATEWAY, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
      signal: AbortSignal.timeout(2000),
    });
    const body = await response.json();
    return response.ok && body?.data?.__typename === 'Query';
  } catch {
    return false;
  }
}

function summarise({ samples, variants }) {
  return variants.flatMap(({ name }) =>
    ['cold', 'warm'].map((kind) => {
      const of = samples.filter((s) => s.variant === name && s.kind === kind);
      const phaseNames = [...new Set(of.flatMap((s) => Object.keys(s.phasesMs ?? {})))];
      return {
        variant: name,
        kind,
        medianMs: median(of.map((s) => s.firstAnswerMs)),
        allMs: of.map((s) => s.firstAnswerMs),
        medianPhasesMs: Object.fromEntries(phaseNames.map((p) => [p, median(of.map((s) => s.phasesMs?.[p]).filter((v) => v !== undefined))])),
        medianProcessCpuMs: median(of.map((s) => s.processCpuMs).filter((v) => v !== undefined)),
        medianCpuPhasesMs: Object.fromEntries(
          [...new Set(of.flatMap((s) => Object.keys(s.cpuPhasesMs ?? {})))].map((p) => [
            p,
            median(of.map((s) => s.cpuPhasesMs?.[p]).filter((v) => v !== undefined)),
          ]),
        ),
      };
    }),
  );
}

function report(run, baseline) {
  const goal = { cold: 10_000, warm: 4_000 };
  const table = (summary) => [
    '| variant | start | median to first answer | all rounds (ms) | goal |',
    '|---|---|---:|---|---|',
    ...summary.map(
      (s) =>
        `| ${s.variant} | ${s.kind} | **${(s.medianMs / 1000).toFixed(1)} s** | ${s.allMs.join(', ')} | ≤ ${goal[s.kind] / 1000} s: ${s.medianMs <= goal[s.kind] ? 'met' : 'missed'} |`,
    ),
  ];
  const phaseTable = (summary, key, title) => {
    const names = [...new Set(summary.flatMap((s) => Object.keys(s[key] ?? {})))];
    return [
      `| ${title} | ${summary.map((s) => `${s.variant} ${s.kind}`).join(' | ')} |`,
      `|---|${summary.map(() => '---:').join('|')}|`,
      ...names.map((p) => `| ${p} | ${summary.map((s) => s[key]?.[p] ?? '').join(' | ')} |`),
    ];
  };
  const phases = (summary) => [
    ...phaseTable(summary, 'medianPhasesMs', 'wall clock (median ms)'),
    '',
    ...phaseTable(summary, 'medianCpuPhasesMs', 'CPU of the serving process (median ms)'),
    `| total | ${summary.map((s) => s.medianProcessCpuMs ?? '').join(' | ')} |`,
  ];
  const lines = [
    '# `npm start`: spawn to the first GraphQL answer',
    '',
    `${run.date} · commit ${run.commit}${run.dirty ? ' (with uncommitted changes)' : ''} · ${run.machine.cpus} CPUs (${run.machine.model}), ${run.machine.memoryGb} GB · Node ${run.machine.node} · ${run.rounds} rounds, each variant cold then warm`,
    '',
    'Cold: no `dist/`, a fresh PGlite folder (a fresh clone after `npm ci`). Warm: the same tree and folder started again.',
    '',
    ...run.variants.map((v) => `- ${v.name}: \`${v.command}\`${v.dir === root ? '' : ` in ${v.dir}`}`),
    '',
    'Measured by `npm run bench:start` (bench/start.mjs): from spawning the command to `{ __typename }` answered by',
    'the gateway at :4000. The machine is shared: compare variants within one run; the load average is per sample below.',
    '',
    ...table(run.summary),
    '',
    '## Where the time goes',
    '',
    '`before node`: from spawn until the Node process that serves began (npm, and a separate `tsc` step if any);',
    '`build`: scripts/start.mjs bringing dist/ up to date; `modules`: Node boot and loading every module; then each',
    'step of the embedded start (embedded/src/index.ts), each subgraph listening, the gateway, and the first answer.',
    'CPU: user + system time of the serving Node process per step (all its threads; not npm, tsc or esbuild, which run',
    'in processes of their own): on a loaded machine the wall clock stretches, the CPU time much less.',
    '',
    ...phases(run.summary),
    '',
    '## Samples',
    '',
    '| variant | start | round | ms | load (1/5/15 min) at its start |',
    '|---|---|---:|---:|---|',
    ...run.samples.map((s) => `| ${s.variant} | ${s.kind} | ${s.round} | ${s.firstAnswerMs} | ${s.loadAtStart.join(' / ')} |`),
  ];
  if (baseline) {
    lines.push('', `## Baseline: ${baseline.date} · commit ${baseline.commit}`, '', ...table(baseline.summary), '', ...phases(baseline.summary));
  }
  return lines.join('\n') + '\n';
}

function median(values) {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
}

/** The embedded defaults (PGlite in `dataDir`, in-process buses) with JSON logs, whatever this shell has set. */
function embeddedEnv(dataDir) {
  const env = { ...process.env, DATA_DIR: dataDir, LOG_FORMAT: 'json', NODE_ENV: 'development' };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  return env;
}

function load() {
  return loadavg().map((l) => Math.round(l * 100) / 100);
}

function parseArgs(argv) {
  const parsed = {};
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].replace(/^--/, '');
    (parsed[name] ??= []).push(argv[++i]);
  }
  return parsed;
}
