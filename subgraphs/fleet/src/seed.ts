// Writes fleet's part of the demo city (fleets, hubs, vehicles, driver profiles with their vehicle assignments
// and last positions). Idempotent and deterministic: ids derive from the dataset, existing rows are left as they
// are, and a second run writes nothing. Parents are written before children because of the foreign keys.
import { demoId, type DemoDataset, type DemoDriver, type DemoHub } from '../../../platform/demo/index.js';
import type { Prisma } from './store/prisma/client.js';
import type { FleetPrisma } from './store/database.js';
import { statusChangedEvent } from './services/driver-state.js';

/**
 * The instant of every demo driver's last position and first event. Fixed, so seeding is deterministic; it is
 * in the past, so a seeded driver does not show in `nearbyDrivers` until their app reports a position.
 */
export const DEMO_POSITION_AT = new Date(Date.UTC(2026, 10, 1, 8, 0, 0));
/** Demo ratings are kept as if from this many rides, so new ratings move the average realistically. */
const DEMO_RATING_COUNT = 100;

/** A spot a few hundred metres from the driver's home hub, spread so drivers do not stack on one point. */
export function demoDriverPosition(index: number, hub: DemoHub): { latitude: number; longitude: number } {
  const round6 = (value: number) => Math.round(value * 1e6) / 1e6;
  return { latitude: round6(hub.latitude + ((index % 7) - 3) * 0.0015), longitude: round6(hub.longitude + ((index % 5) - 2) * 0.002) };
}

export async function seedFleet(prisma: FleetPrisma, demo: DemoDataset): Promise<number> {
  const fleets = await prisma.fleet.createMany({
    data: demo.fleets.map(({ id, name, city, managerUserId }) => ({ id, name, city, managerUserId })),
    skipDuplicates: true,
  });
  const hubs = await prisma.hub.createMany({
    data: demo.hubs.map(({ id, fleetId, name, latitude, longitude }) => ({ id, fleetId, name, latitude, longitude })),
    skipDuplicates: true,
  });
  const vehicles = await prisma.vehicle.createMany({
    data: demo.vehicles.map(({ id, fleetId, homeHubId, plate, make, model, year, category }) => ({
      id,
      fleetId,
      homeHubId,
      plate,
      make,
      model,
      year,
      category,
    })),
    skipDuplicates: true,
  });

  const vehicleById = new Map(demo.vehicles.map((v) => [v.id, v]));
  const hubById = new Map(demo.hubs.map((h) => [h.id, h]));
  const rows = demo.drivers.map((driver, index) => demoDriverRow(driver, index, vehicleById, hubById));

  // Every demo driver starts the day signed off but ready: an assigned vehicle and a last position, so signing
  // in as a demo driver and calling `checkIn` makes them AVAILABLE at once.
  const { created, events } = await prisma.$transaction(async (tx) => {
    // The demo drivers' names as identity's user.name.changed will tell them (identity's seed writes the same
    // accounts from the same dataset), dated in the past so any real event is newer: the profiles below take them in
    // their insert trigger, so the demo board shows names from the first request rather than a second later.
    const names = await tx.userName.createMany({ data: demoDriverNames(demo), skipDuplicates: true });
    const drivers = await tx.driver.createMany({ data: rows.map((r) => r.driver), skipDuplicates: true });
    const assignments = await tx.assignment.createMany({ data: rows.map((r) => r.assignment), skipDuplicates: true });
    // The first driver.status.changed of each demo driver (version 1) tells trips' dispatch supply who drives
    // what; a fixed id makes it a no-op when seeding again (and a duplicate for consumers, who skip it).
    const outbox = await tx.outboxEvent.createMany({ data: rows.map((r) => r.event), skipDuplicates: true });
    return { created: names.count + drivers.count + assignments.count, events: outbox.count };
  });
  return fleets.count + hubs.count + vehicles.count + created + events;
}

/** user_names rows for the demo drivers' accounts, from the dataset. */
function demoDriverNames(demo: DemoDataset) {
  const userById = new Map(demo.users.map((u) => [u.id, u]));
  return demo.drivers.map((driver) => {
    const user = userById.get(driver.userId);
    if (!user) throw new Error(`demo driver ${driver.id} has no demo user`);
    return { userId: user.id, name: user.name, nameAt: DEMO_POSITION_AT };
  });
}

const DEMO_LICENCE_EXPIRES_ON = new Date('2031-12-31T00:00:00.000Z');

function demoDriverRow(driver: DemoDriver, index: number, vehicleById: Map<string, DemoDataset['vehicles'][number]>, hubById: Map<string, DemoHub>) {
  const vehicle = vehicleById.get(driver.vehicleId);
  const hub = vehicle && hubById.get(vehicle.homeHubId);
  if (!vehicle || !hub || vehicle.fleetId !== driver.fleetId) throw new Error(`demo driver ${driver.id} has no vehicle of their fleet with a home hub`);
  const position = demoDriverPosition(index, hub);
  const row = {
    id: driver.id,
    userId: driver.userId,
    fleetId: driver.fleetId,
    currentVehicleId: vehicle.id,
    licenceNumber: driver.licenceNumber,
    // Valid for years, so the demo drivers can check in; the home hub is their vehicle's.
    licenceExpiresOn: DEMO_LICENCE_EXPIRES_ON,
    homeHubId: hub.id,
    status: 'OFFLINE' as const,
    rating: driver.rating.toFixed(2),
    ratingSum: Math.round(driver.rating * DEMO_RATING_COUNT),
    ratingCount: DEMO_RATING_COUNT,
    latitude: position.latitude,
    longitude: position.longitude,
    positionAt: DEMO_POSITION_AT,
    version: 1,
    eventAt: DEMO_POSITION_AT,
    eventLatitude: position.latitude,
    eventLongitude: position.longitude,
  };
  const event = statusChangedEvent(
    {
      ...row,
      name: null,
      rating: null,
      heading: null,
      speedKph: null,
      currentTripId: null,
      currentRiderUserId: null,
      suspendedAt: null,
      suspensionReason: null,
      createdAt: DEMO_POSITION_AT,
    },
    vehicle.category,
    DEMO_POSITION_AT,
  );
  return {
    driver: row,
    assignment: {
      id: demoId('assignment', driver.id),
      driverId: driver.id,
      vehicleId: vehicle.id,
      fleetId: driver.fleetId,
      activeDriverId: driver.id,
      activeVehicleId: vehicle.id,
      createdAt: DEMO_POSITION_AT,
    },
    event: {
      id: demoId('event', `driver.status.changed:${driver.id}:1`),
      type: event.type,
      payload: event.payload as unknown as Prisma.InputJsonValue,
      occurredAt: event.occurredAt,
    },
  };
}
