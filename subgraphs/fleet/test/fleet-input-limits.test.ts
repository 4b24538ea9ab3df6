// Input that is well-formed but makes no business sense is refused with exact codes: a driver profile for a
// made-up or staff account (and DRIVER_PROFILE_EXISTS never confirming another fleet's driver to a manager),
// implausible cash deposits, odometers going backwards per vehicle or jumping more than a shift can drive,
// check-ins far from every hub, and positions a car cannot have reached since the last one.
import { randomUUID } from 'node:crypto';
import { codes, createFleet, knownUser, startFleetHarness, type FleetHarness } from './support/fleet-harness.js';

let h: FleetHarness;
let clock = Date.UTC(2026, 11, 1, 12, 0, 0);

beforeAll(async () => {
  // Explicit limits, so the test does not depend on the defaults (documented in the README).
  h = await startFleetHarness({
    now: () => new Date(clock),
    config: { maxCashDepositMinor: 500_000, checkInRadiusMeters: 50_000, maxShiftKm: 2_000, maxTravelSpeedKph: 250 },
    locationRateLimit: { points: 1000, durationSeconds: 1 },
  });
});

afterAll(async () => {
  await h?.stop();
});

type UserErrors = { code: string; field: string[] | null }[];
type Payload = { driver: { id: string } | null; userErrors: UserErrors };

const CREATE = 'mutation ($input: CreateDriverProfileInput!) { createDriverProfile(input: $input) { driver { id } userErrors { code field } } }';
const ASSIGN = 'mutation ($driverId: ID!, $vehicleId: ID!) { assignVehicle(driverId: $driverId, vehicleId: $vehicleId) { userErrors { code } } }';
const CHECK_IN = 'mutation ($input: CheckInInput!) { checkIn(input: $input) { attendance { id } driver { status } userErrors { code field } } }';
const CHECK_OUT = 'mutation ($input: CheckOutInput!) { checkOut(input: $input) { attendance { id checkOutOdometerKm } userErrors { code field } } }';
const LOCATE = 'mutation ($lat: Float!, $lng: Float!) { updateDriverLocation(latitude: $lat, longitude: $lng) { recordedAt } }';
type ShiftPayload = { attendance: { id: string } | null; userErrors: UserErrors };

/** The fleet harness's hub is at 40.7128, -74.006 (New York). */
const nearHub = { latitude: 40.71, longitude: -74.0 };
const checkIn = (odometerKm: number, location = nearHub) => ({ input: { location, odometerKm, selfieUrl: 'https://cdn.example.com/s.jpg' } });
const checkOut = (odometerKm: number, amountMinor = 0) => ({ input: { odometerKm, cashDeposited: { amountMinor, currency: 'USD' } } });

