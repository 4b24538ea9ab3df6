// Fleet administration in-process on real PostgreSQL: fleets, hubs (update, retire), full vehicle edit and
// retirement, driver profile changes (licence, expiry, home hub, fleet move), suspension and reinstatement, the
// check-in refusals they cause, and the driver's own attendance history. Every staff change commits with exactly
// one audit entry; refused input writes nothing.
import { randomUUID } from 'node:crypto';
import { ENTITIES_QUERY } from '../../../platform/testing/index.js';
import { codes, createFleet, startFleetHarness, type FleetHarness } from './support/fleet-harness.js';

let h: FleetHarness;
/** The fleet's clock: tests move it to make a licence expire. */
let clock = new Date('2026-12-07T10:00:00.000Z');

beforeAll(async () => {
  h = await startFleetHarness({ now: () => clock });
});

afterAll(async () => {
  await h?.stop();
});

type UserErrors = { code: string; field: string[] | null }[];

const auditRows = (targetId: string) =>
  h.prisma.outboxEvent.findMany({ where: { type: 'audit.recorded', payload: { path: ['targetId'], equals: targetId } }, orderBy: { occurredAt: 'asc' } });
const auditPayloads = async (targetId: string) => (await auditRows(targetId)).map((row) => row.payload as Record<string, unknown>);
const statusEvents = async (driverId: string) =>
  (
    await h.prisma.outboxEvent.findMany({
      where: { type: 'driver.status.changed', payload: { path: ['driverId'], equals: driverId } },
      orderBy: { occurredAt: 'asc' },
    })
  )
    .map((row) => row.payload as { status: string; fleetId: string; version: number })
    // The test clock stands still: the version orders them.
    .sort((a, b) => a.version - b.version);

const ASSIGN =
  'mutation ($driverId: ID!, $vehicleId: ID!) { assignVehicle(driverId: $driverId, vehicleId: $vehicleId) { assignment { id } userErrors { code } } }';
const CHECK_IN = 'mutation ($input: CheckInInput!) { checkIn(input: $input) { attendance { id } driver { status } userErrors { code field } } }';
const CHECK_OUT = 'mutation ($input: CheckOutInput!) { checkOut(input: $input) { driver { status } userErrors { code } } }';
const checkInInput = (odometerKm = 1000) => ({
  input: { location: { latitude: 40.71, longitude: -74.0 }, odometerKm, selfieUrl: 'https://cdn.example.com/selfie.jpg' },
});
const checkOutInput = (odometerKm = 1100) => ({ input: { odometerKm, cashDeposited: { amountMinor: 0, currency: 'USD' } } });
type CheckInData = { checkIn: { attendance: { id: string } | null; driver: { status: string } | null; userErrors: UserErrors } };

const SUSPEND =
  'mutation ($driverId: ID!, $reason: String!) { suspendDriver(driverId: $driverId, reason: $reason) { driver { id status suspended suspensionReason } userErrors { code field } } }';
const REINSTATE =
  'mutation ($driverId: ID!, $reason: String) { reinstateDriver(driverId: $driverId, reason: $reason) { driver { id status suspended suspensionReason } userErrors { code field } } }';
type SuspendData = { suspendDriver: { driver: { status: string; suspended: boolean; suspensionReason: string | null } | null; userErrors: UserErrors } };
type ReinstateData = { reinstateDriver: { driver: { status: string; suspended: boolean } | null; userErrors: UserErrors } };

