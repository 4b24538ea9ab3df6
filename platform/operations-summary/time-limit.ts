// How long a summary's statements may run, for every subgraph contributing to it: a range too big to aggregate in
// time (a city's year on slow hardware) is answered QUERY_TIMEOUT ("ask for less") instead of an internal error, and
// never holds a connection for long. Each subgraph sets it with `set local statement_timeout` in its read transaction.
import { AppError } from '../errors/index.js';

/** Below the subgraphs' 10 s transaction limit. */
export const SUMMARY_STATEMENT_TIMEOUT_MS = 8000;

/** The statements that start a summary's read transaction: JIT off (its compile time dwarfs these plans) and the limit. */
export function summaryTransactionSettings(statementTimeoutMs = SUMMARY_STATEMENT_TIMEOUT_MS): string[] {
  return ['set local jit = off', `set local statement_timeout = ${Math.max(1, Math.trunc(statementTimeoutMs))}`];
}

/** PostgreSQL's "canceling statement due to statement timeout" (SQLSTATE 57014), however the driver wrapped it. */
export function isStatementTimeout(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message} ${JSON.stringify((error as { meta?: unknown }).meta ?? null)}` : String(error);
  return text.includes('57014') || text.includes('statement timeout');
}

/** The error a summary answers when PostgreSQL cancelled one of its statements. */
export const summaryTimedOut = () => new AppError('QUERY_TIMEOUT', 'The summary took too long to compute: ask for a shorter range, one fleet or one city');
