// The one write of a subgraph's copy of identity's display names (`<schema>.user_names`: fleet for `Driver.name`,
// trips for `Trip.rider { name }`), fed by `user.name.changed` (platform/events/user-name-copies.ts).

/** What the write needs of a Prisma client or transaction (both have it). */
export interface RawWriter {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as Prisma declares it
  $executeRawUnsafe(query: string, ...values: any[]): PromiseLike<number>;
}

/**
 * Records `name` as the user's name as of `at` in `"<schema>"."user_names"` unless a later instant's is stored already
 * (events arrive out of order): the same event twice, or an older one after it, changes nothing.
 */
export async function recordUserNameCopy(db: RawWriter, schema: string, userId: string, name: string, at: Date): Promise<void> {
  await db.$executeRawUnsafe(
    `insert into "${schema}"."user_names" (user_id, name, name_at) values ($1::uuid, $2, $3::timestamptz) ` +
      'on conflict (user_id) do update set name = excluded.name, name_at = excluded.name_at where user_names.name_at <= excluded.name_at',
    userId,
    name,
    at,
  );
}
