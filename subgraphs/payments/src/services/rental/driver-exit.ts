// settleDriverExit (operations): a leaving driver's money, settled in one transaction.
//   1. the rent periods that started before the exit instant and are not charged yet are charged (RENT);
//   2. the plan ends at the exit instant;
//   3. whatever the deposit account holds goes back to earnings (DEPOSIT_RETURN: deposit −D, earnings +D);
//   4. the cash still held is netted against earnings (DRIVER_EXIT: cash held +c, earnings −c);
//   5. the earnings balance left is the final balance: positive, a payout pays it; negative, the driver owes it.
// Idempotent by key (services/idempotency.ts): the same key and input returns the first summary.
import { recordAudit } from '../payment-events.js';
import type { Viewer } from '../../../../../platform/auth/index.js';
import { isUuid } from '../../../../../platform/graphql/index.js';
import type { SettleDriverExitInput } from '../../generated/resolvers-types.js';
import type { PaymentsPrisma } from '../../store/database.js';
import type { Tx } from '../../store/db.js';
import { findDriverProfile } from '../../store/driver-profiles.js';
import { lockAccount } from '../../store/ledger-store.js';
import type { LedgerAccountKind } from '../../store/prisma/client.js';
import { lockCurrentAssignment, rentChargedTotal, type DriverExit } from '../../store/rental-store.js';
import { requireOperations } from '../driver-access.js';
import { claimKey, recordResult, requestHash } from '../idempotency.js';
import { owned, type Ledger } from '../ledger.js';
import { chargeDuePeriods } from './rent-accrual.js';
import { RentalRefusal, rentalError, type RentalUserError } from './rental-errors.js';

export const MAX_EXIT_REASON_LENGTH = 500;

export interface ExitResult {
  exit: DriverExit | null;
  userErrors: RentalUserError[];
}

export interface DriverExitDeps {
  prisma: PaymentsPrisma;
  ledger: Ledger;
  currency: string;
  now: () => Date;
}

