// What a verified provider webhook changes. Each provider event id is handled once (provider_events, in the same
// transaction as its effect); an event that does not match the payment's state — late, reordered, about a payment
// already settled — changes nothing.
import { isUuid } from '../../../../platform/graphql/index.js';
import type { Logger } from '../../../../platform/logging/index.js';
import type { ProviderWebhookEvent } from '../providers/provider.js';
import type { PaymentsPrisma } from '../store/database.js';
import type { Tx } from '../store/db.js';
import { lockPayment } from '../store/payment-lock.js';
import type { PaymentFlow } from './payment-flow.js';
import type { Refunds } from './refunds.js';
import type { Settler } from './settle.js';

export class UnknownProviderPaymentError extends Error {
  override readonly name = 'UnknownProviderPaymentError';
}

export function createWebhookHandler(deps: {
  prisma: PaymentsPrisma;
  providerName: string;
  settler: Settler;
  flow: PaymentFlow;
  refunds: Refunds;
  logger: Logger;
  afterCommit: () => void;
  /** Payment links' webhooks (services/payment-links.ts); given late, as links are built after this handler. */
  links?: () => { onProviderEvent(tx: Tx, event: ProviderWebhookEvent): Promise<void> };
  /** payout.paid / payout.failed (services/payouts/outcomes.ts), in the transaction that records the event. */
  onPayoutEvent?: (tx: Tx, event: ProviderWebhookEvent) => Promise<(() => Promise<unknown>) | void>;
}) {
  const { prisma, providerName, settler, flow, refunds, logger } = deps;
  /**
   * @throws UnknownProviderPaymentError for a charge event about a payment not known yet (the webhook outran the
   *   charger's commit): answered 500, so the provider delivers it again later.
   */
  return async (event: ProviderWebhookEvent): Promise<void> => {
    // Work that must see this transaction committed (a payout batch's completion).
    const afterPayout: { run?: () => Promise<unknown> } = {};
    await prisma.$transaction(async (tx) => {
      const fresh =
        await tx.$executeRaw`insert into payments.provider_events (provider, event_id, type) values (${providerName}, ${event.id}, ${event.providerType}) on conflict do nothing`;
      if (fresh === 0) return; // a replay
      switch (event.kind) {
        case 'charge.succeeded':
        case 'charge.failed': {
          const byProviderId = event.providerPaymentId
            ? await tx.payment.findUnique({ where: { providerPaymentId: event.providerPaymentId }, select: { id: true } })
            : null;
          // The webhook can outrun the charger's commit of the provider's id: the metadata names our payment.
          const metadataId = event.metadata?.paymentId;
          const paymentId = byProviderId?.id ?? (metadataId && isUuid(metadataId) ? metadataId : null);
          const payment = paymentId ? await lockPayment(tx, paymentId) : null;
          // The PaymentIntent behind a payment link's checkout (Stripe sends its events too): the link's own
          // checkout.session.* event books it, this one is not a charge of ours.
          if (!payment && event.metadata?.paymentLinkId) return;
          if (!payment) throw new UnknownProviderPaymentError(`no payment with provider id ${event.providerPaymentId} yet`);
          if (payment.status !== 'PENDING') return;
          // A webhook about another charge than the one this payment waits for is not ours to apply.
          if (payment.providerPaymentId && event.providerPaymentId && payment.providerPaymentId !== event.providerPaymentId) return;
          if (event.kind === 'charge.succeeded')
            await settler.settle(tx, payment, { by: 'CARD', cardId: payment.cardId, providerPaymentId: event.providerPaymentId ?? payment.providerPaymentId });
          else await flow.afterCardFailure(tx, payment, event.failureCode ?? 'card_declined');
          return;
        }
        case 'refund.succeeded':
        case 'refund.failed':
          if (event.providerRefundId) await refunds.onProviderRefund(tx, event.providerRefundId, event.kind === 'refund.succeeded');
          return;
        case 'link.paid':
        case 'link.expired':
          if (!deps.links) throw new Error('payment link webhook without a payment links service');
          await deps.links().onProviderEvent(tx, event);
          return;
        case 'payout.paid':
        case 'payout.failed':
          if (deps.onPayoutEvent) afterPayout.run = (await deps.onPayoutEvent(tx, event)) ?? undefined;
          return;
        case 'ignored':
          logger.debug({ eventId: event.id, type: event.providerType }, 'payments webhook ignored');
          return;
      }
    });
    await afterPayout.run?.();
    deps.afterCommit();
  };
}
