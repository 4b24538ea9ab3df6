// Who an account belongs to across the two sign-in methods (README "Credentials and account ownership"): a phone is
// on an account only once proven with a code (or vouched for by a super admin for staff); an unproven claim from
// before that rule never signs in and is dropped when the owner proves the phone; email and phone accounts never merge;
// the first proof of an email (a reset) takes the account from whoever registered it.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AUTH_FIELDS, newEmail, newPhone, startHarness, type AuthResult, type Harness } from './harness.js';

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
const SIGN_IN = `mutation ($email: String!, $password: String!) { signIn(email: $email, password: $password) { ${AUTH_FIELDS} } }`;
const REQUEST_OTP = 'mutation ($phone: String!) { requestOtp(phone: $phone) { sent } }';
const VERIFY_OTP = `mutation ($phone: String!, $code: String!) { verifyOtp(phone: $phone, code: $code) { ${AUTH_FIELDS} } }`;
const MY_SESSIONS = '{ mySessions { id } }';
const ME = '{ me { id phone email } }';

const register = async (variables: { email: string; phone?: string; phoneCode?: string }) =>
  (await h.execute<{ register: AuthResult }>(REGISTER, { password: PASSWORD, name: 'Some One', ...variables })).data!.register;
const signIn = async (email: string) => (await h.execute<{ signIn: AuthResult }>(SIGN_IN, { email, password: PASSWORD })).data!.signIn;
const verifyOtp = async (phone: string, code: string) => (await h.execute<{ verifyOtp: AuthResult }>(VERIFY_OTP, { phone, code })).data!.verifyOtp;
const sessionIds = async (accessToken: string) =>
  (await h.execute<{ mySessions: { id: string }[] }>(MY_SESSIONS, {}, { token: accessToken })).data!.mySessions.map((session) => session.id).sort();
const me = async (accessToken: string) =>
  (await h.execute<{ me: { id: string; phone: string | null; email: string | null } }>(ME, {}, { token: accessToken })).data!.me;
const usersWithPhone = (phone: string) => h.prisma.user.count({ where: { phone } });

/** Sends a code to `phone` (it arrives in the SMS log) and returns it. */
async function codeFor(phone: string): Promise<string> {
  h.clock.advance(31_000); // past the resend cooldown of an earlier code
  await h.execute(REQUEST_OTP, { phone });
  return h.log.lastCode(phone);
}

/** A RIDER registered before registration required a code: the phone is on the account, unproven. */
async function legacyClaim(phone: string) {
  const email = newEmail('claimer');
  const auth = await register({ email });
  await h.verifyEmail(email);
  await h.prisma.user.update({ where: { id: auth.userId! }, data: { phone, phoneVerifiedAt: null } });
  return { email, auth };
}

test("the reported attack: registering with someone else's phone and no code is PHONE_CODE_REQUIRED; the owner's sign-in creates their own account", async () => {
  const victimPhone = newPhone();
  const attackerEmail = newEmail('attacker');
  const attempt = await register({ email: attackerEmail, phone: victimPhone });
  expect(attempt).toMatchObject({ accessToken: null, userId: null, userErrors: [{ code: 'PHONE_CODE_REQUIRED', field: ['phoneCode'] }] });
  expect(await h.prisma.user.count({ where: { email: attackerEmail } })).toBe(0);
  expect(await usersWithPhone(victimPhone)).toBe(0);

  // The attacker registers without the phone, then the owner signs in with a code: two separate accounts.
  const attacker = await register({ email: attackerEmail });
  expect(attacker.userErrors).toEqual([]);
  await h.verifyEmail(attackerEmail);
  const owner = await verifyOtp(victimPhone, await codeFor(victimPhone));
  expect(owner).toMatchObject({ newUser: true, userErrors: [] });
  expect(owner.userId).not.toBe(attacker.userId);

  // The attacker's password reaches only the attacker's account, and it sees only its own sessions.
  const again = await signIn(attackerEmail);
  expect(again.userId).toBe(attacker.userId);
  expect(await sessionIds(again.accessToken!)).toEqual([attacker.sessionId, again.sessionId].sort());
  expect(await me(again.accessToken!)).toEqual({ id: attacker.userId, phone: null, email: attackerEmail });
  expect(await me(owner.accessToken!)).toEqual({ id: owner.userId, phone: victimPhone, email: null });
});