describe('createDriverProfile checks the account', () => {
  const create = async (userId: string, fleetId: string, licenceNumber: string, headers?: { headers: Record<string, string> }) =>
    (await h.subgraph.execute<{ createDriverProfile: Payload }>(CREATE, { input: { userId, fleetId, licenceNumber } }, headers)).data!.createDriverProfile;

  test('a made-up user id is USER_NOT_FOUND and writes nothing', async () => {
    const { fleet } = await createFleet(h.prisma, { drivers: 0 });
    const userId = randomUUID();
    expect(await create(userId, fleet.id, 'NX-1001')).toEqual({ driver: null, userErrors: [{ code: 'USER_NOT_FOUND', field: ['input', 'userId'] }] });
    expect(await h.prisma.driver.count({ where: { userId } })).toBe(0);
  });

  test.each([['SUPER_ADMIN'], ['OPERATIONS'], ['FLEET_MANAGER']] as const)('a %s account is USER_NOT_ELIGIBLE', async (role) => {
    const { fleet } = await createFleet(h.prisma, { drivers: 0 });
    const userId = await knownUser(h.prisma, [role, 'RIDER']);
    expect(await create(userId, fleet.id, `ST-${role.slice(0, 4)}`)).toEqual({
      driver: null,
      userErrors: [{ code: 'USER_NOT_ELIGIBLE', field: ['input', 'userId'] }],
    });
    expect(await h.prisma.driver.count({ where: { userId } })).toBe(0);
  });

  test('a deactivated account is USER_NOT_ELIGIBLE', async () => {
    const { fleet } = await createFleet(h.prisma, { drivers: 0 });
    const userId = await knownUser(h.prisma, ['RIDER'], randomUUID(), false);
    expect(await create(userId, fleet.id, 'DX-1001')).toEqual({ driver: null, userErrors: [{ code: 'USER_NOT_ELIGIBLE', field: ['input', 'userId'] }] });
  });

  test('a rider becomes a driver (the product path); a roles change to staff after registration is honoured', async () => {
    const { fleet } = await createFleet(h.prisma, { drivers: 0 });
    const rider = await knownUser(h.prisma, ['RIDER']);
    expect((await create(rider, fleet.id, 'RD-2002')).userErrors).toEqual([]);
    const promoted = await knownUser(h.prisma, ['RIDER']);
    await h.prisma.knownUser.update({ where: { userId: promoted }, data: { roles: ['OPERATIONS'] } });
    expect((await create(promoted, fleet.id, 'RD-2003')).userErrors).toEqual([{ code: 'USER_NOT_ELIGIBLE', field: ['input', 'userId'] }]);
  });

  test("a fleet manager is told DRIVER_PROFILE_EXISTS only for their own fleet's driver; another fleet's looks like any ineligible user", async () => {
    const mine = await createFleet(h.prisma, { drivers: 0 });
    const other = await createFleet(h.prisma, { drivers: 0 });
    const manager = await h.as(randomUUID(), ['FLEET_MANAGER'], [mine.fleet.id]);
    const ownDriver = await knownUser(h.prisma);
    const foreignDriver = await knownUser(h.prisma);
    expect((await create(ownDriver, mine.fleet.id, 'FM-3001', manager)).userErrors).toEqual([]);
    expect((await create(foreignDriver, other.fleet.id, 'FM-3002')).userErrors).toEqual([]);

    expect((await create(ownDriver, mine.fleet.id, 'FM-3003', manager)).userErrors).toEqual([{ code: 'DRIVER_PROFILE_EXISTS', field: ['input', 'userId'] }]);
    const foreign = await create(foreignDriver, mine.fleet.id, 'FM-3004', manager);
    const staff = await create(await knownUser(h.prisma, ['OPERATIONS']), mine.fleet.id, 'FM-3005', manager);
    expect(foreign).toEqual({ driver: null, userErrors: [{ code: 'USER_NOT_ELIGIBLE', field: ['input', 'userId'] }] });
    // Same code and same words as a staff account: nothing tells the manager the user drives elsewhere.
    const messages = await Promise.all(
      [foreignDriver, await knownUser(h.prisma, ['SUPER_ADMIN'])].map(
        async (userId) =>
          (
            await h.subgraph.execute<{ createDriverProfile: { userErrors: { message: string }[] } }>(
              'mutation ($input: CreateDriverProfileInput!) { createDriverProfile(input: $input) { userErrors { message } } }',
              { input: { userId, fleetId: mine.fleet.id, licenceNumber: 'FM-3006' } },
              manager,
            )
          ).data!.createDriverProfile.userErrors[0]!.message,
      ),
    );
    expect(messages[0]).toBe(messages[1]);
    expect(staff.userErrors).toEqual(foreign.userErrors);
    // Operations see every fleet: they get the precise answer.
    expect((await create(foreignDriver, mine.fleet.id, 'FM-3007')).userErrors).toEqual([{ code: 'DRIVER_PROFILE_EXISTS', field: ['input', 'userId'] }]);
  });
});

