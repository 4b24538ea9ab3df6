// Proving an account's email: register sends a single-use link (24 hours); verifyEmail takes its token. Staff emails
// are vouched for by the super admin. Who the first proof of an email hands the account to: account-ownership.test.ts.
import { AUTH_FIELDS, errorCodes, newEmail, startHarness, type AuthResult, type Harness } from './harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.stop();
});

const PASSWORD = 'correct horse battery staple';
const REGISTER = `mutation ($email: String!) { register(email: $email, password: "${PASSWORD}", name: "Vera Fied") { ${AUTH_FIELDS} } }`;
const VERIFY = 'mutation ($token: String!) { verifyEmail(token: $token) { emailVerified userErrors { code field message } } }';
const EMAIL_VERIFIED = 'query ($id: ID!) { user(id: $id) { id emailVerified } }';

const register = async (email: string) => (await h.execute<{ register: AuthResult }>(REGISTER, { email })).data!.register;
const verify = async (token: string) =>
  (await h.execute(VERIFY, { token })).data!.verifyEmail as { emailVerified: boolean; userErrors: { code: string; field: string[] }[] };
const emailVerified = async (id: string, token: string) => (await h.execute(EMAIL_VERIFIED, { id }, { token })).data!.user.emailVerified as boolean;

/** The token of the newest verification email to this address. */
function verificationToken(to: string): string {
  const text = String(
    h.log
      .emails(to)
      .filter((line) => line.subject === 'Confirm your Ridegraph email')
      .at(-1)?.text ?? '',
  );
  const token = /verify-email\?token=([A-Za-z0-9_-]+)/.exec(text)?.[1];
  if (!token) throw new Error(`no verification link was sent to ${to}`);
  return token;
}

test('register sends one verification link; opening it proves the email, once', async () => {
  const email = newEmail('verify');
  const auth = await register(email);
  expect(h.log.emails(email).map((line) => line.subject)).toEqual(['Confirm your Ridegraph email']);
  expect(await emailVerified(auth.userId!, auth.accessToken!)).toBe(false);

  const token = verificationToken(email);
  expect(await verify(token)).toEqual({ emailVerified: true, userErrors: [] });
  expect(await emailVerified(auth.userId!, auth.accessToken!)).toBe(true);
  expect((await h.prisma.user.findUniqueOrThrow({ where: { id: auth.userId! } })).emailVerifiedAt).toEqual(h.clock.now());
  // The token is stored only as a hash.
  expect(await h.prisma.emailVerificationToken.count({ where: { tokenHash: token } })).toBe(0);

  expect(await verify(token)).toEqual({
    emailVerified: false,
    userErrors: [{ code: 'INVALID_VERIFICATION_TOKEN', field: ['token'], message: 'This verification link is not valid any more' }],
  });
});

test('a link works for 24 hours; an unknown token is refused the same way', async () => {
  const email = newEmail('late');
  const auth = await register(email);
  h.clock.advance(24 * 3600_000 + 1000);
  expect((await verify(verificationToken(email))).userErrors).toMatchObject([{ code: 'INVALID_VERIFICATION_TOKEN' }]);
  expect((await verify('not-a-token')).userErrors).toMatchObject([{ code: 'INVALID_VERIFICATION_TOKEN' }]);
  expect(await emailVerified(auth.userId!, auth.accessToken!)).toBe(false);
});

test("a staff member's email is vouched for by the super admin; another rider cannot read whether an email is proven", async () => {
  const admin = await h.createUser({ roles: ['SUPER_ADMIN'] });
  const adminToken = await h.tokenFor(admin);
  const created = await h.execute(
    'mutation ($input: CreateStaffUserInput!) { createStaffUser(input: $input) { user { id emailVerified } } }',
    {
      input: { name: 'Olga Ops', email: newEmail('staff'), roles: ['OPERATIONS'] },
    },
    { token: adminToken },
  );
  expect(created.data!.createStaffUser.user).toEqual({ id: expect.any(String), emailVerified: true });

  const rider = await register(newEmail('nosy'));
  const peek = await h.execute(EMAIL_VERIFIED, { id: created.data!.createStaffUser.user.id }, { token: rider.accessToken! });
  expect(peek.data!.user).toEqual({ id: created.data!.createStaffUser.user.id, emailVerified: null });
  expect(errorCodes(peek)).toEqual(['FORBIDDEN']);
});
