// Encryption of bank account numbers at rest: AES-256-GCM with PAYMENTS_DATA_KEY (config.ts), a fresh 12-byte IV
// per value, and the owner's id as additional authenticated data, so a ciphertext copied onto another driver's row
// does not decrypt. Stored as "v1.<iv>.<tag>.<ciphertext>" (base64url); the version names the scheme, not the key.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';

export interface DataCipher {
  encrypt(plaintext: string, boundTo: string): string;
  /** @throws Error when the value was not made with this key for `boundTo` (tampered, other key, other owner). */
  decrypt(stored: string, boundTo: string): string;
}

export function createDataCipher(key: Buffer): DataCipher {
  if (key.length !== 32) throw new Error(`the data key must be 32 bytes, got ${key.length}`);
  return {
    encrypt(plaintext, boundTo) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(boundTo, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join('.');
    },
    decrypt(stored, boundTo) {
      const [version, iv, tag, ciphertext] = stored.split('.');
      if (version !== VERSION || iv === undefined || tag === undefined || ciphertext === undefined) throw new Error('not an encrypted value of this scheme');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(boundTo, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}
