// `npm run bench:abuse`: does a normal signed-in client stay fast while attackers send the most expensive
// operations they can build? The distributed mode as it is deployed — the gateway and each subgraph in its own
// process, on PostgreSQL and Redis — so the CPU and memory of each process can be read from /proc. Per scenario:
// the victim's `me` latency alone, then the same again while two attacker connections send hostile operations back
// to back; both measured in the same run, minutes apart, on the same processes.
//
// Scenarios: the default configuration (operation limits and rate limits), and the operation limits alone
// (RATE_LIMITS=false: the attacker may run the most expensive operation the limits admit, as fast as it likes).
// Writes bench/results/abuse.{json,md}. Needs PostgreSQL (DATABASE_URL) and Redis (REDIS_URL), like the tests.
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createAccessTokenSigner, generateSigningJwks, loadSigningKeys, readAuthConfig } from '../platform/auth/index.js';
import { migrateSubgraphs } from '../platform/db/index.js';
import { buildDemoDataset, DEMO_PHONES } from '../platform/demo/index.js';
import { repoRoot, SUBGRAPHS } from '../subgraphs/registry.js';
import { seedDemoCity } from '../embedded/src/seed-demo-city.js';
import { adminQuery } from './admin-database.js';
import { runLoad, type LoadResult } from './load.js';
import { cpuSeconds, freePort, rssMb, stopProcesses, waitReady } from './processes.js';

const VICTIM_REQUESTS = Number(process.env.BENCH_VICTIM_REQUESTS ?? 400);
const SERVER_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

// ---------------------------------------------------------------------------------------------------------------
// The attacks: the worst of each class the hostile-traffic issue found, at the size the limits let through or just
// past it. Each is sent by whichever attacker connection is free, round robin.
const repeat = (text: string, times: number) => Array.from({ length: times }, () => text).join(' ');
const fragmentBomb = (levels: number) =>
  `query Bomb { ...F${levels} } ${Array.from({ length: levels }, (_, i) => `fragment F${i + 1} on Query { ${i === 0 ? 'me { id }' : `...F${i} ...F${i}`} }`).join(' ')}`;
const nestedTrips = (levels: number) => {
  let inner = 'id';
  for (let i = 0; i < levels; i++) inner = `trips(first: 100) { edges { node { id rider { ${inner} } } } }`;
  return `{ me { ${inner} } }`;
};

interface Attack {
  name: string;
  query: string;
  /** Sent with the attacker's token; anonymous otherwise. */
  signedIn: boolean;
}

const ATTACKS: Attack[] = [
  { name: '16,000 repeated fields (48 KB)', query: `{ me { ${repeat('id', 16_000)} } }`, signedIn: false },
  { name: '599 repeated fields (the most the field limit admits)', query: `{ me { ${repeat('id', 598)} } }`, signedIn: true },
  { name: 'fragment bomb, 14 levels (1.4 KB)', query: fragmentBomb(14), signedIn: false },
  { name: 'fragment bomb, 40 levels', query: fragmentBomb(40), signedIn: false },
  { name: '1,000 aliases of me.trips', query: `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: me { id }`).join(' ')} }`, signedIn: false },
  { name: 'trips(first: 100) nested under rider, 10 levels', query: nestedTrips(10), signedIn: true },
  { name: 'trips(first: 100) nested under rider, 3 levels', query: nestedTrips(3), signedIn: true },
  { name: 'a selection 4,000 levels deep', query: `{ ${repeat('me {', 4000)} id ${repeat('}', 4000)} }`, signedIn: false },
  {
    // Near the cost limit: three 100-trip pages with names from identity and vehicles from fleet (its cost, as the
    // gateway reports it, is in the results).
    name: 'three trips boards of 100 with rider and driver names (near the cost limit)',
    query: `{ ${['a: trips(first: 100)', 'b: trips(first: 100, status: COMPLETED)', 'c: trips(first: 100, status: CANCELLED)'].map((field) => `${field} { edges { node { id status rider { name } driver { name vehicle { plate } } } } }`).join(' ')} }`,
    signedIn: true,
  },
];

const VICTIM_QUERY = '{ me { id name } }';

// ---------------------------------------------------------------------------------------------------------------
// The processes.

interface Service {
  name: string;
  process: ChildProcess;
  url: string;
}

async function startServices(databaseUrl: string, jwks: string, extraEnv: Record<string, string>): Promise<Service[]> {
  const prefix = `bench-abuse:${randomBytes(4).toString('hex')}:`;
  // As deployed (docker-compose.yml), but in development mode: no production-only secrets to provide beyond these.
  const base = {
    ...process.env,
    NODE_ENV: 'development',
    LOG_LEVEL: 'error',
    DATABASE_URL: databaseUrl,
    REDIS_URL,
    PUBSUB_PREFIX: prefix,
    HOST: '127.0.0.1',
    GATEWAY_SECRET: randomBytes(32).toString('hex'),
    ...extraEnv,
  };
  const services: Service[] = [];
  const spawnService = (name: string, script: string, env: Record<string, string | undefined>, port: number) => {
    const child = spawn(process.execPath, [join(repoRoot, script)], { env: { ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] });
    services.push({ name, process: child, url: `http://127.0.0.1:${port}/graphql` });
  };
  const ports = Object.fromEntries(await Promise.all(SUBGRAPHS.map(async (s) => [s.name, await freePort()] as const)));
  spawnService(
    'identity',
    'dist/subgraphs/identity/src/index.js',
    { ...base, AUTH_SIGNING_JWKS: jwks, OTP_SECRET: randomBytes(32).toString('hex') },
    ports.identity!,
  );
  await waitReady(services[0]!.url);
  const jwksUrl = `http://127.0.0.1:${ports.identity}/.well-known/jwks.json`;
  for (const { name } of SUBGRAPHS.filter((s) => s.name !== 'identity')) {
    spawnService(name, `dist/subgraphs/${name}/src/index.js`, { ...base, AUTH_JWKS_URL: jwksUrl }, ports[name]!);
  }
  const subgraphUrls = Object.fromEntries(SUBGRAPHS.map((s) => [`SUBGRAPH_${s.name.toUpperCase()}_URL`, `http://127.0.0.1:${ports[s.name]}/graphql`]));
  spawnService('gateway', 'dist/gateway/src/index.js', { ...base, ...subgraphUrls, AUTH_JWKS_URL: jwksUrl }, await freePort());
  for (const service of services) await waitReady(service.url);
  return services;
}