describe('shift limits', () => {
  async function driverWithVehicle() {
    const created = await createFleet(h.prisma);
    const driver = created.drivers[0]!;
    await h.subgraph.execute(ASSIGN, { driverId: driver.id, vehicleId: created.vehicles[0]!.id });
    return { ...created, driver, headers: await h.as(driver.userId, ['DRIVER']) };
  }

  test('checkOut refuses a cash deposit above the limit (INT_MAX included) and stores nothing', async () => {
    const { driver, headers } = await driverWithVehicle();
    await h.subgraph.execute(CHECK_IN, checkIn(42_000), headers);
    for (const amountMinor of [500_001, 2_147_483_647]) {
      const refused = await h.subgraph.execute<{ checkOut: ShiftPayload }>(CHECK_OUT, checkOut(42_100, amountMinor), headers);
      expect(refused.data!.checkOut).toEqual({ attendance: null, userErrors: [{ code: 'INVALID_MONEY', field: ['input', 'cashDeposited'] }] });
    }
    expect(await h.prisma.attendance.count({ where: { driverId: driver.id, checkOutAt: { not: null } } })).toBe(0);
    const ok = await h.subgraph.execute<{ checkOut: ShiftPayload }>(CHECK_OUT, checkOut(42_100, 500_000), headers);
    expect(ok.data!.checkOut.userErrors).toEqual([]);
  });

  test("a vehicle's odometer only grows: a check-in below its last reading is refused, also for the next driver", async () => {
    const { driver, headers, vehicles, fleet } = await driverWithVehicle();
    await h.subgraph.execute(CHECK_IN, checkIn(42_000), headers);
    await h.subgraph.execute(CHECK_OUT, checkOut(42_100), headers);
    const backwards = await h.subgraph.execute<{ checkIn: ShiftPayload }>(CHECK_IN, checkIn(100), headers);
    expect(backwards.data!.checkIn).toEqual({ attendance: null, driver: null, userErrors: [{ code: 'INVALID_ODOMETER', field: ['input', 'odometerKm'] }] });
    expect(await h.prisma.attendance.count({ where: { driverId: driver.id, checkOutAt: null } })).toBe(0);
    expect((await h.prisma.vehicle.findUniqueOrThrow({ where: { id: vehicles[0]!.id } })).odometerKm).toBe(42_100);

    // The vehicle passes to another driver of the fleet: the reading belongs to the vehicle, not the driver.
    const assignment = await h.prisma.assignment.findFirstOrThrow({ where: { driverId: driver.id, endedAt: null } });
    await h.subgraph.execute('mutation ($id: ID!) { endAssignment(id: $id) { userErrors { code } } }', { id: assignment.id });
    const next = await h.prisma.driver.create({
      data: { userId: randomUUID(), fleetId: fleet.id, licenceNumber: `NX-${randomUUID().slice(0, 8)}`.toUpperCase() },
    });
    await h.subgraph.execute(ASSIGN, { driverId: next.id, vehicleId: vehicles[0]!.id });
    const nextHeaders = await h.as(next.userId, ['DRIVER']);
    expect((await h.subgraph.execute<{ checkIn: ShiftPayload }>(CHECK_IN, checkIn(42_099), nextHeaders)).data!.checkIn.userErrors).toEqual([
      { code: 'INVALID_ODOMETER', field: ['input', 'odometerKm'] },
    ]);
    expect((await h.subgraph.execute<{ checkIn: ShiftPayload }>(CHECK_IN, checkIn(42_100), nextHeaders)).data!.checkIn.userErrors).toEqual([]);
  });

  test('a check-out more than a shift can drive above the check-in reading is refused', async () => {
    const { headers, vehicles } = await driverWithVehicle();
    await h.subgraph.execute(CHECK_IN, checkIn(42_000), headers);
    const far = await h.subgraph.execute<{ checkOut: ShiftPayload }>(CHECK_OUT, checkOut(44_001), headers);
    expect(far.data!.checkOut).toEqual({ attendance: null, userErrors: [{ code: 'INVALID_ODOMETER', field: ['input', 'odometerKm'] }] });
    expect((await h.prisma.vehicle.findUniqueOrThrow({ where: { id: vehicles[0]!.id } })).odometerKm).toBe(42_000);
    expect(
      (await h.subgraph.execute<{ checkOut: { attendance: { checkOutOdometerKm: number } } }>(CHECK_OUT, checkOut(44_000), headers)).data!.checkOut.attendance
        .checkOutOdometerKm,
    ).toBe(44_000);
  });

  test('a check-in on another continent than every hub of the fleet is TOO_FAR_FROM_HUB', async () => {
    const { driver, headers } = await driverWithVehicle();
    const tokyo = { latitude: 35.6762, longitude: 139.6503 };
    const refused = await h.subgraph.execute<{ checkIn: ShiftPayload }>(CHECK_IN, checkIn(42_000, tokyo), headers);
    expect(refused.data!.checkIn).toEqual({ attendance: null, driver: null, userErrors: [{ code: 'TOO_FAR_FROM_HUB', field: ['input', 'location'] }] });
    // 60 km from the hub: beyond the 50 km radius.
    const outskirts = await h.subgraph.execute<{ checkIn: ShiftPayload }>(CHECK_IN, checkIn(42_000, { latitude: 41.25, longitude: -74.006 }), headers);
    expect(outskirts.data!.checkIn.userErrors).toEqual([{ code: 'TOO_FAR_FROM_HUB', field: ['input', 'location'] }]);
    expect(await h.prisma.attendance.count({ where: { driverId: driver.id } })).toBe(0);
    expect((await h.prisma.driver.findUniqueOrThrow({ where: { id: driver.id } })).status).toBe('OFFLINE');
  });
});

describe('location plausibility', () => {
  test('a jump farther than a car can drive since the last position is BAD_USER_INPUT and not stored; a plausible one passes', async () => {
    const { drivers } = await createFleet(h.prisma);
    const driver = drivers[0]!;
    const headers = await h.as(driver.userId, ['DRIVER']);
    const locate = (lat: number, lng: number) => h.subgraph.execute<{ updateDriverLocation: { recordedAt: string } }>(LOCATE, { lat, lng }, headers);

    expect((await locate(40.71, -74.0)).errors).toBeUndefined();
    clock += 10_000; // 10 s later: New York → Tokyo
    const teleport = await locate(35.6762, 139.6503);
    expect(codes(teleport.errors)).toEqual(['BAD_USER_INPUT']);
    expect(teleport.errors![0]!.extensions).toMatchObject({ field: 'latitude' });
    expect((await h.prisma.driver.findUniqueOrThrow({ where: { id: driver.id } })).latitude).toBe(40.71);

    // 4 km a second later (a network fix before GPS locks) is fine; 8 km is not; New York → Boston (305 km) after two
    // hours on the highway is.
    clock += 1_000;
    expect((await locate(40.746, -74.0)).errors).toBeUndefined();
    clock += 1_000;
    expect(codes((await locate(40.818, -74.0)).errors)).toEqual(['BAD_USER_INPUT']);
    clock += 2 * 3_600_000;
    expect((await locate(42.36, -71.06)).errors).toBeUndefined();
  });
});
