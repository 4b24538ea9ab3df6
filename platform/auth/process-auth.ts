// How one process gets its SubgraphAuth: identity loads its signing keys and verifies with their public half;
// every other process verifies with identity's published JWKS.
import { join } from 'node:path';
import { ConfigError } from '../config/index.js';
import { createAccessTokenVerifier } from './access-token-verifier.js';
import type { AuthConfig } from './config.js';
import { loadSigningKeys, type SigningKeys } from './signing-keys.js';

export interface ProcessAuth {
  config: AuthConfig;
  verify: ReturnType<typeof createAccessTokenVerifier>;
  signingKeys?: SigningKeys;
}

/**
 * For the process that signs (identity alone, or the embedded runner). Without configured keys, development
 * keeps a generated key in `<dataDir>/dev-signing-keys.json`; production refuses to start.
 */
export async function signingProcessAuth(config: AuthConfig, options: { production: boolean; dataDir: string }): Promise<ProcessAuth> {
  const signingKeys = await loadSigningKeys({
    jwks: config.signingJwks,
    jwksFile: config.signingJwksFile,
    developmentKeyFile: options.production ? undefined : join(options.dataDir, 'dev-signing-keys.json'),
  });
  return { config, signingKeys, verify: createAccessTokenVerifier({ jwks: signingKeys.publicJwks }, config) };
}

/** For a process that only verifies (gateway, subgraphs other than identity, run on their own). */
export function verifyingProcessAuth(config: AuthConfig): ProcessAuth {
  if (!config.jwksUrl) {
    throw new ConfigError("Set AUTH_JWKS_URL to identity's public keys, e.g. http://identity:4001/.well-known/jwks.json");
  }
  return { config, verify: createAccessTokenVerifier({ jwksUrl: config.jwksUrl }, config) };
}
