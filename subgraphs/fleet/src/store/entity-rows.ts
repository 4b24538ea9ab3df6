// Drivers and vehicles as GraphQL shows them: the columns `Driver` and `Vehicle` expose and what their access checks
// read (a driver's live-position watchers read currentRiderUserId). Entity fetches — the trips board's drivers and
// vehicles, `driver`/`vehicle`, assignments and shifts — read these shapes with one slim statement each
// (platform/db rowsByIds); the bookkeeping columns (event sampling, version, rating sum and count) stay unread.
import { rowsByIds } from '../../../../platform/db/index.js';
import type { Driver, Vehicle } from './prisma/client.js';

export type DriverDisplay = Omit<
  Driver,
  'ratingSum' | 'ratingCount' | 'version' | 'eventAt' | 'eventLatitude' | 'eventLongitude' | 'createdAt' | 'currentTripId'
>;

export type VehicleDisplay = Omit<Vehicle, 'odometerKm' | 'createdAt'>;

export const driverDisplaysByIds = rowsByIds<DriverDisplay>('"fleet"."drivers"', {
  id: 'id',
  userId: 'user_id',
  fleetId: 'fleet_id',
  currentVehicleId: 'current_vehicle_id',
  licenceNumber: 'licence_number',
  name: 'name',
  licenceExpiresOn: 'licence_expires_on',
  homeHubId: 'home_hub_id',
  suspendedAt: 'suspended_at',
  suspensionReason: 'suspension_reason',
  status: 'status::text',
  rating: 'rating',
  currentRiderUserId: 'current_rider_user_id',
  latitude: 'latitude',
  longitude: 'longitude',
  heading: 'heading',
  speedKph: 'speed_kph',
  positionAt: 'position_at',
});

export const vehicleDisplaysByIds = rowsByIds<VehicleDisplay>('"fleet"."vehicles"', {
  id: 'id',
  fleetId: 'fleet_id',
  homeHubId: 'home_hub_id',
  plate: 'plate',
  make: 'make',
  model: 'model',
  year: 'year',
  category: 'category::text',
  colour: 'colour',
  status: 'status::text',
});