export function createDriverExits({ prisma, ledger, currency, now }: DriverExitDeps) {
  /** Locks the driver's accounts in id order (as ledger.post does), so a concurrent settlement cannot deadlock with us. */
  async function lockBalances(tx: Tx, userId: string): Promise<Record<'DRIVER_DEPOSIT' | 'DRIVER_CASH_HELD' | 'DRIVER_EARNINGS', bigint>> {
    const kinds = ['DRIVER_DEPOSIT', 'DRIVER_CASH_HELD', 'DRIVER_EARNINGS'] as const satisfies readonly LedgerAccountKind[];
    const ids = await Promise.all(kinds.map(async (kind) => ({ kind, id: await ledger.accountId(tx, kind, userId, currency) })));
    ids.sort((a, b) => a.id.localeCompare(b.id));
    const balances = {} as Record<(typeof kinds)[number], bigint>;
    for (const { kind, id } of ids) balances[kind] = (await lockAccount(tx, id)).balanceMinor;
    return balances;
  }

  async function settle(tx: Tx, viewer: Viewer, input: SettleDriverExitInput, reason: string): Promise<DriverExit> {
    const scope = { userId: viewer.userId, operation: 'settleDriverExit', key: input.idempotencyKey };
    const first = await claimKey(tx, scope, requestHash({ driverId: input.driverId, reason }));
    if (first) return tx.driverExit.findUniqueOrThrow({ where: { id: first } });
    const profile = await findDriverProfile(tx, input.driverId);
    if (!profile) throw new RentalRefusal(rentalError('DRIVER_NOT_FOUND', 'no such driver', ['input', 'driverId']));
    const assignment = await lockCurrentAssignment(tx, profile.driverId);
    if (!assignment) throw new RentalRefusal(rentalError('NO_CURRENT_PLAN', 'the driver is on no rental plan (already left?)', ['input', 'driverId']));
    const at = now();
    const rent = await chargeDuePeriods(tx, ledger, assignment, at, at);
    await tx.driverRentalPlan.update({ where: { id: assignment.id }, data: { endsAt: at } });
    const before = await lockBalances(tx, profile.userId);
    const deposit = before.DRIVER_DEPOSIT;
    if (deposit !== 0n) {
      await ledger.post(tx, currency, {
        cause: 'DEPOSIT_RETURN',
        description: 'Deposit returned at exit',
        actorUserId: viewer.userId,
        legs: [owned('DRIVER_DEPOSIT', profile.userId, -deposit), owned('DRIVER_EARNINGS', profile.userId, deposit)],
      });
    }
    // Cash held is ≤ 0 while the driver owes cash; netting brings it to 0 and takes it from earnings.
    const cashHeld = before.DRIVER_CASH_HELD;
    if (cashHeld !== 0n) {
      await ledger.post(tx, currency, {
        cause: 'DRIVER_EXIT',
        description: 'Cash still held, deducted from earnings at exit',
        actorUserId: viewer.userId,
        legs: [owned('DRIVER_CASH_HELD', profile.userId, -cashHeld), owned('DRIVER_EARNINGS', profile.userId, cashHeld)],
      });
    }
    const finalBalance = before.DRIVER_EARNINGS + deposit + cashHeld;
    const exit = await tx.driverExit.create({
      data: {
        driverId: profile.driverId,
        userId: profile.userId,
        assignmentId: assignment.id,
        reason,
        depositReturnedMinor: deposit,
        rentChargedAtExitMinor: rent.amountMinor,
        rentChargedTotalMinor: await rentChargedTotal(tx, assignment.id),
        cashNettedMinor: -cashHeld,
        finalBalanceMinor: finalBalance,
        currency,
        actorUserId: viewer.userId,
        settledAt: at,
      },
    });
    await recordResult(tx, scope, exit.id);
    await recordAudit(tx, viewer, {
      action: 'driver.settle_exit',
      target: { type: 'Driver', id: profile.driverId },
      before: {
        planAssignmentId: assignment.id,
        depositMinor: Number(deposit),
        cashHeldMinor: Number(cashHeld),
        earningsMinor: Number(before.DRIVER_EARNINGS),
      },
      after: {
        planAssignmentId: null,
        depositMinor: 0,
        cashHeldMinor: 0,
        earningsMinor: Number(finalBalance),
        exitId: exit.id,
        rentChargedAtExitMinor: Number(rent.amountMinor),
      },
      reason,
    });
    return exit;
  }

  return {
    async settleDriverExit(viewer: Viewer | null, input: SettleDriverExitInput): Promise<ExitResult> {
      requireOperations(viewer, 'settleDriverExit');
      const reason = input.reason.trim();
      if (input.idempotencyKey.length < 1 || input.idempotencyKey.length > 255)
        return { exit: null, userErrors: [rentalError('INVALID_IDEMPOTENCY_KEY', 'idempotencyKey must be 1 to 255 characters', ['input', 'idempotencyKey'])] };
      if (reason.length < 1 || reason.length > MAX_EXIT_REASON_LENGTH)
        return { exit: null, userErrors: [rentalError('INVALID_REASON', `reason must be 1 to ${MAX_EXIT_REASON_LENGTH} characters`, ['input', 'reason'])] };
      if (!isUuid(input.driverId)) return { exit: null, userErrors: [rentalError('DRIVER_NOT_FOUND', 'no such driver', ['input', 'driverId'])] };
      try {
        return { exit: await prisma.$transaction((tx) => settle(tx, viewer!, input, reason)), userErrors: [] };
      } catch (error) {
        // Rolled back with the key: the same key may be used again once the problem is fixed.
        if (error instanceof RentalRefusal) return { exit: null, userErrors: [error.userError] };
        throw error;
      }
    },
  };
}

export type DriverExits = ReturnType<typeof createDriverExits>;
