// Writes payments' part of the demo city: a wallet per rider and driver. Idempotent: existing rows are left as
// they are (ids derive from the user, so a re-run finds them).
import { demoId, type DemoDataset } from '../../../platform/demo/index.js';
import type { PaymentsPrisma } from './store/database.js';

export async function seedPayments(prisma: PaymentsPrisma, demo: DemoDataset): Promise<number> {
  const holders = demo.users.filter((user) => user.roles.includes('RIDER') || user.roles.includes('DRIVER'));
  const { count } = await prisma.wallet.createMany({
    data: holders.map((user, i) => ({
      id: demoId('wallet', user.id),
      userId: user.id,
      // Spread over 0.00–49.99 so the demo shows varied balances, the same on every machine.
      balanceMinor: BigInt((i * 1237) % 5000),
      currency: demo.currency,
    })),
    skipDuplicates: true,
  });
  return count;
}
