// toConnection: the page, whether more follow, and cursors that are encoded only when something reads them.
import { decodeCursor, encodeCursor, toConnection, type KeysetCursor } from '../pagination.js';

const rows = [0, 1, 2].map((i) => ({ id: `00000000-0000-4000-8000-00000000000${i}`, createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)) }));
type Row = (typeof rows)[number];

function counting() {
  const seen: string[] = [];
  const cursorOf = (row: Row): KeysetCursor => {
    seen.push(row.id);
    return { at: row.createdAt, id: row.id };
  };
  return { seen, cursorOf };
}

test('a page of `take` rows; one row more means a next page; `after` means a previous one', () => {
  const { cursorOf } = counting();
  const connection = toConnection(rows, { take: 2, after: null }, cursorOf);
  expect(connection.edges.map((edge) => edge.node.id)).toEqual([rows[0]!.id, rows[1]!.id]);
  expect([connection.pageInfo.hasNextPage, connection.pageInfo.hasPreviousPage]).toEqual([true, false]);
  const last = toConnection(rows.slice(2), { take: 2, after: { at: rows[1]!.createdAt, id: rows[1]!.id } }, cursorOf);
  expect([last.pageInfo.hasNextPage, last.pageInfo.hasPreviousPage]).toEqual([false, true]);
});

test('no cursor is encoded until one is read; each is encoded once and decodes to its row', () => {
  const { seen, cursorOf } = counting();
  const connection = toConnection(rows, { take: 3, after: null }, cursorOf);
  expect(seen).toEqual([]);
  const end = connection.pageInfo.endCursor;
  expect(seen).toEqual([rows[2]!.id]);
  expect(connection.edges[2]!.cursor).toBe(end);
  expect(seen).toEqual([rows[2]!.id]);
  expect(decodeCursor(end!)).toEqual({ at: rows[2]!.createdAt, id: rows[2]!.id });
  expect(connection.pageInfo.startCursor).toBe(encodeCursor({ at: rows[0]!.createdAt, id: rows[0]!.id }));
  // Spreads and JSON see the cursors like plain properties.
  expect({ ...connection.edges[1]! }).toEqual({ node: rows[1], cursor: encodeCursor({ at: rows[1]!.createdAt, id: rows[1]!.id }) });
  expect(JSON.parse(JSON.stringify(connection.pageInfo))).toEqual({
    hasNextPage: false,
    hasPreviousPage: false,
    startCursor: expect.any(String),
    endCursor: end,
  });
  expect(seen).toEqual([rows[2]!.id, rows[0]!.id, rows[1]!.id]);
});

test('an empty page has null start and end cursors', () => {
  const connection = toConnection([], { take: 5, after: null }, counting().cursorOf);
  expect(connection).toEqual({ edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } });
});
