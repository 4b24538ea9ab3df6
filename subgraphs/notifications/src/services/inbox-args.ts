// Validates `User.notifications` arguments before they reach SQL: a bad argument is the client's mistake and must
// come back as BAD_USER_INPUT, never as a database error masked into a 500.
import { readPageArgs, type PageArgs, type PageRequest } from '../../../../platform/graphql/index.js';
import type { InboxFilter } from '../store/notification-store.js';

export interface InboxArgs extends PageArgs {
  unreadOnly?: boolean | null;
}

/** @throws AppError BAD_USER_INPUT for `first` outside 1..100 or an `after` this API did not issue. */
export function readInboxArgs(args: InboxArgs): { page: PageRequest; filter: InboxFilter } {
  return { page: readPageArgs(args), filter: { unreadOnly: args.unreadOnly ?? false } };
}
