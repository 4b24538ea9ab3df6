// checkOut reports the finished shift to payments through fleet's outbox (shift.checked_out): once per shift, in
// the check-out's transaction, with the shift's window and the cash handed in; a refused check-out writes none.
// reviewAttendance tells the driver the outcome (attendance.reviewed): once per shift, refusals write none.
import { randomUUID } from 'node:crypto';
import { createFleet, startFleetHarness, type FleetHarness } from './support/fleet-harness.js';

let h: FleetHarness;
let clock = Date.UTC(2026, 11, 1, 8, 0, 0);

beforeAll(async () => {
  h = await startFleetHarness({ now: () => new Date(clock), config: { checkInRadiusMeters: 50_000 } });
});

afterAll(async () => {
  await h?.stop();
});

const ASSIGN = 'mutation ($driverId: ID!, $vehicleId: ID!) { assignVehicle(driverId: $driverId, vehicleId: $vehicleId) { userErrors { code } } }';
const CHECK_IN = 'mutation ($input: CheckInInput!) { checkIn(input: $input) { attendance { id } userErrors { code } } }';
const CHECK_OUT = 'mutation ($input: CheckOutInput!) { checkOut(input: $input) { attendance { id } userErrors { code } } }';
const nearHub = { latitude: 40.71, longitude: -74.0 };

const shiftEvents = (driverId: string) =>
  h.prisma.outboxEvent.findMany({ where: { type: 'shift.checked_out', payload: { path: ['driverId'], equals: driverId } }, orderBy: { occurredAt: 'asc' } });

test('checkOut writes one shift.checked_out with the window and the cash deposited; a refused check-out writes none', async () => {
  const created = await createFleet(h.prisma);
  const driver = created.drivers[0]!;
  await h.subgraph.execute(ASSIGN, { driverId: driver.id, vehicleId: created.vehicles[0]!.id });
  const headers = await h.as(driver.userId, ['DRIVER']);

  clock = Date.UTC(2026, 11, 1, 8, 0, 0);
  const checkedIn = await h.subgraph.execute<{ checkIn: { attendance: { id: string } } }>(
    CHECK_IN,
    { input: { location: nearHub, odometerKm: 42_000, selfieUrl: 'https://cdn.example.com/s.jpg' } },
    headers,
  );
  const attendanceId = checkedIn.data!.checkIn.attendance.id;

  clock = Date.UTC(2026, 11, 1, 16, 30, 0);
  const refused = await h.subgraph.execute<{ checkOut: { userErrors: { code: string }[] } }>(
    CHECK_OUT,
    { input: { odometerKm: 41_000, cashDeposited: { amountMinor: 12_345, currency: 'USD' } } },
    headers,
  );
  expect(refused.data!.checkOut.userErrors).toEqual([{ code: 'INVALID_ODOMETER' }]);
  expect(await shiftEvents(driver.id)).toHaveLength(0);

  const out = await h.subgraph.execute<{ checkOut: { attendance: { id: string } } }>(
    CHECK_OUT,
    { input: { odometerKm: 42_150, cashDeposited: { amountMinor: 12_345, currency: 'USD' } } },
    headers,
  );
  expect(out.data!.checkOut.attendance.id).toBe(attendanceId);
  const events = await shiftEvents(driver.id);
  expect(events).toHaveLength(1);
  expect(events[0]!.payload).toEqual({
    attendanceId,
    driverId: driver.id,
    driverUserId: driver.userId,
    fleetId: created.fleet.id,
    checkedInAt: '2026-12-01T08:00:00.000Z',
    checkedOutAt: '2026-12-01T16:30:00.000Z',
    cashDeposited: { amountMinor: 12_345, currency: 'USD' },
    occurredAt: '2026-12-01T16:30:00.000Z',
  });
  expect(events[0]!.occurredAt.toISOString()).toBe('2026-12-01T16:30:00.000Z');

  // A second shift without cash reports 0.
  clock = Date.UTC(2026, 11, 2, 8, 0, 0);
  await h.subgraph.execute(CHECK_IN, { input: { location: nearHub, odometerKm: 42_200, selfieUrl: 'https://cdn.example.com/s.jpg' } }, headers);
  clock = Date.UTC(2026, 11, 2, 9, 0, 0);
  await h.subgraph.execute(CHECK_OUT, { input: { odometerKm: 42_210, cashDeposited: { amountMinor: 0, currency: 'USD' } } }, headers);
  const both = await shiftEvents(driver.id);
  expect(both).toHaveLength(2);
  expect((both[1]!.payload as { cashDeposited: unknown }).cashDeposited).toEqual({ amountMinor: 0, currency: 'USD' });
});

