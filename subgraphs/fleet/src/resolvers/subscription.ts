import { liveSubscription } from '../../../../platform/graphql/index.js';
import type { SubscriptionResolvers } from '../generated/resolvers-types.js';
import { driverPositionChannel, fleetPositionsChannel, mayReceiveDriverPosition, mayReceiveFleetPosition } from '../services/live-positions.js';

// The value of each event is its payload: the position at that moment (DriverPosition resolves the driver by id).
export const Subscription: SubscriptionResolvers = {
  driverLocationUpdated: liveSubscription({
    topic: 'DRIVER_LOCATION_UPDATED',
    key: ({ driverId }: { driverId: string }, context) => driverPositionChannel(context, driverId),
    authorize: (event, { driverId }, { viewer }) => mayReceiveDriverPosition(viewer, driverId, event),
    resolve: (event) => event,
  }),
  fleetPositions: liveSubscription({
    topic: 'FLEET_POSITIONS',
    key: ({ fleetId }: { fleetId: string }, context) => fleetPositionsChannel(context, fleetId),
    authorize: (event, { fleetId }, { viewer }) => mayReceiveFleetPosition(viewer, fleetId, event),
    resolve: (event) => event,
  }),
};
