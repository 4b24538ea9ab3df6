// The typed SDK (sdk/) against the whole supergraph over real HTTP: every app's operations for the role their
// comment names, the rider's sign-in flow, and the client's token refresh — one refreshSession for any number of
// concurrent refused requests, because identity revokes a session whose spent refresh token is presented again.
import { randomUUID } from 'node:crypto';
import { request as graphqlRequest } from 'graphql-request';
import { createAccessTokenSigner } from '../platform/auth/index.js';
import {
  createRidegraphClient,
  DriverActiveTripDocument,
  DriverHomeDocument,
  FleetDriversDocument,
  FleetPickerDocument,
  MyTripsDocument,
  NotificationsInboxDocument,
  RefreshSessionDocument,
  RegisterDocument,
  RidegraphError,
  RiderHomeDocument,
  SignInDocument,
  SignOutDocument,
  TripDetailsDocument,
  TripsBoardDocument,
  UsersAdminDocument,
  VerifyEmailDocument,
  type FetchLike,
  type RidegraphSession,
  type SessionTokensFragment,
} from '../sdk/index.js';
import { messageCapture } from './support/message-capture.js';
import { startTestSupergraph, type Persona, type TestSupergraph } from './support/test-supergraph.js';

let env: TestSupergraph;
const mail = messageCapture();

beforeAll(async () => {
  env = await startTestSupergraph({ logger: mail.logger });
}, 120_000);

afterAll(async () => {
  await env?.stop();
});

const PASSWORD = 'correct horse battery staple';

function sessionOf(payload: SessionTokensFragment): RidegraphSession {
  if (!payload.accessToken || !payload.refreshToken) throw new Error(`no tokens: ${JSON.stringify(payload.userErrors)}`);
  return { accessToken: payload.accessToken, refreshToken: payload.refreshToken };
}

/** A new RIDER with email and password, registered through the SDK. */
async function registerRider() {
  const email = `sdk-${randomUUID()}@example.com`;
  const { register } = await createRidegraphClient({ url: env.gatewayUrl }).request(RegisterDocument, {
    email,
    password: PASSWORD,
    name: 'Sid Kay',
    device: { name: 'jest', platform: 'OTHER' },
  });
  expect(register.userErrors).toEqual([]);
  // An email signs in only once proven: open the link the development email provider sent, as the rider would.
  const token = mail.verificationToken(email);
  expect(token).toEqual(expect.any(String));
  const { verifyEmail } = await createRidegraphClient({ url: env.gatewayUrl }).request(VerifyEmailDocument, { token: token! });
  expect(verifyEmail).toEqual({ emailVerified: true, userErrors: [] });
  return { email, userId: register.userId!, sessionId: register.sessionId!, session: sessionOf(register) };
}

/** A correctly signed access token for this user's session that expired an hour ago. */
async function expiredAccessToken(userId: string, sessionId: string): Promise<string> {
  const { config, signingKeys } = env.testAuth.auth;
  const sign = createAccessTokenSigner(signingKeys!, { ...config, accessTokenTtlSeconds: -3600 });
  return (await sign({ userId, sessionId, roles: ['RIDER'] })).token;
}

/** fetch that records each request's operation name and HTTP status. */
function recordingFetch() {
  const calls: { operation: string; status: number; authorized: boolean }[] = [];
  const fetchImpl: FetchLike = async (input, init) => {
    const response = await fetch(input, init);
    calls.push({
      operation: (JSON.parse(init.body) as { operationName: string }).operationName,
      status: response.status,
      authorized: 'authorization' in init.headers,
    });
    return response;
  };
  return { fetch: fetchImpl, calls, count: (operation: string) => calls.filter((call) => call.operation === operation).length };
}

/** A client holding a test token of a demo persona (no refresh token: these sessions are not identity's). */
function personaClient(persona: Exclude<Persona, 'anonymous'>) {
  const token = env.personas[persona].headers.authorization!.replace(/^Bearer /, '');
  return createRidegraphClient({ url: env.gatewayUrl, session: { accessToken: token, refreshToken: null } });
}

async function rejection(promise: Promise<unknown>): Promise<RidegraphError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof RidegraphError)) throw new Error(`expected a RidegraphError, got ${String(error)}`);
  return error;
}