const REVIEW = 'mutation ($input: ReviewAttendanceInput!) { reviewAttendance(input: $input) { attendance { id approval } userErrors { code } } }';

const reviewedEvents = (driverId: string) =>
  h.prisma.outboxEvent.findMany({ where: { type: 'attendance.reviewed', payload: { path: ['driverId'], equals: driverId } }, orderBy: { occurredAt: 'asc' } });

test('reviewAttendance writes one attendance.reviewed to the driver with the decision and the reason; refused reviews write none', async () => {
  const created = await createFleet(h.prisma);
  const driver = created.drivers[0]!;
  await h.subgraph.execute(ASSIGN, { driverId: driver.id, vehicleId: created.vehicles[0]!.id });
  const headers = await h.as(driver.userId, ['DRIVER']);
  const manager = await h.as(randomUUID(), ['FLEET_MANAGER'], [created.fleet.id]);
  const shift = async (day: number) => {
    clock = Date.UTC(2026, 11, day, 8, 0, 0);
    const checkedIn = await h.subgraph.execute<{ checkIn: { attendance: { id: string } } }>(
      CHECK_IN,
      { input: { location: nearHub, odometerKm: 50_000 + day * 100, selfieUrl: 'https://cdn.example.com/s.jpg' } },
      headers,
    );
    clock = Date.UTC(2026, 11, day, 12, 0, 0);
    await h.subgraph.execute(CHECK_OUT, { input: { odometerKm: 50_010 + day * 100, cashDeposited: { amountMinor: 0, currency: 'USD' } } }, headers);
    return checkedIn.data!.checkIn.attendance.id;
  };
  const review = (attendanceId: string, input: Record<string, unknown>) =>
    h.subgraph.execute<{ reviewAttendance: { attendance: { id: string; approval: string } | null; userErrors: { code: string }[] } }>(
      REVIEW,
      { input: { attendanceId, ...input } },
      manager,
    );

  const rejectedId = await shift(10);
  clock = Date.UTC(2026, 11, 10, 13, 0, 0);
  expect((await review(rejectedId, { decision: 'REJECT' })).data!.reviewAttendance.userErrors).toEqual([{ code: 'NOTE_REQUIRED' }]);
  expect(await reviewedEvents(driver.id)).toHaveLength(0);
  expect((await review(rejectedId, { decision: 'REJECT', note: 'Selfie does not show your face' })).data!.reviewAttendance.attendance).toEqual({
    id: rejectedId,
    approval: 'REJECTED',
  });
  // Reviewed once: a second review is refused and tells nobody anything.
  expect((await review(rejectedId, { decision: 'APPROVE' })).data!.reviewAttendance.userErrors).toEqual([{ code: 'ATTENDANCE_REVIEWED' }]);
  const events = await reviewedEvents(driver.id);
  expect(events).toHaveLength(1);
  expect(events[0]!.payload).toEqual({
    attendanceId: rejectedId,
    driverId: driver.id,
    driverUserId: driver.userId,
    fleetId: created.fleet.id,
    approval: 'REJECTED',
    note: 'Selfie does not show your face',
    checkedInAt: '2026-12-10T08:00:00.000Z',
    occurredAt: '2026-12-10T13:00:00.000Z',
  });

  const approvedId = await shift(11);
  clock = Date.UTC(2026, 11, 11, 13, 0, 0);
  await review(approvedId, { decision: 'APPROVE' });
  const both = await reviewedEvents(driver.id);
  expect(both).toHaveLength(2);
  expect(both[1]!.payload).toMatchObject({ attendanceId: approvedId, approval: 'APPROVED', note: null });
});
