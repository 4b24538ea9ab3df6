// The gateway's upstream graphql-ws sockets prove the gateway to the subgraph in `connection_init`, next to the
// scope's token: what a subgraph's subscription server reads (platform/graphql/ws-connection-auth.ts).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { generateGatewaySecret, GATEWAY_HOP_HEADER, type Viewer } from '../../platform/auth/index.js';
import { connectionGatewayProof } from '../../platform/graphql/ws-connection-auth.js';
import { createLogger } from '../../platform/logging/index.js';
import { IdentityScope } from '../src/subscriptions/identity-scope.js';
import { UpstreamPool } from '../src/subscriptions/upstream-pool.js';

const schema = buildSchema('type Query { ok: Boolean } type Subscription { ticks: Int }');
const seen: Record<string, unknown>[] = [];
let server: http.Server;
let url: string;

beforeAll(async () => {
  server = http.createServer();
  const wss = new WebSocketServer({ server, path: '/graphql' });
  useServer(
    {
      schema,
      roots: {
        subscription: {
          ticks: async function* () {
            yield { ticks: 1 };
          },
        },
      },
      onConnect: (ctx) => {
        seen.push({ ...(ctx.connectionParams ?? {}) });
        return true;
      },
    },
    wss,
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const viewer: Viewer = { userId: 'u1', roles: ['RIDER'], fleetIds: [], sessionId: 's1', expiresAt: new Date(Date.now() + 600_000) };

async function connectOnce(pool: UpstreamPool): Promise<Record<string, unknown>> {
  const scope = new IdentityScope('u1|RIDER|', viewer);
  const release = scope.hold('Bearer token-1', viewer.expiresAt);
  const before = seen.length;
  const lease = pool.acquire('books', url, scope);
  await new Promise<void>((resolve, reject) => {
    lease.client.subscribe({ query: 'subscription { ticks }' }, { next: () => undefined, error: reject, complete: resolve });
  });
  lease.release();
  release();
  await pool.dispose();
  expect(seen).toHaveLength(before + 1);
  return seen[before]!;
}

test('connection_init carries the token and the gateway secret', async () => {
  const secret = generateGatewaySecret();
  const params = await connectOnce(new UpstreamPool({ logger: createLogger({ level: 'silent' }), gatewaySecret: secret }));
  expect(params).toEqual({ authorization: 'Bearer token-1', [GATEWAY_HOP_HEADER]: secret });
  expect(connectionGatewayProof(params)).toBe(secret);
});

test('without a secret the gateway sends only the token', async () => {
  const params = await connectOnce(new UpstreamPool({ logger: createLogger({ level: 'silent' }) }));
  expect(params).toEqual({ authorization: 'Bearer token-1' });
});
