// Redis spans: each command inside a trace is a CLIENT span under the active span; outside a trace, none.
import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { Redis } from 'ioredis';
import { startTracing, tracer, type Tracing } from '../index.js';

const exporter = new InMemorySpanExporter();
let tracing: Tracing;
let redis: Redis;
const key = `test:tracing:${process.pid}`;

beforeAll(() => {
  tracing = startTracing({ serviceName: 'test', exporter, synchronous: true });
  redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
});
afterAll(async () => {
  await redis.del(key);
  redis.disconnect();
  await tracing.shutdown();
});

test('a command inside a trace is a CLIENT span under the active span', async () => {
  await tracer.startActiveSpan('request', async (span) => {
    await redis.set(key, '1');
    await redis.get(key);
    span.end();
  });
  const spans = exporter.getFinishedSpans();
  const request = spans.find((span) => span.name === 'request')!;
  const commands = spans.filter((span) => span.name.startsWith('redis '));
  expect(commands.map((span) => span.name)).toEqual(['redis set', 'redis get']);
  for (const command of commands) {
    expect(command.kind).toBe(SpanKind.CLIENT);
    expect(command.parentSpanId).toBe(request.spanContext().spanId);
    expect(command.attributes['db.system']).toBe('redis');
  }
  expect(commands.map((span) => span.attributes['db.operation.name'])).toEqual(['SET', 'GET']);
});

test('a command outside any trace makes no span', async () => {
  exporter.reset();
  await redis.get(key);
  expect(exporter.getFinishedSpans()).toEqual([]);
});
