// A payment provider with no network that behaves like Stripe's test mode, for development, demos and tests:
// test card tokens with fixed outcomes, asynchronous confirmation by webhook, and webhooks signed with Stripe's
// scheme and body shape, so the webhook route and its parser are the same for both providers.
//
// Test tokens (`tok_<name>`; `pm_card_<name>`, Stripe's test payment-method ids, are accepted too):
//   tok_visa                            visa 4242: charges succeed
//   tok_mastercard                      mastercard 4444: charges succeed
//   tok_chargeDeclined                  visa 0002: attaches; every charge declined card_declined
//   tok_chargeDeclinedInsufficientFunds visa 9995: attaches; every charge declined insufficient_funds
//   tok_pending                         visa 3220: charges pending, then payment_intent.succeeded by webhook
//   tok_pendingThenDeclined             visa 3238: charges pending, then payment_intent.payment_failed (card_declined)
//   tok_providerDown                    visa 0119: attaches; every charge throws ProviderUnavailableError
//   anything else                       attachCard throws ProviderRejectedError('invalid_token')
//
// Payment links (Checkout Sessions' stand-in): `<linkBaseUrl>/dev-pay/<cs_dev_…>`, a page the payments subgraph
// serves in development (dev-pay-route.ts); Pay sends checkout.session.completed after the webhook delay, an unpaid
// link sends checkout.session.expired at its expiry.
// Test bank accounts for payouts, by the account number's (IBAN's) last four digits:
//   …0002                               pending, then payout.failed (account_closed) by webhook
//   …0119                               every payout throws ProviderUnavailableError
//   anything else                       pending, then payout.paid by webhook
//
// State is in memory and forgotten on restart: a charge retried after a restart with the same idempotency key is
// charged again, and a pending charge is never confirmed. A saved card's id names its test card, so cards saved
// before a restart keep their behaviour; a `pi_dev_` payment made before a restart is refunded without checks.
import { randomBytes } from 'node:crypto';
import {
  ProviderRejectedError,
  ProviderUnavailableError,
  type ChargeOutcome,
  type PaymentLinkRequest,
  type PaymentProvider,
  type PayoutOutcome,
  type ProviderCard,
  type ProviderPaymentLink,
  type ProviderWebhookEvent,
  type RefundOutcome,
} from './provider.js';
import { parseStripeShapedEvent, toProviderWebhookEvent, type StripeShapedEvent } from './stripe-events.js';
import { DEFAULT_WEBHOOK_TOLERANCE_SECONDS, signStripeStyle, STRIPE_SIGNATURE_HEADER, verifyStripeStyle } from './stripe-signature.js';

type ChargeBehaviour = { kind: 'succeed' } | { kind: 'decline'; code: string } | { kind: 'pending'; then: 'succeed' | 'decline' } | { kind: 'unavailable' };

interface TestCard {
  brand: string;
  last4: string;
  charge: ChargeBehaviour;
}

/** The test cards by token name. Expiry is fixed so tests can pin it. */
export const DEVELOPMENT_TEST_CARDS: Readonly<Record<string, TestCard>> = {
  visa: { brand: 'visa', last4: '4242', charge: { kind: 'succeed' } },
  mastercard: { brand: 'mastercard', last4: '4444', charge: { kind: 'succeed' } },
  chargeDeclined: { brand: 'visa', last4: '0002', charge: { kind: 'decline', code: 'card_declined' } },
  chargeDeclinedInsufficientFunds: { brand: 'visa', last4: '9995', charge: { kind: 'decline', code: 'insufficient_funds' } },
  pending: { brand: 'visa', last4: '3220', charge: { kind: 'pending', then: 'succeed' } },
  pendingThenDeclined: { brand: 'visa', last4: '3238', charge: { kind: 'pending', then: 'decline' } },
  providerDown: { brand: 'visa', last4: '0119', charge: { kind: 'unavailable' } },
};
export const DEVELOPMENT_CARD_EXPIRY = { expMonth: 12, expYear: 2034 } as const;

