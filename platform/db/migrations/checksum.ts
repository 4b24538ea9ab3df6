// Prisma's migration checksum, so records we write are the ones `prisma migrate deploy` expects and vice versa.
import { createHash } from 'node:crypto';

/** sha256 of the migration.sql text, lowercase hex: what Prisma stores in `_prisma_migrations.checksum`. */
export function migrationChecksum(script: string): string {
  return createHash('sha256').update(script, 'utf8').digest('hex');
}

/**
 * Whether `script` is the one a stored checksum was computed from. Like Prisma's schema engine, a script that
 * differs only in line endings (LF vs CRLF, as git may rewrite them on checkout) still matches.
 */
export function scriptMatchesChecksum(script: string, checksum: string): boolean {
  const stored = checksum.toLowerCase();
  return (
    migrationChecksum(script) === stored ||
    migrationChecksum(script.replaceAll('\r\n', '\n')) === stored ||
    migrationChecksum(script.replaceAll('\r\n', '\n').replaceAll('\n', '\r\n')) === stored
  );
}
