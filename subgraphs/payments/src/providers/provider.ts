// The payment provider as payments sees it: save a card, charge it, refund, and read the provider's webhooks.
// Implementations: development-provider.ts (default in embedded mode, no network) and stripe-provider.ts (the
// official `stripe` package). Amounts are integer minor units; currencies ISO 4217 in capitals.

/** A card as the provider describes it (never the number). */
export interface ProviderCard {
  /** The provider's id of the saved card (Stripe: pm_…). */
  providerMethodId: string;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
}

/** What a charge or refund came to. `pending`: the provider answers later, by webhook. */
export type ChargeOutcome =
  | { status: 'succeeded'; providerPaymentId: string }
  | { status: 'pending'; providerPaymentId: string }
  | { status: 'declined'; providerPaymentId: string | null; declineCode: string; message: string };

export type RefundOutcome =
  { status: 'succeeded' | 'pending'; providerRefundId: string } | { status: 'failed'; providerRefundId: string | null; failureCode: string; message: string };

/** A webhook the provider sent, verified and reduced to what payments acts on. */
export interface ProviderWebhookEvent {
  /** The provider's event id: a replay of the same id changes nothing. */
  id: string;
  /** The provider's own type, e.g. payment_intent.succeeded (stored for inspection). */
  providerType: string;
  kind:
    'charge.succeeded' | 'charge.failed' | 'refund.succeeded' | 'refund.failed' | 'link.paid' | 'link.expired' | 'payout.paid' | 'payout.failed' | 'ignored';
  providerPaymentId: string | null;
  providerRefundId: string | null;
  /** For failures: the provider's code, e.g. card_declined. */
  failureCode: string | null;
  createdAt: Date;
  /** For link.paid / link.expired: the provider's id of the payment link (Stripe: the Checkout Session, cs_…). */
  providerLinkId?: string | null;
  /**
   * The metadata given to `charge`/`refund`, as the provider echoes it (payments' payment id), so an event that
   * arrives before the charge's answer was recorded can still be matched. Empty when the event carries none.
   */
  metadata?: Record<string, string>;
  /** For payout.paid / payout.failed: the provider's payout id (Stripe: po_…). */
  providerPayoutId?: string | null;
}

/** Where a payout goes: the driver's bank account as stored (decrypted for the call only). */
export interface PayoutDestinationDetails {
  holderName: string;
  /** IBAN or account number, no spaces. */
  accountNumber: string;
  /** Sort code, ABA routing number or BIC; null with an IBAN. */
  routingCode: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** The provider's account of the driver when it needs one (Stripe Connect: acct_…). */
  providerAccountId: string | null;
}

/**
 * What a payout came to. `pending`: the provider pays and answers by webhook (payout.paid / payout.failed);
 * `failed`: refused now, nothing left the platform.
 */
export interface PayoutOutcome {
  status: 'pending' | 'paid' | 'failed';
  providerPayoutId: string | null;
  failureCode?: string;
}

/** The provider could not be reached or answered with a server error: safe to retry with the same idempotency key. */
export class ProviderUnavailableError extends Error {
  override readonly name = 'ProviderUnavailableError';
}

/** The provider refused what was sent (a bad token, an unknown card): retrying will not help. */
export class ProviderRejectedError extends Error {
  override readonly name = 'ProviderRejectedError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A webhook whose signature, timestamp or body does not verify: answer 400, change nothing. */
export class WebhookVerificationError extends Error {
  override readonly name = 'WebhookVerificationError';
}

export interface PaymentProvider {
  /** "development" or "stripe": stored with saved cards and webhook events. */
  readonly name: string;
  /** Creates the provider's customer for a user (once; payments stores the id). */
  createCustomer(input: { userId: string; idempotencyKey: string }): Promise<{ customerId: string }>;
  /**
   * Saves the card behind a client-side token for the customer.
   * @throws ProviderRejectedError for a token the provider does not accept; ProviderUnavailableError when unreachable.
   */
  attachCard(input: { customerId: string; token: string }): Promise<ProviderCard>;
  /** Forgets a saved card at the provider (best effort: payments removes it on its side regardless). */
  detachCard(input: { providerMethodId: string }): Promise<void>;
  /**
   * Charges a saved card off-session. The same `idempotencyKey` never charges twice (a retry after a timeout
   * returns the first outcome).
   * @throws ProviderUnavailableError when unreachable or on a provider server error (retry later, same key).
   */
  charge(input: {
    idempotencyKey: string;
    customerId: string;
    providerMethodId: string;
    amountMinor: number;
    currency: string;
    description: string;
    /** Echoed by the provider in webhooks; payments puts its payment id here. */
    metadata: Record<string, string>;
  }): Promise<ChargeOutcome>;
  /** @throws ProviderUnavailableError as `charge`. */
  refund(input: { idempotencyKey: string; providerPaymentId: string; amountMinor: number; metadata: Record<string, string> }): Promise<RefundOutcome>;
  /**
   * Verifies a webhook as the provider signs it (signature over the raw body, timestamp tolerance) and parses it.
   * @throws WebhookVerificationError when it does not verify.
   */
  verifyWebhook(rawBody: Buffer, headers: Record<string, string | string[] | undefined>): ProviderWebhookEvent;
  /**
   * Pays `amountMinor` to a bank account. The same `idempotencyKey` never pays twice.
   * @throws ProviderUnavailableError when unreachable (retry later, same key).
   */
  payout(input: {
    idempotencyKey: string;
    destination: PayoutDestinationDetails;
    amountMinor: number;
    currency: string;
    /** Echoed by the provider in webhooks; payments puts its payout item id here. */
    metadata: Record<string, string>;
  }): Promise<PayoutOutcome>;
  /**
   * Makes a hosted payment page for one amount (Stripe: a Checkout Session in payment mode). The provider confirms
   * by webhook: link.paid when it is paid, link.expired when `expiresAt` passed unpaid; both echo `metadata`.
   * The same `idempotencyKey` returns the first link.
   * @throws ProviderUnavailableError when unreachable; ProviderRejectedError when refused.
   */
  createPaymentLink(input: PaymentLinkRequest): Promise<ProviderPaymentLink>;
}

/** What `createPaymentLink` asks for. `expiresAt`: Stripe accepts 30 minutes to 24 hours from now. */
export interface PaymentLinkRequest {
  idempotencyKey: string;
  amountMinor: number;
  currency: string;
  /** Shown to the payer on the page. */
  description: string;
  /** Echoed in the link's webhooks; payments puts its link id here. */
  metadata: Record<string, string>;
  expiresAt: Date;
}

export interface ProviderPaymentLink {
  providerLinkId: string;
  /** Where the payer pays. */
  url: string;
}
