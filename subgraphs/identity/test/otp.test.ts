// Phone sign-in: codes only ever in the SMS log line, expiry, attempt limit, resend cooldown, rate limits (the
// main instance counts them in Redis), first sign-in creating a RIDER, inactive users refused.
import { createHmac } from 'node:crypto';
import { testRedisUrl } from '../../../platform/testing/index.js';
import { AUTH_FIELDS, errorCodes, newPhone, startHarness, TEST_OTP_SECRET, type AuthResult, type Harness } from './harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ redisUrl: testRedisUrl() });
});

afterAll(async () => {
  await h?.stop();
});

const REQUEST = 'mutation ($phone: String!) { requestOtp(phone: $phone) { sent expiresAt resendAvailableAt userErrors { code field message } } }';
const VERIFY = `mutation ($phone: String!, $code: String!) { verifyOtp(phone: $phone, code: $code) { ${AUTH_FIELDS} } }`;

const request = (phone: string, ip?: string) => h.execute(REQUEST, { phone }, { ip });
const verify = (phone: string, code: string, ip?: string) => h.execute<{ verifyOtp: AuthResult }>(VERIFY, { phone, code }, { ip });
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

test('the code appears in exactly one log line (the SMS), never in a response or any other line', async () => {
  const phone = newPhone();
  const linesBefore = h.log.raw.length;
  const requested = await request(phone);
  expect(requested.errors).toBeUndefined();
  expect(requested.data?.requestOtp).toMatchObject({ sent: true, userErrors: [] });
  const code = h.log.lastCode(phone);
  expect(h.log.sms(phone)).toHaveLength(1);
  expect(h.log.sms(phone)[0]).toMatchObject({ to: phone, level: 30 });

  const verified = await verify(phone, code);
  expect(verified.data?.verifyOtp.accessToken).toEqual(expect.any(String));
  const newLines = h.log.raw.slice(linesBefore);
  expect(newLines.filter((line) => line.includes(code))).toHaveLength(1);
  expect(JSON.stringify(requested)).not.toContain(code);
  expect(JSON.stringify(verified)).not.toContain(code);
  expect(h.log.raw.join('\n')).not.toContain(TEST_OTP_SECRET);
});

test('codes are stored as an HMAC under OTP_SECRET, never in clear', async () => {
  const phone = newPhone();
  await request(phone);
  const code = h.log.lastCode(phone);
  const stored = await h.prisma.otpChallenge.findFirstOrThrow({ where: { phone } });
  expect(stored.codeHash).toBe(createHmac('sha256', TEST_OTP_SECRET).update(`${phone}:${code}`).digest('hex'));
  expect(JSON.stringify(stored)).not.toContain(code);
});

test('the first sign-in of a phone creates a RIDER; the next one signs the same user in', async () => {
  const phone = newPhone();
  const first = await h.signInWithPhone(phone);
  expect(first).toMatchObject({ newUser: true, roles: ['RIDER'], userErrors: [] });
  const user = await h.prisma.user.findUniqueOrThrow({ where: { phone } });
  expect(user).toMatchObject({ id: first.userId, roles: ['RIDER'], active: true });

  h.clock.advance(31_000);
  const second = await h.signInWithPhone(phone);
  expect(second).toMatchObject({ newUser: false, userId: first.userId });
  expect(second.sessionId).not.toBe(first.sessionId);
  expect(await h.prisma.user.count({ where: { phone } })).toBe(1);
});

test('the access token from verifyOtp verifies and carries roles, sid and fleet_ids', async () => {
  const fleetId = '7d1c2a4e-58c1-4a4f-9a53-0e5c0f1b2a3c';
  const manager = await h.createUser({ roles: ['FLEET_MANAGER'], fleetIds: [fleetId] });
  const signedIn = await h.signInWithPhone(manager.phone!);
  const viewer = await h.testAuth.auth.verify(signedIn.accessToken!);
  expect(viewer).toMatchObject({ userId: manager.id, roles: ['FLEET_MANAGER'], sessionId: signedIn.sessionId, fleetIds: [fleetId] });
  const expiresIn = new Date(signedIn.accessTokenExpiresAt!).getTime() - Date.now();
  expect(expiresIn).toBeGreaterThan(0);
  expect(expiresIn).toBeLessThanOrEqual(900_000);

  const rider = await h.signInWithPhone(newPhone());
  expect(await h.testAuth.auth.verify(rider.accessToken!)).toMatchObject({ roles: ['RIDER'], fleetIds: [] });
});

