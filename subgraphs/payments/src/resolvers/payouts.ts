// Payouts' fields (MONEY.md "Payouts"). Batches: operations staff only (the schema's @requiresScopes, and
// requireOperations here); a driver's destination and payouts: the driver, their fleet's managers and operations
// (canSeeDriverMoney). The account number is never returned: PayoutDestination has no field for it.
import { AppError, badInput } from '../../../../platform/errors/index.js';
import { isUuid, readPageArgs, toConnection } from '../../../../platform/graphql/index.js';
import type {
  DriverResolvers,
  MutationResolvers,
  PayoutBatchResolvers,
  PayoutDestinationResolvers,
  PayoutItemResolvers,
  QueryResolvers,
} from '../generated/resolvers-types.js';
import { canSeeDriverMoney, requireOperations } from '../services/driver-access.js';
import { toMoney } from '../services/money.js';
import { findDriverProfile } from '../store/driver-profiles.js';
import { batchesPage, batchTotals, findDestination, itemsOfBatchPage, itemsOfDriverPage } from '../store/payout-store.js';
import type { PaymentsContext } from '../context.js';

function signedIn(viewer: PaymentsContext['viewer']) {
  if (!viewer) throw new AppError('UNAUTHENTICATED', 'sign in first');
  return viewer;
}

function uuidArg(value: string, name: string): string {
  if (!isUuid(value)) throw badInput(`${name} is not an id`, name);
  return value;
}

/** The driver's profile when the viewer may see their money; null for an unknown driver. @throws FORBIDDEN otherwise. */
async function visibleDriver(id: string, { viewer, services }: PaymentsContext, what: string) {
  if (!viewer) throw new AppError('UNAUTHENTICATED', `Sign in to read ${what}`);
  if (!isUuid(id)) return null;
  const profile = await findDriverProfile(services.payouts.db, id);
  if (!profile) return null;
  if (!canSeeDriverMoney(viewer, profile)) throw new AppError('FORBIDDEN', `Only the driver, their fleet's managers and operations staff may read ${what}`);
  return profile;
}

export const PayoutQuery: QueryResolvers = {
  async previewPayoutBatch(_parent, { input }, { viewer, services }) {
    requireOperations(viewer, 'previewPayoutBatch');
    const preview = await services.payouts.batches.preview({ fleetId: uuidArg(input.fleetId, 'input.fleetId'), periodEnd: input.periodEnd ?? null });
    const total = preview.items.reduce((sum, item) => sum + item.amountMinor, 0n);
    return {
      items: preview.items.map((item) => ({ driver: { id: item.driverId }, amount: toMoney(item.amountMinor, services.currency) })),
      skipped: preview.skipped.map((skip) => ({ driver: { id: skip.driverId }, reason: skip.reason })),
      total: toMoney(total, services.currency),
      userErrors: preview.userErrors,
    };
  },
  async payoutBatch(_parent, { id }, { viewer, services }) {
    requireOperations(viewer, 'payoutBatch');
    if (!isUuid(id)) return null;
    return services.payouts.db.payoutBatch.findUnique({ where: { id } });
  },
  async payoutBatches(_parent, { filter, ...pageArgs }, { viewer, services }) {
    requireOperations(viewer, 'payoutBatches');
    const page = readPageArgs(pageArgs);
    if (filter?.fleetId) uuidArg(filter.fleetId, 'filter.fleetId');
    const rows = await batchesPage(
      services.payouts.db,
      { ...(filter?.fleetId ? { fleetId: filter.fleetId } : {}), ...(filter?.status?.length ? { status: { in: filter.status } } : {}) },
      page,
    );
    return toConnection(rows, page, (batch) => ({ at: batch.createdAt, id: batch.id }));
  },
};

export const PayoutMutation: MutationResolvers = {
  setPayoutDestination: (_parent, { input }, { viewer, services }) => services.payouts.destinations.set(signedIn(viewer), input),
  async createPayoutBatch(_parent, { input }, { viewer, services }) {
    requireOperations(viewer, 'createPayoutBatch');
    const result = await services.payouts.batches.create(viewer!, { ...input, fleetId: uuidArg(input.fleetId, 'input.fleetId') });
    return result;
  },
  async createBulkPayoutBatch(_parent, { input }, { viewer, services }) {
    requireOperations(viewer, 'createBulkPayoutBatch');
    return services.payouts.bulk.create(viewer!, input);
  },
  async submitPayoutBatch(_parent, { batchId, idempotencyKey }, { viewer, services }) {
    requireOperations(viewer, 'submitPayoutBatch');
    return services.payouts.batches.submit(viewer!, uuidArg(batchId, 'batchId'), idempotencyKey);
  },
};

/** Payouts' fields of Driver (spread into the Driver resolvers). */
export const PayoutDriverFields: Pick<DriverResolvers, 'payoutDestination' | 'payouts'> = {
  async payoutDestination({ id }, _args, context) {
    const profile = await visibleDriver(id, context, 'a payout destination');
    return profile ? findDestination(context.services.payouts.db, profile.userId) : null;
  },
  async payouts({ id }, pageArgs, context) {
    const page = readPageArgs(pageArgs);
    const profile = await visibleDriver(id, context, 'payouts');
    if (!profile) return null;
    const rows = await itemsOfDriverPage(context.services.payouts.db, profile.driverId, page);
    return toConnection(rows, page, (item) => ({ at: item.createdAt, id: item.id }));
  },
};

export const PayoutDestination: PayoutDestinationResolvers = {
  country: (destination) => destination.country.trim(),
};

export const PayoutItem: PayoutItemResolvers = {
  driver: (item) => ({ id: item.driverId }),
  amount: (item) => toMoney(item.amountMinor, item.currency.trim()),
};

export const PayoutBatch: PayoutBatchResolvers = {
  total: (batch) => toMoney(batch.totalMinor, batch.currency.trim()),
  paid: async (batch, _args, { services }) => toMoney(sumOf(await batchTotals(services.payouts.db, batch.id), 'PAID'), batch.currency.trim()),
  inTransit: async (batch, _args, { services }) => toMoney(sumOf(await batchTotals(services.payouts.db, batch.id), 'PENDING'), batch.currency.trim()),
  failed: async (batch, _args, { services }) => toMoney(sumOf(await batchTotals(services.payouts.db, batch.id), 'FAILED'), batch.currency.trim()),
  async items(batch, pageArgs, { services }) {
    const page = readPageArgs(pageArgs);
    const rows = await itemsOfBatchPage(services.payouts.db, batch.id, page);
    return toConnection(rows, page, (item) => ({ at: item.createdAt, id: item.id }));
  },
};

const sumOf = (totals: { status: string; amountMinor: bigint }[], status: string) => totals.find((t) => t.status === status)?.amountMinor ?? 0n;
