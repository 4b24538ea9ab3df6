// The tracer every Ridegraph span comes from. Through the API's global proxy: until a provider is registered
// (platform/tracing/setup.ts, or a test's recordSpans) every span it starts is a no-op that costs almost nothing.
import { trace } from '@opentelemetry/api';

export const tracer = trace.getTracer('ridegraph');
