// Posting to the ledger: what every money movement goes through. Checks what the database would refuse anyway
// (so the caller gets a clear error, not a constraint name), orders the postings for locking, and names accounts.
import type { LedgerAccountKind } from '../store/prisma/client.js';
import { randomUUID } from 'node:crypto';
import { findAccount, insertEntries, openAccount, type NewEntryRow, type NewPosting } from '../store/ledger-store.js';
import type { Tx } from '../store/db.js';

/** Largest absolute amount one posting may carry: far beyond any fare, far below bigint overflow of a balance. */
export const MAX_POSTING_MINOR = 10n ** 12n;

export class LedgerInvariantError extends Error {
  override readonly name = 'LedgerInvariantError';
}

/** One entry to post: its cause, references and legs; `shardKey` picks the platform accounts' shard (default: the payment id). */
export type LedgerEntryInput = Omit<NewEntryRow, 'id'> & { legs: Leg[]; shardKey?: string };

export interface Leg {
  kind: LedgerAccountKind;
  /** The user (rider/driver) or fleet; null for the platform's own accounts. */
  ownerId: string | null;
  amountMinor: bigint;
}

export type Ledger = ReturnType<typeof createLedger>;

/**
 * The platform's accounts (no owner) are split into this many shards: every settlement posts to the platform's
 * revenue, and one row would serialize them all on its lock (bench/results/settlement.md). An entry's platform legs
 * go to the shard its `shardKey` (the payment id) hashes to; the platform's balance of a kind is the sum of its shards.
 */
export const PLATFORM_SHARDS = 16;

function shardOf(key: string): number {
  let hash = 0;
  for (let i = 0; i < key.length; i++) hash = (hash * 31 + key.charCodeAt(i)) | 0;
  return Math.abs(hash) % PLATFORM_SHARDS;
}

/** One per subgraph instance (per database): it remembers account ids. */
export function createLedger() {
  /**
   * Account ids by (kind, owner, currency). Accounts are never deleted, so an id read from a committed row stays
   * right; one opened inside a transaction is not remembered (the transaction may roll back).
   */
  const knownAccounts = new Map<string, string>();

  async function accountIdFor(
    tx: Tx,
    kind: LedgerAccountKind,
    ownerId: string | null,
    currency: string,
    shard = 0,
  ): Promise<{ id: string; ownerId: string | null }> {
    const key = `${kind}|${ownerId ?? ''}|${currency}|${shard}`;
    const known = knownAccounts.get(key);
    if (known) return { id: known, ownerId };
    const existing = await findAccount(tx, kind, ownerId, currency, shard);
    if (existing) {
      if (knownAccounts.size > 100_000) knownAccounts.clear();
      knownAccounts.set(key, existing.id);
      return existing;
    }
    return openAccount(tx, kind, ownerId, currency, shard);
  }

  async function postMany(tx: Tx, currency: string, entries: readonly LedgerEntryInput[]): Promise<string[]> {
    if (!/^[A-Z]{3}$/.test(currency)) throw new LedgerInvariantError(`"${currency}" is not an ISO 4217 currency code`);
    const prepared: { entry: NewEntryRow; postings: (NewPosting & { rank: number; kindOrder: string })[] }[] = [];
    for (const entry of entries) {
      const legs = entry.legs.filter((leg) => leg.amountMinor !== 0n);
      if (legs.length < 2) throw new LedgerInvariantError('an entry needs at least two non-zero postings');
      const sum = legs.reduce((total, leg) => total + leg.amountMinor, 0n);
      if (sum !== 0n) throw new LedgerInvariantError(`postings sum to ${sum}, not 0`);
      for (const leg of legs) {
        if (leg.amountMinor > MAX_POSTING_MINOR || leg.amountMinor < -MAX_POSTING_MINOR)
          throw new LedgerInvariantError(`amount ${leg.amountMinor} out of range`);
      }
      const shard = shardOf(entry.shardKey ?? entry.paymentId ?? String(Math.random()));
      const { legs: _legs, shardKey: _shardKey, ...row } = entry;
      const id = randomUUID();
      const postings = [];
      for (const leg of legs) {
        const account = await accountIdFor(tx, leg.kind, leg.ownerId, currency, leg.ownerId === null ? shard : 0);
        postings.push({ accountId: account.id, amountMinor: leg.amountMinor, currency, rank: lockRank({ account }), kindOrder: `${leg.kind}|${account.id}` });
      }
      prepared.push({ entry: { ...row, id }, postings });
    }
    // Owned accounts first (by id), platform accounts last (by kind, then shard's row): every transaction takes row
    // locks in this one order, so concurrent ones never deadlock, and the busiest rows are held the shortest.
    const all = prepared.flatMap(({ entry, postings }) => postings.map((p) => ({ ...p, entryId: entry.id })));
    all.sort((a, b) => a.rank - b.rank || (a.rank === 0 ? a.accountId.localeCompare(b.accountId) : a.kindOrder.localeCompare(b.kindOrder)));
    await insertEntries(
      tx,
      prepared.map((p) => p.entry),
      all.map(({ entryId, accountId, amountMinor, currency: c }) => ({ entryId, accountId, amountMinor, currency: c })),
    );
    return prepared.map((p) => p.entry.id);
  }

  return {
    /**
     * Posts one balanced entry in `currency`: opens missing accounts, drops zero legs, and inserts owned accounts
     * first (by id) and platform accounts last (by kind), so concurrent entries lock rows in one order.
     * @returns the entry's id.
     * @throws LedgerInvariantError when the legs do not sum to zero, an amount is out of range, or the currency is not ISO 4217.
     */
    async post(tx: Tx, currency: string, entry: LedgerEntryInput): Promise<string> {
      const [id] = await postMany(tx, currency, [entry]);
      return id!;
    },
    /**
     * Posts several balanced entries in `currency` with two statements (entries, then all their postings, ordered
     * for locking as `post` orders one entry's). A batch of settlements uses it; each entry is checked like `post`'s.
     * @returns the entries' ids, in order.
     */
    postMany,
    /**
     * Remembers the ids of the existing (owned) accounts of `kind` for these owners, read in one statement, so that
     * posting to thousands of owners (a payout batch) does not look each account up on its own. Accounts that do
     * not exist are left to `post` to open.
     */
    async preload(db: Tx, kind: LedgerAccountKind, ownerIds: readonly string[], currency: string): Promise<void> {
      const rows = await db.ledgerAccount.findMany({
        where: { kind, currency, shard: 0, ownerId: { in: [...ownerIds] } },
        select: { id: true, ownerId: true },
      });
      if (knownAccounts.size + rows.length > 100_000) knownAccounts.clear();
      for (const row of rows) knownAccounts.set(`${kind}|${row.ownerId ?? ''}|${currency}|0`, row.id);
    },
    /** The account's id, opened when missing (inside `tx`). */
    accountId: (tx: Tx, kind: LedgerAccountKind, ownerId: string | null, currency: string) => accountIdFor(tx, kind, ownerId, currency).then((a) => a.id),
  };
}

const lockRank = ({ account }: { account: { ownerId: string | null } }) => (account.ownerId === null ? 1 : 0);

/** Platform accounts (no owner). */
export const platform = (kind: LedgerAccountKind, amountMinor: bigint): Leg => ({ kind, ownerId: null, amountMinor });
/** An account of a user or fleet. */
export const owned = (kind: LedgerAccountKind, ownerId: string, amountMinor: bigint): Leg => ({ kind, ownerId, amountMinor });
