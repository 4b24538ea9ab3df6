// The demo city, described once as plain data. Each subgraph's seed writes only its own part of it (ids are
// deterministic), so seeding respects subgraph ownership and is idempotent. Phone numbers are listed in README.
import { demoId } from './ids.js';
import { seededRandom } from './random.js';

export type DemoRole = 'SUPER_ADMIN' | 'OPERATIONS' | 'FLEET_MANAGER' | 'DRIVER' | 'RIDER';
export type DemoVehicleCategory = 'ECONOMY' | 'COMFORT' | 'XL' | 'AUTO' | 'BIKE';

export interface DemoUser {
  id: string;
  phone: string;
  name: string;
  roles: DemoRole[];
}
/** `managerUserId`: the FLEET_MANAGER who runs it; null for a fleet run by operations directly. */
export interface DemoFleet {
  id: string;
  name: string;
  city: string;
  managerUserId: string | null;
}
export interface DemoHub {
  id: string;
  fleetId: string;
  name: string;
  latitude: number;
  longitude: number;
}
export interface DemoVehicle {
  id: string;
  fleetId: string;
  homeHubId: string;
  plate: string;
  make: string;
  model: string;
  year: number;
  category: DemoVehicleCategory;
}
export interface DemoDriver {
  id: string;
  userId: string;
  fleetId: string;
  vehicleId: string;
  licenceNumber: string;
  rating: number;
}
export interface DemoTrip {
  id: string;
  riderUserId: string;
  driverId: string;
  vehicleId: string;
  category: DemoVehicleCategory;
  status: 'COMPLETED' | 'CANCELLED';
  fareMinor: number | null;
  currency: string;
  distanceMeters: number;
  requestedAt: Date;
  completedAt: Date | null;
}

/** A service area: trips prices rides whose pickup lies within `radiusMeters` of the centre. */
export interface DemoCity {
  name: string;
  latitude: number;
  longitude: number;
  radiusMeters: number;
}

export interface DemoDataset {
  currency: string;
  cities: DemoCity[];
  users: DemoUser[];
  fleets: DemoFleet[];
  hubs: DemoHub[];
  vehicles: DemoVehicle[];
  drivers: DemoDriver[];
  trips: DemoTrip[];
}

export const DEMO_PHONES = {
  superAdmin: '+15550000001',
  fleetManager: '+15550000002',
  /** Operations staff: sets prices (`setPricing`), runs the trips board, refunds. */
  operations: '+15550000003',
  driver: (n: number) => `+155500001${String(n).padStart(2, '0')}`, // n = 1..50 → +15550000101..+15550000150
  rider: (n: number) => `+15550000${200 + n}`, // n = 1..100 → +15550000201..+15550000300
} as const;

const FIRST = [
  'Ada',
  'Bo',
  'Chen',
  'Dana',
  'Eli',
  'Farah',
  'Gus',
  'Hana',
  'Ivo',
  'Juno',
  'Kai',
  'Lena',
  'Mo',
  'Nia',
  'Omar',
  'Pia',
  'Quinn',
  'Rui',
  'Sol',
  'Tess',
];
const LAST = ['Okafor', 'Silva', 'Novak', 'Haddad', 'Kim', 'Larsen', 'Mendes', 'Ito', 'Brandt', 'Costa'];
const MODELS: [string, string, DemoVehicleCategory][] = [
  ['Toyota', 'Corolla', 'ECONOMY'],
  ['Honda', 'Civic', 'ECONOMY'],
  ['Skoda', 'Superb', 'COMFORT'],
  ['Mercedes', 'E-Class', 'COMFORT'],
  ['Ford', 'Galaxy', 'XL'],
  ['Bajaj', 'RE', 'AUTO'],
  ['Yamaha', 'NMAX', 'BIKE'],
];
const CITY: DemoCity = { name: 'Metro City', latitude: 40.7128, longitude: -74.006, radiusMeters: 40_000 };

export const DEMO_DRIVER_COUNT = 50;
export const DEMO_RIDER_COUNT = 100;
const TRIP_COUNT = 400;

