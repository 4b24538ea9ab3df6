// City administration on real PostgreSQL: createCity / updateCity by role, every bad input refused with nothing
// written, names unique ignoring case (also for the loser of two racing creates), the audit entries with exactly the
// changed fields, a new city offering nothing until setPricing, overlapping areas (the nearest centre prices), and the
// operations summary following a renamed city.
import { randomUUID } from 'node:crypto';
import type { Role } from '../../../platform/auth/index.js';
import { codes, requestTrip, useHarness, type Harness } from './harness.js';

const harness = useHarness();
let h: Harness;

const CITY = 'city { id name currency center { latitude longitude } radiusMeters }';
const CREATE = `mutation ($input: CreateCityInput!) { createCity(input: $input) { ${CITY} userErrors { field code message } } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateCityInput!) { updateCity(id: $id, input: $input) { ${CITY} userErrors { field code message } } }`;
const ESTIMATE = `mutation ($input: EstimateFareInput!) { estimateFare(input: $input) {
  estimate { city amount { currency } } userErrors { field code } } }`;
const SET_PRICING = `mutation ($input: SetPricingInput!) { setPricing(input: $input) { pricing { version } userErrors { code } } }`;
const SUMMARY = `query ($from: DateTime!, $to: DateTime!, $city: String) { operationsSummary(from: $from, to: $to, city: $city) { city tripsRequested } }`;

interface CityData {
  id: string;
  name: string;
  currency: string;
  center: { latitude: number; longitude: number };
  radiusMeters: number;
}
interface Payload {
  city: CityData | null;
  userErrors: { field: string[] | null; code: string; message: string }[];
}

const staff = (role: Role, userId: string = randomUUID()) => h.as(userId, [role], role === 'FLEET_MANAGER' ? [randomUUID()] : []);
const anonymous = { headers: {} };

/** Chicago: 1,100 km from the demo city (Metro City, New York, 40 km). */
const LAKE = { latitude: 41.8781, longitude: -87.6298 };
const cityInput = (extra: Record<string, unknown> = {}) => ({
  name: `City ${randomUUID().slice(0, 8)}`,
  currency: 'USD',
  center: LAKE,
  radiusMeters: 30_000,
  ...extra,
});

async function createCity(who: { headers: Record<string, string> }, input: Record<string, unknown>): Promise<Payload> {
  const result = await h.run<{ createCity: Payload }>(who, CREATE, { input });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.createCity;
}

async function updateCity(who: { headers: Record<string, string> }, id: string, input: Record<string, unknown>): Promise<Payload> {
  const result = await h.run<{ updateCity: Payload }>(who, UPDATE, { id, input });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.updateCity;
}

/** The audit entries written for a city, oldest first. */
async function auditOf(cityId: string) {
  const rows = await h.prisma.outboxEvent.findMany({ where: { type: 'audit.recorded' }, orderBy: { occurredAt: 'asc' } });
  return rows.map((row) => row.payload as Record<string, unknown>).filter((payload) => payload.targetType === 'City' && payload.targetId === cityId);
}

const snapshot = async () => ({ cities: await h.prisma.city.findMany({ orderBy: { id: 'asc' } }), outbox: await h.prisma.outboxEvent.count() });

async function estimate(pickup: { latitude: number; longitude: number }, dropoff = { latitude: pickup.latitude + 0.01, longitude: pickup.longitude }) {
  const result = await h.run<{
    estimateFare: { estimate: { city: string; amount: { currency: string } } | null; userErrors: { field: string[]; code: string }[] };
  }>(await h.as(randomUUID(), ['RIDER']), ESTIMATE, { input: { pickup, dropoff, category: 'ECONOMY' } });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.estimateFare;
}

async function priceEconomy(cityId: string) {
  const input = {
    cityId,
    category: 'ECONOMY',
    baseFare: 200,
    perKm: 100,
    perMinute: 10,
    minimumFare: 300,
    cancellationFee: 100,
    cancellationFreeSeconds: 120,
    surgeCap: 2,
  };
  const result = await h.run<{ setPricing: { pricing: { version: number } | null; userErrors: unknown[] } }>(await staff('OPERATIONS'), SET_PRICING, { input });
  expect(result.data?.setPricing).toEqual({ pricing: { version: 1 }, userErrors: [] });
}

