// In-flight de-duplication of subgraph fetches (gateway/src/subgraph-fetch-dedup.ts): identical fetches of queries
// for the same viewer share one request; different viewers, mutations and fetches after the answer never do; a
// caller that leaves does not cancel the others' fetch. First the client against a counting local server, then a
// real gateway with two users asking the same query at the same moment.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { composeServices } from '@apollo/composition';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { serveSubgraph, type RunningSubgraph } from '../../platform/graphql/index.js';
import { createLogger } from '../../platform/logging/index.js';
import { createTestAuth, postGraphQL } from '../../platform/testing/index.js';
import { startGateway, type RunningGateway } from '../src/server.js';
import { deduplicateInFlight } from '../src/subgraph-fetch-dedup.js';
import { createSubgraphHttpClient } from '../src/subgraph-http-client.js';
import { loadSupergraph } from '../src/supergraph.js';

const logger = createLogger({ level: 'silent' });

describe('the de-duplicating client', () => {
  let server: Server;
  let url: string;
  const sockets = new Set<Socket>();
  /** Requests that reached the server, and those it finished answering (a cancelled one never finishes). */
  let received = 0;
  let answered = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        received += 1;
        const n = received;
        // Slow enough for the callers to overlap.
        const timer = setTimeout(() => {
          answered += 1;
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify({ data: { n, body, authorization: req.headers.authorization ?? null } }));
        }, 200);
        res.on('close', () => clearTimeout(timer));
      });
    });
    server.on('connection', (socket) => sockets.add(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  beforeEach(() => {
    received = 0;
    answered = 0;
  });

  const request = (authorization?: string, query = '{ a }') => ({
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query }),
  });
  const dataOf = async (response: Promise<{ json(): Promise<unknown> }>) =>
    ((await (await response).json()) as { data: { n: number; authorization: string | null } }).data;

  test('three identical query fetches at once: one request, each caller reads its own copy of the answer', async () => {
    const client = deduplicateInFlight(createSubgraphHttpClient(5_000));
    const fetches = [1, 2, 3].map(() => client(url, request('Bearer a'), { shareable: true }));
    expect(client.inFlight()).toBe(1);
    const answers = await Promise.all(fetches.map((f) => dataOf(f)));
    expect(answers.map((a) => [a.n, a.authorization])).toEqual([
      [1, 'Bearer a'],
      [1, 'Bearer a'],
      [1, 'Bearer a'],
    ]);
    expect({ received, inFlight: client.inFlight() }).toEqual({ received: 1, inFlight: 0 });
  });

  test('different viewers, different bodies and unshareable fetches each get their own request', async () => {
    const client = deduplicateInFlight(createSubgraphHttpClient(5_000));
    const answers = await Promise.all([
      dataOf(client(url, request('Bearer a'), { shareable: true })),
      dataOf(client(url, request('Bearer b'), { shareable: true })),
      dataOf(client(url, request(undefined), { shareable: true })),
      dataOf(client(url, request('Bearer a', '{ b }'), { shareable: true })),
      dataOf(client(url, request('Bearer a'), { shareable: false })),
      dataOf(client(url, request('Bearer a'), { shareable: false })),
    ]);
    expect(received).toBe(6);
    expect(new Set(answers.map((a) => a.n)).size).toBe(6);
    expect(answers.map((a) => a.authorization)).toEqual(['Bearer a', 'Bearer b', null, 'Bearer a', 'Bearer a', 'Bearer a']);
  });

  test('nothing is cached: the same fetch after the answer goes out again', async () => {
    const client = deduplicateInFlight(createSubgraphHttpClient(5_000));
    expect((await dataOf(client(url, request('Bearer a'), { shareable: true }))).n).toBe(1);
    expect((await dataOf(client(url, request('Bearer a'), { shareable: true }))).n).toBe(2);
    expect(received).toBe(2);
  });

  test('a caller that leaves gets AbortError; the others still get the one answer', async () => {
    const client = deduplicateInFlight(createSubgraphHttpClient(5_000));
    const leaving = new AbortController();
    const left = client(url, request('Bearer a'), { shareable: true, signal: leaving.signal }).catch((error: Error) => error.name);
    const staying = client(url, request('Bearer a'), { shareable: true, signal: new AbortController().signal });
    await sleep(50);
    leaving.abort();
    expect(await left).toBe('AbortError');
    expect((await dataOf(staying)).n).toBe(1);
    expect({ received, answered }).toEqual({ received: 1, answered: 1 });
  });

  test('when every caller has left, the fetch is cancelled and the next caller starts afresh', async () => {
    const client = deduplicateInFlight(createSubgraphHttpClient(5_000));
    const callers = [new AbortController(), new AbortController()];
    const fetches = callers.map((c) => client(url, request('Bearer a'), { shareable: true, signal: c.signal }).catch((error: Error) => error.name));
    await sleep(50);
    for (const c of callers) c.abort();
    expect(await Promise.all(fetches)).toEqual(['AbortError', 'AbortError']);
    expect(client.inFlight()).toBe(0);
    expect((await dataOf(client(url, request('Bearer a'), { shareable: true }))).n).toBe(2);
    // The first request was cancelled before the server answered it.
    expect({ received, answered }).toEqual({ received: 2, answered: 1 });
  });
});

