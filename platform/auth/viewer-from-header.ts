// Turns an Authorization header into a viewer: no header → null (public fields still work); a header that is
// not a valid bearer token → UNAUTHENTICATED for the whole request, never a silent downgrade to anonymous.
import { AppError } from '../errors/index.js';
import type { AccessTokenVerifier } from './access-token-verifier.js';
import type { Viewer } from './viewer.js';

export async function viewerFromAuthorization(header: string | undefined, verify: AccessTokenVerifier): Promise<Viewer | null> {
  if (header === undefined || header === '') return null;
  const token = bearerToken(header);
  if (!token) throw withStatus(new AppError('UNAUTHENTICATED', 'Authorization must be "Bearer <access token>"'));
  try {
    return await verify(token);
  } catch (error) {
    throw error instanceof AppError ? withStatus(error) : error;
  }
}

/**
 * The token of a `Bearer <token>` credential, or null for anything else. The scheme is matched in any letter case
 * (`bearer`, `BEARER`): RFC 7235 §2.1 makes auth schemes case-insensitive, and RFC 6750 clients rely on it.
 */
export function bearerToken(header: string): string | null {
  return /^Bearer\s+([A-Za-z0-9._~+/-]+=*)$/i.exec(header.trim())?.[1] ?? null;
}

// Raised while building the request context, these fail the whole request; Apollo Server takes the HTTP status
// from `extensions.http` (401 asks the client to sign in again, 503 to retry).
function withStatus(error: AppError): AppError {
  const status = error.code === 'UNAUTHENTICATED' ? 401 : error.code === 'SERVICE_UNAVAILABLE' ? 503 : 400;
  return new AppError(error.code, error.message, { extensions: { http: { status } } });
}
