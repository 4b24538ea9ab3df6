// The gateway's lean subgraph HTTP client against a real local server: what Apollo's data source reads (status,
// headers, JSON body), keep-alive reuse, and each way a fetch fails (timeout, abort, cut-off body, refused).
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createSubgraphHttpClient } from '../src/subgraph-http-client.js';

let server: Server;
let url: string;
const sockets = new Set<Socket>();
const seen: { method?: string; url?: string; headers: Record<string, unknown>; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body });
      const path = req.url ?? '';
      if (path.startsWith('/slow')) return void setTimeout(() => res.end('{}'), 2_000);
      if (path.startsWith('/cut')) {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
        res.write('{"data":');
        return void setTimeout(() => res.destroy(), 20);
      }
      if (path.startsWith('/fail')) return void res.writeHead(500, { 'content-type': 'text/plain' }).end('boom');
      res.setHeader('content-type', 'application/json');
      res.setHeader('set-cookie', ['a=1', 'b=2']);
      res.setHeader('cache-control', 'private, max-age=0');
      res.end(JSON.stringify({ data: { echo: JSON.parse(body) as unknown, é: 'ü' } }));
    });
  });
  server.on('connection', (socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const post = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer t' }, body: JSON.stringify(body) });

test('posts the body and headers as given; reads status, headers and the JSON body (UTF-8)', async () => {
  const client = createSubgraphHttpClient(5_000);
  seen.length = 0;
  const response = await client(`${url}/graphql?x=1`, post({ query: '{ ü }' }));
  expect({ status: response.status, ok: response.ok, url: response.url }).toEqual({ status: 200, ok: true, url: `${url}/graphql?x=1` });
  expect(response.headers.get('Content-Type')).toBe('application/json');
  expect(response.headers.get('cache-control')).toBe('private, max-age=0');
  expect(response.headers.get('set-cookie')).toBe('a=1, b=2');
  expect(response.headers.has('x-missing')).toBe(false);
  expect(() => response.headers.set('x', 'y')).toThrow('read-only');
  expect(await response.clone().json()).toEqual({ data: { echo: { query: '{ ü }' }, é: 'ü' } });
  expect(await response.text()).toBe('{"data":{"echo":{"query":"{ ü }"},"é":"ü"}}');
  expect(response.bodyUsed).toBe(true);
  expect(seen).toEqual([
    {
      method: 'POST',
      url: '/graphql?x=1',
      headers: expect.objectContaining({ authorization: 'Bearer t', 'content-length': String(Buffer.byteLength('{"query":"{ ü }"}')) }),
      body: '{"query":"{ ü }"}',
    },
  ]);
});

test('consecutive fetches reuse one keep-alive connection', async () => {
  const client = createSubgraphHttpClient(5_000);
  const before = sockets.size;
  for (let i = 0; i < 5; i++) await (await client(`${url}/graphql`, post({ i }))).json();
  expect(sockets.size - before).toBe(1);
});

test('a non-2xx answer is a response (Apollo turns it into an error), not a failure', async () => {
  const response = await createSubgraphHttpClient(5_000)(`${url}/fail`, post({}));
  expect({ status: response.status, ok: response.ok, body: await response.text() }).toEqual({ status: 500, ok: false, body: 'boom' });
});

test('past the timeout: a TimeoutError, and the connection is closed', async () => {
  const started = Date.now();
  await expect(createSubgraphHttpClient(200)(`${url}/slow`, post({}))).rejects.toMatchObject({ name: 'TimeoutError' });
  expect(Date.now() - started).toBeLessThan(1_500);
});

test('an abort signal (the client went away): an AbortError, before or during the fetch', async () => {
  const client = createSubgraphHttpClient(5_000);
  await expect(client(`${url}/graphql`, post({}), AbortSignal.abort())).rejects.toMatchObject({ name: 'AbortError' });
  const controller = new AbortController();
  const pending = client(`${url}/slow`, post({}), controller.signal);
  setTimeout(() => controller.abort(), 50);
  await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
});

test('a body cut off mid-way and a refused connection are failures', async () => {
  const client = createSubgraphHttpClient(5_000);
  await expect(client(`${url}/cut`, post({}))).rejects.toThrow();
  await expect(client('http://127.0.0.1:1/graphql', post({}))).rejects.toMatchObject({ code: 'ECONNREFUSED' });
});
