// Who may summarise which trips, and the range rules of `Query.operationsSummary`: one definition for every subgraph
// contributing to `OperationsSummary` (trips answers the field, payments and fleet resolve the entity by its id and
// check the viewer again with this same rule, so a forged id buys nothing).
import { hasAnyRole, seesEverything, type Viewer } from '../auth/index.js';
import { AppError, badInput } from '../errors/index.js';
import { isUuid } from '../graphql/ids.js';

/** A year and a day: a leap year fits, with room for a range that starts and ends mid-day. */
export const MAX_SUMMARY_DAYS = 366;
const DAY_MS = 86_400_000;

/** What a summary is about, as asked: `fleetId` and `city` null when not limited to one. */
export interface SummaryArgs {
  from: Date;
  to: Date;
  fleetId?: string | null;
  city?: string | null;
}

/** The trips a viewer may summarise: `fleetIds` null means every fleet. */
export interface OperationsScope {
  from: Date;
  to: Date;
  fleetIds: readonly string[] | null;
  city: string | null;
}

/**
 * Which trips the viewer may summarise for these arguments.
 * @throws AppError BAD_USER_INPUT when `to` is not after `from`, the range exceeds MAX_SUMMARY_DAYS, `fleetId` is
 *   not a UUID or `city` is empty or longer than 200 characters; UNAUTHENTICATED without a viewer; FORBIDDEN for a
 *   FLEET_MANAGER naming a fleet they do not manage, and for any other role.
 */
export function summaryScope(viewer: Viewer | null, args: SummaryArgs): OperationsScope {
  if (!viewer) throw new AppError('UNAUTHENTICATED', 'operationsSummary requires a signed-in user');
  const { from, to } = args;
  if (to.getTime() <= from.getTime()) throw badInput('`to` must be later than `from`', 'to');
  if (to.getTime() - from.getTime() > MAX_SUMMARY_DAYS * DAY_MS) throw badInput(`the range may span at most ${MAX_SUMMARY_DAYS} days`, 'to');
  const fleetId = args.fleetId ?? null;
  if (fleetId !== null && !isUuid(fleetId)) throw badInput('fleetId is not a valid id', 'fleetId');
  const city = args.city ?? null;
  if (city !== null && (city.length === 0 || city.length > 200)) throw badInput('city must be 1 to 200 characters', 'city');
  let fleetIds: readonly string[] | null;
  if (seesEverything(viewer)) fleetIds = fleetId === null ? null : [fleetId];
  else if (hasAnyRole(viewer, ['FLEET_MANAGER'])) {
    if (fleetId !== null && !viewer.fleetIds.includes(fleetId)) throw new AppError('FORBIDDEN', 'a fleet manager may summarise only the fleets they manage');
    fleetIds = fleetId === null ? viewer.fleetIds : [fleetId];
  } else throw new AppError('FORBIDDEN', 'operationsSummary is for operations staff and fleet managers');
  return { from, to, fleetIds, city };
}