async function stopServices(services: Service[]): Promise<void> {
  await stopProcesses(services.map((s) => s.process));
}

// ---------------------------------------------------------------------------------------------------------------
// CPU and memory of each process, from /proc (Linux).

interface ProcessUsage {
  /** CPU time over wall time: 1.0 is one core busy all the phase. */
  cores: number;
  peakRssMb: number;
}

function watchProcesses(services: Service[]) {
  const startCpu = new Map(services.map((s) => [s.name, cpuSeconds(s.process.pid!) ?? 0]));
  const peak = new Map(services.map((s) => [s.name, rssMb(s.process.pid!)]));
  const started = performance.now();
  const timer = setInterval(() => {
    for (const s of services) peak.set(s.name, Math.max(peak.get(s.name)!, rssMb(s.process.pid!)));
  }, 100);
  return (): Record<string, ProcessUsage> => {
    clearInterval(timer);
    const seconds = (performance.now() - started) / 1000;
    return Object.fromEntries(
      services.map((s) => [
        s.name,
        {
          cores: Math.round((((cpuSeconds(s.process.pid!) ?? 0) - startCpu.get(s.name)!) / seconds) * 100) / 100,
          peakRssMb: Math.max(peak.get(s.name)!, rssMb(s.process.pid!)),
        },
      ]),
    );
  };
}

// ---------------------------------------------------------------------------------------------------------------
// One scenario: victim alone, then victim under attack.

interface AttackStats {
  sent: number;
  byStatus: Record<string, number>;
  /** Latency of the attacker's answers, by status: how fast a refusal comes back. */
  latencyMsByStatus: Record<string, { p50: number; p99: number }>;
  byAttack: Record<string, Record<string, number>>;
  /** `extensions.cost.requested` of the attacks that were admitted (HTTP 200). */
  costOfAdmitted: Record<string, number>;
}

interface ScenarioResult {
  label: string;
  /** Each attack sent alone, 5 times one after another: median answer time (ms) and status. */
  eachAttackAlone?: Record<string, { medianMs: number; status: number }>;
  victimAlone: LoadResult;
  victimUnderAttack: LoadResult;
  p99Ratio: number;
  attackers: AttackStats;
  processesAlone: Record<string, ProcessUsage>;
  processesUnderAttack: Record<string, ProcessUsage>;
}

