// startTracing reads the standard OTEL_* variables: off unless an exporter is asked for, and then off means no
// SDK at all (the API's no-op spans); an unknown exporter fails fast.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { trace } from '@opentelemetry/api';
import { ConfigError } from '../../config/index.js';
import { activeTraceContext, startTracing, tracer } from '../index.js';

const INVALID_TRACE = '00000000000000000000000000000000';

describe('startTracing', () => {
  test.each([
    ['nothing set', {}],
    ['OTEL_TRACES_EXPORTER=none', { OTEL_TRACES_EXPORTER: 'none' }],
    ['OTEL_SDK_DISABLED=true with an exporter', { OTEL_SDK_DISABLED: 'true', OTEL_TRACES_EXPORTER: 'otlp' }],
  ])('%s: off — nothing registered, spans are no-ops and no trace context is captured', async (_, env) => {
    const tracing = startTracing({ serviceName: 'test', env });
    expect(tracing.enabled).toBe(false);
    const span = tracer.startSpan('anything');
    expect(span.isRecording()).toBe(false);
    expect(span.spanContext().traceId).toBe(INVALID_TRACE);
    tracer.startActiveSpan('outer', (outer) => {
      expect(activeTraceContext()).toBeUndefined();
      outer.end();
    });
    await tracing.shutdown();
  });

  test('OTEL_TRACES_EXPORTER=otlp registers the SDK; shutdown unregisters it', async () => {
    const tracing = startTracing({ serviceName: 'test', env: { OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9' } });
    expect(tracing.enabled).toBe(true);
    tracer.startActiveSpan('outer', (outer) => {
      expect(outer.isRecording()).toBe(true);
      expect(activeTraceContext()).toEqual({ traceparent: `00-${outer.spanContext().traceId}-${outer.spanContext().spanId}-01` });
      outer.end();
    });
    await tracing.shutdown();
    // (Tracers obtained before keep their provider, shut down: shutdown is for the end of a process.)
    expect(trace.getTracer('after-shutdown').startSpan('after').isRecording()).toBe(false);
    await tracing.shutdown(); // idempotent
  });

  test('an exporter it does not know is a ConfigError naming the choices', () => {
    expect(() => startTracing({ serviceName: 'test', env: { OTEL_TRACES_EXPORTER: 'zipkin' } })).toThrow(ConfigError);
    expect(() => startTracing({ serviceName: 'test', env: { OTEL_TRACES_EXPORTER: 'zipkin' } })).toThrow(
      'OTEL_TRACES_EXPORTER=zipkin is not supported: use otlp, console or none (the default)',
    );
  });

  describe('the OTLP protocol', () => {
    let sink: Server;
    let endpoint: string;
    const received: { path?: string; contentType?: string; bytes: number }[] = [];
    let exports = 0;

    beforeAll(async () => {
      sink = createServer((req, res) => {
        let bytes = 0;
        req.on('data', (chunk: Buffer) => (bytes += chunk.length));
        req.on('end', () => {
          received.push({ path: req.url, contentType: req.headers['content-type'], bytes });
          res.writeHead(200).end();
        });
      });
      await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
      endpoint = `http://127.0.0.1:${(sink.address() as AddressInfo).port}`;
    });

    afterAll(() => new Promise<void>((resolve) => sink.close(() => resolve())));

    /** Starts tracing with `env`, ends one span, and returns what the sink received on shutdown. */
    async function exportOneSpan(env: Record<string, string>) {
      received.length = 0;
      const tracing = startTracing({ serviceName: 'test', env: { OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, ...env } });
      // A tracer of its own: the shared one keeps the provider it first met (shut down by the tests above).
      trace.getTracer(`otlp-protocol-${++exports}`).startActiveSpan('one', (span) => span.end());
      await tracing.shutdown();
      return received.map(({ path, contentType }) => ({ path, contentType }));
    }

    test('protobuf by default (the default of the specification)', async () => {
      expect(await exportOneSpan({})).toEqual([{ path: '/v1/traces', contentType: 'application/x-protobuf' }]);
    });

    test('JSON when OTEL_EXPORTER_OTLP_PROTOCOL=http/json; the traces-only variable wins over it', async () => {
      expect(await exportOneSpan({ OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' })).toEqual([{ path: '/v1/traces', contentType: 'application/json' }]);
      expect(await exportOneSpan({ OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/protobuf' })).toEqual([
        { path: '/v1/traces', contentType: 'application/x-protobuf' },
      ]);
    });

    test('grpc (not shipped) is a ConfigError naming the choices', () => {
      expect(() => startTracing({ serviceName: 'test', env: { OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' } })).toThrow(
        new ConfigError('OTEL_EXPORTER_OTLP_PROTOCOL=grpc is not supported: use http/protobuf (the default) or http/json'),
      );
    });
  });
});
