// payments' own settings (which card provider, its secrets, charge limits), read once at build time.
import { z } from 'zod';
import { ConfigError, envVar, readEnv } from '../../../platform/config/index.js';

/** Signs the development provider's webhooks when PAYMENTS_WEBHOOK_SECRET is not set (never in production). */
export const DEVELOPMENT_WEBHOOK_SECRET = 'whsec_ridegraph_development_only';

export type PaymentsProviderConfig =
  | {
      kind: 'development';
      /** Signs and verifies its webhooks (PAYMENTS_WEBHOOK_SECRET). */
      webhookSecret: string;
      /** How long after a pending charge its confirming webhook comes (PAYMENTS_DEV_WEBHOOK_DELAY_MS, default 2000). */
      webhookDelayMs: number;
    }
  | {
      kind: 'stripe';
      apiKey: string;
      webhookSecret: string;
      /** From STRIPE_API_BASE (a fake Stripe in tests); undefined: api.stripe.com. */
      api: { host: string; port: number; protocol: 'http' | 'https' } | undefined;
    };

export interface PaymentsConfig {
  provider: PaymentsProviderConfig;
  /** Largest single charge or top-up in minor units (PAYMENTS_MAX_AMOUNT_MINOR, default 1000000). */
  maxAmountMinor: number;
  /** Currency of wallets and top-ups, ISO 4217 (PAYMENTS_CURRENCY, default USD). */
  currency: string;
  /**
   * Members of the consumer group 'payments' in one process (PAYMENTS_SETTLEMENT_CONCURRENCY, default 16). Each holds
   * one event at a time; what they hold is settled together in one transaction (platform/events/batcher.ts), so this is
   * also the largest batch. Each member is one blocking Redis connection in distributed mode.
   */
  settlementConcurrency: number;
  /** How often the rent job looks for rent periods that started (PAYMENTS_RENT_INTERVAL_MS, default 60000). */
  rentIntervalMs: number;
  /**
   * Where this subgraph is reached from outside (PAYMENTS_PUBLIC_URL, default http://localhost:4004, no trailing
   * slash): vehicle payment QR codes hold `<it>/pay/vehicles/<id>`, the development provider's links `<it>/dev-pay/<id>`.
   */
  publicUrl: string;
  /** Serve the development provider's checkout pages (/dev-pay/…): with the development provider, never in production. */
  devPayPages: boolean;
  /**
   * Encrypts stored bank account numbers (AES-256-GCM; PAYMENTS_DATA_KEY, 32 bytes in base64). Outside production a
   * fixed development key is used when unset (`isDevelopmentDefault`: the server logs a warning); required in
   * production.
   */
  dataKey: { key: Buffer; isDevelopmentDefault: boolean };
}

/** Encrypts payout destinations when PAYMENTS_DATA_KEY is not set (never in production: it is public). */
export const DEVELOPMENT_DATA_KEY = Buffer.from('ridegraph-development-data-key!!', 'utf8').toString('base64');

/**
 * PAYMENTS_PROVIDER=stripe needs STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET. In production the development
 * provider (test cards that always succeed: free rides) is refused unless PAYMENTS_ALLOW_DEVELOPMENT_PROVIDER=true
 * (a staging environment), and then needs its own PAYMENTS_WEBHOOK_SECRET, since the default one is public.
 * @throws ConfigError naming each invalid or missing variable.
 */
