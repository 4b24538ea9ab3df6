// payouts' tables: destinations, batches and their items. Set-based statements for what runs per page of drivers
// (a batch of 10,000 drivers is written and debited in pages, never loaded whole: bench/payouts.ts).
import { afterCursorWhere, newestFirst, type PageRequest } from '../../../../platform/graphql/index.js';
import type { Db, Tx } from './db.js';
import type { PayoutBatch, PayoutBatchStatus, PayoutDestination, PayoutItem, Prisma } from './prisma/client.js';

export type { PayoutBatch, PayoutDestination, PayoutItem };

export const findDestination = (db: Db, userId: string): Promise<PayoutDestination | null> => db.payoutDestination.findUnique({ where: { userId } });

export const findDestinations = (db: Db, userIds: readonly string[]): Promise<PayoutDestination[]> =>
  db.payoutDestination.findMany({ where: { userId: { in: [...userIds] } } });

/** The users (of `userIds`) that have a destination. */
export async function usersWithDestination(db: Db, userIds: readonly string[]): Promise<Set<string>> {
  const rows = await db.$queryRaw<{ user_id: string }[]>`select user_id from payments.payout_destinations where user_id = any(${[...userIds]}::uuid[])`;
  return new Set(rows.map((r) => r.user_id));
}

/** The drivers (of `driverIds`) with a payout that is not final (DRAFT or PENDING). */
export async function driversWithOpenPayout(db: Db, driverIds: readonly string[]): Promise<Set<string>> {
  const rows = await db.$queryRaw<{ driver_id: string }[]>`
    select driver_id from payments.payout_items where driver_id = any(${[...driverIds]}::uuid[]) and status in ('DRAFT', 'PENDING')`;
  return new Set(rows.map((r) => r.driver_id));
}

export interface DriverBalances {
  earningsMinor: bigint;
  cashHeldMinor: bigint;
  /** The balances' sum over postings at or after the period's end (subtract for the balance at the period's end). */
  sincePeriodEndMinor: bigint;
}

/**
 * Earnings and cash-held balances of drivers (identity user ids) in `currency`; `lock` takes the accounts' row locks
 * (ordered by id, as the ledger orders owned accounts) so the balances stay true until commit.
 */
export async function driverBalances(
  db: Db,
  userIds: readonly string[],
  currency: string,
  options: { lock?: boolean; periodEnd?: Date | null } = {},
): Promise<Map<string, DriverBalances>> {
  const ids = [...userIds];
  const rows = options.lock
    ? await db.$queryRaw<{ id: string; owner_id: string; kind: string; balance_minor: bigint }[]>`
        select id, owner_id, kind::text as kind, balance_minor from payments.ledger_accounts
        where owner_id = any(${ids}::uuid[]) and kind in ('DRIVER_EARNINGS', 'DRIVER_CASH_HELD') and currency = ${currency} and shard = 0
        order by id for update`
    : await db.$queryRaw<{ id: string; owner_id: string; kind: string; balance_minor: bigint }[]>`
        select id, owner_id, kind::text as kind, balance_minor from payments.ledger_accounts
        where owner_id = any(${ids}::uuid[]) and kind in ('DRIVER_EARNINGS', 'DRIVER_CASH_HELD') and currency = ${currency} and shard = 0`;
  const since = new Map<string, bigint>();
  if (options.periodEnd && rows.length > 0) {
    const sums = await db.$queryRaw<{ account_id: string; total: bigint }[]>`
      select account_id, sum(amount_minor)::bigint as total from payments.postings
      where account_id = any(${rows.map((r) => r.id)}::uuid[]) and created_at >= ${options.periodEnd} group by account_id`;
    for (const s of sums) since.set(s.account_id, BigInt(s.total));
  }
  const result = new Map<string, DriverBalances>();
  for (const row of rows) {
    const entry = result.get(row.owner_id) ?? { earningsMinor: 0n, cashHeldMinor: 0n, sincePeriodEndMinor: 0n };
    if (row.kind === 'DRIVER_EARNINGS') entry.earningsMinor = BigInt(row.balance_minor);
    else entry.cashHeldMinor = BigInt(row.balance_minor);
    entry.sincePeriodEndMinor += since.get(row.id) ?? 0n;
    result.set(row.owner_id, entry);
  }
  return result;
}

export interface NewPayoutItem {
  id: string;
  driverId: string;
  driverUserId: string;
  amountMinor: bigint;
  reference: string | null;
}

/**
 * Inserts DRAFT items in one statement; a driver who already has an open item (another batch, concurrently) is
 * skipped by the partial unique index. @returns the items inserted.
 */
export async function insertDraftItems(
  tx: Tx,
  batchId: string,
  currency: string,
  items: readonly NewPayoutItem[],
): Promise<{ id: string; amount_minor: bigint }[]> {
  if (items.length === 0) return [];
  return tx.$queryRaw<{ id: string; amount_minor: bigint }[]>`
    insert into payments.payout_items (id, batch_id, driver_id, driver_user_id, amount_minor, currency, reference)
    select v.id, ${batchId}::uuid, v.driver_id, v.driver_user_id, v.amount_minor, ${currency}, v.reference
    from unnest(${items.map((i) => i.id)}::uuid[], ${items.map((i) => i.driverId)}::uuid[], ${items.map((i) => i.driverUserId)}::uuid[],
                ${items.map((i) => i.amountMinor.toString())}::bigint[], ${items.map((i) => i.reference)}::text[])
      as v(id, driver_id, driver_user_id, amount_minor, reference)
    on conflict (driver_id) where status in ('DRAFT', 'PENDING') do nothing
    returning id, amount_minor`;
}

