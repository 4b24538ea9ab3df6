// Writes trips' part of the demo city: its service area with a pricing rule per category, and a month of finished
// trips with pickup and drop-off points. Idempotent: existing rows are left as they are (backfills fill gaps only).
// Each trip carries its driver's user and fleet from the demo dataset (trips never reads fleet's tables). Driver
// supply is not seeded: it comes from fleet's `driver.status.changed` events.
import { demoId, type DemoDataset, type DemoDriver, type DemoTrip, type DemoVehicleCategory } from '../../../platform/demo/index.js';
import { DEFAULT_AVERAGE_SPEED_KPH, DEFAULT_ROAD_FACTOR_PERCENT } from './services/city-admin.js';
import type { TripsPrisma } from './store/database.js';

/** Demo prices in minor units (cents): [base, per km, per minute, minimum, cancellation fee]. */
const DEMO_PRICES: Record<DemoVehicleCategory, [number, number, number, number, number]> = {
  ECONOMY: [250, 120, 20, 500, 300],
  COMFORT: [350, 170, 30, 800, 400],
  XL: [450, 200, 35, 1000, 500],
  AUTO: [150, 80, 10, 300, 200],
  BIKE: [100, 60, 8, 250, 150],
};

/** When the demo prices took effect: before every demo trip, so they priced them all. */
const DEMO_PRICES_SINCE = new Date('2000-01-01T00:00:00.000Z');

export async function seedTrips(prisma: TripsPrisma, demo: DemoDataset): Promise<number> {
  await seedPricing(prisma, demo);
  const drivers = new Map(demo.drivers.map((driver) => [driver.id, driver]));
  const driverOf = (driverId: string): DemoDriver => {
    const driver = drivers.get(driverId);
    if (!driver) throw new Error(`demo trip references unknown driver ${driverId}`);
    return driver;
  };
  const { count } = await prisma.trip.createMany({
    data: demo.trips.map((trip, i) => ({
      id: trip.id,
      riderUserId: trip.riderUserId,
      driverId: trip.driverId,
      driverUserId: driverOf(trip.driverId).userId,
      fleetId: driverOf(trip.driverId).fleetId,
      vehicleId: trip.vehicleId,
      category: trip.category,
      status: trip.status,
      fareMinor: trip.fareMinor,
      currency: trip.currency,
      distanceMeters: trip.distanceMeters,
      requestedAt: trip.requestedAt,
      completedAt: trip.completedAt,
      ...demoRoute(demo, trip, i),
    })),
    skipDuplicates: true,
  });
  await backfillDriverColumns(prisma, demo, driverOf);
  await backfillRoutes(prisma, demo);
  // The demo accounts' names, as identity's `user.name.changed` tells trips (`Trip.rider { name }` is answered from
  // them): written here too, so the board answers as soon as the seed is done, before the announcements that
  // identity's trigger queued for the seeded accounts have travelled (or without a bus at all, as in some tests).
  await prisma.userName.createMany({
    data: demo.users.map((user) => ({ userId: user.id, name: user.name, nameAt: DEMO_NAMES_AT })),
    skipDuplicates: true,
  });
  return count;
}

/** The instant the demo names are recorded as of: before any real rename, which therefore always wins. */
const DEMO_NAMES_AT = new Date('2000-01-01T00:00:00.000Z');

