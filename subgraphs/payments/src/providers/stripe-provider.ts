// The payment provider on Stripe, through the official `stripe` package: customers, saved cards (PaymentMethods),
// off-session charges (PaymentIntents confirmed at once), refunds, and webhooks verified with the package's own
// signature check. Stripe's errors are sorted into what payments acts on: a decline is an outcome, an unreachable or
// failing Stripe is ProviderUnavailableError (the charger retries later with the same idempotency key), anything
// Stripe refuses outright is ProviderRejectedError or a failed outcome.
//
// Payouts to drivers go through Stripe Connect, the way Stripe pays third parties: each driver needs a connected
// account (acct_…, stored on their payout destination as providerAccountId; onboarding it is not built here), with
// their bank account as its external account. A payout is a transfer from the platform's balance to that account,
// then a payout of that account to its bank (`Stripe-Account` header); Stripe answers the payout `pending` and sends
// payout.paid / payout.failed from the connected account (a Connect webhook endpoint, same signature scheme). The bank
// details payments stores are not sent: Stripe holds the connected account's own copy. If the transfer succeeds and
// Stripe refuses the payout at once, the transfer is reversed; a payout that fails later (payout.failed) leaves the
// money on the connected account's Stripe balance while payments returns it to the driver's earnings: reverse that
// transfer in the Dashboard (not automated).
import Stripe from 'stripe';
import {
  ProviderRejectedError,
  ProviderUnavailableError,
  WebhookVerificationError,
  type ChargeOutcome,
  type PaymentLinkRequest,
  type PaymentProvider,
  type PayoutOutcome,
  type ProviderCard,
  type ProviderPaymentLink,
  type ProviderWebhookEvent,
  type RefundOutcome,
} from './provider.js';
import { isStripeShapedEvent, toProviderWebhookEvent } from './stripe-events.js';
import { DEFAULT_WEBHOOK_TOLERANCE_SECONDS, STRIPE_SIGNATURE_HEADER } from './stripe-signature.js';

export interface StripeProviderOptions {
  /** STRIPE_SECRET_KEY (sk_live_… / sk_test_… or a restricted rk_…). */
  apiKey: string;
  /** STRIPE_WEBHOOK_SECRET: the endpoint's signing secret (whsec_…). */
  webhookSecret: string;
  /** Another API host, e.g. a local fake in tests (STRIPE_API_BASE). Default api.stripe.com:443 over https. */
  host?: string;
  port?: number;
  protocol?: 'http' | 'https';
  /**
   * The package's own retries of one call. Default 0: payments' charger owns the retry policy (1, 5, 30 min, 2 h).
   * Whatever this is, the package retries a connection closed before an answer once, which the idempotency key
   * makes safe.
   */
  maxNetworkRetries?: 0 | 1;
  /** Per request. Default 20 s: an off-session charge usually answers in 1-3 s. */
  timeoutMs?: number;
  /** Webhook timestamp tolerance. Default 300 s, Stripe's. */
  toleranceSeconds?: number;
  /** Where Stripe's Checkout page sends the payer after paying a payment link. Default DEFAULT_LINK_RETURN_URL. */
  linkReturnUrl?: string;
}

/** Stripe requires a success URL on a Checkout Session; the payer lands here after paying a payment link. */
export const DEFAULT_LINK_RETURN_URL = 'https://ridegraph.dev/paid';

const {
  StripeAPIError,
  StripeAuthenticationError,
  StripeCardError,
  StripeConnectionError,
  StripeError,
  StripeIdempotencyError,
  StripeInvalidRequestError,
  StripePermissionError,
  StripeRateLimitError,
  StripeSignatureVerificationError,
} = Stripe.errors;

export class StripePaymentProvider implements PaymentProvider {
  readonly name = 'stripe';
  private readonly stripe: Stripe;

  constructor(private readonly options: StripeProviderOptions) {
    this.stripe = new Stripe(options.apiKey, {
      host: options.host,
      port: options.port,
      protocol: options.protocol,
      maxNetworkRetries: options.maxNetworkRetries ?? 0,
      timeout: options.timeoutMs ?? 20_000,
      telemetry: false,
    });
  }

  async createCustomer(input: { userId: string; idempotencyKey: string }): Promise<{ customerId: string }> {
    try {
      const customer = await this.stripe.customers.create({ metadata: { userId: input.userId } }, { idempotencyKey: input.idempotencyKey });
      return { customerId: customer.id };
    } catch (error) {
      throw rejectedOrUnavailable(error);
    }
  }

  async attachCard(input: { customerId: string; token: string }): Promise<ProviderCard> {
    let method: Stripe.PaymentMethod;
    try {
      method = await this.stripe.paymentMethods.attach(input.token, { customer: input.customerId });
    } catch (error) {
      // resource_missing: the token is not a PaymentMethod Stripe knows (mistyped, of another account, used up).
      if (error instanceof StripeInvalidRequestError && error.code === 'resource_missing') throw new ProviderRejectedError('invalid_token', messageOf(error));
      throw rejectedOrUnavailable(error);
    }
    if (!method.card) throw new ProviderRejectedError('not_a_card', `Payment method ${method.id} is a ${method.type}, not a card`);
    return { providerMethodId: method.id, brand: method.card.brand, last4: method.card.last4, expMonth: method.card.exp_month, expYear: method.card.exp_year };
  }

