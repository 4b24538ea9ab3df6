// Who may see a payment: its payer, the driver who earned it, and operations staff (SUPER_ADMIN, OPERATIONS).
import { seesEverything, type Viewer } from '../../../../platform/auth/index.js';
import type { Payment } from '../store/prisma/client.js';

export function canSeePayment(viewer: Viewer | null, payment: Payment): boolean {
  if (!viewer) return false;
  return viewer.userId === payment.payerUserId || (payment.driverUserId !== null && viewer.userId === payment.driverUserId) || seesEverything(viewer);
}
