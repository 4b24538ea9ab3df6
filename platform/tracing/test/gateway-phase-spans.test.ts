// @apollo/gateway's phase spans are left out of traces (gateway-phase-spans.ts): what the gateway starts inside a
// dropped phase hangs under the caller's span; its plan and fetch spans, and every other tracer's spans, are kept.
import { ROOT_CONTEXT, context, trace, type Span } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { TracerProviderWithoutGatewayPhases } from '../gateway-phase-spans.js';

const exporter = new InMemorySpanExporter();
const provider = new TracerProviderWithoutGatewayPhases({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const contextManager = new AsyncLocalStorageContextManager();

beforeAll(() => context.setGlobalContextManager(contextManager));
afterAll(async () => {
  context.disable();
  await provider.shutdown();
});
beforeEach(() => exporter.reset());

const gateway = provider.getTracer('apollo/gateway-js', '2.14.4');
const names = () => exporter.getFinishedSpans().map((span) => span.name);
const parentOf = (name: string) => exporter.getFinishedSpans().find((span) => span.name === name)!.parentSpanId;

test('a dropped phase records nothing; the fetch started inside it is a child of the request’s span', () => {
  const server = provider.getTracer('ridegraph').startSpan('query TripsBoard');
  context.with(trace.setSpan(ROOT_CONTEXT, server), () => {
    gateway.startActiveSpan('gateway.request', { attributes: { operationName: 'TripsBoard' } }, (request: Span) => {
      expect(request.isRecording()).toBe(false);
      expect(request.spanContext().spanId).toBe(server.spanContext().spanId);
      gateway.startActiveSpan('gateway.execute', (execute: Span) => {
        gateway.startActiveSpan('gateway.fetch', { attributes: { service: 'trips' } }, (fetch: Span) => fetch.end());
        gateway.startActiveSpan('gateway.postprocessing', (postprocessing: Span) => postprocessing.end());
        execute.end();
      });
      request.setStatus({ code: 2 }); // the gateway marks errors on it: harmless on a stand-in
      request.end();
    });
  });
  server.end();
  expect(names()).toEqual(['gateway.fetch', 'query TripsBoard']);
  expect(parentOf('gateway.fetch')).toBe(server.spanContext().spanId);
});

test('the plan (made only on a plan-cache miss) and the fetches are kept; validate is dropped', () => {
  gateway.startActiveSpan('gateway.validate', (span: Span) => span.end());
  gateway.startActiveSpan('gateway.plan', {}, (span: Span) => span.end());
  gateway.startSpan('gateway.fetch').end();
  gateway.startSpan('gateway.postprocessing').end();
  expect(names()).toEqual(['gateway.plan', 'gateway.fetch']);
});

test('with an explicit parent context the callback runs in it', () => {
  const parent = provider.getTracer('ridegraph').startSpan('parent');
  const parentContext = trace.setSpan(ROOT_CONTEXT, parent);
  gateway.startActiveSpan('gateway.execute', {}, parentContext, (execute: Span) => {
    expect(trace.getActiveSpan()).toBe(parent);
    expect(execute.spanContext().spanId).toBe(parent.spanContext().spanId);
    execute.end();
  });
  parent.end();
  expect(names()).toEqual(['parent']);
});

test('other tracers keep spans of the same names', () => {
  provider.getTracer('ridegraph').startSpan('gateway.request').end();
  expect(names()).toEqual(['gateway.request']);
});
