// Token settings shared by identity (which signs) and every verifier (gateway, subgraphs).
import { z } from 'zod';
import { envVar, readEnv } from '../config/index.js';
import { GATEWAY_SECRET_MIN_LENGTH } from './gateway-hop.js';

export interface AuthConfig {
  /** `iss` of access tokens. */
  issuer: string;
  /** `aud` of access tokens; a token for another audience is refused. */
  audience: string;
  /** Access token lifetime, at most 15 minutes. */
  accessTokenTtlSeconds: number;
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
      AUTH_JWKS_URL: envVar.url(['http:', 'https:'], 'http://identity:4001/.well-known/jwks.json').optional(),
      AUTH_SIGNING_JWKS: z.string().optional(),
      AUTH_SIGNING_JWKS_FILE: z.string().optional(),
      GATEWAY_SECRET: z.string().min(GATEWAY_SECRET_MIN_LENGTH, `must be at least ${GATEWAY_SECRET_MIN_LENGTH} characters (e.g. \`openssl rand -base64 48\`)`).optional(),
    },
    env,
  );
  return {
    issuer: e.AUTH_ISSUER,
    audience: e.AUTH_AUDIENCE,
    accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
    jwksUrl: e.AUTH_JWKS_URL,
    signingJwks: e.AUTH_SIGNING_JWKS,
    signingJwksFile: e.AUTH_SIGNING_JWKS_FILE,
    gatewaySecret: e.GATEWAY_SECRET,
  };
}
