// The same sign-in and session rules on the embedded database (PGlite, one connection): `npm start` runs
// identity on it, so its transactions, row locks and advisory locks must work there too.
import type { PGlite } from '@electric-sql/pglite';
import { migrateSubgraphs, openEmbeddedPostgres } from '../../../platform/db/index.js';
import { AUTH_FIELDS, errorCodes, newEmail, newPhone, startHarness, type AuthResult, type Harness } from './harness.js';

let pglite: PGlite;
let h: Harness;

beforeAll(async () => {
  pglite = await openEmbeddedPostgres();
  const target = { kind: 'pglite' as const, pglite };
  await migrateSubgraphs(target);
  h = await startHarness({ database: target });
}, 60_000);

afterAll(async () => {
  await h?.stop();
  await pglite?.close();
});

const REFRESH = `mutation ($token: String!) { refreshSession(refreshToken: $token) { ${AUTH_FIELDS} } }`;
const refresh = (token: string) => h.execute<{ refreshSession: AuthResult }>(REFRESH, { token });

test('phone sign-in, rotation, and the parallel-refresh race behave as on PostgreSQL', async () => {
  const signedIn = await h.signInWithPhone(newPhone());
  expect(signedIn).toMatchObject({ newUser: true, roles: ['RIDER'] });
  const [a, b] = await Promise.all([refresh(signedIn.refreshToken!), refresh(signedIn.refreshToken!)]);
  expect([a, b].map((r) => (r.errors ? r.errors[0]?.extensions?.code : 'OK')).sort()).toEqual(['OK', 'UNAUTHENTICATED']);
  expect((await h.prisma.session.findUniqueOrThrow({ where: { id: signedIn.sessionId! } })).revocationReason).toBe('REFRESH_TOKEN_REUSED');
});

test('attempt limit, cooldown and one code per concurrent burst', async () => {
  const phone = newPhone();
  const results = await Promise.all(Array.from({ length: 3 }, () => h.execute('mutation ($phone: String!) { requestOtp(phone: $phone) { sent } }', { phone })));
  expect(results.filter((r) => r.data?.requestOtp.sent)).toHaveLength(1);
  const code = h.log.lastCode(phone);
  const wrong = code === '000000' ? '000001' : '000000';
  const verify = (guess: string) =>
    h.execute<{ verifyOtp: AuthResult }>(`mutation ($phone: String!, $code: String!) { verifyOtp(phone: $phone, code: $code) { ${AUTH_FIELDS} } }`, {
      phone,
      code: guess,
    });
  for (let i = 0; i < 5; i++) expect((await verify(wrong)).data?.verifyOtp.userErrors[0]?.code).toBe('INVALID_CODE');
  expect((await verify(code)).data?.verifyOtp.userErrors[0]?.code).toBe('TOO_MANY_ATTEMPTS');
});

test('password reset ends sessions in one transaction', async () => {
  const email = newEmail('embedded');
  const registered = (
    await h.execute<{ register: AuthResult }>(
      `mutation ($email: String!) { register(email: $email, password: "a long enough pass", name: "Em Bedded") { ${AUTH_FIELDS} } }`,
      { email },
    )
  ).data!.register;
  await h.verifyEmail(email); // only a proven email gets a reset link
  await h.execute('mutation ($email: String!) { requestPasswordReset(email: $email) { accepted } }', { email });
  const confirmed = await h.execute(
    'mutation ($token: String!) { confirmPasswordReset(token: $token, newPassword: "another long pass") { passwordChanged } }',
    { token: h.log.lastResetToken(email) },
  );
  expect(confirmed.data?.confirmPasswordReset.passwordChanged).toBe(true);
  expect(errorCodes(await refresh(registered.refreshToken!))).toEqual(['UNAUTHENTICATED']);
});

test('fleet managers: assign (a locked row) and Fleet.managers (an array overlap) work on PGlite too', async () => {
  const admin = await h.createUser({ roles: ['OPERATIONS'] });
  const token = await h.tokenFor(admin);
  const rider = await h.createUser({ roles: ['RIDER'], name: 'Embedded Manager' });
  const fleetId = await h.knownFleet('33333333-3333-4333-8333-333333333333');
  const assigned = await h.execute(
    `mutation ($userId: ID!, $fleetId: ID!) { assignFleetManager(userId: $userId, fleetId: $fleetId) { user { roles managedFleetIds } userErrors { code } } }`,
    { userId: rider.id, fleetId },
    { token },
  );
  expect(assigned.data?.assignFleetManager).toEqual({ user: { roles: ['RIDER', 'FLEET_MANAGER'], managedFleetIds: [fleetId] }, userErrors: [] });
  const managers = await h.execute(
    `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Fleet { managers { id name } } } }`,
    {
      r: [{ __typename: 'Fleet', id: fleetId }],
    },
    { token },
  );
  expect(managers.data?._entities).toEqual([{ managers: [{ id: rider.id, name: 'Embedded Manager' }] }]);
});

test('a role filter (an enum array parameter) works on PGlite as on PostgreSQL', async () => {
  const rider = await h.signInWithPhone(newPhone());
  // `roles: { has }` sends a list of enum values: PGlite used to receive "RIDER" instead of an array ("malformed array literal").
  const riders = await h.prisma.user.findMany({ where: { roles: { has: 'RIDER' } }, select: { id: true, roles: true } });
  expect(riders.map((u) => u.id)).toContain(rider.userId);
  expect(riders.every((u) => u.roles.includes('RIDER'))).toBe(true);
  const admins = await h.prisma.user.findMany({ where: { roles: { hasSome: ['SUPER_ADMIN', 'OPERATIONS'] } }, select: { id: true } });
  expect(admins.map((u) => u.id)).not.toContain(rider.userId);
});
