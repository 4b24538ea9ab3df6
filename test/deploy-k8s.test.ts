// deploy/k8s rendered as an operator would apply it (`kubectl kustomize`, no cluster needed) and every object
// validated against the Kubernetes API's JSON schemas (kubernetes-models) and the Prometheus Operator's
// (ServiceMonitor); then what README "Deploying on Kubernetes" promises: a Deployment and Service per process with
// readiness on /ready and liveness on /health, resource requests, HPAs on the gateway and trips, secrets only by
// reference, the migrate job on its own, and a ServiceMonitor on every metrics port.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { repoRoot, SUBGRAPHS } from '../subgraphs/registry.js';
import { SECRETS } from '../deploy/secrets.js';

interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
}
interface Container {
  name: string;
  image: string;
  command: string[];
  ports?: { name: string; containerPort: number }[];
  env?: { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }[];
  envFrom?: { configMapRef?: { name: string } }[];
  readinessProbe?: { httpGet?: { path: string; port: string } };
  livenessProbe?: { httpGet?: { path: string; port: string } };
  startupProbe?: { httpGet?: { path: string; port: string } };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: Record<string, unknown>;
}
interface PodTemplate {
  spec: { containers: Container[]; terminationGracePeriodSeconds?: number; securityContext?: Record<string, unknown> };
}

const KUBECTL = ['/usr/bin/kubectl', '/usr/local/bin/kubectl'].find((path) => existsSync(path));
const PROCESSES = ['gateway', ...SUBGRAPHS.map((s) => s.name)];
/** The secret's keys: the application's secrets (not the compose stack's own) plus the connection URLs. */
const SECRET_KEYS = [...SECRETS.filter((s) => !s.composeOnly).map((s) => s.name), 'DATABASE_URL', 'REDIS_URL'].sort();

function render(dir: string): K8sObject[] {
  // Not skipped when kubectl is missing: the manifests would then go unchecked, silently.
  if (!KUBECTL) throw new Error('kubectl is not installed: it renders deploy/k8s (kubectl kustomize) for this test');
  const out = execFileSync(KUBECTL, ['kustomize', join(repoRoot, dir)], { encoding: 'utf8' });
  return parseAllDocuments(out).map((doc) => doc.toJS() as K8sObject);
}

let app: K8sObject[];
let migrate: K8sObject[];
const find = (kind: string, name: string) => app.find((o) => o.kind === kind && o.metadata.name === name) as K8sObject;
const podOf = (o: K8sObject) => (o.spec as { template: PodTemplate }).template.spec;

beforeAll(() => {
  app = render('deploy/k8s');
  migrate = render('deploy/k8s/migrate');
});

/** The schema validator of an object's apiVersion and kind. */
async function validatorOf(object: K8sObject): Promise<(data: K8sObject) => void> {
  const [group, version] = object.apiVersion.includes('/') ? object.apiVersion.split('/') : ['', object.apiVersion];
  const module = (
    group === 'monitoring.coreos.com'
      ? await import(`@kubernetes-models/prometheus-operator/${group}/${version}/${object.kind}`)
      : await import(`kubernetes-models/${group ? `${group}/` : ''}${version}/${object.kind}`)
  ) as Record<string, new (data: K8sObject) => { validate(): void }>;
  const Model = module[object.kind];
  if (!Model) throw new Error(`no schema for ${object.apiVersion} ${object.kind}`);
  return (data) => new Model(data).validate();
}

test('every rendered object validates against its API schema', async () => {
  const kinds = [...app, ...migrate].map((o) => `${o.kind}/${o.metadata.name}`).sort();
  expect(kinds).toEqual(
    [
      'ConfigMap/ridegraph-config',
      ...PROCESSES.flatMap((p) => [`Deployment/ridegraph-${p}`, `Service/ridegraph-${p}`]),
      'HorizontalPodAutoscaler/ridegraph-gateway',
      'HorizontalPodAutoscaler/ridegraph-trips',
      'ServiceMonitor/ridegraph',
      'Job/ridegraph-migrate',
    ].sort(),
  );
  for (const object of [...app, ...migrate]) {
    const validate = await validatorOf(object);
    expect(() => validate(object)).not.toThrow();
    expect(object.metadata.namespace).toBe('ridegraph');
    expect(object.metadata.labels?.['app.kubernetes.io/part-of']).toBe('ridegraph');
  }
  // The schemas do catch mistakes: a port that is not a number.
  const broken = structuredClone(find('Deployment', 'ridegraph-gateway'));
  const ports = podOf(broken).containers[0]?.ports as { containerPort: unknown }[];
  (ports[0] as { containerPort: unknown }).containerPort = 'four thousand';
  const validate = await validatorOf(broken);
  expect(() => validate(broken)).toThrow(/containerPort must be integer/);
});

// The API's schemas accept unknown fields (a misspelt `readinesProbe` would pass and be dropped by the API server,
// as a non-strict kubectl apply does), so the fields of what these manifests declare are checked here.
const KNOWN_FIELDS = {
  pod: [
    'containers',
    'initContainers',
    'restartPolicy',
    'terminationGracePeriodSeconds',
    'securityContext',
    'serviceAccountName',
    'volumes',
    'affinity',
    'tolerations',
    'nodeSelector',
    'topologySpreadConstraints',
    'priorityClassName',
  ],
  container: [
    'name',
    'image',
    'command',
    'args',
    'workingDir',
    'ports',
    'envFrom',
    'env',
    'resources',
    'volumeMounts',
    'livenessProbe',
    'readinessProbe',
    'startupProbe',
    'lifecycle',
    'imagePullPolicy',
    'securityContext',
  ],
  probe: ['httpGet', 'exec', 'tcpSocket', 'grpc', 'initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'],
};

