// The viewer's own account: updateMe (validation, email change and proof), changePassword, referral codes at sign-up,
// the per-user session limit, reactivateUser (with audit entries), and the clean-up job on an injected clock.
// Argon2 and many sign-ins per test: generous timeouts, so a loaded CI machine does not fail them.
import { createIdentityCleanup } from '../src/services/cleanup.js';
import { createIdentityStore } from '../src/store/store.js';
import { AUTH_FIELDS, errorCodes, newEmail, newPhone, startHarness, type AuthResult, type Harness } from './harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
}, 120_000);

afterAll(async () => {
  await h?.stop();
});

const PASSWORD = 'correct horse battery staple';
const REGISTER = `mutation ($email: String!, $referralCode: String) {
  register(email: $email, password: "${PASSWORD}", name: "Reg Istered", referralCode: $referralCode) { ${AUTH_FIELDS} } }`;
const SIGN_IN = `mutation ($email: String!, $password: String!) { signIn(email: $email, password: $password) { ${AUTH_FIELDS} } }`;
const UPDATE_ME = `mutation ($input: UpdateMeInput!) { updateMe(input: $input) {
  user { id name email emailVerified avatarUrl locale timeZone } emailVerificationSent userErrors { code field } } }`;
const CHANGE_PASSWORD = `mutation ($current: String!, $next: String!) { changePassword(currentPassword: $current, newPassword: $next) {
  passwordChanged revokedSessionCount userErrors { code field } } }`;
const REFRESH = 'mutation ($token: String!) { refreshSession(refreshToken: $token) { accessToken } }';

async function registered(referralCode?: string) {
  const email = newEmail('account');
  const auth = (await h.execute<{ register: AuthResult }>(REGISTER, { email, referralCode })).data!.register;
  return { email, auth };
}

const updateMe = async (token: string, input: Record<string, unknown>) => (await h.execute(UPDATE_ME, { input }, { token })).data?.updateMe;

test('updateMe renames, sets avatar, locale and time zone in their canonical form; null clears them', async () => {
  const { auth } = await registered();
  const token = auth.accessToken!;
  const updated = await updateMe(token, { name: '  Ada  ', avatarUrl: 'https://cdn.example.com/a.png', locale: 'en-gb', timeZone: 'europe/paris' });
  expect(updated).toMatchObject({
    user: { id: auth.userId, name: 'Ada', avatarUrl: 'https://cdn.example.com/a.png', locale: 'en-GB', timeZone: 'Europe/Paris' },
    emailVerificationSent: false,
    userErrors: [],
  });
  const cleared = await updateMe(token, { avatarUrl: null, locale: null, timeZone: null });
  expect(cleared.user).toMatchObject({ name: 'Ada', avatarUrl: null, locale: null, timeZone: null });
}, 120_000);

test('updateMe refuses every bad field at once and writes nothing', async () => {
  const { auth } = await registered();
  const before = await h.prisma.user.findUniqueOrThrow({ where: { id: auth.userId! } });
  const result = await updateMe(auth.accessToken!, {
    name: ' ',
    email: 'not-an-email',
    avatarUrl: 'http://cdn.example.com/a.png',
    locale: 'not a locale',
    timeZone: 'Mars/Olympus_Mons',
  });
  expect(result).toEqual({
    user: null,
    emailVerificationSent: false,
    userErrors: [
      { code: 'INVALID_NAME', field: ['input', 'name'] },
      { code: 'INVALID_EMAIL', field: ['input', 'email'] },
      { code: 'INVALID_AVATAR_URL', field: ['input', 'avatarUrl'] },
      { code: 'INVALID_LOCALE', field: ['input', 'locale'] },
      { code: 'INVALID_TIME_ZONE', field: ['input', 'timeZone'] },
    ],
  });
  for (const [input, code] of [
    [{ name: 'x'.repeat(101) }, 'INVALID_NAME'],
    [{ avatarUrl: 'javascript:alert(1)' }, 'INVALID_AVATAR_URL'],
    [{ avatarUrl: `https://example.com/${'a'.repeat(2048)}` }, 'INVALID_AVATAR_URL'],
    [{ timeZone: '+01:00' }, 'INVALID_TIME_ZONE'],
    [{ locale: 'e' }, 'INVALID_LOCALE'],
  ] as const) {
    expect((await updateMe(auth.accessToken!, input)).userErrors).toMatchObject([{ code }]);
  }
  expect(await h.prisma.user.findUniqueOrThrow({ where: { id: auth.userId! } })).toEqual(before);
  expect(errorCodes(await h.execute(UPDATE_ME, { input: { name: 'Anon' } }))).toEqual(['UNAUTHENTICATED']);
}, 120_000);

