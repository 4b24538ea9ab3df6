// Stripe's webhook signature scheme, for the development provider (which signs as Stripe does, so the route and
// its tests are the same for both): header `Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
// "<t>.<raw body>" keyed with the endpoint's secret>`. https://docs.stripe.com/webhooks#verify-manually
// The Stripe adapter verifies with the official package instead; a test checks both agree.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { WebhookVerificationError } from './provider.js';

export const STRIPE_SIGNATURE_HEADER = 'stripe-signature';
/** Stripe's default: a signed event older (or newer) than this is refused, so a captured one cannot be replayed later. */
export const DEFAULT_WEBHOOK_TOLERANCE_SECONDS = 300;

export function signStripeStyle(rawBody: Buffer | string, secret: string, timestampSeconds: number): string {
  return `t=${timestampSeconds},v1=${hmac(rawBody, secret, timestampSeconds)}`;
}

/**
 * Checks a Stripe-Signature header against the raw body: one of its v1 signatures must match and its timestamp be
 * within `toleranceSeconds` of `nowSeconds`.
 * @throws WebhookVerificationError saying which check failed.
 */
export function verifyStripeStyle(
  rawBody: Buffer,
  header: string | string[] | undefined,
  secret: string,
  options: { nowSeconds: number; toleranceSeconds?: number },
): void {
  if (typeof header !== 'string' || header === '') throw new WebhookVerificationError('missing Stripe-Signature header');
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [key, value] = part.split('=', 2).map((s) => s.trim());
    if (key === 't' && value && /^\d+$/.test(value)) timestamp = Number(value);
    if (key === 'v1' && value) signatures.push(value);
  }
  if (timestamp === undefined || signatures.length === 0) throw new WebhookVerificationError('Stripe-Signature header has no timestamp or no v1 signature');
  const expected = Buffer.from(hmac(rawBody, secret, timestamp), 'hex');
  const matches = signatures.some((signature) => {
    const given = Buffer.from(signature, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches) throw new WebhookVerificationError('no signature matches the body');
  const tolerance = options.toleranceSeconds ?? DEFAULT_WEBHOOK_TOLERANCE_SECONDS;
  if (Math.abs(options.nowSeconds - timestamp) > tolerance) throw new WebhookVerificationError('timestamp outside the tolerance zone');
}

function hmac(rawBody: Buffer | string, secret: string, timestampSeconds: number): string {
  return createHmac('sha256', secret).update(`${timestampSeconds}.`).update(rawBody).digest('hex');
}
