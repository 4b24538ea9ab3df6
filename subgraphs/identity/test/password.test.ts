// Email + password: register, sign in (unknown emails cost one dummy verify), reset (single use, 30 minutes,
// ends every session), rate limits per email and per IP.
import { AUTH_FIELDS, errorCodes, newEmail, newPhone, startHarness, type AuthResult, type Harness } from './harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.stop();
});

const PASSWORD = 'correct horse battery staple';
const REGISTER = `mutation ($email: String!, $password: String!, $name: String!, $phone: String, $phoneCode: String) {
  register(email: $email, password: $password, name: $name, phone: $phone, phoneCode: $phoneCode) { ${AUTH_FIELDS} } }`;
const REQUEST_OTP = 'mutation ($phone: String!) { requestOtp(phone: $phone) { sent } }';
const SIGN_IN = `mutation ($email: String!, $password: String!) { signIn(email: $email, password: $password, device: { platform: WEB }) { ${AUTH_FIELDS} } }`;
const REQUEST_RESET = 'mutation ($email: String!) { requestPasswordReset(email: $email) { accepted userErrors { code field message } } }';
const CONFIRM_RESET =
  'mutation ($token: String!, $password: String!) { confirmPasswordReset(token: $token, newPassword: $password) { passwordChanged userErrors { code field message } } }';
const REFRESH = 'mutation ($token: String!) { refreshSession(refreshToken: $token) { accessToken } }';

const register = (variables: Record<string, unknown>) => h.execute<{ register: AuthResult }>(REGISTER, variables);
const signIn = (email: string, password: string, ip?: string) => h.execute<{ signIn: AuthResult }>(SIGN_IN, { email, password }, { ip });

/** A registered account whose email is proven (the link opened): only those sign in and reset by email. */
async function registered(label = 'rider') {
  const email = newEmail(label);
  const result = await register({ email, password: PASSWORD, name: 'Reg Istered' });
  await h.verifyEmail(email);
  return { email, auth: result.data!.register };
}

test('register creates a RIDER with an argon2id hash and signs it in; emails are stored lower-case', async () => {
  const email = newEmail('Mixed.Case').replace('mixed', 'MiXeD');
  const phone = newPhone();
  await h.execute(REQUEST_OTP, { phone });
  const result = await register({ email: `  ${email.toUpperCase()} `, password: PASSWORD, name: '  Ada Lovelace ', phone, phoneCode: h.log.lastCode(phone) });
  expect(result.errors).toBeUndefined();
  const auth = result.data!.register;
  expect(auth).toMatchObject({ newUser: true, roles: ['RIDER'], userErrors: [], accessToken: expect.any(String), refreshToken: expect.any(String) });
  const user = await h.prisma.user.findUniqueOrThrow({ where: { id: auth.userId! } });
  expect(user).toMatchObject({ email: email.toLowerCase(), phone, phoneVerifiedAt: expect.any(Date), name: 'Ada Lovelace', roles: ['RIDER'] });
  expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=65536,p=4,t=3\$/);
  expect(user.passwordHash).not.toContain(PASSWORD);
});

