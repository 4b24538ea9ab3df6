// A local stand-in for the Stripe API endpoints the adapter uses, so stripe-provider.ts is tested through the official
// package and real HTTP without the network: form-encoded requests as the package sends them, answers and errors
// shaped as Stripe's, Idempotency-Key replays, and switches for server errors, rate limits and dropped connections.
//
// Payment methods (the tokens attach accepts), as Stripe's test ones:
//   pm_card_visa, pm_card_mastercard             charges succeed
//   pm_card_chargeDeclined                       402 card_error card_declined (decline_code generic_decline)
//   pm_card_chargeDeclinedInsufficientFunds      402 card_error card_declined (decline_code insufficient_funds)
//   pm_card_processing (fake only)               the PaymentIntent answers status processing
//   pm_card_requiresAction (fake only)           the PaymentIntent answers status requires_action
//
// Checkout Sessions (payment links): POST /v1/checkout/sessions in payment mode answers an open session with its url;
// Stripe's refusals of a missing success_url, a bad amount and an expires_at outside 30 min..24 h are reproduced.
// Connected accounts (payouts: a transfer to the account, then a payout of it with the Stripe-Account header):
//   acct_… (any other)                           transfers succeed; payouts answer status pending
//   acct_noSuchAccount…                          400 resource_missing on transfers
//   acct_noBankAccount…                          transfers succeed; payouts 400 invalid_request no_external_account
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  /** The form body decoded, brackets nested: `metadata[paymentId]=p` → { metadata: { paymentId: 'p' } }. */
  params: Record<string, unknown>;
  idempotencyKey: string | undefined;
  authorization: string | undefined;
  /** The Stripe-Account header (a call made on behalf of a connected account). */
  stripeAccount?: string | undefined;
}

/** What the fake does instead of answering: a Stripe 500, a 429, or closing the connection without an answer. */
export type FakeStripeFailure = 'server_error' | 'rate_limit' | 'drop';

export interface FakeStripe {
  /** For StripeProvider's host/port/protocol. */
  host: string;
  port: number;
  protocol: 'http';
  /** Every request received, in order (also those answered with a failure). */
  requests: RecordedRequest[];
  /** Answers every request with this failure until cleared (null), or for the next `failuresLeft` requests. */
  failure: FakeStripeFailure | null;
  /** With `failure` set: how many requests fail before it clears itself; undefined = until cleared. */
  failuresLeft: number | undefined;
  /** Status of refunds created from now on (Stripe: card refunds are usually succeeded, some pending). */
  refundStatus: 'succeeded' | 'pending' | 'failed';
  close(): Promise<void>;
}

interface TestMethod {
  brand: string;
  last4: string;
  outcome: 'succeeded' | 'processing' | 'requires_action' | { declineCode: string };
}

const TEST_METHODS: Record<string, TestMethod> = {
  pm_card_visa: { brand: 'visa', last4: '4242', outcome: 'succeeded' },
  pm_card_mastercard: { brand: 'mastercard', last4: '4444', outcome: 'succeeded' },
  pm_card_chargeDeclined: { brand: 'visa', last4: '0002', outcome: { declineCode: 'generic_decline' } },
  pm_card_chargeDeclinedInsufficientFunds: { brand: 'visa', last4: '9995', outcome: { declineCode: 'insufficient_funds' } },
  pm_card_processing: { brand: 'visa', last4: '1111', outcome: 'processing' },
  pm_card_requiresAction: { brand: 'visa', last4: '3155', outcome: 'requires_action' },
};

interface Answer {
  status: number;
  body: unknown;
}