test('registering with a phone someone else holds needs their code: no code sent, a wrong code, five wrong codes', async () => {
  const victimPhone = newPhone();
  const email = newEmail('guesser');
  // No code was ever sent to the phone.
  expect((await register({ email, phone: victimPhone, phoneCode: '123456' })).userErrors).toMatchObject([{ code: 'CODE_EXPIRED', field: ['phoneCode'] }]);
  // The attacker asks for a code; it goes to the victim's phone. Guessing shares the code's 5 attempts.
  const realCode = await codeFor(victimPhone);
  const wrong = realCode === '000000' ? '111111' : '000000';
  const first = await register({ email, phone: victimPhone, phoneCode: wrong });
  expect(first.userErrors).toEqual([{ code: 'INVALID_CODE', field: ['phoneCode'], message: 'Wrong code; 4 attempts left' }]);
  for (let i = 0; i < 4; i++) await register({ email, phone: victimPhone, phoneCode: wrong });
  expect((await register({ email, phone: victimPhone, phoneCode: realCode })).userErrors).toMatchObject([{ code: 'TOO_MANY_ATTEMPTS', field: ['phoneCode'] }]);
  expect(await h.prisma.user.count({ where: { email } })).toBe(0);
  // The dead code does not sign the owner in either; a fresh one does.
  expect((await verifyOtp(victimPhone, realCode)).userErrors).toMatchObject([{ code: 'TOO_MANY_ATTEMPTS' }]);
  expect(await verifyOtp(victimPhone, await codeFor(victimPhone))).toMatchObject({ newUser: true, userErrors: [] });
});

test('register with a proven phone, then sign in by code: the same account', async () => {
  const phone = newPhone();
  const email = newEmail('both');
  const registered = await register({ email, phone, phoneCode: await codeFor(phone) });
  expect(registered).toMatchObject({ newUser: true, userErrors: [] });
  const byCode = await verifyOtp(phone, await codeFor(phone));
  expect(byCode).toMatchObject({ userId: registered.userId, newUser: false, userErrors: [] });
  expect(await me(byCode.accessToken!)).toEqual({ id: registered.userId, phone, email });
  // A code is spent by register: it cannot sign in afterwards.
  const spent = await codeFor(phone);
  await register({ email: newEmail(), phone, phoneCode: spent });
  expect((await verifyOtp(phone, spent)).userErrors).toMatchObject([{ code: 'CODE_EXPIRED' }]);
});

test('phone sign-in first, then register with the same phone: PHONE_TAKEN even with the code, and the accounts stay apart', async () => {
  const phone = newPhone();
  const byCode = await verifyOtp(phone, await codeFor(phone));
  expect(byCode).toMatchObject({ newUser: true, userErrors: [] });
  const email = newEmail('late');
  // Without the code nobody learns whether the phone has an account.
  expect((await register({ email, phone })).userErrors).toMatchObject([{ code: 'PHONE_CODE_REQUIRED', field: ['phoneCode'] }]);
  expect((await register({ email, phone, phoneCode: await codeFor(phone) })).userErrors).toMatchObject([{ code: 'PHONE_TAKEN', field: ['phone'] }]);
  expect(await h.prisma.user.count({ where: { email } })).toBe(0);
  expect(await h.prisma.user.findUniqueOrThrow({ where: { id: byCode.userId! } })).toMatchObject({ phone, email: null, passwordHash: null });
  // The phone still signs in to the phone account only.
  expect(await verifyOtp(phone, await codeFor(phone))).toMatchObject({ userId: byCode.userId, newUser: false });
});

test('a taken email is EMAIL_TAKEN before the phone code is spent: the same code then registers with another email', async () => {
  const { email: takenEmail } = await legacyClaim(newPhone());
  const phone = newPhone();
  const code = await codeFor(phone);
  expect((await register({ email: takenEmail.toUpperCase(), phone, phoneCode: code })).userErrors).toMatchObject([{ code: 'EMAIL_TAKEN', field: ['email'] }]);
  const email = newEmail('second-try');
  expect(await register({ email, phone, phoneCode: code })).toMatchObject({ newUser: true, userErrors: [] });
  expect(await h.prisma.user.findUniqueOrThrow({ where: { email } })).toMatchObject({ phone, phoneVerifiedAt: expect.any(Date) });
});

