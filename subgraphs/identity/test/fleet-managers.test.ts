// Fleet managers: assignFleetManager / removeFleetManager (who may, what changes, the audit entries) and the
// Fleet.managers field identity contributes to the Fleet entity (who may read it, one query for many fleets).
import { randomUUID } from 'node:crypto';
import type { Role } from '../../../platform/auth/index.js';
import type { User } from '../src/store/prisma/client.js';
import { errorCodes, newPhone, startHarness, type Harness } from './harness.js';

let h: Harness;
let admin: User;
let operations: User;
let adminToken: string;
let operationsToken: string;

beforeAll(async () => {
  h = await startHarness();
  admin = await h.createUser({ roles: ['SUPER_ADMIN'], name: 'Sam Admin' });
  operations = await h.createUser({ roles: ['OPERATIONS'], name: 'Olga Ops' });
  adminToken = await h.tokenFor(admin);
  operationsToken = await h.tokenFor(operations);
});

afterAll(async () => {
  await h?.stop();
});

const PAYLOAD = 'user { id roles managedFleetIds } userErrors { code field }';
const ASSIGN = `mutation ($userId: ID!, $fleetId: ID!) { assignFleetManager(userId: $userId, fleetId: $fleetId) { ${PAYLOAD} } }`;
const REMOVE = `mutation ($userId: ID!, $fleetId: ID!) { removeFleetManager(userId: $userId, fleetId: $fleetId) { ${PAYLOAD} } }`;
const MANAGERS = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Fleet { id managers { id name } } } }`;
const fleets = (...ids: string[]) => ({ representations: ids.map((id) => ({ __typename: 'Fleet', id })) });

const auditEntries = async (userId: string) =>
  (await h.prisma.outboxEvent.findMany({ where: { type: 'audit.recorded' }, orderBy: { occurredAt: 'asc' } }))
    .map((row) => row.payload as Record<string, unknown>)
    .filter((payload) => payload.targetId === userId)
    .map(({ action, actorId, before, after }) => ({ action, actorId, before, after }));

test('assign adds FLEET_MANAGER and the fleet; remove drops the fleet, and the role with the last one; each audited', async () => {
  const [fleetA, fleetB] = [await h.knownFleet(), await h.knownFleet()];
  const rider = await h.createUser({ roles: ['RIDER'] });

  const first = await h.execute(ASSIGN, { userId: rider.id, fleetId: fleetA }, { token: operationsToken });
  expect(first.data?.assignFleetManager).toEqual({ user: { id: rider.id, roles: ['RIDER', 'FLEET_MANAGER'], managedFleetIds: [fleetA] }, userErrors: [] });
  const second = await h.execute(ASSIGN, { userId: rider.id, fleetId: fleetB }, { token: adminToken });
  expect(second.data?.assignFleetManager.user).toEqual({ id: rider.id, roles: ['RIDER', 'FLEET_MANAGER'], managedFleetIds: [fleetA, fleetB] });
  // Assigning again changes nothing and records nothing.
  const again = await h.execute(ASSIGN, { userId: rider.id, fleetId: fleetB }, { token: adminToken });
  expect(again.data?.assignFleetManager.user.managedFleetIds).toEqual([fleetA, fleetB]);

  const removedA = await h.execute(REMOVE, { userId: rider.id, fleetId: fleetA }, { token: operationsToken });
  expect(removedA.data?.removeFleetManager).toEqual({ user: { id: rider.id, roles: ['RIDER', 'FLEET_MANAGER'], managedFleetIds: [fleetB] }, userErrors: [] });
  const removedB = await h.execute(REMOVE, { userId: rider.id, fleetId: fleetB }, { token: operationsToken });
  expect(removedB.data?.removeFleetManager.user).toEqual({ id: rider.id, roles: ['RIDER'], managedFleetIds: [] });
  // Removing a fleet they do not manage changes nothing and records nothing.
  const notManaged = await h.execute(REMOVE, { userId: rider.id, fleetId: fleetB }, { token: operationsToken });
  expect(notManaged.data?.removeFleetManager).toEqual({ user: { id: rider.id, roles: ['RIDER'], managedFleetIds: [] }, userErrors: [] });

  expect(await auditEntries(rider.id)).toEqual([
    {
      action: 'fleet_manager.assign',
      actorId: operations.id,
      before: { roles: ['RIDER'], fleetIds: [] },
      after: { roles: ['RIDER', 'FLEET_MANAGER'], fleetIds: [fleetA] },
    },
    {
      action: 'fleet_manager.assign',
      actorId: admin.id,
      before: { roles: ['RIDER', 'FLEET_MANAGER'], fleetIds: [fleetA] },
      after: { roles: ['RIDER', 'FLEET_MANAGER'], fleetIds: [fleetA, fleetB] },
    },
    {
      action: 'fleet_manager.remove',
      actorId: operations.id,
      before: { roles: ['RIDER', 'FLEET_MANAGER'], fleetIds: [fleetA, fleetB] },
      after: { roles: ['RIDER', 'FLEET_MANAGER'], fleetIds: [fleetB] },
    },
    {
      action: 'fleet_manager.remove',
      actorId: operations.id,
      before: { roles: ['RIDER', 'FLEET_MANAGER'], fleetIds: [fleetB] },
      after: { roles: ['RIDER'], fleetIds: [] },
    },
  ]);
});

test('the manager token carries a newly assigned fleet from its next refresh', async () => {
  const fleet = await h.knownFleet();
  const signedIn = await h.signInWithPhone(newPhone());
  await h.execute(ASSIGN, { userId: signedIn.userId, fleetId: fleet }, { token: operationsToken });
  expect(await h.testAuth.auth.verify(signedIn.accessToken!)).toMatchObject({ fleetIds: [] });
  const refreshed = await h.execute('mutation ($t: String!) { refreshSession(refreshToken: $t) { accessToken } }', { t: signedIn.refreshToken });
  expect(await h.testAuth.auth.verify(refreshed.data!.refreshSession.accessToken)).toMatchObject({ roles: ['RIDER', 'FLEET_MANAGER'], fleetIds: [fleet] });
});

test('bad input is a user error and writes nothing', async () => {
  const rider = await h.createUser({ roles: ['RIDER'] });
  const fleet = await h.knownFleet();
  const cases: [string, Record<string, unknown>, string, string[]][] = [
    [ASSIGN, { userId: rider.id, fleetId: 'fleet-1' }, 'INVALID_FLEET_ID', ['fleetId']],
    [REMOVE, { userId: rider.id, fleetId: 'fleet-1' }, 'INVALID_FLEET_ID', ['fleetId']],
    [ASSIGN, { userId: rider.id, fleetId: randomUUID() }, 'FLEET_NOT_FOUND', ['fleetId']],
    [ASSIGN, { userId: randomUUID(), fleetId: fleet }, 'USER_NOT_FOUND', ['userId']],
    [REMOVE, { userId: randomUUID(), fleetId: randomUUID() }, 'USER_NOT_FOUND', ['userId']],
    [ASSIGN, { userId: 'garbage', fleetId: randomUUID() }, 'USER_NOT_FOUND', ['userId']],
  ];
  const outboxBefore = await h.prisma.outboxEvent.count();
  for (const [mutation, variables, code, field] of cases) {
    const result = await h.execute(mutation, variables, { token: adminToken });
    expect([variables, Object.values(result.data ?? {})[0]]).toEqual([variables, { user: null, userErrors: [{ code, field }] }]);
  }
  expect(await h.prisma.outboxEvent.count()).toBe(outboxBefore);
  expect(await h.prisma.user.findUniqueOrThrow({ where: { id: rider.id } })).toMatchObject({ roles: ['RIDER'], fleetIds: [] });
});

test('a fleet identity does not know is FLEET_NOT_FOUND with nothing written; once fleet announces it, the same call works', async () => {
  const rider = await h.createUser({ roles: ['RIDER'] });
  const fleetId = randomUUID();
  const outboxBefore = await h.prisma.outboxEvent.count();
  for (const token of [adminToken, operationsToken]) {
    const refused = await h.execute(ASSIGN, { userId: rider.id, fleetId }, { token });
    expect(refused.data?.assignFleetManager).toEqual({ user: null, userErrors: [{ code: 'FLEET_NOT_FOUND', field: ['fleetId'] }] });
  }
  expect(await h.prisma.outboxEvent.count()).toBe(outboxBefore);
  expect(await auditEntries(rider.id)).toEqual([]);
  expect(await h.prisma.user.findUniqueOrThrow({ where: { id: rider.id } })).toMatchObject({ roles: ['RIDER'], fleetIds: [] });

  // fleet.changed arrives (as fleet's outbox relays it for a fleet just created): the retry succeeds.
  await h.knownFleet(fleetId);
  const assigned = await h.execute(ASSIGN, { userId: rider.id, fleetId }, { token: operationsToken });
  expect(assigned.data?.assignFleetManager).toEqual({ user: { id: rider.id, roles: ['RIDER', 'FLEET_MANAGER'], managedFleetIds: [fleetId] }, userErrors: [] });
  expect((await auditEntries(rider.id)).map((entry) => entry.action)).toEqual(['fleet_manager.assign']);
});

test('removing a manager from a fleet identity does not know still works (removal never asks known_fleets)', async () => {
  const fleetId = randomUUID();
  const manager = await h.createUser({ roles: ['RIDER', 'FLEET_MANAGER'], fleetIds: [fleetId] });
  const removed = await h.execute(REMOVE, { userId: manager.id, fleetId }, { token: operationsToken });
  expect(removed.data?.removeFleetManager).toEqual({ user: { id: manager.id, roles: ['RIDER'], managedFleetIds: [] }, userErrors: [] });
  expect((await auditEntries(manager.id)).map((entry) => entry.action)).toEqual(['fleet_manager.remove']);
});

test('only SUPER_ADMIN and OPERATIONS assign or remove managers', async () => {
  const target = await h.createUser({ roles: ['RIDER'] });
  const fleet = randomUUID();
  const refused: Role[][] = [['FLEET_MANAGER'], ['DRIVER'], ['RIDER']];
  for (const roles of refused) {
    const caller = await h.createUser({ roles, fleetIds: roles.includes('FLEET_MANAGER') ? [fleet] : [] });
    const token = await h.tokenFor(caller);
    for (const mutation of [ASSIGN, REMOVE]) {
      const result = await h.execute(mutation, { userId: target.id, fleetId: fleet }, { token });
      expect([roles, result.data, errorCodes(result)]).toEqual([roles, null, ['FORBIDDEN']]);
    }
  }
  const anonymous = await h.execute(ASSIGN, { userId: target.id, fleetId: fleet });
  expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
  expect(await h.prisma.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ roles: ['RIDER'], fleetIds: [] });
});

test("Fleet.managers: by name, per fleet; readable by staff and that fleet's managers", async () => {
  const [fleetA, fleetB, empty] = [randomUUID(), randomUUID(), randomUUID()];
  const zoe = await h.createUser({ roles: ['FLEET_MANAGER'], name: 'Zoe Manager', fleetIds: [fleetA, fleetB] });
  const amy = await h.createUser({ roles: ['FLEET_MANAGER'], name: 'Amy Manager', fleetIds: [fleetA] });
  // fleet_ids without the role (should not happen through the API) does not make a manager.
  await h.createUser({ roles: ['RIDER'], name: 'Not Manager', fleetIds: [fleetA] });

  for (const token of [adminToken, operationsToken]) {
    const result = await h.execute(MANAGERS, fleets(fleetA, fleetB, empty), { token });
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([
      {
        id: fleetA,
        managers: [
          { id: amy.id, name: 'Amy Manager' },
          { id: zoe.id, name: 'Zoe Manager' },
        ],
      },
      { id: fleetB, managers: [{ id: zoe.id, name: 'Zoe Manager' }] },
      { id: empty, managers: [] },
    ]);
  }

  // A manager reads their own fleets' managers, not another fleet's.
  const amyToken = await h.tokenFor(amy);
  const own = await h.execute(MANAGERS, fleets(fleetA), { token: amyToken });
  expect(own.data?._entities).toEqual([
    {
      id: fleetA,
      managers: [
        { id: amy.id, name: 'Amy Manager' },
        { id: zoe.id, name: 'Zoe Manager' },
      ],
    },
  ]);
  const other = await h.execute(MANAGERS, fleets(fleetB), { token: amyToken });
  expect([other.data?._entities, errorCodes(other)]).toEqual([[null], ['FORBIDDEN']]);
});

test('Fleet.managers loads many fleets with one statement', async () => {
  const ids = [randomUUID(), randomUUID(), randomUUID()];
  await h.createUser({ roles: ['FLEET_MANAGER'], name: 'Batch Manager', fleetIds: ids });
  const statements: string[] = [];
  const observed = await h.startAnother({ onStatement: (sql) => statements.push(sql) });
  statements.length = 0;
  const result = await observed.execute(MANAGERS, fleets(...ids), { token: adminToken });
  expect(result.data?._entities.map((fleet: { managers: unknown[] }) => fleet.managers.length)).toEqual([1, 1, 1]);
  expect(statements.filter((sql) => /select/i.test(sql))).toHaveLength(1);
});

test('two fleets assigned at once to one user both land (the row is locked for each change)', async () => {
  const rider = await h.createUser({ roles: ['RIDER'] });
  const [fleetA, fleetB] = [await h.knownFleet(), await h.knownFleet()];
  const results = await Promise.all([fleetA, fleetB].map((fleetId) => h.execute(ASSIGN, { userId: rider.id, fleetId }, { token: adminToken })));
  expect(results.map((result) => result.data?.assignFleetManager.userErrors)).toEqual([[], []]);
  const stored = await h.prisma.user.findUniqueOrThrow({ where: { id: rider.id } });
  expect([stored.roles, [...stored.fleetIds].sort()]).toEqual([['RIDER', 'FLEET_MANAGER'], [fleetA, fleetB].sort()]);
  expect((await auditEntries(rider.id)).map((entry) => entry.action)).toEqual(['fleet_manager.assign', 'fleet_manager.assign']);
});
