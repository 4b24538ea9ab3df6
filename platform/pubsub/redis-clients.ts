// How the two ioredis connections of the live pub/sub are configured, watched and closed.
import type { Redis, RedisOptions } from 'ioredis';
import type { PubSubLogger } from './types.js';

/** Reconnect forever, backing off to one attempt every 2 s: a subgraph outlives a Redis restart. */
export const retryForever = (attempt: number): number => Math.min(attempt * 200, 2000);

/**
 * The ioredis options the live pub/sub relies on; use them when passing your own clients.
 *
 * - publisher: no offline queue and `maxRetriesPerRequest: 0`, so an event is never queued while Redis is
 *   away and sent late, and a publish in flight when the connection drops fails at once. (The pub/sub bounds
 *   each publish with its own timer rather than ioredis' `commandTimeout`, whose timer outlives commands that
 *   fail and keeps the process alive.)
 * - subscriber: offline queue on and `maxRetriesPerRequest: null`, so SUBSCRIBE/UNSUBSCRIBE issued during an
 *   outage wait for the reconnect instead of failing; `autoResubscribe` restores every channel afterwards.
 * - both: retry forever; the connection name (`<prefix>publisher` / `<prefix>subscriber`) shows in CLIENT LIST;
 *   `disconnectTimeout` 250 ms because ioredis arms that timer even for a socket that is already gone (closing
 *   during an outage), and the default 2 s timer would keep a shutting-down process alive that long.
 */
export function liveRedisClientOptions(role: 'publisher' | 'subscriber', prefix: string): RedisOptions {
  const common: RedisOptions = { connectionName: `${prefix}${role}`, retryStrategy: retryForever, disconnectTimeout: 250 };
  return role === 'publisher'
    ? { ...common, enableOfflineQueue: false, maxRetriesPerRequest: 0 }
    : { ...common, enableOfflineQueue: true, maxRetriesPerRequest: null, autoResubscribe: true };
}

/**
 * Logs each outage of a connection once (not every failed attempt) and its recovery. Also serves as the
 * client's 'error' listener, without which ioredis prints every failed reconnect attempt itself.
 * A socket Redis closes cleanly (a restart) emits 'close' without 'error', hence both.
 *
 * @param owner names the connection's user in the messages (the event bus watches its connections with this too).
 */
export function watchConnection(client: Redis, role: string, logger: PubSubLogger, isClosing: () => boolean, owner = 'live pub/sub'): void {
  let down = false;
  const lost = (error?: Error) => {
    if (down || isClosing()) return;
    down = true;
    logger.warn({ role, err: error }, `${owner} Redis ${role} connection is down; reconnecting`);
  };
  client.on('error', lost);
  client.on('close', () => lost());
  client.on('ready', () => {
    if (!down) return;
    down = false;
    logger.info({ role }, `${owner} reconnected its Redis ${role} connection`);
  });
}

/**
 * The subscriber as graphql-redis-subscriptions sees it. That library fires UNSUBSCRIBE without awaiting it,
 * and turns a failed SUBSCRIBE into an unhandled rejection (besides rejecting our promise). With the
 * subscriber options above both fail only when dispose forces the connection closed, so from then on their
 * failures are dropped. Left as is: a SUBSCRIBE that Redis itself refuses (an ACL without channel permission)
 * still escapes the library as an unhandled rejection — a misconfiguration that then fails loudly.
 */
export function guardSubscriber(client: Redis, isClosing: () => boolean, logger: PubSubLogger): Redis {
  const report = (error: unknown) => {
    if (!isClosing()) logger.warn({ err: error }, 'live pub/sub could not unsubscribe a Redis channel');
  };
  return new Proxy(client, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      if (property === 'unsubscribe' || property === 'punsubscribe') {
        return (...channels: string[]) => target[property](...channels).catch(report);
      }
      if (property === 'subscribe') {
        return (channel: string, callback: (error?: Error | null, count?: unknown) => void) =>
          target.subscribe(channel, (error, count) => {
            if (error && isClosing()) return;
            callback(error, count);
          });
      }
      return (value as (...args: unknown[]) => unknown).bind(target);
    },
  });
}

/**
 * Closes a connection without hanging: QUIT when connected (Redis finishes what was sent first), otherwise,
 * or when QUIT takes longer than `timeoutMs`, drops the socket and stops reconnecting.
 */
export async function closeClient(client: Redis, timeoutMs: number): Promise<void> {
  if (client.status === 'end') return;
  if (client.status !== 'ready') {
    client.disconnect();
    return;
  }
  let timer: NodeJS.Timeout | undefined;
  const ended = new Promise<void>((resolve) => client.once('end', resolve));
  const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
  client.quit().catch(() => client.disconnect());
  const outcome = await Promise.race([ended, timedOut]);
  clearTimeout(timer);
  if (outcome === 'timeout') client.disconnect();
}