describe('fleets', () => {
  const CREATE = 'mutation ($input: CreateFleetInput!) { createFleet(input: $input) { fleet { id name city hubs { id } } userErrors { code field } } }';
  const UPDATE = 'mutation ($input: UpdateFleetInput!) { updateFleet(input: $input) { fleet { id name city } userErrors { code field } } }';
  type FleetData<K extends string> = { [key in K]: { fleet: { id: string; name: string; city: string } | null; userErrors: UserErrors } };

  test('operations create and rename a fleet; each change has one audit entry; a taken name or empty text is refused and writes nothing', async () => {
    const name = `Harbour ${randomUUID().slice(0, 6)}`;
    const created = await h.subgraph.execute<FleetData<'createFleet'>>(CREATE, { input: { name: ` ${name} `, city: 'Lisbon' } });
    expect(created.errors).toBeUndefined();
    expect(created.data!.createFleet).toMatchObject({ fleet: { name, city: 'Lisbon', hubs: [] }, userErrors: [] });
    const id = created.data!.createFleet.fleet!.id;

    const fleetsBefore = await h.prisma.fleet.count();
    const taken = await h.subgraph.execute<FleetData<'createFleet'>>(CREATE, { input: { name, city: 'Porto' } });
    expect(taken.data!.createFleet).toEqual({ fleet: null, userErrors: [{ code: 'FLEET_NAME_TAKEN', field: ['input', 'name'] }] });
    const empty = await h.subgraph.execute<FleetData<'createFleet'>>(CREATE, { input: { name: ' ', city: '' } });
    expect(empty.data!.createFleet.userErrors).toEqual([
      { code: 'INVALID_TEXT', field: ['input', 'name'] },
      { code: 'INVALID_TEXT', field: ['input', 'city'] },
    ]);
    expect(await h.prisma.fleet.count()).toBe(fleetsBefore);

    clock = new Date(clock.getTime() + 60_000); // the audit entries below are ordered by time; the test clock stands still otherwise
    const renamed = await h.subgraph.execute<FleetData<'updateFleet'>>(UPDATE, { input: { id, city: 'Porto' } });
    expect(renamed.data!.updateFleet).toEqual({ fleet: { id, name, city: 'Porto' }, userErrors: [] });
    const unknown = await h.subgraph.execute<FleetData<'updateFleet'>>(UPDATE, { input: { id: randomUUID(), city: 'Faro' } });
    expect(unknown.data!.updateFleet.userErrors).toEqual([{ code: 'FLEET_NOT_FOUND', field: ['input', 'id'] }]);

    expect(await auditPayloads(id)).toMatchObject([
      { source: 'fleet', action: 'fleet.create', targetType: 'Fleet', before: null, after: { name, city: 'Lisbon' } },
      { action: 'fleet.update', before: { city: 'Lisbon' }, after: { city: 'Porto' } },
    ]);
  });

  test('a fleet manager may not create or change fleets (FORBIDDEN), and nothing is written', async () => {
    const { fleet } = await createFleet(h.prisma);
    const manager = await h.as(randomUUID(), ['FLEET_MANAGER'], [fleet.id]);
    const created = await h.subgraph.execute(CREATE, { input: { name: `Nope ${randomUUID()}`, city: 'X' } }, manager);
    expect(codes(created.errors)).toEqual(['FORBIDDEN']);
    const updated = await h.subgraph.execute(UPDATE, { input: { id: fleet.id, city: 'Elsewhere' } }, manager);
    expect(codes(updated.errors)).toEqual(['FORBIDDEN']);
    expect((await h.prisma.fleet.findUniqueOrThrow({ where: { id: fleet.id } })).city).toBe('Metro City');
  });
});