/** Hands a signed webhook to payments (in-process to the route's handler, or POSTed to it). A rejection is retried. */
export type DeliverWebhook = (rawBody: Buffer, headers: Record<string, string>) => Promise<unknown>;

export interface DevelopmentProviderOptions {
  /** Signs (and verifies) webhooks, as Stripe's endpoint secret does. */
  webhookSecret: string;
  /** Where webhooks go; without it none are sent (pending charges stay pending). */
  deliver?: DeliverWebhook;
  /** How long after the charge its webhook is sent (the "asynchronous confirmation"). Default 2000 ms. */
  webhookDelayMs?: number;
  /** Deliveries of one event before giving up (Stripe retries for days). Default 3. */
  webhookMaxAttempts?: number;
  /** Wait before each retry of a failed delivery. Default 5000 ms. */
  webhookRetryDelayMs?: number;
  /**
   * Also send payment_intent.succeeded / payment_failed for charges answered at once, as Stripe does (so payments
   * must ignore an event that matches what it already recorded). Default true.
   */
  webhooksForSynchronousOutcomes?: boolean;
  /** Verification tolerance for the signature's timestamp. Default 300 s. */
  toleranceSeconds?: number;
  /** The clock (event `created`, signature timestamps, verification). Default the system clock. */
  now?: () => Date;
  /** Payment links' pages are `<linkBaseUrl>/dev-pay/<id>` (PAYMENTS_PUBLIC_URL). Default http://localhost:4004. */
  linkBaseUrl?: string;
  /** Told when an event could not be delivered after every attempt. */
  onDeliveryFailed?: (error: unknown, event: StripeShapedEvent) => void;
}

interface DevPayment {
  id: string;
  status: 'succeeded' | 'pending' | 'failed';
  amountMinor: number;
  refundedMinor: number;
  currency: string;
  customerId: string;
  providerMethodId: string;
  metadata: Record<string, string>;
}

/** A payment link (a Checkout Session's stand-in). */
export interface DevLink {
  id: string;
  amountMinor: number;
  currency: string;
  description: string;
  metadata: Record<string, string>;
  expiresAt: Date;
  status: 'open' | 'complete' | 'expired';
}

/** Where the payments subgraph serves the development checkout pages; the link id follows. */
export const DEV_PAY_PATH = '/dev-pay/';
/** The payments subgraph's own address in development (PAYMENTS_PUBLIC_URL's default). */
export const DEFAULT_DEV_LINK_BASE_URL = 'http://localhost:4004';

interface Remembered<T> {
  fingerprint: string;
  result: T;
}

export class DevelopmentPaymentProvider implements PaymentProvider {
  readonly name = 'development';
  private readonly customers = new Map<string, Remembered<{ customerId: string }>>();
  private readonly charges = new Map<string, Remembered<ChargeOutcome>>();
  private readonly refunds = new Map<string, Remembered<RefundOutcome>>();
  private readonly payments = new Map<string, DevPayment>();
  private readonly linkRequests = new Map<string, Remembered<ProviderPaymentLink>>();
  private readonly links = new Map<string, DevLink>();
  private readonly payouts = new Map<string, Remembered<PayoutOutcome>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<void>>();
  private closed = false;
  private readonly now: () => Date;

  constructor(private readonly options: DevelopmentProviderOptions) {
    this.now = options.now ?? (() => new Date());
  }

  async createCustomer(input: { userId: string; idempotencyKey: string }): Promise<{ customerId: string }> {
    return this.once(this.customers, input.idempotencyKey, input.userId, () => ({ customerId: newId('cus_dev') }));
  }

  async attachCard(input: { customerId: string; token: string }): Promise<ProviderCard> {
    const name = testCardName(input.token);
    if (name === undefined) throw new ProviderRejectedError('invalid_token', `"${input.token}" is not a development test token (e.g. tok_visa)`);
    return { providerMethodId: newId(`pm_dev_${name}`), ...cardOf(name) };
  }