async function runScenario(
  label: string,
  databaseUrl: string,
  jwks: string,
  env: Record<string, string>,
  tokens: { victim: string; attacker: string },
  timeEachAttack = false,
): Promise<ScenarioResult> {
  const services = await startServices(databaseUrl, jwks, env);
  try {
    const gateway = services.find((s) => s.name === 'gateway')!.url;
    const victim = async () => {
      const response = await fetch(gateway, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.victim}` },
        body: JSON.stringify({ query: VICTIM_QUERY }),
      });
      const body = (await response.json()) as { errors?: unknown };
      return response.ok && !body.errors;
    };
    if (!(await victim())) throw new Error(`the victim's query fails on ${label}`);
    await runLoad(victim, { requests: 50, concurrency: 1 }); // warm-up

    let eachAttackAlone: ScenarioResult['eachAttackAlone'];
    if (timeEachAttack) {
      eachAttackAlone = {};
      for (const attack of ATTACKS) {
        const times: number[] = [];
        let status = 0;
        for (let i = 0; i < 5; i++) {
          const t0 = performance.now();
          const response = await fetch(gateway, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...(attack.signedIn ? { authorization: `Bearer ${tokens.attacker}` } : {}) },
            body: JSON.stringify({ query: attack.query }),
          });
          await response.arrayBuffer();
          times.push(performance.now() - t0);
          status = response.status;
        }
        times.sort((a, b) => a - b);
        eachAttackAlone[attack.name] = { medianMs: Math.round(times[2]! * 100) / 100, status };
      }
    }

    let watch = watchProcesses(services);
    const victimAlone = await runLoad(victim, { requests: VICTIM_REQUESTS, concurrency: 1 });
    const processesAlone = watch();

    const attackers: AttackStats = { sent: 0, byStatus: {}, latencyMsByStatus: {}, byAttack: {}, costOfAdmitted: {} };
    const latencies: Record<string, number[]> = {};
    let attacking = true;
    let next = 0;
    const attacker = async () => {
      while (attacking) {
        const attack = ATTACKS[next++ % ATTACKS.length]!;
        const t0 = performance.now();
        let status = 'network error';
        try {
          const response = await fetch(gateway, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...(attack.signedIn ? { authorization: `Bearer ${tokens.attacker}` } : {}) },
            body: JSON.stringify({ query: attack.query }),
          });
          const body = (await response.json()) as { extensions?: { cost?: { requested?: number } } };
          status = String(response.status);
          const cost = body.extensions?.cost?.requested;
          if (response.status === 200 && cost !== undefined) attackers.costOfAdmitted[attack.name] = cost;
        } catch {
          // counted as a network error
        }
        attackers.sent++;
        attackers.byStatus[status] = (attackers.byStatus[status] ?? 0) + 1;
        (latencies[status] ??= []).push(performance.now() - t0);
        const perAttack = (attackers.byAttack[attack.name] ??= {});
        perAttack[status] = (perAttack[status] ?? 0) + 1;
      }
    };
    const running = [attacker(), attacker()];
    await sleep(1000); // the attack is under way before the victim is measured
    watch = watchProcesses(services);
    const victimUnderAttack = await runLoad(victim, { requests: VICTIM_REQUESTS, concurrency: 1 });
    const processesUnderAttack = watch();
    attacking = false;
    await Promise.all(running);
    for (const [status, values] of Object.entries(latencies)) {
      values.sort((a, b) => a - b);
      const at = (q: number) => Math.round(values[Math.min(values.length - 1, Math.floor(q * values.length))]! * 100) / 100;
      attackers.latencyMsByStatus[status] = { p50: at(0.5), p99: at(0.99) };
    }
    const p99Ratio = Math.round((victimUnderAttack.latencyMs.p99 / victimAlone.latencyMs.p99) * 100) / 100;
    process.stderr.write(`${label}: victim p99 ${victimAlone.latencyMs.p99} ms alone, ${victimUnderAttack.latencyMs.p99} ms under attack (×${p99Ratio})\n`);
    return { label, eachAttackAlone, victimAlone, victimUnderAttack, p99Ratio, attackers, processesAlone, processesUnderAttack };
  } finally {
    await stopServices(services);
  }
}

// ---------------------------------------------------------------------------------------------------------------

const admin = (sql: string) => adminQuery(SERVER_URL, sql);

