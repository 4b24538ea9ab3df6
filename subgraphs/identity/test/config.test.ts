// identity's configuration and the client-address rule (platform/http/client-ip.ts) it relies on.
import { ConfigError } from '../../../platform/config/index.js';
import { clientIp, readTrustProxyHops } from '../../../platform/http/client-ip.js';
import { readIdentityConfig } from '../src/config.js';

const SECRET = 'x'.repeat(40);

describe('readIdentityConfig', () => {
  test('development without OTP_SECRET generates one per process and warns', () => {
    const warnings: string[] = [];
    const logger = { warn: (message: string) => warnings.push(message) } as never;
    const first = readIdentityConfig({}, logger);
    const second = readIdentityConfig({}, logger);
    expect(first.otpSecret.length).toBeGreaterThanOrEqual(32);
    expect(first.otpSecret).not.toBe(second.otpSecret);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/OTP_SECRET is not set/);
    expect(warnings[0]).not.toContain(first.otpSecret);
    expect(first).toMatchObject({ trustProxyHops: 1, refreshTokenTtlSeconds: 30 * 86400, rateLimitPrefix: 'ridegraph:rl:identity:' });
  });

  test('production requires OTP_SECRET, and an explicit opt-in for the development providers', () => {
    expect(() => readIdentityConfig({ NODE_ENV: 'production', ALLOW_DEVELOPMENT_PROVIDERS: 'true' })).toThrow(/Set OTP_SECRET/);
    expect(() => readIdentityConfig({ NODE_ENV: 'production', OTP_SECRET: SECRET })).toThrow(/ALLOW_DEVELOPMENT_PROVIDERS/);
    const config = readIdentityConfig({ NODE_ENV: 'production', OTP_SECRET: SECRET, ALLOW_DEVELOPMENT_PROVIDERS: 'true' });
    expect(config.otpSecret).toBe(SECRET);
  });

  test('invalid values fail with a ConfigError naming the variable, without echoing a secret', () => {
    let error: unknown;
    try {
      readIdentityConfig({ OTP_SECRET: 'short', TRUST_PROXY_HOPS: '-1' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/OTP_SECRET: must be at least 32 characters/);
    expect(() => readIdentityConfig({ TRUST_PROXY_HOPS: '-1' })).toThrow(/TRUST_PROXY_HOPS/);
    expect(() => readIdentityConfig({ REFRESH_TOKEN_TTL_SECONDS: '60' })).toThrow(/REFRESH_TOKEN_TTL_SECONDS/);
    expect(() => readIdentityConfig({ IDENTITY_REAUTH_MAX_AGE_SECONDS: '59' })).toThrow(/IDENTITY_REAUTH_MAX_AGE_SECONDS: must be at least 60/);
    expect(() => readIdentityConfig({ IDENTITY_REAUTH_MAX_AGE_SECONDS: '86401' })).toThrow(/IDENTITY_REAUTH_MAX_AGE_SECONDS/);
  });

  test('a phone-only account may change its email within IDENTITY_REAUTH_MAX_AGE_SECONDS of its sign-in: 600 by default', () => {
    expect(readIdentityConfig({}).reauthMaxAgeSeconds).toBe(600);
    expect(readIdentityConfig({ IDENTITY_REAUTH_MAX_AGE_SECONDS: '120' }).reauthMaxAgeSeconds).toBe(120);
  });
});

describe('clientIp', () => {
  const req = (xff: string | string[] | undefined, remoteAddress = '10.0.0.2') => ({ headers: { 'x-forwarded-for': xff }, socket: { remoteAddress } });

  test('with one trusted hop (the gateway), the rightmost X-Forwarded-For entry is the client', () => {
    expect(clientIp(req('203.0.113.9'), 1)).toBe('203.0.113.9');
    // Whatever the client sent itself is ignored: only the entry the gateway appended counts.
    expect(clientIp(req('1.2.3.4, 203.0.113.9'), 1)).toBe('203.0.113.9');
  });

  test('with more hops, the hops-th entry from the right', () => {
    expect(clientIp(req('1.2.3.4, 203.0.113.9, 10.0.0.1'), 2)).toBe('203.0.113.9');
    expect(clientIp(req(['1.2.3.4, 203.0.113.9', '10.0.0.1']), 2)).toBe('203.0.113.9');
  });

  test('a chain shorter than the hops, a missing header, an unparseable entry, or hops 0: the socket address', () => {
    expect(clientIp(req('203.0.113.9'), 2)).toBe('10.0.0.2');
    expect(clientIp(req(undefined), 1)).toBe('10.0.0.2');
    expect(clientIp(req('not-an-ip'), 1)).toBe('10.0.0.2');
    expect(clientIp(req('203.0.113.9'), 0)).toBe('10.0.0.2');
    expect(clientIp({ headers: {} }, 1)).toBeUndefined();
  });

  test('normalises IPv4-mapped IPv6, ports and brackets', () => {
    expect(clientIp(req(undefined, '::ffff:192.0.2.1'), 1)).toBe('192.0.2.1');
    expect(clientIp(req('203.0.113.9:51234'), 1)).toBe('203.0.113.9');
    expect(clientIp(req('[2001:DB8::1]:443'), 1)).toBe('2001:db8::1');
    expect(clientIp(req('2001:db8::2'), 1)).toBe('2001:db8::2');
  });

  test('TRUST_PROXY_HOPS defaults to 1 and is validated', () => {
    expect(readTrustProxyHops({})).toBe(1);
    expect(readTrustProxyHops({ TRUST_PROXY_HOPS: '2' })).toBe(2);
    expect(() => readTrustProxyHops({ TRUST_PROXY_HOPS: 'many' })).toThrow(ConfigError);
  });
});

describe('buildIdentitySubgraph', () => {
  test('refuses to build without signing keys, before opening anything', async () => {
    const { buildIdentitySubgraph } = await import('../src/server.js');
    const { testSubgraphDeps } = await import('../../../platform/testing/index.js');
    const deps = await testSubgraphDeps({ kind: 'postgres', url: 'postgresql://nobody@127.0.0.1:1/none' });
    const { signingKeys: _dropped, ...verifyOnly } = deps.auth;
    await expect(buildIdentitySubgraph({ ...deps, auth: verifyOnly })).rejects.toThrow(/needs deps\.auth\.signingKeys/);
    await expect(buildIdentitySubgraph({ ...deps, auth: { ...deps.auth, config: { ...deps.auth.config, accessTokenTtlSeconds: 3600 } } })).rejects.toThrow(
      /at most 900/,
    );
  });
});