test("an unproven claim never signs in: the owner's code creates their account and the claim is dropped", async () => {
  const phone = newPhone();
  const claimer = await legacyClaim(phone);
  // The claimer does not see the claim as their phone.
  expect(await me(claimer.auth.accessToken!)).toEqual({ id: claimer.auth.userId, phone: null, email: claimer.email });

  const owner = await verifyOtp(phone, await codeFor(phone));
  expect(owner).toMatchObject({ newUser: true, roles: ['RIDER'], userErrors: [] });
  expect(owner.userId).not.toBe(claimer.auth.userId);
  expect(await h.prisma.user.findUniqueOrThrow({ where: { id: claimer.auth.userId! } })).toMatchObject({ phone: null, phoneVerifiedAt: null });
  expect(await h.prisma.user.findUniqueOrThrow({ where: { id: owner.userId! } })).toMatchObject({ phone, phoneVerifiedAt: expect.any(Date) });
  expect(
    h.log.lines.filter((line) => line.msg === 'an unproven phone claim was dropped: the phone was proven by its owner').map((line) => line.userId),
  ).toContain(claimer.auth.userId);

  // The claimer keeps their own account, which never shows the owner's sessions; the owner sees only theirs.
  const claimerAgain = await signIn(claimer.email);
  expect(claimerAgain.userId).toBe(claimer.auth.userId);
  const claimerSessions = await sessionIds(claimerAgain.accessToken!);
  expect(claimerSessions).toEqual([claimer.auth.sessionId, claimerAgain.sessionId].sort());
  expect(claimerSessions).not.toContain(owner.sessionId);
  expect(await sessionIds(owner.accessToken!)).toEqual([owner.sessionId]);
  expect(await verifyOtp(phone, await codeFor(phone))).toMatchObject({ userId: owner.userId, newUser: false });
});

test('an unproven claim does not block the owner from registering with the phone; it is dropped', async () => {
  const phone = newPhone();
  const claimer = await legacyClaim(phone);
  const email = newEmail('owner');
  const owner = await register({ email, phone, phoneCode: await codeFor(phone) });
  expect(owner).toMatchObject({ newUser: true, userErrors: [] });
  expect(await h.prisma.user.findUniqueOrThrow({ where: { id: claimer.auth.userId! } })).toMatchObject({ phone: null });
  expect(await verifyOtp(phone, await codeFor(phone))).toMatchObject({ userId: owner.userId, newUser: false });
});

