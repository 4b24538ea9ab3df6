// A small federated stack for the subscription tests: identity and notifications (one or more replicas) as real
// servers on port 0, composed into a supergraph here (so other subgraphs' work in progress cannot break it), and
// one or more gateways — over an in-process pub/sub (the embedded mode) or a real Redis (distributed mode).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IncomingMessage } from 'node:http';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { createClient, type Client, type ExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';
import { createAccessTokenSigner, type Role } from '../../platform/auth/index.js';
import { serveSubgraph, type BuiltSubgraph, type RunningSubgraph } from '../../platform/graphql/index.js';
import { createLogger } from '../../platform/logging/index.js';
import { createLivePubSub, type LivePubSub } from '../../platform/pubsub/index.js';
import {
  EVENT_WAIT_MS,
  createTestAuth,
  createTestDatabase,
  testRedisUrl,
  testSubgraphDeps,
  type TestAuth,
  type TestDatabase,
} from '../../platform/testing/index.js';
import { subgraphInfo } from '../../subgraphs/registry.js';
import { buildIdentitySubgraph } from '../../subgraphs/identity/src/server.js';
import { openIdentityDatabase, type IdentityPrisma } from '../../subgraphs/identity/src/store/database.js';
import { buildNotificationsSubgraph } from '../../subgraphs/notifications/src/server.js';
import { createNotifier, type Notifier } from '../../subgraphs/notifications/src/services/notify.js';
import { openNotificationsDatabase, type NotificationsPrisma } from '../../subgraphs/notifications/src/store/database.js';
import { createNotificationStore } from '../../subgraphs/notifications/src/store/notification-store.js';
import { startGateway, type GatewayOptions, type RunningGateway } from '../../gateway/src/server.js';
import { loadSupergraph } from '../../gateway/src/supergraph.js';

const logger = createLogger({ level: 'silent' });

export interface StackOptions {
  /** 'memory': one in-process pub/sub shared by everything; 'redis': one Redis pub/sub per replica, one prefix. */
  pubsub: 'memory' | 'redis';
  gateways?: number;
  /** Replicas of notifications; gateway i talks to replica i % replicas. */
  notificationReplicas?: number;
  subscriptionLimits?: GatewayOptions['subscriptionLimits'];
  /** Options of gateway i on top of the common ones (e.g. different limits per gateway). */
  gatewayOptions?: (index: number) => Partial<GatewayOptions>;
}

export interface TestUser {
  id: string;
  name: string;
  roles: Role[];
}

export interface SubscriptionsStack {
  gateways: RunningGateway[];
  notifications: RunningSubgraph[];
  /** The pub/sub each notifications replica publishes on and listens to. */
  pubsubs: LivePubSub[];
  prefix: string;
  testAuth: TestAuth;
  rider: TestUser;
  otherRider: TestUser;
  operator: TestUser;
  /** notifications' tables, for tests that change rows behind the subgraph's back. */
  notificationsDb: NotificationsPrisma;
  /** HTTP requests identity has served (each per-event entity fetch is one). */
  identityRequests(): number;
  /** Creates a notification through the service of notifications replica `replica` (publishes notificationAdded). */
  notify(userId: string, title: string, replica?: number, body?: string): ReturnType<Notifier['notify']>;
  /** Stops notifications replica `replica` and starts a new one on the same port (a subgraph restart). */
  restartNotifications(replica?: number): Promise<void>;
  token(user: TestUser, ttlSeconds?: number): Promise<string>;
  stop(): Promise<void>;
}

