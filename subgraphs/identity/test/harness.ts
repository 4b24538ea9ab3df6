// Boots identity in-process for a test file: real PostgreSQL (a fresh database), real tokens, the real
// development SMS/email providers writing to a captured log, an injectable clock, a counting password hasher.
// Requests carry an Authorization header and a client address (X-Forwarded-For, as the gateway sends it).
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { DatabaseTarget } from '../../../platform/db/index.js';
import type { AnyEventEnvelope } from '../../../platform/events/index.js';
import type { BuiltSubgraph } from '../../../platform/graphql/index.js';
import { GATEWAY_HOP_HEADER, type Role } from '../../../platform/auth/index.js';
import { uniqueRateLimitPrefix } from '../../../platform/rate-limit/index.js';
import {
  createTestAuth,
  createTestDatabase,
  startInProcess,
  testSubgraphDeps,
  type InProcessResult,
  type TestAuth,
  type TestDatabase,
} from '../../../platform/testing/index.js';
import type { Clock } from '../src/clock.js';
import type { IdentityConfig } from '../src/config.js';
import type { IdentityContext } from '../src/context.js';
import { buildIdentitySubgraph, type IdentityBuildOptions } from '../src/server.js';
import { createFleetEventHandler } from '../src/services/fleet-events.js';
import { argon2Hasher, type PasswordHasher } from '../src/services/password-hasher.js';
import { openIdentityDatabase, type IdentityPrisma } from '../src/store/database.js';
import { createIdentityStore } from '../src/store/store.js';
import type { User } from '../src/store/prisma/client.js';

export const TEST_OTP_SECRET = 'test-otp-secret-0123456789abcdefghijklmnopqrstuvwxyz';

export class TestClock implements Clock {
  private current = Date.now();
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current += ms;
  }
}

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/** Every line the subgraph logs, parsed, plus the raw text (to search for secrets anywhere in it). */
export class CapturedLog {
  readonly lines: LogLine[] = [];
  readonly raw: string[] = [];
  readonly stream = new Writable({
    write: (chunk: Buffer, _encoding, done) => {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        this.raw.push(line);
        this.lines.push(JSON.parse(line) as LogLine);
      }
      done();
    },
  });
  sms(to: string): LogLine[] {
    return this.lines.filter((line) => line.msg === 'development SMS' && line.to === to);
  }
  emails(to: string): LogLine[] {
    return this.lines.filter((line) => line.msg === 'development email' && line.to === to);
  }
  /** The password reset emails to this address (registration also sends a verification email). */
  resetEmails(to: string): LogLine[] {
    return this.emails(to).filter((line) => line.subject === 'Reset your Ridegraph password');
  }
  /** The code in the newest SMS to this phone. */
  lastCode(to: string): string {
    const text = String(this.sms(to).at(-1)?.text ?? '');
    const code = /\b(\d{6})\b/.exec(text)?.[1];
    if (!code) throw new Error(`no code was sent to ${to}`);
    return code;
  }
  /** The email verification links sent to this address (registration, or updateMe changing the email). */
  verificationEmails(to: string): LogLine[] {
    return this.emails(to).filter((line) => line.subject === 'Confirm your Ridegraph email');
  }
  /** The token of the newest verification link sent to this address. */
  lastVerificationToken(to: string): string {
    const text = String(this.verificationEmails(to).at(-1)?.text ?? '');
    const token = /token=([A-Za-z0-9_-]+)/.exec(text)?.[1];
    if (!token) throw new Error(`no verification link was sent to ${to}`);
    return token;
  }
  /** The reset token in the newest email to this address. */
  lastResetToken(to: string): string {
    const text = String(this.resetEmails(to).at(-1)?.text ?? '');
    const token = /token=([A-Za-z0-9_-]+)/.exec(text)?.[1];
    if (!token) throw new Error(`no reset token was sent to ${to}`);
    return token;
  }
}

export class CountingHasher implements PasswordHasher {
  hashes = 0;
  /** The hash each verify was called with, in order. */
  readonly verifiedAgainst: string[] = [];
  hash(password: string) {
    this.hashes++;
    return argon2Hasher.hash(password);
  }
  verify(hash: string, password: string) {
    this.verifiedAgainst.push(hash);
    return argon2Hasher.verify(hash, password);
  }
}

export interface RequestOptions {
  /** Bearer token for Authorization. */
  token?: string;
  /** Client address; sent as X-Forwarded-For the way the gateway appends it. Default 198.51.100.1. */
  ip?: string;
  /** Sent as x-request-id (the gateway forwards the client request's); default: none, the subgraph makes one. */
  requestId?: string;
}

