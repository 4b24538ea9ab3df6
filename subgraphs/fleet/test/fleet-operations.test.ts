// fleet's operations in-process on real PostgreSQL: the dashboard's writes (hubs, vehicles, driver profiles),
// driver–vehicle assignments (database-enforced: one active per driver and per vehicle, raced), shifts (check-in,
// breaks, check-out, review; a double check-in raced), the outbox rows written with each status change, the ops
// lists with their filters and fleet scoping, and SQL statement counts that do not grow with the page size.
import { randomUUID } from 'node:crypto';
import { ENTITIES_QUERY } from '../../../platform/testing/index.js';
import { codes, createFleet, knownUser, startFleetHarness, type FleetHarness } from './support/fleet-harness.js';

let h: FleetHarness;

beforeAll(async () => {
  h = await startFleetHarness();
});

afterAll(async () => {
  await h?.stop();
});

type UserErrors = { code: string; field: string[] | null }[];

const statusEvents = (driverId: string) =>
  h.prisma.outboxEvent.findMany({
    where: { type: 'driver.status.changed', payload: { path: ['driverId'], equals: driverId } },
    orderBy: { occurredAt: 'asc' },
  });

const ASSIGN = `mutation ($driverId: ID!, $vehicleId: ID!) {
  assignVehicle(driverId: $driverId, vehicleId: $vehicleId) { assignment { id active driver { id status vehicle { id } } vehicle { id } } userErrors { code field } }
}`;
const END = 'mutation ($id: ID!) { endAssignment(id: $id) { assignment { id active endedAt } userErrors { code field } } }';
type AssignData = {
  assignVehicle: {
    assignment: { id: string; active: boolean; driver: { id: string; status: string; vehicle: { id: string } | null } } | null;
    userErrors: UserErrors;
  };
};

const CHECK_IN = `mutation ($input: CheckInInput!) {
  checkIn(input: $input) { attendance { id checkInOdometerKm vehicle { id } onBreak } driver { id status } userErrors { code field } }
}`;
const CHECK_OUT = `mutation ($input: CheckOutInput!) {
  checkOut(input: $input) { attendance { id checkedOutAt checkOutOdometerKm cashDeposited { amountMinor currency } breaks { startedAt endedAt } approval } driver { status } userErrors { code field } }
}`;
const REVIEW = `mutation ($input: ReviewAttendanceInput!) {
  reviewAttendance(input: $input) { attendance { id approval reviewNote reviewedBy { id } } userErrors { code field } }
}`;
const checkInInput = (odometerKm = 1000) => ({
  input: { location: { latitude: 40.71, longitude: -74.0 }, odometerKm, selfieUrl: 'https://cdn.example.com/selfie.jpg' },
});
const checkOutInput = (odometerKm = 1100) => ({ input: { odometerKm, cashDeposited: { amountMinor: 4250, currency: 'USD' } } });
type ShiftData = { checkIn: { attendance: { id: string } | null; driver: { status: string } | null; userErrors: UserErrors } };

