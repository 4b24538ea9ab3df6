// Locking one payment row for the rest of the transaction: the charger's outcome, a webhook and a refund each
// decide from the payment's state, and only one of them may act on it at a time.
import type { Tx } from './db.js';
import type { Payment } from './prisma/client.js';

export async function lockPayment(tx: Tx, id: string): Promise<Payment | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>`select id from payments.payments where id = ${id}::uuid for update`;
  if (rows.length === 0) return null;
  return tx.payment.findUnique({ where: { id } });
}