describe('through a gateway', () => {
  const sdl = parse(`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
    type Query { viewer: String }
    type Mutation { touch: Int }
  `);
  let subgraphRequests = 0;
  let touches = 0;
  let subgraph: RunningSubgraph;
  const gateways: RunningGateway[] = [];
  let shared: RunningGateway;
  let unshared: RunningGateway;
  let auth: Awaited<ReturnType<typeof createTestAuth>>;

  /** The subject of the access token the gateway forwarded: who the subgraph answers for. */
  const subjectOf = (req: IncomingMessage) => {
    const token = req.headers.authorization?.replace(/^Bearer /, '');
    return token ? (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { sub: string }).sub : 'anonymous';
  };

  beforeAll(async () => {
    const schema = buildSubgraphSchema([
      {
        typeDefs: sdl,
        resolvers: {
          Query: { viewer: async (_: unknown, __: unknown, context: { viewer: string }) => (await sleep(200), context.viewer) },
          Mutation: { touch: async () => (await sleep(200), (touches += 1)) },
        },
      },
    ]);
    subgraph = await serveSubgraph(
      {
        name: 'who',
        schema,
        createContext: async (req: IncomingMessage) => {
          subgraphRequests += 1;
          return { viewer: subjectOf(req) };
        },
        readiness: async () => ({ ready: true, checks: {} }),
        close: async () => undefined,
      },
      { port: 0, logger },
    );
    const composed = composeServices([{ name: 'who', typeDefs: sdl, url: subgraph.url }]);
    if (composed.errors) throw composed.errors[0]!;
    const dir = mkdtempSync(join(tmpdir(), 'gateway-dedup-'));
    writeFileSync(join(dir, 'supergraph.graphql'), composed.supergraphSdl);
    auth = await createTestAuth();
    const options = {
      supergraph: loadSupergraph(join(dir, 'supergraph.graphql')),
      logger,
      port: 0,
      introspection: false,
      sandbox: false,
      verifyAccessToken: auth.auth.verify,
    };
    gateways.push((shared = await startGateway(options)));
    gateways.push((unshared = await startGateway({ ...options, deduplicateSubgraphFetches: false })));
  }, 60_000);

  afterAll(async () => {
    for (const g of gateways) await g.stop();
    await subgraph?.stop();
  });

  beforeEach(() => {
    subgraphRequests = 0;
  });

  const USER_A = '00000000-0000-4000-8000-00000000000a';
  const USER_B = '00000000-0000-4000-8000-00000000000b';
  const as = async (userId: string) => ({ authorization: `Bearer ${await auth.tokenFor({ userId, roles: ['RIDER'] })}` });

  test('two users ask the same query at the same moment, twice each: each gets their own answer, one fetch per user', async () => {
    const [a, b] = [await as(USER_A), await as(USER_B)];
    const results = await Promise.all([a, b, a, b].map((headers) => postGraphQL(shared.url, '{ viewer }', {}, headers)));
    expect(results.map((r) => r.data)).toEqual([{ viewer: USER_A }, { viewer: USER_B }, { viewer: USER_A }, { viewer: USER_B }]);
    expect(subgraphRequests).toBe(2);
  });

  test('with GATEWAY_DEDUPLICATE_FETCHES off, the same four requests make four fetches', async () => {
    const [a, b] = [await as(USER_A), await as(USER_B)];
    const results = await Promise.all([a, b, a, b].map((headers) => postGraphQL(unshared.url, '{ viewer }', {}, headers)));
    expect(results.map((r) => r.data)).toEqual([{ viewer: USER_A }, { viewer: USER_B }, { viewer: USER_A }, { viewer: USER_B }]);
    expect(subgraphRequests).toBe(4);
  });

  test('the same mutation twice at the same moment runs twice', async () => {
    const a = await as(USER_A);
    touches = 0;
    const results = await Promise.all([1, 2].map(() => postGraphQL(shared.url, 'mutation { touch }', {}, a)));
    expect(results.map((r) => (r.data as { touch: number }).touch).sort()).toEqual([1, 2]);
    expect(subgraphRequests).toBe(2);
  });
});
