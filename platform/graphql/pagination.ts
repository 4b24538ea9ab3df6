// Relay cursor connections with keyset pagination on (createdAt, id), newest first. Keyset (not OFFSET) keeps
// every page one index range scan however deep the client pages, and stays stable while rows are inserted.
import { badInput } from '../errors/index.js';
import { isUuid } from './ids.js';

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface KeysetCursor {
  at: Date;
  id: string;
}

export interface PageRequest {
  /** Rows the client asked for. Fetch `take + 1` to learn whether another page exists. */
  take: number;
  after: KeysetCursor | null;
}

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** Validates `first`/`after`. @throws AppError BAD_USER_INPUT for first outside 1..100 or a malformed cursor. */
export function readPageArgs(args: PageArgs): PageRequest {
  const take = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(take) || take < 1 || take > MAX_PAGE_SIZE) {
    throw badInput(`first must be between 1 and ${MAX_PAGE_SIZE}`, 'first');
  }
  return { take, after: args.after ? decodeCursor(args.after) : null };
}

export function encodeCursor(cursor: KeysetCursor): string {
  return Buffer.from(`${cursor.at.toISOString()}|${cursor.id}`, 'utf8').toString('base64url');
}

/**
 * @throws AppError BAD_USER_INPUT unless the cursor holds a UUID and an instant PostgreSQL can store — anything
 *   else would otherwise fail inside the database as an internal error instead of the client's bad input.
 */
export function decodeCursor(value: string): KeysetCursor {
  const [iso, id, extra] = Buffer.from(value, 'base64url').toString('utf8').split('|');
  const at = new Date(iso ?? '');
  const year = at.getUTCFullYear();
  if (!id || !isUuid(id) || extra !== undefined || Number.isNaN(at.getTime()) || year < 1 || year > 9999) {
    throw badInput('after is not a cursor returned by this API', 'after');
  }
  return { at, id };
}

/** Prisma `where` fragment selecting rows strictly after the cursor in (createdAt desc, id desc) order. */
export function afterCursorWhere(after: KeysetCursor | null, field = 'createdAt') {
  if (!after) return {};
  return { OR: [{ [field]: { lt: after.at } }, { [field]: after.at, id: { lt: after.id } }] };
}

export const newestFirst = (field = 'createdAt') => [{ [field]: 'desc' as const }, { id: 'desc' as const }];

export interface Connection<Node> {
  edges: { cursor: string; node: Node }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/**
 * Turns `take + 1` fetched rows into a connection.
 * @param cursorOf the (timestamp, id) the rows were ordered by.
 */
export function toConnection<Row>(rows: Row[], request: PageRequest, cursorOf: (row: Row) => KeysetCursor): Connection<Row> {
  const page = rows.slice(0, request.take);
  // Cursors are encoded when first read (own enumerable getters: GraphQL's default resolver, spreads and
  // JSON.stringify all see them): a client that selects no `cursor` pays nothing for twenty of them per page.
  const edges = page.map((node) => {
    let cursor: string | undefined;
    return {
      node,
      get cursor() {
        return (cursor ??= encodeCursor(cursorOf(node)));
      },
    };
  });
  const first = edges[0];
  const last = edges.at(-1);
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > request.take,
      hasPreviousPage: request.after !== null,
      get startCursor() {
        return first?.cursor ?? null;
      },
      get endCursor() {
        return last?.cursor ?? null;
      },
    },
  };
}