export async function startFakeStripe(): Promise<FakeStripe> {
  let counter = 0;
  const nextId = (prefix: string) => `${prefix}_fake${String(++counter).padStart(6, '0')}`;
  const attached = new Map<string, { method: TestMethod; customer: string | null }>();
  const intents = new Map<string, { amount: number; refunded: number; status: string }>();
  const idempotent = new Map<string, { fingerprint: string; answer: Answer }>();
  const sockets = new Set<Socket>();

  const fake: FakeStripe = {
    host: '127.0.0.1',
    port: 0,
    protocol: 'http',
    requests: [],
    failure: null,
    failuresLeft: undefined,
    refundStatus: 'succeeded',
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };

  const server = http.createServer((req, res) => {
    void handle(req, res);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const method = req.method ?? 'GET';
    const idempotencyKey = header(req, 'idempotency-key');
    const params = parseForm(raw);
    fake.requests.push({ method, path, params, idempotencyKey, authorization: header(req, 'authorization'), stripeAccount: header(req, 'stripe-account') });

    if (fake.failure !== null) {
      const failure = fake.failure;
      if (fake.failuresLeft !== undefined && --fake.failuresLeft <= 0) {
        fake.failure = null;
        fake.failuresLeft = undefined;
      }
      if (failure === 'drop') return void req.socket.destroy();
      if (failure === 'rate_limit') return send(res, { status: 429, body: stripeError('invalid_request_error', 'rate_limit', 'Too many requests.') });
      return send(res, { status: 500, body: { error: { type: 'api_error', message: 'An unknown error occurred' } } });
    }

    // Stripe keeps the first answer to a key and replays it; other parameters with the same key are an error.
    const fingerprint = `${method} ${path} ${header(req, 'stripe-account') ?? ''} ${raw}`;
    if (idempotencyKey !== undefined) {
      const first = idempotent.get(idempotencyKey);
      if (first && first.fingerprint !== fingerprint) {
        return send(res, {
          status: 400,
          body: {
            error: { type: 'idempotency_error', message: `Keys for idempotent requests can only be used with the same parameters they were first used with.` },
          },
        });
      }
      if (first) return send(res, first.answer, { 'idempotent-replayed': 'true' });
    }
    const answer = route(method, path, params, header(req, 'stripe-account'));
    if (idempotencyKey !== undefined) idempotent.set(idempotencyKey, { fingerprint, answer });
    send(res, answer);
  }

  function route(method: string, path: string, params: Record<string, unknown>, stripeAccount?: string): Answer {
    if (method !== 'POST') return { status: 404, body: stripeError('invalid_request_error', undefined, `Unrecognized request URL (${method}: ${path}).`) };
    if (path === '/v1/customers') return ok({ id: nextId('cus'), object: 'customer', metadata: params.metadata ?? {} });

    const methodAction = /^\/v1\/payment_methods\/([^/]+)\/(attach|detach)$/.exec(path);
    if (methodAction) {
      const [, id, action] = methodAction as unknown as [string, string, string];
      if (action === 'attach') {
        const method = TEST_METHODS[id];
        if (!method) return noSuch('PaymentMethod', id, 'payment_method');
        const pm = nextId('pm');
        attached.set(pm, { method, customer: String(params.customer) });
        return ok(paymentMethod(pm, method, String(params.customer)));
      }
      const saved = attached.get(id);
      if (!saved) return noSuch('PaymentMethod', id, 'payment_method');
      saved.customer = null;
      return ok(paymentMethod(id, saved.method, null));
    }

    if (path === '/v1/payment_intents') {
      const saved = attached.get(String(params.payment_method));
      if (!saved) return noSuch('PaymentMethod', String(params.payment_method), 'payment_method');
      const id = nextId('pi');
      const amount = Number(params.amount);
      const intent = {
        id,
        object: 'payment_intent',
        amount,
        currency: params.currency,
        customer: params.customer,
        payment_method: params.payment_method,
        description: params.description ?? null,
        metadata: params.metadata ?? {},
        status: typeof saved.method.outcome === 'string' ? saved.method.outcome : 'requires_payment_method',
      };
      intents.set(id, { amount, refunded: 0, status: intent.status });
      if (typeof saved.method.outcome === 'object') {
        const error = {
          type: 'card_error',
          code: 'card_declined',
          decline_code: saved.method.outcome.declineCode,
          message: saved.method.outcome.declineCode === 'insufficient_funds' ? 'Your card has insufficient funds.' : 'Your card was declined.',
          payment_intent: { ...intent, last_payment_error: { type: 'card_error', code: 'card_declined', decline_code: saved.method.outcome.declineCode } },
        };
        return { status: 402, body: { error } };
      }
      return ok(intent);
    }

    // Payment links: Checkout Sessions in payment mode, with Stripe's checks on what the adapter sends.
    if (path === '/v1/checkout/sessions') {
      const item = (params.line_items as Record<string, Record<string, unknown>> | undefined)?.['0'] ?? {};
      const price = (item.price_data ?? {}) as Record<string, unknown>;
      const amount = Number(price.unit_amount);
      const expiresAt = Number(params.expires_at);
      const nowSeconds = Math.floor(Date.now() / 1000);
      if (params.mode !== 'payment') return { status: 400, body: stripeError('invalid_request_error', 'parameter_invalid', 'mode must be payment here') };
      if (!params.success_url) return { status: 400, body: stripeError('invalid_request_error', 'parameter_missing', 'Missing required param: success_url.') };
      if (!Number.isInteger(amount) || amount < 1) {
        return {
          status: 400,
          body: stripeError('invalid_request_error', 'parameter_invalid_integer', 'Invalid integer: line_items[0][price_data][unit_amount]'),
        };
      }
      if (!(expiresAt >= nowSeconds + 30 * 60 - 60 && expiresAt <= nowSeconds + 24 * 3600)) {
        return {
          status: 400,
          body: stripeError('invalid_request_error', 'parameter_invalid', 'The `expires_at` timestamp must be between 30 minutes and 24 hours from now.'),
        };
      }
      const id = nextId('cs_test');
      return ok({
        id,
        object: 'checkout.session',
        mode: 'payment',
        status: 'open',
        payment_status: 'unpaid',
        amount_total: amount * Number(item.quantity ?? 1),
        currency: price.currency,
        expires_at: expiresAt,
        metadata: params.metadata ?? {},
        url: `https://checkout.stripe.com/c/pay/${id}`,
      });
    }

    if (path === '/v1/refunds') {
      const intentId = String(params.payment_intent);
      const intent = intents.get(intentId);
      if (!intent) return noSuch('PaymentIntent', intentId, 'payment_intent');
      if (intent.status !== 'succeeded') {
        return {
          status: 400,
          body: stripeError('invalid_request_error', 'charge_not_refundable', `PaymentIntent ${intentId} has no successful charge to refund.`),
        };
      }
      const amount = params.amount === undefined ? intent.amount - intent.refunded : Number(params.amount);
      if (amount > intent.amount - intent.refunded) {
        return {
          status: 400,
          body: stripeError(
            'invalid_request_error',
            'amount_too_large',
            `Refund amount (${amount}) is greater than unrefunded amount on charge (${intent.amount - intent.refunded})`,
          ),
        };
      }
      if (fake.refundStatus !== 'failed') intent.refunded += amount;
      return ok({
        id: nextId('re'),
        object: 'refund',
        amount,
        payment_intent: intentId,
        status: fake.refundStatus,
        failure_reason: fake.refundStatus === 'failed' ? 'declined' : undefined,
        metadata: params.metadata ?? {},
      });
    }
    if (path === '/v1/transfers') {
      const destination = String(params.destination);
      if (!destination.startsWith('acct_') || destination.startsWith('acct_noSuchAccount')) return noSuch('Account', destination, 'destination');
      return ok({
        id: nextId('tr'),
        object: 'transfer',
        amount: Number(params.amount),
        currency: params.currency,
        destination,
        metadata: params.metadata ?? {},
      });
    }
    const reversal = /^\/v1\/transfers\/([^/]+)\/reversals$/.exec(path);
    if (reversal) return ok({ id: nextId('trr'), object: 'transfer_reversal', transfer: reversal[1], metadata: params.metadata ?? {} });
    if (path === '/v1/payouts') {
      if (!stripeAccount)
        return { status: 400, body: stripeError('invalid_request_error', 'balance_insufficient', 'The platform account has no bank account for this payout.') };
      if (stripeAccount.startsWith('acct_noBankAccount')) {
        return { status: 400, body: stripeError('invalid_request_error', 'no_external_account', 'This account has no external account to pay out to.') };
      }
      return ok({
        id: nextId('po'),
        object: 'payout',
        amount: Number(params.amount),
        currency: params.currency,
        status: 'pending',
        failure_code: null,
        metadata: params.metadata ?? {},
      });
    }
    return { status: 404, body: stripeError('invalid_request_error', undefined, `Unrecognized request URL (${method}: ${path}).`) };
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.port = (server.address() as AddressInfo).port;
  return fake;
}

function paymentMethod(id: string, method: TestMethod, customer: string | null) {
  return { id, object: 'payment_method', type: 'card', customer, card: { brand: method.brand, last4: method.last4, exp_month: 12, exp_year: 2034 } };
}

function ok(body: unknown): Answer {
  return { status: 200, body };
}

function noSuch(what: string, id: string, param: string): Answer {
  return { status: 400, body: { error: { type: 'invalid_request_error', code: 'resource_missing', param, message: `No such ${what}: '${id}'` } } };
}

function stripeError(type: string, code: string | undefined, message: string) {
  return { error: { type, ...(code ? { code } : {}), message } };
}

function send(res: ServerResponse, answer: Answer, headers: Record<string, string> = {}): void {
  res.writeHead(answer.status, { 'content-type': 'application/json', 'request-id': `req_fake_${Date.now()}`, ...headers });
  res.end(JSON.stringify(answer.body));
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * `a=1&metadata[k]=v&expand[0]=x&line_items[0][price_data][unit_amount]=5` → { a: '1', metadata: { k: 'v' },
 * expand: { 0: 'x' }, line_items: { 0: { price_data: { unit_amount: '5' } } } } (any depth; arrays as index-keyed objects).
 */
export function parseForm(raw: string): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    const outer = /^[^[]+/.exec(key)?.[0] ?? key;
    const inner = [...key.slice(outer.length).matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]!);
    let bucket = result;
    const path = [outer, ...inner];
    for (const part of path.slice(0, -1)) bucket = (bucket[part] ??= {}) as Record<string, unknown>;
    bucket[path.at(-1)!] = value;
  }
  return result;
}
