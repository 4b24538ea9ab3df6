// onboardDriver: who may call it (and into which fleet), what it does to a new phone and to existing accounts, the
// SMS invitation, the driver.onboarded event and the audit entry — and that every refusal writes nothing. Also the
// known-fleets replica fed by fleet's fleet.changed.
import { randomUUID } from 'node:crypto';
import { createLogger } from '../../../platform/logging/index.js';
import { INVITE_TEXT } from '../src/services/driver-onboarding-service.js';
import { createFleetEventHandler } from '../src/services/fleet-events.js';
import { createIdentityStore } from '../src/store/store.js';
import type { User } from '../src/store/prisma/client.js';
import { errorCodes, fleetChanged, newEmail, newPhone, startHarness, type Harness } from './harness.js';

let h: Harness;
let operations: User;
let operationsToken: string;
const fleetA = randomUUID();
const fleetB = randomUUID();

beforeAll(async () => {
  h = await startHarness();
  operations = await h.createUser({ roles: ['OPERATIONS'], name: 'Olga Ops' });
  operationsToken = await h.tokenFor(operations);
  const record = createFleetEventHandler({ store: createIdentityStore(h.prisma), logger: createLogger({ level: 'silent' }) });
  for (const fleetId of [fleetA, fleetB]) await record(fleetChanged(fleetId, '2026-12-01T00:00:00.000Z'));
});

afterAll(async () => {
  await h?.stop();
});

const ONBOARD = `mutation ($input: OnboardDriverInput!) {
  onboardDriver(input: $input) { user { id name roles phone active } newUser inviteSent userErrors { code field } }
}`;

const input = (overrides: Record<string, unknown> = {}) => ({
  phone: newPhone(),
  name: 'Dana Driver',
  fleetId: fleetA,
  licenceNumber: `dl-${randomUUID().slice(0, 8)}`,
  licenceExpiresOn: '2030-01-31',
  ...overrides,
});

/** What onboarding may write: accounts, their roles, outbox rows (events and audit entries). */
const snapshot = async () => ({
  users: await h.prisma.user.count(),
  drivers: await h.prisma.user.count({ where: { roles: { has: 'DRIVER' } } }),
  outbox: await h.prisma.outboxEvent.count(),
});

const eventsFor = async (type: string, userId: string) =>
  (await h.prisma.outboxEvent.findMany({ where: { type }, orderBy: { occurredAt: 'asc' } }))
    .map((row) => row.payload as Record<string, unknown>)
    .filter((payload) => payload.userId === userId || payload.targetId === userId);

test('operations onboard a new phone: a DRIVER account, the invitation by SMS, driver.onboarded and the audit entry', async () => {
  const given = input({ licenceNumber: ' dl-77-abc ' });
  const result = await h.execute(ONBOARD, { input: given }, { token: operationsToken });
  expect(result.data?.onboardDriver).toEqual({
    user: { id: expect.any(String), name: 'Dana Driver', roles: ['DRIVER'], phone: given.phone, active: true },
    newUser: true,
    inviteSent: true,
    userErrors: [],
  });
  const userId: string = result.data.onboardDriver.user.id;
  expect(h.log.sms(given.phone).map((line) => line.text)).toEqual([INVITE_TEXT]);
  expect(await eventsFor('driver.onboarded', userId)).toEqual([
    {
      userId,
      fleetId: fleetA,
      licenceNumber: 'DL-77-ABC',
      licenceExpiresOn: '2030-01-31',
      onboardedBy: operations.id,
      occurredAt: expect.any(String),
    },
  ]);
  const audits = await eventsFor('audit.recorded', userId);
  expect(audits.map(({ action, actorId, targetType, before, after }) => ({ action, actorId, targetType, before, after }))).toEqual([
    {
      action: 'driver.onboard',
      actorId: operations.id,
      targetType: 'User',
      before: null,
      after: { roles: ['DRIVER'], fleetId: fleetA, licenceNumber: 'DL-77-ABC', licenceExpiresOn: '2030-01-31' },
    },
  ]);

  // The phone is vouched for: a code sent to it signs in to this account, not to a new rider.
  const signedIn = await h.signInWithPhone(given.phone);
  expect({ userId: signedIn.userId, roles: signedIn.roles, newUser: signedIn.newUser }).toEqual({ userId, roles: ['DRIVER'], newUser: false });
});

