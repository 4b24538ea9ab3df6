// Media types of GraphQL over HTTP (https://graphql.github.io/graphql-over-http/draft/): what a request body may
// be, and which response type an `Accept` header asks for. Negotiation follows the rules Apollo Server applies
// (quality, then specificity, then the order in the header, then the server's order), so a request the HTTP layer
// lets through gets the same answer from Apollo.

export const APPLICATION_JSON = 'application/json';
export const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';

/** Response types a GraphQL request can get: single results (first two) and incremental delivery (@defer). */
export const GRAPHQL_RESPONSE_TYPES = [APPLICATION_JSON, GRAPHQL_RESPONSE_JSON, 'multipart/mixed'] as const;

export interface MediaType {
  /** `type/subtype`, lower case, e.g. `application/json`. */
  essence: string;
  /** Parameter names lower case, values unquoted. */
  parameters: Record<string, string>;
}

/** @returns null when the header is not a media type. */
export function parseMediaType(header: string): MediaType | null {
  const [essence = '', ...rest] = header.split(';');
  const normalised = essence.trim().toLowerCase();
  if (!/^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+*-]+$/.test(normalised)) return null;
  const parameters: Record<string, string> = {};
  for (const parameter of rest) {
    const eq = parameter.indexOf('=');
    if (eq < 0) continue;
    parameters[parameter.slice(0, eq).trim().toLowerCase()] = parameter
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
  }
  return { essence: normalised, parameters };
}

/**
 * Whether a POST body of this `Content-Type` is one GraphQL over HTTP defines: `application/json`, in UTF-8
 * (the charset may be omitted; UTF-8 is then assumed).
 */
export function isJsonRequestBody(contentType: string | undefined): boolean {
  const type = contentType === undefined ? null : parseMediaType(contentType);
  if (type?.essence !== APPLICATION_JSON) return false;
  const charset = type.parameters.charset?.toLowerCase();
  return charset === undefined || charset === 'utf-8' || charset === 'utf8';
}

interface AcceptRange {
  type: string;
  subtype: string;
  q: number;
  index: number;
}

function parseAccept(header: string): AcceptRange[] {
  return header.split(',').flatMap((part, index) => {
    const [range = '', ...parameters] = part.split(';');
    const [type, subtype] = range.trim().toLowerCase().split('/');
    if (!type || !subtype) return [];
    const qParameter = parameters.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith('q='));
    const q = qParameter === undefined ? 1 : Number(qParameter.slice(2));
    return Number.isFinite(q) ? [{ type, subtype, q, index }] : [];
  });
}

/**
 * The first of `offered` (server order) that `accept` prefers, or null when it accepts none of them.
 * A missing or empty header accepts anything: the first offered type.
 */
export function negotiate<T extends string>(accept: string | undefined, offered: readonly T[]): T | null {
  if (accept === undefined || accept.trim() === '') return offered[0] ?? null;
  const ranges = parseAccept(accept);
  let best: { type: T; q: number; specificity: number; index: number } | undefined;
  for (const candidate of offered) {
    const [type, subtype] = candidate.toLowerCase().split('/');
    // The most specific range matching the candidate decides its quality.
    let match: { q: number; specificity: number; index: number } | undefined;
    for (const range of ranges) {
      const specificity =
        range.type === type && range.subtype === subtype
          ? 2
          : range.type === type && range.subtype === '*'
            ? 1
            : range.type === '*' && range.subtype === '*'
              ? 0
              : -1;
      if (specificity < 0) continue;
      if (!match || specificity > match.specificity) match = { q: range.q, specificity, index: range.index };
    }
    if (!match || match.q <= 0) continue;
    // Ties keep the earlier offered type.
    const better =
      !best ||
      match.q > best.q ||
      (match.q === best.q && (match.specificity > best.specificity || (match.specificity === best.specificity && match.index < best.index)));
    if (better) best = { type: candidate, ...match };
  }
  return best?.type ?? null;
}
