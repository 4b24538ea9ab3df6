// When the gateway stops waiting for a subgraph — its timeout passed, or the client went away — the subgraph stops
// working on that request: the next object it would resolve is not resolved. Without it, a subgraph kept building a
// huge answer for a minute after the gateway had given up.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IncomingMessage } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { composeServices } from '@apollo/composition';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { serveSubgraph, type RunningSubgraph } from '../../platform/graphql/index.js';
import { stopWhenAborted } from '../../platform/graphql/stop-when-aborted.js';
import { requestSignal } from '../../platform/http/index.js';
import { createLogger } from '../../platform/logging/index.js';
import { createTestAuth, postGraphQL } from '../../platform/testing/index.js';
import { startGateway, type RunningGateway } from '../src/server.js';
import { loadSupergraph } from '../src/supergraph.js';

const logger = createLogger({ level: 'silent' });
const LEVELS = 14;
const STEP_MS = 100;

const sdl = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
  type Link { depth: Int! next: Link }
  type Query { chain: Link }
`);

/** Each `next` waits STEP_MS, one after the other: a request of LEVELS levels takes LEVELS × STEP_MS. */
let resolved = 0;
let slow: RunningSubgraph;
let gateway: RunningGateway;
/** Waits 10 s for a subgraph: only the client leaving can stop its requests early. */
let patient: RunningGateway;

const chainQuery = () => {
  let selection = 'depth';
  for (let i = 0; i < LEVELS - 1; i++) selection = `depth next { ${selection} }`;
  return `{ chain { ${selection} } }`;
};

beforeAll(async () => {
  const schema = stopWhenAborted(
    buildSubgraphSchema([
      {
        typeDefs: sdl,
        resolvers: {
          Query: { chain: () => ({ depth: 1 }) },
          Link: {
            next: async ({ depth }: { depth: number }) => {
              resolved++;
              await sleep(STEP_MS);
              return { depth: depth + 1 };
            },
          },
        },
      },
    ]),
  );
  slow = await serveSubgraph(
    {
      name: 'slow',
      schema,
      createContext: async (req: IncomingMessage) => ({ abortSignal: requestSignal(req) }),
      readiness: async () => ({ ready: true, checks: {} }),
      close: async () => undefined,
    },
    { port: 0, logger },
  );
  const composed = composeServices([{ name: 'slow', typeDefs: sdl, url: slow.url }]);
  if (composed.errors) throw composed.errors[0]!;
  const dir = mkdtempSync(join(tmpdir(), 'gateway-abort-'));
  writeFileSync(join(dir, 'supergraph.graphql'), composed.supergraphSdl);
  const verifyAccessToken = (await createTestAuth()).auth.verify;
  const options = { supergraph: loadSupergraph(join(dir, 'supergraph.graphql')), logger, port: 0, introspection: false, sandbox: false, verifyAccessToken };
  gateway = await startGateway({ ...options, subgraphTimeoutMs: 350 });
  patient = await startGateway({ ...options, subgraphTimeoutMs: 10_000 });
}, 60_000);

afterAll(async () => {
  await gateway?.stop();
  await patient?.stop();
  await slow?.stop();
});

/** Waits until `resolved` stops growing for 3 steps, and returns it. */
async function settled(): Promise<number> {
  let last = -1;
  while (last !== resolved) {
    last = resolved;
    await sleep(STEP_MS * 3);
  }
  return resolved;
}

test('the gateway times out after 350 ms: the subgraph resolves a few more links, not all 13', async () => {
  resolved = 0;
  const result = await postGraphQL(gateway.url, chainQuery());
  expect(result.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
  // 350 ms at 100 ms a link: about 4 links, then the closed connection stops the rest.
  expect(await settled()).toBeLessThan(LEVELS - 1);
});

test('the client goes away after 150 ms: the gateway cancels its subgraph request and the subgraph stops', async () => {
  resolved = 0;
  const controller = new AbortController();
  const request = fetch(patient.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: chainQuery() }),
    signal: controller.signal,
  }).catch((error: Error) => error.name);
  await sleep(150);
  controller.abort();
  expect(await request).toBe('AbortError');
  expect(await settled()).toBeLessThan(LEVELS - 1);
});

test('a subgraph reached directly stops at its own deadline and says so', async () => {
  resolved = 0;
  const deadline = await serveSubgraph(
    {
      name: 'slow-deadline',
      schema: stopWhenAborted(
        buildSubgraphSchema([
          {
            typeDefs: sdl,
            resolvers: {
              Query: { chain: () => ({ depth: 1 }) },
              Link: {
                next: async ({ depth }: { depth: number }) => {
                  resolved++;
                  await sleep(STEP_MS);
                  return { depth: depth + 1 };
                },
              },
            },
          },
        ]),
      ),
      createContext: async (req: IncomingMessage) => ({ abortSignal: requestSignal(req) }),
      readiness: async () => ({ ready: true, checks: {} }),
      close: async () => undefined,
    },
    { port: 0, logger, requestTimeoutMs: 250 },
  );
  try {
    const result = await postGraphQL(deadline.url, chainQuery());
    expect(result.status).toBe(200);
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['REQUEST_ABORTED']);
    expect(resolved).toBeLessThan(LEVELS - 1);
  } finally {
    await deadline.stop();
  }
});
