// The event hop's trace context: outboxEvent captures the active span's W3C context in the row's payload JSON
// (never outside a trace), and a consumer's delivery is a CONSUMER span in a new trace linked to it.
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { outboxEvent } from '../../events/index.js';
import { startTracing, traceEventHandler, tracer, type Tracing } from '../index.js';

const exporter = new InMemorySpanExporter();
let tracing: Tracing;
beforeAll(() => {
  tracing = startTracing({ serviceName: 'test', exporter, synchronous: true });
});
afterAll(() => tracing.shutdown());
beforeEach(() => exporter.reset());

const PAYLOAD = { userId: '7d5c1f0e-3a4b-4c2d-9e8f-1a2b3c4d5e6f', roles: ['RIDER' as const], active: true, occurredAt: '2026-12-07T06:00:00.000Z' };

test('outside a trace the outbox row is exactly the payload', () => {
  expect(outboxEvent('user.registered', PAYLOAD).payload).toEqual(PAYLOAD);
});

test('inside a trace the row carries the span’s traceparent under _trace', () => {
  tracer.startActiveSpan('emit', (span) => {
    const { traceId, spanId } = span.spanContext();
    expect(outboxEvent('user.registered', PAYLOAD).payload).toEqual({ ...PAYLOAD, _trace: { traceparent: `00-${traceId}-${spanId}-01` } });
    span.end();
  });
});

test('a delivery is a CONSUMER span of its own trace, linked to the emitter, an error when the handler throws', async () => {
  const emitter = tracer.startSpan('emit');
  const { traceId, spanId } = emitter.spanContext();
  emitter.end();
  const event = { id: 'e1', type: 'trip.completed', source: 'trips', traceparent: `00-${traceId}-${spanId}-01` };
  let inside: string | undefined;
  const handle = traceEventHandler('payments', async () => {
    inside = tracer.startSpan('work').spanContext().traceId;
  });
  await handle(event);
  await expect(traceEventHandler('payments', () => Promise.reject(new Error('boom')))(event)).rejects.toThrow('boom');

  const [ok, failed] = exporter.getFinishedSpans().filter((span) => span.name === 'trip.completed process');
  expect(ok!.kind).toBe(SpanKind.CONSUMER);
  expect(ok!.parentSpanId).toBeUndefined();
  expect(ok!.spanContext().traceId).not.toBe(traceId);
  expect(inside).toBe(ok!.spanContext().traceId);
  expect(ok!.links.map((link) => [link.context.traceId, link.context.spanId])).toEqual([[traceId, spanId]]);
  expect(ok!.attributes).toEqual({
    'messaging.system': 'ridegraph.events',
    'messaging.operation.type': 'process',
    'messaging.destination.name': 'trip.completed',
    'messaging.consumer.group.name': 'payments',
    'messaging.message.id': 'e1',
    'ridegraph.event.source': 'trips',
  });
  expect(failed!.status).toEqual({ code: SpanStatusCode.ERROR, message: 'boom' });
});

test('an event without trace context (emitted with tracing off) is consumed in an unlinked span', async () => {
  await traceEventHandler('fleet', async () => undefined)({ id: 'e2', type: 'trip.completed', source: 'trips' });
  expect(exporter.getFinishedSpans()[0]!.links).toEqual([]);
});
