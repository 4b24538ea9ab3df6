// Slim by-id reads for the per-request entity loaders (issue 16). Prisma's `findMany({ where: { id: { in } } })`
// selects every column (a user's password hash included) and sends `IN ($1, …, $n)`, a different statement text for
// every batch size, which PostgreSQL parses and plans afresh each time. These read only the columns a GraphQL type
// needs with ONE statement text per loader — `… where id = any($1::uuid[])`, the ids as one array parameter — and the
// columns aliased to the model's field names, so rows come back in the model's shape with no mapping in JS.

/** What a raw read needs of a Prisma client or transaction (both have it). */
export interface RawReader {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as Prisma declares it
  $queryRawUnsafe<T = unknown>(query: string, ...values: any[]): PromiseLike<T>;
}

/**
 * Model field → the SQL expression that reads it from the table, cast so the raw row equals the model's value: enum
 * columns `::text`, enum and uuid arrays `::text[]` (a driver has no parser for an enum array's type and would hand
 * back the literal `{A,B}`). Timestamps, dates and numerics need no cast: Prisma's raw reads give Date and Decimal.
 */
export type SlimColumns<Row> = { readonly [Field in keyof Row]-?: string };

export interface RowsByIds<Row> {
  (db: RawReader, ids: readonly string[]): Promise<Row[]>;
  /** The one statement this loader sends (tests pin its select list). */
  readonly statement: string;
}

/**
 * A reader of `table`'s rows by primary key, selecting exactly `columns` (every field of `Row`, nothing else).
 * Rows come back in no particular order and missing ids are absent: createByIdLoader puts them in key order.
 * @param table schema-qualified, e.g. `"identity"."users"`.
 * @param columns ids must be UUIDs (createByIdLoader drops any other before the query).
 */
export function rowsByIds<Row extends { id: string }>(table: string, columns: SlimColumns<Row>): RowsByIds<Row> {
  const statement = `select ${selectList(columns)} from ${table} where id = any($1::uuid[])`;
  return Object.assign(async (db: RawReader, ids: readonly string[]) => db.$queryRawUnsafe<Row[]>(statement, [...ids]), { statement });
}

/** `columns` as a select list, each expression aliased to its field name (for slim statements of other shapes). */
export function selectList<Row>(columns: SlimColumns<Row>): string {
  return Object.entries<string>(columns)
    .map(([field, expression]) => `${expression} as "${field}"`)
    .join(', ');
}