describe('hubs, vehicles and driver profiles', () => {
  test('operations create a hub and a vehicle; invalid input comes back as userErrors and writes nothing', async () => {
    const { fleet, hub } = await createFleet(h.prisma);
    const createdHub = await h.subgraph.execute<{
      createHub: { hub: { id: string; name: string; location: unknown; fleet: { id: string } }; userErrors: UserErrors };
    }>(
      'mutation ($input: CreateHubInput!) { createHub(input: $input) { hub { id name location { latitude longitude } fleet { id } } userErrors { code field } } }',
      { input: { fleetId: fleet.id, name: ' East Hub ', location: { latitude: 40.75, longitude: -73.95 } } },
    );
    expect(createdHub.errors).toBeUndefined();
    expect(createdHub.data!.createHub).toMatchObject({
      hub: { name: 'East Hub', location: { latitude: 40.75, longitude: -73.95 }, fleet: { id: fleet.id } },
      userErrors: [],
    });

    const CREATE =
      'mutation ($input: CreateVehicleInput!) { createVehicle(input: $input) { vehicle { id plate status category homeHub { id } } userErrors { code field } } }';
    const input = { fleetId: fleet.id, plate: ' mc-9 001 ', make: 'Skoda', model: 'Superb', year: 2024, category: 'COMFORT', homeHubId: hub.id };
    const created = await h.subgraph.execute<{ createVehicle: { vehicle: { id: string; plate: string } | null; userErrors: UserErrors } }>(CREATE, { input });
    expect(created.data!.createVehicle).toMatchObject({
      vehicle: { plate: 'MC-9 001', status: 'ACTIVE', category: 'COMFORT', homeHub: { id: hub.id } },
      userErrors: [],
    });

    const again = await h.subgraph.execute<{ createVehicle: { vehicle: null; userErrors: UserErrors } }>(CREATE, { input: { ...input, plate: 'MC-9 001' } });
    expect(again.data!.createVehicle).toEqual({ vehicle: null, userErrors: [{ code: 'PLATE_TAKEN', field: ['input', 'plate'] }] });
    const bad = await h.subgraph.execute<{ createVehicle: { vehicle: null; userErrors: UserErrors } }>(CREATE, {
      input: { ...input, plate: '!', year: 1901, make: '', homeHubId: randomUUID() },
    });
    expect(bad.data!.createVehicle.userErrors.map((e) => e.code)).toEqual(['INVALID_PLATE', 'INVALID_TEXT', 'INVALID_YEAR']);
    const foreignHub = await h.subgraph.execute<{ createVehicle: { userErrors: UserErrors } }>(CREATE, {
      input: { ...input, plate: 'MC-9 002', homeHubId: (await createFleet(h.prisma)).hub.id },
    });
    expect(foreignHub.data!.createVehicle.userErrors).toEqual([{ code: 'HUB_NOT_FOUND', field: ['input', 'homeHubId'] }]);
    expect(await h.prisma.vehicle.count({ where: { fleetId: fleet.id } })).toBe(2);
  });

  test('a fleet manager creates and changes only in their fleet; other fleets look unknown', async () => {
    const mine = await createFleet(h.prisma);
    const other = await createFleet(h.prisma);
    const manager = await h.as(randomUUID(), ['FLEET_MANAGER'], [mine.fleet.id]);
    const hub = (fleetId: string) =>
      h.subgraph.execute<{ createHub: { hub: { id: string } | null; userErrors: UserErrors } }>(
        'mutation ($input: CreateHubInput!) { createHub(input: $input) { hub { id } userErrors { code field } } }',
        { input: { fleetId, name: 'Depot', location: { latitude: 1, longitude: 1 } } },
        manager,
      );
    expect((await hub(mine.fleet.id)).data!.createHub.userErrors).toEqual([]);
    expect((await hub(other.fleet.id)).data!.createHub).toEqual({ hub: null, userErrors: [{ code: 'FLEET_NOT_FOUND', field: ['input', 'fleetId'] }] });

    const UPDATE = 'mutation ($input: UpdateVehicleInput!) { updateVehicle(input: $input) { vehicle { id status homeHub { id } } userErrors { code field } } }';
    const own = await h.subgraph.execute<{ updateVehicle: { vehicle: { status: string; homeHub: null }; userErrors: UserErrors } }>(
      UPDATE,
      { input: { id: mine.vehicles[0]!.id, status: 'MAINTENANCE', homeHubId: null } },
      manager,
    );
    expect(own.data!.updateVehicle).toEqual({ vehicle: { id: mine.vehicles[0]!.id, status: 'MAINTENANCE', homeHub: null }, userErrors: [] });
    const foreign = await h.subgraph.execute<{ updateVehicle: { vehicle: null; userErrors: UserErrors } }>(
      UPDATE,
      { input: { id: other.vehicles[0]!.id, status: 'RETIRED' } },
      manager,
    );
    expect(foreign.data!.updateVehicle).toEqual({ vehicle: null, userErrors: [{ code: 'VEHICLE_NOT_FOUND', field: ['input', 'id'] }] });
    expect((await h.prisma.vehicle.findUniqueOrThrow({ where: { id: other.vehicles[0]!.id } })).status).toBe('ACTIVE');
    const malformed = await h.subgraph.execute<{ updateVehicle: { userErrors: UserErrors } }>(UPDATE, { input: { id: 'nope', status: 'RETIRED' } }, manager);
    expect(malformed.data!.updateVehicle.userErrors).toEqual([{ code: 'VEHICLE_NOT_FOUND', field: ['input', 'id'] }]);
  });

  test('createDriverProfile makes an OFFLINE driver and its first driver.status.changed event; duplicates are userErrors', async () => {
    const { fleet } = await createFleet(h.prisma, { drivers: 0 });
    const userId = await knownUser(h.prisma);
    const CREATE =
      'mutation ($input: CreateDriverProfileInput!) { createDriverProfile(input: $input) { driver { id status licenceNumber user { id } fleet { id } } userErrors { code field } } }';
    const created = await h.subgraph.execute<{ createDriverProfile: { driver: { id: string } | null; userErrors: UserErrors } }>(CREATE, {
      input: { userId, fleetId: fleet.id, licenceNumber: 'dl-4455-x' },
    });
    expect(created.errors).toBeUndefined();
    const driver = created.data!.createDriverProfile.driver!;
    expect(created.data!.createDriverProfile).toEqual({
      driver: { id: driver.id, status: 'OFFLINE', licenceNumber: 'DL-4455-X', user: { id: userId }, fleet: { id: fleet.id } },
      userErrors: [],
    });
    const events = await statusEvents(driver.id);
    expect(events.map((e) => e.payload)).toEqual([
      expect.objectContaining({
        driverId: driver.id,
        userId,
        fleetId: fleet.id,
        status: 'OFFLINE',
        vehicleId: null,
        category: null,
        position: null,
        version: 1,
      }),
    ]);

    const twice = await h.subgraph.execute<{ createDriverProfile: { userErrors: UserErrors } }>(CREATE, {
      input: { userId, fleetId: fleet.id, licenceNumber: 'DL-0000-1' },
    });
    expect(twice.data!.createDriverProfile.userErrors).toEqual([{ code: 'DRIVER_PROFILE_EXISTS', field: ['input', 'userId'] }]);
    const licence = await h.subgraph.execute<{ createDriverProfile: { userErrors: UserErrors } }>(CREATE, {
      input: { userId: await knownUser(h.prisma), fleetId: fleet.id, licenceNumber: 'DL-4455-X' },
    });
    expect(licence.data!.createDriverProfile.userErrors).toEqual([{ code: 'LICENCE_TAKEN', field: ['input', 'licenceNumber'] }]);
    const invalid = await h.subgraph.execute<{ createDriverProfile: { userErrors: UserErrors } }>(CREATE, {
      input: { userId: 'user-1', fleetId: fleet.id, licenceNumber: '?' },
    });
    expect(invalid.data!.createDriverProfile.userErrors.map((e) => e.code)).toEqual(['INVALID_USER_ID', 'INVALID_LICENCE']);
  });
});

