// SQL spans: one CLIENT span per statement Prisma sends through its driver adapter — the same place
// platform/db/statement-observer.ts counts them, so it covers PostgreSQL (pg) and PGlite alike. Prisma's own
// @prisma/instrumentation and @opentelemetry/instrumentation-pg hook `require`, which this ESM code base
// bypasses. Only inside a trace: the outbox relay's polling would otherwise start a trace every second.
import { SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from '@prisma/driver-adapter-utils';
import { tracer } from './tracer.js';

/** Wraps an adapter factory so each statement is a span named `<VERB> <schema>` (e.g. `SELECT trips`). */
export function traceStatements(factory: SqlDriverAdapterFactory, schema: string): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      return traced(await factory.connect(), schema);
    },
  };
}

function traced<T extends SqlDriverAdapter | Transaction>(target: T, schema: string): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      if (property === 'queryRaw' || property === 'executeRaw') {
        return (query: SqlQuery) => statementSpan(schema, query, () => (object[property] as (q: SqlQuery) => Promise<unknown>)(query));
      }
      if (property === 'startTransaction') {
        return async (...args: unknown[]) =>
          traced(await (object as SqlDriverAdapter).startTransaction(...(args as Parameters<SqlDriverAdapter['startTransaction']>)), schema);
      }
      const value: unknown = Reflect.get(object, property, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(object) : value;
    },
  });
}

async function statementSpan<R>(schema: string, query: SqlQuery, run: () => Promise<R>): Promise<R> {
  if (!trace.getSpan(context.active())) return run();
  const verb = /^\s*(\w+)/.exec(query.sql)?.[1]?.toUpperCase() ?? 'SQL';
  // Prisma sends parameterised SQL: the text carries no values, so it is safe to record.
  const span = tracer.startSpan(`${verb} ${schema}`, {
    kind: SpanKind.CLIENT,
    attributes: { 'db.system': 'postgresql', 'db.namespace': schema, 'db.operation.name': verb, 'db.query.text': query.sql },
  });
  try {
    return await run();
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
    throw error;
  } finally {
    span.end();
  }
}