describe('rider app', () => {
  test('register, sign in with email and password, me with wallet and points, trips, inbox, sign out', async () => {
    const { email, userId } = await registerRider();
    const changes: (RidegraphSession | null)[] = [];
    const client = createRidegraphClient({ url: env.gatewayUrl, onSessionChange: (session) => void changes.push(session) });

    const wrong = await client.request(SignInDocument, { email, password: 'not the password' });
    expect(wrong.signIn).toMatchObject({ accessToken: null, refreshToken: null, userErrors: [{ code: 'INVALID_CREDENTIALS' }] });

    const { signIn } = await client.request(SignInDocument, { email: email.toUpperCase(), password: PASSWORD, device: { name: 'Pixel', platform: 'ANDROID' } });
    expect(signIn).toMatchObject({ userId, roles: ['RIDER'], newUser: false, userErrors: [] });
    await client.setSession(sessionOf(signIn));

    const { me } = await client.request(RiderHomeDocument);
    expect(me).toMatchObject({
      id: userId,
      name: 'Sid Kay',
      email,
      phone: null,
      roles: ['RIDER'],
      wallet: {
        id: expect.any(String),
        balance: { amountMinor: 0, currency: 'USD' },
        balanceDue: { amountMinor: 0, currency: 'USD' },
        updatedAt: expect.any(String),
      },
      points: { balance: 0, level: 'BRONZE', lifetimeEarned: 0 },
    });
    expect(me?.unreadNotificationCount).toEqual(expect.any(Number));

    const trips = await client.request(MyTripsDocument, { first: 5 });
    expect(trips.me?.trips).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });

    const inbox = await client.request(NotificationsInboxDocument, { unreadOnly: true });
    expect(inbox.me?.notifications?.edges.length).toBe(inbox.me?.unreadNotificationCount);

    const { signOut } = await client.request(SignOutDocument);
    expect(signOut).toEqual({ revokedSessionCount: 1, userErrors: [] });
    await client.clearSession();
    expect(changes).toEqual([sessionOf(signIn), null]);

    const anonymous = await rejection(client.request(RiderHomeDocument));
    expect(anonymous.code).toBe('UNAUTHENTICATED');
  });

  test("a demo rider: their trips, one trip in detail, their inbox; someone else's trip is null", async () => {
    const client = personaClient('RIDER');
    const riderId = env.personas.RIDER.userId!;
    const { me } = await client.request(MyTripsDocument, { first: 3 });
    const mine = env.demo.trips.filter((trip) => trip.riderUserId === riderId);
    expect(me?.trips?.edges.length).toBe(Math.min(3, mine.length));
    const first = me?.trips?.edges[0]?.node;
    expect(first).toBeDefined();

    const { trip } = await client.request(TripDetailsDocument, { id: first!.id });
    expect(trip).toMatchObject({ id: first!.id, status: first!.status, rider: { id: riderId } });
    expect(trip?.vehicle?.plate).toEqual(expect.any(String));

    const othersTrip = env.demo.trips.find((t) => t.riderUserId !== riderId)!;
    expect((await client.request(TripDetailsDocument, { id: othersTrip.id })).trip).toBeNull();

    const inbox = await client.request(NotificationsInboxDocument, { first: 2 });
    for (const { node } of inbox.me?.notifications?.edges ?? [])
      expect(node).toMatchObject({ id: expect.any(String), kind: expect.any(String), title: expect.any(String) });
    const home = await client.request(RiderHomeDocument);
    expect(home.me?.points?.level).toMatch(/^(BRONZE|SILVER|GOLD|PLATINUM)$/);
  });
});

describe('driver app', () => {
  test('me with the driver profile and vehicle; the active trip', async () => {
    const client = personaClient('DRIVER');
    const driverUserId = env.personas.DRIVER.userId!;
    const profile = env.demo.drivers.find((driver) => driver.userId === driverUserId)!;
    const vehicle = env.demo.vehicles.find((v) => v.id === profile.vehicleId)!;

    const { me } = await client.request(DriverHomeDocument);
    expect(me).toMatchObject({
      id: driverUserId,
      roles: ['DRIVER'],
      driverProfile: { id: profile.id, status: expect.any(String), vehicle: { id: vehicle.id, plate: vehicle.plate } },
    });

    // The demo city's trips are all over.
    const active = await client.request(DriverActiveTripDocument);
    expect(active.me?.driverProfile).toMatchObject({ id: profile.id, activeTrip: null });
  });
});

