// The set-based statements of a batch of paid fares (services/fare-batch.ts): each does for every fare of the batch
// what ledger-store.ts and earning-facts-store.ts do for one, in one round trip. Lock keys are the per-event path's
// (lockPayment, lockUsers), so a batch and a single event exclude each other exactly as two single events do.
import { recordBoardScores } from './board-updates.js';
import type { GamificationTx, NewEntry } from './ledger-store.js';

const S = '"gamification"';

/** The consumer's processed-event records for the ids (sorted: two batches never wait on each other in a cycle). @returns the ids new here. */
export async function recordProcessedEvents(tx: GamificationTx, consumer: string, eventIds: readonly string[]): Promise<Set<string>> {
  if (eventIds.length === 0) return new Set();
  const rows = await tx.$queryRawUnsafe<{ event_id: string }[]>(
    `insert into ${S}.processed_events (consumer, event_id)
     select $1, id from unnest($2::uuid[]) with ordinality as t(id, n) order by n
     on conflict do nothing returning event_id::text as event_id`,
    consumer,
    [...new Set(eventIds)].sort(),
  );
  return new Set(rows.map((row) => row.event_id));
}

/**
 * Takes the payments' locks in id order and reads the payers' referrals, in one statement: the referrals as they were
 * when it began (the caller re-reads them under the users' locks).
 */
export async function lockPaymentsReadingReferrals(
  tx: GamificationTx,
  paymentIds: readonly string[],
  payerUserIds: readonly string[],
): Promise<Map<string, { referrerUserId: string; registeredAt: Date }>> {
  const rows = await tx.$queryRawUnsafe<{ user_id: string | null; referrer_user_id: string | null; registered_at: Date | null }[]>(
    `with locked as materialized (
       select pg_advisory_xact_lock(hashtextextended('gamification.payment:' || p, 0))
       from unnest($1::text[]) with ordinality as t(p, n) order by n)
     select r.user_id::text as user_id, r.referrer_user_id::text as referrer_user_id, r.registered_at
     from (select count(*) from locked) as l left join ${S}.referrals r on r.user_id = any($2::uuid[])`,
    [...new Set(paymentIds)].sort(),
    [...new Set(payerUserIds)],
  );
  const referrals = new Map<string, { referrerUserId: string; registeredAt: Date }>();
  for (const row of rows) {
    if (row.user_id && row.referrer_user_id && row.registered_at) {
      referrals.set(row.user_id, { referrerUserId: row.referrer_user_id, registeredAt: new Date(row.registered_at) });
    }
  }
  return referrals;
}

/** lockUsers for many users in one statement: the same locks, taken in the same (id) order. */
export async function lockUsersAtOnce(tx: GamificationTx, userIds: readonly string[]): Promise<void> {
  if (userIds.length === 0) return;
  await tx.$queryRawUnsafe(
    `select count(*)::int as n from (
       select pg_advisory_xact_lock(hashtextextended('gamification.user:' || u, 0))
       from unnest($1::text[]) with ordinality as t(u, n) order by n) as locked`,
    [...new Set(userIds)].sort(),
  );
}

/** fleetOfDriver for many drivers. */
export async function fleetsOfDrivers(tx: GamificationTx, userIds: readonly string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await tx.$queryRawUnsafe<{ user_id: string; fleet_id: string }[]>(
    `select user_id::text as user_id, fleet_id::text as fleet_id from ${S}.driver_fleets where user_id = any($1::uuid[])`,
    [...new Set(userIds)],
  );
  return new Map(rows.map((row) => [row.user_id, row.fleet_id]));
}

export interface RiderFacts {
  /** The rider's first ride day before this statement ("YYYY-MM-DD"), null when none. */
  firstDay: string | null;
  /** The rider's ride days between `from` − 400 and `to` + 400 before this statement. */
  days: string[];
  referrerUserId: string | null;
}

