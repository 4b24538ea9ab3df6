export { ROLES, STAFF_ROLES, isRole, type Role } from './roles.js';
export { hasAnyRole, canSeeFleet, type Viewer } from './viewer.js';
export { readAuthConfig, type AuthConfig } from './config.js';
export { loadSigningKeys, generateSigningJwks, SIGNING_ALGORITHM, type SigningKeys, type LoadSigningKeysOptions } from './signing-keys.js';
export { createAccessTokenSigner, type AccessTokenSigner, type AccessTokenSubject, type IssuedAccessToken } from './access-token-signer.js';
export { createAccessTokenVerifier, type AccessTokenVerifier, type VerifierKeys } from './access-token-verifier.js';
export { viewerFromAuthorization } from './viewer-from-header.js';
export { signingProcessAuth, verifyingProcessAuth, type ProcessAuth } from './process-auth.js';
