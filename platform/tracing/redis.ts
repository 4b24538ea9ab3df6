// Redis spans: one CLIENT span per command sent by any ioredis client of the process (pub/sub publish, event
// stream appends, rate-limit scripts), but only inside a trace — blocking stream reads and pollers with no
// request around them would otherwise start a trace each. ioredis is patched at its prototype, the place
// @opentelemetry/instrumentation-ioredis patches too; that package's require hook does not see ESM imports.
import { SpanKind, SpanStatusCode, trace, context } from '@opentelemetry/api';
import { Redis } from 'ioredis';
import { tracer } from './tracer.js';

interface SentCommand {
  name: string;
  promise?: Promise<unknown>;
}

type SendCommand = (this: Redis, command: SentCommand, stream?: unknown) => unknown;

/** Patches ioredis; returns the undo. Installed by startTracing / recordSpans only. */
export function instrumentRedis(): () => void {
  const prototype = Redis.prototype as unknown as { sendCommand: SendCommand };
  const original = prototype.sendCommand;
  prototype.sendCommand = function tracedSendCommand(this: Redis, command: SentCommand, stream?: unknown) {
    if (!trace.getSpan(context.active())) return original.call(this, command, stream);
    const span = tracer.startSpan(`redis ${command.name}`, {
      kind: SpanKind.CLIENT,
      attributes: { 'db.system': 'redis', 'db.operation.name': command.name.toUpperCase() },
    });
    const result = original.call(this, command, stream);
    if (command.promise) {
      command.promise.then(
        () => span.end(),
        (error: unknown) => {
          span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
          span.end();
        },
      );
    } else span.end();
    return result;
  };
  return () => {
    prototype.sendCommand = original;
  };
}