describe('hubs', () => {
  const UPDATE =
    'mutation ($input: UpdateHubInput!) { updateHub(input: $input) { hub { id name location { latitude } retiredAt } userErrors { code field } } }';
  const RETIRE = 'mutation ($id: ID!) { retireHub(id: $id) { hub { id retiredAt } userErrors { code field } } }';
  type HubData<K extends string> = { [key in K]: { hub: { id: string; retiredAt: string | null } | null; userErrors: UserErrors } };

  test('a hub is renamed and moved; it cannot be retired while a vehicle calls it home; retired, it leaves Fleet.hubs and cannot be anyone’s home', async () => {
    const { fleet, hub, vehicles } = await createFleet(h.prisma);
    const moved = await h.subgraph.execute<HubData<'updateHub'>>(UPDATE, {
      input: { id: hub.id, name: 'Old Depot', location: { latitude: 40.8, longitude: -74 } },
    });
    expect(moved.data!.updateHub).toMatchObject({ hub: { name: 'Old Depot', location: { latitude: 40.8 }, retiredAt: null }, userErrors: [] });
    const bad = await h.subgraph.execute<HubData<'updateHub'>>(UPDATE, { input: { id: hub.id, location: { latitude: 91, longitude: 0 } } });
    expect(bad.data!.updateHub.userErrors).toEqual([{ code: 'INVALID_LOCATION', field: ['input', 'location'] }]);

    const inUse = await h.subgraph.execute<HubData<'retireHub'>>(RETIRE, { id: hub.id });
    expect(inUse.data!.retireHub).toEqual({ hub: null, userErrors: [{ code: 'HUB_IN_USE', field: ['id'] }] });
    expect((await h.prisma.hub.findUniqueOrThrow({ where: { id: hub.id } })).retiredAt).toBeNull();

    await h.subgraph.execute('mutation ($input: UpdateVehicleInput!) { updateVehicle(input: $input) { userErrors { code } } }', {
      input: { id: vehicles[0]!.id, homeHubId: null },
    });
    clock = new Date(clock.getTime() + 60_000); // after the hub.update entry, in the audit entries' time order
    const retired = await h.subgraph.execute<HubData<'retireHub'>>(RETIRE, { id: hub.id });
    expect(retired.data!.retireHub).toEqual({ hub: { id: hub.id, retiredAt: clock.toISOString() }, userErrors: [] });
    const again = await h.subgraph.execute<HubData<'retireHub'>>(RETIRE, { id: hub.id });
    expect(again.data!.retireHub.userErrors).toEqual([{ code: 'HUB_RETIRED', field: ['id'] }]);

    const hubs = await h.subgraph.execute<{ fleet: { hubs: unknown[] } }>('query ($id: ID!) { fleet(id: $id) { hubs { id } } }', { id: fleet.id });
    expect(hubs.data!.fleet.hubs).toEqual([]);
    const home = await h.subgraph.execute<{ updateVehicle: { userErrors: UserErrors } }>(
      'mutation ($input: UpdateVehicleInput!) { updateVehicle(input: $input) { userErrors { code field } } }',
      { input: { id: vehicles[0]!.id, homeHubId: hub.id } },
    );
    expect(home.data!.updateVehicle.userErrors).toEqual([{ code: 'HUB_NOT_FOUND', field: ['input', 'homeHubId'] }]);
    expect((await auditPayloads(hub.id)).map((p) => p.action)).toEqual(['hub.update', 'hub.retire']);
  });

  test("a fleet manager changes their fleet's hubs only: another fleet's hub is HUB_NOT_FOUND", async () => {
    const mine = await createFleet(h.prisma);
    const theirs = await createFleet(h.prisma);
    const manager = await h.as(randomUUID(), ['FLEET_MANAGER'], [mine.fleet.id]);
    const ok = await h.subgraph.execute<HubData<'updateHub'>>(UPDATE, { input: { id: mine.hub.id, name: 'North' } }, manager);
    expect(ok.data!.updateHub.userErrors).toEqual([]);
    const other = await h.subgraph.execute<HubData<'retireHub'>>(RETIRE, { id: theirs.hub.id }, manager);
    expect(other.data!.retireHub.userErrors).toEqual([{ code: 'HUB_NOT_FOUND', field: ['id'] }]);
  });

  test('a vehicle created at a hub racing its retirement: exactly one of the two wins, never a vehicle at a retired hub', async () => {
    const CREATE_VEHICLE = 'mutation ($input: CreateVehicleInput!) { createVehicle(input: $input) { vehicle { id } userErrors { code field } } }';
    const { fleet } = await createFleet(h.prisma);
    for (let round = 0; round < 8; round++) {
      const hub = await h.prisma.hub.create({ data: { fleetId: fleet.id, name: `Race ${round}`, latitude: 40.7, longitude: -74 } });
      const plate = `RACE${randomUUID().slice(0, 4).toUpperCase()}${round}`;
      const [created, retired] = await Promise.all([
        h.subgraph.execute<{ createVehicle: { vehicle: { id: string } | null; userErrors: UserErrors } }>(CREATE_VEHICLE, {
          input: { fleetId: fleet.id, homeHubId: hub.id, plate, make: 'Toyota', model: 'Prius', year: 2022, category: 'ECONOMY' },
        }),
        h.subgraph.execute<HubData<'retireHub'>>(RETIRE, { id: hub.id }),
      ]);
      const vehicleWon = created.data!.createVehicle.vehicle !== null;
      expect(retired.data!.retireHub.userErrors).toEqual(vehicleWon ? [{ code: 'HUB_IN_USE', field: ['id'] }] : []);
      expect(created.data!.createVehicle.userErrors).toEqual(vehicleWon ? [] : [{ code: 'HUB_NOT_FOUND', field: ['input', 'homeHubId'] }]);
      expect(await h.prisma.vehicle.count({ where: { plate } })).toBe(vehicleWon ? 1 : 0);
    }
  });
});

