// payments' configuration: defaults, the Stripe settings, and what production refuses.
import { ConfigError } from '../../../platform/config/index.js';
import { DEVELOPMENT_DATA_KEY, DEVELOPMENT_WEBHOOK_SECRET, readPaymentsConfig } from '../src/config.js';
import { createPaymentProvider, DevelopmentPaymentProvider, StripePaymentProvider } from '../src/providers/index.js';

const STRIPE = { PAYMENTS_PROVIDER: 'stripe', STRIPE_SECRET_KEY: 'sk_test_abc123', STRIPE_WEBHOOK_SECRET: 'whsec_abc123' };

const refusal = (env: NodeJS.ProcessEnv) => {
  try {
    readPaymentsConfig(env);
    return 'accepted';
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
};

test('defaults: the development provider with the fixed development secret, 1000000 minor units, USD, 16 settlement members', () => {
  expect(readPaymentsConfig({})).toEqual({
    provider: { kind: 'development', webhookSecret: DEVELOPMENT_WEBHOOK_SECRET, webhookDelayMs: 2000 },
    maxAmountMinor: 1_000_000,
    currency: 'USD',
    settlementConcurrency: 16,
    rentIntervalMs: 60_000,
    publicUrl: 'http://localhost:4004',
    devPayPages: true,
    dataKey: { key: Buffer.from(DEVELOPMENT_DATA_KEY, 'base64'), isDevelopmentDefault: true },
  });
});

test('explicit values', () => {
  expect(
    readPaymentsConfig({
      PAYMENTS_WEBHOOK_SECRET: 'whsec_0123456789abcdef',
      PAYMENTS_DEV_WEBHOOK_DELAY_MS: '0',
      PAYMENTS_MAX_AMOUNT_MINOR: '5000',
      PAYMENTS_CURRENCY: 'eur',
      PAYMENTS_SETTLEMENT_CONCURRENCY: '8',
      PAYMENTS_RENT_INTERVAL_MS: '5000',
    }),
  ).toEqual({
    provider: { kind: 'development', webhookSecret: 'whsec_0123456789abcdef', webhookDelayMs: 0 },
    maxAmountMinor: 5000,
    currency: 'EUR',
    settlementConcurrency: 8,
    rentIntervalMs: 5000,
    publicUrl: 'http://localhost:4004',
    devPayPages: true,
    dataKey: { key: Buffer.from(DEVELOPMENT_DATA_KEY, 'base64'), isDevelopmentDefault: true },
  });
  expect(() => readPaymentsConfig({ PAYMENTS_SETTLEMENT_CONCURRENCY: '0' })).toThrow(/PAYMENTS_SETTLEMENT_CONCURRENCY: must be at least 1/);
  expect(() => readPaymentsConfig({ PAYMENTS_RENT_INTERVAL_MS: '10' })).toThrow(/PAYMENTS_RENT_INTERVAL_MS: must be at least 1000/);
});

test('PAYMENTS_PUBLIC_URL (trailing slash dropped); the development checkout pages only with the development provider, never in production', () => {
  expect(readPaymentsConfig({ PAYMENTS_PUBLIC_URL: 'https://pay.example.com/' }).publicUrl).toBe('https://pay.example.com');
  expect(refusal({ PAYMENTS_PUBLIC_URL: 'ftp://x' })).toMatch(/PAYMENTS_PUBLIC_URL/);
  expect(readPaymentsConfig({ NODE_ENV: 'test' }).devPayPages).toBe(true);
  expect(readPaymentsConfig(STRIPE).devPayPages).toBe(false);
  const staging = {
    NODE_ENV: 'production',
    PAYMENTS_ALLOW_DEVELOPMENT_PROVIDER: 'true',
    PAYMENTS_WEBHOOK_SECRET: 'whsec_0123456789abcdef',
    PAYMENTS_DATA_KEY: Buffer.alloc(32).toString('base64'),
  };
  expect(readPaymentsConfig(staging).devPayPages).toBe(false);
});

test('stripe: its key and webhook secret; STRIPE_API_BASE gives host, port and protocol', () => {
  expect(readPaymentsConfig(STRIPE).provider).toEqual({ kind: 'stripe', apiKey: 'sk_test_abc123', webhookSecret: 'whsec_abc123', api: undefined });
  expect(readPaymentsConfig({ ...STRIPE, STRIPE_API_BASE: 'http://127.0.0.1:12111' }).provider).toMatchObject({
    api: { host: '127.0.0.1', port: 12111, protocol: 'http' },
  });
  expect(readPaymentsConfig({ ...STRIPE, STRIPE_API_BASE: 'https://stripe.internal' }).provider).toMatchObject({
    api: { host: 'stripe.internal', port: 443, protocol: 'https' },
  });
});

test('stripe without its secrets is refused, naming the variable (in any environment)', () => {
  expect(refusal({ PAYMENTS_PROVIDER: 'stripe', STRIPE_WEBHOOK_SECRET: 'whsec_x' })).toMatch(/^PAYMENTS_PROVIDER=stripe needs STRIPE_SECRET_KEY/);
  expect(refusal({ PAYMENTS_PROVIDER: 'stripe', STRIPE_SECRET_KEY: 'sk_live_x', NODE_ENV: 'production' })).toMatch(
    /^PAYMENTS_PROVIDER=stripe needs STRIPE_WEBHOOK_SECRET/,
  );
  expect(readPaymentsConfig({ ...STRIPE, NODE_ENV: 'production', PAYMENTS_DATA_KEY: Buffer.alloc(32).toString('base64') }).provider.kind).toBe('stripe');
});

test('production refuses the development provider unless PAYMENTS_ALLOW_DEVELOPMENT_PROVIDER=true, and then needs its own secret', () => {
  expect(refusal({ NODE_ENV: 'production' })).toMatch(/^PAYMENTS_PROVIDER=development in production: .*PAYMENTS_ALLOW_DEVELOPMENT_PROVIDER=true/);
  expect(refusal({ NODE_ENV: 'production', PAYMENTS_ALLOW_DEVELOPMENT_PROVIDER: 'true' })).toBe(
    'PAYMENTS_WEBHOOK_SECRET is required in production with the development provider: the default one is public.',
  );
  expect(
    readPaymentsConfig({
      NODE_ENV: 'production',
      PAYMENTS_ALLOW_DEVELOPMENT_PROVIDER: 'true',
      PAYMENTS_WEBHOOK_SECRET: 'staging-secret-0123456789',
      PAYMENTS_DATA_KEY: Buffer.alloc(32).toString('base64'),
    }).provider,
  ).toEqual({
    kind: 'development',
    webhookSecret: 'staging-secret-0123456789',
    webhookDelayMs: 2000,
  });
});

test.each([
  ['PAYMENTS_PROVIDER', 'paypal', 'must be development or stripe'],
  ['STRIPE_SECRET_KEY', 'pk_test_abc', 'must be a Stripe secret key'],
  ['STRIPE_WEBHOOK_SECRET', 'secret', 'must be the webhook endpoint'],
  ['STRIPE_API_BASE', 'localhost:12111', 'must be a http: or https:// URL'],
  ['PAYMENTS_MAX_AMOUNT_MINOR', '99', 'must be at least 100'],
  ['PAYMENTS_CURRENCY', 'dollars', 'must be an ISO 4217 currency code'],
  ['PAYMENTS_WEBHOOK_SECRET', 'short', 'must be at least 16 characters'],
])('%s=%s is refused', (name, value, message) => {
  const text = refusal({ [name]: value });
  expect(text).toContain(`${name}: ${message}`);
});

test('createPaymentProvider builds the configured provider', () => {
  const dev = createPaymentProvider(readPaymentsConfig({}));
  expect(dev).toBeInstanceOf(DevelopmentPaymentProvider);
  expect(dev.name).toBe('development');
  dev.close();
  const stripe = createPaymentProvider(readPaymentsConfig(STRIPE));
  expect(stripe).toBeInstanceOf(StripePaymentProvider);
  expect(stripe.name).toBe('stripe');
});

describe('PAYMENTS_DATA_KEY (encrypts payout destinations)', () => {
  const key = Buffer.alloc(32, 7).toString('base64');
  const PRODUCTION = { ...STRIPE, NODE_ENV: 'production' };

  test('a 32-byte base64 key is used as given', () => {
    expect(readPaymentsConfig({ PAYMENTS_DATA_KEY: key }).dataKey).toEqual({ key: Buffer.alloc(32, 7), isDevelopmentDefault: false });
    expect(readPaymentsConfig({ ...PRODUCTION, PAYMENTS_DATA_KEY: key }).dataKey.isDevelopmentDefault).toBe(false);
  });

  test('outside production, unset: the fixed development key, flagged so the server warns', () => {
    expect(readPaymentsConfig({ NODE_ENV: 'test' }).dataKey).toEqual({ key: Buffer.from(DEVELOPMENT_DATA_KEY, 'base64'), isDevelopmentDefault: true });
    expect(Buffer.from(DEVELOPMENT_DATA_KEY, 'base64')).toHaveLength(32);
  });

  test('required in production', () => {
    expect(refusal(PRODUCTION)).toMatch(/^PAYMENTS_DATA_KEY is required in production/);
  });

  test.each([
    ['16 bytes', Buffer.alloc(16).toString('base64')],
    ['not base64', 'not a key at all, just words!!'],
    ['33 bytes', Buffer.alloc(33).toString('base64')],
  ])('%s is refused, naming the variable', (_name, value) => {
    expect(refusal({ PAYMENTS_DATA_KEY: value })).toMatch(/PAYMENTS_DATA_KEY: must be 32 bytes in base64/);
  });
});