/** One service area per demo city and version 1 of a rule per category; existing rows and later versions are kept. */
export async function seedPricing(prisma: TripsPrisma, demo: DemoDataset): Promise<void> {
  await prisma.city.createMany({
    data: demo.cities.map((city) => ({
      id: demoId('city', city.name),
      name: city.name,
      centerLatitude: city.latitude,
      centerLongitude: city.longitude,
      radiusMeters: city.radiusMeters,
      currency: demo.currency,
      roadFactorPercent: DEFAULT_ROAD_FACTOR_PERCENT,
      averageSpeedKph: DEFAULT_AVERAGE_SPEED_KPH,
    })),
    skipDuplicates: true,
  });
  await prisma.pricingRule.createMany({
    data: demo.cities.flatMap((city) =>
      (Object.entries(DEMO_PRICES) as [DemoVehicleCategory, number[]][]).map(([category, [base, perKm, perMinute, minimum, fee]]) => ({
        id: demoId('pricing-rule', `${city.name}-${category}`),
        cityId: demoId('city', city.name),
        category,
        baseFareMinor: base!,
        perKmMinor: perKm!,
        perMinuteMinor: perMinute!,
        minimumFareMinor: minimum!,
        cancellationFeeMinor: fee!,
        freeCancellationSeconds: 120,
        surgeCapTenths: 30,
        // Version 1, in force since long before any demo trip; operations add versions with setPricing.
        version: 1,
        effectiveFrom: DEMO_PRICES_SINCE,
      })),
    ),
    skipDuplicates: true,
  });
}

/**
 * A deterministic pickup near one of the driver's fleet's hubs and a drop-off about the trip's distance away (the
 * straight line is the road distance / 1.3, the demo road factor).
 */
function demoRoute(demo: DemoDataset, trip: DemoTrip, index: number) {
  const fleetId = demo.drivers.find((d) => d.id === trip.driverId)?.fleetId;
  const hubs = demo.hubs.filter((hub) => hub.fleetId === fleetId);
  const hub = hubs[index % Math.max(1, hubs.length)] ?? demo.hubs[0]!;
  const angle = ((index * 137) % 360) * (Math.PI / 180);
  const jitter = ((index * 7919) % 2000) / 1e5; // up to ~2 km
  const pickupLatitude = round6(hub.latitude + jitter * Math.cos(angle));
  const pickupLongitude = round6(hub.longitude + jitter * Math.sin(angle));
  const straight = trip.distanceMeters / 1.3;
  return {
    pickupLatitude,
    pickupLongitude,
    dropoffLatitude: round6(pickupLatitude + (straight / 111_320) * Math.sin(angle)),
    dropoffLongitude: round6(pickupLongitude + (straight / (111_320 * Math.cos((pickupLatitude * Math.PI) / 180))) * Math.cos(angle)),
  };
}

/**
 * Demo trips seeded before trips had `driver_user_id`/`fleet_id` (an existing `.data` folder) get them now, so a
 * fleet manager's board is not empty after an upgrade. One statement per driver, and none once filled.
 */
async function backfillDriverColumns(prisma: TripsPrisma, demo: DemoDataset, driverOf: (driverId: string) => DemoDriver): Promise<void> {
  const tripIdsByDriver = new Map<string, string[]>();
  for (const trip of demo.trips) tripIdsByDriver.set(trip.driverId, [...(tripIdsByDriver.get(trip.driverId) ?? []), trip.id]);
  const unfilled = await prisma.trip.count({ where: { id: { in: demo.trips.map((t) => t.id) }, fleetId: null, driverId: { not: null } } });
  if (unfilled === 0) return;
  for (const [driverId, ids] of tripIdsByDriver) {
    const driver = driverOf(driverId);
    await prisma.trip.updateMany({ where: { id: { in: ids }, fleetId: null }, data: { fleetId: driver.fleetId, driverUserId: driver.userId } });
  }
}

/** Demo trips seeded before trips stored pickup and drop-off points get them now; nothing once filled. */
async function backfillRoutes(prisma: TripsPrisma, demo: DemoDataset): Promise<void> {
  const unfilled = await prisma.trip.findMany({ where: { id: { in: demo.trips.map((t) => t.id) }, pickupLatitude: null }, select: { id: true } });
  if (!unfilled.length) return;
  const missing = new Set(unfilled.map((t) => t.id));
  for (const [i, trip] of demo.trips.entries()) {
    if (missing.has(trip.id)) await prisma.trip.update({ where: { id: trip.id }, data: demoRoute(demo, trip, i) });
  }
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
