// How a rate-limit outcome is told to the client: HTTP headers of draft-ietf-httpapi-ratelimit-headers-06 (the
// `RateLimit-Limit/-Remaining/-Reset/-Policy` fields most clients and proxies read), `Retry-After` (RFC 9110) on a
// refusal, and the GraphQL error body of a 429.
import type { RateLimitOutcome } from './request-rate-limiter.js';

/**
 * The headers for any response the outcome applies to, allowed or refused. `RateLimit-Reset` and `Retry-After` are
 * delta-seconds; `Retry-After` only on a refusal that waiting can cure (not for an operation costing more than a
 * whole bucket).
 */
export function rateLimitHeaders(outcome: RateLimitOutcome): Record<string, string> {
  const headers: Record<string, string> = {
    'RateLimit-Limit': String(outcome.limit),
    'RateLimit-Remaining': String(outcome.remaining),
    'RateLimit-Reset': String(outcome.resetSeconds),
    'RateLimit-Policy': outcome.policy,
  };
  if (!outcome.allowed && outcome.retryAfterSeconds !== undefined) headers['Retry-After'] = String(outcome.retryAfterSeconds);
  return headers;
}

export interface RateLimitedBody {
  errors: [{ message: string; extensions: { code: 'RATE_LIMITED'; retryAfterSeconds?: number } }];
}

/** The body of a 429 (a GraphQL response with one error, code RATE_LIMITED), for a refused outcome. */
export function rateLimitedBody(outcome: RateLimitOutcome): RateLimitedBody {
  if (outcome.retryAfterSeconds === undefined) {
    return {
      errors: [
        {
          message: `This operation costs more than the whole budget of ${outcome.limit} points; ask for less (smaller \`first\`, fewer fields)`,
          extensions: { code: 'RATE_LIMITED' },
        },
      ],
    };
  }
  return {
    errors: [
      {
        message: `Too many requests: retry after ${outcome.retryAfterSeconds} s`,
        extensions: { code: 'RATE_LIMITED', retryAfterSeconds: outcome.retryAfterSeconds },
      },
    ],
  };
}
