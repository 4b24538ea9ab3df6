// sdk/ as an installable package (@ridegraph/sdk), end to end and offline: a copy of sdk/ in a temporary directory
// is built with the repo's TypeScript (browser libs, no Node types) and packed with `npm pack`; a consumer project
// installs the tarball, imports the package from plain Node and type-checks a TypeScript file against its .d.ts.
// The peers (graphql, graphql-ws, @graphql-typed-document-node/core) are symlinks to this repo's node_modules, so
// no registry is asked; nothing is written inside the repo (sdk/dist never appears here).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { repoRoot } from '../subgraphs/registry.js';

const SDK = resolve(repoRoot, 'sdk');
const TSC = resolve(repoRoot, 'node_modules/typescript/bin/tsc');
const PEERS = ['graphql', 'graphql-ws', '@graphql-typed-document-node/core'];

let work: string;
let npmEnv: NodeJS.ProcessEnv;

function run(command: string, args: string[], cwd: string): string {
  try {
    return execFileSync(command, args, { cwd, env: npmEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${e.stdout ?? ''}\n${e.stderr ?? ''}\n${e.message}`);
  }
}

/** Links the repo's installed peers into `dir`/node_modules (what a consumer's own install would provide). */
function linkPeers(dir: string): void {
  for (const name of PEERS) {
    const link = join(dir, 'node_modules', name);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(resolve(repoRoot, 'node_modules', name), link, 'dir');
  }
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'ridegraph-sdk-package-'));
  // Hermetic npm: a private cache, offline, no audit/fund/update checks; no inherited jest NODE_OPTIONS.
  npmEnv = {
    ...process.env,
    NODE_OPTIONS: '',
    npm_config_cache: join(work, 'npm-cache'),
    npm_config_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    npm_config_loglevel: 'error',
  };
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

test('sdk/ builds, packs, installs into a consumer project and is usable from JavaScript and TypeScript', () => {
  // 1. Build a copy of sdk/ (only its sources: never a stale dist or tarball from the working tree).
  const pkg = join(work, 'sdk');
  cpSync(SDK, pkg, { recursive: true, filter: (src) => !/[\\/](dist|node_modules)$|\.tgz$/.test(src) });
  linkPeers(pkg);
  run(process.execPath, [TSC, '-p', join(pkg, 'tsconfig.json')], pkg);
  expect(existsSync(join(pkg, 'dist/index.js'))).toBe(true);
  expect(existsSync(join(pkg, 'dist/index.d.ts'))).toBe(true);
  rmSync(join(pkg, 'node_modules'), { recursive: true, force: true });

  // 2. Pack it (prepack would rebuild with a tsc on PATH; the build above is the one under test).
  const packed = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], pkg)) as {
    filename: string;
    name: string;
    version: string;
    files: { path: string }[];
  }[];
  const [tarball] = packed;
  if (!tarball) throw new Error('npm pack produced nothing');
  expect(tarball).toMatchObject({ name: '@ridegraph/sdk', version: '0.1.0', filename: 'ridegraph-sdk-0.1.0.tgz' });
  const files = tarball.files.map((f) => f.path).sort();
  expect(files).toEqual(
    expect.arrayContaining(['package.json', 'README.md', 'dist/index.js', 'dist/index.d.ts', 'dist/src/client.js', 'dist/generated/graphql.d.ts']),
  );
  expect(files.filter((f) => !f.startsWith('dist/') && f !== 'package.json' && f !== 'README.md')).toEqual([]);
  expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);

  // 3. A consumer project installs the tarball (peers are the consumer's to provide: linked from this repo).
  const app = join(work, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer-app', version: '1.0.0', private: true, type: 'module' }, null, 2));
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--legacy-peer-deps', join(work, tarball.filename)], app);
  linkPeers(app);
  const installed = JSON.parse(readFileSync(join(app, 'node_modules/@ridegraph/sdk/package.json'), 'utf8')) as { version: string };
  expect(installed.version).toBe('0.1.0');
  expect(JSON.parse(readFileSync(join(app, 'package.json'), 'utf8'))).toMatchObject({ dependencies: { '@ridegraph/sdk': expect.any(String) } });

  // 4. Plain JavaScript: the package's entry point, a generated document and a request through a stub fetch.
  writeFileSync(
    join(app, 'check.mjs'),
    `
import { createRidegraphClient, RidegraphError, RiderHomeDocument, TripDetailsDocument } from '@ridegraph/sdk';
import { Kind } from 'graphql';
const operationName = (doc) => doc.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION)?.name?.value;
const seen = [];
const fetch = async (url, init) => {
  seen.push({ url, ...JSON.parse(init.body), authorization: init.headers.authorization });
  return { status: 200, headers: { get: () => 'application/json' }, text: async () => JSON.stringify({ data: { me: { id: 'u1' } } }) };
};
const client = createRidegraphClient({ url: 'https://api.example.test/graphql', fetch, session: { accessToken: 'a1', refreshToken: null } });
const data = await client.request(RiderHomeDocument);
await client.dispose();
console.log(JSON.stringify({
  createRidegraphClient: typeof createRidegraphClient,
  RidegraphError: typeof RidegraphError,
  riderHome: { kind: RiderHomeDocument.kind, operation: operationName(RiderHomeDocument) },
  tripDetails: operationName(TripDetailsDocument),
  data,
  seen,
}));
`,
  );
  const result = JSON.parse(run(process.execPath, ['check.mjs'], app)) as Record<string, unknown>;
  expect(result).toEqual({
    createRidegraphClient: 'function',
    RidegraphError: 'function',
    riderHome: { kind: 'Document', operation: 'RiderHome' },
    tripDetails: 'TripDetails',
    data: { me: { id: 'u1' } },
    seen: [
      expect.objectContaining({
        url: 'https://api.example.test/graphql',
        operationName: 'RiderHome',
        authorization: 'Bearer a1',
        query: expect.stringContaining('query RiderHome'),
      }),
    ],
  });

  // 5. TypeScript against the package's .d.ts, as a browser app compiles it (DOM libs, no Node types): results and
  //    variables are typed by the document; a wrong or missing variable must not compile (@ts-expect-error fails
  //    the build when the line below it is NOT an error).
  writeFileSync(
    join(app, 'tsconfig.json'),
    JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          lib: ['ES2023', 'DOM'],
          types: [],
          strict: true,
          noEmit: true,
          skipLibCheck: false,
        },
        files: ['app.ts'],
      },
      null,
      2,
    ),
  );
  writeFileSync(
    join(app, 'app.ts'),
    `
import { createRidegraphClient, RidegraphError, TripDetailsDocument, TripsBoardDocument, RiderHomeDocument, type TripDetailsQuery, type RidegraphSession, type TripStatus } from '@ridegraph/sdk';

const session: RidegraphSession = { accessToken: 'a', refreshToken: 'r' };
const client = createRidegraphClient({ url: 'https://api.example.test/graphql', session, onSessionChange: async () => {} });

export async function screen(): Promise<string> {
  const details: TripDetailsQuery = await client.request(TripDetailsDocument, { id: 'trip-1' });
  const status: TripStatus | undefined = details.trip?.status;
  const { me } = await client.request(RiderHomeDocument);
  // @ts-expect-error the variable id is an ID (string or number), not a boolean
  await client.request(TripDetailsDocument, { id: true });
  // @ts-expect-error status is a TripStatus, not any string
  await client.request(TripsBoardDocument, { first: 20, status: 'LOST' });
  // @ts-expect-error TripDetails has a required variable
  await client.request(TripDetailsDocument);
  // @ts-expect-error no such field in the RiderHome result
  me?.favouriteColour;
  try {
    await client.request(RiderHomeDocument);
  } catch (error) {
    if (error instanceof RidegraphError && error.hasCode('UNAUTHENTICATED')) return 'sign-in';
  }
  return \`\${status ?? 'none'} \${me?.id ?? ''}\`;
}
`,
  );
  run(process.execPath, [TSC, '-p', join(app, 'tsconfig.json')], app);

  // …and the same checker does fail on a wrong variable without the expectation (the check above is not vacuous).
  writeFileSync(
    join(app, 'app.ts'),
    `
import { createRidegraphClient, TripDetailsDocument } from '@ridegraph/sdk';
const client = createRidegraphClient({ url: 'https://api.example.test/graphql' });
export const wrong = client.request(TripDetailsDocument, { id: true });
`,
  );
  expect(() => run(process.execPath, [TSC, '-p', join(app, 'tsconfig.json')], app)).toThrow(/TS2322|not assignable/);
}, 180_000);