test('a code expires after 5 minutes', async () => {
  const phone = newPhone();
  await request(phone);
  const code = h.log.lastCode(phone);
  h.clock.advance(5 * 60_000);
  const late = await verify(phone, code);
  expect(late.data?.verifyOtp).toMatchObject({ accessToken: null, userErrors: [{ code: 'CODE_EXPIRED', field: ['code'] }] });
});

test('a code still works just before it expires', async () => {
  const phone = newPhone();
  await request(phone);
  const code = h.log.lastCode(phone);
  h.clock.advance(5 * 60_000 - 1000);
  expect((await verify(phone, code)).data?.verifyOtp.accessToken).toEqual(expect.any(String));
});

test('after 5 wrong codes the right one is refused too', async () => {
  const phone = newPhone();
  await request(phone);
  const code = h.log.lastCode(phone);
  const answers = [];
  for (let i = 0; i < 5; i++) answers.push((await verify(phone, wrong(code))).data?.verifyOtp.userErrors[0]);
  expect(answers.map((e) => e?.code)).toEqual(['INVALID_CODE', 'INVALID_CODE', 'INVALID_CODE', 'INVALID_CODE', 'INVALID_CODE']);
  expect(answers[0]?.message).toContain('4 attempts left');
  const right = await verify(phone, code);
  expect(right.data?.verifyOtp).toMatchObject({ accessToken: null, userErrors: [{ code: 'TOO_MANY_ATTEMPTS' }] });
  expect(await h.prisma.user.findUnique({ where: { phone } })).toBeNull();
});

test('concurrent guesses cannot exceed 5 comparisons (the attempt counter is one atomic UPDATE)', async () => {
  const phone = newPhone();
  await request(phone);
  const code = h.log.lastCode(phone);
  const results = await Promise.all(Array.from({ length: 12 }, () => verify(phone, wrong(code))));
  const codes = results.map((r) => r.data?.verifyOtp.userErrors[0]?.code);
  expect(codes.filter((c) => c === 'INVALID_CODE')).toHaveLength(5);
  expect(codes.filter((c) => c === 'TOO_MANY_ATTEMPTS')).toHaveLength(7);
  const stored = await h.prisma.otpChallenge.findFirstOrThrow({ where: { phone } });
  expect(stored.attempts).toBe(5);
  expect((await verify(phone, code)).data?.verifyOtp.userErrors[0]?.code).toBe('TOO_MANY_ATTEMPTS');
});

test('a code works once', async () => {
  const phone = newPhone();
  await request(phone);
  const code = h.log.lastCode(phone);
  expect((await verify(phone, code)).data?.verifyOtp.accessToken).toEqual(expect.any(String));
  expect((await verify(phone, code)).data?.verifyOtp.userErrors[0]?.code).toBe('CODE_EXPIRED');
});

test('resend cooldown: a second request within 30 s sends nothing and says when to retry; only the newest code works', async () => {
  const phone = newPhone();
  const first = await request(phone);
  const firstCode = h.log.lastCode(phone);
  const resendAt = first.data?.requestOtp.resendAvailableAt as string;
  expect(new Date(resendAt).getTime() - h.clock.now().getTime()).toBe(30_000);

  h.clock.advance(10_000);
  const early = await request(phone);
  expect(early.data?.requestOtp).toMatchObject({
    sent: false,
    expiresAt: null,
    resendAvailableAt: resendAt,
    userErrors: [{ code: 'RESEND_COOLDOWN', field: ['phone'] }],
  });
  expect(h.log.sms(phone)).toHaveLength(1);

  h.clock.advance(20_000);
  const again = await request(phone);
  expect(again.data?.requestOtp.sent).toBe(true);
  expect(h.log.sms(phone)).toHaveLength(2);
  const secondCode = h.log.lastCode(phone);
  if (secondCode !== firstCode) {
    expect((await verify(phone, firstCode)).data?.verifyOtp.userErrors[0]?.code).toBe('INVALID_CODE');
  }
  expect((await verify(phone, secondCode)).data?.verifyOtp.accessToken).toEqual(expect.any(String));
});

test('concurrent requests for one phone send one code', async () => {
  const phone = newPhone();
  const results = await Promise.all(Array.from({ length: 5 }, () => request(phone)));
  expect(results.filter((r) => r.data?.requestOtp.sent)).toHaveLength(1);
  expect(h.log.sms(phone)).toHaveLength(1);
});