describe('ops dashboard', () => {
  test('fleet picker, trips board by fleet, drivers of a fleet, users list (SUPER_ADMIN)', async () => {
    const client = personaClient('SUPER_ADMIN');
    const { fleets } = await client.request(FleetPickerDocument);
    expect(fleets.map((f) => f.name).sort()).toEqual(['Airport Fleet', 'Downtown Fleet']);
    const airport = fleets.find((f) => f.name === 'Airport Fleet')!;

    const board = await client.request(TripsBoardDocument, { first: 5, fleetId: airport.id, status: 'COMPLETED' });
    expect(board.trips.edges).toHaveLength(5);
    const airportVehicles = new Set(env.demo.vehicles.filter((v) => v.fleetId === airport.id).map((v) => v.id));
    for (const { node } of board.trips.edges) {
      expect(node.status).toBe('COMPLETED');
      expect(airportVehicles.has(node.vehicle!.id)).toBe(true);
    }
    const next = await client.request(TripsBoardDocument, { first: 5, fleetId: airport.id, after: board.trips.pageInfo.endCursor });
    expect(next.trips.edges[0]?.node.id).not.toBe(board.trips.edges[0]?.node.id);

    const drivers = await client.request(FleetDriversDocument, { fleetId: airport.id, first: 100 });
    const expected = env.demo.drivers
      .filter((d) => d.fleetId === airport.id)
      .map((d) => d.id)
      .sort();
    expect(drivers.drivers.edges.map((e) => e.node.id).sort()).toEqual(expected);

    const users = await client.request(UsersAdminDocument, { role: 'DRIVER', first: 100 });
    expect(users.users.edges).toHaveLength(env.demo.drivers.length);
    expect(users.users.edges.every((e) => e.node.roles.includes('DRIVER') && e.node.phone !== null)).toBe(true);
  });

  test("a fleet manager: another fleet's board and drivers are empty, the users list is FORBIDDEN", async () => {
    const client = personaClient('FLEET_MANAGER');
    const { fleets } = await client.request(FleetPickerDocument);
    expect(fleets.map((f) => f.name)).toEqual(['Downtown Fleet']);
    const airport = env.demo.fleets.find((f) => f.name === 'Airport Fleet')!;
    expect((await client.request(TripsBoardDocument, { fleetId: airport.id })).trips.edges).toEqual([]);
    expect((await client.request(FleetDriversDocument, { fleetId: airport.id })).drivers.edges).toEqual([]);
    expect((await client.request(TripsBoardDocument, { fleetId: fleets[0]!.id, first: 2 })).trips.edges).toHaveLength(2);

    const forbidden = await rejection(client.request(UsersAdminDocument, {}));
    expect(forbidden).toMatchObject({ code: 'FORBIDDEN', status: 200 });
    expect(forbidden.errors[0]?.path).toEqual(['users']);
  });
});

