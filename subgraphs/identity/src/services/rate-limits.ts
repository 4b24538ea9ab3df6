// identity's rate limits. Budgets are per fixed window; a refused request gets RATE_LIMITED with
// `extensions.retryAfterSeconds`. Per-IP budgets are generous because many clients share a carrier NAT; the
// per-phone and per-email budgets are what stop SMS pumping and password guessing against one account.
import type { RateLimiter, RateLimiterStore, RateLimitRule } from '../../../../platform/rate-limit/index.js';

export interface IdentityLimits {
  /** Codes sent to one phone. */
  otpRequestPerPhone: Omit<RateLimitRule, 'name'>;
  /** Codes requested from one client IP (any phones). */
  otpRequestPerIp: Omit<RateLimitRule, 'name'>;
  /** Code guesses from one client IP (each code also dies after 5 wrong guesses). */
  otpVerifyPerIp: Omit<RateLimitRule, 'name'>;
  /** Password sign-in attempts for one email; a successful sign-in clears it. */
  signInPerEmail: Omit<RateLimitRule, 'name'>;
  /** Password sign-in attempts from one client IP. */
  signInPerIp: Omit<RateLimitRule, 'name'>;
  /** Accounts registered from one client IP. */
  registerPerIp: Omit<RateLimitRule, 'name'>;
  /** Reset emails for one address (whether or not it has an account). */
  passwordResetPerEmail: Omit<RateLimitRule, 'name'>;
  /** Reset requests from one client IP. */
  passwordResetPerIp: Omit<RateLimitRule, 'name'>;
  /** changePassword attempts of one account: a stolen access token must not become a password-guessing oracle. */
  changePasswordPerUser: Omit<RateLimitRule, 'name'>;
}

export const DEFAULT_LIMITS: IdentityLimits = {
  otpRequestPerPhone: { points: 5, durationSeconds: 3600 },
  otpRequestPerIp: { points: 30, durationSeconds: 3600 },
  otpVerifyPerIp: { points: 60, durationSeconds: 3600 },
  signInPerEmail: { points: 10, durationSeconds: 900 },
  signInPerIp: { points: 100, durationSeconds: 900 },
  registerPerIp: { points: 20, durationSeconds: 3600 },
  passwordResetPerEmail: { points: 3, durationSeconds: 3600 },
  passwordResetPerIp: { points: 20, durationSeconds: 3600 },
  changePasswordPerUser: { points: 10, durationSeconds: 900 },
};

export type IdentityLimiters = Record<keyof IdentityLimits, RateLimiter>;

export function createIdentityLimiters(store: RateLimiterStore, overrides: Partial<IdentityLimits> = {}): IdentityLimiters {
  const limits = { ...DEFAULT_LIMITS, ...overrides };
  return Object.fromEntries(
    (Object.keys(limits) as (keyof IdentityLimits)[]).map((name) => [name, store.limiter({ name, ...limits[name] })]),
  ) as IdentityLimiters;
}

/** Requests whose client address is unknown share one budget rather than escaping the limit. */
export const ipKey = (ip: string | undefined) => ip ?? 'unknown';
