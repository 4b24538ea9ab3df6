// Per-user pages of a user's ledger and coupon purchases for many users in one statement each (row_number per user),
// so `_entities` with N users' pointsHistory or couponRedemptions costs one query, not N. Newest first, keyset on
// (created_at, id), the order platform/graphql/pagination.ts uses.
import type { PageRequest } from '../../../../platform/graphql/index.js';
import type { GamificationPrisma } from './database.js';
import type { CouponRedemption, PointsEntry } from './prisma/client.js';

const ENTRY_COLUMNS = `id::text as id, user_id::text as "userId", delta, reason::text as reason, source_id as "sourceId",
  created_at as "createdAt", rule_id::text as "ruleId", cause, payment_id::text as "paymentId",
  reverses_entry_id::text as "reversesEntryId", note, actor_user_id::text as "actorUserId", fleet_id::text as "fleetId"`;
const REDEMPTION_COLUMNS = `id::text as id, coupon_id::text as "couponId", user_id::text as "userId", code, points_spent as "pointsSpent",
  idempotency_key as "idempotencyKey", created_at as "createdAt"`;

const pagesSql = (table: string, columns: string) => `
  select * from (
    select ${columns}, row_number() over (partition by user_id order by created_at desc, id desc) as position
    from "gamification".${table}
    where user_id = any($1::uuid[]) and ($2::timestamptz is null or (created_at, id) < ($2::timestamptz, $3::uuid))
  ) ranked
  where position <= $4
  order by "userId", position`;

async function pages<Row extends { userId: string }>(
  prisma: GamificationPrisma,
  sql: string,
  userIds: readonly string[],
  page: PageRequest,
): Promise<Map<string, Row[]>> {
  const rows = await prisma.$queryRawUnsafe<(Row & { position: bigint })[]>(sql, [...userIds], page.after?.at ?? null, page.after?.id ?? null, page.take + 1);
  const byUser = new Map<string, Row[]>();
  for (const { position: _position, ...row } of rows) {
    const list = byUser.get(row.userId) ?? [];
    list.push(row as unknown as Row);
    byUser.set(row.userId, list);
  }
  return byUser;
}

export function createPagesStore(prisma: GamificationPrisma) {
  const entriesSql = pagesSql('points_entries', ENTRY_COLUMNS);
  const redemptionsSql = pagesSql('coupon_redemptions', REDEMPTION_COLUMNS);
  return {
    entryPages: (userIds: readonly string[], page: PageRequest) => pages<PointsEntry>(prisma, entriesSql, userIds, page),
    redemptionPages: (userIds: readonly string[], page: PageRequest) => pages<CouponRedemption>(prisma, redemptionsSql, userIds, page),
  };
}
