// `OperationsSummary.id`: the summary's arguments (range and scope) in an opaque, stable string, so payments and
// fleet can resolve the entity without asking trips. Versioned ("ops1."), base64url of a JSON array
// [from, to, fleetId, city] with the instants in ISO 8601 UTC: the same arguments always give the same id.
// Decoding only parses; the contributor then applies `summaryScope` to the result like trips does to the arguments.
import { badInput } from '../errors/index.js';
import type { SummaryArgs } from './scope.js';

const PREFIX = 'ops1.';
/** Far above any real id (two instants, a UUID, a city of ≤ 200 characters, base64 ×4/3): refuse before parsing. */
const MAX_ID_LENGTH = 2000;

export interface SummaryKey {
  from: Date;
  to: Date;
  fleetId: string | null;
  city: string | null;
}

export function encodeSummaryId(key: SummaryArgs): string {
  const body = JSON.stringify([key.from.toISOString(), key.to.toISOString(), key.fleetId ?? null, key.city ?? null]);
  return PREFIX + Buffer.from(body, 'utf8').toString('base64url');
}

const malformed = () => badInput('not an OperationsSummary id', 'id');

const instant = (value: unknown): Date => {
  if (typeof value !== 'string') throw malformed();
  const at = new Date(value);
  // Only the exact form encodeSummaryId writes: anything else was not made here.
  if (Number.isNaN(at.getTime()) || at.toISOString() !== value) throw malformed();
  return at;
};

const optionalText = (value: unknown): string | null => {
  if (value === null) return null;
  if (typeof value !== 'string') throw malformed();
  return value;
};

/**
 * The arguments an id carries. Not a check of who may read them (`summaryScope` is).
 * @throws AppError BAD_USER_INPUT (`field: "id"`) for anything encodeSummaryId did not write.
 */
export function decodeSummaryId(id: string): SummaryKey {
  if (typeof id !== 'string' || id.length > MAX_ID_LENGTH || !id.startsWith(PREFIX)) throw malformed();
  const body = id.slice(PREFIX.length);
  if (!/^[A-Za-z0-9_-]+$/.test(body)) throw malformed();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    throw malformed();
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) throw malformed();
  return { from: instant(parsed[0]), to: instant(parsed[1]), fleetId: optionalText(parsed[2]), city: optionalText(parsed[3]) };
}
