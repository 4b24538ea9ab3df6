// DataLoader factories for the two shapes every subgraph needs. Created per request (never module-level) so a
// cache never outlives one request or leaks one viewer's rows to another.
import DataLoader from 'dataloader';
import { isUuid } from './ids.js';
import type { PageRequest } from './pagination.js';

/**
 * Loads rows by primary key with one query per batch. Missing ids resolve to null.
 * @param fetch returns the rows for the ids in any order; the loader puts them back in key order.
 */
export function createByIdLoader<Row extends { id: string }>(fetch: (ids: readonly string[]) => Promise<Row[]>) {
  return new DataLoader<string, Row | null>(async (ids) => {
    // Ids are UUIDs; anything else cannot exist, and PostgreSQL would reject it as uuid input.
    const wellFormed = ids.filter(isUuid);
    const rows = wellFormed.length ? await fetch(wellFormed) : [];
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/**
 * Loads a single row by a unique UUID foreign key (e.g. a wallet by user id). Missing keys resolve to null.
 */
export function createByKeyLoader<Row>(fetch: (keys: readonly string[]) => Promise<Row[]>, keyOf: (row: Row) => string) {
  return new DataLoader<string, Row | null>(async (keys) => {
    const wellFormed = keys.filter(isUuid);
    const rows = wellFormed.length ? await fetch(wellFormed) : [];
    const byKey = new Map(rows.map((row) => [keyOf(row), row]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/**
 * Loads the rows belonging to each UUID key (e.g. a trip's status history, a fleet's hubs) with one query per batch.
 * A key without rows resolves to []; rows keep the order `fetch` returned them in.
 */
export function createGroupLoader<Row>(fetch: (keys: readonly string[]) => Promise<Row[]>, keyOf: (row: Row) => string) {
  return new DataLoader<string, Row[]>(async (keys) => {
    const wellFormed = keys.filter(isUuid);
    const rows = wellFormed.length ? await fetch(wellFormed) : [];
    const groups = new Map<string, Row[]>();
    for (const row of rows) {
      const group = groups.get(keyOf(row));
      if (group) group.push(row);
      else groups.set(keyOf(row), [row]);
    }
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/**
 * Loads a computed value per key (e.g. a points balance) where absent keys have a default.
 */
export function createValueLoader<Value>(fetch: (keys: readonly string[]) => Promise<Map<string, Value>>, fallback: Value) {
  return new DataLoader<string, Value>(async (keys) => {
    const wellFormed = keys.filter(isUuid);
    const values = wellFormed.length ? await fetch(wellFormed) : new Map<string, Value>();
    return keys.map((key) => values.get(key) ?? fallback);
  });
}

/**
 * Loads one page of a per-parent list (e.g. `User.trips(first, after)`) for many parents at once. Parents asking
 * for the same page arguments are fetched together in one query, so a list of 50 users with their first 5 trips
 * costs one statement, not 50.
 * @param fetchPages for the given parent keys and one page request, returns up to `take + 1` rows per key
 *   (in page order) — typically one SQL query with `row_number() over (partition by <key> order by ...)`.
 */
export function createPagedListLoader<Row>(fetchPages: (keys: readonly string[], page: PageRequest) => Promise<Map<string, Row[]>>) {
  return new DataLoader<{ key: string; page: PageRequest }, Row[], string>(
    async (requests) => {
      const groups = new Map<string, { page: PageRequest; keys: string[] }>();
      for (const { key, page } of requests) {
        if (!isUuid(key)) continue;
        const groupKey = pageKey(page);
        const group = groups.get(groupKey) ?? { page, keys: [] };
        group.keys.push(key);
        groups.set(groupKey, group);
      }
      const results = new Map<string, Row[]>();
      await Promise.all(
        [...groups.entries()].map(async ([groupKey, { page, keys }]) => {
          const rows = await fetchPages(keys, page);
          for (const key of keys) results.set(`${groupKey}#${key}`, rows.get(key) ?? []);
        }),
      );
      return requests.map(({ key, page }) => results.get(`${pageKey(page)}#${key}`) ?? []);
    },
    { cacheKeyFn: ({ key, page }) => `${pageKey(page)}#${key}` },
  );
}

function pageKey(page: PageRequest): string {
  return `${page.take}|${page.after ? `${page.after.at.toISOString()}|${page.after.id}` : ''}`;
}
