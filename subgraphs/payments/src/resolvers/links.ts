// Payment links and vehicle payment QR codes in the API (services/payment-links.ts, services/vehicle-qr.ts).
// Who sees a link: its payer, who made it, operations staff, and managers of the fleet of a DRIVER_* link's driver.
import { assertCanActForUser, hasAnyRole, seesEverything, type Viewer } from '../../../../platform/auth/index.js';
import { AppError } from '../../../../platform/errors/index.js';
import { createByIdLoader, isUuid, readPageArgs, toConnection } from '../../../../platform/graphql/index.js';
import type { PaymentsContext } from '../context.js';
import type { MutationResolvers, PaymentLinkResolvers, QueryResolvers, UserResolvers, VehicleResolvers } from '../generated/resolvers-types.js';
import { canManageDriverMoney } from '../services/driver-access.js';
import { toMoney } from '../services/money.js';
import { renderVehicleQr } from '../services/vehicle-qr.js';
import type { PaymentLink } from '../store/prisma/client.js';

/** One loader of links by id per request (context), so a page of payments reads their links in one statement. */
const loaders = new WeakMap<PaymentsContext, ReturnType<typeof makeLoader>>();
const makeLoader = (context: PaymentsContext) => createByIdLoader((ids) => context.services.linkReads.linksByIds(ids));
function linkById(context: PaymentsContext, id: string): Promise<PaymentLink | null> {
  let loader = loaders.get(context);
  if (!loader) loaders.set(context, (loader = makeLoader(context)));
  return loader.load(id).then((link) => link ?? null);
}

export async function canSeeLink(context: PaymentsContext, viewer: Viewer | null, link: PaymentLink): Promise<boolean> {
  if (!viewer) return false;
  if (viewer.userId === link.payerUserId || viewer.userId === link.createdByUserId || seesEverything(viewer)) return true;
  if (!link.driverUserId || !hasAnyRole(viewer, ['FLEET_MANAGER']) || link.purpose === 'TRIP_FARE') return false;
  const driver = await context.services.linkReads.driverOfUser(link.driverUserId);
  return driver !== null && canManageDriverMoney(viewer, driver);
}

function signedIn(viewer: Viewer | null): Viewer {
  if (!viewer) throw new AppError('UNAUTHENTICATED', 'sign in first');
  return viewer;
}

export const LinkQuery: Pick<QueryResolvers, 'paymentLink'> = {
  async paymentLink(_parent, { id }, context) {
    if (!isUuid(id)) return null;
    const link = await linkById(context, id);
    return link && (await canSeeLink(context, context.viewer, link)) ? link : null;
  },
};

export const LinkMutation: Pick<MutationResolvers, 'createPaymentLink' | 'payTripByVehicleQr'> = {
  createPaymentLink: (_parent, { input }, { viewer, services }) => services.paymentLinks.create(signedIn(viewer), input),
  payTripByVehicleQr: (_parent, { input }, { viewer, services }) => services.vehicleQr.payTrip(signedIn(viewer), input),
};

export const PaymentLinkType: PaymentLinkResolvers = {
  amount: (link) => toMoney(link.amountMinor, link.currency),
  payer: (link) => ({ id: link.payerUserId }),
  trip: (link) => (link.tripId ? { id: link.tripId } : null),
  payment: (link, _args, { loaders }) => (link.paymentId ? loaders.paymentById.load(link.paymentId).then((p) => p ?? null) : null),
};

export const UserLinks: Pick<UserResolvers, 'paymentLinks'> = {
  async paymentLinks({ id }, args, { viewer, services }) {
    assertCanActForUser(viewer, id, 'User.paymentLinks');
    const page = readPageArgs(args);
    const rows = await services.linkReads.linksOfPayer(id, page);
    return toConnection(rows, page, (link) => ({ at: link.createdAt, id: link.id }));
  },
};

export const PaymentPaidByLink = {
  paidByLink: (payment: { paidByLinkId: string | null }, _args: unknown, context: PaymentsContext) =>
    payment.paidByLinkId ? linkById(context, payment.paidByLinkId) : null,
};

export const Vehicle: VehicleResolvers = {
  // fleet owns whether a vehicle exists; payments answers for any id (the code only encodes it).
  __resolveReference: ({ id }) => ({ id }),
  paymentQr: ({ id }, _args, { services }) => renderVehicleQr(services.publicUrl, id),
};
