// Cash corrections (recordCashCorrection): a manager of the driver's fleet or operations settles cash the driver owes
// (DRIVER_CASH_HELD < 0). Each kind is one CASH_CORRECTION entry that brings the cash held up by A:
//   LATE_HANDOVER         cash held +A · fleet cash −A       (the cash reached the fleet's till after all)
//   DEDUCT_FROM_EARNINGS  cash held +A · earnings −A         (the driver pays it from what they earned)
//   WRITE_OFF             cash held +A · platform revenue −A (the platform's loss)
// A is at most what is owed (−cash held), checked under the cash-held account's row lock, so two corrections racing
// with different keys cannot together correct more than is owed. Idempotent by key (services/idempotency.ts).
import { recordAudit } from './payment-events.js';
import type { Viewer } from '../../../../platform/auth/index.js';
import { hasAnyRole } from '../../../../platform/auth/index.js';
import { AppError } from '../../../../platform/errors/index.js';
import { isUuid } from '../../../../platform/graphql/index.js';
import type { CashCorrectionKind, CashCorrectionUserErrorCode } from '../generated/resolvers-types.js';
import type { PaymentsPrisma } from '../store/database.js';
import type { Tx } from '../store/db.js';
import { findDriverProfile } from '../store/driver-profiles.js';
import { lockAccount, openAccount } from '../store/ledger-store.js';
import type { CashCorrection } from '../store/prisma/client.js';
import { canManageDriverMoney } from './driver-access.js';
import { claimKey, MAX_IDEMPOTENCY_KEY_LENGTH, recordResult, requestHash } from './idempotency.js';
import { owned, platform, type Ledger, type Leg } from './ledger.js';

export interface CashCorrectionInput {
  driverId: string;
  attendanceId?: string | null;
  amount: { amountMinor: number; currency: string };
  kind: CashCorrectionKind;
  reason: string;
  idempotencyKey: string;
}

export interface CashCorrectionUserError {
  field: string[] | null;
  message: string;
  code: CashCorrectionUserErrorCode;
}

export type CashCorrectionResult = { correction: CashCorrection; userErrors: [] } | { correction: null; userErrors: CashCorrectionUserError[] };

const problem = (code: CashCorrectionUserErrorCode, message: string, field: string[]): CashCorrectionUserError => ({ code, message, field });

/** Thrown inside the transaction to roll it back (the idempotency key too) and answer with a user error. */
class Refused extends Error {
  constructor(readonly userError: CashCorrectionUserError) {
    super(userError.message);
  }
}

/** The legs of a correction of `amount` for the driver (user id) of `fleetId`. */
export function correctionLegs(kind: CashCorrectionKind, driverUserId: string, fleetId: string, amount: bigint): Leg[] {
  const counterpart: Record<CashCorrectionKind, Leg> = {
    LATE_HANDOVER: owned('FLEET_CASH', fleetId, -amount),
    DEDUCT_FROM_EARNINGS: owned('DRIVER_EARNINGS', driverUserId, -amount),
    WRITE_OFF: platform('PLATFORM_REVENUE', -amount),
  };
  return [owned('DRIVER_CASH_HELD', driverUserId, amount), counterpart[kind]];
}