  async detachCard(_input: { providerMethodId: string }): Promise<void> {
    // Nothing is kept per card: its id says which test card it is.
  }

  async charge(input: Parameters<PaymentProvider['charge']>[0]): Promise<ChargeOutcome> {
    const remembered = this.charges.get(input.idempotencyKey);
    const fingerprint = JSON.stringify([input.customerId, input.providerMethodId, input.amountMinor, input.currency]);
    if (remembered) return replay(remembered, fingerprint, input.idempotencyKey);
    if (!Number.isInteger(input.amountMinor) || input.amountMinor <= 0) {
      throw new ProviderRejectedError('parameter_invalid_integer', `amount must be a positive whole number of minor units, got ${input.amountMinor}`);
    }
    const card = DEVELOPMENT_TEST_CARDS[methodCardName(input.providerMethodId) ?? ''];
    if (!card)
      return { status: 'declined', providerPaymentId: null, declineCode: 'resource_missing', message: `No such payment method: ${input.providerMethodId}` };
    // Not remembered: a provider that is down has not started the charge, and the retry must reach it again.
    if (card.charge.kind === 'unavailable') throw new ProviderUnavailableError('development provider: tok_providerDown simulates an unreachable provider');

    const payment: DevPayment = {
      id: newId('pi_dev'),
      status: card.charge.kind === 'succeed' ? 'succeeded' : card.charge.kind === 'pending' ? 'pending' : 'failed',
      amountMinor: input.amountMinor,
      refundedMinor: 0,
      currency: input.currency,
      customerId: input.customerId,
      providerMethodId: input.providerMethodId,
      metadata: { ...input.metadata },
    };
    this.payments.set(payment.id, payment);
    let outcome: ChargeOutcome;
    switch (card.charge.kind) {
      case 'succeed':
        outcome = { status: 'succeeded', providerPaymentId: payment.id };
        if (this.options.webhooksForSynchronousOutcomes ?? true) this.scheduleSettlement(payment, null);
        break;
      case 'decline':
        outcome = { status: 'declined', providerPaymentId: payment.id, declineCode: card.charge.code, message: declineMessage(card.charge.code) };
        if (this.options.webhooksForSynchronousOutcomes ?? true) this.scheduleSettlement(payment, card.charge.code);
        break;
      case 'pending':
        outcome = { status: 'pending', providerPaymentId: payment.id };
        this.scheduleSettlement(payment, card.charge.then === 'succeed' ? null : 'card_declined', 'pending');
        break;
    }
    this.charges.set(input.idempotencyKey, { fingerprint, result: outcome });
    return outcome;
  }

  async refund(input: Parameters<PaymentProvider['refund']>[0]): Promise<RefundOutcome> {
    const fingerprint = JSON.stringify([input.providerPaymentId, input.amountMinor]);
    return this.once(this.refunds, input.idempotencyKey, fingerprint, () => {
      const payment = this.payments.get(input.providerPaymentId);
      const refundId = newId('re_dev');
      if (!payment) {
        // A development payment from before a restart: nothing is known of it, so it is refunded as asked.
        if (input.providerPaymentId.startsWith('pi_dev_')) return { status: 'succeeded', providerRefundId: refundId };
        return { status: 'failed', providerRefundId: null, failureCode: 'resource_missing', message: `No such payment: ${input.providerPaymentId}` };
      }
      if (payment.status !== 'succeeded') {
        return {
          status: 'failed',
          providerRefundId: null,
          failureCode: 'charge_not_refundable',
          message: `Payment ${payment.id} is ${payment.status}, not succeeded`,
        };
      }
      if (!Number.isInteger(input.amountMinor) || input.amountMinor <= 0 || input.amountMinor > payment.amountMinor - payment.refundedMinor) {
        return {
          status: 'failed',
          providerRefundId: null,
          failureCode: 'amount_too_large',
          message: `Refund of ${input.amountMinor} exceeds the ${payment.amountMinor - payment.refundedMinor} left on ${payment.id}`,
        };
      }
      payment.refundedMinor += input.amountMinor;
      return { status: 'succeeded', providerRefundId: refundId };
    });
  }

