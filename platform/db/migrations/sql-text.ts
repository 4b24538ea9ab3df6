// Small helpers for building SQL text that cannot take parameters (identifiers in DDL).

/** Quotes a PostgreSQL identifier (schema, table) so any name is safe and keeps its case. */
export function quoteIdent(name: string): string {
  if (name.length === 0) throw new Error('an SQL identifier cannot be empty');
  if (name.includes('\0')) throw new Error(`an SQL identifier cannot contain NUL: ${JSON.stringify(name)}`);
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * The 1-based line of a PostgreSQL error `position` (1-based character offset into the script that was sent),
 * or undefined when the error carries none. Both pg and PGlite report it relative to the whole script.
 */
export function lineOfErrorPosition(script: string, error: unknown): number | undefined {
  const raw = (error as { position?: unknown } | null)?.position;
  const position = typeof raw === 'string' ? Number.parseInt(raw, 10) : typeof raw === 'number' ? raw : NaN;
  if (!Number.isFinite(position) || position < 1) return undefined;
  return script.slice(0, position - 1).split('\n').length;
}