test('invalid phone numbers and codes are user errors', async () => {
  for (const phone of ['5551234567', '+0123456789', '+1234', '+1555123456789012', '+1 555 123 4567']) {
    const result = await request(phone);
    expect(result.data?.requestOtp).toMatchObject({ sent: false, userErrors: [{ code: 'INVALID_PHONE', field: ['phone'] }] });
  }
  const badCode = await verify(newPhone(), '12ab56');
  expect(badCode.data?.verifyOtp.userErrors).toEqual([{ code: 'INVALID_CODE', field: ['code'], message: expect.any(String) }]);
  expect((await verify(newPhone(), '123456')).data?.verifyOtp.userErrors[0]?.code).toBe('CODE_EXPIRED');
  const longDevice = await h.execute<{ verifyOtp: AuthResult }>(
    'mutation ($phone: String!, $device: DeviceInput) { verifyOtp(phone: $phone, code: "123456", device: $device) { userErrors { code field } } }',
    { phone: newPhone(), device: { name: 'd'.repeat(101), platform: 'ANDROID' } },
  );
  expect(longDevice.data?.verifyOtp.userErrors).toEqual([{ code: 'INVALID_DEVICE', field: ['device', 'name'] }]);
});

test('a deactivated user cannot sign in with a code', async () => {
  const user = await h.createUser({ roles: ['RIDER'], active: false });
  await request(user.phone!);
  const result = await verify(user.phone!, h.log.lastCode(user.phone!));
  expect(result.data?.verifyOtp).toMatchObject({ accessToken: null, refreshToken: null, userErrors: [{ code: 'ACCOUNT_DISABLED' }] });
  expect(await h.prisma.session.count({ where: { userId: user.id } })).toBe(0);
});

test('per-phone limit: the 4th code for one phone within the window is RATE_LIMITED, whichever IP asks', async () => {
  const limited = await h.startAnother({ redisUrl: testRedisUrl(), limits: { otpRequestPerPhone: { points: 3, durationSeconds: 3600 } } });
  const phone = newPhone();
  for (let i = 0; i < 3; i++) {
    const result = await limited.execute(REQUEST, { phone }, { ip: `203.0.113.${10 + i}` });
    expect(result.data?.requestOtp.sent).toBe(true);
    h.clock.advance(31_000);
  }
  const refused = await limited.execute(REQUEST, { phone }, { ip: '203.0.113.99' });
  expect(errorCodes(refused)).toEqual(['RATE_LIMITED']);
  expect(refused.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(3500);
  expect(h.log.sms(phone)).toHaveLength(3);
});

test('per-IP limit: one client IP cannot request codes for many phones; another IP still can', async () => {
  const limited = await h.startAnother({ redisUrl: testRedisUrl(), limits: { otpRequestPerIp: { points: 3, durationSeconds: 600 } } });
  for (let i = 0; i < 3; i++) expect((await limited.execute(REQUEST, { phone: newPhone() }, { ip: '192.0.2.7' })).data?.requestOtp.sent).toBe(true);
  const refused = await limited.execute(REQUEST, { phone: newPhone() }, { ip: '192.0.2.7' });
  expect(errorCodes(refused)).toEqual(['RATE_LIMITED']);
  const retry = refused.errors?.[0]?.extensions?.retryAfterSeconds as number;
  expect(retry).toBeGreaterThan(0);
  expect(retry).toBeLessThanOrEqual(600);
  expect((await limited.execute(REQUEST, { phone: newPhone() }, { ip: '192.0.2.8' })).data?.requestOtp.sent).toBe(true);
});

test('per-IP limit on guesses', async () => {
  const limited = await h.startAnother({ redisUrl: testRedisUrl(), limits: { otpVerifyPerIp: { points: 2, durationSeconds: 600 } } });
  const guess = () => limited.execute(VERIFY, { phone: newPhone(), code: '000000' }, { ip: '192.0.2.50' });
  expect((await guess()).errors).toBeUndefined();
  expect((await guess()).errors).toBeUndefined();
  expect(errorCodes(await guess())).toEqual(['RATE_LIMITED']);
});

test('a failed SMS is SERVICE_UNAVAILABLE, leaves no code behind and no cooldown', async () => {
  let fail = true;
  const flaky = await h.startAnother({
    sms: {
      async send(to, text) {
        if (fail) throw new Error('carrier down');
        h.log.lines.push({ level: 30, msg: 'development SMS', to, text });
      },
    },
  });
  const phone = newPhone();
  const failed = await flaky.execute(REQUEST, { phone });
  expect(errorCodes(failed)).toEqual(['SERVICE_UNAVAILABLE']);
  expect(await h.prisma.otpChallenge.count({ where: { phone } })).toBe(0);
  fail = false;
  expect((await flaky.execute(REQUEST, { phone })).data?.requestOtp.sent).toBe(true);
});
