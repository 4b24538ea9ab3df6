// Identity's access-token signing keys (ES256). Only identity holds the private keys; everyone else verifies
// with the public half, published as a JWKS. Keys rotate by `kid`: put the new key first, keep the old one
// until tokens signed with it have expired (15 minutes), then remove it.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JSONWebKeySet, type JWK, type CryptoKey } from 'jose';
import { ConfigError } from '../config/index.js';

export const SIGNING_ALGORITHM = 'ES256';

export interface SigningKeys {
  /** Signs new tokens. */
  current: { kid: string; privateKey: CryptoKey };
  /** Public halves of every key still accepted; what `/.well-known/jwks.json` serves. */
  publicJwks: JSONWebKeySet;
}

export interface LoadSigningKeysOptions {
  /** JWKS JSON of private keys (AUTH_SIGNING_JWKS). */
  jwks?: string;
  /** File holding that JSON (AUTH_SIGNING_JWKS_FILE). */
  jwksFile?: string;
  /**
   * Development only: where to keep a generated key so tokens survive restarts. Without `jwks`/`jwksFile` and
   * without this, loading fails — production must be given its keys.
   */
  developmentKeyFile?: string;
}

/** @throws ConfigError when no keys are configured outside development, or the JWKS is malformed. */
export async function loadSigningKeys(options: LoadSigningKeysOptions): Promise<SigningKeys> {
  const text = options.jwks ?? (options.jwksFile ? readFileSync(options.jwksFile, 'utf8') : undefined);
  if (text !== undefined) return fromPrivateJwks(parseJwks(text));
  if (!options.developmentKeyFile) {
    throw new ConfigError(
      "Set AUTH_SIGNING_JWKS or AUTH_SIGNING_JWKS_FILE to identity's private signing keys (a JWKS of ES256 keys; `npm run auth:keygen` makes one).",
    );
  }
  if (existsSync(options.developmentKeyFile)) return fromPrivateJwks(parseJwks(readFileSync(options.developmentKeyFile, 'utf8')));
  const jwks = await generateSigningJwks();
  mkdirSync(dirname(options.developmentKeyFile), { recursive: true });
  writeFileSync(options.developmentKeyFile, JSON.stringify(jwks), { mode: 0o600 });
  return fromPrivateJwks(jwks);
}

/** A new private JWKS with one ES256 key (what `npm run auth:keygen` prints). */
export async function generateSigningJwks(): Promise<JSONWebKeySet> {
  const { privateKey } = await generateKeyPair(SIGNING_ALGORITHM, { extractable: true });
  const jwk = await exportJWK(privateKey);
  const kid = `ridegraph-${new Date().toISOString().slice(0, 10)}-${Math.random().toString(36).slice(2, 8)}`;
  return { keys: [{ ...jwk, kid, alg: SIGNING_ALGORITHM, use: 'sig' }] };
}

function parseJwks(text: string): JSONWebKeySet {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ConfigError('The signing JWKS is not valid JSON.');
  }
  const keys = (parsed as { keys?: unknown }).keys;
  if (!Array.isArray(keys) || keys.length === 0) throw new ConfigError('The signing JWKS must be {"keys": [...]} with at least one key.');
  return { keys: keys as JWK[] };
}

async function fromPrivateJwks(jwks: JSONWebKeySet): Promise<SigningKeys> {
  const [first] = jwks.keys;
  for (const key of jwks.keys) {
    if (!key.kid || !key.d || key.kty !== 'EC' || key.crv !== 'P-256') {
      throw new ConfigError('Every signing key must be a private EC P-256 JWK (ES256) with a kid.');
    }
  }
  const privateKey = (await importJWK(first as JWK, SIGNING_ALGORITHM)) as CryptoKey;
  return {
    current: { kid: first!.kid!, privateKey },
    // The public half is the private JWK without `d`; never publish `d`.
    publicJwks: { keys: jwks.keys.map(({ d: _private, ...publicPart }) => ({ ...publicPart, alg: SIGNING_ALGORITHM, use: 'sig' })) },
  };
}
