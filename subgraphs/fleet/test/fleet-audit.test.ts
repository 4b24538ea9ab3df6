// fleet's staff actions write their audit entry (an `audit.recorded` outbox row) in the transaction of the change,
// with before/after of the fields touched, the actor and the request id; refused changes write none.
import { randomUUID } from 'node:crypto';
import { createFleet, startFleetHarness, type FleetHarness } from './support/fleet-harness.js';

let h: FleetHarness;

beforeAll(async () => {
  h = await startFleetHarness();
});

afterAll(async () => {
  await h?.stop();
});

const auditPayloads = async (targetId: string) =>
  (
    await h.prisma.outboxEvent.findMany({
      where: { type: 'audit.recorded', payload: { path: ['targetId'], equals: targetId } },
      orderBy: { occurredAt: 'asc' },
    })
  ).map((row) => row.payload);

const withRequestId = async (userId: string, roles: Parameters<FleetHarness['as']>[1], fleetIds: string[], requestId: string) => {
  const { headers } = await h.as(userId, roles, fleetIds);
  return { headers: { ...headers, 'x-request-id': requestId } };
};

const entry = (actorId: string, actorRoles: string[], requestId: string) => ({
  source: 'fleet',
  actorId,
  actorRoles,
  reason: null,
  requestId,
  occurredAt: expect.any(String),
});

test('a fleet manager changing a vehicle is recorded with the fields touched', async () => {
  const { fleet, vehicles } = await createFleet(h.prisma);
  const managerId = randomUUID();
  const manager = await withRequestId(managerId, ['FLEET_MANAGER'], [fleet.id], 'req-vehicle-0001');
  const vehicle = vehicles[0]!;
  const updated = await h.subgraph.execute(
    'mutation ($input: UpdateVehicleInput!) { updateVehicle(input: $input) { vehicle { id status } userErrors { code } } }',
    { input: { id: vehicle.id, status: 'MAINTENANCE' } },
    manager,
  );
  expect(updated.data).toEqual({ updateVehicle: { vehicle: { id: vehicle.id, status: 'MAINTENANCE' }, userErrors: [] } });
  expect(await auditPayloads(vehicle.id)).toEqual([
    {
      ...entry(managerId, ['FLEET_MANAGER'], 'req-vehicle-0001'),
      action: 'vehicle.update',
      targetType: 'Vehicle',
      targetId: vehicle.id,
      before: { status: 'ACTIVE' },
      after: { status: 'MAINTENANCE' },
    },
  ]);
  // Refused (a vehicle of another fleet looks unknown): nothing changed, nothing recorded.
  const other = await createFleet(h.prisma);
  const refused = await h.subgraph.execute(
    'mutation ($input: UpdateVehicleInput!) { updateVehicle(input: $input) { vehicle { id } userErrors { code } } }',
    { input: { id: other.vehicles[0]!.id, status: 'RETIRED' } },
    manager,
  );
  expect(refused.data).toEqual({ updateVehicle: { vehicle: null, userErrors: [{ code: 'VEHICLE_NOT_FOUND' }] } });
  expect(await auditPayloads(other.vehicles[0]!.id)).toEqual([]);
});

test('assigning a vehicle and ending the assignment are recorded', async () => {
  const { drivers, vehicles } = await createFleet(h.prisma, { vehicles: 2 });
  const opsId = randomUUID();
  const ops = await withRequestId(opsId, ['OPERATIONS'], [], 'req-assign-0001');
  const assigned = await h.subgraph.execute<{ assignVehicle: { assignment: { id: string } } }>(
    'mutation ($driverId: ID!, $vehicleId: ID!) { assignVehicle(driverId: $driverId, vehicleId: $vehicleId) { assignment { id } userErrors { code } } }',
    { driverId: drivers[0]!.id, vehicleId: vehicles[1]!.id },
    ops,
  );
  const assignmentId = assigned.data!.assignVehicle.assignment.id;
  const ended = await h.subgraph.execute<{ endAssignment: { assignment: { endedAt: string } } }>(
    'mutation ($id: ID!) { endAssignment(id: $id) { assignment { endedAt } userErrors { code } } }',
    { id: assignmentId },
    await withRequestId(opsId, ['OPERATIONS'], [], 'req-unassign-0001'),
  );
  expect(await auditPayloads(assignmentId)).toEqual([
    {
      ...entry(opsId, ['OPERATIONS'], 'req-assign-0001'),
      action: 'assignment.create',
      targetType: 'Assignment',
      targetId: assignmentId,
      before: null,
      after: { driverId: drivers[0]!.id, vehicleId: vehicles[1]!.id },
    },
    {
      ...entry(opsId, ['OPERATIONS'], 'req-unassign-0001'),
      action: 'assignment.end',
      targetType: 'Assignment',
      targetId: assignmentId,
      before: { endedAt: null },
      after: { endedAt: ended.data!.endAssignment.assignment.endedAt },
    },
  ]);
});

test('creating a hub is recorded', async () => {
  const { fleet } = await createFleet(h.prisma);
  const opsId = randomUUID();
  const created = await h.subgraph.execute<{ createHub: { hub: { id: string } } }>(
    'mutation ($input: CreateHubInput!) { createHub(input: $input) { hub { id } userErrors { code } } }',
    { input: { fleetId: fleet.id, name: ' North Hub ', location: { latitude: 40.8, longitude: -73.9 } } },
    await withRequestId(opsId, ['OPERATIONS'], [], 'req-hub-0001'),
  );
  const hubId = created.data!.createHub.hub.id;
  expect(await auditPayloads(hubId)).toEqual([
    {
      ...entry(opsId, ['OPERATIONS'], 'req-hub-0001'),
      action: 'hub.create',
      targetType: 'Hub',
      targetId: hubId,
      before: null,
      after: { fleetId: fleet.id, name: 'North Hub', latitude: 40.8, longitude: -73.9 },
    },
  ]);
});
