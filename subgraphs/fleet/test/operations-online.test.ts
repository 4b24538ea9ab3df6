// fleet's part of the operations summary (OperationsSummary by its id): drivers online, their online hours (shifts
// cut to the range, breaks taken off, open shifts and breaks lasting until now) and utilisation from trips' hours on
// trip, in one aggregate statement; the viewer checked again (a fleet manager forging another fleet's id is refused).
import { randomUUID } from 'node:crypto';
import { encodeSummaryId, SUMMARY_STATEMENT_TIMEOUT_MS } from '../../../platform/operations-summary/index.js';
import { ENTITIES_QUERY } from '../../../platform/testing/index.js';
import { createOperationsOnlineService } from '../src/services/operations-online.js';
import type { FleetStore } from '../src/store/store.js';
import { codes, createFleet, startFleetHarness, type CreatedFleet, type FleetHarness } from './support/fleet-harness.js';

/** The fleet's clock: a day after the shifts' day. */
const NOW = new Date('2026-03-02T00:00:00.000Z');
const at = (iso: string) => new Date(`2026-${iso}:00.000Z`);
/** The range of most tests: 08:00 to 20:00 on 1 March. */
const DAY = { from: at('03-01T08:00'), to: at('03-01T20:00') };
/** 19:00 on 1 March to midnight on 3 March, across `NOW`: open shifts and breaks count up to NOW, not to `to`. */
const ACROSS_NOW = { from: at('03-01T19:00'), to: at('03-03T00:00') };

let h: FleetHarness;
let a: CreatedFleet;
let b: CreatedFleet;

async function shift(fleet: CreatedFleet, driver: number, checkIn: Date, checkOut: Date | null, breaks: [Date, Date | null][] = []) {
  const { id: driverId } = fleet.drivers[driver]!;
  const attendance = await h.prisma.attendance.create({
    data: {
      driverId,
      fleetId: fleet.fleet.id,
      openDriverId: checkOut === null ? driverId : null,
      checkInLatitude: 40.7,
      checkInLongitude: -74,
      checkInOdometerKm: 1000,
      selfieUrl: 'https://example.com/selfie.jpg',
      createdAt: checkIn,
      checkOutAt: checkOut,
    },
  });
  for (const [startedAt, endedAt] of breaks) {
    await h.prisma.break.create({ data: { attendanceId: attendance.id, startedAt, endedAt, openAttendanceId: endedAt === null ? attendance.id : null } });
  }
}

beforeAll(async () => {
  h = await startFleetHarness({ now: () => NOW });
  a = await createFleet(h.prisma, { drivers: 4 });
  b = await createFleet(h.prisma, { drivers: 2 });
  await h.prisma.fleet.update({ where: { id: b.fleet.id }, data: { city: 'Other Town' } });
  // Fleet a ("Metro City"). Driver 0: across `from`, a break before it (ignored) and one inside (15 min); a second
  // shift inside (1 h). In DAY: 2 h - 0.25 h + 1 h = 2.75 h.
  await shift(a, 0, at('03-01T06:00'), at('03-01T10:00'), [
    [at('03-01T07:00'), at('03-01T07:30')],
    [at('03-01T09:00'), at('03-01T09:15')],
  ]);
  await shift(a, 0, at('03-01T12:00'), at('03-01T13:00'));
  // Driver 1: across `to`, a break across `to` too. DAY: 1 h - 0.5 h = 0.5 h. ACROSS_NOW: 4 h - 1.5 h = 2.5 h.
  await shift(a, 1, at('03-01T19:00'), at('03-01T23:00'), [[at('03-01T19:30'), at('03-01T21:00')]]);
  // Driver 2: still on shift (open), a closed break. DAY: 2 h - 0.5 h = 1.5 h. ACROSS_NOW: 19:00 → NOW = 5 h - 0.5 h = 4.5 h.
  await shift(a, 2, at('03-01T18:00'), null, [[at('03-01T19:00'), at('03-01T19:30')]]);
  // Driver 3: the day before: in neither range.
  await shift(a, 3, at('02-28T10:00'), at('02-28T18:00'));
  // Fleet b ("Other Town"). Driver 0: inside DAY, 2 h. Driver 1: open shift with an open break since 23:00.
  // DAY: 19:00 → 20:00 = 1 h (the break starts after). ACROSS_NOW: 5 h - 1 h (23:00 → NOW) = 4 h.
  await shift(b, 0, at('03-01T10:00'), at('03-01T12:00'));
  await shift(b, 1, at('03-01T19:00'), null, [[at('03-01T23:00'), null]]);
}, 60_000);

afterAll(async () => {
  await h?.stop();
});

type Online = { driversOnline: number; driverHoursOnline: number; utilisation: number | null };
const ONLINE = ENTITIES_QUERY('... on OperationsSummary { driversOnline driverHoursOnline utilisation }');

async function online(
  key: { from: Date; to: Date; fleetId?: string | null; city?: string | null },
  options: { hoursOnTrip?: number; headers?: Record<string, string>; id?: string } = {},
) {
  const representation = { __typename: 'OperationsSummary', id: options.id ?? encodeSummaryId(key), driverHoursOnTrip: options.hoursOnTrip ?? 0 };
  return h.subgraph.execute<{ _entities: Online[] }>(ONLINE, { representations: [representation] }, options.headers ? { headers: options.headers } : {});
}