/** Builds the dataset. Pure and deterministic: the same result on every call. */
export function buildDemoDataset(): DemoDataset {
  const random = seededRandom(20261122);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const personName = (i: number) => `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`;
  const user = (phone: string, name: string, roles: DemoRole[]): DemoUser => ({ id: demoId('user', phone), phone, name, roles });

  const admin = user(DEMO_PHONES.superAdmin, 'Sam Admin', ['SUPER_ADMIN']);
  const manager = user(DEMO_PHONES.fleetManager, 'Fran Manager', ['FLEET_MANAGER']);
  const operations = user(DEMO_PHONES.operations, 'Olu Operations', ['OPERATIONS']);
  const driverUsers = Array.from({ length: DEMO_DRIVER_COUNT }, (_, i) => user(DEMO_PHONES.driver(i + 1), personName(i), ['DRIVER']));
  const riderUsers = Array.from({ length: DEMO_RIDER_COUNT }, (_, i) => user(DEMO_PHONES.rider(i + 1), personName(i + 57), ['RIDER']));

  // The demo fleet manager runs Downtown only, so "a fleet manager sees only their fleet" shows in the demo.
  const fleets: DemoFleet[] = ['Downtown', 'Airport'].map((name) => ({
    id: demoId('fleet', name),
    name: `${name} Fleet`,
    city: CITY.name,
    managerUserId: name === 'Downtown' ? manager.id : null,
  }));
  const hubs: DemoHub[] = fleets.flatMap((fleet, f) =>
    ['North', 'South'].map((side, h) => ({
      id: demoId('hub', `${fleet.name}-${side}`),
      fleetId: fleet.id,
      name: `${fleet.name.replace(' Fleet', '')} ${side} Hub`,
      latitude: round6(CITY.latitude + (h === 0 ? 0.02 : -0.02) + f * 0.05),
      longitude: round6(CITY.longitude + f * 0.08),
    })),
  );
  const vehicles: DemoVehicle[] = Array.from({ length: DEMO_DRIVER_COUNT + 10 }, (_, i) => {
    const [make, model, category] = MODELS[i % MODELS.length] as [string, string, DemoVehicleCategory];
    const hub = hubs[i % hubs.length] as DemoHub;
    return {
      id: demoId('vehicle', i),
      fleetId: hub.fleetId,
      homeHubId: hub.id,
      plate: `MC-${String(1000 + i)}`,
      make,
      model,
      year: 2017 + (i % 8),
      category,
    };
  });
  const drivers: DemoDriver[] = driverUsers.map((u, i) => {
    const vehicle = vehicles[i] as DemoVehicle;
    return {
      id: demoId('driver', u.phone),
      userId: u.id,
      fleetId: vehicle.fleetId,
      vehicleId: vehicle.id,
      licenceNumber: `DL-${String(700000 + i * 37)}`,
      rating: Math.round((4.2 + random() * 0.8) * 100) / 100,
    };
  });

  const start = Date.UTC(2026, 9, 1); // trips over the 30 days from 1 October 2026
  const trips: DemoTrip[] = Array.from({ length: TRIP_COUNT }, (_, i) => {
    const driver = pick(drivers);
    const vehicle = vehicles.find((v) => v.id === driver.vehicleId) as DemoVehicle;
    const cancelled = random() < 0.08;
    const requestedAt = new Date(start + Math.floor(random() * 30 * 24 * 3600) * 1000);
    const distanceMeters = 1500 + Math.floor(random() * 18000);
    const minutes = Math.round(distanceMeters / 400 + random() * 10);
    return {
      id: demoId('trip', i),
      riderUserId: (riderUsers[i % riderUsers.length] as DemoUser).id,
      driverId: driver.id,
      vehicleId: vehicle.id,
      category: vehicle.category,
      status: cancelled ? 'CANCELLED' : 'COMPLETED',
      fareMinor: cancelled ? null : 250 + Math.round(distanceMeters * 0.12) + minutes * 20,
      currency: 'USD',
      distanceMeters,
      requestedAt,
      completedAt: cancelled ? null : new Date(requestedAt.getTime() + (minutes + 5) * 60_000),
    };
  });

  return { currency: 'USD', cities: [CITY], users: [admin, manager, operations, ...driverUsers, ...riderUsers], fleets, hubs, vehicles, drivers, trips };
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
