// How a sent payout becomes final, whoever learns it first (the provider's answer to the sender, or its webhook):
//   paid   → PAYOUT:          payouts in transit −A · provider clearing +A   (the money left the platform)
//   failed → PAYOUT_RETURNED: payouts in transit −A · driver earnings +A     (back on the driver's balance)
// Under the item's row lock and only from PENDING: the first final state wins, a replay or a late contradicting
// event changes nothing.
import { isUuid } from '../../../../../platform/graphql/index.js';
import type { ProviderWebhookEvent } from '../../providers/provider.js';
import type { PaymentsPrisma } from '../../store/database.js';
import type { Tx } from '../../store/db.js';
import { completeIfFinal, lockItem } from '../../store/payout-store.js';
import type { PayoutItem } from '../../store/prisma/client.js';
import { owned, platform, type Ledger } from '../ledger.js';
import { UnknownProviderPaymentError } from '../webhooks.js';
import { emitPayoutFinal } from './payout-events.js';

export type FinalOutcome = { paid: true } | { paid: false; failureCode: string };

export function createPayoutOutcomes(ledger: Ledger, prisma: PaymentsPrisma) {
  /** @returns whether this call made the item final. */
  async function applyFinal(tx: Tx, itemId: string, outcome: FinalOutcome, providerPayoutId: string | null): Promise<boolean> {
    const item = await lockItem(tx, itemId);
    if (!item || item.status !== 'PENDING') return false;
    // An answer about another payout than the one this item sent is not ours to apply.
    if (item.providerPayoutId && providerPayoutId && item.providerPayoutId !== providerPayoutId) return false;
    const currency = item.currency.trim();
    const amount = item.amountMinor;
    const entryId = await ledger.post(tx, currency, {
      cause: outcome.paid ? 'PAYOUT' : 'PAYOUT_RETURNED',
      description: outcome.paid ? `Payout ${item.id} paid` : `Payout ${item.id} returned (${outcome.failureCode})`,
      shardKey: item.id,
      legs: outcome.paid
        ? [platform('PAYOUTS_IN_TRANSIT', -amount), platform('PROVIDER_CLEARING', amount)]
        : [platform('PAYOUTS_IN_TRANSIT', -amount), owned('DRIVER_EARNINGS', item.driverUserId, amount)],
    });
    const updated: PayoutItem = await tx.payoutItem.update({
      where: { id: item.id },
      data: {
        status: outcome.paid ? 'PAID' : 'FAILED',
        failureCode: outcome.paid ? null : outcome.failureCode,
        finalEntryId: entryId,
        providerPayoutId: item.providerPayoutId ?? providerPayoutId,
        nextAttemptAt: null,
      },
    });
    await emitPayoutFinal(tx, updated, outcome);
    // Completes the batch if this was its last open item (a concurrent last item is caught after commit, or by the sender's sweep).
    await completeIfFinal(tx, item.batchId);
    return true;
  }

  return {
    applyFinal,
    /**
     * A verified payout.paid / payout.failed webhook, inside the webhook's transaction (its event id recorded there).
     * @throws UnknownProviderPaymentError when no item matches yet (the webhook outran the sender's commit): answered
     *   500, so the provider delivers it again.
     */
    async onWebhook(tx: Tx, event: ProviderWebhookEvent): Promise<() => Promise<unknown>> {
      const byProviderId = event.providerPayoutId
        ? await tx.payoutItem.findUnique({ where: { providerPayoutId: event.providerPayoutId }, select: { id: true } })
        : null;
      const metadataId = event.metadata?.payoutItemId;
      const itemId = byProviderId?.id ?? (metadataId && isUuid(metadataId) ? metadataId : null);
      const exists = itemId ? await tx.payoutItem.findUnique({ where: { id: itemId }, select: { id: true } }) : null;
      if (!exists) throw new UnknownProviderPaymentError(`no payout item with provider id ${event.providerPayoutId} yet`);
      const outcome: FinalOutcome = event.kind === 'payout.paid' ? { paid: true } : { paid: false, failureCode: event.failureCode ?? 'payout_failed' };
      await applyFinal(tx, exists.id, outcome, event.providerPayoutId ?? null);
      // After commit: two last items made final at once may each have missed the other's in the check above.
      const { batchId } = await tx.payoutItem.findUniqueOrThrow({ where: { id: exists.id }, select: { batchId: true } });
      return () => completeIfFinal(prisma, batchId);
    },
  };
}

export type PayoutOutcomes = ReturnType<typeof createPayoutOutcomes>;