  /** A card Stripe no longer has is fine (the goal is reached); @throws ProviderUnavailableError. */
  async detachCard(input: { providerMethodId: string }): Promise<void> {
    try {
      await this.stripe.paymentMethods.detach(input.providerMethodId);
    } catch (error) {
      if (error instanceof StripeInvalidRequestError) return;
      throw rejectedOrUnavailable(error);
    }
  }

  async charge(input: Parameters<PaymentProvider['charge']>[0]): Promise<ChargeOutcome> {
    let intent: Stripe.PaymentIntent;
    try {
      intent = await this.stripe.paymentIntents.create(
        {
          amount: input.amountMinor,
          currency: input.currency.toLowerCase(),
          customer: input.customerId,
          payment_method: input.providerMethodId,
          off_session: true,
          confirm: true,
          description: input.description,
          metadata: input.metadata,
        },
        { idempotencyKey: input.idempotencyKey },
      );
    } catch (error) {
      if (error instanceof StripeCardError) {
        return { status: 'declined', providerPaymentId: error.payment_intent?.id ?? null, declineCode: declineCodeOf(error), message: messageOf(error) };
      }
      // Stripe refused the charge itself (card detached, amount below the minimum, currency not supported): no retry
      // can succeed, so the charger treats it as a decline of this card.
      if (error instanceof StripeInvalidRequestError) {
        return { status: 'declined', providerPaymentId: null, declineCode: error.code ?? 'invalid_request', message: messageOf(error) };
      }
      throw rejectedOrUnavailable(error);
    }
    switch (intent.status) {
      case 'succeeded':
        return { status: 'succeeded', providerPaymentId: intent.id };
      case 'processing':
      case 'requires_action':
      case 'requires_capture':
      case 'requires_confirmation':
        // Stripe answers by webhook (payment_intent.succeeded / payment_failed).
        return { status: 'pending', providerPaymentId: intent.id };
      default: {
        const lastError = intent.last_payment_error;
        return {
          status: 'declined',
          providerPaymentId: intent.id,
          declineCode: lastError?.decline_code ?? lastError?.code ?? intent.status,
          message: lastError?.message ?? `Payment ${intent.status}`,
        };
      }
    }
  }

  async refund(input: Parameters<PaymentProvider['refund']>[0]): Promise<RefundOutcome> {
    let refund: Stripe.Refund;
    try {
      refund = await this.stripe.refunds.create(
        { payment_intent: input.providerPaymentId, amount: input.amountMinor, metadata: input.metadata },
        { idempotencyKey: input.idempotencyKey },
      );
    } catch (error) {
      // Already refunded, more than is left, unknown payment: a refusal no retry changes.
      if (error instanceof StripeInvalidRequestError) {
        return { status: 'failed', providerRefundId: null, failureCode: error.code ?? 'invalid_request', message: messageOf(error) };
      }
      throw rejectedOrUnavailable(error);
    }
    if (refund.status === 'succeeded') return { status: 'succeeded', providerRefundId: refund.id };
    if (refund.status === 'failed' || refund.status === 'canceled') {
      return { status: 'failed', providerRefundId: refund.id, failureCode: refund.failure_reason ?? 'refund_failed', message: `Refund ${refund.status}` };
    }
    // pending, requires_action: settled later by refund.updated.
    return { status: 'pending', providerRefundId: refund.id };
  }

  /**
   * A Checkout Session in payment mode with one line of `amountMinor`: its `url` is Stripe's hosted page. The
   * metadata goes on the session (echoed by checkout.session.* webhooks) and on its PaymentIntent.
   */
  async createPaymentLink(input: PaymentLinkRequest): Promise<ProviderPaymentLink> {
    let session: Stripe.Checkout.Session;
    try {
      session = await this.stripe.checkout.sessions.create(
        {
          mode: 'payment',
          line_items: [
            { quantity: 1, price_data: { currency: input.currency.toLowerCase(), unit_amount: input.amountMinor, product_data: { name: input.description } } },
          ],
          expires_at: Math.floor(input.expiresAt.getTime() / 1000),
          metadata: input.metadata,
          payment_intent_data: { metadata: input.metadata, description: input.description },
          success_url: this.options.linkReturnUrl ?? DEFAULT_LINK_RETURN_URL,
        },
        { idempotencyKey: input.idempotencyKey },
      );
    } catch (error) {
      throw rejectedOrUnavailable(error);
    }
    if (!session.url) throw new ProviderRejectedError('no_url', `Checkout Session ${session.id} came without a url`);
    return { providerLinkId: session.id, url: session.url };
  }

