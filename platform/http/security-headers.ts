// The usual security headers, on every response of every process (gateway and subgraphs alike).
//
// - `X-Content-Type-Options: nosniff`: a JSON answer is never sniffed into HTML or script.
// - `Referrer-Policy: no-referrer`: links followed from Sandbox leak no URL (a GET query carries the operation).
// - `X-Frame-Options: DENY` and CSP `frame-ancestors 'none'`: no page of ours can be framed (clickjacking). Only
//   frame-ancestors: a `default-src` policy would also govern the Sandbox landing page, whose scripts and iframe
//   come from Apollo's CDN; the page frames Sandbox, nobody frames it.
// - `Strict-Transport-Security` only when configured (HSTS_MAX_AGE_SECONDS): a process speaking plain HTTP behind
//   a TLS-terminating load balancer cannot know whether browsers reach it over HTTPS, and HSTS sent over a
//   plain-HTTP development origin would pin localhost to HTTPS. Usually the load balancer sets it.
import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import { readEnv } from '../config/index.js';

export interface SecurityHeadersOptions {
  /** Sends `Strict-Transport-Security: max-age=<n>` when set. */
  hstsMaxAgeSeconds?: number;
}

export function setSecurityHeaders(res: ServerResponse, options: SecurityHeadersOptions = {}): void {
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('content-security-policy', "frame-ancestors 'none'");
  if (options.hstsMaxAgeSeconds !== undefined) res.setHeader('strict-transport-security', `max-age=${options.hstsMaxAgeSeconds}`);
}

/**
 * HSTS_MAX_AGE_SECONDS: set it (e.g. 31536000, one year) when browsers reach this process only over HTTPS.
 * @throws ConfigError unless a whole number 0..63072000 (two years).
 */
export function readSecurityHeadersOptions(env: NodeJS.ProcessEnv = process.env): SecurityHeadersOptions {
  const { HSTS_MAX_AGE_SECONDS } = readEnv(
    { HSTS_MAX_AGE_SECONDS: z.coerce.number().int().min(0).max(63_072_000, 'must be 0 to 63072000 (two years)').optional() },
    env,
  );
  return HSTS_MAX_AGE_SECONDS === undefined ? {} : { hstsMaxAgeSeconds: HSTS_MAX_AGE_SECONDS };
}
