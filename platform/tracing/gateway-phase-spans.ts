// Which of @apollo/gateway's own spans a trace keeps. The gateway opens a span for every phase of every request —
// gateway.request, gateway.validate, gateway.execute, gateway.postprocessing — around work that the request's
// SERVER span (named after the operation, with its error codes) already times, and they were a quarter of a
// trips-board request's spans, each costing a span's CPU (ids, clock, attributes, export) and an async-context switch
// (bench/results/tracing-cost.md). Kept: gateway.plan (made only when the plan is not cached — a slow first request
// shows why) and gateway.fetch (one per subgraph request, parent of the subgraph's own spans). The phases dropped
// become non-recording stand-ins carrying the parent's context, so what the gateway starts inside them (its fetches)
// hangs under the request's SERVER span and the trace stays one tree.
import { INVALID_SPAN_CONTEXT, context, trace, type Context, type Span, type SpanOptions, type Tracer, type TracerOptions } from '@opentelemetry/api';
import { BasicTracerProvider, type Tracer as SdkTracer } from '@opentelemetry/sdk-trace-base';

/** @apollo/gateway's tracer name (dist/utilities/opentelemetry.js; its `OpenTelemetrySpanNames` are the names below). */
const GATEWAY_TRACER = 'apollo/gateway-js';
const DROPPED_GATEWAY_SPANS: ReadonlySet<string> = new Set(['gateway.request', 'gateway.validate', 'gateway.execute', 'gateway.postprocessing']);

/**
 * The SDK's provider, except that @apollo/gateway gets a tracer without its phase spans. A subclass rather than a
 * wrapper registered in its place: register() must run in the SDK's own copy of @opentelemetry/api (CommonJS, the
 * copy @apollo/gateway's tracer proxy was made with), which a wrapper registered from this ES module would miss.
 */
export class TracerProviderWithoutGatewayPhases extends BasicTracerProvider {
  override getTracer(name: string, version?: string, options?: TracerOptions): SdkTracer {
    const tracer = super.getTracer(name, version, options);
    // The SDK types its result as its own Tracer class; every caller goes through the API's Tracer interface.
    return name === GATEWAY_TRACER ? (phaseFilteringTracer(tracer) as SdkTracer) : tracer;
  }
}

function phaseFilteringTracer(tracer: Tracer): Tracer {
  return new PhaseFilteringTracer(tracer);
}

class PhaseFilteringTracer implements Tracer {
  constructor(private readonly tracer: Tracer) {}

  startSpan(name: string, options?: SpanOptions, parent?: Context): Span {
    return DROPPED_GATEWAY_SPANS.has(name) ? standIn(parent ?? context.active()) : this.tracer.startSpan(name, options, parent);
  }

  startActiveSpan<F extends (span: Span) => unknown>(name: string, fn: F): ReturnType<F>;
  startActiveSpan<F extends (span: Span) => unknown>(name: string, options: SpanOptions, fn: F): ReturnType<F>;
  startActiveSpan<F extends (span: Span) => unknown>(name: string, options: SpanOptions, parent: Context, fn: F): ReturnType<F>;
  startActiveSpan<F extends (span: Span) => unknown>(name: string, first: F | SpanOptions, second?: F | Context, third?: F): ReturnType<F> {
    if (!DROPPED_GATEWAY_SPANS.has(name)) {
      if (third) return this.tracer.startActiveSpan(name, first as SpanOptions, second as Context, third);
      if (second) return this.tracer.startActiveSpan(name, first as SpanOptions, second as F);
      return this.tracer.startActiveSpan(name, first as F);
    }
    // The stand-in is never made active: what runs inside parents to the caller's span, not to it.
    if (third) return context.with(second as Context, () => third(standIn(second as Context))) as ReturnType<F>;
    const fn = (second ?? first) as F;
    return fn(standIn(context.active())) as ReturnType<F>;
  }
}

/** A span that records nothing and carries the parent's ids (the API's own non-recording span). */
function standIn(parent: Context): Span {
  const parentSpan = trace.getSpan(parent);
  return trace.wrapSpanContext(parentSpan ? parentSpan.spanContext() : INVALID_SPAN_CONTEXT);
}
