import { badInput } from '../../../../platform/errors/index.js';
import { readPageArgs, toConnection } from '../../../../platform/graphql/index.js';
import { isUuid } from '../../../../platform/graphql/index.js';
import type { QueryResolvers } from '../generated/resolvers-types.js';
import { canSeePayment } from '../services/access.js';

export const Query: QueryResolvers = {
  async payment(_parent, { id }, { viewer, loaders }) {
    const payment = await loaders.paymentById.load(id);
    return payment && canSeePayment(viewer, payment) ? payment : null;
  },
  // Operations staff only (schema rule).
  async payments(_parent, { filter, ...pageArgs }, { services }) {
    const page = readPageArgs(pageArgs);
    for (const [name, value] of [
      ['payerId', filter?.payerId],
      ['tripId', filter?.tripId],
    ] as const) {
      if (value && !isUuid(value)) throw badInput(`filter.${name} is not an id`, `filter.${name}`);
    }
    const rows = await services.reads.paymentsPage(
      {
        ...(filter?.status?.length ? { status: { in: filter.status } } : {}),
        ...(filter?.purpose?.length ? { purpose: { in: filter.purpose } } : {}),
        ...(filter?.payerId ? { payerUserId: filter.payerId } : {}),
        ...(filter?.tripId ? { tripId: filter.tripId } : {}),
        ...(filter?.from || filter?.to ? { createdAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } } : {}),
      },
      page,
    );
    return toConnection(rows, page, (payment) => ({ at: payment.createdAt, id: payment.id }));
  },
};