/**
 * Records the riders' ride days and reads, as they were before: each rider's first ride day, their ride days around
 * the batch's days and their referral (under the caller's user locks), and which of the payments had refunds
 * handled before them (under the payments' locks). One statement (earning.ts's facts statement for a batch).
 */
export async function recordRideDaysReadingFacts(
  tx: GamificationTx,
  rides: readonly { userId: string; day: string }[],
  paymentIds: readonly string[],
): Promise<{ riders: Map<string, RiderFacts>; refunded: Set<string> }> {
  const days = rides.map((ride) => ride.day).sort();
  const rows = await tx.$queryRawUnsafe<{ user_id: string; first_day: string | null; days: string | null; referrer: string | null; refunded: string | null }[]>(
    `with input as (select distinct user_id, day from unnest($1::uuid[], $2::date[]) as t(user_id, day)),
     recorded as (insert into ${S}.ride_days (user_id, day) select user_id, day from input order by user_id, day on conflict do nothing)
     select u.user_id::text as user_id,
            (select to_char(min(day), 'YYYY-MM-DD') from ${S}.ride_days d where d.user_id = u.user_id) as first_day,
            (select string_agg(to_char(day, 'YYYY-MM-DD'), ',' order by day) from ${S}.ride_days d
              where d.user_id = u.user_id and d.day between $3::date - 400 and $4::date + 400) as days,
            (select referrer_user_id::text from ${S}.referrals r where r.user_id = u.user_id) as referrer,
            (select string_agg(payment_id::text, ',') from ${S}.payment_refunds where payment_id = any($5::uuid[])) as refunded
     from (select distinct user_id from input) as u`,
    rides.map((ride) => ride.userId),
    rides.map((ride) => ride.day),
    days[0],
    days.at(-1),
    [...new Set(paymentIds)],
  );
  const riders = new Map<string, RiderFacts>();
  for (const row of rows) {
    riders.set(row.user_id, { firstDay: row.first_day, days: row.days ? row.days.split(',') : [], referrerUserId: row.referrer });
  }
  return { riders, refunded: new Set(rows[0]?.refunded ? rows[0].refunded.split(',') : []) };
}

/** insertEntry for many entries (distinct causes). @returns the new entries' ids by cause (causes written before: absent). */
export async function insertEntries(tx: GamificationTx, entries: readonly NewEntry[]): Promise<Map<string, string>> {
  if (entries.length === 0) return new Map();
  const column = <T>(pick: (entry: NewEntry) => T) => entries.map(pick);
  const rows = await tx.$queryRawUnsafe<{ id: string; cause: string }[]>(
    `insert into ${S}.points_entries
       (id, user_id, delta, reason, source_id, created_at, rule_id, cause, payment_id, reverses_entry_id, note, actor_user_id, fleet_id)
     select gen_random_uuid(), user_id, delta, reason::${S}."PointsReason", source_id, created_at, rule_id, cause, payment_id,
            reverses_entry_id, note, actor_user_id, fleet_id
     from unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::timestamptz[], $6::uuid[], $7::text[], $8::uuid[], $9::uuid[],
                 $10::text[], $11::uuid[], $12::uuid[])
          with ordinality as t(user_id, delta, reason, source_id, created_at, rule_id, cause, payment_id, reverses_entry_id, note,
                               actor_user_id, fleet_id, n)
     order by n
     on conflict (cause) do nothing
     returning id::text as id, cause`,
    column((e) => e.userId),
    column((e) => e.delta),
    column((e) => e.reason),
    column((e) => e.sourceId ?? null),
    column((e) => e.createdAt.toISOString()),
    column((e) => e.ruleId ?? null),
    column((e) => e.cause),
    column((e) => e.paymentId ?? null),
    column((e) => e.reversesEntryId ?? null),
    column((e) => e.note ?? null),
    column((e) => e.actorUserId ?? null),
    column((e) => e.fleetId ?? null),
  );
  return new Map(rows.map((row) => [row.cause, row.id]));
}