export interface IdentityInstance {
  subgraph: BuiltSubgraph<IdentityContext>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped by default, as postGraphQL's response
  execute<TData = any>(query: string, variables?: Record<string, unknown>, options?: RequestOptions): Promise<InProcessResult<TData>>;
  stop(): Promise<void>;
}

export interface Harness extends IdentityInstance {
  db: TestDatabase;
  prisma: IdentityPrisma;
  testAuth: TestAuth;
  clock: TestClock;
  log: CapturedLog;
  hasher: CountingHasher;
  config: IdentityConfig;
  /** Another identity instance on the same database, log and clock (e.g. with tight rate limits). */
  startAnother(options?: InstanceOptions): Promise<IdentityInstance>;
  tokenFor(user: Pick<User, 'id' | 'roles'> & { fleetIds?: string[] }, sessionId?: string): Promise<string>;
  /**
   * A user straight in the database; its phone counts as proven unless `phoneProven: false` (a legacy claim), its
   * email unless `emailProven: false`.
   */
  createUser(data: {
    roles: Role[];
    name?: string;
    phone?: string;
    phoneProven?: boolean;
    email?: string;
    /** Default true: the email counts as proven (emailVerifiedAt set). */
    emailProven?: boolean;
    passwordHash?: string;
    fleetIds?: string[];
    active?: boolean;
  }): Promise<User>;
  /**
   * Makes a fleet known to identity the way fleet announces one (a `fleet.changed` through the real handler), as
   * onboardDriver and assignFleetManager need: `id`, or a new fleet id. Returns the id.
   */
  knownFleet(id?: string): Promise<string>;
  /** verifyEmail with the newest link sent to this address; throws unless it proves the email. */
  verifyEmail(email: string): Promise<void>;
  /** requestOtp + the code from the SMS log + verifyOtp. */
  signInWithPhone(phone: string, options?: RequestOptions & { device?: Record<string, unknown> }): Promise<AuthResult>;
}

export interface AuthResult {
  accessToken: string | null;
  refreshToken: string | null;
  sessionId: string | null;
  userId: string | null;
  roles: Role[] | null;
  newUser: boolean;
  accessTokenExpiresAt: string | null;
  refreshTokenExpiresAt: string | null;
  userErrors: { code: string; field: string[] | null; message: string }[];
}

export const AUTH_FIELDS =
  'accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt sessionId userId roles newUser userErrors { code field message }';

/** Limits loose enough that tests not about limits never meet them. */
const ROOMY = { points: 10_000, durationSeconds: 3600 };
export const ROOMY_LIMITS: NonNullable<IdentityBuildOptions['limits']> = {
  otpRequestPerIp: ROOMY,
  otpRequestPerPhone: ROOMY,
  otpVerifyPerIp: ROOMY,
  signInPerEmail: ROOMY,
  signInPerIp: ROOMY,
  registerPerIp: ROOMY,
  passwordResetPerEmail: ROOMY,
  passwordResetPerIp: ROOMY,
};

let phoneSequence = Math.floor(Math.random() * 1_000_000);
/** A fresh E.164 number per call (within one test file's database). */
export const newPhone = () => `+1444${String(++phoneSequence).padStart(7, '0')}`;
export const newEmail = (label = 'user') => `${label}.${++phoneSequence}@example.com`;

export type InstanceOptions = IdentityBuildOptions & {
  /** Rate limits in Redis; default in-process. */
  redisUrl?: string;
  /** Observes every SQL statement the instance sends. */
  onStatement?: (sql: string) => void;
};

export interface HarnessOptions extends InstanceOptions {
  /** An already migrated database (e.g. PGlite); default: a fresh PostgreSQL database, dropped at stop. */
  database?: DatabaseTarget;
}