test('register refuses bad input and taken emails or phones with typed user errors', async () => {
  const cases: [Record<string, unknown>, string, string[]][] = [
    [{ email: 'not-an-email', password: PASSWORD, name: 'X' }, 'INVALID_EMAIL', ['email']],
    [{ email: newEmail(), password: 'short', name: 'X' }, 'WEAK_PASSWORD', ['password']],
    [{ email: newEmail(), password: 'x'.repeat(257), name: 'X' }, 'WEAK_PASSWORD', ['password']],
    [{ email: newEmail(), password: PASSWORD, name: '   ' }, 'INVALID_NAME', ['name']],
    [{ email: newEmail(), password: PASSWORD, name: 'X', phone: '555' }, 'INVALID_PHONE', ['phone']],
  ];
  for (const [variables, code, field] of cases) {
    const result = await register(variables);
    expect(result.data?.register).toMatchObject({ accessToken: null, refreshToken: null, userErrors: [{ code, field }] });
  }
  expect((await register({ email: newEmail(), password: 'x'.repeat(256), name: 'Long Pass' })).data?.register.userErrors).toEqual([]);

  const { email } = await registered();
  const taken = await register({ email: email.toUpperCase(), password: PASSWORD, name: 'Copy' });
  expect(taken.data?.register.userErrors).toMatchObject([{ code: 'EMAIL_TAKEN', field: ['email'] }]);
  const phoneOwner = await h.createUser({ roles: ['RIDER'] });
  await h.execute(REQUEST_OTP, { phone: phoneOwner.phone });
  const phoneTaken = await register({
    email: newEmail(),
    password: PASSWORD,
    name: 'Copy',
    phone: phoneOwner.phone,
    phoneCode: h.log.lastCode(phoneOwner.phone!),
  });
  expect(phoneTaken.data?.register.userErrors).toMatchObject([{ code: 'PHONE_TAKEN', field: ['phone'] }]);
});

test('signIn with the right password opens a session; email case does not matter', async () => {
  const { email, auth } = await registered();
  const result = await signIn(email.toUpperCase(), PASSWORD);
  expect(result.data?.signIn).toMatchObject({ userId: auth.userId, newUser: false, userErrors: [] });
  expect(result.data?.signIn.sessionId).not.toBe(auth.sessionId);
  const session = await h.prisma.session.findUniqueOrThrow({ where: { id: result.data!.signIn.sessionId! } });
  expect(session.devicePlatform).toBe('WEB');
});

test('a wrong password and an unknown email give the same answer after exactly one verify each; unknown emails verify against the dummy hash', async () => {
  const { email } = await registered();
  const user = await h.prisma.user.findUniqueOrThrow({ where: { email } });

  h.hasher.verifiedAgainst.length = 0;
  const wrongPassword = await signIn(email, 'wrong password!!');
  expect(h.hasher.verifiedAgainst).toEqual([user.passwordHash]);

  h.hasher.verifiedAgainst.length = 0;
  const unknown = await signIn(newEmail('nobody'), 'wrong password!!');
  expect(h.hasher.verifiedAgainst).toHaveLength(1);
  const dummy = h.hasher.verifiedAgainst[0]!;
  // A real argon2id hash (same cost as a user's), belonging to no user, the same for every unknown email.
  expect(dummy).toMatch(/^\$argon2id\$v=19\$m=65536,p=4,t=3\$/);
  expect(await h.prisma.user.count({ where: { passwordHash: dummy } })).toBe(0);
  h.hasher.verifiedAgainst.length = 0;
  await signIn(newEmail('nobody-else'), 'another wrong one');
  expect(h.hasher.verifiedAgainst).toEqual([dummy]);

  // An account without a password (phone sign-in only) takes the same path.
  const phoneOnly = await h.createUser({ roles: ['RIDER'], email: newEmail('phone-only') });
  h.hasher.verifiedAgainst.length = 0;
  const noPassword = await signIn(phoneOnly.email!, 'any password at all');
  expect(h.hasher.verifiedAgainst).toEqual([dummy]);

  const answers = [wrongPassword, unknown, noPassword].map((r) => r.data?.signIn);
  for (const answer of answers) {
    expect(answer).toEqual({
      accessToken: null,
      accessTokenExpiresAt: null,
      refreshToken: null,
      refreshTokenExpiresAt: null,
      sessionId: null,
      userId: null,
      roles: null,
      newUser: false,
      userErrors: [{ code: 'INVALID_CREDENTIALS', field: null, message: 'The email or the password is wrong' }],
    });
  }
});

