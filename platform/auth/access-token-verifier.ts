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
 * @throws AppError UNAUTHENTICATED for an expired, badly signed, wrongly addressed or malformed token, one without
 *   `exp` or `iat`, and one living longer than `maxAccessTokenLifetimeSeconds` (from `iat`, or from now); the
 *   message says which, without echoing the token.
 */
export function createAccessTokenVerifier(
  keys: VerifierKeys,
  config: Pick<AuthConfig, 'issuer' | 'audience' | 'maxAccessTokenLifetimeSeconds'>,
): AccessTokenVerifier {
  const keySet = keys.jwks
    ? createLocalJWKSet(keys.jwks)
    : keys.jwksUrl
      ? createRemoteJWKSet(new URL(keys.jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000, timeoutDuration: 3000 })
      : undefined;
  if (!keySet) throw new Error('createAccessTokenVerifier needs jwks or jwksUrl');
  const verified = new VerifiedTokenCache();

  return async (token) => {
    const cached = verified.get(token);
    if (cached) return cached;
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
    if (tooLongLived(payload.exp!, payload.iat!, config.maxAccessTokenLifetimeSeconds)) {
      throw new AppError('UNAUTHENTICATED', 'Access token lives longer than this service accepts; sign in again');
    }
    const roles = Array.isArray(payload.roles) ? payload.roles.filter(isRole) : [];
    const fleetIds = Array.isArray(payload.fleet_ids) ? payload.fleet_ids.filter((id): id is string => typeof id === 'string') : [];
    if (typeof payload.sid !== 'string' || !payload.sub) throw new AppError('UNAUTHENTICATED', 'Access token is malformed');
    const viewer = { userId: payload.sub, roles, sessionId: payload.sid, fleetIds, expiresAt: new Date((payload.exp ?? 0) * 1000) };
    verified.set(token, viewer);
    return viewer;
  };
}

/**
 * Remembers tokens that verified, until they expire. One client request is verified by the gateway and again by
 * every subgraph it reaches, with the same token; an ES256 verification was the largest single cost of a
 * request in profiles. Keyed by the whole token, so a hit is exactly as trustworthy as the verification it
 * repeats; bounded, evicting the oldest entries.
 */
class VerifiedTokenCache {
  private readonly entries = new Map<string, Viewer>();

  constructor(private readonly maxEntries = 10_000) {}

  get(token: string): Viewer | undefined {
    const viewer = this.entries.get(token);
    if (!viewer) return undefined;
    if (viewer.expiresAt.getTime() <= Date.now()) {
      this.entries.delete(token);
      return undefined;
    }
    return viewer;
  }

  set(token: string, viewer: Viewer): void {
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(token, viewer);
  }
}

/**
 * Lifetime as issued (`exp - iat`) and as remaining (`exp - now`): either beyond the maximum refuses the token. The
 * second keeps a future `iat` from hiding a far-off `exp`. (jose's `maxTokenAge` is not used: it refuses any `iat`
 * ahead of this clock, so a verifier a second behind identity would refuse fresh tokens.)
 */
function tooLongLived(exp: number, iat: number, maxSeconds: number): boolean {
  const now = Math.floor(Date.now() / 1000);
  return exp - iat > maxSeconds || exp - now > maxSeconds;
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