export async function startHarness({ database, ...options }: HarnessOptions = {}): Promise<Harness> {
  const db: TestDatabase = database ? { url: '', target: database, drop: async () => undefined } : await createTestDatabase();
  const prisma = openIdentityDatabase(db.target);
  const testAuth = await createTestAuth();
  const clock = new TestClock();
  const log = new CapturedLog();
  const hasher = new CountingHasher();
  const logger = pino({ level: 'trace' }, log.stream);
  const config: IdentityConfig = {
    otpSecret: TEST_OTP_SECRET,
    trustProxyHops: 1,
    rateLimitPrefix: uniqueRateLimitPrefix('identity-test'),
    refreshTokenTtlSeconds: 30 * 86400,
    passwordResetUrl: 'https://app.test/reset-password',
    emailVerificationUrl: 'https://app.test/verify-email',
    smsSimulation: {},
    emailSimulation: {},
    emailVerificationTtlSeconds: 86400,
    maxSessionsPerUser: 10,
    reauthMaxAgeSeconds: 600,
    cleanupRetentionDays: 30,
    cleanupIntervalSeconds: 0,
  };
  const instances: IdentityInstance[] = [];

  async function startInstance(instanceOptions: InstanceOptions): Promise<IdentityInstance> {
    const deps = { ...(await testSubgraphDeps(db.target, instanceOptions.onStatement, testAuth)), logger, redisUrl: instanceOptions.redisUrl };
    const subgraph = await buildIdentitySubgraph(deps, {
      config: { ...config, rateLimitPrefix: uniqueRateLimitPrefix('identity-test') },
      clock,
      passwordHasher: hasher,
      ...instanceOptions,
      limits: { ...ROOMY_LIMITS, ...instanceOptions.limits },
    });
    const inProcess = await startInProcess(subgraph);
    const instance: IdentityInstance = {
      subgraph,
      execute(query, variables, request = {}) {
        // Identity reads the client IP from X-Forwarded-For (appended by the gateway, which proves itself with the
        // gateway secret: without it the header is ignored) and the token from Authorization.
        const headers: Record<string, string> = {
          'x-forwarded-for': request.ip ?? '198.51.100.1',
          [GATEWAY_HOP_HEADER]: testAuth.auth.config.gatewaySecret as string,
        };
        if (request.token) headers.authorization = `Bearer ${request.token}`;
        if (request.requestId) headers['x-request-id'] = request.requestId;
        return inProcess.execute(query, variables, { headers });
      },
      stop: () => inProcess.stop(),
    };
    instances.push(instance);
    return instance;
  }

  const main = await startInstance(options);
  const recordFleet = createFleetEventHandler({ store: createIdentityStore(prisma), logger });
  const harness: Harness = {
    ...main,
    db,
    prisma,
    testAuth,
    clock,
    log,
    hasher,
    config,
    startAnother: startInstance,
    tokenFor: (user, sessionId) => testAuth.tokenFor({ userId: user.id, roles: user.roles, fleetIds: user.fleetIds, sessionId }),
    createUser: (data) =>
      prisma.user.create({
        data: {
          name: data.name ?? 'Test User',
          roles: data.roles,
          phone: data.phone ?? newPhone(),
          phoneVerifiedAt: data.phoneProven === false ? null : new Date(),
          email: data.email,
          emailVerifiedAt: data.email && data.emailProven !== false ? new Date() : null,
          passwordHash: data.passwordHash ?? null,
          fleetIds: data.fleetIds ?? [],
          active: data.active ?? true,
        },
      }),
    async knownFleet(id = randomUUID()) {
      await recordFleet(fleetChanged(id, new Date().toISOString()));
      return id;
    },
    async verifyEmail(email) {
      const result = await main.execute('mutation ($token: String!) { verifyEmail(token: $token) { emailVerified } }', {
        token: log.lastVerificationToken(email),
      });
      if (!result.data?.verifyEmail?.emailVerified) throw new Error(`verifyEmail failed: ${JSON.stringify(result)}`);
    },
    async signInWithPhone(phone, request = {}) {
      const requested = await main.execute('mutation ($phone: String!) { requestOtp(phone: $phone) { sent userErrors { code } } }', { phone }, request);
      if (!requested.data?.requestOtp?.sent) throw new Error(`requestOtp failed: ${JSON.stringify(requested)}`);
      const verified = await main.execute<{ verifyOtp: AuthResult }>(
        `mutation ($phone: String!, $code: String!, $device: DeviceInput) { verifyOtp(phone: $phone, code: $code, device: $device) { ${AUTH_FIELDS} } }`,
        { phone, code: log.lastCode(phone), device: request.device ?? null },
        request,
      );
      if (!verified.data?.verifyOtp) throw new Error(`verifyOtp failed: ${JSON.stringify(verified)}`);
      return verified.data.verifyOtp;
    },
    async stop() {
      for (const instance of instances) await instance.stop();
      await prisma.$disconnect();
      await db.drop();
    },
  };
  return harness;
}

export const errorCodes = (result: InProcessResult) => (result.errors ?? []).map((error) => error.extensions?.code);

/** fleet's `fleet.changed` for `fleetId` as of `occurredAt` (ISO), the event identity learns fleets from. */
export function fleetChanged(fleetId: string, occurredAt: string): AnyEventEnvelope {
  return {
    id: randomUUID(),
    type: 'fleet.changed',
    source: 'fleet',
    occurredAt,
    payload: { fleetId, name: `Fleet ${fleetId}`, city: 'Metro City', occurredAt },
  };
}