  /**
   * A checkout page served by the payments subgraph in development (`/dev-pay/<id>`, dev-pay-route.ts): it shows
   * the amount and a Pay button; paying sends checkout.session.completed, and an unpaid link sends
   * checkout.session.expired at `expiresAt`, both signed and delivered as the charges' webhooks are.
   */
  async createPaymentLink(input: PaymentLinkRequest): Promise<ProviderPaymentLink> {
    const fingerprint = JSON.stringify([input.amountMinor, input.currency, input.description, input.metadata, input.expiresAt.getTime()]);
    return this.once(this.linkRequests, input.idempotencyKey, fingerprint, () => {
      if (!Number.isInteger(input.amountMinor) || input.amountMinor <= 0) {
        throw new ProviderRejectedError('parameter_invalid_integer', `amount must be a positive whole number of minor units, got ${input.amountMinor}`);
      }
      const link: DevLink = {
        id: newId('cs_dev'),
        amountMinor: input.amountMinor,
        currency: input.currency,
        description: input.description,
        metadata: { ...input.metadata },
        expiresAt: input.expiresAt,
        status: 'open',
      };
      this.links.set(link.id, link);
      const untilExpiry = Math.max(0, input.expiresAt.getTime() - this.now().getTime());
      this.schedule(() => this.expire(link), untilExpiry, false);
      return { providerLinkId: link.id, url: `${this.options.linkBaseUrl ?? DEFAULT_DEV_LINK_BASE_URL}${DEV_PAY_PATH}${link.id}` };
    });
  }

  /**
   * Takes back a link made before a restart (its state was in memory), as described by whoever made it: Stripe keeps
   * its sessions across our restarts, so the development provider must not lose a link still open. A link known
   * already is left as it is.
   */
  restoreLink(link: Omit<DevLink, 'status'>): void {
    if (this.links.has(link.id)) return;
    this.links.set(link.id, { ...link, metadata: { ...link.metadata }, status: 'open' });
    const untilExpiry = Math.max(0, link.expiresAt.getTime() - this.now().getTime());
    this.schedule(() => this.expire(this.links.get(link.id)!), untilExpiry, false);
  }

  /** The checkout page's view of a link (undefined: unknown, e.g. made before a restart). */
  checkoutLink(providerLinkId: string): Readonly<DevLink> | undefined {
    const link = this.links.get(providerLinkId);
    if (link && link.status === 'open' && link.expiresAt.getTime() <= this.now().getTime()) link.status = 'expired';
    return link;
  }

  /**
   * The payer presses Pay: an open link is paid and checkout.session.completed goes out after the webhook delay.
   * @returns what the page shows next.
   */
  payLink(providerLinkId: string): 'paid' | 'already_paid' | 'expired' | 'unknown' {
    const link = this.checkoutLink(providerLinkId);
    if (!link) return 'unknown';
    if (link.status === 'complete') return 'already_paid';
    if (link.status === 'expired') return 'expired';
    this.links.get(providerLinkId)!.status = 'complete';
    this.schedule(() => this.linkEvent(link, 'checkout.session.completed'), this.options.webhookDelayMs ?? 2000);
    return 'paid';
  }

  /** Expires an open link now (as its expiry would), sending checkout.session.expired; for tests and tools. */
  expireLinkNow(providerLinkId: string): boolean {
    const link = this.links.get(providerLinkId);
    if (!link || link.status !== 'open') return false;
    this.schedule(() => this.expire(link), 0);
    return true;
  }

  private expire(link: DevLink): StripeShapedEvent | null {
    if (link.status === 'complete') return null;
    link.status = 'expired';
    return this.linkEvent(link, 'checkout.session.expired');
  }

