// Rental plans, assignments, rent charges, deposits and exits. Authorization: the schema's rules, then here —
// plans and exits for operations (requireOperations in the services), assignments for operations and managers of
// the driver's fleet, a driver's rental fields for whoever may see the driver's money (canSeeDriverMoney).
import { AppError } from '../../../../platform/errors/index.js';
import type { Viewer } from '../../../../platform/auth/index.js';
import { isUuid, readPageArgs, toConnection } from '../../../../platform/graphql/index.js';
import type { DriverResolvers, MutationResolvers, QueryResolvers } from '../generated/resolvers-types.js';
import type { PaymentsServices } from '../services/index.js';
import { canSeeDriverMoney } from '../services/driver-access.js';
import { toMoney } from '../services/money.js';
import { requireOperations } from '../services/driver-access.js';
import { assignmentView, exitView, planView, rentChargeView } from '../services/rental/views.js';
import type { DriverProfile } from '../store/driver-profiles.js';

/** The driver's profile when the viewer may see their money; null for a driver payments has not heard of. @throws FORBIDDEN otherwise. */
async function readableDriver(services: PaymentsServices, viewer: Viewer | null, driverId: string): Promise<DriverProfile | null> {
  if (!isUuid(driverId)) return null;
  const profile = await services.rental.reads.profile(driverId);
  if (!profile) return null;
  if (!canSeeDriverMoney(viewer, profile)) throw new AppError('FORBIDDEN', "You may not see this driver's money");
  return profile;
}

export const RentalQuery: Pick<QueryResolvers, 'rentalPlans'> = {
  // Operations and fleet managers (schema rule).
  async rentalPlans(_parent, { filter }, { services }) {
    return (await services.rental.plans.list(filter)).map(planView);
  },
};

export const RentalMutation: Pick<MutationResolvers, 'createRentalPlan' | 'updateRentalPlan' | 'retireRentalPlan' | 'assignRentalPlan' | 'settleDriverExit'> = {
  async createRentalPlan(_parent, { input }, { viewer, services }) {
    const { plan, userErrors } = await services.rental.plans.create(viewer, input);
    return { plan: plan && planView(plan), userErrors };
  },
  async updateRentalPlan(_parent, { input }, { viewer, services }) {
    const { plan, userErrors } = await services.rental.plans.update(viewer, input);
    return { plan: plan && planView(plan), userErrors };
  },
  async retireRentalPlan(_parent, { id }, { viewer, services }) {
    const { plan, userErrors } = await services.rental.plans.retire(viewer, id);
    return { plan: plan && planView(plan), userErrors };
  },
  async assignRentalPlan(_parent, { input }, { viewer, services }) {
    const { assignment, userErrors } = await services.rental.assignments.assign(viewer, input);
    return { rentalPlan: assignment && assignmentView(assignment), userErrors };
  },
  async settleDriverExit(_parent, { input }, { viewer, services }) {
    requireOperations(viewer, 'settleDriverExit');
    const { exit, userErrors } = await services.rental.exits.settleDriverExit(viewer, input);
    return { exit: exit && exitView(exit), userErrors };
  },
};

/** payments' rental fields of `Driver` (merged into the Driver resolvers in resolvers/index.ts). */
export const RentalDriverFields: Pick<DriverResolvers, 'rentalPlan' | 'rentCharges' | 'deposit'> = {
  async rentalPlan(driver, _args, { viewer, services }) {
    const profile = await readableDriver(services, viewer, driver.id);
    if (!profile) return null;
    const assignment = await services.rental.reads.currentAssignment(profile.driverId);
    return assignment && assignmentView(assignment);
  },
  async rentCharges(driver, args, { viewer, services }) {
    const page = readPageArgs(args);
    const profile = await readableDriver(services, viewer, driver.id);
    if (!profile) return null;
    const rows = await services.rental.reads.rentChargesPage(profile.driverId, page);
    const connection = toConnection(rows, page, (charge) => ({ at: charge.periodStart, id: charge.id }));
    return { ...connection, edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: rentChargeView(edge.node) })) };
  },
  async deposit(driver, _args, { viewer, services }) {
    const profile = await readableDriver(services, viewer, driver.id);
    if (!profile) return null;
    const [assignment, held] = await Promise.all([
      services.rental.reads.currentAssignment(profile.driverId),
      services.rental.reads.depositHeld(profile.userId),
    ]);
    return {
      required: toMoney(assignment?.depositRequiredMinor ?? 0n, services.currency),
      held: toMoney(held, services.currency),
      collection: assignment?.plan.depositCollection ?? null,
    };
  },
};