describe('only a proven email signs in and resets a password', () => {
  const REQUEST_RESET = 'mutation ($email: String!) { requestPasswordReset(email: $email) { accepted } }';
  const CONFIRM_RESET =
    'mutation ($token: String!, $password: String!) { confirmPasswordReset(token: $token, newPassword: $password) { passwordChanged userErrors { code } } }';
  const NEW_PASSWORD = 'a brand new passphrase';

  async function resetPassword(email: string) {
    await h.execute(REQUEST_RESET, { email });
    const token = h.log.lastResetToken(email);
    return (await h.execute(CONFIRM_RESET, { token, password: NEW_PASSWORD })).data!.confirmPasswordReset;
  }

  test('pre-registration: someone registers your email with their own phone; it stays an unproven claim that never signs in or resets, and your registration takes it', async () => {
    const victimEmail = newEmail('victim');
    const attackerPhone = newPhone();
    const attacker = await register({ email: victimEmail, phone: attackerPhone, phoneCode: await codeFor(attackerPhone) });
    expect(attacker).toMatchObject({ newUser: true, userErrors: [] });

    // The unproven email signs in nowhere and gets no reset link, whoever asks.
    expect((await signIn(victimEmail)).userErrors).toMatchObject([{ code: 'EMAIL_NOT_VERIFIED', field: ['email'] }]);
    expect((await h.execute(REQUEST_RESET, { email: victimEmail })).data?.requestPasswordReset).toEqual({ accepted: true });
    expect(h.log.resetEmails(victimEmail)).toHaveLength(0);

    // The owner registers it: the claim is dropped from the attacker's account and the attacker's link is dead.
    const attackerLink = h.log.lastVerificationToken(victimEmail);
    const owner = await register({ email: victimEmail });
    expect(owner).toMatchObject({ newUser: true, userErrors: [] });
    expect(owner.userId).not.toBe(attacker.userId);
    expect(await h.prisma.user.findUniqueOrThrow({ where: { id: attacker.userId! } })).toMatchObject({ email: null, phone: attackerPhone });
    expect((await h.execute('mutation ($token: String!) { verifyEmail(token: $token) { emailVerified } }', { token: attackerLink })).data!.verifyEmail).toEqual(
      {
        emailVerified: false,
      },
    );
    await h.verifyEmail(victimEmail);
    expect((await signIn(victimEmail)).userId).toBe(owner.userId);
    // Proven now: registering it again is EMAIL_TAKEN, and a reset link reaches the owner.
    expect((await register({ email: victimEmail })).userErrors).toMatchObject([{ code: 'EMAIL_TAKEN' }]);
    expect(await resetPassword(victimEmail)).toEqual({ passwordChanged: true, userErrors: [] });
  });

  test('an email already proven (verification link) keeps its phone through a reset: the same person forgot a password', async () => {
    const email = newEmail('forgetful');
    const phone = newPhone();
    const registered = await register({ email, phone, phoneCode: await codeFor(phone) });
    const text = String(h.log.emails(email).find((line) => line.subject === 'Confirm your Ridegraph email')?.text ?? '');
    const token = /verify-email\?token=([A-Za-z0-9_-]+)/.exec(text)![1]!;
    expect((await h.execute('mutation ($token: String!) { verifyEmail(token: $token) { emailVerified } }', { token })).data!.verifyEmail).toEqual({
      emailVerified: true,
    });

    expect(await resetPassword(email)).toEqual({ passwordChanged: true, userErrors: [] });
    expect(await h.prisma.user.findUniqueOrThrow({ where: { id: registered.userId! } })).toMatchObject({ phone, phoneVerifiedAt: expect.any(Date) });
    expect(await verifyOtp(phone, await codeFor(phone))).toMatchObject({ userId: registered.userId, newUser: false });
  });
});

describe('staff created by a super admin', () => {
  const CREATE = 'mutation ($input: CreateStaffUserInput!) { createStaffUser(input: $input) { user { id phone } userErrors { code field } } }';
  const createStaff = async (phone: string) => {
    const admin = await h.createUser({ roles: ['SUPER_ADMIN'] });
    const result = await h.execute(CREATE, { input: { name: 'Sam Staff', phone, roles: ['OPERATIONS'] } }, { token: await h.tokenFor(admin) });
    return result.data!.createStaffUser as { user: { id: string; phone: string } | null; userErrors: { code: string; field: string[] }[] };
  };

  test("the admin vouches for the phone: the staff member's code signs in to the staff account", async () => {
    const phone = newPhone();
    const created = await createStaff(phone);
    expect(created).toEqual({ user: { id: expect.any(String), phone }, userErrors: [] });
    expect(await verifyOtp(phone, await codeFor(phone))).toMatchObject({ userId: created.user!.id, roles: ['OPERATIONS'], newUser: false });
  });

  test('a phone proven by another account is PHONE_TAKEN; an unproven claim is dropped for the staff account', async () => {
    const provenPhone = newPhone();
    await verifyOtp(provenPhone, await codeFor(provenPhone));
    expect(await createStaff(provenPhone)).toEqual({ user: null, userErrors: [{ code: 'PHONE_TAKEN', field: ['input', 'phone'] }] });

    const claimedPhone = newPhone();
    const claimer = await legacyClaim(claimedPhone);
    const created = await createStaff(claimedPhone);
    expect(created.userErrors).toEqual([]);
    expect(await h.prisma.user.findUniqueOrThrow({ where: { id: claimer.auth.userId! } })).toMatchObject({ phone: null });
  });
});

