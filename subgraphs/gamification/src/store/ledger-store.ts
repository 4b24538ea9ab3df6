// Writes to the points ledger inside a caller's transaction. Every write of a user's points happens with that user's
// lock held (lockUsers), so a balance read and the entry that depends on it cannot interleave with another writer:
// that is what keeps balances from going negative and per-user limits exact under concurrency.
import { recordBoardScores } from './board-updates.js';
import { outboxEvent, type DomainEventType, type DomainEvents, type OutboxRow } from '../../../../platform/events/index.js';
import type { PointsReason } from './prisma/client.js';
import type { Prisma } from './prisma/client.js';

export type GamificationTx = Prisma.TransactionClient;

export type LeaderboardScope = 'RIDERS' | 'DRIVERS';

export interface NewEntry {
  userId: string;
  /** Signed; never 0. */
  delta: number;
  reason: PointsReason;
  /** What the user sees as the cause: a trip id, a coupon redemption id. */
  sourceId?: string | null;
  ruleId?: string | null;
  /** Unique among all entries: a second write with the same cause writes nothing (redelivered events). */
  cause: string;
  paymentId?: string | null;
  reversesEntryId?: string | null;
  note?: string | null;
  actorUserId?: string | null;
  /** The fleet leaderboard a driver's entry counts on. */
  fleetId?: string | null;
  createdAt: Date;
}

export interface Totals {
  balance: number;
  lifetimeEarned: number;
}

const S = '"gamification"';

/** Takes the users' transaction-scoped locks, in id order so that two writers never wait on each other in a cycle. */
export async function lockUsers(tx: GamificationTx, userIds: readonly string[]): Promise<void> {
  for (const userId of [...new Set(userIds)].sort()) {
    await tx.$executeRawUnsafe(`select pg_advisory_xact_lock(hashtextextended('gamification.user:' || $1, 0))`, userId);
  }
}

export async function totalsOf(tx: GamificationTx, userId: string): Promise<Totals> {
  const rows = await tx.$queryRawUnsafe<{ balance: bigint | null; lifetime: bigint | null }[]>(
    `select sum(delta)::bigint as balance, coalesce(sum(delta) filter (where delta > 0), 0)::bigint as lifetime
     from ${S}.points_entries where user_id = $1::uuid`,
    userId,
  );
  return { balance: Number(rows[0]?.balance ?? 0), lifetimeEarned: Number(rows[0]?.lifetime ?? 0) };
}

/** Inserts the entry unless its cause exists. @returns its id, or null when the cause had been written before. */
export async function insertEntry(tx: GamificationTx, entry: NewEntry): Promise<string | null> {
  const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
    `insert into ${S}.points_entries
       (id, user_id, delta, reason, source_id, created_at, rule_id, cause, payment_id, reverses_entry_id, note, actor_user_id, fleet_id)
     values (gen_random_uuid(), $1::uuid, $2, $3::${S}."PointsReason", $4, $5, $6::uuid, $7, $8::uuid, $9::uuid, $10, $11::uuid, $12::uuid)
     on conflict (cause) do nothing
     returning id::text as id`,
    entry.userId,
    entry.delta,
    entry.reason,
    entry.sourceId ?? null,
    entry.createdAt,
    entry.ruleId ?? null,
    entry.cause,
    entry.paymentId ?? null,
    entry.reversesEntryId ?? null,
    entry.note ?? null,
    entry.actorUserId ?? null,
    entry.fleetId ?? null,
  );
  return rows[0]?.id ?? null;
}

/**
 * The key of a leaderboard in leaderboard_scores.scope: RIDERS, DRIVERS, or a fleet's drivers ("DRIVERS:<fleet id>").
 */
export const boardKey = (scope: LeaderboardScope, fleetId?: string | null) => (fleetId ? `${scope}:${fleetId}` : scope);

/** The fleet a driver works for, as fleet last announced it; null when not (yet) known. */
export async function fleetOfDriver(tx: GamificationTx, userId: string): Promise<string | null> {
  const rows = await tx.$queryRawUnsafe<{ fleet_id: string }[]>(`select fleet_id::text as fleet_id from ${S}.driver_fleets where user_id = $1::uuid`, userId);
  return rows[0]?.fleet_id ?? null;
}

/**
 * Adds `delta` to the user's score in each period key of the board; a score never drops below 0. Every write moves
 * updated_at forward by at least 1 ms (the clock at the write, truncated to the column's ms), so updated_at is a
 * version: of two awards for one user the one that committed later has the higher one (it waited for the row lock).
 * The new scores are recorded for the rank index, which applies them after the commit (board-updates.ts).
 */
export async function addToLeaderboards(tx: GamificationTx, scope: string, userId: string, delta: number, periods: readonly string[]): Promise<void> {
  const rows = await tx.$queryRawUnsafe<{ period: string; points: number; version: string }[]>(
    `insert into ${S}.leaderboard_scores (scope, period, user_id, points, updated_at)
     select $1, period, $2::uuid, greatest($3::int, 0), date_trunc('milliseconds', clock_timestamp()) from unnest($4::text[]) as period
     on conflict (scope, period, user_id) do update set points = greatest(leaderboard_scores.points + $3::int, 0),
       updated_at = greatest(date_trunc('milliseconds', clock_timestamp()), leaderboard_scores.updated_at + interval '1 millisecond')
     returning period, points, (extract(epoch from updated_at) * 1000)::bigint::text as version`,
    scope,
    userId,
    delta,
    [...periods],
  );
  recordBoardScores(rows.map((row) => ({ board: scope, period: row.period, userId, points: row.points, version: Number(row.version) })));
}

/**
 * Inserts the badge unless the user has it for that occasion ('' for badges earned once; a week key for a
 * FIVE_STAR_WEEK). @returns whether it was new.
 */
export async function insertBadge(
  tx: GamificationTx,
  badge: { userId: string; badge: string; ruleId: string | null; reason: string; awardedAt: Date; occasion?: string },
): Promise<boolean> {
  const inserted = await tx.$executeRawUnsafe(
    `insert into ${S}.user_badges (id, user_id, badge, rule_id, reason, awarded_at, occasion)
     values (gen_random_uuid(), $1::uuid, $2, $3::uuid, $4, $5, $6) on conflict (user_id, badge, occasion) do nothing`,
    badge.userId,
    badge.badge,
    badge.ruleId,
    badge.reason,
    badge.awardedAt,
    badge.occasion ?? '',
  );
  return inserted > 0;
}

export async function emit<K extends DomainEventType>(tx: GamificationTx, type: K, payload: DomainEvents[K]): Promise<void> {
  await tx.outboxEvent.create({ data: outboxEvent(type, payload) as never });
}

/** Writes events already built (outboxEvent rows) to the outbox: one statement, none when there are none. */
export async function emitRows(tx: GamificationTx, rows: readonly OutboxRow[]): Promise<void> {
  if (rows.length > 0) await tx.outboxEvent.createMany({ data: rows as never });
}