describe('token refresh', () => {
  test('an expired access token: one refreshSession, the new pair stored, the request retried once', async () => {
    const { userId, sessionId, session } = await registerRider();
    const expired = await expiredAccessToken(userId, sessionId);
    const recorder = recordingFetch();
    const changes: (RidegraphSession | null)[] = [];
    const client = createRidegraphClient({
      url: env.gatewayUrl,
      fetch: recorder.fetch,
      session: { accessToken: expired, refreshToken: session.refreshToken },
      onSessionChange: (next) => void changes.push(next),
    });

    const { me } = await client.request(RiderHomeDocument);
    expect(me?.id).toBe(userId);
    // The gateway refuses the expired token as a whole (401); the refresh goes without it.
    expect(recorder.calls).toEqual([
      { operation: 'RiderHome', status: 401, authorized: true },
      { operation: 'RefreshSession', status: 200, authorized: false },
      { operation: 'RiderHome', status: 200, authorized: true },
    ]);
    expect(changes).toHaveLength(1);
    const renewed = changes[0]!;
    expect(renewed.refreshToken).not.toBe(session.refreshToken);
    expect(renewed.accessToken).not.toBe(expired);
    expect(client.getSession()).toEqual(renewed);
    expect(await env.testAuth.auth.verify(renewed.accessToken)).toMatchObject({ userId, sessionId });

    // The new access token is used from now on: no further refresh.
    await client.request(MyTripsDocument);
    expect(recorder.count('RefreshSession')).toBe(1);
  });

  test('many concurrent requests with an expired access token share exactly one refreshSession and all succeed', async () => {
    const { userId, sessionId, session } = await registerRider();
    const recorder = recordingFetch();
    const changes: (RidegraphSession | null)[] = [];
    const client = createRidegraphClient({
      url: env.gatewayUrl,
      fetch: recorder.fetch,
      session: { accessToken: await expiredAccessToken(userId, sessionId), refreshToken: session.refreshToken },
      // A slow store: the new tokens are used only once persisted.
      onSessionChange: async (next) => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        changes.push(next);
      },
    });
    const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const one = (i: number) => {
      switch (i % 4) {
        case 0:
          return client.request(RiderHomeDocument).then((r) => r.me?.id);
        case 1:
          return client.request(MyTripsDocument, { first: 1 }).then((r) => r.me?.id);
        case 2:
          return client.request(NotificationsInboxDocument).then((r) => r.me?.id);
        default:
          return client.request(TripDetailsDocument, { id: randomUUID() }).then((r) => (r.trip === null ? userId : 'unexpected'));
      }
    };
    // Eight at once, eight more spread over the refresh: sent before, during and after it.
    const results = await Promise.all([
      ...Array.from({ length: 8 }, (_, i) => one(i)),
      ...Array.from({ length: 8 }, (_, i) => delay(i * 15).then(() => one(i))),
    ]);

    expect(results).toEqual(Array(16).fill(userId));
    expect(recorder.count('RefreshSession')).toBe(1);
    expect(changes).toHaveLength(1);
    expect(recorder.calls.filter((c) => c.operation !== 'RefreshSession' && c.status === 401).length).toBeGreaterThanOrEqual(8);

    // Had the spent token been presented twice, identity would have revoked the session: it is alive.
    const { refreshSession } = await createRidegraphClient({ url: env.gatewayUrl }).request(RefreshSessionDocument, {
      refreshToken: changes[0]!.refreshToken!,
    });
    expect(refreshSession).toMatchObject({ sessionId, userId, userErrors: [] });
  });

  test('a refused refresh clears the session and surfaces UNAUTHENTICATED to every waiting request', async () => {
    const { session } = await registerRider();
    // Signed out elsewhere: the refresh token is revoked.
    await createRidegraphClient({ url: env.gatewayUrl, session }).request(SignOutDocument);
    const recorder = recordingFetch();
    const changes: (RidegraphSession | null)[] = [];
    const client = createRidegraphClient({
      url: env.gatewayUrl,
      fetch: recorder.fetch,
      session: { accessToken: 'not-a-jwt', refreshToken: session.refreshToken },
      onSessionChange: (next) => void changes.push(next),
    });

    const errors = await Promise.all(
      [client.request(RiderHomeDocument), client.request(MyTripsDocument), client.request(NotificationsInboxDocument)].map(rejection),
    );
    for (const error of errors) expect(error.code).toBe('UNAUTHENTICATED');
    expect(recorder.count('RefreshSession')).toBe(1);
    expect(client.getSession()).toBeNull();
    expect(changes).toEqual([null]);

    // Anonymous from now on: refused without another refresh.
    expect((await rejection(client.request(RiderHomeDocument))).code).toBe('UNAUTHENTICATED');
    expect(recorder.count('RefreshSession')).toBe(1);
  });

  test('an unknown refresh token is refused the same way; a session without a refresh token is not refreshed', async () => {
    const recorder = recordingFetch();
    const client = createRidegraphClient({
      url: env.gatewayUrl,
      fetch: recorder.fetch,
      session: { accessToken: 'expired.access.token', refreshToken: 'never-issued' },
    });
    expect((await rejection(client.request(RiderHomeDocument))).code).toBe('UNAUTHENTICATED');
    expect(client.getSession()).toBeNull();

    const noRefresh = createRidegraphClient({
      url: env.gatewayUrl,
      fetch: recorder.fetch,
      session: { accessToken: 'expired.access.token', refreshToken: null },
    });
    const refused = await rejection(noRefresh.request(RiderHomeDocument));
    expect(refused).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
    expect(recorder.count('RefreshSession')).toBe(1);
    expect(noRefresh.getSession()).not.toBeNull();
  });
});

describe('other clients', () => {
  test('graphql-request runs a generated document, typed', async () => {
    const board = await graphqlRequest(env.gatewayUrl, TripsBoardDocument, { first: 3, status: 'COMPLETED' }, env.personas.OPERATIONS.headers);
    expect(board.trips.edges).toHaveLength(3);
    expect(board.trips.edges.every((edge) => edge.node.status === 'COMPLETED' && edge.node.fare !== null)).toBe(true);

    const home = await graphqlRequest({ url: env.gatewayUrl, document: RiderHomeDocument, requestHeaders: env.personas.RIDER.headers });
    expect(home.me?.id).toBe(env.personas.RIDER.userId);
  });
});
