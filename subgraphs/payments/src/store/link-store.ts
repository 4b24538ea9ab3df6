// Payment links' rows: locking one for the webhook that decides from its state, and the reads of the API.
import { afterCursorWhere, newestFirst, type PageRequest } from '../../../../platform/graphql/index.js';
import type { Db, Tx } from './db.js';
import { findDriverProfileByUserId } from './driver-profiles.js';
import type { PaymentLink } from './prisma/client.js';

/** Locks the link's row until the transaction ends: a paid and an expired webhook for one link apply one at a time. */
export async function lockLink(tx: Tx, id: string): Promise<PaymentLink | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>`select id from payments.payment_links where id = ${id}::uuid for update`;
  if (rows.length === 0) return null;
  return tx.paymentLink.findUnique({ where: { id } });
}

export function createLinkReads(db: Db) {
  return {
    linksByIds: (ids: readonly string[]): Promise<PaymentLink[]> => db.paymentLink.findMany({ where: { id: { in: [...ids] } } }),
    /** The driver profile of a DRIVER_* link's driver (whose fleet's managers may see the link). */
    driverOfUser: (userId: string) => findDriverProfileByUserId(db, userId),
    /** A payer's links, newest first. */
    linksOfPayer: (payerUserId: string, page: PageRequest): Promise<PaymentLink[]> =>
      db.paymentLink.findMany({ where: { AND: [{ payerUserId }, afterCursorWhere(page.after)] }, orderBy: newestFirst(), take: page.take + 1 }),
  };
}