test('a new email is unproven: it gets a link, cannot sign in until opened, and the old reset links die', async () => {
  const { email: oldEmail, auth } = await registered();
  await h.verifyEmail(oldEmail);
  await h.execute('mutation ($email: String!) { requestPasswordReset(email: $email) { accepted } }', { email: oldEmail });
  const oldReset = h.log.lastResetToken(oldEmail);

  const newAddress = newEmail('renamed');
  const changed = await updateMe(auth.accessToken!, { email: newAddress.toUpperCase(), currentPassword: PASSWORD });
  expect(changed).toMatchObject({ user: { email: newAddress, emailVerified: false }, emailVerificationSent: true, userErrors: [] });
  expect(h.log.verificationEmails(newAddress)).toHaveLength(1);
  expect(String(h.log.verificationEmails(newAddress)[0]!.text)).toContain('gave this email to their Ridegraph account');
  expect((await h.execute<{ signIn: AuthResult }>(SIGN_IN, { email: newAddress, password: PASSWORD })).data!.signIn.userErrors).toEqual([
    { code: 'EMAIL_NOT_VERIFIED', field: ['email'], message: expect.any(String) },
  ]);
  expect((await h.execute<{ signIn: AuthResult }>(SIGN_IN, { email: oldEmail, password: PASSWORD })).data!.signIn.userErrors[0]?.code).toBe(
    'INVALID_CREDENTIALS',
  );
  const reset = await h.execute('mutation ($token: String!) { confirmPasswordReset(token: $token, newPassword: "hijacked passphrase") { passwordChanged } }', {
    token: oldReset,
  });
  expect(reset.data?.confirmPasswordReset.passwordChanged).toBe(false);

  // The same unproven email again: a new link.
  expect(await updateMe(auth.accessToken!, { email: newAddress })).toMatchObject({ emailVerificationSent: true, userErrors: [] });
  expect(h.log.verificationEmails(newAddress)).toHaveLength(2);
  await h.verifyEmail(newAddress);
  expect((await h.execute<{ signIn: AuthResult }>(SIGN_IN, { email: newAddress, password: PASSWORD })).data!.signIn.userId).toBe(auth.userId);

  // Another account cannot take a proven email; it can take an unproven one (the claim is dropped).
  const other = await registered();
  expect((await updateMe(other.auth.accessToken!, { email: newAddress, currentPassword: PASSWORD })).userErrors).toEqual([
    { code: 'EMAIL_TAKEN', field: ['input', 'email'] },
  ]);
  const third = await registered();
  const claimed = newEmail('claimed');
  await updateMe(third.auth.accessToken!, { email: claimed, currentPassword: PASSWORD });
  expect(await updateMe(other.auth.accessToken!, { email: claimed, currentPassword: PASSWORD })).toMatchObject({ user: { email: claimed }, userErrors: [] });
  expect(await h.prisma.user.findUniqueOrThrow({ where: { id: third.auth.userId! } })).toMatchObject({ email: null });
}, 120_000);

test('a new email needs the current password (or, without one, a recent phone sign-in); refused, nothing is written', async () => {
  const { email, auth } = await registered();
  await h.verifyEmail(email);
  const token = auth.accessToken!;
  const target = newEmail('moved');
  const stored = async () => {
    const user = await h.prisma.user.findUniqueOrThrow({ where: { id: auth.userId! } });
    return {
      email: user.email,
      emailVerified: user.emailVerifiedAt !== null,
      links: await h.prisma.emailVerificationToken.count({ where: { userId: user.id } }),
    };
  };
  const before = await stored();
  expect(before).toEqual({ email, emailVerified: true, links: 1 });

  expect(await updateMe(token, { email: target, name: 'Still Me' })).toEqual({
    user: null,
    emailVerificationSent: false,
    userErrors: [{ code: 'PASSWORD_REQUIRED', field: ['input', 'currentPassword'] }],
  });
  expect(await updateMe(token, { email: target, currentPassword: 'not the password' })).toMatchObject({
    user: null,
    userErrors: [{ code: 'INVALID_CREDENTIALS', field: ['input', 'currentPassword'] }],
  });
  expect(await stored()).toEqual(before);
  expect((await h.prisma.user.findUniqueOrThrow({ where: { id: auth.userId! } })).name).toBe('Reg Istered');
  expect(h.log.verificationEmails(target)).toHaveLength(0);
  // Without an email change the password is not asked for.
  expect(await updateMe(token, { name: 'Renamed', email: email.toUpperCase() })).toMatchObject({ user: { name: 'Renamed', email }, userErrors: [] });
  expect(await updateMe(token, { email: target, currentPassword: PASSWORD })).toMatchObject({ user: { email: target }, userErrors: [] });

  // An account without a password: its session's phone sign-in must be recent (IDENTITY_REAUTH_MAX_AGE_SECONDS, 600).
  const phone = newPhone();
  const phoneAuth = await h.signInWithPhone(phone);
  h.clock.advance(601_000);
  expect(await updateMe(phoneAuth.accessToken!, { email: newEmail('late') })).toEqual({
    user: null,
    emailVerificationSent: false,
    userErrors: [{ code: 'REAUTHENTICATION_REQUIRED', field: ['input', 'email'] }],
  });
  expect((await h.prisma.user.findUniqueOrThrow({ where: { id: phoneAuth.userId! } })).email).toBeNull();
  const fresh = await h.signInWithPhone(phone);
  const added = newEmail('fresh');
  expect(await updateMe(fresh.accessToken!, { email: added })).toMatchObject({ user: { email: added }, emailVerificationSent: true, userErrors: [] });
}, 120_000);

