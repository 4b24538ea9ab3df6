// The earning consumer's handler (group "gamification"): the events its members hold at once are handled together
// (platform/events/batcher.ts). Paid fares — nearly all of the traffic — are awarded in one transaction per batch
// (fare-batch.ts); the other events (refunds, ratings, sign-ups, payments that earn nothing but fares' siblings) go
// one at a time through handleOnce, as does every event of a batch that failed. Either way each unit of work hands
// its leaderboard scores to the rank index after its commit, in one apply.
import { createEventBatcher, handleOnce, type AnyEventEnvelope, type EventEnvelope } from '../../../../platform/events/index.js';
import type { Logger } from '../../../../platform/logging/index.js';
import { collectBoardUpdates } from '../store/board-updates.js';
import type { GamificationPrisma } from '../store/database.js';
import { recordProcessedEvents } from '../store/fare-batch-store.js';
import type { LeaderboardIndex } from '../store/leaderboard-index.js';
import { applyEarningEvent } from './earning.js';
import { awardFareBatch, isPaidFare } from './fare-batch.js';

export const EARNING_CONSUMER = 'gamification.earning';

export interface EarningConsumerDeps {
  prisma: GamificationPrisma;
  leaderboardIndex: LeaderboardIndex;
  wakeRelay: () => void;
  logger: Logger;
}

export type EarningConsumer = ReturnType<typeof createEarningConsumer>;

export function createEarningConsumer({ prisma, leaderboardIndex, wakeRelay, logger }: EarningConsumerDeps) {
  /** Runs `work` (one transaction), then moves the boards it changed and wakes the relay when it wrote. */
  async function committing<T>(work: () => Promise<T>, wrote: (result: T) => boolean): Promise<T> {
    const { result, scores } = await collectBoardUpdates(work);
    await leaderboardIndex.apply(scores);
    if (wrote(result)) wakeRelay();
    return result;
  }

  /** One event in its own transaction (handleOnce). @returns whether it was new. */
  function one(event: AnyEventEnvelope): Promise<boolean> {
    return committing(
      () => handleOnce(prisma, { schema: 'gamification', consumer: EARNING_CONSUMER, event }, (tx) => applyEarningEvent(tx, event)),
      (ran) => ran,
    );
  }

  /**
   * Payments in one transaction: one processed-event insert for all their ids, then the fares among the new ones
   * awarded together. @returns the ids that were new.
   */
  function awardPayments(payments: readonly EventEnvelope<'payment.succeeded'>[]): Promise<Set<string>> {
    return committing(
      () =>
        prisma.$transaction(async (tx) => {
          const fresh = await recordProcessedEvents(
            tx,
            EARNING_CONSUMER,
            payments.map((event) => event.id),
          );
          // One delivery per event id, even when the same event came twice in this batch.
          const todo = payments.filter((event) => fresh.has(event.id));
          await awardFareBatch(tx, todo.map((event) => event.payload).filter(isPaidFare));
          return fresh;
        }),
      (fresh) => fresh.size > 0,
    );
  }

  /** The batch's payments together (awardPayments), then its other events one at a time. @returns per event whether it was new. */
  async function batch(events: readonly AnyEventEnvelope[]): Promise<boolean[]> {
    const payments = events.filter((event): event is EventEnvelope<'payment.succeeded'> => event.type === 'payment.succeeded');
    const fresh = payments.length > 0 ? await awardPayments(payments) : new Set<string>();
    const results: boolean[] = [];
    for (const event of events) {
      if (event.type === 'payment.succeeded') results.push(fresh.delete(event.id));
      else results.push(await one(event));
    }
    return results;
  }

  return {
    one,
    batch,
    /** The consumer's handler: resolves once the event's batch committed (true: it was new). */
    handle: createEventBatcher<boolean>({ batch, one, logger, name: 'earning' }),
  };
}