test('the users search does not find an account by an unproven claim', async () => {
  const phone = newPhone();
  await legacyClaim(phone);
  const ops = await h.createUser({ roles: ['OPERATIONS'] });
  const result = await h.execute<{ users: { edges: unknown[] } }>(
    'query ($s: String) { users(search: $s) { edges { node { id } } } }',
    { s: phone },
    { token: await h.tokenFor(ops) },
  );
  expect(result.data!.users.edges).toEqual([]);
});

test('the migration counts as proven the phones of accounts without a password and of staff and drivers; other password accounts keep a claim', async () => {
  const migrations = fileURLToPath(new URL('../prisma/migrations/', import.meta.url));
  const folder = readdirSync(migrations).find((name) => name.endsWith('_phone_proof'))!;
  const sql = readFileSync(join(migrations, folder, 'migration.sql'), 'utf8');
  const backfill = sql.slice(sql.indexOf('UPDATE "users"'));
  const rows = {
    phoneOnly: await h.createUser({ roles: ['RIDER'], phoneProven: false }),
    riderWithPassword: await h.createUser({ roles: ['RIDER'], phoneProven: false, email: newEmail(), passwordHash: 'x' }),
    driverWithPassword: await h.createUser({ roles: ['RIDER', 'DRIVER'], phoneProven: false, email: newEmail(), passwordHash: 'x' }),
    staffWithPassword: await h.createUser({ roles: ['OPERATIONS'], phoneProven: false, email: newEmail(), passwordHash: 'x' }),
  };
  await h.prisma.$executeRawUnsafe(backfill.replace('"users"', '"identity"."users"').replace('"Role"[]', '"identity"."Role"[]'));
  const proven = async (id: string) => (await h.prisma.user.findUniqueOrThrow({ where: { id } })).phoneVerifiedAt !== null;
  expect({
    phoneOnly: await proven(rows.phoneOnly.id),
    riderWithPassword: await proven(rows.riderWithPassword.id),
    driverWithPassword: await proven(rows.driverWithPassword.id),
    staffWithPassword: await proven(rows.staffWithPassword.id),
  }).toEqual({ phoneOnly: true, riderWithPassword: false, driverWithPassword: true, staffWithPassword: true });
});

test('the migration counts as proven the emails of accounts that completed a password reset, and of staff', async () => {
  const migrations = fileURLToPath(new URL('../prisma/migrations/', import.meta.url));
  const folder = readdirSync(migrations).find((name) => name.endsWith('_email_proof'))!;
  const sql = readFileSync(join(migrations, folder, 'migration.sql'), 'utf8');
  const backfill = sql.slice(sql.indexOf('UPDATE "users"'));
  const resetAt = new Date('2026-11-30T10:00:00.000Z');
  const rows = {
    registered: await h.createUser({ roles: ['RIDER'], email: newEmail(), passwordHash: 'x' }),
    afterReset: await h.createUser({ roles: ['RIDER'], email: newEmail(), passwordHash: 'x' }),
    staff: await h.createUser({ roles: ['FLEET_MANAGER'], email: newEmail(), fleetIds: ['6f1c0a52-e3a9-4c4f-b1c7-d1a0e5b7c9d3'] }),
  };
  await h.prisma.passwordResetToken.create({
    data: { userId: rows.afterReset.id, tokenHash: `hash-${rows.afterReset.id}`, createdAt: resetAt, expiresAt: resetAt, usedAt: resetAt },
  });
  await h.prisma.$executeRawUnsafe(
    backfill
      .replace('"users" AS u', '"identity"."users" AS u')
      .replace('"password_reset_tokens"', '"identity"."password_reset_tokens"')
      .replace('"Role"[]', '"identity"."Role"[]'),
  );
  const verifiedAt = async (id: string) => (await h.prisma.user.findUniqueOrThrow({ where: { id } })).emailVerifiedAt;
  expect({
    registered: await verifiedAt(rows.registered.id),
    afterReset: await verifiedAt(rows.afterReset.id),
    staff: await verifiedAt(rows.staff.id),
  }).toEqual({
    registered: null,
    afterReset: resetAt,
    staff: rows.staff.createdAt,
  });
});
