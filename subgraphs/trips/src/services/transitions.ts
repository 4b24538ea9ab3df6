// The trip status machine, in one place: which actor may move a trip from which statuses to which. Services ask
// here before every change; nothing else decides whether a transition is legal.
import { AppError } from '../../../../platform/errors/index.js';
import type { TripActorRole, TripStatus } from '../store/prisma/client.js';

export type TripAction = 'assign' | 'arrive' | 'start' | 'complete' | 'cancel';

/** action → target status, and per actor the statuses it may start from (an actor absent may never do it). */
export const TRANSITIONS: Record<TripAction, { to: TripStatus; from: Partial<Record<TripActorRole, readonly TripStatus[]>> }> = {
  // Creation (→ REQUESTED) is requestTrip's alone and has no "from".
  assign: { to: 'DRIVER_ASSIGNED', from: { DRIVER: ['REQUESTED'], OPERATIONS: ['REQUESTED'] } },
  arrive: { to: 'DRIVER_ARRIVED', from: { DRIVER: ['DRIVER_ASSIGNED'] } },
  start: { to: 'IN_PROGRESS', from: { DRIVER: ['DRIVER_ARRIVED'] } },
  complete: { to: 'COMPLETED', from: { DRIVER: ['IN_PROGRESS'] } },
  cancel: {
    to: 'CANCELLED',
    from: {
      RIDER: ['REQUESTED', 'DRIVER_ASSIGNED', 'DRIVER_ARRIVED'],
      // Once the rider is on board the driver completes; ending a ride early is for operations.
      DRIVER: ['DRIVER_ASSIGNED', 'DRIVER_ARRIVED'],
      OPERATIONS: ['REQUESTED', 'DRIVER_ASSIGNED', 'DRIVER_ARRIVED', 'IN_PROGRESS'],
      // The dispatcher gives up on trips no driver took.
      SYSTEM: ['REQUESTED'],
    },
  },
};

export const illegalTransition = (action: string, current: string) =>
  new AppError('ILLEGAL_STATE_TRANSITION', `Cannot ${action} a trip that is ${current}`, { extensions: { currentStatus: current } });

/**
 * Picks, among the roles the viewer holds on this trip (in the order given), the first allowed to do `action` from
 * the trip's status.
 * @returns the acting role and the status to move to.
 * @throws AppError FORBIDDEN when none of the roles may ever do `action`; ILLEGAL_STATE_TRANSITION (with
 *   `extensions.currentStatus`) when one may, but not from the current status.
 */
export function authorizeTransition(action: TripAction, roles: readonly TripActorRole[], current: TripStatus): { actor: TripActorRole; to: TripStatus } {
  const rule = TRANSITIONS[action];
  const eligible = roles.filter((role) => rule.from[role] !== undefined);
  if (!eligible.length) throw new AppError('FORBIDDEN', `You may not ${action} this trip`);
  const actor = eligible.find((role) => rule.from[role]!.includes(current));
  if (!actor) throw illegalTransition(action, current);
  return { actor, to: rule.to };
}
