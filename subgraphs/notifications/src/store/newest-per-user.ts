// The same page of many users' rows in one statement: up to `take + 1` rows per user, newest first (created_at desc,
// id desc), strictly after the cursor, returned ordered by user, then page order. A window function rather than one
// query per user (N+1) or a LIMIT over all users (which would starve some). Used by the inbox and the delivery log.
import type { PageRequest } from '../../../../platform/graphql/index.js';

/**
 * @param table the schema-qualified table (raw SQL does not get the adapter's schema applied).
 * @param columns the select list, with casts and aliases as the caller's row type wants them.
 * @param filters extra conditions without parameters (e.g. `read_at is null`).
 */
export function newestPerUserQuery(
  table: string,
  columns: string,
  userIds: readonly string[],
  page: PageRequest,
  filters: readonly string[] = [],
): { sql: string; params: unknown[] } {
  const params: unknown[] = [[...userIds], page.take + 1];
  const conditions = ['user_id = any($1::uuid[])', ...filters];
  if (page.after) {
    params.push(page.after.at.toISOString(), page.after.id);
    // Row comparison matches the (created_at desc, id desc) order, so ties on created_at page correctly.
    conditions.push(`(created_at, id) < ($3::timestamptz, $4::uuid)`);
  }
  const sql = `
    select ${columns}
    from (
      select *, row_number() over (partition by user_id order by created_at desc, id desc) as position
      from ${table}
      where ${conditions.join(' and ')}
    ) ranked
    where position <= $2
    order by user_id, position`;
  return { sql, params };
}
