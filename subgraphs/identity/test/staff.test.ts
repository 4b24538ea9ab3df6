// Staff management: the users connection (filters, paging), createStaffUser, setUserRoles, deactivateUser, and
// who may call them.
import { errorCodes, newEmail, newPhone, startHarness, type Harness } from './harness.js';
import type { User } from '../src/store/prisma/client.js';

let h: Harness;
let admin: User;
let adminToken: string;

beforeAll(async () => {
  h = await startHarness();
  admin = await h.createUser({ roles: ['SUPER_ADMIN'], name: 'Sam Admin' });
  adminToken = await h.tokenFor(admin);
});

afterAll(async () => {
  await h?.stop();
});

const FLEET_A = '11111111-1111-4111-8111-111111111111';
const FLEET_B = '22222222-2222-4222-8222-222222222222';
const USER_PAYLOAD = 'user { id name email phone roles managedFleetIds active } userErrors { code field message }';
const CREATE = `mutation ($input: CreateStaffUserInput!) { createStaffUser(input: $input) { ${USER_PAYLOAD} } }`;
const SET_ROLES = `mutation ($userId: ID!, $roles: [Role!]!, $fleetIds: [ID!]) { setUserRoles(userId: $userId, roles: $roles, fleetIds: $fleetIds) { ${USER_PAYLOAD} } }`;
const DEACTIVATE = `mutation ($userId: ID!) { deactivateUser(userId: $userId) { ${USER_PAYLOAD} } }`;
const USERS = `query ($first: Int, $after: String, $role: Role, $search: String, $active: Boolean) {
  users(first: $first, after: $after, role: $role, search: $search, active: $active) {
    edges { cursor node { id name } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`;

test('createStaffUser creates staff with normalised email, roles and fleets', async () => {
  const email = newEmail('New.Manager');
  const phone = newPhone();
  const result = await h.execute(
    CREATE,
    { input: { name: ' Fran Manager ', email: email.toUpperCase(), phone, roles: ['FLEET_MANAGER', 'OPERATIONS'], fleetIds: [FLEET_A] } },
    { token: adminToken },
  );
  expect(result.errors).toBeUndefined();
  expect(result.data?.createStaffUser).toEqual({
    user: {
      id: expect.any(String),
      name: 'Fran Manager',
      email: email.toLowerCase(),
      phone,
      roles: ['FLEET_MANAGER', 'OPERATIONS'],
      managedFleetIds: [FLEET_A],
      active: true,
    },
    userErrors: [],
  });
  // They sign in with their phone and their token carries the fleets.
  const signedIn = await h.signInWithPhone(phone);
  expect(await h.testAuth.auth.verify(signedIn.accessToken!)).toMatchObject({ roles: ['FLEET_MANAGER', 'OPERATIONS'], fleetIds: [FLEET_A] });
});

test('two createStaffUser racing for one email: one account, the other EMAIL_TAKEN', async () => {
  for (let round = 0; round < 5; round++) {
    const email = newEmail(`race${round}`);
    const results = await Promise.all(
      ['Ana Race', 'Ben Race'].map((name) => h.execute(CREATE, { input: { name, email, roles: ['OPERATIONS'] } }, { token: adminToken })),
    );
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined]);
    const codes = results.map((r) => (r.data?.createStaffUser as { userErrors: { code: string }[] }).userErrors.map((e) => e.code)).sort();
    expect(codes).toEqual([[], ['EMAIL_TAKEN']]);
    expect(await h.prisma.user.count({ where: { email } })).toBe(1);
  }
});