describe('assignments', () => {
  test('assigns an ACTIVE vehicle of the driver fleet once; ending it frees both; history is listed newest first', async () => {
    const { fleet, vehicles, drivers } = await createFleet(h.prisma, { drivers: 2, vehicles: 2 });
    const [ada, bo] = [drivers[0]!, drivers[1]!];
    const first = await h.subgraph.execute<AssignData>(ASSIGN, { driverId: ada.id, vehicleId: vehicles[0]!.id });
    expect(first.errors).toBeUndefined();
    const assignment = first.data!.assignVehicle.assignment!;
    // Not on shift: the driver stays OFFLINE with the vehicle.
    expect(assignment).toMatchObject({ active: true, driver: { id: ada.id, status: 'OFFLINE', vehicle: { id: vehicles[0]!.id } } });
    expect((await statusEvents(ada.id)).map((e) => e.payload as { vehicleId: string; category: string; version: number })).toEqual([
      expect.objectContaining({ vehicleId: vehicles[0]!.id, category: 'ECONOMY', version: 1 }),
    ]);

    // Either side already holding an active assignment is a CONFLICT; nothing is written.
    expect(codes((await h.subgraph.execute(ASSIGN, { driverId: ada.id, vehicleId: vehicles[1]!.id })).errors)).toEqual(['CONFLICT']);
    expect(codes((await h.subgraph.execute(ASSIGN, { driverId: bo.id, vehicleId: vehicles[0]!.id })).errors)).toEqual(['CONFLICT']);
    expect(await h.prisma.assignment.count({ where: { fleetId: fleet.id } })).toBe(1);
    expect(await statusEvents(bo.id)).toHaveLength(0);

    // A vehicle in use cannot leave service.
    const out = await h.subgraph.execute<{ updateVehicle: { userErrors: UserErrors } }>(
      'mutation ($input: UpdateVehicleInput!) { updateVehicle(input: $input) { vehicle { id } userErrors { code field } } }',
      { input: { id: vehicles[0]!.id, status: 'MAINTENANCE' } },
    );
    expect(out.data!.updateVehicle.userErrors).toEqual([{ code: 'VEHICLE_ASSIGNED', field: ['input', 'status'] }]);

    const ended = await h.subgraph.execute<{ endAssignment: { assignment: { active: boolean; endedAt: string } } }>(END, { id: assignment.id });
    expect(ended.data!.endAssignment.assignment).toMatchObject({ active: false });
    expect(codes((await h.subgraph.execute(END, { id: assignment.id })).errors)).toEqual(['ILLEGAL_STATE_TRANSITION']);
    const reassigned = await h.subgraph.execute<AssignData>(ASSIGN, { driverId: bo.id, vehicleId: vehicles[0]!.id });
    expect(reassigned.data!.assignVehicle.userErrors).toEqual([]);

    const history = await h.subgraph.execute<{ assignments: { edges: { node: { active: boolean; driver: { id: string } } }[] } }>(
      'query ($vehicleId: ID) { assignments(vehicleId: $vehicleId) { edges { node { active driver { id } } } } }',
      { vehicleId: vehicles[0]!.id },
    );
    expect(history.data!.assignments.edges.map((e) => e.node)).toEqual([
      { active: true, driver: { id: bo.id } },
      { active: false, driver: { id: ada.id } },
    ]);
    const activeOnly = await h.subgraph.execute<{ assignments: { edges: unknown[] } }>(
      'query ($driverId: ID) { assignments(driverId: $driverId, active: true) { edges { node { id } } } }',
      { driverId: ada.id },
    );
    expect(activeOnly.data!.assignments.edges).toEqual([]);
  });

  test('refuses vehicles out of service, of another fleet, and ids the viewer does not manage', async () => {
    const mine = await createFleet(h.prisma, { drivers: 1, vehicles: 2 });
    const other = await createFleet(h.prisma);
    await h.prisma.vehicle.update({ where: { id: mine.vehicles[1]!.id }, data: { status: 'RETIRED' } });
    const errorsOf = async (driverId: string, vehicleId: string, options?: { headers: Record<string, string> }) =>
      (await h.subgraph.execute<AssignData>(ASSIGN, { driverId, vehicleId }, options)).data!.assignVehicle.userErrors;
    expect(await errorsOf(mine.drivers[0]!.id, mine.vehicles[1]!.id)).toEqual([{ code: 'VEHICLE_NOT_ACTIVE', field: ['vehicleId'] }]);
    expect(await errorsOf(mine.drivers[0]!.id, other.vehicles[0]!.id)).toEqual([{ code: 'FLEET_MISMATCH', field: ['vehicleId'] }]);
    expect(await errorsOf(randomUUID(), mine.vehicles[0]!.id)).toEqual([{ code: 'DRIVER_NOT_FOUND', field: ['driverId'] }]);
    expect(await errorsOf(mine.drivers[0]!.id, 'x')).toEqual([{ code: 'VEHICLE_NOT_FOUND', field: ['vehicleId'] }]);
    const manager = await h.as(randomUUID(), ['FLEET_MANAGER'], [mine.fleet.id]);
    expect(await errorsOf(other.drivers[0]!.id, other.vehicles[0]!.id, manager)).toEqual([{ code: 'DRIVER_NOT_FOUND', field: ['driverId'] }]);
    expect(await errorsOf(mine.drivers[0]!.id, other.vehicles[0]!.id, manager)).toEqual([{ code: 'VEHICLE_NOT_FOUND', field: ['vehicleId'] }]);
    expect(await h.prisma.assignment.count({ where: { fleetId: { in: [mine.fleet.id, other.fleet.id] } } })).toBe(0);
    // A manager of the driver's fleet may assign.
    expect(await errorsOf(mine.drivers[0]!.id, mine.vehicles[0]!.id, manager)).toEqual([]);
  });

  test('two drivers racing for one vehicle: exactly one assignment wins, the other gets CONFLICT', async () => {
    for (let round = 0; round < 3; round++) {
      const { vehicles, drivers } = await createFleet(h.prisma, { drivers: 2 });
      const results = await Promise.all(drivers.map((d) => h.subgraph.execute<AssignData>(ASSIGN, { driverId: d.id, vehicleId: vehicles[0]!.id })));
      const won = results.filter((r) => r.data?.assignVehicle.assignment);
      expect(won).toHaveLength(1);
      expect(results.flatMap((r) => codes(r.errors) ?? [])).toEqual(['CONFLICT']);
      expect(await h.prisma.assignment.count({ where: { vehicleId: vehicles[0]!.id } })).toBe(1);
    }
  });

  test('the slot columns themselves refuse a second active assignment (the rule holds without the service)', async () => {
    const { fleet, vehicles, drivers } = await createFleet(h.prisma, { drivers: 2 });
    const row = (driverId: string) => ({ driverId, vehicleId: vehicles[0]!.id, fleetId: fleet.id, activeDriverId: driverId, activeVehicleId: vehicles[0]!.id });
    await h.prisma.assignment.create({ data: row(drivers[0]!.id) });
    await expect(h.prisma.assignment.create({ data: row(drivers[1]!.id) })).rejects.toMatchObject({ code: 'P2002' });
  });
});