  private linkEvent(link: DevLink, type: 'checkout.session.completed' | 'checkout.session.expired'): StripeShapedEvent {
    return {
      id: newId('evt_dev'),
      type,
      created: Math.floor(this.now().getTime() / 1000),
      data: {
        object: {
          id: link.id,
          object: 'checkout.session',
          mode: 'payment',
          amount_total: link.amountMinor,
          currency: link.currency.toLowerCase(),
          status: type === 'checkout.session.completed' ? 'complete' : 'expired',
          payment_status: type === 'checkout.session.completed' ? 'paid' : 'unpaid',
          expires_at: Math.floor(link.expiresAt.getTime() / 1000),
          metadata: link.metadata,
        },
      },
    };
  }

  /** Pending at once; payout.paid (or payout.failed for a test account ending 0002) by webhook after the delay. */
  async payout(input: Parameters<PaymentProvider['payout']>[0]): Promise<PayoutOutcome> {
    if (!Number.isInteger(input.amountMinor) || input.amountMinor <= 0) {
      throw new ProviderRejectedError('parameter_invalid_integer', `amount must be a positive whole number of minor units, got ${input.amountMinor}`);
    }
    const last4 = input.destination.accountNumber.slice(-4);
    // Not remembered: a provider that is down has not started the payout, and the retry must reach it again.
    if (last4 === '0119' && !this.payouts.has(input.idempotencyKey)) {
      throw new ProviderUnavailableError('development provider: a test account ending 0119 simulates an unreachable provider');
    }
    const fingerprint = JSON.stringify([input.destination.accountNumber, input.amountMinor, input.currency]);
    return this.once(this.payouts, input.idempotencyKey, fingerprint, () => {
      const id = newId('po_dev');
      const failureCode = last4 === '0002' ? 'account_closed' : null;
      this.schedule(
        () => ({
          id: newId('evt_dev'),
          type: failureCode ? 'payout.failed' : 'payout.paid',
          created: Math.floor(this.now().getTime() / 1000),
          data: {
            object: {
              id,
              object: 'payout',
              amount: input.amountMinor,
              currency: input.currency.toLowerCase(),
              status: failureCode ? 'failed' : 'paid',
              failure_code: failureCode,
              metadata: { ...input.metadata },
            },
          },
        }),
        this.options.webhookDelayMs ?? 2000,
      );
      return { status: 'pending', providerPayoutId: id };
    });
  }

  verifyWebhook(rawBody: Buffer, headers: Record<string, string | string[] | undefined>): ProviderWebhookEvent {
    verifyStripeStyle(rawBody, headerValue(headers, STRIPE_SIGNATURE_HEADER), this.options.webhookSecret, {
      nowSeconds: Math.floor(this.now().getTime() / 1000),
      toleranceSeconds: this.options.toleranceSeconds ?? DEFAULT_WEBHOOK_TOLERANCE_SECONDS,
    });
    return toProviderWebhookEvent(parseStripeShapedEvent(rawBody));
  }

  /** Signs a Stripe-shaped event body as this provider's webhooks are signed (for tests and tools). */
  signWebhook(rawBody: Buffer | string, timestampSeconds = Math.floor(this.now().getTime() / 1000)): Record<string, string> {
    return { [STRIPE_SIGNATURE_HEADER]: signStripeStyle(rawBody, this.options.webhookSecret, timestampSeconds), 'content-type': 'application/json' };
  }

  /** Resolves once every webhook scheduled so far (and those they lead to) is delivered or given up. */
  async webhooksSettled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  /** Stops sending webhooks (pending ones are dropped, as a restart would); call on shutdown. */
  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  /** After the delay: settles a pending payment, then tells payments by webhook. `failureCode` null = succeeded. */
  private scheduleSettlement(payment: DevPayment, failureCode: string | null, settles?: 'pending'): void {
    this.schedule(() => {
      if (settles === 'pending') payment.status = failureCode === null ? 'succeeded' : 'failed';
      return this.paymentEvent(payment, failureCode);
    }, this.options.webhookDelayMs ?? 2000);
  }