test('a deactivated account cannot sign in with the right password', async () => {
  const { email } = await registered();
  await h.prisma.user.update({ where: { email }, data: { active: false } });
  expect((await signIn(email, PASSWORD)).data?.signIn).toMatchObject({ accessToken: null, userErrors: [{ code: 'ACCOUNT_DISABLED' }] });
  expect((await signIn(email, 'wrong password!!')).data?.signIn.userErrors[0]?.code).toBe('INVALID_CREDENTIALS');
});

test('signIn is rate-limited per email (whatever the IP) and per IP (whatever the email)', async () => {
  const limited = await h.startAnother({
    limits: { signInPerEmail: { points: 3, durationSeconds: 900 }, signInPerIp: { points: 5, durationSeconds: 900 } },
  });
  const attempt = (email: string, password: string, ip: string) => limited.execute<{ signIn: AuthResult }>(SIGN_IN, { email, password }, { ip });
  const { email } = await registered();
  for (let i = 0; i < 3; i++)
    expect((await attempt(email, 'wrong password!!', `192.0.2.${i + 1}`)).data?.signIn.userErrors[0]?.code).toBe('INVALID_CREDENTIALS');
  const refused = await attempt(email, PASSWORD, '192.0.2.200');
  expect(errorCodes(refused)).toEqual(['RATE_LIMITED']);
  expect(refused.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(800);

  for (let i = 0; i < 5; i++) await attempt(newEmail('spray'), 'wrong password!!', '192.0.2.100');
  expect(errorCodes(await attempt(newEmail('spray'), 'wrong password!!', '192.0.2.100'))).toEqual(['RATE_LIMITED']);
});

test('a successful sign-in clears the per-email failure count', async () => {
  const limited = await h.startAnother({ limits: { signInPerEmail: { points: 3, durationSeconds: 900 } } });
  const attempt = (email: string, password: string) => limited.execute<{ signIn: AuthResult }>(SIGN_IN, { email, password });
  const { email } = await registered();
  await attempt(email, 'wrong password!!');
  await attempt(email, 'wrong password!!');
  expect((await attempt(email, PASSWORD)).data?.signIn.accessToken).toEqual(expect.any(String));
  await attempt(email, 'wrong password!!');
  await attempt(email, 'wrong password!!');
  expect((await attempt(email, PASSWORD)).data?.signIn.accessToken).toEqual(expect.any(String));
});

test('password reset: same answer for known and unknown emails; the emailed token sets the password once and ends every session', async () => {
  const { email, auth } = await registered();
  const second = (await signIn(email, PASSWORD)).data!.signIn;

  const unknownEmail = newEmail('ghost');
  const known = await h.execute(REQUEST_RESET, { email: email.toUpperCase() });
  const unknown = await h.execute(REQUEST_RESET, { email: unknownEmail });
  expect(known).toEqual(unknown);
  expect(known.data?.requestPasswordReset).toEqual({ accepted: true, userErrors: [] });
  expect(h.log.emails(unknownEmail)).toHaveLength(0);
  expect(h.log.resetEmails(email)).toHaveLength(1);
  const token = h.log.lastResetToken(email);
  expect(String(h.log.resetEmails(email)[0]!.text)).toContain(`https://app.test/reset-password?token=${token}`);
  expect(JSON.stringify(known)).not.toContain(token);
  expect(JSON.stringify(await h.prisma.passwordResetToken.findMany())).not.toContain(token);

  const weak = await h.execute(CONFIRM_RESET, { token, password: 'short' });
  expect(weak.data?.confirmPasswordReset).toMatchObject({ passwordChanged: false, userErrors: [{ code: 'WEAK_PASSWORD', field: ['newPassword'] }] });

  const newPassword = 'a brand new passphrase';
  const confirmed = await h.execute(CONFIRM_RESET, { token, password: newPassword });
  expect(confirmed.data?.confirmPasswordReset).toEqual({ passwordChanged: true, userErrors: [] });

  for (const session of [auth, second]) {
    expect(errorCodes(await h.execute(REFRESH, { token: session.refreshToken }))).toEqual(['UNAUTHENTICATED']);
    expect((await h.prisma.session.findUniqueOrThrow({ where: { id: session.sessionId! } })).revocationReason).toBe('PASSWORD_RESET');
  }
  expect((await signIn(email, PASSWORD)).data?.signIn.userErrors[0]?.code).toBe('INVALID_CREDENTIALS');
  expect((await signIn(email, newPassword)).data?.signIn.accessToken).toEqual(expect.any(String));

  const reused = await h.execute(CONFIRM_RESET, { token, password: 'yet another passphrase' });
  expect(reused.data?.confirmPasswordReset).toMatchObject({ passwordChanged: false, userErrors: [{ code: 'INVALID_RESET_TOKEN', field: ['token'] }] });
  expect((await signIn(email, newPassword)).data?.signIn.accessToken).toEqual(expect.any(String));
});

test('a reset token expires after 30 minutes, and a used token spends the others too', async () => {
  const { email } = await registered();
  await h.execute(REQUEST_RESET, { email });
  const stale = h.log.lastResetToken(email);
  h.clock.advance(30 * 60_000);
  const late = await h.execute(CONFIRM_RESET, { token: stale, password: 'a brand new passphrase' });
  expect(late.data?.confirmPasswordReset.userErrors[0]?.code).toBe('INVALID_RESET_TOKEN');

  await h.execute(REQUEST_RESET, { email });
  const first = h.log.lastResetToken(email);
  await h.execute(REQUEST_RESET, { email });
  const second = h.log.lastResetToken(email);
  expect(second).not.toBe(first);
  expect((await h.execute(CONFIRM_RESET, { token: second, password: 'a brand new passphrase' })).data?.confirmPasswordReset.passwordChanged).toBe(true);
  expect((await h.execute(CONFIRM_RESET, { token: first, password: 'another new passphrase' })).data?.confirmPasswordReset.userErrors[0]?.code).toBe(
    'INVALID_RESET_TOKEN',
  );
});

test('two concurrent confirmations with one token: one changes the password', async () => {
  const { email } = await registered();
  await h.execute(REQUEST_RESET, { email });
  const token = h.log.lastResetToken(email);
  const results = await Promise.all([
    h.execute(CONFIRM_RESET, { token, password: 'first racing passphrase' }),
    h.execute(CONFIRM_RESET, { token, password: 'second racing passphrase' }),
  ]);
  expect(results.map((r) => r.data?.confirmPasswordReset.passwordChanged).sort()).toEqual([false, true]);
});

test('requestPasswordReset: malformed email is a user error; deactivated accounts get no email; rate-limited per email', async () => {
  expect((await h.execute(REQUEST_RESET, { email: 'nope' })).data?.requestPasswordReset).toMatchObject({
    accepted: false,
    userErrors: [{ code: 'INVALID_EMAIL' }],
  });

  const { email } = await registered();
  await h.prisma.user.update({ where: { email }, data: { active: false } });
  expect((await h.execute(REQUEST_RESET, { email })).data?.requestPasswordReset.accepted).toBe(true);
  expect(h.log.resetEmails(email)).toHaveLength(0);

  const limited = await h.startAnother({ limits: { passwordResetPerEmail: { points: 2, durationSeconds: 3600 } } });
  const target = newEmail('limited');
  await limited.execute(REQUEST_RESET, { email: target }, { ip: '192.0.2.1' });
  await limited.execute(REQUEST_RESET, { email: target }, { ip: '192.0.2.2' });
  expect(errorCodes(await limited.execute(REQUEST_RESET, { email: target }, { ip: '192.0.2.3' }))).toEqual(['RATE_LIMITED']);
});

test('passwords never reach the logs', async () => {
  const secret = 'a very secret passphrase 42';
  const email = newEmail('logged');
  await register({ email, password: secret, name: 'Log Check' });
  await signIn(email, secret);
  await signIn(email, `${secret}x`);
  expect(h.log.raw.join('\n')).not.toContain(secret);
});
