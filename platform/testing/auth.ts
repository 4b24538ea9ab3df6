// Real tokens for tests: a fresh ES256 key per test file, the same signer and verifier production uses.
import {
  createAccessTokenSigner,
  createAccessTokenVerifier,
  generateGatewaySecret,
  generateSigningJwks,
  loadSigningKeys,
  readAuthConfig,
  type AccessTokenSubject,
  type Role,
} from '../auth/index.js';
import type { SubgraphAuth } from '../graphql/index.js';

export interface TestAuth {
  auth: SubgraphAuth;
  /** A valid access token for this subject (default session id "test-session"). */
  tokenFor(subject: { userId: string; roles: readonly Role[]; sessionId?: string; fleetIds?: readonly string[] }): Promise<string>;
  /** `{ authorization: 'Bearer …' }` for that subject. */
  headersFor(subject: { userId: string; roles: readonly Role[]; sessionId?: string; fleetIds?: readonly string[] }): Promise<Record<string, string>>;
}

// The configuration a process gets with no AUTH_* variables set: the same issuer, audience and lifetimes.
const baseConfig = readAuthConfig({});

/** `auth.config.gatewaySecret` is a fresh one too: share the TestAuth between a test's gateway and its subgraphs. */
export async function createTestAuth(): Promise<TestAuth> {
  const config = { ...baseConfig, gatewaySecret: generateGatewaySecret() };
  const signingKeys = await loadSigningKeys({ jwks: JSON.stringify(await generateSigningJwks()) });
  const sign = createAccessTokenSigner(signingKeys, config);
  const tokenFor: TestAuth['tokenFor'] = async (subject) =>
    (await sign({ ...subject, sessionId: subject.sessionId ?? 'test-session' } satisfies AccessTokenSubject)).token;
  return {
    auth: { config, signingKeys, verify: createAccessTokenVerifier({ jwks: signingKeys.publicJwks }, config) },
    tokenFor,
    headersFor: async (subject) => ({ authorization: `Bearer ${await tokenFor(subject)}` }),
  };
}