  /**
   * After `delayMs`: makes the event (null: nothing to send any more) and delivers it, retrying a failed delivery.
   * `track` false: `webhooksSettled` does not wait for it (a link's expiry, hours away).
   */
  private schedule(makeEvent: () => StripeShapedEvent | null, delayMs: number, track = true): void {
    if (!this.options.deliver || this.closed) return;
    const deliver = this.options.deliver;
    const attempts = this.options.webhookMaxAttempts ?? 3;
    const done = new Promise<void>((resolve) => {
      const attempt = (n: number, event: StripeShapedEvent | null, delay: number) => {
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          if (this.closed) return resolve();
          event ??= makeEvent();
          if (event === null) return resolve();
          const body = Buffer.from(JSON.stringify(event));
          Promise.resolve()
            .then(() => deliver(body, this.signWebhook(body)))
            .then(
              () => resolve(),
              (error: unknown) => {
                if (n < attempts && !this.closed) return attempt(n + 1, event, this.options.webhookRetryDelayMs ?? 5000);
                this.options.onDeliveryFailed?.(error, event!);
                resolve();
              },
            );
        }, delay);
        timer.unref();
        this.timers.add(timer);
      };
      attempt(1, null, delayMs);
    });
    if (!track) return;
    this.inFlight.add(done);
    void done.then(() => this.inFlight.delete(done));
  }

  private paymentEvent(payment: DevPayment, failureCode: string | null): StripeShapedEvent {
    const failed = failureCode !== null;
    return {
      id: newId('evt_dev'),
      type: failed ? 'payment_intent.payment_failed' : 'payment_intent.succeeded',
      created: Math.floor(this.now().getTime() / 1000),
      data: {
        object: {
          id: payment.id,
          object: 'payment_intent',
          amount: payment.amountMinor,
          currency: payment.currency.toLowerCase(),
          customer: payment.customerId,
          payment_method: payment.providerMethodId,
          status: failed ? 'requires_payment_method' : 'succeeded',
          metadata: payment.metadata,
          last_payment_error: failed ? { type: 'card_error', code: failureCode, message: declineMessage(failureCode) } : null,
        },
      },
    };
  }

  private once<T>(store: Map<string, Remembered<T>>, key: string, fingerprint: string, make: () => T): T {
    const remembered = store.get(key);
    if (remembered) return replay(remembered, fingerprint, key);
    const result = make();
    store.set(key, { fingerprint, result });
    return result;
  }
}

/** As Stripe: the same key returns the first result; the same key with other parameters is refused. */
function replay<T>(remembered: Remembered<T>, fingerprint: string, key: string): T {
  if (remembered.fingerprint !== fingerprint) {
    throw new ProviderRejectedError('idempotency_error', `Idempotency key "${key}" was used with other parameters`);
  }
  return remembered.result;
}

function testCardName(token: string): string | undefined {
  const name = /^(?:tok_|pm_card_)([A-Za-z]+)$/.exec(token)?.[1];
  return name !== undefined && Object.hasOwn(DEVELOPMENT_TEST_CARDS, name) ? name : undefined;
}

/** pm_dev_<test card>_<random> → the test card's name. */
function methodCardName(providerMethodId: string): string | undefined {
  return /^pm_dev_([A-Za-z]+)_[0-9a-f]+$/.exec(providerMethodId)?.[1];
}

function cardOf(name: string): Omit<ProviderCard, 'providerMethodId'> {
  const card = DEVELOPMENT_TEST_CARDS[name]!;
  return { brand: card.brand, last4: card.last4, ...DEVELOPMENT_CARD_EXPIRY };
}

function declineMessage(code: string): string {
  return code === 'insufficient_funds' ? 'Your card has insufficient funds.' : 'Your card was declined.';
}

function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('hex')}`;
}

function headerValue(headers: Record<string, string | string[] | undefined>, name: string): string | string[] | undefined {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}