test("a rider's account becomes a driver too, keeping its name", async () => {
  const phone = newPhone();
  const rider = await h.createUser({ roles: ['RIDER'], name: 'Rita Rider', phone });
  const result = await h.execute(ONBOARD, { input: input({ phone, name: 'Someone Else', licenceExpiresOn: null }) }, { token: operationsToken });
  expect(result.data?.onboardDriver).toEqual({
    user: { id: rider.id, name: 'Rita Rider', roles: ['RIDER', 'DRIVER'], phone, active: true },
    newUser: false,
    inviteSent: true,
    userErrors: [],
  });
  expect((await eventsFor('driver.onboarded', rider.id)).map((event) => event.licenceExpiresOn)).toEqual([null]);
  expect((await eventsFor('audit.recorded', rider.id)).map(({ before, after }) => ({ before, after }))).toEqual([
    { before: { roles: ['RIDER'] }, after: { roles: ['RIDER', 'DRIVER'], fleetId: fleetA, licenceNumber: expect.any(String), licenceExpiresOn: null } },
  ]);
});

test('an unproven claim on the phone (another account typed it) gives way: the person gets their own account', async () => {
  const phone = newPhone();
  const claimer = await h.createUser({ roles: ['RIDER'], phone, phoneProven: false, email: newEmail('claimer') });
  const result = await h.execute(ONBOARD, { input: input({ phone }) }, { token: operationsToken });
  expect(result.data?.onboardDriver).toMatchObject({ user: { roles: ['DRIVER'], phone }, newUser: true, userErrors: [] });
  expect(result.data.onboardDriver.user.id).not.toBe(claimer.id);
  expect(await h.prisma.user.findUniqueOrThrow({ where: { id: claimer.id } })).toMatchObject({ phone: null, roles: ['RIDER'] });
});

test('a fleet manager onboards into their own fleets only; riders and drivers may not onboard at all', async () => {
  const manager = await h.createUser({ roles: ['FLEET_MANAGER'], fleetIds: [fleetB] });
  const managerToken = await h.tokenFor({ ...manager, fleetIds: [fleetB] });
  const own = await h.execute(ONBOARD, { input: input({ fleetId: fleetB }) }, { token: managerToken });
  expect(own.data?.onboardDriver.userErrors).toEqual([]);

  const callers = [await h.createUser({ roles: ['RIDER'] }), await h.createUser({ roles: ['DRIVER'] })];
  const before = await snapshot();
  const other = await h.execute(ONBOARD, { input: input({ fleetId: fleetA }) }, { token: managerToken });
  expect(other.data?.onboardDriver).toEqual({
    user: null,
    newUser: false,
    inviteSent: false,
    userErrors: [{ code: 'FLEET_NOT_FOUND', field: ['input', 'fleetId'] }],
  });
  for (const caller of callers) {
    const refused = await h.execute(ONBOARD, { input: input() }, { token: await h.tokenFor(caller) });
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    expect(refused.data?.onboardDriver ?? null).toBeNull();
  }
  expect(errorCodes(await h.execute(ONBOARD, { input: input() }))).toEqual(['UNAUTHENTICATED']);
  expect(await snapshot()).toEqual(before);
});

