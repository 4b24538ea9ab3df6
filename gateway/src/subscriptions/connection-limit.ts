// The per-IP limit on new graphql-ws connections, checked on the upgrade request before the WebSocket handshake
// completes: a refused client gets HTTP 429 (Retry-After, RateLimit-*) and costs the gateway no socket.
import type { VerifyClientCallbackAsync } from 'ws';
import { clientIp } from '../../../platform/http/client-ip.js';
import type { Logger } from '../../../platform/logging/index.js';
import { rateLimitHeaders, type RequestRateLimiter } from '../rate-limit/index.js';

/** A `verifyClient` for ws' WebSocketServer. @param trustProxyHops see `platform/http/client-ip.ts`. */
export function connectionLimitVerifier(limiter: RequestRateLimiter, trustProxyHops: number, logger: Logger): VerifyClientCallbackAsync {
  // One warning per address per refusal window: a client hammering the upgrade must not hammer the log too.
  const warnedUntil = new Map<string, number>();
  const warn = (ip: string | undefined, retryAfterSeconds: number | undefined, limit: number) => {
    const key = ip ?? 'unknown';
    const now = Date.now();
    if ((warnedUntil.get(key) ?? 0) > now) return;
    if (warnedUntil.size >= 10_000) warnedUntil.clear();
    warnedUntil.set(key, now + (retryAfterSeconds ?? 60) * 1000);
    logger.warn({ ip, limit }, 'refusing graphql-ws connections from an address over the per-IP limit');
  };
  return (info, done) => {
    const ip = clientIp(info.req, trustProxyHops);
    // chargeConnection never rejects (the limiter falls back to this process, or lets through on its own failure).
    void limiter.chargeConnection(ip).then((outcome) => {
      if (outcome.allowed) return done(true);
      warn(ip, outcome.retryAfterSeconds, outcome.limit);
      done(false, 429, 'Too Many Requests', rateLimitHeaders(outcome));
    });
  };
}
