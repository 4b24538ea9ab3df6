// What a payout may pay a driver: earnings + cash held (cash not handed in is netted), never below 0 (MONEY.md).
// With a period end in the past, the balances as they were then, but never more than is payable now.
import type { DriverBalances } from '../../store/payout-store.js';

export function payableOf(balances: DriverBalances | undefined, periodEnd: Date | null): bigint {
  if (!balances) return 0n;
  const now = balances.earningsMinor + balances.cashHeldMinor;
  const atPeriodEnd = periodEnd ? now - balances.sincePeriodEndMinor : now;
  const payable = now < atPeriodEnd ? now : atPeriodEnd;
  return payable > 0n ? payable : 0n;
}
