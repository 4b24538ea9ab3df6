// The SERVER span of every HTTP request a Ridegraph process answers (gateway and subgraphs): continues the
// caller's W3C `traceparent` when it sent one (the gateway's subgraph fetches always do), so a subgraph's work
// hangs under the gateway fetch that asked for it. All handling runs inside the span: Apollo's gateway spans,
// SQL and Redis spans become its descendants.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, context, propagation, trace, type TextMapGetter } from '@opentelemetry/api';
import { tracer } from './tracer.js';

const UNTRACED_PATHS = new Set(['/health', '/ready']);

const headerGetter: TextMapGetter<IncomingMessage['headers']> = {
  keys: (headers) => Object.keys(headers),
  get: (headers, key) => headers[key],
};

/**
 * Runs `handle` inside a SERVER span named `<METHOD> <path>` (renamed to the GraphQL operation by
 * tracingPlugin), ended when the response finishes or the connection closes.
 * @param service the Ridegraph service answering (`gateway`, `trips`, …): an attribute, because in embedded
 *   mode every service shares one process and so one service.name.
 */
export function traceHttpRequest<T>(service: string, req: IncomingMessage, res: ServerResponse, handle: () => Promise<T>): Promise<T> {
  const path = (req.url ?? '/').split('?')[0]!;
  // Probes every few seconds would each start a trace and drown the real ones.
  if (UNTRACED_PATHS.has(path)) return handle();
  const parent = propagation.extract(ROOT_CONTEXT, req.headers, headerGetter);
  const method = (req.method ?? 'GET').toUpperCase();
  const span = tracer.startSpan(
    `${method} ${path}`,
    {
      kind: SpanKind.SERVER,
      attributes: { 'http.request.method': method, 'url.path': path, 'ridegraph.service': service },
    },
    parent,
  );
  if (!span.isRecording()) return context.with(trace.setSpan(parent, span), handle);
  const end = () => {
    span.setAttribute('http.response.status_code', res.statusCode);
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  };
  res.once('finish', end);
  res.once('close', () => {
    if (!res.writableFinished) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: 'connection closed before the response finished' });
      end();
    }
  });
  return context.with(trace.setSpan(parent, span), handle);
}