test('changePassword: wrong current is INVALID_CREDENTIALS with nothing written; right ends every other session only', async () => {
  const { email, auth } = await registered();
  await h.verifyEmail(email);
  const second = (await h.execute<{ signIn: AuthResult }>(SIGN_IN, { email, password: PASSWORD })).data!.signIn;
  const hashBefore = (await h.prisma.user.findUniqueOrThrow({ where: { id: auth.userId! } })).passwordHash;
  const token = auth.accessToken!;
  const change = async (current: string, next: string) => (await h.execute(CHANGE_PASSWORD, { current, next }, { token })).data?.changePassword;

  expect(await change('wrong password!!', 'a new long passphrase')).toEqual({
    passwordChanged: false,
    revokedSessionCount: 0,
    userErrors: [{ code: 'INVALID_CREDENTIALS', field: ['currentPassword'] }],
  });
  expect(await change(PASSWORD, 'short')).toMatchObject({ passwordChanged: false, userErrors: [{ code: 'WEAK_PASSWORD', field: ['newPassword'] }] });
  expect((await h.prisma.user.findUniqueOrThrow({ where: { id: auth.userId! } })).passwordHash).toBe(hashBefore);

  expect(await change(PASSWORD, 'a new long passphrase')).toEqual({ passwordChanged: true, revokedSessionCount: 1, userErrors: [] });
  expect(await h.prisma.session.findUniqueOrThrow({ where: { id: second.sessionId! } })).toMatchObject({ revocationReason: 'PASSWORD_CHANGED' });
  expect(await h.prisma.session.findUniqueOrThrow({ where: { id: auth.sessionId! } })).toMatchObject({ revokedAt: null });
  expect(errorCodes(await h.execute(REFRESH, { token: second.refreshToken }))).toEqual(['UNAUTHENTICATED']);
  expect((await h.execute(REFRESH, { token: auth.refreshToken })).data?.refreshSession.accessToken).toEqual(expect.any(String));
  const events = await h.prisma.outboxEvent.findMany({
    where: { type: { in: ['user.password.changed', 'session.ended'] }, payload: { path: ['userId'], equals: auth.userId! } },
  });
  expect(events.map((event) => event.type).sort()).toEqual(['session.ended', 'user.password.changed']);
  expect(events.find((event) => event.type === 'session.ended')!.payload).toMatchObject({ reason: 'PASSWORD_CHANGED', sessionId: second.sessionId });

  const phoneOnly = await h.signInWithPhone(newPhone());
  expect(
    (await h.execute(CHANGE_PASSWORD, { current: 'anything at all', next: 'a new long passphrase' }, { token: phoneOnly.accessToken! })).data?.changePassword,
  ).toMatchObject({ passwordChanged: false, userErrors: [{ code: 'NO_PASSWORD' }] });
}, 120_000);

