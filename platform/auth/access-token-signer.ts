// Issues access tokens (identity only). Short-lived by design: revocation is enforced at refresh, so a
// revoked session stops working within one token lifetime.
import { SignJWT } from 'jose';
import type { AuthConfig } from './config.js';
import type { Role } from './roles.js';
import { SIGNING_ALGORITHM, type SigningKeys } from './signing-keys.js';

export interface AccessTokenSubject {
  userId: string;
  roles: readonly Role[];
  sessionId: string;
  fleetIds?: readonly string[];
}

export interface IssuedAccessToken {
  token: string;
  expiresAt: Date;
}

export type AccessTokenSigner = (subject: AccessTokenSubject) => Promise<IssuedAccessToken>;

export function createAccessTokenSigner(keys: SigningKeys, config: Pick<AuthConfig, 'issuer' | 'audience' | 'accessTokenTtlSeconds'>): AccessTokenSigner {
  return async (subject) => {
    const now = Math.floor(Date.now() / 1000);
    const exp = now + config.accessTokenTtlSeconds;
    const token = await new SignJWT({ roles: [...subject.roles], sid: subject.sessionId, fleet_ids: [...(subject.fleetIds ?? [])] })
      .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: keys.current.kid, typ: 'at+jwt' })
      .setSubject(subject.userId)
      .setIssuer(config.issuer)
      .setAudience(config.audience)
      .setIssuedAt(now)
      .setExpirationTime(exp)
      .sign(keys.current.privateKey);
    return { token, expiresAt: new Date(exp * 1000) };
  };
}
