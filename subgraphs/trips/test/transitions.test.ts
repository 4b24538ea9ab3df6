// The transition table, exhaustively: for every action, actor and status, exactly the listed moves are allowed;
// an actor who may never do the action is FORBIDDEN, one who may but not now gets the current status back.
import type { AppError } from '../../../platform/errors/index.js';
import { cancellationFee } from '../src/services/trip-service.js';
import { authorizeTransition, TRANSITIONS, type TripAction } from '../src/services/transitions.js';
import type { Trip, TripActorRole, TripStatus } from '../src/store/prisma/client.js';

const STATUSES: TripStatus[] = ['REQUESTED', 'DRIVER_ASSIGNED', 'DRIVER_ARRIVED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'];
const ACTORS: TripActorRole[] = ['RIDER', 'DRIVER', 'OPERATIONS', 'SYSTEM'];

const LEGAL: Record<TripAction, Partial<Record<TripActorRole, TripStatus[]>>> = {
  assign: { DRIVER: ['REQUESTED'], OPERATIONS: ['REQUESTED'] },
  arrive: { DRIVER: ['DRIVER_ASSIGNED'] },
  start: { DRIVER: ['DRIVER_ARRIVED'] },
  complete: { DRIVER: ['IN_PROGRESS'] },
  cancel: {
    RIDER: ['REQUESTED', 'DRIVER_ASSIGNED', 'DRIVER_ARRIVED'],
    DRIVER: ['DRIVER_ASSIGNED', 'DRIVER_ARRIVED'],
    OPERATIONS: ['REQUESTED', 'DRIVER_ASSIGNED', 'DRIVER_ARRIVED', 'IN_PROGRESS'],
    SYSTEM: ['REQUESTED'],
  },
};

const outcome = (action: TripAction, actor: TripActorRole, status: TripStatus) => {
  try {
    return authorizeTransition(action, [actor], status).to;
  } catch (error) {
    const e = error as AppError;
    return `${e.code}${e.extensions.currentStatus ? `:${String(e.extensions.currentStatus)}` : ''}`;
  }
};

test.each((Object.keys(LEGAL) as TripAction[]).flatMap((action) => ACTORS.flatMap((actor) => STATUSES.map((status) => [action, actor, status] as const))))(
  '%s by %s from %s',
  (action, actor, status) => {
    const allowedFrom = LEGAL[action][actor];
    const expected = !allowedFrom ? 'FORBIDDEN' : allowedFrom.includes(status) ? TRANSITIONS[action].to : `ILLEGAL_STATE_TRANSITION:${status}`;
    expect(outcome(action, actor, status)).toBe(expected);
  },
);

test('with several roles on a trip, the first allowed one acts', () => {
  expect(authorizeTransition('cancel', ['RIDER', 'OPERATIONS'], 'IN_PROGRESS')).toEqual({ actor: 'OPERATIONS', to: 'CANCELLED' });
  expect(authorizeTransition('cancel', ['RIDER', 'OPERATIONS'], 'REQUESTED')).toEqual({ actor: 'RIDER', to: 'CANCELLED' });
});

test('the cancellation fee: only a rider, only after arrival or the free period', () => {
  const rule = { cancellationFeeMinor: 300, freeCancellationSeconds: 120 };
  const assignedAt = new Date('2026-11-22T10:00:00Z');
  const trip = (status: TripStatus) => ({ status, assignedAt: status === 'REQUESTED' ? null : assignedAt }) as Trip;
  const at = (seconds: number) => new Date(assignedAt.getTime() + seconds * 1000);
  expect(cancellationFee('RIDER', trip('REQUESTED'), rule, at(600))).toBeNull();
  expect(cancellationFee('RIDER', trip('DRIVER_ASSIGNED'), rule, at(120))).toBeNull();
  expect(cancellationFee('RIDER', trip('DRIVER_ASSIGNED'), rule, at(121))).toBe(300);
  expect(cancellationFee('RIDER', trip('DRIVER_ARRIVED'), rule, at(10))).toBe(300);
  for (const actor of ['DRIVER', 'OPERATIONS', 'SYSTEM'] as const) expect(cancellationFee(actor, trip('DRIVER_ARRIVED'), rule, at(600))).toBeNull();
  expect(cancellationFee('RIDER', trip('DRIVER_ARRIVED'), null, at(600))).toBeNull();
});