describe('shifts', () => {
  async function driverWithVehicle() {
    const created = await createFleet(h.prisma);
    const driver = created.drivers[0]!;
    await h.subgraph.execute(ASSIGN, { driverId: driver.id, vehicleId: created.vehicles[0]!.id });
    return { ...created, driver, headers: await h.as(driver.userId, ['DRIVER']) };
  }

  test('check-in → AVAILABLE with a vehicle; break → ON_BREAK and back; check-out → OFFLINE; events follow every change', async () => {
    const { driver, headers, vehicles } = await driverWithVehicle();
    const checkedIn = await h.subgraph.execute<ShiftData>(CHECK_IN, checkInInput(1000), headers);
    expect(checkedIn.errors).toBeUndefined();
    expect(checkedIn.data!.checkIn).toMatchObject({
      attendance: { checkInOdometerKm: 1000, vehicle: { id: vehicles[0]!.id }, onBreak: false },
      driver: { status: 'AVAILABLE' },
      userErrors: [],
    });

    const started = await h.subgraph.execute<{ startBreak: { driver: { status: string }; attendance: { onBreak: boolean } } }>(
      'mutation { startBreak { driver { status } attendance { onBreak } } }',
      undefined,
      headers,
    );
    expect(started.data!.startBreak).toEqual({ driver: { status: 'ON_BREAK' }, attendance: { onBreak: true } });
    expect(codes((await h.subgraph.execute('mutation { startBreak { driver { status } } }', undefined, headers)).errors)).toEqual(['ILLEGAL_STATE_TRANSITION']);
    const ended = await h.subgraph.execute<{ endBreak: { driver: { status: string } } }>('mutation { endBreak { driver { status } } }', undefined, headers);
    expect(ended.data!.endBreak.driver.status).toBe('AVAILABLE');
    expect(codes((await h.subgraph.execute('mutation { endBreak { driver { status } } }', undefined, headers)).errors)).toEqual(['ILLEGAL_STATE_TRANSITION']);

    // Self-service: the driver reads their profile, assignment and open shift.
    const me = await h.subgraph.execute<{
      _entities: { driverProfile: { status: string; currentAssignment: { vehicle: { id: string } }; openAttendance: { id: string; breaks: unknown[] } } }[];
    }>(
      ENTITIES_QUERY('... on User { driverProfile { status currentAssignment { vehicle { id } } openAttendance { id breaks { startedAt endedAt } } } }'),
      { representations: [{ __typename: 'User', id: driver.userId }] },
      headers,
    );
    expect(me.errors).toBeUndefined();
    expect(me.data!._entities[0]!.driverProfile).toMatchObject({
      status: 'AVAILABLE',
      currentAssignment: { vehicle: { id: vehicles[0]!.id } },
      openAttendance: { id: checkedIn.data!.checkIn.attendance!.id },
    });
    expect(me.data!._entities[0]!.driverProfile.openAttendance.breaks).toHaveLength(1);

    const below = await h.subgraph.execute<{ checkOut: { attendance: null; userErrors: UserErrors } }>(CHECK_OUT, checkOutInput(999), headers);
    expect(below.data!.checkOut).toMatchObject({ attendance: null, userErrors: [{ code: 'INVALID_ODOMETER', field: ['input', 'odometerKm'] }] });
    const badCash = await h.subgraph.execute<{ checkOut: { userErrors: UserErrors } }>(
      CHECK_OUT,
      { input: { odometerKm: 1100, cashDeposited: { amountMinor: -1, currency: 'usd' } } },
      headers,
    );
    expect(badCash.data!.checkOut.userErrors).toEqual([{ code: 'INVALID_MONEY', field: ['input', 'cashDeposited'] }]);

    const out = await h.subgraph.execute<{
      checkOut: { attendance: { checkOutOdometerKm: number; cashDeposited: unknown; approval: string }; driver: { status: string } };
    }>(CHECK_OUT, checkOutInput(1100), headers);
    expect(out.errors).toBeUndefined();
    expect(out.data!.checkOut).toMatchObject({
      attendance: { checkOutOdometerKm: 1100, cashDeposited: { amountMinor: 4250, currency: 'USD' }, approval: 'PENDING' },
      driver: { status: 'OFFLINE' },
    });
    expect(codes((await h.subgraph.execute(CHECK_OUT, checkOutInput(1200), headers)).errors)).toEqual(['ILLEGAL_STATE_TRANSITION']);

    const events = (await statusEvents(driver.id)).map((e) => e.payload as { status: string; version: number });
    expect(events.map((e) => [e.status, e.version])).toEqual([
      ['OFFLINE', 1],
      ['AVAILABLE', 2],
      ['ON_BREAK', 3],
      ['AVAILABLE', 4],
      ['OFFLINE', 5],
    ]);
    expect((await h.prisma.driver.findUniqueOrThrow({ where: { id: driver.id } })).version).toBe(5);
  });

  test('without a vehicle a checked-in driver stays OFFLINE until one is assigned', async () => {
    const { drivers, vehicles } = await createFleet(h.prisma);
    const headers = await h.as(drivers[0]!.userId, ['DRIVER']);
    const checkedIn = await h.subgraph.execute<ShiftData>(CHECK_IN, checkInInput(), headers);
    expect(checkedIn.data!.checkIn.driver).toEqual({ id: drivers[0]!.id, status: 'OFFLINE' });
    const assigned = await h.subgraph.execute<AssignData>(ASSIGN, { driverId: drivers[0]!.id, vehicleId: vehicles[0]!.id });
    expect(assigned.data!.assignVehicle.assignment!.driver.status).toBe('AVAILABLE');
    const ended = await h.subgraph.execute<{ endAssignment: { assignment: { id: string } } }>(END, { id: assigned.data!.assignVehicle.assignment!.id });
    expect(ended.errors).toBeUndefined();
    expect((await h.prisma.driver.findUniqueOrThrow({ where: { id: drivers[0]!.id } })).status).toBe('OFFLINE');
  });

  test('no check-out, break or end of assignment while ON_TRIP; no change is written', async () => {
    const { driver, headers } = await driverWithVehicle();
    await h.subgraph.execute(CHECK_IN, checkInInput(), headers);
    await h.prisma.driver.update({ where: { id: driver.id }, data: { status: 'ON_TRIP' } });
    const before = await h.prisma.outboxEvent.count();
    expect(codes((await h.subgraph.execute(CHECK_OUT, checkOutInput(), headers)).errors)).toEqual(['ILLEGAL_STATE_TRANSITION']);
    const refused = await h.subgraph.execute('mutation { startBreak { driver { status } } }', undefined, headers);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'ILLEGAL_STATE_TRANSITION', status: 'ON_TRIP' });
    const assignment = await h.prisma.assignment.findFirstOrThrow({ where: { driverId: driver.id } });
    expect(codes((await h.subgraph.execute(END, { id: assignment.id })).errors)).toEqual(['ILLEGAL_STATE_TRANSITION']);
    expect(await h.prisma.outboxEvent.count()).toBe(before);
    expect(await h.prisma.attendance.count({ where: { driverId: driver.id, checkOutAt: { not: null } } })).toBe(0);
  });

  test('a second check-in is CONFLICT, also when two race: exactly one shift opens', async () => {
    const { driver, headers } = await driverWithVehicle();
    const [a, b] = await Promise.all([
      h.subgraph.execute<ShiftData>(CHECK_IN, checkInInput(), headers),
      h.subgraph.execute<ShiftData>(CHECK_IN, checkInInput(), headers),
    ]);
    expect([a, b].filter((r) => r.data?.checkIn.attendance)).toHaveLength(1);
    expect([...(codes(a.errors) ?? []), ...(codes(b.errors) ?? [])]).toEqual(['CONFLICT']);
    expect(codes((await h.subgraph.execute(CHECK_IN, checkInInput(), headers)).errors)).toEqual(['CONFLICT']);
    expect(await h.prisma.attendance.count({ where: { driverId: driver.id } })).toBe(1);
    // The slot column refuses a second open shift even written directly.
    const open = await h.prisma.attendance.findFirstOrThrow({ where: { driverId: driver.id } });
    const { id: _id, createdAt: _at, ...copy } = open;
    await expect(h.prisma.attendance.create({ data: copy })).rejects.toMatchObject({ code: 'P2002' });
  });

  test('invalid check-in input is a userError; a user without a driver profile gets NOT_FOUND', async () => {
    const { headers } = await driverWithVehicle();
    const bad = await h.subgraph.execute<ShiftData>(
      CHECK_IN,
      { input: { location: { latitude: 91, longitude: 0 }, odometerKm: -1, selfieUrl: 'http://x' } },
      headers,
    );
    expect(bad.data!.checkIn.userErrors.map((e) => e.code)).toEqual(['INVALID_LOCATION', 'INVALID_ODOMETER', 'INVALID_URL']);
    const nobody = await h.subgraph.execute(CHECK_IN, checkInInput(), await h.as(randomUUID(), ['DRIVER']));
    expect(codes(nobody.errors)).toEqual(['NOT_FOUND']);
    const staff = await h.subgraph.execute(CHECK_IN, checkInInput());
    expect(codes(staff.errors)).toEqual(['FORBIDDEN']);
  });

  test("review: the fleet's manager or operations approve or reject a checked-out shift once", async () => {
    const { driver, headers, fleet } = await driverWithVehicle();
    const shift = (await h.subgraph.execute<ShiftData>(CHECK_IN, checkInInput(), headers)).data!.checkIn.attendance!;
    const managerId = randomUUID();
    const manager = await h.as(managerId, ['FLEET_MANAGER'], [fleet.id]);
    const review = (input: Record<string, unknown>, options = manager) =>
      h.subgraph.execute<{
        reviewAttendance: { attendance: { approval: string; reviewNote: string | null; reviewedBy: { id: string } } | null; userErrors: UserErrors };
      }>(REVIEW, { input: { attendanceId: shift.id, ...input } }, options);

    expect((await review({ decision: 'APPROVE' })).data!.reviewAttendance.userErrors).toEqual([{ code: 'ATTENDANCE_OPEN', field: ['input', 'attendanceId'] }]);
    await h.subgraph.execute(CHECK_OUT, checkOutInput(), headers);
    expect((await review({ decision: 'REJECT' })).data!.reviewAttendance.userErrors).toEqual([{ code: 'NOTE_REQUIRED', field: ['input', 'note'] }]);
    const otherManager = await h.as(randomUUID(), ['FLEET_MANAGER'], [randomUUID()]);
    expect((await review({ decision: 'APPROVE' }, otherManager)).data!.reviewAttendance.userErrors).toEqual([
      { code: 'ATTENDANCE_NOT_FOUND', field: ['input', 'attendanceId'] },
    ]);
    expect(codes((await review({ decision: 'APPROVE' }, headers)).errors)).toEqual(['FORBIDDEN']);

    const pending = await h.subgraph.execute<{ attendances: { edges: { node: { id: string } }[]; totalCount: number }; reviewed: { totalCount: number } }>(
      `query ($fleetId: ID) {
        attendances(fleetId: $fleetId, pendingApproval: true) { edges { node { id } } totalCount }
        reviewed: attendances(fleetId: $fleetId, pendingApproval: false) { totalCount }
      }`,
      { fleetId: fleet.id },
      manager,
    );
    // The review screen's badge: how many shifts wait, counted with the list's filters.
    expect(pending.data).toEqual({ attendances: { edges: [{ node: { id: shift.id } }], totalCount: 1 }, reviewed: { totalCount: 0 } });

    const rejected = await review({ decision: 'REJECT', note: ' Cash short by 5.00 ' });
    expect(rejected.data!.reviewAttendance).toEqual({
      attendance: { id: shift.id, approval: 'REJECTED', reviewNote: 'Cash short by 5.00', reviewedBy: { id: managerId } },
      userErrors: [],
    });
    expect((await review({ decision: 'APPROVE' })).data!.reviewAttendance.userErrors).toEqual([
      { code: 'ATTENDANCE_REVIEWED', field: ['input', 'attendanceId'] },
    ]);
    const after = await h.subgraph.execute<{ attendances: { edges: unknown[]; totalCount: number }; all: { totalCount: number } }>(
      `query ($driverId: ID) {
        attendances(driverId: $driverId, pendingApproval: true) { edges { node { id } } totalCount }
        all: attendances(driverId: $driverId) { totalCount }
      }`,
      { driverId: driver.id },
    );
    expect(after.data).toEqual({ attendances: { edges: [], totalCount: 0 }, all: { totalCount: 1 } });
  });
});

