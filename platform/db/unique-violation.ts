// The one database error services branch on: a unique constraint that refused an insert or update. Slot columns
// and unique keys rely on it — the loser of a race for "the one active X per Y", a name or a plate taken meanwhile —
// and services turn it into a userError or CONFLICT.

/** Whether `error` is PostgreSQL's unique violation as Prisma reports it (P2002), on PostgreSQL and PGlite alike. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'P2002';
}