export function readPaymentsConfig(env: NodeJS.ProcessEnv = process.env): PaymentsConfig {
  const e = readEnv(
    {
      NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
      PAYMENTS_PROVIDER: z.enum(['development', 'stripe'], { message: 'must be development or stripe' }).default('development'),
      PAYMENTS_ALLOW_DEVELOPMENT_PROVIDER: envVar.boolean(false),
      PAYMENTS_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
      PAYMENTS_DEV_WEBHOOK_DELAY_MS: z.coerce.number().int().min(0, 'must be at least 0').max(600_000, 'must be at most 600000').default(2000),
      STRIPE_SECRET_KEY: z
        .string()
        .regex(/^(sk|rk)_(test|live)_\w+$/, 'must be a Stripe secret key (sk_live_…, sk_test_… or a restricted rk_…)')
        .optional(),
      STRIPE_WEBHOOK_SECRET: z
        .string()
        .regex(/^whsec_\w+$/, "must be the webhook endpoint's signing secret (whsec_…)")
        .optional(),
      STRIPE_API_BASE: envVar.url(['http:', 'https:'], 'http://127.0.0.1:12111').optional(),
      // Amounts are stored as bigint but travel as GraphQL Int (32-bit).
      PAYMENTS_MAX_AMOUNT_MINOR: z.coerce.number().int().min(100, 'must be at least 100').max(2_147_483_647, 'must be at most 2147483647').default(1_000_000),
      PAYMENTS_CURRENCY: z
        .string()
        .regex(/^[A-Za-z]{3}$/, 'must be an ISO 4217 currency code, e.g. USD')
        .transform((value) => value.toUpperCase())
        .default('USD'),
      PAYMENTS_PUBLIC_URL: envVar.url(['http:', 'https:'], 'https://payments.example.com').default('http://localhost:4004'),
      PAYMENTS_SETTLEMENT_CONCURRENCY: z.coerce.number().int().min(1, 'must be at least 1').max(32, 'must be at most 32').default(16),
      PAYMENTS_RENT_INTERVAL_MS: z.coerce.number().int().min(1000, 'must be at least 1000').max(86_400_000, 'must be at most 86400000').default(60_000),
      PAYMENTS_DATA_KEY: z
        .string()
        .refine(
          (value) => /^[A-Za-z0-9+/]+={0,2}$/.test(value) && Buffer.from(value, 'base64').length === 32,
          'must be 32 bytes in base64 (openssl rand -base64 32)',
        )
        .optional(),
    },
    env,
  );
  const production = e.NODE_ENV === 'production';
  const provider = providerConfig();
  return {
    provider,
    publicUrl: e.PAYMENTS_PUBLIC_URL.replace(/\/+$/, ''),
    devPayPages: provider.kind === 'development' && !production,
    maxAmountMinor: e.PAYMENTS_MAX_AMOUNT_MINOR,
    currency: e.PAYMENTS_CURRENCY,
    settlementConcurrency: e.PAYMENTS_SETTLEMENT_CONCURRENCY,
    rentIntervalMs: e.PAYMENTS_RENT_INTERVAL_MS,
    dataKey: dataKeyConfig(),
  };

  function dataKeyConfig(): PaymentsConfig['dataKey'] {
    if (e.PAYMENTS_DATA_KEY) return { key: Buffer.from(e.PAYMENTS_DATA_KEY, 'base64'), isDevelopmentDefault: false };
    if (production) {
      throw new ConfigError(
        "PAYMENTS_DATA_KEY is required in production: it encrypts drivers' bank account numbers (32 bytes in base64, e.g. openssl rand -base64 32).",
      );
    }
    return { key: Buffer.from(DEVELOPMENT_DATA_KEY, 'base64'), isDevelopmentDefault: true };
  }

  function providerConfig(): PaymentsProviderConfig {
    if (e.PAYMENTS_PROVIDER === 'stripe') {
      if (!e.STRIPE_SECRET_KEY) throw new ConfigError('PAYMENTS_PROVIDER=stripe needs STRIPE_SECRET_KEY (the API secret key, sk_live_… or sk_test_…).');
      if (!e.STRIPE_WEBHOOK_SECRET) {
        throw new ConfigError(
          'PAYMENTS_PROVIDER=stripe needs STRIPE_WEBHOOK_SECRET (the signing secret, whsec_…, of the webhook endpoint /webhooks/payments).',
        );
      }
      return {
        kind: 'stripe',
        apiKey: e.STRIPE_SECRET_KEY,
        webhookSecret: e.STRIPE_WEBHOOK_SECRET,
        api: e.STRIPE_API_BASE ? apiOf(e.STRIPE_API_BASE) : undefined,
      };
    }
    if (production && !e.PAYMENTS_ALLOW_DEVELOPMENT_PROVIDER) {
      throw new ConfigError(
        'PAYMENTS_PROVIDER=development in production: its test cards charge nobody. Set PAYMENTS_PROVIDER=stripe with ' +
          'STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET, or PAYMENTS_ALLOW_DEVELOPMENT_PROVIDER=true to run it anyway (staging).',
      );
    }
    if (production && !e.PAYMENTS_WEBHOOK_SECRET) {
      throw new ConfigError('PAYMENTS_WEBHOOK_SECRET is required in production with the development provider: the default one is public.');
    }
    return { kind: 'development', webhookSecret: e.PAYMENTS_WEBHOOK_SECRET ?? DEVELOPMENT_WEBHOOK_SECRET, webhookDelayMs: e.PAYMENTS_DEV_WEBHOOK_DELAY_MS };
  }
}

function apiOf(base: string): { host: string; port: number; protocol: 'http' | 'https' } {
  const url = new URL(base);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return { host: url.hostname, port: url.port ? Number(url.port) : protocol === 'http' ? 80 : 443, protocol };
}
