// Payout batches: preview (no writes), create (a DRAFT batch of DRAFT items), submit (debit each item under its
// driver's account locks, then the sender pays them). A fleet's drivers are walked in pages of PAGE drivers, so a
// batch of 10,000 drivers never holds them all in memory (bench/payouts.ts).
//
// Never twice for one balance: a driver has at most one DRAFT or PENDING item (a partial unique index), an item is
// debited once (DRAFT → PENDING under its row lock, by amount min(planned, payable now)), and a batch is submitted
// once (DRAFT → SUBMITTED under its row lock; a second submit, with any key, finds it SUBMITTED and changes nothing).
import { randomUUID } from 'node:crypto';
import type { Viewer } from '../../../../../platform/auth/index.js';
import type { Logger } from '../../../../../platform/logging/index.js';
import type { PaymentsPrisma } from '../../store/database.js';
import type { Db } from '../../store/db.js';
import { findFleetDriversPage, type DriverProfile } from '../../store/driver-profiles.js';
import {
  claimDraftItems,
  completeIfFinal,
  driverBalances,
  driversWithOpenPayout,
  insertDraftItems,
  lockBatch,
  markFailedUndebited,
  markPending,
  usersWithDestination,
  type NewPayoutItem,
} from '../../store/payout-store.js';
import type { PayoutBatch } from '../../store/prisma/client.js';
import { claimKey, recordResult, requestHash } from '../idempotency.js';
import { owned, platform, type Ledger } from '../ledger.js';
import { recordAudit } from '../payment-events.js';
import { payableOf } from './payable.js';
import { idempotencyKeyError, payoutError, type PayoutUserError } from './payout-errors.js';

/** Drivers read, items written and items debited per statement round. */
export const PAGE = 500;

export type SkipReason = 'NO_DESTINATION' | 'NOTHING_PAYABLE' | 'OPEN_PAYOUT';

export interface PreviewItem {
  driverId: string;
  driverUserId: string;
  amountMinor: bigint;
}

export interface BatchPlanPage {
  items: PreviewItem[];
  skipped: { driverId: string; reason: SkipReason }[];
}

export interface BatchPayload {
  batch: PayoutBatch | null;
  userErrors: PayoutUserError[];
}