/** Locks the batch's row. */
export async function lockBatch(tx: Tx, batchId: string): Promise<PayoutBatch | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>`select id from payments.payout_batches where id = ${batchId}::uuid for update`;
  return rows.length === 0 ? null : tx.payoutBatch.findUnique({ where: { id: batchId } });
}

/** Locks the item's row. */
export async function lockItem(tx: Tx, itemId: string): Promise<PayoutItem | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>`select id from payments.payout_items where id = ${itemId}::uuid for update`;
  return rows.length === 0 ? null : tx.payoutItem.findUnique({ where: { id: itemId } });
}

/** Up to `take` DRAFT items of a submitted batch, locked (SKIP LOCKED: two submitters share the work). */
export const claimDraftItems = (tx: Tx, batchId: string, take: number) =>
  tx.$queryRaw<{ id: string; driver_id: string; driver_user_id: string; amount_minor: bigint }[]>`
    select id, driver_id, driver_user_id, amount_minor from payments.payout_items
    where batch_id = ${batchId}::uuid and status = 'DRAFT' order by id limit ${take} for update skip locked`;

/** Marks debited items PENDING (due to be sent now) with the amount debited and its entry. */
export async function markPending(tx: Tx, rows: readonly { id: string; amountMinor: bigint; entryId: string }[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRaw`
    update payments.payout_items i set status = 'PENDING', amount_minor = v.amount_minor, debit_entry_id = v.entry_id, next_attempt_at = now(), updated_at = now()
    from unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.amountMinor.toString())}::bigint[], ${rows.map((r) => r.entryId)}::uuid[])
      as v(id, amount_minor, entry_id)
    where i.id = v.id and i.status = 'DRAFT'`;
}

/** Items that fail before any money moved (nothing payable at submission). */
export async function markFailedUndebited(tx: Tx, ids: readonly string[], failureCode: string): Promise<void> {
  if (ids.length === 0) return;
  await tx.$executeRaw`
    update payments.payout_items set status = 'FAILED', failure_code = ${failureCode}, updated_at = now()
    where id = any(${[...ids]}::uuid[]) and status = 'DRAFT'`;
}

/** Completes the batch when none of its items is open any more. @returns whether it did. */
export async function completeIfFinal(db: Db, batchId: string): Promise<boolean> {
  const done = await db.$executeRaw`
    update payments.payout_batches b set status = 'COMPLETED', completed_at = now()
    where b.id = ${batchId}::uuid and b.status = 'SUBMITTED'
      and not exists (select 1 from payments.payout_items i where i.batch_id = b.id and i.status in ('DRAFT', 'PENDING'))`;
  return done > 0;
}

/** Completes every submitted batch whose items are all final (the sender's sweep: concurrent last items may each miss it). */
export const completeFinishedBatches = (db: Db) =>
  db.$executeRaw`
    update payments.payout_batches b set status = 'COMPLETED', completed_at = now()
    where b.status = 'SUBMITTED' and not exists (select 1 from payments.payout_items i where i.batch_id = b.id and i.status in ('DRAFT', 'PENDING'))`;

/** Submitted batches that still have DRAFT items (a submitter died mid-way): the sender finishes them. */
export const submittedBatchesWithDrafts = (db: Db, take: number) =>
  db.$queryRaw<{ id: string }[]>`
    select b.id from payments.payout_batches b where b.status = 'SUBMITTED'
      and exists (select 1 from payments.payout_items i where i.batch_id = b.id and i.status = 'DRAFT') limit ${take}`;

export interface PayoutItemStatusCount {
  status: string;
  count: number;
  amountMinor: bigint;
}

/** Count and sum of the batch's items by status. */
export async function batchTotals(db: Db, batchId: string): Promise<PayoutItemStatusCount[]> {
  const rows = await db.$queryRaw<{ status: string; n: bigint; total: bigint }[]>`
    select status::text as status, count(*) as n, coalesce(sum(amount_minor), 0)::bigint as total from payments.payout_items
    where batch_id = ${batchId}::uuid group by status`;
  return rows.map((r) => ({ status: r.status, count: Number(r.n), amountMinor: BigInt(r.total) }));
}

export const batchesPage = (db: Db, where: Prisma.PayoutBatchWhereInput, page: PageRequest): Promise<PayoutBatch[]> =>
  db.payoutBatch.findMany({ where: { AND: [where, afterCursorWhere(page.after)] }, orderBy: newestFirst(), take: page.take + 1 });

export const itemsOfBatchPage = (db: Db, batchId: string, page: PageRequest): Promise<PayoutItem[]> =>
  db.payoutItem.findMany({ where: { batchId, ...afterCursorWhere(page.after) }, orderBy: newestFirst(), take: page.take + 1 });

export const itemsOfDriverPage = (db: Db, driverId: string, page: PageRequest): Promise<PayoutItem[]> =>
  db.payoutItem.findMany({ where: { driverId, ...afterCursorWhere(page.after) }, orderBy: newestFirst(), take: page.take + 1 });

export type { PayoutBatchStatus };