describe('ops lists', () => {
  test('vehicles filter by fleet, status and category; a manager sees only their fleet; drivers filter by status', async () => {
    const mine = await createFleet(h.prisma, { vehicles: 3, drivers: 2 });
    const other = await createFleet(h.prisma, { vehicles: 1 });
    await h.prisma.vehicle.update({ where: { id: mine.vehicles[2]!.id }, data: { status: 'MAINTENANCE' } });
    await h.prisma.driver.update({ where: { id: mine.drivers[1]!.id }, data: { status: 'ON_BREAK' } });
    const VEHICLES =
      'query ($fleetId: ID, $status: VehicleStatus, $category: VehicleCategory) { vehicles(fleetId: $fleetId, status: $status, category: $category, first: 100) { edges { node { id } } } }';
    const ids = async (variables: Record<string, unknown>, options?: { headers: Record<string, string> }) =>
      (await h.subgraph.execute<{ vehicles: { edges: { node: { id: string } }[] } }>(VEHICLES, variables, options)).data!.vehicles.edges.map((e) => e.node.id);
    expect(await ids({ fleetId: mine.fleet.id })).toEqual([...mine.vehicles].reverse().map((v) => v.id));
    expect(await ids({ fleetId: mine.fleet.id, status: 'ACTIVE', category: 'COMFORT' })).toEqual([mine.vehicles[1]!.id]);
    expect(await ids({ fleetId: mine.fleet.id, status: 'MAINTENANCE' })).toEqual([mine.vehicles[2]!.id]);
    const manager = await h.as(randomUUID(), ['FLEET_MANAGER'], [mine.fleet.id]);
    expect(await ids({}, manager)).toEqual([...mine.vehicles].reverse().map((v) => v.id));
    expect(await ids({ fleetId: other.fleet.id }, manager)).toEqual([]);
    expect(await ids({ fleetId: 'garbage' })).toEqual([]);

    const onBreak = await h.subgraph.execute<{ drivers: { edges: { node: { id: string } }[] } }>(
      'query ($fleetId: ID) { drivers(fleetId: $fleetId, status: ON_BREAK) { edges { node { id } } } }',
      { fleetId: mine.fleet.id },
    );
    expect(onBreak.data!.drivers.edges).toEqual([{ node: { id: mine.drivers[1]!.id } }]);
    const foreignAssignments = await h.subgraph.execute<{ assignments: { edges: unknown[] } }>(
      'query ($fleetId: ID) { assignments(fleetId: $fleetId) { edges { node { id } } } }',
      { fleetId: other.fleet.id },
      manager,
    );
    expect(foreignAssignments.data!.assignments.edges).toEqual([]);
  });

  test("another fleet's manager: its rows look unknown to every mutation and are absent from every list", async () => {
    const { fleet, vehicles, drivers } = await createFleet(h.prisma);
    const assignment = (await h.subgraph.execute<AssignData>(ASSIGN, { driverId: drivers[0]!.id, vehicleId: vehicles[0]!.id })).data!.assignVehicle.assignment!;
    const driverHeaders = await h.as(drivers[0]!.userId, ['DRIVER']);
    await h.subgraph.execute(CHECK_IN, checkInInput(), driverHeaders);
    await h.subgraph.execute(CHECK_OUT, checkOutInput(), driverHeaders);
    const stranger = await h.as(randomUUID(), ['FLEET_MANAGER'], [randomUUID()]);

    const errorsOf = async (mutation: string, variables: Record<string, unknown>) => {
      const result = await h.subgraph.execute<Record<string, { userErrors: UserErrors }>>(mutation, variables, stranger);
      expect(result.errors).toBeUndefined();
      return Object.values(result.data!)[0]!.userErrors.map((e) => e.code);
    };
    expect(
      await errorsOf('mutation ($input: CreateVehicleInput!) { createVehicle(input: $input) { userErrors { code field } } }', {
        input: { fleetId: fleet.id, plate: 'ZZ-1', make: 'Ford', model: 'Galaxy', year: 2020, category: 'XL' },
      }),
    ).toEqual(['FLEET_NOT_FOUND']);
    expect(
      await errorsOf('mutation ($input: CreateDriverProfileInput!) { createDriverProfile(input: $input) { userErrors { code field } } }', {
        input: { userId: randomUUID(), fleetId: fleet.id, licenceNumber: 'DL-9999' },
      }),
    ).toEqual(['FLEET_NOT_FOUND']);
    expect(await errorsOf(END, { id: assignment.id })).toEqual(['ASSIGNMENT_NOT_FOUND']);
    expect(await h.prisma.assignment.count({ where: { id: assignment.id, endedAt: null } })).toBe(1);

    const lists = await h.subgraph.execute<Record<string, { edges: unknown[] }>>(
      `query ($fleetId: ID, $driverId: ID) {
        vehicles(fleetId: $fleetId) { edges { cursor } } drivers(fleetId: $fleetId) { edges { cursor } }
        assignments(driverId: $driverId) { edges { cursor } } attendances(driverId: $driverId) { edges { cursor } }
        allAttendances: attendances { edges { cursor } }
      }`,
      { fleetId: fleet.id, driverId: drivers[0]!.id },
      stranger,
    );
    expect(lists.errors).toBeUndefined();
    expect(Object.values(lists.data!).map((c) => c.edges)).toEqual([[], [], [], [], []]);
    // The driver's own profile fields are still theirs; for the stranger the driver is null.
    const driver = await h.subgraph.execute<{ driver: unknown }>('query ($id: ID!) { driver(id: $id) { id } }', { id: drivers[0]!.id }, stranger);
    expect(driver.data!.driver).toBeNull();
  });

  test('the new root fields are for staff: riders and drivers are FORBIDDEN', async () => {
    const rider = await h.as(randomUUID(), ['RIDER']);
    for (const field of [
      'vehicles { edges { cursor } }',
      'assignments { edges { cursor } }',
      'attendances { edges { cursor } }',
      'nearbyDrivers(location: { latitude: 1, longitude: 1 }, radiusKm: 1) { edges { cursor } }',
    ]) {
      expect({ field, codes: codes((await h.subgraph.execute(`query { ${field} }`, undefined, rider)).errors) }).toEqual({ field, codes: ['FORBIDDEN'] });
    }
  });

  test('SQL statements of a list page do not grow with the page size', async () => {
    async function selectsFor(count: number) {
      const { fleet, vehicles, drivers } = await createFleet(h.prisma, { vehicles: count, drivers: count });
      for (let i = 0; i < count; i++) await h.subgraph.execute(ASSIGN, { driverId: drivers[i]!.id, vehicleId: vehicles[i]!.id });
      for (const d of drivers) {
        await h.subgraph.execute(CHECK_IN, checkInInput(), await h.as(d.userId, ['DRIVER']));
        await h.subgraph.execute(CHECK_OUT, checkOutInput(), await h.as(d.userId, ['DRIVER']));
      }
      h.statements.length = 0;
      const result = await h.subgraph.execute<{ vehicles: { edges: unknown[] }; assignments: { edges: unknown[] }; attendances: { edges: unknown[] } }>(
        `query ($fleetId: ID) {
          vehicles(fleetId: $fleetId, first: 100) { edges { node { id plate homeHub { name } fleet { name } currentAssignment { driver { id status vehicle { plate } } } } } }
          assignments(fleetId: $fleetId, first: 100) { edges { node { id driver { id } vehicle { plate } } } }
          attendances(fleetId: $fleetId, first: 100) { edges { node { id breaks { id } onBreak vehicle { plate } driver { id status currentAssignment { id } } } } }
        }`,
        { fleetId: fleet.id },
      );
      expect(result.errors).toBeUndefined();
      expect([result.data!.vehicles.edges.length, result.data!.assignments.edges.length, result.data!.attendances.edges.length]).toEqual([count, count, count]);
      return h.selects();
    }
    const few = await selectsFor(2);
    const many = await selectsFor(12);
    expect(many).toBe(few);
  }, 60_000);
});

