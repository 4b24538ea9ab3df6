import { readPageArgs, toConnection } from '../../../../platform/graphql/index.js';
import type { WalletEntryResolvers, WalletResolvers } from '../generated/resolvers-types.js';
import { toMoney } from '../services/money.js';

export const Wallet: WalletResolvers = {
  id: ({ account }) => account.id,
  balance: ({ account }) => toMoney(account.balanceMinor, account.currency),
  async balanceDue({ userId, account }, _args, { loaders }) {
    const due = await loaders.balanceDueByUserId.load(userId);
    // The due account is credit-normal (negative while owed); shown as what is owed.
    return toMoney(due ? -due.balanceMinor : 0n, account.currency);
  },
  updatedAt: ({ account }) => account.updatedAt,
  async history({ account }, args, { services }) {
    const page = readPageArgs(args);
    return toConnection(await services.reads.postingsPage(account.id, page), page, (posting) => ({ at: posting.createdAt, id: posting.id }));
  },
};

export const WalletEntry: WalletEntryResolvers = {
  amount: (posting) => toMoney(posting.amountMinor, posting.currency),
  balanceAfter: (posting) => toMoney(posting.balanceAfterMinor, posting.currency),
  cause: (posting) => posting.entry.cause,
  description: (posting) => posting.entry.description,
  // The wallet's owner (already authorized) may see the payments that moved it.
  payment: (posting, _args, { loaders }) => (posting.entry.paymentId ? loaders.paymentById.load(posting.entry.paymentId) : null),
};
