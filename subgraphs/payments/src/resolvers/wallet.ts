import type { WalletResolvers } from '../generated/resolvers-types.js';
import { toMoney } from '../services/money.js';

export const Wallet: WalletResolvers = {
  balance: (wallet) => toMoney(wallet.balanceMinor, wallet.currency),
};