  async payout(input: Parameters<PaymentProvider['payout']>[0]): Promise<PayoutOutcome> {
    const account = input.destination.providerAccountId;
    if (!account) return { status: 'failed', providerPayoutId: null, failureCode: 'no_connected_account' };
    const currency = input.currency.toLowerCase();
    let transfer: Stripe.Transfer;
    try {
      transfer = await this.stripe.transfers.create(
        { amount: input.amountMinor, currency, destination: account, metadata: input.metadata },
        { idempotencyKey: `${input.idempotencyKey}:transfer` },
      );
    } catch (error) {
      // No such account, insufficient platform balance, currency not supported: a refusal no retry changes.
      if (error instanceof StripeInvalidRequestError) return { status: 'failed', providerPayoutId: null, failureCode: error.code ?? 'transfer_refused' };
      throw rejectedOrUnavailable(error);
    }
    let payout: Stripe.Payout;
    try {
      payout = await this.stripe.payouts.create(
        { amount: input.amountMinor, currency, metadata: input.metadata },
        { idempotencyKey: `${input.idempotencyKey}:payout`, stripeAccount: account },
      );
    } catch (error) {
      if (error instanceof StripeInvalidRequestError) {
        // The money is on the connected account and cannot leave it: take it back before reporting the failure.
        try {
          await this.stripe.transfers.createReversal(transfer.id, { metadata: input.metadata }, { idempotencyKey: `${input.idempotencyKey}:reversal` });
        } catch (reversalError) {
          throw rejectedOrUnavailable(reversalError);
        }
        return { status: 'failed', providerPayoutId: null, failureCode: error.code ?? 'payout_refused' };
      }
      throw rejectedOrUnavailable(error);
    }
    if (payout.status === 'paid') return { status: 'paid', providerPayoutId: payout.id };
    if (payout.status === 'failed' || payout.status === 'canceled') {
      return { status: 'failed', providerPayoutId: payout.id, failureCode: payout.failure_code ?? `payout_${payout.status}` };
    }
    // pending, in_transit: settled by payout.paid / payout.failed.
    return { status: 'pending', providerPayoutId: payout.id };
  }

  /** Nothing to stop: the package holds no timers or pools of its own. */
  close(): void {}

  verifyWebhook(rawBody: Buffer, headers: Record<string, string | string[] | undefined>): ProviderWebhookEvent {
    const signature = headerValue(headers, STRIPE_SIGNATURE_HEADER);
    if (typeof signature !== 'string' || signature === '') throw new WebhookVerificationError('missing Stripe-Signature header');
    let event: unknown;
    try {
      event = this.stripe.webhooks.constructEvent(
        rawBody,
        signature,
        this.options.webhookSecret,
        this.options.toleranceSeconds ?? DEFAULT_WEBHOOK_TOLERANCE_SECONDS,
      );
    } catch (error) {
      if (error instanceof StripeSignatureVerificationError) throw new WebhookVerificationError(error.message);
      // The signature verified but the body is not JSON.
      if (error instanceof SyntaxError) throw new WebhookVerificationError('webhook body is not JSON');
      throw error;
    }
    if (!isStripeShapedEvent(event)) throw new WebhookVerificationError('webhook body is not an event (id, type, created, data.object)');
    return toProviderWebhookEvent(event);
  }
}

/** Stripe could not be reached, failed, throttled us or refused our key: retry later with the same idempotency key. */
function isUnavailable(error: unknown): boolean {
  if (!(error instanceof StripeError)) return false;
  return (
    error instanceof StripeConnectionError ||
    error instanceof StripeAPIError ||
    error instanceof StripeRateLimitError ||
    // A wrong or revoked key is ours to fix, not the rider's card: never a decline.
    error instanceof StripeAuthenticationError ||
    error instanceof StripePermissionError ||
    (error.statusCode ?? 0) >= 500
  );
}

function rejectedOrUnavailable(error: unknown): Error {
  if (isUnavailable(error)) return new ProviderUnavailableError(`Stripe unavailable: ${(error as Error).message}`, { cause: error });
  if (error instanceof StripeIdempotencyError) return new ProviderRejectedError('idempotency_error', messageOf(error));
  if (error instanceof StripeError) return new ProviderRejectedError(error.code ?? error.type, messageOf(error));
  return error instanceof Error ? error : new Error(String(error));
}

/** The issuer's reason (insufficient_funds, …) when Stripe gives one, else Stripe's code (card_declined, expired_card, …). */
function declineCodeOf(error: InstanceType<typeof StripeCardError>): string {
  return error.decline_code ?? error.code ?? 'card_declined';
}

/** Stripe's own message, without the "[req_…] " the package puts in front (the message may reach a rider). */
function messageOf(error: InstanceType<typeof StripeError>): string {
  const raw = error.raw as { message?: unknown } | undefined;
  return typeof raw?.message === 'string' ? raw.message : error.message;
}

function headerValue(headers: Record<string, string | string[] | undefined>, name: string): string | string[] | undefined {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}
