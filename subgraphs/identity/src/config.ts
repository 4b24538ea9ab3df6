// identity's own settings, read once at build time. Secrets (OTP_SECRET) live only in the returned object and
// are never logged or returned by the API.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { ConfigError, readEnv } from '../../../platform/config/index.js';
import { readTrustProxyHops } from '../../../platform/http/client-ip.js';
import { readSimulationOptions, type SimulationOptions } from '../../../platform/providers/index.js';
import type { Logger } from '../../../platform/logging/index.js';

export interface IdentityConfig {
  /** HMAC key for one-time codes (OTP_SECRET). Whoever has it and the database can test codes offline. */
  otpSecret: string;
  /** Proxies in front of identity that append to X-Forwarded-For (TRUST_PROXY_HOPS, default 1: the gateway). */
  trustProxyHops: number;
  /** Prefix of identity's rate-limit keys in Redis (RATE_LIMIT_PREFIX, default `ridegraph:rl:identity:`). */
  rateLimitPrefix: string;
  /** How long a session lives without a refresh (REFRESH_TOKEN_TTL_SECONDS, default 30 days). */
  refreshTokenTtlSeconds: number;
  /** The page of the app that takes a reset token (PASSWORD_RESET_URL); the token is appended as `?token=`. */
  passwordResetUrl: string;
  /** The page of the app that takes an email verification token (EMAIL_VERIFICATION_URL); appended as `?token=`. */
  emailVerificationUrl: string;
  /** Failure/latency simulation of the development SMS and email providers (DEV_SMS_*, DEV_EMAIL_*). */
  smsSimulation: SimulationOptions;
  emailSimulation: SimulationOptions;
  /** How long an email verification link works (EMAIL_VERIFICATION_TTL_SECONDS, default 24 hours). */
  emailVerificationTtlSeconds: number;
  /** Live sessions a user may hold; a sign-in beyond it ends the least recently used (IDENTITY_MAX_SESSIONS_PER_USER, default 10). */
  maxSessionsPerUser: number;
  /**
   * How recent a phone-code sign-in must be for an account without a password to change its email
   * (IDENTITY_REAUTH_MAX_AGE_SECONDS, default 600): the session asking must have been opened that recently.
   */
  reauthMaxAgeSeconds: number;
  /** How long ended or expired sessions, spent codes and tokens are kept before the clean-up deletes them (IDENTITY_CLEANUP_RETENTION_DAYS, default 30). */
  cleanupRetentionDays: number;
  /** How often the clean-up looks for rows to delete (IDENTITY_CLEANUP_INTERVAL_SECONDS, default 3600; 0 turns it off). */
  cleanupIntervalSeconds: number;
}

const MIN_SECRET_LENGTH = 32;

/**
 * Development (and test) without OTP_SECRET: a random secret for this process, with a warning — codes sent
 * before a restart then stop working, which is harmless there. Production without it refuses to start.
 * Production also refuses the development SMS/email providers (they log codes and reset tokens) unless
 * ALLOW_DEVELOPMENT_PROVIDERS=true says that is intended (a staging environment).
 * @throws ConfigError naming each invalid or missing variable.
 */
export function readIdentityConfig(env: NodeJS.ProcessEnv = process.env, logger?: Logger): IdentityConfig {
  const e = readEnv(
    {
      NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
      OTP_SECRET: z.string().min(MIN_SECRET_LENGTH, `must be at least ${MIN_SECRET_LENGTH} characters (e.g. \`openssl rand -base64 48\`)`).optional(),
      RATE_LIMIT_PREFIX: z.string().min(1, 'must not be empty').default('ridegraph:rl:identity:'),
      REFRESH_TOKEN_TTL_SECONDS: z.coerce
        .number()
        .int()
        .min(3600, 'must be at least 3600 (1 hour)')
        .max(90 * 86400, 'must be at most 7776000 (90 days)')
        .default(30 * 86400),
      PASSWORD_RESET_URL: z.string().url('must be a URL, e.g. https://app.example.com/reset-password').default('http://localhost:3000/reset-password'),
      EMAIL_VERIFICATION_URL: z.string().url('must be a URL, e.g. https://app.example.com/verify-email').default('http://localhost:3000/verify-email'),
      ALLOW_DEVELOPMENT_PROVIDERS: z.enum(['true', 'false']).default('false'),
      EMAIL_VERIFICATION_TTL_SECONDS: z.coerce
        .number()
        .int()
        .min(300, 'must be at least 300 (5 minutes)')
        .max(7 * 86400, 'must be at most 604800 (7 days)')
        .default(86400),
      IDENTITY_REAUTH_MAX_AGE_SECONDS: z.coerce.number().int().min(60, 'must be at least 60').max(86400, 'must be at most 86400 (1 day)').default(600),
      IDENTITY_MAX_SESSIONS_PER_USER: z.coerce.number().int().min(1, 'must be at least 1').max(1000, 'must be at most 1000').default(10),
      IDENTITY_CLEANUP_RETENTION_DAYS: z.coerce.number().int().min(1, 'must be at least 1').max(3650, 'must be at most 3650').default(30),
      IDENTITY_CLEANUP_INTERVAL_SECONDS: z.coerce.number().int().min(0, 'must be 0 (off) or more').default(3600),
    },
    env,
  );
  const production = e.NODE_ENV === 'production';
  if (production && !e.OTP_SECRET) {
    throw new ConfigError(
      `Set OTP_SECRET (at least ${MIN_SECRET_LENGTH} random characters, e.g. \`openssl rand -base64 48\`): identity hashes one-time codes with it.`,
    );
  }
  if (production && e.ALLOW_DEVELOPMENT_PROVIDERS !== 'true') {
    throw new ConfigError(
      'identity has only development SMS and email providers, which write codes and reset tokens to the log. ' +
        'Set ALLOW_DEVELOPMENT_PROVIDERS=true to run them in production anyway (staging), or add a real provider.',
    );
  }
  let otpSecret = e.OTP_SECRET;
  if (!otpSecret) {
    otpSecret = randomBytes(48).toString('base64url');
    logger?.warn('OTP_SECRET is not set: using a random secret for this process (codes do not survive a restart). Production requires OTP_SECRET.');
  }
  return {
    otpSecret,
    trustProxyHops: readTrustProxyHops(env),
    rateLimitPrefix: e.RATE_LIMIT_PREFIX,
    refreshTokenTtlSeconds: e.REFRESH_TOKEN_TTL_SECONDS,
    passwordResetUrl: e.PASSWORD_RESET_URL,
    emailVerificationUrl: e.EMAIL_VERIFICATION_URL,
    smsSimulation: readSimulationOptions('SMS', env),
    emailSimulation: readSimulationOptions('EMAIL', env),
    emailVerificationTtlSeconds: e.EMAIL_VERIFICATION_TTL_SECONDS,
    maxSessionsPerUser: e.IDENTITY_MAX_SESSIONS_PER_USER,
    reauthMaxAgeSeconds: e.IDENTITY_REAUTH_MAX_AGE_SECONDS,
    cleanupRetentionDays: e.IDENTITY_CLEANUP_RETENTION_DAYS,
    cleanupIntervalSeconds: e.IDENTITY_CLEANUP_INTERVAL_SECONDS,
  };
}
