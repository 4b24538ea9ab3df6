// Writes payments' part of the demo city: every rider and driver gets a wallet with welcome credit, booked as a
// PROMOTION entry from the platform's promotions account (a balance is always explained by its entries).
// Idempotent: wallet ids derive from the user, so a re-run finds them and adds nothing.
import { demoId, type DemoDataset } from '../../../platform/demo/index.js';
import { createLedger, owned, platform } from './services/ledger.js';
import type { PaymentsPrisma } from './store/database.js';

export async function seedPayments(prisma: PaymentsPrisma, demo: DemoDataset): Promise<number> {
  const holders = demo.users.filter((user) => user.roles.includes('RIDER') || user.roles.includes('DRIVER'));
  const existing = new Set(
    (await prisma.ledgerAccount.findMany({ where: { id: { in: holders.map((user) => demoId('wallet', user.id)) } }, select: { id: true } })).map((a) => a.id),
  );
  const ledger = createLedger();
  let created = 0;
  for (const [i, user] of holders.entries()) {
    const id = demoId('wallet', user.id);
    if (existing.has(id)) continue;
    // Spread over 0.00–49.99 so the demo shows varied balances, the same on every machine.
    const credit = BigInt((i * 1237) % 5000);
    await prisma.$transaction(async (tx) => {
      await tx.ledgerAccount.create({ data: { id, kind: 'RIDER_WALLET', ownerId: user.id, currency: demo.currency } });
      if (credit > 0n) {
        await ledger.post(tx, demo.currency, {
          cause: 'PROMOTION',
          description: 'Welcome credit',
          legs: [owned('RIDER_WALLET', user.id, credit), platform('PROMOTIONS', -credit)],
        });
      }
    });
    created += 1;
  }
  return created;
}