export async function startSubscriptionsStack(options: StackOptions): Promise<SubscriptionsStack> {
  const db: TestDatabase = await createTestDatabase();
  const testAuth = await createTestAuth();
  const prefix = `ridegraph:test-subs-${randomUUID().slice(0, 8)}:`;
  const replicas = options.notificationReplicas ?? 1;
  const shared = options.pubsub === 'memory' ? createLivePubSub({ prefix, logger }) : undefined;
  const pubsubs = Array.from({ length: replicas }, () => shared ?? createLivePubSub({ redisUrl: testRedisUrl(), prefix, logger }));
  const identityPrisma: IdentityPrisma = openIdentityDatabase(db.target);
  const notificationsPrisma: NotificationsPrisma = openNotificationsDatabase(db.target);

  const user = async (name: string, roles: Role[]): Promise<TestUser> => {
    const row = await identityPrisma.user.create({ data: { name, roles } });
    return { id: row.id, name, roles };
  };
  const [rider, otherRider, operator] = [await user('Ada Rider', ['RIDER']), await user('Bo Rider', ['RIDER']), await user('Cy Ops', ['OPERATIONS'])];

  let identityRequests = 0;
  const deps = async (pubsub: LivePubSub) => ({ ...(await testSubgraphDeps(db.target, undefined, testAuth)), pubsub, logger });
  const countRequests = <T extends object>(built: BuiltSubgraph<T>): BuiltSubgraph<T> => ({
    ...built,
    createContext: (req: IncomingMessage) => {
      identityRequests++;
      return built.createContext(req);
    },
  });
  const identity = await serveSubgraph(countRequests(await buildIdentitySubgraph(await deps(pubsubs[0] as LivePubSub))), { port: 0, logger });
  const notifications: RunningSubgraph[] = [];
  for (const pubsub of pubsubs) notifications.push(await serveSubgraph(await buildNotificationsSubgraph(await deps(pubsub)), { port: 0, logger }));

  const sdl = (name: 'identity' | 'notifications') => parse(readFileSync(subgraphInfo(name).schemaFile, 'utf8'));
  const composed = composeServices([
    { name: 'identity', typeDefs: sdl('identity'), url: identity.url },
    { name: 'notifications', typeDefs: sdl('notifications'), url: (notifications[0] as RunningSubgraph).url },
  ]);
  if (composed.errors) throw composed.errors[0]!;
  const dir = mkdtempSync(join(tmpdir(), 'subscriptions-stack-'));
  writeFileSync(join(dir, 'supergraph.graphql'), composed.supergraphSdl);

  const gateways: RunningGateway[] = [];
  for (let i = 0; i < (options.gateways ?? 1); i++) {
    const replica = notifications[i % replicas] as RunningSubgraph;
    gateways.push(
      await startGateway({
        supergraph: loadSupergraph(join(dir, 'supergraph.graphql'), { notifications: replica.url }),
        logger,
        port: 0,
        introspection: true,
        sandbox: false,
        verifyAccessToken: testAuth.auth.verify,
        // Proves itself to the notifications replicas as a deployed gateway does.
        gatewaySecret: testAuth.auth.config.gatewaySecret,
        subscriptionLimits: options.subscriptionLimits,
        ...options.gatewayOptions?.(i),
      }),
    );
  }

  const notifiers = pubsubs.map((pubsub) => createNotifier({ store: createNotificationStore(notificationsPrisma), pubsub, logger }));
  const signerFor = (ttl: number) => createAccessTokenSigner(testAuth.auth.signingKeys!, { ...testAuth.auth.config, accessTokenTtlSeconds: ttl });

  return {
    gateways,
    notifications,
    pubsubs,
    prefix,
    testAuth,
    rider,
    otherRider,
    operator,
    notificationsDb: notificationsPrisma,
    identityRequests: () => identityRequests,
    notify: (userId, title, replica = 0, body = 'Body') => (notifiers[replica] as Notifier).notify({ userId, kind: 'TRIP', title, body }),
    async restartNotifications(replica = 0) {
      const running = notifications[replica] as RunningSubgraph;
      await running.stop();
      notifications[replica] = await serveSubgraph(await buildNotificationsSubgraph(await deps(pubsubs[replica] as LivePubSub)), {
        port: running.port,
        logger,
      });
    },
    token: async (u, ttlSeconds) =>
      ttlSeconds === undefined
        ? testAuth.tokenFor({ userId: u.id, roles: u.roles })
        : (await signerFor(ttlSeconds)({ userId: u.id, roles: u.roles, sessionId: 'test-session', fleetIds: [] })).token,
    async stop() {
      await Promise.all(gateways.map((gateway) => gateway.stop()));
      await Promise.all([identity, ...notifications].map((subgraph) => subgraph.stop()));
      await Promise.all([...new Set(pubsubs)].map((pubsub) => pubsub.dispose()));
      await identityPrisma.$disconnect();
      await notificationsPrisma.$disconnect();
      await db.drop();
    },
  };
}

