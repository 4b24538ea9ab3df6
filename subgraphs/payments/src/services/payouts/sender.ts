// The payout sender: sends PENDING (debited) items through the provider, outside any database transaction, as the
// charger charges cards. Items are claimed (attempts + 1, a 2-minute lease) in a short transaction with FOR UPDATE
// SKIP LOCKED, so replicas share the work and a process that dies mid-send leaves them to be claimed again; the
// provider's idempotency key (the item's id) makes that retry return the first payout instead of paying twice.
// Each pass also finishes submissions that died mid-way (DRAFT items of SUBMITTED batches) and completes batches
// whose items are all final.
//
// A provider that cannot be reached is retried after 1 min, 5 min, 30 min, then every 2 h, never given up on: the
// payout may have been made before the connection broke, so returning the money to the balance could pay it twice.
import { createPollingLoop } from '../../../../../platform/jobs/index.js';
import type { Logger } from '../../../../../platform/logging/index.js';
import { ProviderRejectedError, ProviderUnavailableError, type PaymentProvider, type PayoutOutcome } from '../../providers/provider.js';
import type { PaymentsPrisma } from '../../store/database.js';
import { completeFinishedBatches, completeIfFinal, findDestinations, submittedBatchesWithDrafts } from '../../store/payout-store.js';
import type { PayoutItem } from '../../store/prisma/client.js';
import type { PayoutBatches } from './batches.js';
import type { Destinations } from './destinations.js';
import type { PayoutOutcomes } from './outcomes.js';

export const PAYOUT_RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000] as const;
const LEASE_MS = 2 * 60_000;
/** Items claimed per pass, and provider calls in flight at once. */
const CLAIM = 200;
const CONCURRENCY = 16;

type SendOutcome = PayoutOutcome | { status: 'unavailable'; message: string };

export interface PayoutSenderDeps {
  prisma: PaymentsPrisma;
  provider: PaymentProvider;
  destinations: Destinations;
  outcomes: PayoutOutcomes;
  batches: () => PayoutBatches;
  logger: Logger;
  afterCommit?: () => void;
  pollIntervalMs?: number;
}

export function createPayoutSender({ prisma, provider, destinations, outcomes, batches, logger, afterCommit, pollIntervalMs = 1000 }: PayoutSenderDeps) {
  async function claim(): Promise<PayoutItem[]> {
    return prisma.$transaction(async (tx) => {
      const ids = await tx.$queryRaw<{ id: string }[]>`
        select id from payments.payout_items where status = 'PENDING' and provider_payout_id is null and next_attempt_at <= now()
        order by next_attempt_at limit ${CLAIM} for update skip locked`;
      if (ids.length === 0) return [];
      const lease = new Date(Date.now() + LEASE_MS);
      await tx.payoutItem.updateMany({ where: { id: { in: ids.map((r) => r.id) } }, data: { attempts: { increment: 1 }, nextAttemptAt: lease } });
      return tx.payoutItem.findMany({ where: { id: { in: ids.map((r) => r.id) } } });
    });
  }

  async function send(item: PayoutItem, destination: Parameters<Destinations['details']>[0] | undefined): Promise<SendOutcome> {
    if (!destination) return { status: 'failed', providerPayoutId: null, failureCode: 'no_destination' };
    try {
      return await provider.payout({
        idempotencyKey: item.id,
        destination: destinations.details(destination),
        amountMinor: Number(item.amountMinor),
        currency: item.currency.trim(),
        metadata: { payoutItemId: item.id, batchId: item.batchId, driverId: item.driverId },
      });
    } catch (error) {
      if (error instanceof ProviderUnavailableError) return { status: 'unavailable', message: error.message };
      if (error instanceof ProviderRejectedError) return { status: 'failed', providerPayoutId: null, failureCode: error.code };
      throw error;
    }
  }

  /** Applies the outcomes of one claimed page in one transaction. */
  async function apply(results: { item: PayoutItem; outcome: SendOutcome }[]): Promise<void> {
    await prisma.$transaction(async (tx) => {
      const pending = results.filter((r) => r.outcome.status === 'pending' && r.outcome.providerPayoutId);
      if (pending.length > 0) {
        // The webhook may have made the item final already: only the provider's id is filled in then.
        await tx.$executeRaw`
          update payments.payout_items i set provider_payout_id = v.pid, next_attempt_at = null, updated_at = now()
          from unnest(${pending.map((r) => r.item.id)}::uuid[], ${pending.map((r) => (r.outcome as PayoutOutcome).providerPayoutId)}::text[]) as v(id, pid)
          where i.id = v.id and i.provider_payout_id is null`;
      }
      for (const { item, outcome } of results) {
        if (outcome.status === 'paid') await outcomes.applyFinal(tx, item.id, { paid: true }, outcome.providerPayoutId);
        else if (outcome.status === 'failed')
          await outcomes.applyFinal(tx, item.id, { paid: false, failureCode: outcome.failureCode ?? 'payout_failed' }, outcome.providerPayoutId);
        else if (outcome.status === 'unavailable') {
          const delay = PAYOUT_RETRY_DELAYS_MS[Math.min(item.attempts, PAYOUT_RETRY_DELAYS_MS.length) - 1]!;
          if (item.attempts >= PAYOUT_RETRY_DELAYS_MS.length)
            logger.error({ payoutItemId: item.id, attempts: item.attempts }, 'payout provider still unreachable; retrying every 2 h');
          await tx.payoutItem.updateMany({
            where: { id: item.id, status: 'PENDING', providerPayoutId: null },
            data: { nextAttemptAt: new Date(Date.now() + delay), failureCode: 'provider_unavailable' },
          });
        }
      }
    });
    // After commit, so a batch whose other items were made final concurrently (webhooks) is seen whole.
    for (const batchId of new Set(results.map((r) => r.item.batchId))) await completeIfFinal(prisma, batchId);
    afterCommit?.();
  }

  async function pass(): Promise<number> {
    for (const { id } of await submittedBatchesWithDrafts(prisma, 5)) await batches().debitAll(id, null);
    const items = await claim();
    if (items.length > 0) {
      const byUser = new Map((await findDestinations(prisma, [...new Set(items.map((i) => i.driverUserId))])).map((d) => [d.userId, d]));
      const results: { item: PayoutItem; outcome: SendOutcome }[] = [];
      for (let start = 0; start < items.length; start += CONCURRENCY) {
        const slice = items.slice(start, start + CONCURRENCY);
        results.push(...(await Promise.all(slice.map(async (item) => ({ item, outcome: await send(item, byUser.get(item.driverUserId)) })))));
      }
      await apply(results);
    }
    if ((await completeFinishedBatches(prisma)) > 0) afterCommit?.();
    return items.length;
  }

  const loop = createPollingLoop({ name: 'payout sender', pass, pollIntervalMs, logger });

  return {
    start: loop.start,
    /** Looks for due items now (after a submit); a no-op before `start` (tests drain by hand). */
    wake: loop.wake,
    /** Tests and the bench: runs passes until nothing is due. */
    drain: loop.drain,
    stop: loop.stop,
  };
}

export type PayoutSender = ReturnType<typeof createPayoutSender>;
