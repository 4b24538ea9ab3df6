// Token settings shared by identity (which signs) and every verifier (gateway, subgraphs).
import { z } from 'zod';
import { ConfigError, envVar, readEnv } from '../config/index.js';

/** Clock difference between identity and a verifier that the default maximum token lifetime tolerates. */
export const CLOCK_SKEW_ALLOWANCE_SECONDS = 60;
/** The longest maximum lifetime a verifier may be configured with: 15 minutes plus 5 minutes of skew. */
const MAX_ACCEPTED_LIFETIME_SECONDS = 1200;
import { GATEWAY_SECRET_MIN_LENGTH } from './gateway-hop.js';

export interface AuthConfig {
  /** `iss` of access tokens. */
  issuer: string;
  /** `aud` of access tokens; a token for another audience is refused. */
  audience: string;
  /** Access token lifetime, at most 15 minutes. */
  accessTokenTtlSeconds: number;
  /**
   * Verifiers refuse a correctly signed token whose lifetime (`exp - iat`) or remaining life (`exp - now`) is
   * longer: a token minted with a far-off expiry (a leaked key, a signer bug) must not outlive revocation.
   */
  maxAccessTokenLifetimeSeconds: number;
  /**
   * Where verifiers fetch the public keys (identity's `/.well-known/jwks.json`) in distributed mode. Unset in
   * embedded mode, where the keys are handed over in-process.
   */
  jwksUrl: string | undefined;
  /** Identity only: private signing keys as a JWKS (JSON), newest first; the first signs, all verify. */
  signingJwks: string | undefined;
  /** Identity only: a file holding that JWKS (e.g. a mounted secret). */
  signingJwksFile: string | undefined;
  /**
   * GATEWAY_SECRET: what the gateway proves itself with to the subgraphs (gateway-hop.ts); the same value on the
   * gateway and every subgraph. Unset: embedded mode and tests generate one in-process; a process run on its own
   * requires it in production (requireGatewaySecret).
   */
  gatewaySecret?: string;
}

/** @throws ConfigError naming each invalid variable. */
export function readAuthConfig(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const e = readEnv(
    {
      AUTH_ISSUER: z.string().default('ridegraph-identity'),
      AUTH_AUDIENCE: z.string().default('ridegraph'),
      ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(900, 'must be at most 900 (15 minutes)').default(900),
      ACCESS_TOKEN_MAX_LIFETIME_SECONDS: z.coerce
        .number()
        .int()
        .min(30)
        .max(MAX_ACCEPTED_LIFETIME_SECONDS, `must be at most ${MAX_ACCEPTED_LIFETIME_SECONDS} (15 minutes plus clock skew)`)
        .optional(),
      AUTH_JWKS_URL: envVar.url(['http:', 'https:'], 'http://identity:4001/.well-known/jwks.json').optional(),
      AUTH_SIGNING_JWKS: z.string().optional(),
      AUTH_SIGNING_JWKS_FILE: z.string().optional(),
      GATEWAY_SECRET: z
        .string()
        .min(GATEWAY_SECRET_MIN_LENGTH, `must be at least ${GATEWAY_SECRET_MIN_LENGTH} characters (e.g. \`openssl rand -base64 48\`)`)
        .optional(),
    },
    env,
  );
  const maxLifetime = e.ACCESS_TOKEN_MAX_LIFETIME_SECONDS ?? e.ACCESS_TOKEN_TTL_SECONDS + CLOCK_SKEW_ALLOWANCE_SECONDS;
  if (maxLifetime < e.ACCESS_TOKEN_TTL_SECONDS) {
    // Every token identity issues would be refused: fail at start, not on every request.
    throw new ConfigError(
      `Invalid configuration — fix these environment variables:\n  ACCESS_TOKEN_MAX_LIFETIME_SECONDS: must be at least ACCESS_TOKEN_TTL_SECONDS (${e.ACCESS_TOKEN_TTL_SECONDS}) (got "${maxLifetime}")`,
    );
  }
  return {
    issuer: e.AUTH_ISSUER,
    audience: e.AUTH_AUDIENCE,
    accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
    maxAccessTokenLifetimeSeconds: maxLifetime,
    jwksUrl: e.AUTH_JWKS_URL,
    signingJwks: e.AUTH_SIGNING_JWKS,
    signingJwksFile: e.AUTH_SIGNING_JWKS_FILE,
    gatewaySecret: e.GATEWAY_SECRET,
  };
}