// ---- a graphql-ws client that records what happens, for assertions -------------------------------------------

export interface Closed {
  code: number;
  reason: string;
}

export interface TestWsClient {
  client: Client;
  /** Resolves with the close event when the connection closes. */
  closed: Promise<Closed>;
  subscribe<TData = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): TestSubscription<TData>;
  dispose(): Promise<void>;
}

export interface TestSubscription<TData> {
  results: ExecutionResult<TData>[];
  /** The next result not yet taken, waiting up to `timeoutMs`. */
  next(timeoutMs?: number): Promise<ExecutionResult<TData>>;
  /** Resolves with the `error` message's errors (or the close event) when the subscription fails. */
  failed: Promise<unknown>;
  /** Sends `complete`. */
  stop(): void;
}

export function wsUrlOf(gateway: RunningGateway | RunningSubgraph): string {
  return gateway.url.replace(/^http/, 'ws');
}

/** @param connectionParams what `connection_init` carries; default none. */
export function connectWs(url: string, connectionParams?: Record<string, unknown>): TestWsClient {
  let onClosed: (closed: Closed) => void = () => undefined;
  const closed = new Promise<Closed>((resolve) => (onClosed = resolve));
  const client = createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: true,
    on: { closed: (event) => onClosed({ code: (event as { code: number }).code, reason: String((event as { reason?: string }).reason ?? '') }) },
  });
  return {
    client,
    closed,
    subscribe<TData>(query: string, variables?: Record<string, unknown>): TestSubscription<TData> {
      const results: ExecutionResult<TData>[] = [];
      const waiting: ((result: ExecutionResult<TData>) => void)[] = [];
      let taken = 0;
      let onFailed: (error: unknown) => void = () => undefined;
      const failed = new Promise<unknown>((resolve) => (onFailed = resolve));
      const stop = client.subscribe<TData>(
        { query, variables },
        {
          next: (result) => {
            results.push(result as ExecutionResult<TData>);
            waiting.shift()?.(results[taken++] as ExecutionResult<TData>);
          },
          error: (error) => onFailed(error),
          complete: () => undefined,
        },
      );
      return {
        results,
        failed,
        stop,
        // The project's wait for anything carried by events (platform/testing/read-until.ts): under the full CI run's
        // load 30 s once ran out; only a failing wait lasts this long.
        next(timeoutMs = EVENT_WAIT_MS) {
          if (taken < results.length) return Promise.resolve(results[taken++] as ExecutionResult<TData>);
          return new Promise((resolve, reject) => {
            const waiter = (result: ExecutionResult<TData>) => {
              clearTimeout(timer);
              resolve(result);
            };
            const timer = setTimeout(() => {
              waiting.splice(waiting.indexOf(waiter), 1); // a later event must not go to a caller who gave up
              reject(new Error(`no event within ${timeoutMs} ms`));
            }, timeoutMs);
            waiting.push(waiter);
          });
        },
      };
    },
    dispose: () => client.dispose() as Promise<void>,
  };
}

/** Retries `check` until it passes or `timeoutMs` passes (20 s by default: the full CI run is slow at times). */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
