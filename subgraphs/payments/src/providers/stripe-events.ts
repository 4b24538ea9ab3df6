// Reduces a Stripe-shaped webhook event (Stripe's own, or the development provider's, which copies its shape) to
// what payments acts on. One parser for both, so the development provider exercises the same path as Stripe.
import { WebhookVerificationError, type ProviderWebhookEvent } from './provider.js';

/** The parts of a Stripe event read here (https://docs.stripe.com/api/events/object). */
export interface StripeShapedEvent {
  id: string;
  type: string;
  /** Unix seconds. */
  created: number;
  data: { object: Record<string, unknown> };
}

export function toProviderWebhookEvent(event: StripeShapedEvent): ProviderWebhookEvent {
  const object = event.data.object;
  const base = {
    id: event.id,
    providerType: event.type,
    providerPaymentId: null,
    providerRefundId: null,
    failureCode: null,
    createdAt: new Date(event.created * 1000),
    metadata: stringRecord(object.metadata),
  };
  switch (event.type) {
    case 'payment_intent.succeeded':
      return { ...base, kind: 'charge.succeeded', providerPaymentId: stringOrNull(object.id) };
    case 'payment_intent.payment_failed': {
      // As for a synchronous decline: the issuer's reason (decline_code) when there is one, else Stripe's code.
      const error = (object.last_payment_error ?? {}) as Record<string, unknown>;
      const failureCode = stringOrNull(error.decline_code) ?? stringOrNull(error.code) ?? 'payment_failed';
      return { ...base, kind: 'charge.failed', providerPaymentId: stringOrNull(object.id), failureCode };
    }
    case 'refund.updated':
    case 'charge.refund.updated': {
      // A refund that was pending settles; a refund still pending (or created, canceled by us) changes nothing here.
      const refund = { ...base, providerRefundId: stringOrNull(object.id), providerPaymentId: stringOrNull(object.payment_intent) };
      if (object.status === 'succeeded') return { ...refund, kind: 'refund.succeeded' };
      if (object.status === 'failed') return { ...refund, kind: 'refund.failed', failureCode: stringOrNull(object.failure_reason) ?? 'refund_failed' };
      return { ...refund, kind: 'ignored' };
    }
    // Payment links are Checkout Sessions: paid once completed with payment_status paid (an asynchronous method
    // completes unpaid first and is not money yet), expired when nobody paid in time.
    case 'checkout.session.completed':
      return object.payment_status === 'paid' ? { ...base, kind: 'link.paid', providerLinkId: stringOrNull(object.id) } : { ...base, kind: 'ignored' };
    case 'checkout.session.async_payment_succeeded':
      return { ...base, kind: 'link.paid', providerLinkId: stringOrNull(object.id) };
    case 'checkout.session.expired':
      return { ...base, kind: 'link.expired', providerLinkId: stringOrNull(object.id) };
    // Payouts (stripe-provider.ts `payout`): a payout of a connected account reached the bank, or came back.
    case 'payout.paid':
      return { ...base, kind: 'payout.paid', providerPayoutId: stringOrNull(object.id) };
    case 'payout.failed':
      return { ...base, kind: 'payout.failed', providerPayoutId: stringOrNull(object.id), failureCode: stringOrNull(object.failure_code) ?? 'payout_failed' };
    default:
      return { ...base, kind: 'ignored' };
  }
}

/**
 * Parses a verified body as a Stripe-shaped event.
 * @throws WebhookVerificationError when it is not one (a signed body of another shape is still refused).
 */
export function parseStripeShapedEvent(rawBody: Buffer | string): StripeShapedEvent {
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody.toString());
  } catch {
    throw new WebhookVerificationError('webhook body is not JSON');
  }
  if (!isStripeShapedEvent(parsed)) throw new WebhookVerificationError('webhook body is not an event (id, type, created, data.object)');
  return parsed;
}

export function isStripeShapedEvent(value: unknown): value is StripeShapedEvent {
  if (typeof value !== 'object' || value === null) return false;
  const event = value as Record<string, unknown>;
  const data = event.data as Record<string, unknown> | undefined;
  return (
    typeof event.id === 'string' &&
    typeof event.type === 'string' &&
    typeof event.created === 'number' &&
    typeof data === 'object' &&
    data !== null &&
    typeof data.object === 'object' &&
    data.object !== null
  );
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function stringRecord(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}
