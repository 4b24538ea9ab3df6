// The SDK client against a scripted fetch: how answers become data or RidegraphErrors, and the refresh rules
// that a live gateway cannot easily provoke (a retry refused again, a refresh lost on the network, a sign-out
// while a refresh is in flight, partial data).
import {
  createRidegraphClient,
  RidegraphError,
  MyTripsDocument,
  RiderHomeDocument,
  TripDetailsDocument,
  SignOutDocument,
  type FetchLike,
  type ResponseLike,
} from '../sdk/index.js';

type Answer = { status?: number; body: unknown } | Error;

/** A fetch answering each request by operation name from a script; refreshes answer in order. */
function scriptedFetch(answer: (operation: string, authorization: string | undefined, variables: Record<string, unknown>) => Answer | Promise<Answer>) {
  const calls: { operation: string; authorization: string | undefined }[] = [];
  const fetchImpl: FetchLike = async (_url, init) => {
    const { operationName, variables } = JSON.parse(init.body) as { operationName: string; variables: Record<string, unknown> };
    calls.push({ operation: operationName, authorization: init.headers.authorization });
    const result = await answer(operationName, init.headers.authorization, variables);
    if (result instanceof Error) throw result;
    return jsonResponse(result.status ?? 200, result.body);
  };
  return { fetch: fetchImpl, calls, count: (operation: string) => calls.filter((c) => c.operation === operation).length };
}

function jsonResponse(status: number, body: unknown): ResponseLike {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return { status, headers: { get: () => 'application/json' }, text: async () => text };
}

const unauthenticated: Answer = {
  status: 401,
  body: { errors: [{ message: 'Access token has expired; refresh the session', extensions: { code: 'UNAUTHENTICATED' } }] },
};
const tokens = (n: number): Answer => ({
  body: {
    data: {
      refreshSession: {
        accessToken: `access-${n}`,
        refreshToken: `refresh-${n}`,
        accessTokenExpiresAt: null,
        refreshTokenExpiresAt: null,
        sessionId: 's',
        userId: 'u',
        roles: ['RIDER'],
        newUser: false,
        userErrors: [],
      },
    },
  },
});
const me = { body: { data: { me: { id: 'u' } } } };

async function rejection(promise: Promise<unknown>): Promise<RidegraphError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof RidegraphError)) throw new Error(`expected a RidegraphError, got ${String(error)}`);
  return error;
}

describe('answers', () => {
  test('GraphQL errors become a RidegraphError with every error, its code, the status and the partial data', async () => {
    const { fetch } = scriptedFetch(() => ({
      body: {
        data: { me: { id: 'u', wallet: null } },
        errors: [
          { message: 'Not yours', path: ['me', 'wallet'], extensions: { code: 'FORBIDDEN' } },
          { message: 'Slow down', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 3 } },
        ],
      },
    }));
    const error = await rejection(createRidegraphClient({ url: 'http://api/graphql', fetch }).request(RiderHomeDocument));
    expect(error).toMatchObject({ name: 'RidegraphError', code: 'FORBIDDEN', message: 'Not yours', status: 200, data: { me: { id: 'u', wallet: null } } });
    expect(error.errors).toHaveLength(2);
    expect(error.hasCode('RATE_LIMITED')).toBe(true);
    expect(error.hasCode('UNAUTHENTICATED')).toBe(false);
  });

  test('no answer is NETWORK_ERROR; an answer that is not GraphQL is BAD_RESPONSE', async () => {
    const offline = scriptedFetch(() => new TypeError('fetch failed'));
    expect(await rejection(createRidegraphClient({ url: 'http://api/graphql', fetch: offline.fetch }).request(RiderHomeDocument))).toMatchObject({
      code: 'NETWORK_ERROR',
      status: undefined,
      errors: [],
    });

    const proxy = scriptedFetch(() => ({ status: 502, body: '<html>Bad gateway</html>' }));
    expect(await rejection(createRidegraphClient({ url: 'http://api/graphql', fetch: proxy.fetch }).request(RiderHomeDocument))).toMatchObject({
      code: 'BAD_RESPONSE',
      status: 502,
    });

    const empty = scriptedFetch(() => ({ status: 500, body: { data: null } }));
    expect(await rejection(createRidegraphClient({ url: 'http://api/graphql', fetch: empty.fetch }).request(RiderHomeDocument))).toMatchObject({
      code: 'BAD_RESPONSE',
      status: 500,
    });
  });

  test('sends the operation name, the variables and the access token', async () => {
    const seen: Record<string, unknown>[] = [];
    const { fetch, calls } = scriptedFetch((_op, _auth, variables) => {
      seen.push(variables);
      return { body: { data: { trip: null } } };
    });
    const client = createRidegraphClient({ url: 'http://api/graphql', fetch, session: { accessToken: 'access-0', refreshToken: 'refresh-0' } });
    expect(await client.request(TripDetailsDocument, { id: 't1' })).toEqual({ trip: null });
    expect(calls).toEqual([{ operation: 'TripDetails', authorization: 'Bearer access-0' }]);
    expect(seen).toEqual([{ id: 't1' }]);
  });
});