export function createCashCorrections({
  prisma,
  ledger,
  currency,
  maxAmountMinor,
}: {
  prisma: PaymentsPrisma;
  ledger: Ledger;
  currency: string;
  maxAmountMinor: number;
}) {
  function inputProblem(input: CashCorrectionInput, reason: string): CashCorrectionUserError | null {
    const { amountMinor } = input.amount;
    if (input.idempotencyKey.length < 1 || input.idempotencyKey.length > MAX_IDEMPOTENCY_KEY_LENGTH)
      return problem('INVALID_IDEMPOTENCY_KEY', `idempotencyKey must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`, ['input', 'idempotencyKey']);
    if (!Number.isInteger(amountMinor) || amountMinor < 1 || amountMinor > maxAmountMinor)
      return problem('INVALID_AMOUNT', `amountMinor must be a whole number from 1 to ${maxAmountMinor}`, ['input', 'amount', 'amountMinor']);
    if (input.amount.currency !== currency) return problem('CURRENCY_MISMATCH', `currency must be ${currency}`, ['input', 'amount', 'currency']);
    if (reason.length < 1 || reason.length > 500) return problem('INVALID_REASON', 'reason must be 1 to 500 characters', ['input', 'reason']);
    if (!isUuid(input.driverId)) return problem('DRIVER_NOT_FOUND', 'no such driver', ['input', 'driverId']);
    if (input.attendanceId != null && !isUuid(input.attendanceId)) return problem('SHIFT_NOT_FOUND', 'no such shift of this driver', ['input', 'attendanceId']);
    return null;
  }

  /**
   * Locks the driver's cash-held account and the correction's other owned account in id order (the order ledger.post
   * and settlement lock owned accounts in, so they never deadlock with this).
   * @returns the cash held, true until commit.
   */
  async function lockCashHeld(tx: Tx, driverUserId: string, kind: CashCorrectionKind, fleetId: string): Promise<bigint> {
    const cashHeld = await openAccount(tx, 'DRIVER_CASH_HELD', driverUserId, currency);
    const other =
      kind === 'LATE_HANDOVER'
        ? await openAccount(tx, 'FLEET_CASH', fleetId, currency)
        : kind === 'DEDUCT_FROM_EARNINGS'
          ? await openAccount(tx, 'DRIVER_EARNINGS', driverUserId, currency)
          : null;
    let balance = 0n;
    for (const account of [cashHeld, ...(other ? [other] : [])].sort((a, b) => a.id.localeCompare(b.id))) {
      const locked = await lockAccount(tx, account.id);
      if (account.id === cashHeld.id) balance = locked.balanceMinor;
    }
    return balance;
  }

  return {
    /**
     * @throws AppError FORBIDDEN unless the viewer manages the driver's fleet or is operations staff (UNAUTHENTICATED
     *   without a viewer); CONFLICT for a key reused with another input.
     */
    async record(viewer: Viewer | null, input: CashCorrectionInput): Promise<CashCorrectionResult> {
      if (!viewer) throw new AppError('UNAUTHENTICATED', 'Sign in to use recordCashCorrection');
      if (!hasAnyRole(viewer, ['SUPER_ADMIN', 'OPERATIONS', 'FLEET_MANAGER']))
        throw new AppError('FORBIDDEN', 'Only fleet managers and operations staff may record cash corrections');
      const reason = input.reason.trim();
      const early = inputProblem(input, reason);
      if (early) return { correction: null, userErrors: [early] };
      const driver = await findDriverProfile(prisma, input.driverId);
      if (!driver) return { correction: null, userErrors: [problem('DRIVER_NOT_FOUND', 'no such driver', ['input', 'driverId'])] };
      if (!canManageDriverMoney(viewer, driver))
        throw new AppError('FORBIDDEN', "Only a manager of the driver's fleet or operations staff may correct their cash");

      const scope = { userId: viewer.userId, operation: 'recordCashCorrection', key: input.idempotencyKey };
      const attendanceId = input.attendanceId ?? null;
      const hash = requestHash({ driverId: input.driverId, attendanceId, amount: input.amount, kind: input.kind, reason });
      try {
        const correction = await prisma.$transaction(async (tx) => {
          const firstId = await claimKey(tx, scope, hash);
          if (firstId) return tx.cashCorrection.findUniqueOrThrow({ where: { id: firstId } });
          const shift = attendanceId ? await tx.cashShift.findUnique({ where: { attendanceId } }) : null;
          if (attendanceId && (!shift || shift.driverId !== driver.driverId))
            throw new Refused(problem('SHIFT_NOT_FOUND', 'no such shift of this driver', ['input', 'attendanceId']));
          // A shift's cash went to the fleet it was worked for; otherwise the driver's fleet now.
          const fleetId = shift?.fleetId ?? driver.fleetId;
          const amount = BigInt(input.amount.amountMinor);
          const owed = -(await lockCashHeld(tx, driver.userId, input.kind, fleetId));
          if (amount > owed) {
            const message = owed > 0n ? `the driver owes ${owed} minor units in cash: correct at most that` : 'the driver owes no cash';
            throw new Refused(problem('CORRECTION_EXCEEDS_CASH_OWED', message, ['input', 'amount', 'amountMinor']));
          }
          const entryId = await ledger.post(tx, currency, {
            cause: 'CASH_CORRECTION',
            description: `Cash correction (${input.kind}): ${reason}`,
            actorUserId: viewer.userId,
            shardKey: driver.userId,
            legs: correctionLegs(input.kind, driver.userId, fleetId, amount),
          });
          const created = await tx.cashCorrection.create({
            data: {
              driverId: driver.driverId,
              driverUserId: driver.userId,
              fleetId,
              attendanceId,
              kind: input.kind,
              amountMinor: amount,
              currency,
              reason,
              entryId,
              actorUserId: viewer.userId,
            },
          });
          await recordResult(tx, scope, created.id);
          await recordAudit(tx, viewer, {
            action: 'cash.correct',
            target: { type: 'Driver', id: driver.driverId },
            before: { cashOwedMinor: Number(owed) },
            after: { cashOwedMinor: Number(owed - amount), correctionId: created.id, kind: input.kind, amountMinor: Number(amount), currency, attendanceId },
            reason,
          });
          return created;
        });
        return { correction, userErrors: [] };
      } catch (error) {
        if (error instanceof Refused) return { correction: null, userErrors: [error.userError] };
        throw error;
      }
    },
  };
}

export type CashCorrections = ReturnType<typeof createCashCorrections>;