test('createStaffUser refuses bad input with typed errors', async () => {
  const cases: [Record<string, unknown>, string, string[]][] = [
    [{ name: 'No Contact', roles: ['OPERATIONS'] }, 'INVALID_EMAIL', ['input', 'email']],
    [{ name: 'Bad Email', email: 'nope', roles: ['OPERATIONS'] }, 'INVALID_EMAIL', ['input', 'email']],
    [{ name: 'Bad Phone', phone: '12345', roles: ['OPERATIONS'] }, 'INVALID_PHONE', ['input', 'phone']],
    [{ name: '', email: newEmail(), roles: ['OPERATIONS'] }, 'INVALID_NAME', ['input', 'name']],
    [{ name: 'Rider', email: newEmail(), roles: ['RIDER'] }, 'INVALID_ROLES', ['input', 'roles']],
    [{ name: 'Nobody', email: newEmail(), roles: [] }, 'INVALID_ROLES', ['input', 'roles']],
    [{ name: 'Fleetless', email: newEmail(), roles: ['FLEET_MANAGER'] }, 'INVALID_FLEET_IDS', ['input', 'fleetIds']],
    [{ name: 'Not Manager', email: newEmail(), roles: ['OPERATIONS'], fleetIds: [FLEET_A] }, 'INVALID_FLEET_IDS', ['input', 'fleetIds']],
    [{ name: 'Bad Fleet', email: newEmail(), roles: ['FLEET_MANAGER'], fleetIds: ['fleet-1'] }, 'INVALID_FLEET_IDS', ['input', 'fleetIds']],
  ];
  for (const [input, code, field] of cases) {
    const result = await h.execute(CREATE, { input }, { token: adminToken });
    expect([input.name, result.data?.createStaffUser]).toEqual([input.name, { user: null, userErrors: [{ code, field, message: expect.any(String) }] }]);
  }
  const existing = await h.createUser({ roles: ['RIDER'], email: newEmail('exists') });
  const taken = await h.execute(CREATE, { input: { name: 'Dup', email: existing.email, roles: ['OPERATIONS'] } }, { token: adminToken });
  expect(taken.data?.createStaffUser.userErrors).toMatchObject([{ code: 'EMAIL_TAKEN', field: ['input', 'email'] }]);
});

test('setUserRoles replaces roles and fleets; the next refresh carries them', async () => {
  const phone = newPhone();
  const rider = await h.signInWithPhone(phone);
  const result = await h.execute(SET_ROLES, { userId: rider.userId, roles: ['FLEET_MANAGER', 'RIDER'], fleetIds: [FLEET_A, FLEET_B] }, { token: adminToken });
  expect(result.data?.setUserRoles).toMatchObject({ user: { roles: ['FLEET_MANAGER', 'RIDER'], managedFleetIds: [FLEET_A, FLEET_B] }, userErrors: [] });
  const refreshed = await h.execute('mutation ($t: String!) { refreshSession(refreshToken: $t) { accessToken roles } }', { t: rider.refreshToken });
  expect(refreshed.data?.refreshSession.roles).toEqual(['FLEET_MANAGER', 'RIDER']);
  expect(await h.testAuth.auth.verify(refreshed.data!.refreshSession.accessToken)).toMatchObject({ fleetIds: [FLEET_A, FLEET_B] });

  const demoted = await h.execute(SET_ROLES, { userId: rider.userId, roles: ['RIDER'] }, { token: adminToken });
  expect(demoted.data?.setUserRoles.user).toMatchObject({ roles: ['RIDER'], managedFleetIds: [] });
  expect((await h.prisma.user.findUniqueOrThrow({ where: { id: rider.userId! } })).fleetIds).toEqual([]);
});

