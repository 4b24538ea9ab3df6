// Rental plans (operations only). A plan's money terms (period, rent, deposit, collection, currency) are fixed at
// creation: drivers already on it were promised them, and rent charged later must be predictable. A new price is
// a new plan; the old one is retired (it takes no new drivers, drivers on it stay until they leave). Name,
// validity and auto-assignment may change. At most one active auto-assigned plan per category at any instant.
import { recordAudit } from '../payment-events.js';
import type { Viewer } from '../../../../../platform/auth/index.js';
import type { CreateRentalPlanInput, RentalPlanFilterInput, UpdateRentalPlanInput } from '../../generated/resolvers-types.js';
import type { PaymentsPrisma } from '../../store/database.js';
import type { Tx } from '../../store/db.js';
import type { Prisma } from '../../store/prisma/client.js';
import { findOverlappingAutoAssign, findPlan, findPlans, lockAutoAssignCategory, type RentalPlan } from '../../store/rental-store.js';
import { requireOperations } from '../driver-access.js';
import { RentalRefusal, rentalError, type RentalUserError } from './rental-errors.js';
import { isUuid } from '../../../../../platform/graphql/index.js';

export const MAX_PLAN_NAME_LENGTH = 100;
/** rentalPlans returns at most this many (plans are few: a handful per category). */
export const MAX_PLANS_LISTED = 500;

export interface PlanResult {
  plan: RentalPlan | null;
  userErrors: RentalUserError[];
}

export interface RentalPlansDeps {
  prisma: PaymentsPrisma;
  currency: string;
  maxAmountMinor: number;
  now: () => Date;
}

