// Rent accrual: every period of a current assignment that has started is charged exactly once, however many
// processes run the job and however long one was stopped. Per assignment, in one transaction: its row is locked
// (a replica's pass skips rows another holds), the missing periods are inserted into rent_charges with
// `on conflict do nothing` (UNIQUE (assignment, period start): a period is never charged twice, whatever the
// counter says), and only the rows inserted now are posted to the ledger (RENT: earnings −R, fleet's rent income +R).
import { createPollingLoop } from '../../../../../platform/jobs/index.js';
import { randomUUID } from 'node:crypto';
import type { Logger } from '../../../../../platform/logging/index.js';
import type { PaymentsPrisma } from '../../store/database.js';
import type { Tx } from '../../store/db.js';
import {
  findDueAssignmentIds,
  insertRentCharges,
  linkRentEntries,
  lockAssignment,
  setChargedPeriods,
  type AssignmentWithPlan,
  type NewRentCharge,
} from '../../store/rental-store.js';
import { owned, type Ledger } from '../ledger.js';
import { periodBounds, periodsStarted } from './periods.js';

/** Assignments looked at per page of a pass (a fleet may have thousands of drivers). */
export const RENT_PAGE_SIZE = 200;

export interface RentAccrualDeps {
  prisma: PaymentsPrisma;
  ledger: Ledger;
  currency: string;
  logger: Logger;
  now: () => Date;
  /** Default 60 000 ms: how often a running job looks for periods that started. */
  intervalMs?: number;
  /** Default RENT_PAGE_SIZE: assignments read per page. */
  pageSize?: number;
}

/**
 * Charges the periods of a locked assignment that started by `now` (and before `endsAt`, for an exit) and are not
 * charged yet. @returns the periods and amount charged by this call (0 when another caller charged them first).
 */
export async function chargeDuePeriods(
  tx: Tx,
  ledger: Ledger,
  assignment: AssignmentWithPlan,
  now: Date,
  endsAt: Date | null = assignment.endsAt,
): Promise<{ periods: number; amountMinor: bigint }> {
  const { plan } = assignment;
  const due = periodsStarted(assignment.startsAt, plan.period, now, endsAt);
  if (due <= assignment.chargedPeriods) return { periods: 0, amountMinor: 0n };
  const wanted: NewRentCharge[] = [];
  for (let index = assignment.chargedPeriods; index < due; index++) {
    const { start, end } = periodBounds(assignment.startsAt, plan.period, index);
    wanted.push({ id: randomUUID(), periodIndex: index, periodStart: start, periodEnd: end });
  }
  const inserted = await insertRentCharges(tx, assignment, wanted);
  if (inserted.length > 0) {
    const entryIds = await ledger.postMany(
      tx,
      plan.currency,
      inserted.map((charge) => ({
        cause: 'RENT' as const,
        description: `Rent: ${plan.name}, ${plan.period === 'DAILY' ? 'day' : 'week'} from ${charge.periodStart.toISOString()}`,
        legs: [owned('DRIVER_EARNINGS', assignment.userId, -plan.rentMinor), owned('RENT_INCOME', assignment.fleetId, plan.rentMinor)],
      })),
    );
    await linkRentEntries(
      tx,
      inserted.map((c) => c.id),
      entryIds,
    );
  }
  await setChargedPeriods(tx, assignment.id, due);
  return { periods: inserted.length, amountMinor: BigInt(inserted.length) * plan.rentMinor };
}

export interface AccrualResult {
  /** Assignments that had a period due. */
  assignments: number;
  /** Periods charged by this pass. */
  periods: number;
  amountMinor: bigint;
}

export function createRentAccrual({ prisma, ledger, logger, now: clock, intervalMs = 60_000, pageSize = RENT_PAGE_SIZE }: RentAccrualDeps) {
  /** One pass over every current assignment with a period due, page by page, one transaction per assignment. */
  async function accrueDue(now: Date = clock()): Promise<AccrualResult> {
    const result: AccrualResult = { assignments: 0, periods: 0, amountMinor: 0n };
    let after: string | null = null;
    for (;;) {
      const ids = await findDueAssignmentIds(prisma, now, after, pageSize);
      for (const id of ids) {
        // One assignment that fails (rolled back) is logged and retried by the next pass; the others go on.
        const charged = await prisma
          .$transaction(async (tx) => {
            const assignment = await lockAssignment(tx, id, true);
            // Held by another pass or an exit (which charge it themselves), or ended meanwhile.
            if (!assignment || assignment.endsAt) return null;
            return chargeDuePeriods(tx, ledger, assignment, now);
          })
          .catch((error: unknown) => {
            logger.error({ err: error, assignmentId: id }, 'charging rent failed; the next pass retries it');
            return null;
          });
        if (charged && charged.periods > 0) {
          result.assignments++;
          result.periods += charged.periods;
          result.amountMinor += charged.amountMinor;
        }
      }
      if (ids.length < pageSize) return result;
      after = ids.at(-1)!;
    }
  }

  // A pass at start (catching up periods missed while stopped), then one every `intervalMs`; a failed pass is logged
  // and the next one catches up.
  const loop = createPollingLoop({
    name: 'rent accrual',
    pass: async () => {
      await accrueDue();
      return 0;
    },
    pollIntervalMs: intervalMs,
    logger,
  });

  return {
    accrueDue,
    /** Runs a pass now, then one every `intervalMs`. */
    start: loop.start,
    stop: loop.stop,
  };
}

export type RentAccrual = ReturnType<typeof createRentAccrual>;
