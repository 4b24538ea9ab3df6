// Putting drivers on rental plans: explicitly (operations, or a manager of the driver's fleet: they hand out the
// fleet's vehicles) and automatically when fleet assigns a vehicle (a driver-profile listener, in the consumer's
// transaction). In the transaction that inserts the assignment: a FROM_EARNINGS deposit is collected in full
// (DEPOSIT: earnings −D, deposit +D; earnings may go negative, the driver then owes it) and the periods that have
// already started are charged (the first one at once when the plan starts now).
import { recordAudit } from '../payment-events.js';
import { randomUUID } from 'node:crypto';
import { hasAnyRole, type Viewer } from '../../../../../platform/auth/index.js';
import { AppError } from '../../../../../platform/errors/index.js';
import { isUuid } from '../../../../../platform/graphql/index.js';
import type { AssignRentalPlanInput } from '../../generated/resolvers-types.js';
import type { PaymentsPrisma } from '../../store/database.js';
import type { Tx } from '../../store/db.js';
import { findDriverProfile, type DriverProfile } from '../../store/driver-profiles.js';
import {
  findAutoAssignPlan,
  findCurrentAssignment,
  findPlan,
  insertAssignment,
  lockAssignment,
  type AssignmentWithPlan,
  type RentalPlan,
} from '../../store/rental-store.js';
import { canManageDriverMoney, isOperations } from '../driver-access.js';
import type { DriverProfileListener } from '../driver-directory.js';
import { owned, type Ledger } from '../ledger.js';
import { chargeDuePeriods } from './rent-accrual.js';
import { RentalRefusal, rentalError, type RentalUserError } from './rental-errors.js';
import { DAY_MS } from './periods.js';

/** An explicit start may lie this far in the past at most (its periods are charged at once). */
export const MAX_BACKDATE_MS = 31 * DAY_MS;

export interface AssignResult {
  assignment: AssignmentWithPlan | null;
  userErrors: RentalUserError[];
}

export interface RentalAssignmentsDeps {
  prisma: PaymentsPrisma;
  ledger: Ledger;
  now: () => Date;
}

export function createRentalAssignments({ prisma, ledger, now }: RentalAssignmentsDeps) {
  /**
   * Puts the driver on the plan in `tx`. @returns null when the driver already has a current plan.
   * @throws RentalRefusal when the plan does not take the driver at `startsAt`.
   */
  async function assignInTx(tx: Tx, profile: DriverProfile, plan: RentalPlan, startsAt: Date, actorUserId: string | null): Promise<AssignmentWithPlan | null> {
    if (plan.retiredAt) throw new RentalRefusal(rentalError('PLAN_RETIRED', 'the plan is retired', ['input', 'planId']));
    if (startsAt < plan.validFrom || (plan.validTo && startsAt >= plan.validTo))
      throw new RentalRefusal(rentalError('PLAN_NOT_VALID', 'the plan is not valid at the start', ['input', 'startsAt']));
    const id = randomUUID();
    const inserted = await insertAssignment(tx, {
      id,
      driverId: profile.driverId,
      userId: profile.userId,
      fleetId: profile.fleetId,
      planId: plan.id,
      startsAt,
      depositRequiredMinor: plan.depositMinor,
      assignedByUserId: actorUserId,
    });
    if (!inserted) return null;
    if (plan.depositCollection === 'FROM_EARNINGS' && plan.depositMinor > 0n) {
      await ledger.post(tx, plan.currency, {
        cause: 'DEPOSIT',
        description: `Deposit: ${plan.name}`,
        actorUserId,
        legs: [owned('DRIVER_EARNINGS', profile.userId, -plan.depositMinor), owned('DRIVER_DEPOSIT', profile.userId, plan.depositMinor)],
      });
    }
    const assignment = (await lockAssignment(tx, id, false))!;
    await chargeDuePeriods(tx, ledger, assignment, now());
    return (await lockAssignment(tx, id, false))!;
  }

  /** Fleet assigned a vehicle: a driver on no plan goes on the auto-assigned plan of the vehicle's category, if any. */
  const onDriverProfile: DriverProfileListener = async (tx, before, after) => {
    if (!after.vehicleId || !after.category || after.vehicleId === before?.vehicleId) return;
    if (await findCurrentAssignment(tx, after.driverId)) return;
    const at = now();
    const plan = await findAutoAssignPlan(tx, after.category, at);
    if (!plan) return;
    await assignInTx(tx, after, plan, at, null);
  };

  return {
    onDriverProfile,

    async assign(viewer: Viewer | null, input: AssignRentalPlanInput): Promise<AssignResult> {
      if (!viewer) throw new AppError('UNAUTHENTICATED', 'Sign in to use assignRentalPlan');
      if (!isOperations(viewer) && !hasAnyRole(viewer, ['FLEET_MANAGER']))
        throw new AppError('FORBIDDEN', 'Only operations staff and fleet managers may use assignRentalPlan');
      const notFound = { assignment: null, userErrors: [rentalError('DRIVER_NOT_FOUND', 'no such driver', ['input', 'driverId'])] };
      if (!isUuid(input.driverId)) return notFound;
      const profile = await findDriverProfile(prisma, input.driverId);
      // A manager asking about another fleet's driver learns nothing about them.
      if (!profile || !canManageDriverMoney(viewer, profile)) return notFound;
      const plan = isUuid(input.planId) ? await findPlan(prisma, input.planId) : null;
      if (!plan) return { assignment: null, userErrors: [rentalError('PLAN_NOT_FOUND', 'no such rental plan', ['input', 'planId'])] };
      if (profile.category && profile.category !== plan.vehicleCategory)
        return {
          assignment: null,
          userErrors: [
            rentalError('CATEGORY_MISMATCH', `the driver drives a ${profile.category} vehicle; the plan is for ${plan.vehicleCategory}`, ['input', 'planId']),
          ],
        };
      const at = now();
      const startsAt = input.startsAt ? new Date(input.startsAt) : at;
      if (startsAt.getTime() < at.getTime() - MAX_BACKDATE_MS)
        return { assignment: null, userErrors: [rentalError('PLAN_NOT_VALID', 'startsAt may be at most 31 days in the past', ['input', 'startsAt'])] };
      try {
        const assignment = await prisma.$transaction(async (tx) => {
          const assigned = await assignInTx(tx, profile, plan, startsAt, viewer.userId);
          if (assigned)
            await recordAudit(tx, viewer, {
              action: 'rental_plan.assign',
              target: { type: 'Driver', id: profile.driverId },
              before: null,
              after: { assignmentId: assigned.id, planId: plan.id, startsAt: startsAt.toISOString(), depositRequiredMinor: Number(plan.depositMinor) },
            });
          return assigned;
        });
        if (!assignment)
          return { assignment: null, userErrors: [rentalError('ALREADY_ON_PLAN', 'the driver is already on a rental plan', ['input', 'driverId'])] };
        return { assignment, userErrors: [] };
      } catch (error) {
        if (error instanceof RentalRefusal) return { assignment: null, userErrors: [error.userError] };
        throw error;
      }
    },
  };
}

export type RentalAssignments = ReturnType<typeof createRentalAssignments>;
