// Extra POST routes (e.g. a payment provider's webhooks) over real HTTP: the handler gets the body's exact bytes
// whatever the content type, answers with its own status and JSON body; oversize bodies get 413 before the handler
// runs; another method on a POST route gets 405 with Allow: POST; GET routes and /graphql are unchanged.
import type http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { createLogger } from '../../logging/index.js';
import { createGraphQLHttpServer, listen } from '../index.js';

const logger = createLogger({ level: 'silent' });
let server: http.Server;
let base: string;
const received: { body: Buffer; contentType: string | undefined }[] = [];

beforeAll(async () => {
  const apollo = new ApolloServer({
    typeDefs: 'type Query { hello: String }',
    resolvers: { Query: { hello: () => 'world' } },
    stopOnTerminationSignals: false,
  });
  await apollo.start();
  server = createGraphQLHttpServer({
    apollo,
    context: async () => ({}),
    logger,
    maxBodyBytes: 1024,
    routes: { '/info': () => ({ version: 1 }) },
    postRoutes: {
      '/hook': (req, rawBody) => {
        received.push({ body: rawBody, contentType: req.headers['content-type'] });
        return { status: 202, body: { bytes: rawBody.length } };
      },
      '/broken': () => Promise.reject(new Error('handler failed')),
    },
  });
  const { url } = await listen(server, 0);
  base = url.replace(/\/graphql$/, '');
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  received.length = 0;
});

test("a POST route gets the body's exact bytes, of any content type, and answers with its own status and JSON", async () => {
  // Not valid UTF-8 and not JSON: a decode and re-encode would change these bytes.
  const bytes = Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x00, 0x0a, 0x20, 0xc3, 0x28, 0x7d]);
  const response = await fetch(`${base}/hook`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: bytes });
  expect(response.status).toBe(202);
  expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
  expect(await response.json()).toEqual({ bytes: 10 });
  expect(received).toHaveLength(1);
  expect(received[0]!.body.equals(bytes)).toBe(true);
  expect(received[0]!.contentType).toBe('text/plain');
});

test('an empty POST body reaches the handler as an empty buffer', async () => {
  const response = await fetch(`${base}/hook`, { method: 'POST' });
  expect(response.status).toBe(202);
  expect(await response.json()).toEqual({ bytes: 0 });
});

test('a body over maxBodyBytes: 413 and the handler is not called', async () => {
  const response = await fetch(`${base}/hook`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(1025) });
  expect(response.status).toBe(413);
  expect(await response.json()).toEqual({ error: 'Request body exceeds 1024 bytes' });
  expect(received).toHaveLength(0);
});

test('a body of exactly maxBodyBytes is accepted', async () => {
  const response = await fetch(`${base}/hook`, { method: 'POST', body: 'x'.repeat(1024) });
  expect(response.status).toBe(202);
  expect(await response.json()).toEqual({ bytes: 1024 });
});

test('GET (or any other method) on a POST route: 405 with Allow: POST, the handler is not called', async () => {
  const get = await fetch(`${base}/hook`);
  expect(get.status).toBe(405);
  expect(get.headers.get('allow')).toBe('POST');
  expect(await get.json()).toEqual({ error: 'GET is not supported here: send a POST' });
  const put = await fetch(`${base}/hook`, { method: 'PUT', body: 'x' });
  expect(put.status).toBe(405);
  expect(received).toHaveLength(0);
});

test('a handler that throws: 500, the server keeps serving', async () => {
  const response = await fetch(`${base}/broken`, { method: 'POST', body: '{}' });
  expect(response.status).toBe(500);
  expect(await response.json()).toEqual({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
  expect((await fetch(`${base}/hook`, { method: 'POST', body: 'ok' })).status).toBe(202);
});

test('GET routes and /graphql work as before', async () => {
  const info = await fetch(`${base}/info`);
  expect(info.status).toBe(200);
  expect(await info.json()).toEqual({ version: 1 });
  const graphql = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ hello }' }),
  });
  expect(await graphql.json()).toEqual({ data: { hello: 'world' } });
  expect((await fetch(`${base}/nowhere`, { method: 'POST', body: 'x' })).status).toBe(404);
});
