// Process start-up of tracing: reads the standard OTEL_* variables and, only when an exporter is asked for,
// registers the SDK (tracer provider without @apollo/gateway's phase spans, AsyncLocalStorage context, W3C
// trace-context propagation). Unset — the default — nothing is registered: @opentelemetry/api stays a no-op and every span below costs a function call.
import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter as OTLPJsonTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OTLPProtobufTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { Resource, envDetectorSync } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  ConsoleSpanExporter,
  SimpleSpanProcessor,
  type Sampler,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { ConfigError } from '../config/index.js';
import { TracerProviderWithoutGatewayPhases } from './gateway-phase-spans.js';
import { instrumentRedis } from './redis.js';

export interface Tracing {
  /** Whether an SDK was registered (spans are recorded and exported). */
  readonly enabled: boolean;
  /**
   * Exports what is buffered and unregisters. Call on shutdown, after the servers stopped. Idempotent; never
   * rejects (spans that cannot be exported then are dropped).
   */
  shutdown(): Promise<void>;
}

export interface StartTracingOptions {
  /** service.name unless OTEL_SERVICE_NAME (or service.name in OTEL_RESOURCE_ATTRIBUTES) says otherwise. */
  serviceName: string;
  env?: NodeJS.ProcessEnv;
  /** Tests and benchmarks: record into this exporter instead of the one OTEL_TRACES_EXPORTER names. */
  exporter?: SpanExporter;
  /** With `exporter`: export each span as it ends (tests) instead of in batches. Default false. */
  synchronous?: boolean;
  /** Benchmarks: decides sampling instead of OTEL_TRACES_SAMPLER (bench/tracing-cost-child.ts switches it). */
  sampler?: Sampler;
}

const DISABLED: Tracing = { enabled: false, shutdown: async () => undefined };

/**
 * Call once, first thing in a process (before servers start). Honours, per the OpenTelemetry specification:
 * - `OTEL_SDK_DISABLED=true` — off whatever else is set.
 * - `OTEL_TRACES_EXPORTER` — `otlp`, `console`, or `none`. **Unset means `none`** (the spec's default is `otlp`;
 *   Ridegraph keeps tracing off until asked for).
 * - `OTEL_EXPORTER_OTLP_TRACES_PROTOCOL` / `OTEL_EXPORTER_OTLP_PROTOCOL` — `http/protobuf` (the spec's default, and
 *   cheaper to serialize than JSON: bench/results/tracing-cost.md) or `http/json`; `grpc` is refused (not shipped).
 * - `OTEL_EXPORTER_OTLP_ENDPOINT` / `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`, `_HEADERS`, `_TIMEOUT`, `_COMPRESSION`
 *   (read by the exporter; default http://localhost:4318/v1/traces).
 * - `OTEL_SERVICE_NAME`, `OTEL_RESOURCE_ATTRIBUTES` — resource; service.name defaults to `serviceName`.
 * - `OTEL_TRACES_SAMPLER` / `OTEL_TRACES_SAMPLER_ARG` (read by the SDK; default parentbased_always_on).
 * - `OTEL_BSP_*` — batch span processor tuning; `OTEL_PROPAGATORS` (default tracecontext,baggage).
 * @throws ConfigError on an exporter name it does not know.
 */
export function startTracing(options: StartTracingOptions): Tracing {
  const env = options.env ?? process.env;
  if (!options.exporter && (isTrue(env.OTEL_SDK_DISABLED) || exporterName(env) === 'none')) return DISABLED;
  const resource = Resource.default()
    .merge(new Resource({ 'service.name': options.serviceName }))
    .merge(envDetectorSync.detect());
  const exporter = options.exporter ?? createExporter(exporterName(env), env);
  const processor: SpanProcessor = options.synchronous ? new SimpleSpanProcessor(exporter) : new BatchSpanProcessor(exporter);
  const provider = new TracerProviderWithoutGatewayPhases({ resource, spanProcessors: [processor], ...(options.sampler ? { sampler: options.sampler } : {}) });
  provider.register({
    contextManager: new AsyncLocalStorageContextManager(),
    propagator: new CompositePropagator({ propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()] }),
  });
  const uninstrumentRedis = instrumentRedis();
  let stopped: Promise<void> | undefined;
  return {
    enabled: true,
    shutdown() {
      stopped ??= (async () => {
        try {
          await provider.shutdown();
        } catch {
          // The last batch could not be exported (collector gone): losing it must not fail the process's stop.
        } finally {
          uninstrumentRedis();
          trace.disable();
          context.disable();
          propagation.disable();
        }
      })();
      return stopped;
    },
  };
}

function exporterName(env: NodeJS.ProcessEnv): string {
  // The spec allows a list; one trace exporter is all Ridegraph needs, so the first one counts.
  return (env.OTEL_TRACES_EXPORTER ?? '').split(',')[0]!.trim().toLowerCase() || 'none';
}

function createExporter(name: string, env: NodeJS.ProcessEnv): SpanExporter {
  switch (name) {
    case 'otlp':
      return otlpProtocol(env) === 'http/json'
        ? new OTLPJsonTraceExporter({ url: otlpTracesUrl(env) })
        : new OTLPProtobufTraceExporter({ url: otlpTracesUrl(env) });
    case 'console':
      return new ConsoleSpanExporter();
    default:
      throw new ConfigError(`OTEL_TRACES_EXPORTER=${name} is not supported: use otlp, console or none (the default)`);
  }
}

/** The signal's own protocol, else the general one, else the spec's default (http/protobuf). */
function otlpProtocol(env: NodeJS.ProcessEnv): 'http/protobuf' | 'http/json' {
  const name = env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL?.trim() ? 'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL' : 'OTEL_EXPORTER_OTLP_PROTOCOL';
  const value = env[name]?.trim().toLowerCase() || 'http/protobuf';
  if (value === 'http/protobuf' || value === 'http/json') return value;
  throw new ConfigError(`${name}=${value} is not supported: use http/protobuf (the default) or http/json`);
}

/** The spec's rule: the signal's own endpoint as is, else the base endpoint + /v1/traces; undefined: the exporter's default. */
function otlpTracesUrl(env: NodeJS.ProcessEnv): string | undefined {
  const own = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim();
  if (own) return own;
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  return base ? `${base.replace(/\/+$/, '')}/v1/traces` : undefined;
}

function isTrue(value: string | undefined): boolean {
  return value?.trim().toLowerCase() === 'true';
}