export function createPayoutBatches(deps: { prisma: PaymentsPrisma; ledger: Ledger; currency: string; logger: Logger; wakeSender: () => void }) {
  const { prisma, ledger, currency } = deps;

  /** What a page of a fleet's drivers would be paid. */
  async function planPage(db: Db, drivers: readonly DriverProfile[], periodEnd: Date | null): Promise<BatchPlanPage> {
    const userIds = drivers.map((d) => d.userId);
    const [withDestination, open, balances] = await Promise.all([
      usersWithDestination(db, userIds),
      driversWithOpenPayout(
        db,
        drivers.map((d) => d.driverId),
      ),
      driverBalances(db, userIds, currency, { periodEnd }),
    ]);
    const page: BatchPlanPage = { items: [], skipped: [] };
    for (const driver of drivers) {
      const payable = payableOf(balances.get(driver.userId), periodEnd);
      if (payable <= 0n) page.skipped.push({ driverId: driver.driverId, reason: 'NOTHING_PAYABLE' });
      else if (!withDestination.has(driver.userId)) page.skipped.push({ driverId: driver.driverId, reason: 'NO_DESTINATION' });
      else if (open.has(driver.driverId)) page.skipped.push({ driverId: driver.driverId, reason: 'OPEN_PAYOUT' });
      else page.items.push({ driverId: driver.driverId, driverUserId: driver.userId, amountMinor: payable });
    }
    return page;
  }

  /** Walks the fleet's drivers page by page. */
  async function* fleetPages(db: Db, fleetId: string, periodEnd: Date | null): AsyncGenerator<BatchPlanPage> {
    let after: string | null = null;
    for (;;) {
      const drivers = await findFleetDriversPage(db, fleetId, after, PAGE);
      if (drivers.length === 0) return;
      yield await planPage(db, drivers, periodEnd);
      if (drivers.length < PAGE) return;
      after = drivers.at(-1)!.driverId;
    }
  }

  function periodEndProblem(periodEnd: Date | null | undefined): PayoutUserError | null {
    if (periodEnd && periodEnd.getTime() > Date.now()) return payoutError('INVALID_PERIOD_END', 'periodEnd must not be in the future', ['input', 'periodEnd']);
    return null;
  }

  /** Debits up to PAGE DRAFT items of a submitted batch in one transaction. @returns how many it took. */
  async function debitPage(batchId: string, actorUserId: string | null): Promise<number> {
    return prisma.$transaction(async (tx) => {
      const items = await claimDraftItems(tx, batchId, PAGE);
      if (items.length === 0) return 0;
      // The drivers' earnings and cash accounts locked: the payable balance read here stays true until commit.
      const balances = await driverBalances(
        tx,
        items.map((i) => i.driver_user_id),
        currency,
        { lock: true },
      );
      const debits: { id: string; amountMinor: bigint }[] = [];
      const nothing: string[] = [];
      for (const item of items) {
        const payable = payableOf(balances.get(item.driver_user_id), null);
        const planned = BigInt(item.amount_minor);
        const amount = planned < payable ? planned : payable;
        if (amount > 0n) debits.push({ id: item.id, amountMinor: amount });
        else nothing.push(item.id);
      }
      const userOf = new Map(items.map((i) => [i.id, i.driver_user_id]));
      // The earnings accounts exist (their balance is payable): one statement instead of one lookup per driver.
      await ledger.preload(
        tx,
        'DRIVER_EARNINGS',
        debits.map((d) => userOf.get(d.id)!),
        currency,
      );
      const entryIds = debits.length
        ? await ledger.postMany(
            tx,
            currency,
            debits.map((d) => ({
              cause: 'PAYOUT' as const,
              description: `Payout ${d.id}`,
              actorUserId,
              shardKey: d.id,
              legs: [owned('DRIVER_EARNINGS', userOf.get(d.id)!, -d.amountMinor), platform('PAYOUTS_IN_TRANSIT', d.amountMinor)],
            })),
          )
        : [];
      await markPending(
        tx,
        debits.map((d, i) => ({ ...d, entryId: entryIds[i]! })),
      );
      await markFailedUndebited(tx, nothing, 'nothing_payable');
      return items.length;
    });
  }

  /** Debits every DRAFT item of a submitted batch, page by page, then completes it if nothing is left open. */
  async function debitAll(batchId: string, actorUserId: string | null): Promise<void> {
    while ((await debitPage(batchId, actorUserId)) > 0) deps.wakeSender();
    await completeIfFinal(prisma, batchId);
  }

  return {
    async preview(input: {
      fleetId: string;
      periodEnd?: Date | null;
    }): Promise<{ items: PreviewItem[]; skipped: BatchPlanPage['skipped']; userErrors: PayoutUserError[] }> {
      const problem = periodEndProblem(input.periodEnd);
      if (problem) return { items: [], skipped: [], userErrors: [problem] };
      const result = { items: [] as PreviewItem[], skipped: [] as BatchPlanPage['skipped'], userErrors: [] };
      for await (const page of fleetPages(prisma, input.fleetId, input.periodEnd ?? null)) {
        result.items.push(...page.items);
        result.skipped.push(...page.skipped);
      }
      return result;
    },

    /** A DRAFT batch of the fleet's payable drivers. Idempotent by (viewer, key). */
    async create(viewer: Viewer, input: { fleetId: string; periodEnd?: Date | null; idempotencyKey: string }): Promise<BatchPayload> {
      const problem = idempotencyKeyError(input.idempotencyKey) ?? periodEndProblem(input.periodEnd);
      if (problem) return { batch: null, userErrors: [problem] };
      const scope = { userId: viewer.userId, operation: 'createPayoutBatch', key: input.idempotencyKey };
      const hash = requestHash({ fleetId: input.fleetId, periodEnd: input.periodEnd?.toISOString() ?? null });
      try {
        return await prisma.$transaction(
          async (tx) => {
            const existing = await claimKey(tx, scope, hash);
            if (existing) return { batch: await tx.payoutBatch.findUnique({ where: { id: existing } }), userErrors: [] };
            const periodEnd = input.periodEnd ?? new Date();
            const batch = await tx.payoutBatch.create({
              data: {
                id: randomUUID(),
                fleetId: input.fleetId,
                periodEnd,
                currency,
                itemCount: 0,
                totalMinor: 0n,
                createdBy: viewer.userId,
                idempotencyKey: input.idempotencyKey,
              },
            });
            let count = 0;
            let total = 0n;
            for await (const page of fleetPages(tx, input.fleetId, input.periodEnd ?? null)) {
              const inserted = await insertDraftItems(
                tx,
                batch.id,
                currency,
                page.items.map((i): NewPayoutItem => ({
                  id: randomUUID(),
                  driverId: i.driverId,
                  driverUserId: i.driverUserId,
                  amountMinor: i.amountMinor,
                  reference: null,
                })),
              );
              count += inserted.length;
              for (const row of inserted) total += BigInt(row.amount_minor);
            }
            if (count === 0) throw new NothingToPay();
            await recordResult(tx, scope, batch.id);
            await recordAudit(tx, viewer, {
              action: 'payout_batch.create',
              target: { type: 'PayoutBatch', id: batch.id },
              after: { fleetId: input.fleetId, periodEnd: periodEnd.toISOString(), currency, itemCount: count, totalMinor: Number(total) },
            });
            return { batch: await tx.payoutBatch.update({ where: { id: batch.id }, data: { itemCount: count, totalMinor: total } }), userErrors: [] };
          },
          { timeout: 120_000 },
        );
      } catch (error) {
        if (error instanceof NothingToPay) {
          return {
            batch: null,
            userErrors: [payoutError('NOTHING_TO_PAY', 'no driver of the fleet has a payable balance, a destination and no open payout', ['input', 'fleetId'])],
          };
        }
        throw error;
      }
    },

    /**
     * Submits a DRAFT batch: SUBMITTED, then every item debited (PENDING) and handed to the sender. A batch already
     * submitted is returned as it is (nothing moves twice). The key guards the request: the same key for another
     * batch is a CONFLICT.
     */
    async submit(viewer: Viewer, batchId: string, idempotencyKey: string): Promise<BatchPayload> {
      const problem = idempotencyKeyError(idempotencyKey, ['idempotencyKey']);
      if (problem) return { batch: null, userErrors: [problem] };
      const scope = { userId: viewer.userId, operation: 'submitPayoutBatch', key: idempotencyKey };
      const outcome = await prisma.$transaction(async (tx) => {
        const existing = await claimKey(tx, scope, requestHash({ batchId }));
        if (existing) return { batch: await tx.payoutBatch.findUnique({ where: { id: existing } }), submittedNow: false };
        const batch = await lockBatch(tx, batchId);
        if (!batch) return { batch: null, submittedNow: false };
        await recordResult(tx, scope, batch.id);
        if (batch.status !== 'DRAFT') return { batch, submittedNow: false };
        const submitted = await tx.payoutBatch.update({ where: { id: batchId }, data: { status: 'SUBMITTED', submittedAt: new Date() } });
        // Only the submission that moved the batch is recorded: a repeat changes nothing.
        await recordAudit(tx, viewer, {
          action: 'payout_batch.submit',
          target: { type: 'PayoutBatch', id: batchId },
          before: { status: 'DRAFT' },
          after: { status: 'SUBMITTED', itemCount: submitted.itemCount, totalMinor: Number(submitted.totalMinor) },
        });
        return { batch: submitted, submittedNow: true };
      });
      if (!outcome.batch) return { batch: null, userErrors: [payoutError('BATCH_NOT_FOUND', 'no such payout batch', ['batchId'])] };
      // A second submit also finishes a submission that died mid-way (the sender would, at its next pass).
      if (outcome.batch.status === 'SUBMITTED') await debitAll(batchId, viewer.userId);
      return { batch: await prisma.payoutBatch.findUnique({ where: { id: batchId } }), userErrors: [] };
    },

    debitAll,
    planPage,
  };
}

class NothingToPay extends Error {}

export type PayoutBatches = ReturnType<typeof createPayoutBatches>;