describe('durable events on the bus', () => {
  test('the relay publishes driver.status.changed; trip.assigned from the bus is applied once even when appended twice', async () => {
    const { driver, headers, fleet } = await (async () => {
      const created = await createFleet(h.prisma);
      const d = created.drivers[0]!;
      await h.subgraph.execute(ASSIGN, { driverId: d.id, vehicleId: created.vehicles[0]!.id });
      return { ...created, driver: d, headers: await h.as(d.userId, ['DRIVER']) };
    })();
    const heard: { status: string; version: number }[] = [];
    const probe = h.deps.events.consume({
      group: `probe-${randomUUID()}`,
      types: ['driver.status.changed'],
      handle: async (event) => {
        if (event.type === 'driver.status.changed' && event.payload.driverId === driver.id)
          heard.push({ status: event.payload.status, version: event.payload.version });
      },
    });
    await probe.ready;
    await h.subgraph.execute(CHECK_IN, checkInInput(), headers);
    await h.fleet.relay.flush();
    await waitFor(() => heard.some((e) => e.status === 'AVAILABLE'));
    expect(heard).toEqual([
      { status: 'OFFLINE', version: 1 },
      { status: 'AVAILABLE', version: 2 },
    ]);

    const tripId = randomUUID();
    const assigned = {
      id: randomUUID(),
      type: 'trip.assigned' as const,
      source: 'trips',
      occurredAt: new Date().toISOString(),
      payload: {
        tripId,
        riderUserId: randomUUID(),
        driverId: driver.id,
        driverUserId: driver.userId,
        fleetId: fleet.id,
        vehicleId: null,
        occurredAt: new Date().toISOString(),
      },
    };
    await h.deps.events.append([assigned]);
    await h.deps.events.append([assigned]);
    await waitFor(async () => (await h.prisma.processedEvent.count({ where: { eventId: assigned.id } })) === 1 && heard.length >= 3);
    const row = await h.prisma.driver.findUniqueOrThrow({ where: { id: driver.id } });
    expect({ status: row.status, trip: row.currentTripId, version: row.version }).toEqual({ status: 'ON_TRIP', trip: tripId, version: 3 });
    await new Promise((resolve) => setTimeout(resolve, 200)); // a second application would show by now
    expect((await h.prisma.driver.findUniqueOrThrow({ where: { id: driver.id } })).version).toBe(3);
    expect(heard.at(-1)).toEqual({ status: 'ON_TRIP', version: 3 });
    await probe.stop();
  });
});

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
