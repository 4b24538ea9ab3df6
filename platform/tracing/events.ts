// Trace context across the durable event hop (outbox → relay → stream → consumer). The emitting request's
// context is captured when the outbox row is written, travels in the envelope as W3C `traceparent` /
// `tracestate`, and the consumer's span LINKS to it: the OpenTelemetry messaging conventions recommend a link
// rather than a parent for asynchronous delivery (a consumer may run much later, or several times), so a
// payment settlement is its own trace that points back at the trip completion that caused it.
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, context, propagation, trace, type Link } from '@opentelemetry/api';
import { tracer } from './tracer.js';

/** W3C trace context as carried in an event envelope (a type, not an interface: it must be assignable to JSON). */
export type EventTraceContext = {
  traceparent: string;
  tracestate?: string;
};

/** The active span's context in W3C form, or undefined outside a trace (and always when tracing is off). */
export function activeTraceContext(): EventTraceContext | undefined {
  if (!trace.getSpan(context.active())) return undefined;
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  if (!carrier.traceparent) return undefined;
  return carrier.tracestate ? { traceparent: carrier.traceparent, tracestate: carrier.tracestate } : { traceparent: carrier.traceparent };
}

/** What traceEventHandler reads from an envelope. */
export interface TracedEvent {
  id: string;
  type: string;
  source: string;
  traceparent?: string;
  tracestate?: string;
}

/**
 * Wraps a consumer's handler: each delivery runs in a CONSUMER span `<type> process` (a new trace) linked to the
 * emitter's context when the envelope carries one. A handler that throws marks its span as an error (the bus
 * retries; each delivery is a span of its own).
 */
export function traceEventHandler<E extends TracedEvent>(group: string, handle: (event: E) => Promise<void>): (event: E) => Promise<void> {
  return (event) => {
    const links: Link[] = [];
    if (event.traceparent) {
      const emitter = trace.getSpanContext(
        propagation.extract(ROOT_CONTEXT, { traceparent: event.traceparent, ...(event.tracestate ? { tracestate: event.tracestate } : {}) }),
      );
      if (emitter) links.push({ context: emitter });
    }
    return tracer.startActiveSpan(
      `${event.type} process`,
      {
        kind: SpanKind.CONSUMER,
        root: true,
        links,
        attributes: {
          'messaging.system': 'ridegraph.events',
          'messaging.operation.type': 'process',
          'messaging.destination.name': event.type,
          'messaging.consumer.group.name': group,
          'messaging.message.id': event.id,
          'ridegraph.event.source': event.source,
        },
      },
      async (span) => {
        try {
          await handle(event);
        } catch (error) {
          span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
          throw error;
        } finally {
          span.end();
        }
      },
    );
  };
}