async function onlineData(key: Parameters<typeof online>[0], options: Parameters<typeof online>[1] = {}): Promise<Online> {
  const result = await online(key, options);
  expect(result.errors).toBeUndefined();
  return result.data!._entities[0]!;
}

test('drivers online and online hours: shifts cut to the range, breaks off, open shifts up to the clock, per scope', async () => {
  expect(await onlineData(DAY, { hoursOnTrip: 3.875 })).toEqual({ driversOnline: 5, driverHoursOnline: 7.75, utilisation: 0.5 });
  expect(await onlineData({ ...DAY, fleetId: a.fleet.id }, { hoursOnTrip: 2.375 })).toEqual({ driversOnline: 3, driverHoursOnline: 4.75, utilisation: 0.5 });
  expect(await onlineData({ ...DAY, fleetId: b.fleet.id }, { hoursOnTrip: 1.5 })).toEqual({ driversOnline: 2, driverHoursOnline: 3, utilisation: 0.5 });
  // City scope: the fleets in that city.
  expect(await onlineData({ ...DAY, city: 'Other Town' })).toEqual({ driversOnline: 2, driverHoursOnline: 3, utilisation: 0 });
  expect(await onlineData({ ...DAY, city: 'Metro City', fleetId: b.fleet.id })).toEqual({ driversOnline: 0, driverHoursOnline: 0, utilisation: null });
  // Across the clock: the open shifts (and the open break) end at NOW, not at `to`.
  expect(await onlineData(ACROSS_NOW)).toEqual({ driversOnline: 3, driverHoursOnline: 11, utilisation: 0 });
  expect(await onlineData({ ...ACROSS_NOW, fleetId: a.fleet.id })).toEqual({ driversOnline: 2, driverHoursOnline: 7, utilisation: 0 });
  // Nobody on shift: zeros, and no utilisation without online hours.
  expect(await onlineData({ from: at('02-27T00:00'), to: at('02-28T00:00') }, { hoursOnTrip: 1 })).toEqual({
    driversOnline: 0,
    driverHoursOnline: 0,
    utilisation: null,
  });
});

test('one aggregate statement per summary', async () => {
  h.statements.length = 0;
  await onlineData(DAY);
  expect(h.statements.filter((sql) => /^\s*(with|select)\b/i.test(sql))).toHaveLength(1);
});

test('a fleet manager: their fleets without fleetId; a forged id naming another fleet is FORBIDDEN', async () => {
  const manager = (await h.as(randomUUID(), ['FLEET_MANAGER'], [a.fleet.id])).headers;
  expect(await onlineData(DAY, { headers: manager, hoursOnTrip: 2.375 })).toEqual({ driversOnline: 3, driverHoursOnline: 4.75, utilisation: 0.5 });
  const forged = await online({ ...DAY, fleetId: b.fleet.id }, { headers: manager });
  expect(codes(forged.errors)).toEqual(['FORBIDDEN']);
  expect(forged.data?._entities?.[0] ?? null).toBeNull();
  const driver = (await h.as(randomUUID(), ['DRIVER'])).headers;
  expect(codes((await online(DAY, { headers: driver })).errors)).toEqual(['FORBIDDEN']);
});

test('a malformed id, or one whose range breaks the rules, is BAD_USER_INPUT', async () => {
  for (const id of [
    'nope',
    'ops1.!!',
    `ops1.${Buffer.from('[1,2]').toString('base64url')}`,
    `ops1.${Buffer.from('["2026-03-01",null,null,null]').toString('base64url')}`,
  ]) {
    const result = await online(DAY, { id });
    expect(result.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['BAD_USER_INPUT', 'id']]);
  }
  const backwards = await online({ from: DAY.to, to: DAY.from });
  expect(result(backwards)).toEqual([['BAD_USER_INPUT', 'to']]);
  const badFleet = await online({ ...DAY, fleetId: 'not-a-uuid' });
  expect(result(badFleet)).toEqual([['BAD_USER_INPUT', 'fleetId']]);
});

const result = (r: Awaited<ReturnType<typeof online>>) => r.errors?.map((e) => [e.extensions?.code, e.extensions?.field]);

test('a statement PostgreSQL cancels at the summaries’ time limit is QUERY_TIMEOUT; JIT off and the limit set first', async () => {
  const viewer = { userId: randomUUID(), roles: ['OPERATIONS'], sessionId: randomUUID(), fleetIds: [], expiresAt: new Date(Date.now() + 60_000) } as const;
  const applied: string[] = [];
  // What Prisma reports when PostgreSQL cancels the aggregate (SQLSTATE 57014).
  const timedOut = new Error('Raw query failed. Code: `57014`. Message: `canceling statement due to statement timeout`');
  const store = {
    transaction: async (work: (stores: unknown) => Promise<unknown>) =>
      work({ shiftSummary: { applySettings: async (s: string[]) => void applied.push(...s), onlineTotals: async () => Promise.reject(timedOut) } }),
  } as unknown as FleetStore;
  const service = createOperationsOnlineService({ store, now: () => NOW });
  await expect(service.online(viewer, encodeSummaryId(DAY))).rejects.toMatchObject({ extensions: { code: 'QUERY_TIMEOUT' } });
  expect(applied).toEqual(['set local jit = off', `set local statement_timeout = ${SUMMARY_STATEMENT_TIMEOUT_MS}`]);
});