test('no unknown field in the pod specs, containers and probes', () => {
  const unknown: string[] = [];
  const check = (where: string, object: object | undefined, known: string[]) =>
    Object.keys(object ?? {}).forEach((key) => known.includes(key) || unknown.push(`${where}.${key}`));
  for (const object of [...app, ...migrate].filter((o) => o.kind === 'Deployment' || o.kind === 'Job')) {
    const pod = podOf(object);
    check(object.metadata.name, pod, KNOWN_FIELDS.pod);
    for (const container of pod.containers) {
      check(`${object.metadata.name}/${container.name}`, container, KNOWN_FIELDS.container);
      for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const)
        check(`${container.name}.${probe}`, container[probe], KNOWN_FIELDS.probe);
    }
  }
  expect(unknown).toEqual([]);
});

test('one Deployment and Service per process: its command, probes on /ready and /health, requests, a non-root read-only container', () => {
  for (const process of PROCESSES) {
    const deployment = find('Deployment', `ridegraph-${process}`);
    const pod = podOf(deployment);
    const [container] = pod.containers as [Container];
    const port = process === 'gateway' ? 4000 : (SUBGRAPHS.find((s) => s.name === process)?.port as number);
    const metricsPort = 9464 + PROCESSES.indexOf(process);
    expect(container.image).toBe('ridegraph:latest');
    expect(container.command).toEqual(['node', process === 'gateway' ? 'dist/gateway/src/index.js' : `dist/subgraphs/${process}/src/index.js`]);
    expect(container.ports).toEqual([
      { name: 'http', containerPort: port },
      { name: 'metrics', containerPort: metricsPort },
    ]);
    const env = Object.fromEntries((container.env ?? []).map((e) => [e.name, e.value ?? e.valueFrom]));
    expect(env.PORT).toBe(String(port));
    expect(env.METRICS_PORT).toBe(String(metricsPort));
    expect(container.readinessProbe?.httpGet).toEqual({ path: '/ready', port: 'http' });
    expect(container.livenessProbe?.httpGet).toEqual({ path: '/health', port: 'http' });
    expect(container.resources?.requests).toEqual({ cpu: '100m', memory: '192Mi' });
    expect(container.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true });
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
    // Longer than the processes' own shutdown limit (8 s) plus the 5 s preStop pause.
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(13);
    const service = find('Service', `ridegraph-${process}`);
    expect((service.spec as { ports: { name: string; port: number }[] }).ports.map((p) => [p.name, p.port])).toEqual([
      ['http', port],
      ['metrics', metricsPort],
    ]);
  }
});

test('secrets only by reference to the Secret ridegraph-secrets, whose keys the README lists', () => {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const referenced = new Set<string>();
  for (const object of [...app, ...migrate].filter((o) => o.kind === 'Deployment' || o.kind === 'Job')) {
    for (const container of podOf(object).containers) {
      for (const variable of container.env ?? []) {
        if (SECRET_KEYS.includes(variable.name)) {
          expect(variable.value).toBeUndefined();
          expect(variable.valueFrom?.secretKeyRef).toEqual({ name: 'ridegraph-secrets', key: variable.name });
        }
        if (variable.valueFrom?.secretKeyRef) referenced.add(variable.valueFrom.secretKeyRef.key);
      }
    }
  }
  expect([...referenced].sort()).toEqual(SECRET_KEYS);
  expect(app.filter((o) => o.kind === 'Secret')).toEqual([]);
  expect(Object.keys(find('ConfigMap', 'ridegraph-config').data ?? {}).filter((key) => SECRET_KEYS.includes(key))).toEqual([]);
  for (const key of SECRET_KEYS) expect(readme).toContain(`\`${key}\``);
});

test('the gateway and trips autoscale; the migrate job runs the migrations alone, before the rollout', () => {
  for (const name of ['gateway', 'trips']) {
    const hpa = find('HorizontalPodAutoscaler', `ridegraph-${name}`);
    expect(hpa.spec?.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: `ridegraph-${name}` });
    expect(hpa.spec?.minReplicas).toBe(2);
    // The autoscaler owns the count: a replicas field would reset it on every `kubectl apply -k`.
    expect(find('Deployment', `ridegraph-${name}`).spec).not.toHaveProperty('replicas');
  }
  const [job] = migrate as [K8sObject];
  expect(podOf(job).containers[0]?.command).toEqual(['node', 'dist/scripts/db-migrate.js']);
  expect(job.metadata.annotations?.['argocd.argoproj.io/hook']).toBe('PreSync');
  // Not part of the main kustomization: `kubectl apply -k deploy/k8s` would start it alongside the services.
  expect(app.some((o) => o.kind === 'Job')).toBe(false);
});

test('the ServiceMonitor scrapes the metrics port of every Ridegraph Service, keeping their own service label', () => {
  const monitor = find('ServiceMonitor', 'ridegraph');
  const spec = monitor.spec as { selector: { matchLabels: Record<string, string> }; endpoints: { port: string; path: string; honorLabels: boolean }[] };
  expect(spec.endpoints).toEqual([{ port: 'metrics', path: '/metrics', interval: '15s', honorLabels: true }]);
  const selected = app.filter((o) => o.kind === 'Service' && Object.entries(spec.selector.matchLabels).every(([k, v]) => o.metadata.labels?.[k] === v));
  expect(selected.map((s) => s.metadata.name).sort()).toEqual(PROCESSES.map((p) => `ridegraph-${p}`).sort());
});