/**
 * addToLeaderboards for many (board, period, user) rows, one delta each (the caller sums a user's deltas per row: one
 * statement cannot update a row twice). Rows are written in key order; the new scores are recorded for the rank index.
 */
export async function addToLeaderboardsAtOnce(
  tx: GamificationTx,
  rows: readonly { board: string; period: string; userId: string; delta: number }[],
): Promise<void> {
  if (rows.length === 0) return;
  const sorted = [...rows].sort((a, b) => (a.board + a.period + a.userId < b.board + b.period + b.userId ? -1 : 1));
  const written = await tx.$queryRawUnsafe<{ scope: string; period: string; user_id: string; points: number; version: string }[]>(
    `insert into ${S}.leaderboard_scores (scope, period, user_id, points, updated_at)
     select scope, period, user_id, greatest(delta, 0), date_trunc('milliseconds', clock_timestamp())
     from unnest($1::text[], $2::text[], $3::uuid[], $4::int[]) with ordinality as t(scope, period, user_id, delta, n) order by n
     on conflict (scope, period, user_id) do update set points = greatest(leaderboard_scores.points + excluded.points, 0),
       updated_at = greatest(date_trunc('milliseconds', clock_timestamp()), leaderboard_scores.updated_at + interval '1 millisecond')
     returning scope, period, user_id::text as user_id, points, (extract(epoch from updated_at) * 1000)::bigint::text as version`,
    sorted.map((r) => r.board),
    sorted.map((r) => r.period),
    sorted.map((r) => r.userId),
    sorted.map((r) => r.delta),
  );
  recordBoardScores(written.map((row) => ({ board: row.scope, period: row.period, userId: row.user_id, points: row.points, version: Number(row.version) })));
}

/** totalsOf for many users. */
export async function totalsOfUsers(tx: GamificationTx, userIds: readonly string[]): Promise<Map<string, { balance: number; lifetimeEarned: number }>> {
  if (userIds.length === 0) return new Map();
  const rows = await tx.$queryRawUnsafe<{ user_id: string; balance: bigint | null; lifetime: bigint | null }[]>(
    `select user_id::text as user_id, sum(delta)::bigint as balance, coalesce(sum(delta) filter (where delta > 0), 0)::bigint as lifetime
     from ${S}.points_entries where user_id = any($1::uuid[]) group by user_id`,
    [...new Set(userIds)],
  );
  return new Map(rows.map((row) => [row.user_id, { balance: Number(row.balance ?? 0), lifetimeEarned: Number(row.lifetime ?? 0) }]));
}

export interface NewBadge {
  userId: string;
  badge: string;
  ruleId: string | null;
  reason: string;
  awardedAt: Date;
}

/** insertBadge for many badges earned once (occasion ''). @returns the "user|badge" keys that were new. */
export async function insertBadges(tx: GamificationTx, badges: readonly NewBadge[]): Promise<Set<string>> {
  if (badges.length === 0) return new Set();
  const rows = await tx.$queryRawUnsafe<{ user_id: string; badge: string }[]>(
    `insert into ${S}.user_badges (id, user_id, badge, rule_id, reason, awarded_at, occasion)
     select gen_random_uuid(), user_id, badge, rule_id, reason, awarded_at, ''
     from unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::timestamptz[]) with ordinality as t(user_id, badge, rule_id, reason, awarded_at, n)
     order by n
     on conflict (user_id, badge, occasion) do nothing
     returning user_id::text as user_id, badge`,
    badges.map((b) => b.userId),
    badges.map((b) => b.badge),
    badges.map((b) => b.ruleId),
    badges.map((b) => b.reason),
    badges.map((b) => b.awardedAt.toISOString()),
  );
  return new Set(rows.map((row) => `${row.user_id}|${row.badge}`));
}
