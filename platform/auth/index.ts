export { ROLES, STAFF_ROLES, isRole, type Role } from './roles.js';
export { hasAnyRole, canSeeFleet, type Viewer } from './viewer.js';
export { readAuthConfig, type AuthConfig } from './config.js';
export { loadSigningKeys, generateSigningJwks, SIGNING_ALGORITHM, type SigningKeys, type LoadSigningKeysOptions } from './signing-keys.js';
export { createAccessTokenSigner, type AccessTokenSigner, type AccessTokenSubject, type IssuedAccessToken } from './access-token-signer.js';
export { createAccessTokenVerifier, type AccessTokenVerifier, type VerifierKeys } from './access-token-verifier.js';
export { viewerFromAuthorization } from './viewer-from-header.js';
export { signingProcessAuth, verifyingProcessAuth, type ProcessAuth } from './process-auth.js';
export { readAuthorizationRule, combineRules, describeScopes, PUBLIC, AUTHENTICATED, type AuthorizationRule } from './authorization-rule.js';
export { compileRuleCheck, type ViewerCheck } from './rule-check.js';
export { applyAuthorization, AuthorizationSchemaError, type AuthorizationContext } from './enforce-authorization.js';
export { OPERATIONS_ROLES, seesEverything, canActForUser, assertCanActForUser, visibleFleetIds } from './access.js';
export {
  GATEWAY_HOP_HEADER,
  FORWARDED_HEADERS,
  createGatewayHop,
  generateGatewaySecret,
  requestThroughHop,
  requireGatewaySecret,
  type GatewayHop,
} from './gateway-hop.js';