test.each([
  ['a malformed phone', { phone: '555-1234' }, 'INVALID_PHONE', ['input', 'phone']],
  ['an empty name', { name: '  ' }, 'INVALID_NAME', ['input', 'name']],
  ['a fleet id that is no UUID', { fleetId: 'fleet-1' }, 'INVALID_FLEET_ID', ['input', 'fleetId']],
  ['a fleet identity does not know', { fleetId: randomUUID() }, 'FLEET_NOT_FOUND', ['input', 'fleetId']],
  ['a malformed licence', { licenceNumber: 'x!' }, 'INVALID_LICENCE', ['input', 'licenceNumber']],
  ['a date that does not exist', { licenceExpiresOn: '2030-02-30' }, 'INVALID_DATE', ['input', 'licenceExpiresOn']],
])('%s is refused (%s) with nothing written and no SMS', async (_what, overrides, code, field) => {
  const given = input(overrides);
  const before = await snapshot();
  const result = await h.execute(ONBOARD, { input: given }, { token: operationsToken });
  expect(result.data?.onboardDriver).toEqual({ user: null, newUser: false, inviteSent: false, userErrors: [{ code, field }] });
  expect(await snapshot()).toEqual(before);
  expect(h.log.sms(given.phone)).toEqual([]);
});

test.each([
  ['a driver', { roles: ['DRIVER'] as const }, 'ALREADY_DRIVER'],
  ['a rider who drives already', { roles: ['RIDER', 'DRIVER'] as const }, 'ALREADY_DRIVER'],
  ['staff', { roles: ['FLEET_MANAGER'] as const, fleetIds: [fleetA] }, 'USER_NOT_ELIGIBLE'],
  ['operations', { roles: ['OPERATIONS'] as const }, 'USER_NOT_ELIGIBLE'],
  ['a deactivated rider', { roles: ['RIDER'] as const, active: false }, 'ACCOUNT_DISABLED'],
])('the phone of %s is refused (%s) with nothing written and no SMS', async (_who, account, code) => {
  const phone = newPhone();
  const existing = await h.createUser({ ...account, roles: [...account.roles], phone });
  const before = await snapshot();
  const result = await h.execute(ONBOARD, { input: input({ phone }) }, { token: operationsToken });
  expect(result.data?.onboardDriver).toEqual({ user: null, newUser: false, inviteSent: false, userErrors: [{ code, field: ['input', 'phone'] }] });
  expect(await snapshot()).toEqual(before);
  expect((await h.prisma.user.findUniqueOrThrow({ where: { id: existing.id } })).roles).toEqual(account.roles);
  expect(h.log.sms(phone)).toEqual([]);
});

test('two onboardings of one phone at once: one account, one driver.onboarded, the other ALREADY_DRIVER', async () => {
  const phone = newPhone();
  const results = await Promise.all([1, 2].map(() => h.execute(ONBOARD, { input: input({ phone }) }, { token: operationsToken })));
  const codes = results.map((result) => result.data?.onboardDriver.userErrors.map((error: { code: string }) => error.code)).sort();
  expect(codes).toEqual([[], ['ALREADY_DRIVER']]);
  const accounts = await h.prisma.user.findMany({ where: { phone } });
  expect(accounts.map((user) => user.roles)).toEqual([['DRIVER']]);
  expect(await eventsFor('driver.onboarded', accounts[0]!.id)).toHaveLength(1);
  expect(h.log.sms(phone)).toHaveLength(1);
});

test('fleet.changed: a fleet is known once announced; redelivered or older events change nothing', async () => {
  const fleetId = randomUUID();
  const store = createIdentityStore(h.prisma);
  const record = createFleetEventHandler({ store, logger: createLogger({ level: 'silent' }) });
  expect(await store.knownFleets.exists(fleetId)).toBe(false);
  const event = fleetChanged(fleetId, '2026-12-05T10:00:00.000Z');
  await record(event);
  await record(event);
  await record(fleetChanged(fleetId, '2026-12-01T10:00:00.000Z'));
  expect(await h.prisma.knownFleet.findMany({ where: { id: fleetId } })).toEqual([{ id: fleetId, changedAt: new Date('2026-12-05T10:00:00.000Z') }]);
  // A malformed event is skipped, not retried.
  await record(fleetChanged('not-a-uuid', '2026-12-05T10:00:00.000Z'));
  expect(await h.prisma.knownFleet.count({ where: { id: { in: [fleetA, fleetB, fleetId] } } })).toBe(3);
});