describe('vehicles', () => {
  const UPDATE = `mutation ($input: UpdateVehicleInput!) {
    updateVehicle(input: $input) { vehicle { id plate make model year colour category status homeHub { id } } userErrors { code field } }
  }`;
  type VehicleData = { updateVehicle: { vehicle: Record<string, unknown> | null; userErrors: UserErrors } };

  test('every field is editable; bad input is refused with nothing written; the change is audited with before and after', async () => {
    const { vehicles } = await createFleet(h.prisma, { vehicles: 2 });
    const [car, other] = [vehicles[0]!, vehicles[1]!];
    const edited = await h.subgraph.execute<VehicleData>(UPDATE, {
      input: { id: car.id, plate: ' ab 123 cd ', make: 'Kia', model: 'Niro', year: 2025, colour: ' White ', category: 'XL' },
    });
    expect(edited.errors).toBeUndefined();
    expect(edited.data!.updateVehicle).toMatchObject({
      vehicle: { plate: 'AB 123 CD', make: 'Kia', model: 'Niro', year: 2025, colour: 'White', category: 'XL', status: 'ACTIVE' },
      userErrors: [],
    });
    const before = await h.prisma.vehicle.findUniqueOrThrow({ where: { id: car.id } });

    const bad = await h.subgraph.execute<VehicleData>(UPDATE, { input: { id: car.id, plate: '!', year: 1970, make: '', colour: '' } });
    expect(bad.data!.updateVehicle.userErrors.map((e) => e.code)).toEqual(['INVALID_PLATE', 'INVALID_TEXT', 'INVALID_YEAR', 'INVALID_TEXT']);
    const taken = await h.subgraph.execute<VehicleData>(UPDATE, { input: { id: car.id, plate: other.plate, make: 'Tesla' } });
    expect(taken.data!.updateVehicle).toEqual({ vehicle: null, userErrors: [{ code: 'PLATE_TAKEN', field: ['input', 'plate'] }] });
    expect(await h.prisma.vehicle.findUniqueOrThrow({ where: { id: car.id } })).toEqual(before);

    expect(await auditPayloads(car.id)).toMatchObject([
      {
        action: 'vehicle.update',
        targetType: 'Vehicle',
        before: { plate: car.plate, make: 'Toyota', colour: null, category: car.category },
        after: { plate: 'AB 123 CD', make: 'Kia', colour: 'White', category: 'XL' },
      },
    ]);
  });

  test('an assigned vehicle keeps its category and status; retired, it cannot be changed or assigned', async () => {
    const { vehicles, drivers } = await createFleet(h.prisma, { drivers: 2 });
    const car = vehicles[0]!;
    const assigned = await h.subgraph.execute<{ assignVehicle: { assignment: { id: string } } }>(ASSIGN, { driverId: drivers[0]!.id, vehicleId: car.id });
    const category = await h.subgraph.execute<VehicleData>(UPDATE, { input: { id: car.id, category: 'BIKE' } });
    expect(category.data!.updateVehicle.userErrors).toEqual([{ code: 'VEHICLE_ASSIGNED', field: ['input', 'category'] }]);
    const retire = await h.subgraph.execute<VehicleData>(UPDATE, { input: { id: car.id, status: 'RETIRED' } });
    expect(retire.data!.updateVehicle.userErrors).toEqual([{ code: 'VEHICLE_ASSIGNED', field: ['input', 'status'] }]);

    await h.subgraph.execute('mutation ($id: ID!) { endAssignment(id: $id) { userErrors { code } } }', { id: assigned.data!.assignVehicle.assignment.id });
    const retired = await h.subgraph.execute<VehicleData>(UPDATE, { input: { id: car.id, status: 'RETIRED' } });
    expect(retired.data!.updateVehicle).toMatchObject({ vehicle: { status: 'RETIRED' }, userErrors: [] });
    const back = await h.subgraph.execute<VehicleData>(UPDATE, { input: { id: car.id, status: 'ACTIVE' } });
    expect(back.data!.updateVehicle.userErrors).toEqual([{ code: 'VEHICLE_RETIRED', field: ['input', 'id'] }]);
    const reassign = await h.subgraph.execute<{ assignVehicle: { userErrors: { code: string }[] } }>(ASSIGN, { driverId: drivers[1]!.id, vehicleId: car.id });
    expect(reassign.data!.assignVehicle.userErrors).toEqual([{ code: 'VEHICLE_NOT_ACTIVE' }]);
    expect((await auditPayloads(car.id)).map((p) => p.action)).toEqual(['vehicle.retire']);
  });
});