beforeAll(() => {
  h = harness();
});

describe('createCity', () => {
  test('OPERATIONS and SUPER_ADMIN create cities; every other role is refused with nothing written', async () => {
    for (const [who, code] of [
      [await staff('FLEET_MANAGER'), 'FORBIDDEN'],
      [await staff('DRIVER'), 'FORBIDDEN'],
      [await staff('RIDER'), 'FORBIDDEN'],
      [anonymous, 'UNAUTHENTICATED'],
    ] as const) {
      const before = await snapshot();
      const result = await h.run(who, CREATE, { input: cityInput() });
      expect([code, codes(result.errors)]).toEqual([code, [code]]);
      expect(await snapshot()).toEqual(before);
    }
    for (const role of ['OPERATIONS', 'SUPER_ADMIN'] as const) {
      const created = await createCity(
        await staff(role),
        cityInput({ name: `By ${role}`, center: { latitude: -33.8688 + (role === 'OPERATIONS' ? 0 : 1), longitude: 151.2093 } }),
      );
      expect(created.userErrors).toEqual([]);
      expect(created.city).toMatchObject({ name: `By ${role}`, currency: 'USD', radiusMeters: 30_000 });
    }
  });

  test('a new city: trimmed name, its own currency, the audit entry in the same transaction; it offers no ride until priced', async () => {
    const userId = randomUUID();
    const created = await createCity(await staff('OPERATIONS', userId), { name: '  Lake City  ', currency: 'EUR', center: LAKE, radiusMeters: 30_000 });
    expect(created).toEqual({
      city: { id: expect.any(String), name: 'Lake City', currency: 'EUR', center: LAKE, radiusMeters: 30_000 },
      userErrors: [],
    });
    const id = created.city!.id;
    const stored = await h.prisma.city.findUniqueOrThrow({ where: { id } });
    expect(stored).toEqual({
      id,
      name: 'Lake City',
      currency: 'EUR',
      centerLatitude: LAKE.latitude,
      centerLongitude: LAKE.longitude,
      radiusMeters: 30_000,
      roadFactorPercent: 130,
      averageSpeedKph: 25,
    });
    expect(await auditOf(id)).toEqual([
      {
        source: 'trips',
        actorId: userId,
        actorRoles: ['OPERATIONS'],
        action: 'city.create',
        targetType: 'City',
        targetId: id,
        before: null,
        after: { name: 'Lake City', currency: 'EUR', centerLatitude: LAKE.latitude, centerLongitude: LAKE.longitude, radiusMeters: 30_000 },
        reason: null,
        requestId: expect.any(String),
        occurredAt: expect.any(String),
      },
    ]);

    // Staff see it with no prices; a rider's estimate in it is refused as for a category the city does not offer.
    const listed = await h.run<{ cities: { name: string; pricing: unknown }[] }>(
      await staff('FLEET_MANAGER'),
      `{ cities { name pricing(category: ECONOMY) { id } } }`,
    );
    expect(listed.data!.cities.find((c) => c.name === 'Lake City')).toEqual({ name: 'Lake City', pricing: null });
    expect(await estimate(LAKE)).toEqual({ estimate: null, userErrors: [{ code: 'CATEGORY_NOT_OFFERED', field: ['input', 'category'] }] });

    await priceEconomy(id);
    expect(await estimate(LAKE)).toEqual({ estimate: { city: 'Lake City', amount: { currency: 'EUR' } }, userErrors: [] });
  });

  test.each([
    ['an empty name', { name: '   ' }, 'INVALID_NAME', ['input', 'name']],
    ['a name over 100 characters', { name: 'x'.repeat(101) }, 'INVALID_NAME', ['input', 'name']],
    ['a name with a line break', { name: 'Lake\nCity' }, 'INVALID_NAME', ['input', 'name']],
    ['a currency in lower case', { currency: 'usd' }, 'INVALID_CURRENCY', ['input', 'currency']],
    ['a currency that is no ISO 4217 code', { currency: 'XYZ' }, 'INVALID_CURRENCY', ['input', 'currency']],
    ['a currency of four letters', { currency: 'EURO' }, 'INVALID_CURRENCY', ['input', 'currency']],
    ['a latitude above 90', { center: { latitude: 90.5, longitude: 0 } }, 'INVALID_COORDINATES', ['input', 'center']],
    ['a longitude below -180', { center: { latitude: 0, longitude: -180.5 } }, 'INVALID_COORDINATES', ['input', 'center']],
    ['a radius under 100 m', { radiusMeters: 99 }, 'INVALID_RADIUS', ['input', 'radiusMeters']],
    ['a radius over 200 km', { radiusMeters: 200_001 }, 'INVALID_RADIUS', ['input', 'radiusMeters']],
  ])('%s is refused (%s) with nothing written', async (_name, change, code, field) => {
    const before = await snapshot();
    const result = await createCity(await staff('OPERATIONS'), cityInput(change));
    expect(result).toMatchObject({ city: null, userErrors: [{ code, field }] });
    expect(result.userErrors).toHaveLength(1);
    expect(await snapshot()).toEqual(before);
  });

  test('every input problem is reported at once', async () => {
    const before = await snapshot();
    const result = await createCity(await staff('OPERATIONS'), { name: '', currency: 'us', center: { latitude: 91, longitude: 0 }, radiusMeters: 0 });
    expect(result.city).toBeNull();
    expect(result.userErrors.map((e) => e.code)).toEqual(['INVALID_NAME', 'INVALID_CURRENCY', 'INVALID_COORDINATES', 'INVALID_RADIUS']);
    expect(await snapshot()).toEqual(before);
  });

  test('a name taken by another city, whatever its case, is CITY_NAME_TAKEN with nothing written', async () => {
    const before = await snapshot();
    for (const name of ['Metro City', 'metro city', ' METRO CITY ']) {
      const result = await createCity(await staff('OPERATIONS'), cityInput({ name }));
      expect([name, result]).toEqual([name, { city: null, userErrors: [{ code: 'CITY_NAME_TAKEN', field: ['input', 'name'], message: expect.any(String) }] }]);
    }
    expect(await snapshot()).toEqual(before);
  });

  test('two creates of one name at once: one city, one audit entry, the other gets CITY_NAME_TAKEN', async () => {
    const [a, b] = [await staff('OPERATIONS'), await staff('SUPER_ADMIN')];
    const outboxBefore = await h.prisma.outboxEvent.count();
    const results = await Promise.all([
      createCity(a, cityInput({ name: 'Racing Town', center: { latitude: 51.5074, longitude: -0.1278 }, currency: 'GBP' })),
      createCity(b, cityInput({ name: 'racing town', center: { latitude: 51.5074, longitude: -0.1278 }, currency: 'GBP' })),
    ]);
    expect(results.filter((r) => r.city !== null)).toHaveLength(1);
    expect(results.flatMap((r) => r.userErrors.map((e) => e.code))).toEqual(['CITY_NAME_TAKEN']);
    expect(await h.prisma.city.count({ where: { name: { equals: 'racing town', mode: 'insensitive' } } })).toBe(1);
    expect(await h.prisma.outboxEvent.count()).toBe(outboxBefore + 1);
  });
});

