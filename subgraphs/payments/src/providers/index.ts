// Builds the payment provider the configuration names.
import type { PaymentsConfig } from '../config.js';
import { DevelopmentPaymentProvider, type DeliverWebhook } from './development-provider.js';
import type { PaymentProvider } from './provider.js';
import { StripePaymentProvider } from './stripe-provider.js';

export * from './provider.js';
export { DevelopmentPaymentProvider, DEVELOPMENT_TEST_CARDS, type DeliverWebhook, type DevelopmentProviderOptions } from './development-provider.js';
export { StripePaymentProvider, type StripeProviderOptions } from './stripe-provider.js';

export interface PaymentProviderDependencies {
  /**
   * Development provider only: where its webhooks go (in-process to the webhook route's handler, or POSTed to
   * /webhooks/payments); a rejection is retried. Stripe sends its own to the URL set in its dashboard.
   */
  deliverWebhook?: DeliverWebhook;
  /** Development provider only: told when a webhook could not be delivered after every attempt. */
  onWebhookDeliveryFailed?: (error: unknown, eventId: string) => void;
}

/** The provider plus `close` (stops the development provider's pending webhooks; nothing for Stripe). */
export function createPaymentProvider(config: PaymentsConfig, dependencies: PaymentProviderDependencies = {}): PaymentProvider & { close(): void } {
  const provider = config.provider;
  if (provider.kind === 'stripe') {
    return new StripePaymentProvider({ apiKey: provider.apiKey, webhookSecret: provider.webhookSecret, ...provider.api });
  }
  return new DevelopmentPaymentProvider({
    webhookSecret: provider.webhookSecret,
    webhookDelayMs: provider.webhookDelayMs,
    linkBaseUrl: config.publicUrl,
    deliver: dependencies.deliverWebhook,
    onDeliveryFailed: dependencies.onWebhookDeliveryFailed ? (error, event) => dependencies.onWebhookDeliveryFailed!(error, event.id) : undefined,
  });
}
