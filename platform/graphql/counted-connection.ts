// `totalCount` on a connection, counted only when a client asks for it. A resolver returns the page with a `count`
// thunk and the connection type's `totalCount` resolver calls it: GraphQL runs a field's resolver only when the
// field is selected, so a page without `totalCount` never sends a COUNT statement. The thunk is memoised, so
// aliases of one field count once.
import type { Connection } from './pagination.js';

export interface CountedConnection<Node> extends Connection<Node> {
  /** The number of rows of the whole list, with the page's filters (not its cursor); computed on first call. */
  count(): Promise<number>;
}

/** The connection with a lazy `count`; `count` is called at most once. */
export function withTotalCount<Node>(connection: Connection<Node>, count: () => Promise<number>): CountedConnection<Node> {
  let counted: Promise<number> | undefined;
  return { ...connection, count: () => (counted ??= count()) };
}

/** The `totalCount` field resolver of every counted connection type. */
export const resolveTotalCount = (connection: { count(): Promise<number> }): Promise<number> => connection.count();
