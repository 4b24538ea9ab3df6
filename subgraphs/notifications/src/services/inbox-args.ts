// Validates `User.notifications` arguments before they reach SQL: a bad argument is the client's mistake and must
// come back as BAD_USER_INPUT, never as a database error masked into a 500.
import { badInput } from '../../../../platform/errors/index.js';
import { isUuid, readPageArgs, type PageArgs, type PageRequest } from '../../../../platform/graphql/index.js';
import type { InboxFilter } from '../store/notification-store.js';

export interface InboxArgs extends PageArgs {
  unreadOnly?: boolean | null;
}

/** @throws AppError BAD_USER_INPUT for `first` outside 1..100 or an `after` this API did not issue. */
export function readInboxArgs(args: InboxArgs): { page: PageRequest; filter: InboxFilter } {
  const page = readPageArgs(args);
  // readPageArgs checks the cursor's shape only; these would fail as uuid/timestamptz inside PostgreSQL.
  if (page.after && (!isUuid(page.after.id) || !isStorableInstant(page.after.at))) {
    throw badInput('after is not a cursor returned by this API', 'after');
  }
  return { page, filter: { unreadOnly: args.unreadOnly ?? false } };
}

function isStorableInstant(at: Date): boolean {
  const year = at.getUTCFullYear();
  return year >= 1 && year <= 9999;
}