test('setUserRoles: a super admin cannot remove their own SUPER_ADMIN; input problems are user errors', async () => {
  const self = await h.execute(SET_ROLES, { userId: admin.id, roles: ['OPERATIONS'] }, { token: adminToken });
  expect(self.data?.setUserRoles).toMatchObject({ user: null, userErrors: [{ code: 'CANNOT_DEMOTE_SELF', field: ['roles'] }] });
  expect((await h.prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).roles).toEqual(['SUPER_ADMIN']);
  // Adding roles to oneself is fine.
  const widened = await h.execute(SET_ROLES, { userId: admin.id, roles: ['SUPER_ADMIN', 'OPERATIONS'] }, { token: adminToken });
  expect(widened.data?.setUserRoles.user.roles).toEqual(['SUPER_ADMIN', 'OPERATIONS']);

  // Another super admin may demote this one.
  const other = await h.createUser({ roles: ['SUPER_ADMIN'] });
  const byOther = await h.execute(SET_ROLES, { userId: other.id, roles: ['OPERATIONS'] }, { token: adminToken });
  expect(byOther.data?.setUserRoles.user.roles).toEqual(['OPERATIONS']);

  const target = await h.createUser({ roles: ['RIDER'] });
  const cases: [Record<string, unknown>, string][] = [
    [{ userId: target.id, roles: [] }, 'INVALID_ROLES'],
    [{ userId: target.id, roles: ['FLEET_MANAGER'] }, 'INVALID_FLEET_IDS'],
    [{ userId: target.id, roles: ['DRIVER'], fleetIds: [FLEET_A] }, 'INVALID_FLEET_IDS'],
    [{ userId: '00000000-0000-4000-8000-000000000000', roles: ['DRIVER'] }, 'USER_NOT_FOUND'],
    [{ userId: 'garbage', roles: ['DRIVER'] }, 'USER_NOT_FOUND'],
  ];
  for (const [variables, code] of cases) {
    expect((await h.execute(SET_ROLES, variables, { token: adminToken })).data?.setUserRoles.userErrors[0]?.code).toBe(code);
  }
});

test('deactivateUser deactivates, ends every session, and the user cannot sign in again; not allowed on oneself', async () => {
  const phone = newPhone();
  const one = await h.signInWithPhone(phone);
  h.clock.advance(31_000);
  const two = await h.signInWithPhone(phone);
  const result = await h.execute(DEACTIVATE, { userId: one.userId }, { token: adminToken });
  expect(result.data?.deactivateUser).toMatchObject({ user: { id: one.userId, active: false }, userErrors: [] });
  expect(await h.prisma.session.count({ where: { userId: one.userId!, revocationReason: 'USER_DEACTIVATED' } })).toBe(2);
  for (const session of [one, two]) {
    expect(errorCodes(await h.execute('mutation ($t: String!) { refreshSession(refreshToken: $t) { accessToken } }', { t: session.refreshToken }))).toEqual([
      'UNAUTHENTICATED',
    ]);
  }
  h.clock.advance(31_000);
  await h.execute('mutation ($phone: String!) { requestOtp(phone: $phone) { sent } }', { phone });
  const again = await h.execute('mutation ($phone: String!, $code: String!) { verifyOtp(phone: $phone, code: $code) { userErrors { code } } }', {
    phone,
    code: h.log.lastCode(phone),
  });
  expect(again.data?.verifyOtp.userErrors).toEqual([{ code: 'ACCOUNT_DISABLED' }]);

  const self = await h.execute(DEACTIVATE, { userId: admin.id }, { token: adminToken });
  expect(self.data?.deactivateUser).toMatchObject({ user: null, userErrors: [{ code: 'CANNOT_DEACTIVATE_SELF', field: ['userId'] }] });
  expect((await h.prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).active).toBe(true);
  expect(
    (await h.execute(DEACTIVATE, { userId: '00000000-0000-4000-8000-000000000000' }, { token: adminToken })).data?.deactivateUser.userErrors[0]?.code,
  ).toBe('USER_NOT_FOUND');
});

test('staff mutations are SUPER_ADMIN only: anonymous is UNAUTHENTICATED, other roles FORBIDDEN, nothing changes', async () => {
  const target = await h.createUser({ roles: ['RIDER'] });
  const operations = [
    [CREATE, { input: { name: 'Sneaky', email: newEmail('sneaky'), roles: ['SUPER_ADMIN'] } }],
    [SET_ROLES, { userId: target.id, roles: ['SUPER_ADMIN'] }],
    [DEACTIVATE, { userId: target.id }],
  ] as const;
  for (const role of ['OPERATIONS', 'FLEET_MANAGER', 'DRIVER', 'RIDER'] as const) {
    const someone = await h.createUser({ roles: [role], fleetIds: role === 'FLEET_MANAGER' ? [FLEET_A] : [] });
    for (const [query, variables] of operations) {
      const result = await h.execute(query, variables, { token: await h.tokenFor(someone) });
      expect([role, errorCodes(result)]).toEqual([role, ['FORBIDDEN']]);
    }
  }
  for (const [query, variables] of operations) expect(errorCodes(await h.execute(query, variables))).toEqual(['UNAUTHENTICATED']);
  expect(await h.prisma.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ roles: ['RIDER'], active: true });
  expect(await h.prisma.user.count({ where: { name: 'Sneaky' } })).toBe(0);
});