describe('updateCity', () => {
  let city: CityData;

  beforeAll(async () => {
    city = (await createCity(await staff('OPERATIONS'), cityInput({ name: 'Harbour', center: { latitude: 35.6762, longitude: 139.6503 }, currency: 'JPY' })))
      .city!;
  });

  test('only OPERATIONS and SUPER_ADMIN; every other role is refused with nothing written', async () => {
    for (const [who, code] of [
      [await staff('FLEET_MANAGER'), 'FORBIDDEN'],
      [await staff('DRIVER'), 'FORBIDDEN'],
      [await staff('RIDER'), 'FORBIDDEN'],
      [anonymous, 'UNAUTHENTICATED'],
    ] as const) {
      const before = await snapshot();
      const result = await h.run(who, UPDATE, { id: city.id, input: { name: 'Stolen' } });
      expect([code, codes(result.errors)]).toEqual([code, [code]]);
      expect(await snapshot()).toEqual(before);
    }
  });

  test('changes only the given fields and audits exactly those, before and after; a call changing nothing records nothing', async () => {
    const userId = randomUUID();
    const admin = await staff('SUPER_ADMIN', userId);
    const moved = await updateCity(admin, city.id, { name: ' Harbour Bay ', radiusMeters: 25_000 });
    expect(moved).toEqual({ city: { ...city, name: 'Harbour Bay', radiusMeters: 25_000 }, userErrors: [] });
    const recentered = await updateCity(admin, city.id, { center: { latitude: 35.7, longitude: 139.7 }, name: null });
    expect(recentered.city).toEqual({ ...city, name: 'Harbour Bay', radiusMeters: 25_000, center: { latitude: 35.7, longitude: 139.7 } });

    const outboxBefore = await h.prisma.outboxEvent.count();
    const same = await updateCity(admin, city.id, { name: 'Harbour Bay', radiusMeters: 25_000 });
    const empty = await updateCity(admin, city.id, {});
    expect([same.city, empty.city]).toEqual([recentered.city, recentered.city]);
    expect(await h.prisma.outboxEvent.count()).toBe(outboxBefore);

    const entries = (await auditOf(city.id)).filter((entry) => entry.action === 'city.update');
    expect(entries.map(({ actorId, actorRoles, before, after }) => ({ actorId, actorRoles, before, after }))).toEqual([
      { actorId: userId, actorRoles: ['SUPER_ADMIN'], before: { name: 'Harbour', radiusMeters: 30_000 }, after: { name: 'Harbour Bay', radiusMeters: 25_000 } },
      {
        actorId: userId,
        actorRoles: ['SUPER_ADMIN'],
        before: { centerLatitude: 35.6762, centerLongitude: 139.6503 },
        after: { centerLatitude: 35.7, centerLongitude: 139.7 },
      },
    ]);
    expect((await h.prisma.city.findUniqueOrThrow({ where: { id: city.id } })).currency).toBe('JPY');
  });

  test('a change of case of its own name is allowed; another city’s name, whatever its case, is CITY_NAME_TAKEN', async () => {
    const recased = await updateCity(await staff('OPERATIONS'), city.id, { name: 'HARBOUR BAY' });
    expect(recased.city?.name).toBe('HARBOUR BAY');
    const before = await snapshot();
    const taken = await updateCity(await staff('OPERATIONS'), city.id, { name: 'metro CITY' });
    expect(taken).toEqual({ city: null, userErrors: [{ code: 'CITY_NAME_TAKEN', field: ['input', 'name'], message: expect.any(String) }] });
    expect(await snapshot()).toEqual(before);
  });

  test('two cities renamed to one name at once: one gets it, the other CITY_NAME_TAKEN with nothing written', async () => {
    const ops = await staff('OPERATIONS');
    const [a, b] = await Promise.all(
      [10, 20].map(async (east) => (await createCity(ops, cityInput({ center: { latitude: -1.2921, longitude: 36.8219 + east } }))).city!),
    );
    const outboxBefore = await h.prisma.outboxEvent.count();
    const results = await Promise.all([updateCity(ops, a!.id, { name: 'Twin' }), updateCity(ops, b!.id, { name: 'twin' })]);
    expect(results.flatMap((r) => r.userErrors.map((e) => e.code))).toEqual(['CITY_NAME_TAKEN']);
    expect(await h.prisma.city.count({ where: { name: { equals: 'twin', mode: 'insensitive' } } })).toBe(1);
    expect(await h.prisma.outboxEvent.count()).toBe(outboxBefore + 1);
  });

  test.each([
    ['an unknown id', randomUUID(), {}, 'CITY_NOT_FOUND', ['id']],
    ['an id that is no id', 'harbour', { name: 'X' }, 'CITY_NOT_FOUND', ['id']],
    ['an empty name', null, { name: '' }, 'INVALID_NAME', ['input', 'name']],
    ['a bad centre', null, { center: { latitude: -91, longitude: 0 } }, 'INVALID_COORDINATES', ['input', 'center']],
    ['a radius over 200 km', null, { radiusMeters: 250_000 }, 'INVALID_RADIUS', ['input', 'radiusMeters']],
  ])('%s is refused with nothing written', async (_name, id, input, code, field) => {
    const before = await snapshot();
    const result = await updateCity(await staff('OPERATIONS'), id ?? city.id, input);
    expect(result).toMatchObject({ city: null, userErrors: [{ code, field }] });
    expect(await snapshot()).toEqual(before);
  });

  test('the currency is not in the input: asking to change it is refused by the schema, nothing written', async () => {
    const before = await snapshot();
    const result = await h.run(await staff('OPERATIONS'), UPDATE, { id: city.id, input: { currency: 'USD' } });
    expect(codes(result.errors)).toEqual(['BAD_USER_INPUT']);
    expect(await snapshot()).toEqual(before);
  });
});

