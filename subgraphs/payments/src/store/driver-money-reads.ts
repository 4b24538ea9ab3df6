// What a driver's money looks like in the ledger: their accounts, the period's movements grouped by cause, and their
// statement. Read-only; every number is a sum of postings (MONEY.md "Driver money").
import { afterCursorWhere, newestFirst, type PageRequest } from '../../../../platform/graphql/index.js';
import type { Db } from './db.js';
import type { JournalEntry, LedgerAccount, LedgerAccountKind, LedgerCause, Posting } from './prisma/client.js';

/** The driver's own accounts: what `Driver.statement` lists and `Driver.earnings` sums. */
export const DRIVER_ACCOUNT_KINDS = ['DRIVER_EARNINGS', 'DRIVER_CASH_HELD', 'DRIVER_DEPOSIT'] as const satisfies readonly LedgerAccountKind[];
export type DriverAccountKind = (typeof DRIVER_ACCOUNT_KINDS)[number];

export type StatementPosting = Posting & { entry: JournalEntry; account: LedgerAccount };

/** One (account kind, cause) group of a period: signed sum, and how many entries moved the account up. */
export interface MovementTotal {
  kind: DriverAccountKind;
  cause: LedgerCause;
  sumMinor: bigint;
  creditedEntries: number;
}

export function driverAccounts(db: Db, userId: string, currency: string): Promise<LedgerAccount[]> {
  return db.ledgerAccount.findMany({ where: { ownerId: userId, currency, kind: { in: [...DRIVER_ACCOUNT_KINDS] } } });
}

/** The period's movements of the driver's accounts, grouped by account kind and cause (one statement). */
export async function movementTotals(db: Db, userId: string, currency: string, from: Date, to: Date): Promise<MovementTotal[]> {
  const rows = await db.$queryRaw<{ kind: DriverAccountKind; cause: LedgerCause; sum_minor: bigint; credited: bigint }[]>`
    select a.kind::text as kind, e.cause::text as cause, sum(p.amount_minor)::bigint as sum_minor,
           count(distinct p.entry_id) filter (where p.amount_minor > 0) as credited
    from payments.postings p
    join payments.ledger_accounts a on a.id = p.account_id
    join payments.journal_entries e on e.id = p.entry_id
    where a.owner_id = ${userId}::uuid and a.currency = ${currency}
      and a.kind in ('DRIVER_EARNINGS', 'DRIVER_CASH_HELD', 'DRIVER_DEPOSIT')
      and p.created_at >= ${from} and p.created_at < ${to}
    group by a.kind, e.cause`;
  return rows.map((row) => ({ kind: row.kind, cause: row.cause, sumMinor: BigInt(row.sum_minor), creditedEntries: Number(row.credited) }));
}

/**
 * The platform's commission on the fares and fees the driver earned in the period: the PLATFORM_REVENUE legs of the
 * entries that credited the driver's earnings with cause TRIP_FARE or CANCELLATION_FEE.
 */
export async function commissionOnFares(db: Db, userId: string, currency: string, from: Date, to: Date): Promise<bigint> {
  const rows = await db.$queryRaw<{ total: bigint | null }[]>`
    select sum(rev.amount_minor)::bigint as total
    from payments.postings mine
    join payments.ledger_accounts a on a.id = mine.account_id
    join payments.journal_entries e on e.id = mine.entry_id
    join payments.postings rev on rev.entry_id = mine.entry_id
    join payments.ledger_accounts ra on ra.id = rev.account_id and ra.kind = 'PLATFORM_REVENUE'
    where a.owner_id = ${userId}::uuid and a.kind = 'DRIVER_EARNINGS' and a.currency = ${currency}
      and e.cause in ('TRIP_FARE', 'CANCELLATION_FEE') and mine.amount_minor > 0
      and mine.created_at >= ${from} and mine.created_at < ${to}`;
  return BigInt(rows[0]?.total ?? 0);
}

/** One page of the postings of the given accounts, newest first, optionally within [from, to). */
export function statementPage(
  db: Db,
  accountIds: readonly string[],
  range: { from?: Date | null; to?: Date | null },
  page: PageRequest,
): Promise<StatementPosting[]> {
  const createdAt = { ...(range.from ? { gte: range.from } : {}), ...(range.to ? { lt: range.to } : {}) };
  return db.posting.findMany({
    where: { accountId: { in: [...accountIds] }, ...(range.from || range.to ? { createdAt } : {}), ...afterCursorWhere(page.after) },
    orderBy: newestFirst(),
    take: page.take + 1,
    include: { entry: true, account: true },
  });
}
