// The only code that writes the ledger's tables. The database enforces its rules (MONEY.md): this store only
// finds or opens accounts, locks them, and inserts entries with their postings.
import type { Db, Tx } from './db.js';
import type { LedgerAccount, LedgerAccountKind, LedgerCause } from './prisma/client.js';

export interface NewPosting {
  accountId: string;
  amountMinor: bigint;
  currency: string;
}

export interface NewPostingRow extends NewPosting {
  entryId: string;
}

export interface NewEntryRow {
  id: string;
  cause: LedgerCause;
  description: string;
  paymentId?: string | null;
  refundId?: string | null;
  tripId?: string | null;
  actorUserId?: string | null;
}

/**
 * The account of (kind, owner, currency), opened when missing. `insert … on conflict do nothing` first, so two
 * transactions opening the same account both get the one row.
 */
export async function openAccount(db: Db, kind: LedgerAccountKind, ownerId: string | null, currency: string, shard = 0): Promise<LedgerAccount> {
  await db.$executeRaw`insert into payments.ledger_accounts (id, kind, owner_id, currency, shard) values (gen_random_uuid(), ${kind}::payments."LedgerAccountKind", ${ownerId}::uuid, ${currency}, ${shard}) on conflict do nothing`;
  return db.ledgerAccount.findFirstOrThrow({ where: { kind, ownerId, currency, shard } });
}

export function findAccount(db: Db, kind: LedgerAccountKind, ownerId: string | null, currency: string, shard = 0): Promise<LedgerAccount | null> {
  return db.ledgerAccount.findFirst({ where: { kind, ownerId, currency, shard } });
}

/** Locks the account's row until the transaction ends (a balance read under it stays true until commit). */
export async function lockAccount(tx: Tx, accountId: string): Promise<{ balanceMinor: bigint; version: bigint }> {
  const rows = await tx.$queryRaw<
    { balance_minor: bigint; version: bigint }[]
  >`select balance_minor, version from payments.ledger_accounts where id = ${accountId}::uuid for update`;
  const row = rows[0];
  if (!row) throw new Error(`ledger account ${accountId} does not exist`);
  return { balanceMinor: BigInt(row.balance_minor), version: BigInt(row.version) };
}

/**
 * Inserts entries and all their postings, two statements however many: the triggers move the balances row by row in
 * the given order and check, after the postings statement, that every entry it touched balances.
 */
export async function insertEntries(tx: Tx, entries: readonly NewEntryRow[], postings: readonly NewPostingRow[]): Promise<void> {
  await tx.journalEntry.createMany({
    data: entries.map((e) => ({
      id: e.id,
      cause: e.cause,
      description: e.description,
      paymentId: e.paymentId ?? null,
      refundId: e.refundId ?? null,
      tripId: e.tripId ?? null,
      actorUserId: e.actorUserId ?? null,
    })),
  });
  // balanceAfterMinor is set by the trigger.
  await tx.posting.createMany({ data: postings.map((p) => ({ ...p, balanceAfterMinor: 0n })) });
}