const dbName = `ridegraph_abuse_${randomBytes(4).toString('hex')}`;
await admin(`CREATE DATABASE "${dbName}"`);
const databaseUrl = Object.assign(new URL(SERVER_URL), { pathname: `/${dbName}` }).toString();
const results: ScenarioResult[] = [];
try {
  await migrateSubgraphs({ kind: 'postgres', url: databaseUrl });
  await seedDemoCity({ kind: 'postgres', url: databaseUrl });
  const jwks = JSON.stringify(await generateSigningJwks());
  const authConfig = readAuthConfig({});
  const sign = createAccessTokenSigner(await loadSigningKeys({ jwks }), authConfig);
  const demo = buildDemoDataset();
  const userOf = (phone: string) => demo.users.find((u) => u.phone === phone)!.id;
  const tokens = {
    victim: (await sign({ userId: userOf(DEMO_PHONES.rider(1)), roles: ['RIDER'], sessionId: 'bench-victim' })).token,
    // Staff, so the heaviest admitted operation (the trips board) is one it may run.
    attacker: (await sign({ userId: userOf(DEMO_PHONES.rider(2)), roles: ['OPERATIONS'], sessionId: 'bench-attacker' })).token,
  };
  results.push(await runScenario('default limits (operation limits + rate limits)', databaseUrl, jwks, {}, tokens));
  results.push(await runScenario('operation limits only (RATE_LIMITS=false)', databaseUrl, jwks, { RATE_LIMITS: 'false' }, tokens, true));
} finally {
  await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
}

const report = {
  date: new Date().toISOString(),
  commit: execSync('git rev-parse --short HEAD', { cwd: repoRoot }).toString().trim(),
  machine: { cpus: cpus().length, node: process.version },
  settings: { victimRequests: VICTIM_REQUESTS, victimQuery: VICTIM_QUERY, attackerConnections: 2, attacks: ATTACKS.map((a) => a.name) },
  scenarios: results,
};
const dir = join(repoRoot, 'bench/results');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'abuse.json'), `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(join(dir, 'abuse.md'), markdown(report));
process.stdout.write(markdown(report));

function markdown(r: typeof report): string {
  const lines = [
    '# Abuse benchmark: a normal client while attackers send hostile operations',
    '',
    `${r.date} · commit ${r.commit} · ${r.machine.cpus} CPUs · Node ${r.machine.node} · distributed mode (gateway and six subgraphs, one process each) on PostgreSQL + Redis, all on this machine.`,
    `The victim sends \`${r.settings.victimQuery}\` ${r.settings.victimRequests} times one after another (signed in as a rider), first alone, then while ${r.settings.attackerConnections} attacker connections send the attacks below round robin, back to back. Goal: victim p99 under attack within 2× of its p99 alone.`,
    '',
    '| scenario | victim p50 / p99 alone (ms) | victim p50 / p99 under attack (ms) | p99 ratio | goal (≤ 2×) | attacker requests | attacker answers by status |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const s of r.scenarios) {
    lines.push(
      `| ${s.label} | ${s.victimAlone.latencyMs.p50} / ${s.victimAlone.latencyMs.p99} | ${s.victimUnderAttack.latencyMs.p50} / ${s.victimUnderAttack.latencyMs.p99} | ${s.p99Ratio} | ${s.p99Ratio <= 2 ? 'met' : 'missed'} | ${s.attackers.sent} | ${Object.entries(
        s.attackers.byStatus,
      )
        .map(([k, v]) => `${k}: ${v}`)
        .join(', ')} |`,
    );
  }
  for (const s of r.scenarios) {
    lines.push(
      '',
      `## ${s.label}`,
      '',
      'Attacker answer latency by status (ms): ' +
        Object.entries(s.attackers.latencyMsByStatus)
          .map(([k, v]) => `${k} p50 ${v.p50} / p99 ${v.p99}`)
          .join('; '),
      '',
    );
    const alone = s.eachAttackAlone;
    lines.push(
      `| attack | answers by status | cost when admitted |${alone ? ' alone: status, median ms |' : ''}`,
      `| --- | --- | --- |${alone ? ' --- |' : ''}`,
    );
    for (const [name, statuses] of Object.entries(s.attackers.byAttack)) {
      const solo = alone?.[name];
      lines.push(
        `| ${name} | ${Object.entries(statuses)
          .map(([k, v]) => `${k}: ${v}`)
          .join(', ')} | ${s.attackers.costOfAdmitted[name] ?? '—'} |${alone ? ` ${solo ? `${solo.status}, ${solo.medianMs}` : '—'} |` : ''}`,
      );
    }
    lines.push('', '| process | CPU cores alone | CPU cores under attack | peak RSS MB alone | peak RSS MB under attack |', '| --- | --- | --- | --- | --- |');
    for (const name of Object.keys(s.processesAlone)) {
      const a = s.processesAlone[name]!;
      const b = s.processesUnderAttack[name]!;
      lines.push(`| ${name} | ${a.cores} | ${b.cores} | ${a.peakRssMb} | ${b.peakRssMb} |`);
    }
  }
  lines.push('');
  return lines.join('\n');
}
