// CORS for browser apps on other origins (an operations dashboard, the hosted Apollo Sandbox): an allowlist of exact
// origins (CORS_ORIGINS), preflights answered before anything else runs, and `Vary: Origin` on every response so a
// cache never hands one origin's answer to another.
//
// Only the gateway serves browsers; subgraphs get no policy, so a browser can never read their answers. No
// credentials mode: access tokens travel in the Authorization header, never in cookies, so
// `Access-Control-Allow-Credentials` is not needed (and a cross-site page cannot ride on a user's session). WebSocket
// upgrades are not subject to CORS; the graphql-ws token arrives in `connection_init`, which a foreign page cannot
// fill in with a user's token.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { readEnv } from '../config/index.js';

export interface CorsPolicy {
  /** Exact origins (`scheme://host[:port]`) whose pages may call the API. Empty: none. */
  origins: ReadonlySet<string>;
}

/** What a preflight may ask for: the methods GraphQL over HTTP uses and the headers Ridegraph's clients send. */
export const CORS_ALLOWED_METHODS = 'GET, POST, OPTIONS';
export const CORS_ALLOWED_HEADERS = 'authorization, content-type, apollo-require-preflight, x-apollo-operation-name';
/** Response headers a page may read: the rate-limit state (gateway/src/rate-limit/README.md). */
export const CORS_EXPOSED_HEADERS = 'RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, RateLimit-Policy, Retry-After';
/** How long a browser may cache a preflight answer (Chromium caps it at 2 h). */
export const CORS_MAX_AGE_SECONDS = 7200;

/**
 * Development default: the pages a developer runs on this machine — Apollo Sandbox served by the gateway itself
 * (4000), a dashboard dev server (3000, 5173) — and the hosted Apollo Sandbox, which calls the endpoint from its own
 * origin. Production default: none.
 */
export const DEVELOPMENT_CORS_ORIGINS: readonly string[] = [
  'http://localhost:3000',
  'http://localhost:4000',
  'http://127.0.0.1:4000',
  'http://localhost:5173',
  'https://studio.apollographql.com',
];

/**
 * Adds the CORS headers of `req`'s origin to `res`, and answers a preflight (OPTIONS with
 * Access-Control-Request-Method): 204 with the allowed methods, headers and max-age for an allowed origin; 403 with
 * code ORIGIN_NOT_ALLOWED for any other (the browser then never sends the request).
 * @returns true when the response has been sent (a preflight); false when the request goes on.
 */
export function handleCors(req: IncomingMessage, res: ServerResponse, policy: CorsPolicy): boolean {
  appendVary(res, 'Origin');
  const origin = req.headers.origin;
  const allowed = origin !== undefined && policy.origins.has(origin);
  if (allowed) {
    res.setHeader('access-control-allow-origin', origin);
    // A browser app may read only the response headers listed here: the rate-limit state, to back off in time.
    res.setHeader('access-control-expose-headers', CORS_EXPOSED_HEADERS);
  }
  const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
  if (!preflight) return false;
  req.resume();
  if (!allowed) {
    res.statusCode = 403;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.end(
      JSON.stringify({ errors: [{ message: `Origin ${origin ?? '(none)'} is not allowed (CORS_ORIGINS)`, extensions: { code: 'ORIGIN_NOT_ALLOWED' } }] }),
    );
    return true;
  }
  res.statusCode = 204;
  res.setHeader('access-control-allow-methods', CORS_ALLOWED_METHODS);
  res.setHeader('access-control-allow-headers', CORS_ALLOWED_HEADERS);
  res.setHeader('access-control-max-age', String(CORS_MAX_AGE_SECONDS));
  res.end();
  return true;
}

function appendVary(res: ServerResponse, value: string): void {
  const existing = res.getHeader('vary');
  const values =
    existing === undefined
      ? []
      : String(existing)
          .split(',')
          .map((v) => v.trim())
          .filter(Boolean);
  if (!values.some((v) => v.toLowerCase() === value.toLowerCase())) values.push(value);
  res.setHeader('vary', values.join(', '));
}

/**
 * CORS_ORIGINS: comma-separated exact origins, e.g. `https://ops.example.com,https://app.example.com`; `none` for
 * none. Default: {@link DEVELOPMENT_CORS_ORIGINS} in development, none in production.
 * @throws ConfigError naming CORS_ORIGINS when an entry is not a bare origin (no path, no trailing slash, no `*`).
 */
export function readCorsPolicy(env: NodeJS.ProcessEnv, production: boolean): CorsPolicy {
  const { CORS_ORIGINS: raw } = readEnv(
    {
      CORS_ORIGINS: z
        .string()
        .optional()
        .refine(
          (value) => value === undefined || value.trim() === 'none' || splitOrigins(value).every(isBareOrigin),
          'must be comma-separated origins like https://ops.example.com (scheme, host and port only; no path, no *), or none',
        ),
    },
    env,
  );
  if (raw === undefined) return { origins: new Set(production ? [] : DEVELOPMENT_CORS_ORIGINS) };
  return { origins: new Set(raw.trim() === 'none' ? [] : splitOrigins(raw)) };
}

function splitOrigins(value: string): string[] {
  return value
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
}

function isBareOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
  } catch {
    return false;
  }
}
