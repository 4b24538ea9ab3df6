// POST /webhooks/payments: where the payment provider reports what happened later (a pending charge settled, a
// refund failed). The answer is what the provider acts on: 2xx means "done, do not send again", anything else makes
// it retry (Stripe: for up to three days), so a failure to apply the event must not be answered 200.
import type { HttpPostRoute } from '../../../../platform/http/index.js';
import type { Logger } from '../../../../platform/logging/index.js';
import { WebhookVerificationError, type PaymentProvider, type ProviderWebhookEvent } from '../providers/provider.js';

export const PAYMENTS_WEBHOOK_PATH = '/webhooks/payments';

export interface WebhookRouteOptions {
  provider: Pick<PaymentProvider, 'name' | 'verifyWebhook'>;
  /**
   * Applies a verified event (once per event id: the provider may send one again). Throws when it could not, so the
   * provider retries.
   */
  handle: (event: ProviderWebhookEvent) => Promise<void>;
  logger: Logger;
}

/**
 * The handler for `postRoutes[PAYMENTS_WEBHOOK_PATH]`:
 * 400 `{ error }` for a webhook that does not verify (nothing applied), 200 `{ received: true }` once handled,
 * 500 `{ error }` when handling failed (logged; the provider sends it again).
 */
export function createWebhookRoute(options: WebhookRouteOptions): HttpPostRoute {
  const { provider, handle, logger } = options;
  return async (req, rawBody) => {
    let event: ProviderWebhookEvent;
    try {
      event = provider.verifyWebhook(rawBody, req.headers);
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) throw error;
      // Forged, stale or mangled on the way: a warning, since a misconfigured secret shows up here first.
      logger.warn({ provider: provider.name, reason: error.message }, 'payment webhook refused: it does not verify');
      return { status: 400, body: { error: `webhook does not verify: ${error.message}` } };
    }
    try {
      await handle(event);
    } catch (error) {
      logger.error(
        { err: error, provider: provider.name, eventId: event.id, providerType: event.providerType },
        'payment webhook not applied; the provider will retry',
      );
      return { status: 500, body: { error: 'webhook not applied; retry later' } };
    }
    return { status: 200, body: { received: true } };
  };
}
