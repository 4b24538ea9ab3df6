// W3C trace context out: the headers that let the next hop continue this trace.
import { context, propagation } from '@opentelemetry/api';

/** Sets `traceparent` (and `tracestate`, `baggage` when present) of the active span; nothing when tracing is off. */
export function injectTraceHeaders(set: (name: string, value: string) => void): void {
  propagation.inject(context.active(), undefined, { set: (_carrier, key, value) => set(key, value) });
}
