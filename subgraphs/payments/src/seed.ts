// Writes payments' part of the demo city: every rider and driver gets a wallet with welcome credit, booked as a
// PROMOTION entry from the platform's promotions account (a balance is always explained by its entries).
// Idempotent: wallet ids derive from the user, so a re-run finds them and adds nothing. Written in a handful of
// bulk statements (the ledger's triggers still move every balance), since it runs at every embedded start.
import { randomUUID } from 'node:crypto';
import { demoId, type DemoDataset } from '../../../platform/demo/index.js';
import { openAccount } from './store/ledger-store.js';
import type { PaymentsPrisma } from './store/database.js';

export async function seedPayments(prisma: PaymentsPrisma, demo: DemoDataset): Promise<number> {
  await seedDriverProfiles(prisma, demo);
  const holders = demo.users.filter((user) => user.roles.includes('RIDER') || user.roles.includes('DRIVER'));
  const existing = new Set(
    (await prisma.ledgerAccount.findMany({ where: { id: { in: holders.map((user) => demoId('wallet', user.id)) } }, select: { id: true } })).map((a) => a.id),
  );
  const fresh = holders
    .map((user, i) => ({ user, walletId: demoId('wallet', user.id), entryId: randomUUID(), credit: BigInt((i * 1237) % 5000) }))
    .filter(({ walletId }) => !existing.has(walletId));
  if (fresh.length === 0) return 0;
  await prisma.$transaction(async (tx) => {
    const promotions = await openAccount(tx, 'PROMOTIONS', null, demo.currency);
    await tx.ledgerAccount.createMany({
      data: fresh.map(({ user, walletId }) => ({ id: walletId, kind: 'RIDER_WALLET', ownerId: user.id, currency: demo.currency })),
    });
    // Spread over 0.00–49.99 so the demo shows varied balances, the same on every machine.
    const credited = fresh.filter(({ credit }) => credit > 0n);
    await tx.journalEntry.createMany({ data: credited.map(({ entryId }) => ({ id: entryId, cause: 'PROMOTION', description: 'Welcome credit' })) });
    await tx.posting.createMany({
      data: credited.flatMap(({ entryId, walletId, credit }) => [
        { entryId, accountId: walletId, amountMinor: credit, currency: demo.currency, balanceAfterMinor: 0n },
        { entryId, accountId: promotions.id, amountMinor: -credit, currency: demo.currency, balanceAfterMinor: 0n },
      ]),
    });
  });
  return fresh.length;
}

/** The demo drivers as fleet seeds them (fleet's seed writes rows, not events): version 0, so any event wins. */
async function seedDriverProfiles(prisma: PaymentsPrisma, demo: DemoDataset): Promise<void> {
  const categories = new Map(demo.vehicles.map((vehicle) => [vehicle.id, vehicle.category]));
  await prisma.driverProfile.createMany({
    data: demo.drivers.map((driver) => ({
      driverId: driver.id,
      userId: driver.userId,
      fleetId: driver.fleetId,
      vehicleId: driver.vehicleId,
      category: categories.get(driver.vehicleId) ?? null,
    })),
    skipDuplicates: true,
  });
}
