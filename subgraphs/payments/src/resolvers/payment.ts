import { seesEverything } from '../../../../platform/auth/index.js';
import type { PaymentResolvers, RefundResolvers, TripResolvers } from '../generated/resolvers-types.js';
import { canSeePayment } from '../services/access.js';
import { toMoney } from '../services/money.js';

export const Payment: PaymentResolvers = {
  async __resolveReference({ id }, { viewer, loaders }) {
    const payment = await loaders.paymentById.load(id);
    return payment && canSeePayment(viewer, payment) ? payment : null;
  },
  card: (payment, _args, { loaders }) => (payment.cardId ? loaders.cardById.load(payment.cardId) : null),
  amount: (payment) => toMoney(payment.amountMinor, payment.currency),
  refunded: (payment) => toMoney(payment.refundedMinor, payment.currency),
  payer: (payment) => ({ id: payment.payerUserId }),
  trip: (payment) => (payment.tripId ? { id: payment.tripId } : null),
  refunds: (payment, _args, { loaders }) => loaders.refundsByPaymentId.load(payment.id),
};

export const Refund: RefundResolvers = {
  amount: (refund) => toMoney(refund.amountMinor, refund.currency),
  issuedBy: (refund, _args, { viewer }) => (seesEverything(viewer) ? { id: refund.actorUserId } : null),
};

export const Trip: TripResolvers = {
  // trips owns whether a trip exists; payments answers for any id.
  __resolveReference: ({ id }) => ({ id }),
  async payment({ id }, _args, { viewer, loaders }) {
    const payments = await loaders.paymentByTripId.load(id);
    // A completed trip's fare; a cancelled trip's fee (a trip has at most one of each).
    const payment = payments.find((p) => p.purpose === 'TRIP_FARE') ?? payments.find((p) => p.purpose === 'CANCELLATION_FEE') ?? null;
    return payment && canSeePayment(viewer, payment) ? payment : null;
  },
};