describe('driver profiles', () => {
  const UPDATE = `mutation ($input: UpdateDriverProfileInput!) {
    updateDriverProfile(input: $input) { driver { id licenceNumber licenceExpiresOn homeHub { id } fleet { id } } userErrors { code field } }
  }`;
  type ProfileData = { updateDriverProfile: { driver: Record<string, unknown> | null; userErrors: UserErrors } };

  test('licence number and expiry and home hub change; bad dates, foreign hubs and taken licences are refused with nothing written', async () => {
    const { drivers, hub } = await createFleet(h.prisma, { drivers: 2 });
    const other = await createFleet(h.prisma);
    const [driver, colleague] = [drivers[0]!, drivers[1]!];
    const changed = await h.subgraph.execute<ProfileData>(UPDATE, {
      input: { driverId: driver.id, licenceNumber: ' dl-777-x ', licenceExpiresOn: '2028-02-29', homeHubId: hub.id },
    });
    expect(changed.errors).toBeUndefined();
    expect(changed.data!.updateDriverProfile).toMatchObject({
      driver: { licenceNumber: 'DL-777-X', licenceExpiresOn: '2028-02-29', homeHub: { id: hub.id } },
      userErrors: [],
    });
    const before = await h.prisma.driver.findUniqueOrThrow({ where: { id: driver.id } });

    const badDate = await h.subgraph.execute<ProfileData>(UPDATE, { input: { driverId: driver.id, licenceExpiresOn: '2027-02-29', licenceNumber: 'x' } });
    expect(badDate.data!.updateDriverProfile.userErrors).toEqual([
      { code: 'INVALID_LICENCE', field: ['input', 'licenceNumber'] },
      { code: 'INVALID_DATE', field: ['input', 'licenceExpiresOn'] },
    ]);
    const foreignHub = await h.subgraph.execute<ProfileData>(UPDATE, { input: { driverId: driver.id, homeHubId: other.hub.id } });
    expect(foreignHub.data!.updateDriverProfile.userErrors).toEqual([{ code: 'HUB_NOT_FOUND', field: ['input', 'homeHubId'] }]);
    const taken = await h.subgraph.execute<ProfileData>(UPDATE, { input: { driverId: colleague.id, licenceNumber: 'DL-777-X' } });
    expect(taken.data!.updateDriverProfile.userErrors).toEqual([{ code: 'LICENCE_TAKEN', field: ['input', 'licenceNumber'] }]);
    expect(await h.prisma.driver.findUniqueOrThrow({ where: { id: driver.id } })).toEqual(before);
    expect(await auditPayloads(colleague.id)).toEqual([]);
    expect(await auditPayloads(driver.id)).toMatchObject([
      {
        action: 'driver.update',
        before: { licenceExpiresOn: null, homeHubId: null },
        after: { licenceNumber: 'DL-777-X', licenceExpiresOn: '2028-02-29', homeHubId: hub.id },
      },
    ]);
  });

  test('a fleet move: operations only, not while assigned, and it goes out in driver.status.changed with the new fleet', async () => {
    const { fleet, drivers, vehicles } = await createFleet(h.prisma);
    const target = await createFleet(h.prisma);
    const driver = drivers[0]!;
    const manager = await h.as(randomUUID(), ['FLEET_MANAGER'], [fleet.id, target.fleet.id]);
    const byManager = await h.subgraph.execute(UPDATE, { input: { driverId: driver.id, fleetId: target.fleet.id } }, manager);
    expect(codes(byManager.errors)).toEqual(['FORBIDDEN']);

    const assigned = await h.subgraph.execute<{ assignVehicle: { assignment: { id: string } } }>(ASSIGN, { driverId: driver.id, vehicleId: vehicles[0]!.id });
    const busy = await h.subgraph.execute<ProfileData>(UPDATE, { input: { driverId: driver.id, fleetId: target.fleet.id } });
    expect(busy.data!.updateDriverProfile.userErrors).toEqual([{ code: 'DRIVER_BUSY', field: ['input', 'fleetId'] }]);
    await h.subgraph.execute('mutation ($id: ID!) { endAssignment(id: $id) { userErrors { code } } }', { id: assigned.data!.assignVehicle.assignment.id });

    const moved = await h.subgraph.execute<ProfileData>(UPDATE, { input: { driverId: driver.id, fleetId: target.fleet.id, homeHubId: target.hub.id } });
    expect(moved.data!.updateDriverProfile).toMatchObject({ driver: { fleet: { id: target.fleet.id }, homeHub: { id: target.hub.id } }, userErrors: [] });
    const events = await statusEvents(driver.id);
    expect(events.at(-1)).toMatchObject({ fleetId: target.fleet.id, status: 'OFFLINE' });
  });
});

