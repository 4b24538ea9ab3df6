// Random secrets and their stored forms. Tokens are stored only as hashes: a database leak reveals no usable
// refresh or reset token, and no one-time code.
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** An opaque bearer token: 32 random bytes, base64url (43 characters). */
export function newOpaqueToken(): string {
  return randomBytes(32).toString('base64url');
}

/** How refresh and reset tokens are stored. A fast hash is enough: the token has 256 bits of entropy. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** A six-digit code, uniformly from 000000..999999 (crypto.randomInt has no modulo bias). */
export function newOtpCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/**
 * How codes are stored: keyed, because a million codes are trivially enumerable from a plain hash. The phone is
 * bound in, so a hash cannot be replayed for another phone.
 */
export function otpCodeHash(secret: string, phone: string, code: string): string {
  return createHmac('sha256', secret).update(`${phone}:${code}`, 'utf8').digest('hex');
}

export function hexEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
