// Pages by path prefix (e.g. payments' development checkout pages) over real HTTP: GET and POST on any path under
// the prefix reach the handler with the rest of the path (and the POST body's bytes); the handler's status,
// headers and text are sent as they are, HTML by default; other methods get 405; other paths are unchanged.
import type http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { createLogger } from '../../logging/index.js';
import { createGraphQLHttpServer, listen } from '../index.js';

let server: http.Server;
let base: string;
const calls: { method: string; rest: string; body: string }[] = [];

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
    logger: createLogger({ level: 'silent' }),
    maxBodyBytes: 64,
    pageRoutes: {
      '/pages/': (_req, { method, rest, rawBody }) => {
        calls.push({ method, rest, body: rawBody.toString() });
        if (rest === 'gone') return { status: 410, body: '<p>gone</p>' };
        if (rest === 'plain') return { status: 200, body: 'text', contentType: 'text/plain; charset=utf-8', headers: { 'x-extra': '1' } };
        return { status: 200, body: `<p>${method} ${rest}</p>` };
      },
    },
  });
  const { url } = await listen(server, 0);
  base = url.replace(/\/graphql$/, '');
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  calls.length = 0;
});

test('GET under the prefix: the handler gets the rest of the path; HTML, not cached', async () => {
  const response = await fetch(`${base}/pages/abc_123`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(response.headers.get('cache-control')).toBe('no-store');
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(await response.text()).toBe('<p>GET abc_123</p>');
  expect(calls).toEqual([{ method: 'GET', rest: 'abc_123', body: '' }]);
});

test("POST under the prefix: the body's bytes; the handler's status, content type and headers", async () => {
  const posted = await fetch(`${base}/pages/x`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1' });
  expect(await posted.text()).toBe('<p>POST x</p>');
  expect(calls).toEqual([{ method: 'POST', rest: 'x', body: 'a=1' }]);
  expect((await fetch(`${base}/pages/gone`)).status).toBe(410);
  const plain = await fetch(`${base}/pages/plain`);
  expect(plain.headers.get('content-type')).toBe('text/plain; charset=utf-8');
  expect(plain.headers.get('x-extra')).toBe('1');
});

test('other methods: 405 with Allow: GET, POST; an oversize body: 413; the handler is not called', async () => {
  const put = await fetch(`${base}/pages/x`, { method: 'PUT', body: 'x' });
  expect(put.status).toBe(405);
  expect(put.headers.get('allow')).toBe('GET, POST');
  expect((await fetch(`${base}/pages/x`, { method: 'POST', body: 'x'.repeat(65) })).status).toBe(413);
  expect(calls).toEqual([]);
});

test('paths outside the prefix and /graphql are unchanged', async () => {
  expect((await fetch(`${base}/pagesx`)).status).toBe(404);
  expect((await fetch(`${base}/other`)).status).toBe(404);
  const graphql = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ hello }' }),
  });
  expect(await graphql.json()).toEqual({ data: { hello: 'world' } });
});