describe('suspension', () => {
  async function driverOnShift() {
    const created = await createFleet(h.prisma);
    const driver = created.drivers[0]!;
    await h.subgraph.execute(ASSIGN, { driverId: driver.id, vehicleId: created.vehicles[0]!.id });
    const headers = await h.as(driver.userId, ['DRIVER']);
    const checkedIn = await h.subgraph.execute<CheckInData>(CHECK_IN, checkInInput(), headers);
    expect(checkedIn.data!.checkIn.driver).toEqual({ status: 'AVAILABLE' });
    return { ...created, driver, headers };
  }

  test('a suspended driver goes OFFLINE at once, stays OFFLINE whatever happens, is refused at check-in, and is AVAILABLE again when reinstated', async () => {
    const { driver, headers, fleet } = await driverOnShift();
    const manager = await h.as(randomUUID(), ['FLEET_MANAGER'], [fleet.id]);
    const suspended = await h.subgraph.execute<SuspendData>(SUSPEND, { driverId: driver.id, reason: ' Complaint under review ' }, manager);
    expect(suspended.errors).toBeUndefined();
    expect(suspended.data!.suspendDriver).toEqual({
      driver: { id: driver.id, status: 'OFFLINE', suspended: true, suspensionReason: 'Complaint under review' },
      userErrors: [],
    });
    expect((await statusEvents(driver.id)).map((e) => e.status)).toEqual(['OFFLINE', 'AVAILABLE', 'OFFLINE']);

    // No path makes a suspended driver work: a break, and the shift's end and a new check-in.
    expect(codes((await h.subgraph.execute('mutation { startBreak { driver { status } } }', undefined, headers)).errors)).toEqual(['ILLEGAL_STATE_TRANSITION']);
    const out = await h.subgraph.execute<{ checkOut: { driver: { status: string } } }>(CHECK_OUT, checkOutInput(), headers);
    expect(out.data!.checkOut.driver).toEqual({ status: 'OFFLINE' });
    const refused = await h.subgraph.execute<CheckInData>(CHECK_IN, checkInInput(1200), headers);
    expect(refused.data!.checkIn).toEqual({ attendance: null, driver: null, userErrors: [{ code: 'DRIVER_SUSPENDED', field: null }] });
    expect(await h.prisma.attendance.count({ where: { driverId: driver.id } })).toBe(1);

    const twice = await h.subgraph.execute<SuspendData>(SUSPEND, { driverId: driver.id, reason: 'again' });
    expect(twice.data!.suspendDriver.userErrors).toEqual([{ code: 'DRIVER_SUSPENDED', field: ['driverId'] }]);

    // A minute later: the audit entries are ordered by when they happened, and the test clock otherwise stands still.
    clock = new Date(clock.getTime() + 60_000);
    const reinstated = await h.subgraph.execute<ReinstateData>(REINSTATE, { driverId: driver.id, reason: 'Cleared' });
    expect(reinstated.data!.reinstateDriver).toMatchObject({ driver: { status: 'OFFLINE', suspended: false, suspensionReason: null }, userErrors: [] });
    const back = await h.subgraph.execute<CheckInData>(CHECK_IN, checkInInput(1200), headers);
    expect(back.data!.checkIn).toMatchObject({ driver: { status: 'AVAILABLE' }, userErrors: [] });
    const notSuspended = await h.subgraph.execute<ReinstateData>(REINSTATE, { driverId: driver.id });
    expect(notSuspended.data!.reinstateDriver.userErrors).toEqual([{ code: 'DRIVER_NOT_SUSPENDED', field: ['driverId'] }]);

    expect(await auditPayloads(driver.id)).toMatchObject([
      {
        action: 'driver.suspend',
        reason: 'Complaint under review',
        before: { status: 'AVAILABLE', suspended: false },
        after: { status: 'OFFLINE', suspended: true },
      },
      { action: 'driver.reinstate', reason: 'Cleared', before: { suspended: true }, after: { suspended: false } },
    ]);
  });

  test('suspended on shift: a vehicle assigned meanwhile leaves them OFFLINE; reinstated on shift with a vehicle they are AVAILABLE', async () => {
    const { driver, fleet } = await driverOnShift();
    const assignment = await h.prisma.assignment.findFirstOrThrow({ where: { driverId: driver.id, endedAt: null } });
    await h.subgraph.execute(SUSPEND, { driverId: driver.id, reason: 'Paperwork' });
    await h.subgraph.execute('mutation ($id: ID!) { endAssignment(id: $id) { userErrors { code } } }', { id: assignment.id });
    const spare = await h.prisma.vehicle.create({
      data: { fleetId: fleet.id, plate: `S${randomUUID().slice(0, 8)}`.toUpperCase(), make: 'Kia', model: 'Rio', year: 2023, category: 'ECONOMY' },
    });
    await h.subgraph.execute(ASSIGN, { driverId: driver.id, vehicleId: spare.id });
    expect((await h.prisma.driver.findUniqueOrThrow({ where: { id: driver.id } })).status).toBe('OFFLINE');
    const reinstated = await h.subgraph.execute<ReinstateData>(REINSTATE, { driverId: driver.id });
    expect(reinstated.data!.reinstateDriver.driver).toMatchObject({ status: 'AVAILABLE', suspended: false });
  });

  test('refused while ON_TRIP, with an empty reason, or for a driver of another fleet; nothing is written', async () => {
    const { driver } = await driverOnShift();
    const theirs = await createFleet(h.prisma);
    const manager = await h.as(randomUUID(), ['FLEET_MANAGER'], [theirs.fleet.id]);
    const foreign = await h.subgraph.execute<SuspendData>(SUSPEND, { driverId: driver.id, reason: 'x' }, manager);
    expect(foreign.data!.suspendDriver.userErrors).toEqual([{ code: 'DRIVER_NOT_FOUND', field: ['driverId'] }]);
    const empty = await h.subgraph.execute<SuspendData>(SUSPEND, { driverId: driver.id, reason: '  ' });
    expect(empty.data!.suspendDriver.userErrors).toEqual([{ code: 'INVALID_TEXT', field: ['reason'] }]);
    await h.prisma.driver.update({ where: { id: driver.id }, data: { status: 'ON_TRIP', currentTripId: randomUUID() } });
    const onTrip = await h.subgraph.execute(SUSPEND, { driverId: driver.id, reason: 'Complaint' });
    expect(codes(onTrip.errors)).toEqual(['ILLEGAL_STATE_TRANSITION']);
    expect((await h.prisma.driver.findUniqueOrThrow({ where: { id: driver.id } })).suspendedAt).toBeNull();
    expect(await auditPayloads(driver.id)).toEqual([]);
  });

  test('two suspensions racing: one wins, the other is DRIVER_SUSPENDED; one event and one audit entry', async () => {
    const { driver } = await driverOnShift();
    const eventsBefore = (await statusEvents(driver.id)).length;
    const results = await Promise.all([
      h.subgraph.execute<SuspendData>(SUSPEND, { driverId: driver.id, reason: 'first' }),
      h.subgraph.execute<SuspendData>(SUSPEND, { driverId: driver.id, reason: 'second' }),
    ]);
    const outcomes = results.map((r) => r.data!.suspendDriver.userErrors.map((e) => e.code)).sort();
    expect(outcomes).toEqual([[], ['DRIVER_SUSPENDED']]);
    expect((await statusEvents(driver.id)).length).toBe(eventsBefore + 1);
    expect(await auditRows(driver.id)).toHaveLength(1);
  });
});

