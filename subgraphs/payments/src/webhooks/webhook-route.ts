// POST /webhooks/payments: the provider's webhooks, verified over the raw body before anything is read.
import type { HttpPostRoute } from '../../../../platform/http/index.js';
import type { Logger } from '../../../../platform/logging/index.js';
import { WebhookVerificationError, type PaymentProvider, type ProviderWebhookEvent } from '../providers/provider.js';

export const WEBHOOK_PATH = '/webhooks/payments';

export function createWebhookRoute({
  provider,
  handle,
  logger,
}: {
  provider: PaymentProvider;
  handle: (event: ProviderWebhookEvent) => Promise<void>;
  logger: Logger;
}): HttpPostRoute {
  return async (req, rawBody) => {
    let event: ProviderWebhookEvent;
    try {
      event = provider.verifyWebhook(rawBody, req.headers);
    } catch (error) {
      if (error instanceof WebhookVerificationError) return { status: 400, body: { error: error.message } };
      throw error;
    }
    try {
      await handle(event);
    } catch (error) {
      // The provider delivers it again later.
      logger.warn({ err: error, eventId: event.id }, 'payments webhook not applied; the provider will retry');
      return { status: 500, body: { error: 'not applied, retry later' } };
    }
    return { status: 200, body: { received: true } };
  };
}
