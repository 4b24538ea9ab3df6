// Verifies access tokens for the gateway and every subgraph — each verifies on its own, so reaching a subgraph
// port directly is no way around authentication.
import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify, type JSONWebKeySet } from 'jose';
import { AppError } from '../errors/index.js';
import type { AuthConfig } from './config.js';
import { isRole } from './roles.js';
import { SIGNING_ALGORITHM } from './signing-keys.js';
import type { Viewer } from './viewer.js';

export type AccessTokenVerifier = (token: string) => Promise<Viewer>;

export interface VerifierKeys {
  /** In-process public keys (embedded mode, tests). */
  jwks?: JSONWebKeySet;
  /** identity's JWKS endpoint (distributed mode); fetched on first use, cached, refetched for an unknown kid. */
  jwksUrl?: string;
}

/**
 * @throws AppError UNAUTHENTICATED for an expired, badly signed, wrongly addressed or malformed token; the
 *   message says which, without echoing the token.
 */
export function createAccessTokenVerifier(keys: VerifierKeys, config: Pick<AuthConfig, 'issuer' | 'audience'>): AccessTokenVerifier {
  const keySet = keys.jwks
    ? createLocalJWKSet(keys.jwks)
    : keys.jwksUrl
      ? createRemoteJWKSet(new URL(keys.jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000, timeoutDuration: 3000 })
      : undefined;
  if (!keySet) throw new Error('createAccessTokenVerifier needs jwks or jwksUrl');

  return async (token) => {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, keySet, {
        issuer: config.issuer,
        audience: config.audience,
        algorithms: [SIGNING_ALGORITHM],
        typ: 'at+jwt',
        requiredClaims: ['sub', 'exp', 'iat'],
      }));
    } catch (error) {
      throw unauthenticated(error);
    }
    const roles = Array.isArray(payload.roles) ? payload.roles.filter(isRole) : [];
    const fleetIds = Array.isArray(payload.fleet_ids) ? payload.fleet_ids.filter((id): id is string => typeof id === 'string') : [];
    if (typeof payload.sid !== 'string' || !payload.sub) throw new AppError('UNAUTHENTICATED', 'Access token is malformed');
    return { userId: payload.sub, roles, sessionId: payload.sid, fleetIds, expiresAt: new Date((payload.exp ?? 0) * 1000) };
  };
}

function unauthenticated(error: unknown): AppError {
  if (error instanceof errors.JWTExpired) return new AppError('UNAUTHENTICATED', 'Access token has expired; refresh the session');
  if (error instanceof errors.JWTClaimValidationFailed) return new AppError('UNAUTHENTICATED', `Access token is not valid here (${error.claim})`);
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return new AppError('UNAUTHENTICATED', 'Access token signature is not valid');
  }
  if (error instanceof errors.JWKSTimeout || (error instanceof Error && error.name === 'JWKSInvalid')) {
    return new AppError('SERVICE_UNAVAILABLE', 'Cannot verify the access token right now; retry later');
  }
  return new AppError('UNAUTHENTICATED', 'Access token is malformed');
}
