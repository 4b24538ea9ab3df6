// Sessions: refresh rotation, reuse detection ending the family, the parallel-refresh race, expiry, sign-out,
// revoking one's own sessions only, deactivated users.
import { AUTH_FIELDS, errorCodes, newPhone, startHarness, type AuthResult, type Harness } from './harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.stop();
});

const REFRESH = `mutation ($token: String!) { refreshSession(refreshToken: $token) { ${AUTH_FIELDS} } }`;
const MY_SESSIONS = '{ mySessions { id deviceName devicePlatform ip createdAt lastUsedAt expiresAt current } }';
const REVOCATION = 'revokedSessionCount userErrors { code field message }';

const refresh = (token: string, ip?: string) => h.execute<{ refreshSession: AuthResult }>(REFRESH, { token }, { ip });

test('refresh rotates: new tokens for the same session, the old refresh token is spent', async () => {
  const signedIn = await h.signInWithPhone(newPhone());
  const refreshed = await refresh(signedIn.refreshToken!);
  expect(refreshed.errors).toBeUndefined();
  const next = refreshed.data!.refreshSession;
  expect(next).toMatchObject({ sessionId: signedIn.sessionId, userId: signedIn.userId, roles: ['RIDER'], newUser: false, userErrors: [] });
  expect(next.refreshToken).not.toBe(signedIn.refreshToken);
  expect(next.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(await h.testAuth.auth.verify(next.accessToken!)).toMatchObject({ userId: signedIn.userId, sessionId: signedIn.sessionId });

  const tokens = await h.prisma.refreshToken.findMany({ where: { sessionId: signedIn.sessionId! }, orderBy: { createdAt: 'asc' } });
  expect(tokens).toHaveLength(2);
  expect(tokens.filter((t) => t.usedAt !== null)).toHaveLength(1);
  // Stored hashed: neither token appears in the table.
  expect(JSON.stringify(tokens)).not.toContain(signedIn.refreshToken!);
  expect(JSON.stringify(tokens)).not.toContain(next.refreshToken!);

  // The newest token keeps working.
  expect((await refresh(next.refreshToken!)).data?.refreshSession.sessionId).toBe(signedIn.sessionId);
});

test('reusing a rotated refresh token is UNAUTHENTICATED and ends the whole session (family)', async () => {
  const signedIn = await h.signInWithPhone(newPhone());
  const rotated = (await refresh(signedIn.refreshToken!)).data!.refreshSession;

  const replay = await refresh(signedIn.refreshToken!);
  expect(errorCodes(replay)).toEqual(['UNAUTHENTICATED']);
  expect(replay.data).toBeNull();
  const session = await h.prisma.session.findUniqueOrThrow({ where: { id: signedIn.sessionId! } });
  expect(session).toMatchObject({ revocationReason: 'REFRESH_TOKEN_REUSED', revokedAt: expect.any(Date) });

  // The legitimate holder's newest token dies with the family.
  expect(errorCodes(await refresh(rotated.refreshToken!))).toEqual(['UNAUTHENTICATED']);
});

test('two parallel refreshes with one token: exactly one succeeds, and the session ends revoked (strict reuse rule)', async () => {
  const signedIn = await h.signInWithPhone(newPhone());
  const [a, b] = await Promise.all([refresh(signedIn.refreshToken!), refresh(signedIn.refreshToken!)]);
  const outcomes = [a, b].map((r) => (r.errors ? r.errors[0]?.extensions?.code : 'OK'));
  expect(outcomes.sort()).toEqual(['OK', 'UNAUTHENTICATED']);
  const winner = [a, b].find((r) => !r.errors)!.data!.refreshSession;
  const session = await h.prisma.session.findUniqueOrThrow({ where: { id: signedIn.sessionId! } });
  expect(session.revocationReason).toBe('REFRESH_TOKEN_REUSED');
  expect(errorCodes(await refresh(winner.refreshToken!))).toEqual(['UNAUTHENTICATED']);
  // Exactly one successor token was ever issued.
  expect(await h.prisma.refreshToken.count({ where: { sessionId: signedIn.sessionId! } })).toBe(2);
});

test('unknown, expired and revoked refresh tokens are UNAUTHENTICATED', async () => {
  expect(errorCodes(await refresh('not-a-token'))).toEqual(['UNAUTHENTICATED']);

  const expiring = await h.signInWithPhone(newPhone());
  h.clock.advance(30 * 86400_000);
  const expired = await refresh(expiring.refreshToken!);
  expect(errorCodes(expired)).toEqual(['UNAUTHENTICATED']);
  expect(expired.errors?.[0]?.message).toMatch(/expired/);

  const signedOut = await h.signInWithPhone(newPhone());
  await h.execute(`mutation { signOut { ${REVOCATION} } }`, {}, { token: signedOut.accessToken! });
  expect(errorCodes(await refresh(signedOut.refreshToken!))).toEqual(['UNAUTHENTICATED']);
});

test('a refresh within the lifetime slides the session expiry', async () => {
  const signedIn = await h.signInWithPhone(newPhone());
  h.clock.advance(29 * 86400_000);
  const refreshed = (await refresh(signedIn.refreshToken!)).data!.refreshSession;
  expect(new Date(refreshed.refreshTokenExpiresAt!).getTime()).toBe(h.clock.now().getTime() + 30 * 86400_000);
  h.clock.advance(29 * 86400_000);
  expect((await refresh(refreshed.refreshToken!)).errors).toBeUndefined();
});

test('mySessions lists live sessions with device, IP and times, marking the current one', async () => {
  const phone = newPhone();
  const phoneSession = await h.signInWithPhone(phone, { ip: '203.0.113.5', device: { name: "Ada's iPhone", platform: 'IOS' } });
  h.clock.advance(31_000);
  const webSession = await h.signInWithPhone(phone, { ip: '203.0.113.6', device: { platform: 'WEB' } });
  h.clock.advance(31_000);
  const ended = await h.signInWithPhone(phone);
  await h.execute(`mutation { signOut { ${REVOCATION} } }`, {}, { token: ended.accessToken! });

  const listed = await h.execute(MY_SESSIONS, {}, { token: webSession.accessToken! });
  expect(listed.errors).toBeUndefined();
  const sessions = listed.data!.mySessions as Record<string, unknown>[];
  expect(sessions.map((s) => s.id)).toEqual([webSession.sessionId, phoneSession.sessionId]);
  expect(sessions[0]).toMatchObject({ devicePlatform: 'WEB', deviceName: null, ip: '203.0.113.6', current: true });
  expect(sessions[1]).toMatchObject({ devicePlatform: 'IOS', deviceName: "Ada's iPhone", ip: '203.0.113.5', current: false });
  expect(sessions[1]!.createdAt).toBe(sessions[1]!.lastUsedAt);

  // A refresh from elsewhere updates last use and IP.
  h.clock.advance(60_000);
  await refresh(phoneSession.refreshToken!, '198.51.100.77');
  const after = (await h.execute(MY_SESSIONS, {}, { token: webSession.accessToken! })).data!.mySessions as Record<string, unknown>[];
  expect(after[0]).toMatchObject({ id: phoneSession.sessionId, ip: '198.51.100.77', lastUsedAt: h.clock.now().toISOString() });
});

test('signOut ends only the current session', async () => {
  const phone = newPhone();
  const one = await h.signInWithPhone(phone);
  h.clock.advance(31_000);
  const two = await h.signInWithPhone(phone);
  const result = await h.execute(`mutation { signOut { ${REVOCATION} } }`, {}, { token: one.accessToken! });
  expect(result.data?.signOut).toEqual({ revokedSessionCount: 1, userErrors: [] });
  expect(errorCodes(await refresh(one.refreshToken!))).toEqual(['UNAUTHENTICATED']);
  expect((await refresh(two.refreshToken!)).errors).toBeUndefined();
  // Signing out again changes nothing.
  expect((await h.execute(`mutation { signOut { ${REVOCATION} } }`, {}, { token: one.accessToken! })).data?.signOut.revokedSessionCount).toBe(0);
});

test("signOutEverywhere ends every session of the viewer and nobody else's", async () => {
  const phone = newPhone();
  const sessions = [];
  for (let i = 0; i < 3; i++) {
    sessions.push(await h.signInWithPhone(phone));
    h.clock.advance(31_000);
  }
  const bystander = await h.signInWithPhone(newPhone());
  const result = await h.execute(`mutation { signOutEverywhere { ${REVOCATION} } }`, {}, { token: sessions[0]!.accessToken! });
  expect(result.data?.signOutEverywhere).toEqual({ revokedSessionCount: 3, userErrors: [] });
  for (const session of sessions) expect(errorCodes(await refresh(session.refreshToken!))).toEqual(['UNAUTHENTICATED']);
  expect((await refresh(bystander.refreshToken!)).errors).toBeUndefined();
});

test("revokeSession ends one of the viewer's sessions, but not someone else's", async () => {
  const phone = newPhone();
  const mine = await h.signInWithPhone(phone);
  h.clock.advance(31_000);
  const myOther = await h.signInWithPhone(phone);
  const theirs = await h.signInWithPhone(newPhone());
  const revoke = (id: string) => h.execute(`mutation ($id: ID!) { revokeSession(id: $id) { ${REVOCATION} } }`, { id }, { token: mine.accessToken! });

  const foreign = await revoke(theirs.sessionId!);
  expect(foreign.data?.revokeSession).toMatchObject({ revokedSessionCount: 0, userErrors: [{ code: 'SESSION_NOT_FOUND', field: ['id'] }] });
  expect((await h.prisma.session.findUniqueOrThrow({ where: { id: theirs.sessionId! } })).revokedAt).toBeNull();
  expect((await refresh(theirs.refreshToken!)).errors).toBeUndefined();

  expect((await revoke('not-a-uuid')).data?.revokeSession.userErrors[0]?.code).toBe('SESSION_NOT_FOUND');
  expect((await revoke('00000000-0000-4000-8000-000000000000')).data?.revokeSession.userErrors[0]?.code).toBe('SESSION_NOT_FOUND');

  expect((await revoke(myOther.sessionId!)).data?.revokeSession).toEqual({ revokedSessionCount: 1, userErrors: [] });
  expect(errorCodes(await refresh(myOther.refreshToken!))).toEqual(['UNAUTHENTICATED']);
  expect((await revoke(myOther.sessionId!)).data?.revokeSession).toEqual({ revokedSessionCount: 0, userErrors: [] });
});

test('a deactivated user can neither refresh nor sign in', async () => {
  const phone = newPhone();
  const signedIn = await h.signInWithPhone(phone);
  // Deactivation straight in the table (no session revocation): refresh must check the user itself.
  await h.prisma.user.update({ where: { id: signedIn.userId! }, data: { active: false } });
  const refused = await refresh(signedIn.refreshToken!);
  expect(errorCodes(refused)).toEqual(['UNAUTHENTICATED']);
  expect(refused.errors?.[0]?.message).toMatch(/deactivated/);
  h.clock.advance(31_000);
  await h.execute('mutation ($phone: String!) { requestOtp(phone: $phone) { sent } }', { phone });
  const verified = await h.execute<{ verifyOtp: AuthResult }>(
    'mutation ($phone: String!, $code: String!) { verifyOtp(phone: $phone, code: $code) { accessToken userErrors { code } } }',
    { phone, code: h.log.lastCode(phone) },
  );
  expect(verified.data?.verifyOtp).toEqual({ accessToken: null, userErrors: [{ code: 'ACCOUNT_DISABLED' }] });
});

test('session mutations and mySessions need a signed-in viewer', async () => {
  for (const operation of [MY_SESSIONS, `mutation { signOut { ${REVOCATION} } }`, `mutation { signOutEverywhere { ${REVOCATION} } }`]) {
    expect(errorCodes(await h.execute(operation))).toEqual(['UNAUTHENTICATED']);
  }
  const revoke = await h.execute(`mutation { revokeSession(id: "00000000-0000-4000-8000-000000000000") { ${REVOCATION} } }`);
  expect(errorCodes(revoke)).toEqual(['UNAUTHENTICATED']);
});

test('refresh tokens never reach the logs', async () => {
  const signedIn = await h.signInWithPhone(newPhone());
  const next = (await refresh(signedIn.refreshToken!)).data!.refreshSession;
  await refresh(signedIn.refreshToken!);
  const all = h.log.raw.join('\n');
  expect(all).toContain('a rotated refresh token was presented again');
  for (const secret of [signedIn.refreshToken!, next.refreshToken!, signedIn.accessToken!, next.accessToken!]) expect(all).not.toContain(secret);
});