describe('licence expiry', () => {
  test('check-in is refused from the day after the expiry date (the fleet clock, UTC), and allowed on it', async () => {
    const { drivers, vehicles } = await createFleet(h.prisma);
    const driver = drivers[0]!;
    await h.subgraph.execute(ASSIGN, { driverId: driver.id, vehicleId: vehicles[0]!.id });
    await h.subgraph.execute('mutation ($input: UpdateDriverProfileInput!) { updateDriverProfile(input: $input) { userErrors { code } } }', {
      input: { driverId: driver.id, licenceExpiresOn: '2026-12-07' },
    });
    const headers = await h.as(driver.userId, ['DRIVER']);
    const saved = clock;
    try {
      clock = new Date('2026-12-08T00:00:00.000Z');
      const expired = await h.subgraph.execute<CheckInData>(CHECK_IN, checkInInput(), headers);
      expect(expired.data!.checkIn).toEqual({ attendance: null, driver: null, userErrors: [{ code: 'LICENCE_EXPIRED', field: null }] });
      expect(await h.prisma.attendance.count({ where: { driverId: driver.id } })).toBe(0);
      clock = new Date('2026-12-07T23:59:59.999Z');
      const lastDay = await h.subgraph.execute<CheckInData>(CHECK_IN, checkInInput(), headers);
      expect(lastDay.data!.checkIn).toMatchObject({ driver: { status: 'AVAILABLE' }, userErrors: [] });
    } finally {
      clock = saved;
    }
  });
});