test('referral codes: every account gets its own, visible only to itself; sign-up with one is recorded and announced', async () => {
  const referrer = await registered();
  const code = (await h.prisma.user.findUniqueOrThrow({ where: { id: referrer.auth.userId! } })).referralCode!;
  expect(code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
  const own = await h.execute('{ me { referralCode } }', {}, { token: referrer.auth.accessToken! });
  expect(own.data?.me.referralCode).toBe(code);

  const unknown = (await h.execute<{ register: AuthResult }>(REGISTER, { email: newEmail('typo'), referralCode: 'NOPE2345' })).data!.register;
  expect(unknown).toMatchObject({ accessToken: null, userErrors: [{ code: 'REFERRAL_CODE_UNKNOWN', field: ['referralCode'] }] });

  const referred = await registered(` ${code.toLowerCase()} `);
  expect(referred.auth.userErrors).toEqual([]);
  expect(await h.prisma.user.findUniqueOrThrow({ where: { id: referred.auth.userId! } })).toMatchObject({ referredByUserId: referrer.auth.userId });
  const registeredEvent = await h.prisma.outboxEvent.findFirstOrThrow({
    where: { type: 'user.registered', payload: { path: ['userId'], equals: referred.auth.userId! } },
  });
  expect(registeredEvent.payload).toMatchObject({ referralCode: code, referrerUserId: referrer.auth.userId, roles: ['RIDER'] });
  const plainEvent = await h.prisma.outboxEvent.findFirstOrThrow({
    where: { type: 'user.registered', payload: { path: ['userId'], equals: referrer.auth.userId! } },
  });
  expect(plainEvent.payload).toMatchObject({ referralCode: null, referrerUserId: null });

  // Phone sign-up takes a code too; an unknown one is refused before the SMS code is spent.
  const phone = newPhone();
  await h.execute('mutation ($phone: String!) { requestOtp(phone: $phone) { sent } }', { phone });
  const VERIFY = `mutation ($phone: String!, $code: String!, $referralCode: String) { verifyOtp(phone: $phone, code: $code, referralCode: $referralCode) { ${AUTH_FIELDS} } }`;
  const smsCode = h.log.lastCode(phone);
  expect((await h.execute(VERIFY, { phone, code: smsCode, referralCode: 'ZZZZZZZZ' })).data?.verifyOtp.userErrors).toMatchObject([
    { code: 'REFERRAL_CODE_UNKNOWN' },
  ]);
  const byPhone = (await h.execute<{ verifyOtp: AuthResult }>(VERIFY, { phone, code: smsCode, referralCode: code })).data!.verifyOtp;
  expect(byPhone).toMatchObject({ newUser: true, userErrors: [] });
  expect(await h.prisma.user.findUniqueOrThrow({ where: { id: byPhone.userId! } })).toMatchObject({ referredByUserId: referrer.auth.userId });

  // Nobody else reads it, staff included.
  const admin = await h.createUser({ roles: ['SUPER_ADMIN'] });
  const asAdmin = await h.execute('query ($id: ID!) { user(id: $id) { name referralCode } }', { id: referrer.auth.userId }, { token: await h.tokenFor(admin) });
  expect(asAdmin.data?.user).toEqual({ name: 'Reg Istered', referralCode: null });
  expect(errorCodes(asAdmin)).toEqual(['FORBIDDEN']);
}, 120_000);

test('beyond IDENTITY_MAX_SESSIONS_PER_USER live sessions, a sign-in ends the least recently used (SESSION_LIMIT)', async () => {
  const limited = await h.startAnother({ config: { ...h.config, maxSessionsPerUser: 2 } });
  const phone = newPhone();
  const signIn = async () => {
    h.clock.advance(31_000);
    await limited.execute('mutation ($phone: String!) { requestOtp(phone: $phone) { sent } }', { phone });
    return (
      await limited.execute<{ verifyOtp: AuthResult }>(
        `mutation ($phone: String!, $code: String!) { verifyOtp(phone: $phone, code: $code) { ${AUTH_FIELDS} } }`,
        {
          phone,
          code: h.log.lastCode(phone),
        },
      )
    ).data!.verifyOtp;
  };
  const first = await signIn();
  const second = await signIn();
  h.clock.advance(1000);
  await limited.execute(REFRESH, { token: first.refreshToken }); // first is now used more recently than second
  const third = await signIn();
  const sessions = await h.prisma.session.findMany({ where: { userId: first.userId! } });
  expect(
    sessions
      .filter((s) => !s.revokedAt)
      .map((s) => s.id)
      .sort(),
  ).toEqual([first.sessionId, third.sessionId].sort());
  expect(sessions.find((s) => s.id === second.sessionId)).toMatchObject({ revocationReason: 'SESSION_LIMIT' });
}, 120_000);

test('reactivateUser lets a deactivated user sign in again; deactivate and reactivate each write one audit entry', async () => {
  const admin = await h.createUser({ roles: ['SUPER_ADMIN'] });
  const adminToken = await h.tokenFor(admin);
  const phone = newPhone();
  const rider = await h.signInWithPhone(phone);
  const REACTIVATE = 'mutation ($id: ID!) { reactivateUser(userId: $id) { user { id active } userErrors { code field } } }';
  await h.execute('mutation ($id: ID!) { deactivateUser(userId: $id) { user { active } } }', { id: rider.userId }, { token: adminToken });
  h.clock.advance(31_000);
  expect((await h.signInWithPhone(phone)).userErrors).toMatchObject([{ code: 'ACCOUNT_DISABLED' }]);

  expect((await h.execute(REACTIVATE, { id: rider.userId }, { token: adminToken })).data?.reactivateUser).toEqual({
    user: { id: rider.userId, active: true },
    userErrors: [],
  });
  expect((await h.execute(REACTIVATE, { id: rider.userId }, { token: adminToken })).data?.reactivateUser.user.active).toBe(true);
  h.clock.advance(31_000);
  expect((await h.signInWithPhone(phone)).userErrors).toEqual([]);

  const audits = await h.prisma.outboxEvent.findMany({
    where: { type: 'audit.recorded', payload: { path: ['targetId'], equals: rider.userId! } },
    orderBy: { occurredAt: 'asc' },
  });
  expect(audits.map((row) => (row.payload as { action: string }).action)).toEqual(['user.deactivate', 'user.reactivate']);
  expect(audits[1]!.payload).toMatchObject({
    source: 'identity',
    actorId: admin.id,
    actorRoles: ['SUPER_ADMIN'],
    targetType: 'User',
    before: { active: false },
    after: { active: true },
  });

  expect((await h.execute(REACTIVATE, { id: '00000000-0000-4000-8000-000000000000' }, { token: adminToken })).data?.reactivateUser.userErrors).toEqual([
    { code: 'USER_NOT_FOUND', field: ['userId'] },
  ]);
  for (const roles of [['OPERATIONS'], ['FLEET_MANAGER'], ['DRIVER'], ['RIDER']] as const) {
    const someone = await h.createUser({ roles: [...roles] });
    expect(errorCodes(await h.execute(REACTIVATE, { id: rider.userId }, { token: await h.tokenFor(someone) }))).toEqual(['FORBIDDEN']);
  }
  expect(errorCodes(await h.execute(REACTIVATE, { id: rider.userId }))).toEqual(['UNAUTHENTICATED']);
}, 120_000);

test('the clean-up deletes expired codes and links, and sessions ended longer ago than the retention; a second run deletes nothing', async () => {
  const cleanup = createIdentityCleanup({ store: createIdentityStore(h.prisma), clock: h.clock, retentionDays: 30, pollIntervalMs: 60_000, logger: console });
  await cleanup.drain(); // whatever earlier tests left behind
  const { email, auth } = await registered(); // a verification link and a live session
  await h.verifyEmail(email);
  const ended = await h.signInWithPhone(newPhone());
  await h.execute('mutation { signOut { revokedSessionCount } }', {}, { token: ended.accessToken! });
  const counts = async () => ({
    otp: await h.prisma.otpChallenge.count(),
    links: await h.prisma.emailVerificationToken.count(),
    resets: await h.prisma.passwordResetToken.count(),
    sessions: await h.prisma.session.count({ where: { id: { in: [auth.sessionId!, ended.sessionId!] } } }),
  });
  const before = await counts();
  expect(before.sessions).toBe(2);

  h.clock.advance(25 * 3600_000); // codes (5 min) and links (24 h) expired; the ended session is within retention
  expect(await cleanup.pass()).toBe(before.otp + before.links + before.resets);
  expect(await counts()).toEqual({ otp: 0, links: 0, resets: 0, sessions: 2 });

  h.clock.advance(30 * 86_400_000); // past the retention of the ended one; the live one expired only a day ago: kept
  await Promise.all([cleanup.drain(), cleanup.drain()]); // two replicas at once
  expect(await counts()).toEqual({ otp: 0, links: 0, resets: 0, sessions: 1 });
  expect(await h.prisma.session.count({ where: { id: ended.sessionId! } })).toBe(0);
  h.clock.advance(30 * 86_400_000); // now the expired one is past the retention too
  await cleanup.drain();
  expect(await counts()).toEqual({ otp: 0, links: 0, resets: 0, sessions: 0 });
  expect(await h.prisma.refreshToken.count({ where: { sessionId: { in: [auth.sessionId!, ended.sessionId!] } } })).toBe(0);
  expect(await cleanup.pass()).toBe(0);
}, 120_000);
