// The gateway's HTTP client for subgraph fetches: one `http.request` on a shared keep-alive agent, the body
// collected as buffers and handed to Apollo as a minimal `FetcherResponse`. It replaces node-fetch 2, whose Request,
// Headers and Body objects (and the copy of the request Apollo builds for its error hooks) were the largest single
// cost in the gateway's CPU profile under load (issue 16: 44 % of the gateway's CPU in the fetch path). What the
// gateway needs from a fetch is small — POST a JSON string, read status, a header or two and the JSON body — so
// that is all this does. Measured against node-fetch in `npm run bench:subgraph-client`.
import http from 'node:http';
import https from 'node:https';
import type { FetcherHeaders, FetcherResponse } from '@apollo/utils.fetcher';

export interface SubgraphPost {
  method: string;
  headers: Record<string, string>;
  body: string;
}

/** Sends one request; `signal` aborts it (an `AbortError`), and it fails with a `TimeoutError` after the client's timeout. */
export type SubgraphHttpClient = (url: string, request: SubgraphPost, signal?: AbortSignal) => Promise<FetcherResponse>;

/**
 * @param timeoutMs the whole exchange (connect, send, the full body): a subgraph past it has its socket destroyed,
 * so it sees the connection close and stops resolving.
 */
export function createSubgraphHttpClient(timeoutMs: number): SubgraphHttpClient {
  const agents = { 'http:': new http.Agent({ keepAlive: true, maxSockets: 64 }), 'https:': new https.Agent({ keepAlive: true, maxSockets: 64 }) };
  // A gateway talks to six URLs: parse each once.
  const targets = new Map<string, URL>();
  const targetOf = (url: string) => {
    let target = targets.get(url);
    if (!target) targets.set(url, (target = new URL(url)));
    return target;
  };

  return (url, { method, headers, body }, signal) =>
    new Promise<FetcherResponse>((resolve, reject) => {
      if (signal?.aborted) return reject(abortError());
      const target = targetOf(url);
      const transport = target.protocol === 'https:' ? https : http;
      const payload = Buffer.from(body, 'utf8');
      const request = transport.request({
        agent: agents[target.protocol as 'http:' | 'https:'],
        protocol: target.protocol,
        hostname: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method,
        headers: { ...headers, 'content-length': String(payload.length) },
      });
      let settled = false;
      const finish = (error: Error | null, response?: FetcherResponse) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        if (error) {
          request.destroy();
          reject(error);
        } else resolve(response!);
      };
      const onAbort = () => finish(abortError());
      const timer = setTimeout(() => finish(timeoutError(url, timeoutMs)), timeoutMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      request.on('error', (error) => finish(error));
      request.on('response', (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', (error) => finish(error));
        incoming.on('aborted', () => finish(new Error(`the ${url} response was cut off`)));
        incoming.on('end', () => finish(null, new BufferedResponse(url, incoming, Buffer.concat(chunks))));
      });
      request.end(payload);
    });
}

/** The error a cancelled fetch fails with (the data source turns it into REQUEST_ABORTED). */
export function abortError(): Error {
  const error = new Error('The client went away');
  error.name = 'AbortError';
  return error;
}

function timeoutError(url: string, timeoutMs: number): Error {
  const error = new Error(`No complete answer from ${url} within ${timeoutMs} ms`);
  error.name = 'TimeoutError';
  return error;
}

/** A response whose body is already in memory: what Apollo's data source reads (status, a header, the body). */
class BufferedResponse implements FetcherResponse {
  readonly redirected = false;
  readonly status: number;
  readonly statusText: string;
  readonly ok: boolean;
  readonly headers: FetcherHeaders;
  bodyUsed = false;

  constructor(
    readonly url: string,
    incoming: http.IncomingMessage,
    private readonly body: Buffer,
  ) {
    this.status = incoming.statusCode ?? 0;
    this.statusText = incoming.statusMessage ?? '';
    this.ok = this.status >= 200 && this.status < 300;
    this.headers = new ReadOnlyHeaders(incoming.headers);
  }

  text(): Promise<string> {
    this.bodyUsed = true;
    return Promise.resolve(this.body.toString('utf8'));
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text()) as unknown;
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    this.bodyUsed = true;
    return Promise.resolve(this.body.buffer.slice(this.body.byteOffset, this.body.byteOffset + this.body.byteLength) as ArrayBuffer);
  }

  clone(): FetcherResponse {
    const copy = Object.create(BufferedResponse.prototype) as BufferedResponse;
    return Object.assign(copy, this, { bodyUsed: false });
  }
}

/** Node's parsed response headers (lower-case names) behind the fetch `Headers` interface; changes are refused. */
class ReadOnlyHeaders implements FetcherHeaders {
  constructor(private readonly raw: http.IncomingHttpHeaders) {}

  get(name: string): string | null {
    const value = this.raw[name.toLowerCase()];
    return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
  }

  has(name: string): boolean {
    return this.raw[name.toLowerCase()] !== undefined;
  }

  append(): void {
    throw new Error('subgraph response headers are read-only');
  }

  delete(): void {
    throw new Error('subgraph response headers are read-only');
  }

  set(): void {
    throw new Error('subgraph response headers are read-only');
  }

  *entries(): IterableIterator<[string, string]> {
    for (const name of Object.keys(this.raw)) yield [name, this.get(name)!];
  }

  *keys(): IterableIterator<string> {
    yield* Object.keys(this.raw);
  }

  *values(): IterableIterator<string> {
    for (const name of Object.keys(this.raw)) yield this.get(name)!;
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }
}
