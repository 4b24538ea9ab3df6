// Per-request DataLoaders for payments. Every per-user lookup (`User.wallet` under `_entities`) goes through these.
import { createByKeyLoader } from '../../../platform/graphql/index.js';
import type { WalletStore } from './store/wallet-store.js';

export type PaymentsLoaders = ReturnType<typeof createPaymentsLoaders>;

export function createPaymentsLoaders(wallets: WalletStore) {
  return {
    walletByUserId: createByKeyLoader(
      (userIds) => wallets.findByUserIds(userIds),
      (wallet) => wallet.userId,
    ),
  };
}