describe("a driver's own attendance history", () => {
  test('newest first, paged, through the driver profile; another driver reading it gets FORBIDDEN', async () => {
    const { drivers, vehicles } = await createFleet(h.prisma);
    const driver = drivers[0]!;
    await h.subgraph.execute(ASSIGN, { driverId: driver.id, vehicleId: vehicles[0]!.id });
    const headers = await h.as(driver.userId, ['DRIVER']);
    const ids: string[] = [];
    for (const km of [1000, 1200, 1400]) {
      const shift = await h.subgraph.execute<CheckInData>(CHECK_IN, checkInInput(km), headers);
      ids.push(shift.data!.checkIn.attendance!.id);
      await h.subgraph.execute(CHECK_OUT, checkOutInput(km + 100), headers);
      clock = new Date(clock.getTime() + 60_000);
    }
    const HISTORY = ENTITIES_QUERY(
      '... on User { driverProfile { attendances(first: 2, after: $after) { edges { node { id checkInOdometerKm } } pageInfo { hasNextPage endCursor } totalCount } } }',
    ).replace('query ($representations: [_Any!]!)', 'query ($representations: [_Any!]!, $after: String)');
    type History = {
      _entities: {
        driverProfile: { attendances: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string }; totalCount: number } };
      }[];
    };
    const representations = [{ __typename: 'User', id: driver.userId }];
    const first = await h.subgraph.execute<History>(HISTORY, { representations }, headers);
    expect(first.errors).toBeUndefined();
    const page1 = first.data!._entities[0]!.driverProfile.attendances;
    expect(page1.edges.map((e) => e.node.id)).toEqual([ids[2], ids[1]]);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    expect(page1.totalCount).toBe(3);
    const second = await h.subgraph.execute<History>(HISTORY, { representations, after: page1.pageInfo.endCursor }, headers);
    expect(second.data!._entities[0]!.driverProfile.attendances.edges.map((e) => e.node.id)).toEqual([ids[0]]);

    const stranger = await h.as(randomUUID(), ['DRIVER']);
    const byId = await h.subgraph.execute<{ _entities: unknown[] }>(
      ENTITIES_QUERY('... on Driver { id attendances { edges { node { id } } } }'),
      { representations: [{ __typename: 'Driver', id: driver.id }] },
      stranger,
    );
    expect(codes(byId.errors)).toEqual(['FORBIDDEN']);
  });
});
