// The only code that reads and writes payments' wallets table.
import type { PaymentsPrisma } from './database.js';
import type { Wallet } from './prisma/client.js';

export type WalletStore = ReturnType<typeof createWalletStore>;

export function createWalletStore(prisma: PaymentsPrisma) {
  return {
    findByUserIds(userIds: readonly string[]): Promise<Wallet[]> {
      return prisma.wallet.findMany({ where: { userId: { in: [...userIds] } } });
    },
  };
}
