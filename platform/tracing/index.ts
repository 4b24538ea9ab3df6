// OpenTelemetry traces across the supergraph. See README.md.
export { startTracing, type Tracing, type StartTracingOptions } from './setup.js';
export { tracer } from './tracer.js';
export { traceHttpRequest } from './http-server.js';
export { injectTraceHeaders } from './propagation.js';
export { tracingPlugin } from './apollo-plugin.js';
export { traceStatements } from './sql.js';
export { activeTraceContext, traceEventHandler, type EventTraceContext, type TracedEvent } from './events.js';