export function createRentalPlans({ prisma, currency, maxAmountMinor, now }: RentalPlansDeps) {
  function nameProblem(name: string): RentalUserError | null {
    const trimmed = name.trim();
    if (trimmed.length < 1 || trimmed.length > MAX_PLAN_NAME_LENGTH)
      return rentalError('INVALID_NAME', `name must be 1 to ${MAX_PLAN_NAME_LENGTH} characters`, ['input', 'name']);
    return null;
  }

  function termsProblems(input: CreateRentalPlanInput): RentalUserError[] {
    const problems: RentalUserError[] = [];
    const name = nameProblem(input.name);
    if (name) problems.push(name);
    if (!Number.isInteger(input.rent.amountMinor) || input.rent.amountMinor < 1 || input.rent.amountMinor > maxAmountMinor)
      problems.push(rentalError('INVALID_RENT', `rent must be a whole number from 1 to ${maxAmountMinor} minor units`, ['input', 'rent', 'amountMinor']));
    if (input.rent.currency !== currency) problems.push(rentalError('CURRENCY_MISMATCH', `rent must be in ${currency}`, ['input', 'rent', 'currency']));
    if (!Number.isInteger(input.deposit.amountMinor) || input.deposit.amountMinor < 0 || input.deposit.amountMinor > maxAmountMinor)
      problems.push(
        rentalError('INVALID_DEPOSIT', `deposit must be a whole number from 0 to ${maxAmountMinor} minor units`, ['input', 'deposit', 'amountMinor']),
      );
    if (input.deposit.currency !== currency)
      problems.push(rentalError('CURRENCY_MISMATCH', `deposit must be in ${currency}`, ['input', 'deposit', 'currency']));
    const validity = validityProblem(new Date(input.validFrom), input.validTo ? new Date(input.validTo) : null);
    if (validity) problems.push(validity);
    return problems;
  }

  async function overlapCheck(tx: Tx, category: string, from: Date, to: Date | null, exceptId: string | null): Promise<void> {
    await lockAutoAssignCategory(tx, category);
    const clash = await findOverlappingAutoAssign(tx, category, from, to, exceptId);
    if (clash.length > 0)
      throw new RentalRefusal(
        rentalError('AUTO_ASSIGN_OVERLAP', `plan "${clash[0]!.name}" is already auto-assigned for ${category} in an overlapping period`, [
          'input',
          'autoAssign',
        ]),
      );
  }

  async function refusing(work: () => Promise<RentalPlan>): Promise<PlanResult> {
    try {
      return { plan: await work(), userErrors: [] };
    } catch (error) {
      if (error instanceof RentalRefusal) return { plan: null, userErrors: [error.userError] };
      throw error;
    }
  }

  return {
    async create(viewer: Viewer | null, input: CreateRentalPlanInput): Promise<PlanResult> {
      requireOperations(viewer, 'createRentalPlan');
      const problems = termsProblems(input);
      if (problems.length > 0) return { plan: null, userErrors: problems };
      const validFrom = new Date(input.validFrom);
      const validTo = input.validTo ? new Date(input.validTo) : null;
      return refusing(() =>
        prisma.$transaction(async (tx) => {
          if (input.autoAssign) await overlapCheck(tx, input.vehicleCategory, validFrom, validTo, null);
          const at = now();
          const created = await tx.rentalPlan.create({
            data: {
              name: input.name.trim(),
              vehicleCategory: input.vehicleCategory,
              period: input.period,
              rentMinor: BigInt(input.rent.amountMinor),
              depositMinor: BigInt(input.deposit.amountMinor),
              currency,
              depositCollection: input.depositCollection,
              validFrom,
              validTo,
              autoAssign: input.autoAssign,
              createdByUserId: viewer!.userId,
              createdAt: at,
              updatedAt: at,
            },
          });
          await recordAudit(tx, viewer!, { action: 'rental_plan.create', target: { type: 'RentalPlan', id: created.id }, after: planAudit(created) });
          return created;
        }),
      );
    },

    async update(viewer: Viewer | null, input: UpdateRentalPlanInput): Promise<PlanResult> {
      requireOperations(viewer, 'updateRentalPlan');
      if (!isUuid(input.id)) return { plan: null, userErrors: [rentalError('PLAN_NOT_FOUND', 'no such rental plan', ['input', 'id'])] };
      if (input.name != null) {
        const problem = nameProblem(input.name);
        if (problem) return { plan: null, userErrors: [problem] };
      }
      return refusing(() =>
        prisma.$transaction(async (tx) => {
          const rows = await tx.$queryRaw<{ id: string }[]>`select id from payments.rental_plans where id = ${input.id}::uuid for update`;
          const plan = rows.length > 0 ? await findPlan(tx, input.id) : null;
          if (!plan) throw new RentalRefusal(rentalError('PLAN_NOT_FOUND', 'no such rental plan', ['input', 'id']));
          if (plan.retiredAt) throw new RentalRefusal(rentalError('PLAN_RETIRED', 'a retired plan cannot change', ['input', 'id']));
          const validFrom = input.validFrom ? new Date(input.validFrom) : plan.validFrom;
          const validTo = input.clearValidTo ? null : input.validTo ? new Date(input.validTo) : plan.validTo;
          const validity = validityProblem(validFrom, validTo);
          if (validity) throw new RentalRefusal(validity);
          const autoAssign = input.autoAssign ?? plan.autoAssign;
          if (autoAssign) await overlapCheck(tx, plan.vehicleCategory, validFrom, validTo, plan.id);
          const updated = await tx.rentalPlan.update({
            where: { id: plan.id },
            data: { name: input.name != null ? input.name.trim() : plan.name, validFrom, validTo, autoAssign, updatedAt: now() },
          });
          // The fields updateRentalPlan may change.
          const changeable = ({ name, validFrom, validTo, autoAssign }: RentalPlan) => ({
            name,
            validFrom: validFrom.toISOString(),
            validTo: validTo?.toISOString() ?? null,
            autoAssign,
          });
          await recordAudit(tx, viewer!, {
            action: 'rental_plan.update',
            target: { type: 'RentalPlan', id: plan.id },
            before: changeable(plan),
            after: changeable(updated),
          });
          return updated;
        }),
      );
    },

    /** Idempotent: retiring a retired plan returns it as it is. */
    async retire(viewer: Viewer | null, id: string): Promise<PlanResult> {
      requireOperations(viewer, 'retireRentalPlan');
      if (!isUuid(id)) return { plan: null, userErrors: [rentalError('PLAN_NOT_FOUND', 'no such rental plan', ['id'])] };
      const at = now();
      await prisma.$transaction(async (tx) => {
        const { count } = await tx.rentalPlan.updateMany({ where: { id, retiredAt: null }, data: { retiredAt: at, updatedAt: at } });
        // Retiring a retired plan changes nothing and records nothing.
        if (count === 1)
          await recordAudit(tx, viewer!, {
            action: 'rental_plan.retire',
            target: { type: 'RentalPlan', id },
            before: { retiredAt: null },
            after: { retiredAt: at.toISOString() },
          });
      });
      const plan = await findPlan(prisma, id);
      return plan ? { plan, userErrors: [] } : { plan: null, userErrors: [rentalError('PLAN_NOT_FOUND', 'no such rental plan', ['id'])] };
    },

    /** Newest first, at most MAX_PLANS_LISTED. Readers: operations and fleet managers (schema rule). */
    list(filter: RentalPlanFilterInput | null | undefined): Promise<RentalPlan[]> {
      const where: Prisma.RentalPlanWhereInput = {
        ...(filter?.vehicleCategory ? { vehicleCategory: filter.vehicleCategory } : {}),
        ...(filter?.includeRetired && !filter.validAt ? {} : { retiredAt: null }),
        ...(filter?.validAt ? { validFrom: { lte: new Date(filter.validAt) }, OR: [{ validTo: null }, { validTo: { gt: new Date(filter.validAt) } }] } : {}),
      };
      return findPlans(prisma, where, MAX_PLANS_LISTED);
    },
  };
}

/** A plan's terms as an audit snapshot (money in minor units, instants ISO). */
function planAudit(plan: RentalPlan) {
  return {
    name: plan.name,
    vehicleCategory: plan.vehicleCategory,
    period: plan.period,
    rentMinor: Number(plan.rentMinor),
    depositMinor: Number(plan.depositMinor),
    currency: plan.currency,
    depositCollection: plan.depositCollection,
    validFrom: plan.validFrom.toISOString(),
    validTo: plan.validTo?.toISOString() ?? null,
    autoAssign: plan.autoAssign,
  };
}

function validityProblem(from: Date, to: Date | null): RentalUserError | null {
  if (to && to.getTime() <= from.getTime()) return rentalError('INVALID_VALIDITY', 'validTo must be after validFrom', ['input', 'validTo']);
  return null;
}

export type RentalPlans = ReturnType<typeof createRentalPlans>;
