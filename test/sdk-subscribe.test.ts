// client.subscribe over graphql-ws against a tiny local graphql-ws server (the gateway speaks graphql-ws only
// with the live-updates issue): the access token travels in connection_init; a refused connection is FORBIDDEN.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { GraphQLObjectType, GraphQLSchema, GraphQLString, parse } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import WebSocket, { WebSocketServer } from 'ws';
import { createRidegraphClient, type RidegraphError } from '../sdk/index.js';

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLString, resolve: () => 'ok' } } }),
  subscription: new GraphQLObjectType({
    name: 'Subscription',
    fields: {
      greetings: {
        type: GraphQLString,
        args: { name: { type: GraphQLString } },
        subscribe: async function* (_root: unknown, args: { name?: string }) {
          for (const greeting of ['hello', 'bonjour']) yield { greetings: `${greeting} ${args.name ?? ''}`.trim() };
        },
      },
    },
  }),
});

const Greetings = parse('subscription Greetings($name: String) { greetings(name: $name) }') as TypedDocumentNode<
  { greetings: string | null },
  { name?: string | null }
>;

let wss: WebSocketServer;
let wsUrl: string;
let disposeServer: () => Promise<void>;
const connectionParams: unknown[] = [];

beforeAll(async () => {
  wss = new WebSocketServer({ port: 0, host: '127.0.0.1', path: '/graphql' });
  await once(wss, 'listening');
  wsUrl = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/graphql`;
  const server = useServer(
    {
      schema,
      // Refuses connections without a token (the server then closes with 4403 Forbidden).
      onConnect: (ctx) => {
        connectionParams.push(ctx.connectionParams);
        return typeof ctx.connectionParams?.authorization === 'string';
      },
    },
    wss,
  );
  disposeServer = async () => {
    await server.dispose();
  };
});

afterAll(async () => {
  await disposeServer?.();
  await new Promise((resolve) => wss?.close(resolve));
});

test('subscribe sends the access token in connection_init, delivers typed data and ends with the unsubscribe', async () => {
  connectionParams.length = 0;
  const client = createRidegraphClient({
    url: 'http://127.0.0.1:1/graphql',
    wsUrl,
    webSocketImpl: WebSocket,
    session: { accessToken: 'access-token-1', refreshToken: 'refresh-token-1' },
  });
  const received: (string | null)[] = [];
  await new Promise<void>((resolve, reject) => {
    const stop = client.subscribe(
      Greetings,
      { name: 'Ada' },
      {
        next: (data) => {
          received.push(data.greetings);
          if (received.length === 2) {
            stop();
            resolve();
          }
        },
        error: reject,
      },
    );
  });
  await client.dispose();

  expect(connectionParams).toEqual([{ authorization: 'Bearer access-token-1' }]);
  expect(received).toEqual(['hello Ada', 'bonjour Ada']);
});

test('without a session nothing is sent; a refused connection reaches the sink as FORBIDDEN', async () => {
  connectionParams.length = 0;
  const client = createRidegraphClient({ url: 'http://127.0.0.1:1/graphql', wsUrl, webSocketImpl: WebSocket });
  const error = await new Promise<RidegraphError>((resolve) => {
    client.subscribe(Greetings, {}, { next: () => undefined, error: resolve });
  });
  await client.dispose();

  expect(connectionParams).toEqual([{}]);
  expect(error).toMatchObject({ name: 'RidegraphError', code: 'FORBIDDEN' });
});