describe('refresh', () => {
  test('a retry refused again is thrown, without a second refresh', async () => {
    const script = scriptedFetch((operation) => (operation === 'RefreshSession' ? tokens(1) : unauthenticated));
    const client = createRidegraphClient({ url: 'http://api/graphql', fetch: script.fetch, session: { accessToken: 'access-0', refreshToken: 'refresh-0' } });
    expect((await rejection(client.request(RiderHomeDocument))).code).toBe('UNAUTHENTICATED');
    expect(script.calls).toEqual([
      { operation: 'RiderHome', authorization: 'Bearer access-0' },
      { operation: 'RefreshSession', authorization: undefined },
      { operation: 'RiderHome', authorization: 'Bearer access-1' },
    ]);
    // The renewed session is kept: the refresh itself succeeded.
    expect(client.getSession()).toEqual({ accessToken: 'access-1', refreshToken: 'refresh-1' });
  });

  test('a refresh lost on the network keeps the session; the next request refreshes with the same token', async () => {
    let refreshes = 0;
    const presented: unknown[] = [];
    const script = scriptedFetch((operation, authorization, variables) => {
      if (operation === 'RefreshSession') {
        presented.push(variables.refreshToken);
        return ++refreshes === 1 ? new TypeError('socket hang up') : tokens(2);
      }
      return authorization === 'Bearer access-2' ? me : unauthenticated;
    });
    const changes: unknown[] = [];
    const client = createRidegraphClient({
      url: 'http://api/graphql',
      fetch: script.fetch,
      session: { accessToken: 'access-0', refreshToken: 'refresh-0' },
      onSessionChange: (s) => void changes.push(s),
    });

    expect((await rejection(client.request(RiderHomeDocument))).code).toBe('NETWORK_ERROR');
    expect(client.getSession()).toEqual({ accessToken: 'access-0', refreshToken: 'refresh-0' });
    expect(changes).toEqual([]);

    expect(await client.request(RiderHomeDocument)).toEqual({ me: { id: 'u' } });
    expect(presented).toEqual(['refresh-0', 'refresh-0']);
    expect(changes).toEqual([{ accessToken: 'access-2', refreshToken: 'refresh-2' }]);
  });

  test('a sign-out while a refresh is in flight wins: the refreshed tokens are dropped, the requests fail', async () => {
    let releaseRefresh!: () => void;
    const script = scriptedFetch(async (operation) => {
      if (operation !== 'RefreshSession') return unauthenticated;
      await new Promise<void>((resolve) => (releaseRefresh = resolve));
      return tokens(1);
    });
    const client = createRidegraphClient({ url: 'http://api/graphql', fetch: script.fetch, session: { accessToken: 'access-0', refreshToken: 'refresh-0' } });
    const pending = rejection(client.request(MyTripsDocument));
    while (script.count('RefreshSession') === 0) await new Promise((resolve) => setImmediate(resolve));
    await client.clearSession();
    releaseRefresh();
    expect((await pending).code).toBe('UNAUTHENTICATED');
    expect(client.getSession()).toBeNull();
  });

  test('UNAUTHENTICATED next to data (nothing refused as a whole) is not refreshed, so a mutation never runs twice', async () => {
    const script = scriptedFetch(() => ({
      body: { data: { signOut: null }, errors: [{ message: 'Signed out', path: ['signOut'], extensions: { code: 'UNAUTHENTICATED' } }] },
    }));
    const client = createRidegraphClient({ url: 'http://api/graphql', fetch: script.fetch, session: { accessToken: 'access-0', refreshToken: 'refresh-0' } });
    expect((await rejection(client.request(SignOutDocument))).code).toBe('UNAUTHENTICATED');
    expect(script.calls.map((c) => c.operation)).toEqual(['SignOut']);
  });
});

describe('typing', () => {
  test('variables are required exactly when the operation requires them', () => {
    const client = createRidegraphClient({ url: 'http://api/graphql', fetch: scriptedFetch(() => me).fetch });
    // Compile-time checks (npm run typecheck); the calls are never awaited against a server.
    const checks = () => {
      void client.request(RiderHomeDocument);
      void client.request(MyTripsDocument);
      void client.request(MyTripsDocument, { first: 5 });
      void client.request(TripDetailsDocument, { id: 't' });
      // @ts-expect-error — TripDetails needs $id
      void client.request(TripDetailsDocument);
      // @ts-expect-error — no such variable
      void client.request(MyTripsDocument, { last: 5 });
      const typed = async () => {
        const { me: viewer } = await client.request(RiderHomeDocument);
        // @ts-expect-error — `me` is nullable: narrow before reading
        void viewer.id;
        // @ts-expect-error — `points` is nullable too (FORBIDDEN, or gamification down): narrow it as well
        void viewer?.points.level;
        return viewer?.points?.level satisfies 'BRONZE' | 'SILVER' | 'GOLD' | 'PLATINUM' | undefined;
      };
      return typed;
    };
    expect(typeof checks).toBe('function');
  });

  test('subscribe without a wsUrl reports SUBSCRIPTIONS_UNAVAILABLE to the sink', () => {
    const client = createRidegraphClient({ url: 'http://api/graphql', fetch: scriptedFetch(() => me).fetch });
    const errors: RidegraphError[] = [];
    const stop = client.subscribe(RiderHomeDocument, {}, { next: () => undefined, error: (e) => errors.push(e) });
    stop();
    expect(errors.map((e) => e.code)).toEqual(['SUBSCRIPTIONS_UNAVAILABLE']);
  });
});