test('users: SUPER_ADMIN and OPERATIONS only', async () => {
  const operations = await h.createUser({ roles: ['OPERATIONS'] });
  expect((await h.execute(USERS, { first: 1 }, { token: await h.tokenFor(operations) })).errors).toBeUndefined();
  expect((await h.execute(USERS, { first: 1 }, { token: adminToken })).errors).toBeUndefined();
  for (const role of ['FLEET_MANAGER', 'DRIVER', 'RIDER'] as const) {
    const someone = await h.createUser({ roles: [role] });
    expect(errorCodes(await h.execute(USERS, { first: 1 }, { token: await h.tokenFor(someone) }))).toEqual(['FORBIDDEN']);
  }
  expect(errorCodes(await h.execute(USERS, { first: 1 }))).toEqual(['UNAUTHENTICATED']);
});

test('users filters by role, active and search, pages newest first with cursors', async () => {
  const tag = `Zed${Date.now().toString(36)}`;
  const made: User[] = [];
  for (let i = 0; i < 5; i++) {
    made.push(
      await h.createUser({
        roles: i % 2 === 0 ? ['DRIVER'] : ['RIDER'],
        name: `${tag} Person ${i}`,
        email: newEmail(`${tag.toLowerCase()}.${i}`),
        active: i !== 4,
      }),
    );
  }
  const run = async (variables: Record<string, unknown>) => {
    const result = await h.execute(USERS, variables, { token: adminToken });
    expect(result.errors).toBeUndefined();
    return result.data!.users as {
      edges: { cursor: string; node: { id: string; name: string } }[];
      pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
    };
  };
  const newestFirst = [...made].reverse().map((u) => u.id);
  expect((await run({ search: tag.toLowerCase() })).edges.map((e) => e.node.id)).toEqual(newestFirst);
  expect((await run({ search: tag, role: 'DRIVER' })).edges.map((e) => e.node.id)).toEqual([made[4]!.id, made[2]!.id, made[0]!.id]);
  expect((await run({ search: tag, active: false })).edges.map((e) => e.node.id)).toEqual([made[4]!.id]);
  expect((await run({ search: made[3]!.phone!.slice(-7) })).edges.map((e) => e.node.id)).toEqual([made[3]!.id]);
  expect((await run({ search: made[1]!.email!.toUpperCase() })).edges.map((e) => e.node.id)).toEqual([made[1]!.id]);

  const first = await run({ search: tag, first: 2 });
  expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
  const second = await run({ search: tag, first: 2, after: first.pageInfo.endCursor });
  const third = await run({ search: tag, first: 2, after: second.pageInfo.endCursor });
  expect([...first.edges, ...second.edges, ...third.edges].map((e) => e.node.id)).toEqual(newestFirst);
  expect(third.pageInfo.hasNextPage).toBe(false);

  // totalCount: the filter's users across all pages, whatever the page or its cursor.
  const TOTALS = `query ($tag: String, $after: String) {
    all: users(search: $tag, first: 2) { totalCount }
    later: users(search: $tag, first: 2, after: $after) { totalCount }
    drivers: users(search: $tag, role: DRIVER) { totalCount }
    inactive: users(search: $tag, active: false) { totalCount }
  }`;
  const totals = await h.execute(TOTALS, { tag, after: first.pageInfo.endCursor }, { token: adminToken });
  expect(totals.errors).toBeUndefined();
  expect(totals.data).toEqual({ all: { totalCount: 5 }, later: { totalCount: 5 }, drivers: { totalCount: 3 }, inactive: { totalCount: 1 } });

  expect(errorCodes(await h.execute(USERS, { first: 0 }, { token: adminToken }))).toEqual(['BAD_USER_INPUT']);
  expect(errorCodes(await h.execute(USERS, { after: 'garbage' }, { token: adminToken }))).toEqual(['BAD_USER_INPUT']);
});