describe('service areas at work', () => {
  test('overlapping areas: the nearest centre prices the pickup; a moved area prices from the next estimate on', async () => {
    // A small area 10 km north of the demo city's centre, inside its 40 km radius.
    const airport = { latitude: 40.7128 + 0.09, longitude: -74.006 };
    const created = await createCity(await staff('OPERATIONS'), cityInput({ name: 'Airport', center: airport, radiusMeters: 3_000 }));
    await priceEconomy(created.city!.id);
    expect((await estimate(airport)).estimate?.city).toBe('Airport');
    // Between the two centres but nearer the demo city's: Metro City's prices.
    expect((await estimate({ latitude: 40.7128 + 0.03, longitude: -74.006 })).estimate?.city).toBe('Metro City');
    // Outside the small area, inside the large one: Metro City.
    expect((await estimate({ latitude: airport.latitude + 0.04, longitude: airport.longitude })).estimate?.city).toBe('Metro City');

    // Moved away (to sea, far from everything): the same pickup is Metro City's again.
    await updateCity(await staff('OPERATIONS'), created.city!.id, { center: { latitude: 0, longitude: -30 } });
    expect((await estimate(airport)).estimate?.city).toBe('Metro City');
    expect(await estimate({ latitude: 0, longitude: -30 })).toMatchObject({ estimate: { city: 'Airport' } });
  });

  test('renamed, a city keeps its history in the operations summary under the new name; the old name gives zeros', async () => {
    const where = { latitude: 48.8566, longitude: 2.3522 };
    const created = await createCity(await staff('OPERATIONS'), cityInput({ name: 'Old Name', center: where, currency: 'EUR' }));
    await priceEconomy(created.city!.id);
    await requestTrip(h, where);
    await requestTrip(h, { latitude: where.latitude + 0.01, longitude: where.longitude });
    const range = { from: new Date(h.clock.now().getTime() - 3_600_000).toISOString(), to: new Date(h.clock.now().getTime() + 3_600_000).toISOString() };
    const ops = await staff('OPERATIONS');
    const summary = async (city: string) => {
      const result = await h.run<{ operationsSummary: { city: string; tripsRequested: number } }>(ops, SUMMARY, { ...range, city });
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      return result.data!.operationsSummary;
    };
    expect(await summary('Old Name')).toEqual({ city: 'Old Name', tripsRequested: 2 });

    await updateCity(ops, created.city!.id, { name: 'New Name' });
    expect(await summary('New Name')).toEqual({ city: 'New Name', tripsRequested: 2 });
    expect(await summary('Old Name')).toEqual({ city: 'Old Name', tripsRequested: 0 });
  });
});
