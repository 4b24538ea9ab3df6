// Rental rows as the GraphQL types (no codegen mappers: every field is computed here, amounts through toMoney).
import type {
  ResolversTypes,
  DriverRentalPlan as AssignmentView,
  RentalPlan as PlanView,
  RentCharge as ChargeView,
  VehicleCategory,
} from '../../generated/resolvers-types.js';
import type { AssignmentWithPlan, DriverExit, RentalPlan, RentChargeWithPlan } from '../../store/rental-store.js';
import { toMoney } from '../money.js';
import { periodBounds } from './periods.js';

export function planView(plan: RentalPlan): PlanView {
  return {
    id: plan.id,
    name: plan.name,
    vehicleCategory: plan.vehicleCategory as VehicleCategory,
    period: plan.period,
    rent: toMoney(plan.rentMinor, plan.currency),
    deposit: toMoney(plan.depositMinor, plan.currency),
    depositCollection: plan.depositCollection,
    validFrom: plan.validFrom,
    validTo: plan.validTo,
    autoAssign: plan.autoAssign,
    retiredAt: plan.retiredAt,
    createdAt: plan.createdAt,
  };
}

export function assignmentView(a: AssignmentWithPlan): AssignmentView {
  return {
    id: a.id,
    plan: planView(a.plan),
    since: a.startsAt,
    until: a.endsAt,
    periodsCharged: a.chargedPeriods,
    nextChargeAt: a.endsAt ? null : periodBounds(a.startsAt, a.plan.period, a.chargedPeriods).start,
  };
}

export function rentChargeView(charge: RentChargeWithPlan): ChargeView {
  return {
    id: charge.id,
    plan: planView(charge.assignment.plan),
    periodStart: charge.periodStart,
    periodEnd: charge.periodEnd,
    amount: toMoney(charge.amountMinor, charge.currency),
    chargedAt: charge.createdAt,
  };
}

export function exitView(exit: DriverExit): ResolversTypes['DriverExit'] {
  return {
    id: exit.id,
    // Only the key: every other field of Driver has its own resolver (Driver has no codegen mapper yet).
    driver: { id: exit.driverId } as ResolversTypes['Driver'],
    reason: exit.reason,
    depositReturned: toMoney(exit.depositReturnedMinor, exit.currency),
    rentChargedAtExit: toMoney(exit.rentChargedAtExitMinor, exit.currency),
    rentChargedTotal: toMoney(exit.rentChargedTotalMinor, exit.currency),
    cashNetted: toMoney(exit.cashNettedMinor, exit.currency),
    finalBalance: toMoney(exit.finalBalanceMinor, exit.currency),
    settledAt: exit.settledAt,
  };
}
