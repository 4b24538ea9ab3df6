// Subscription fields over the live pub/sub: a field is its topic, the channel key it listens on, a per-event
// authorization check and how an event becomes the field's value. See platform/graphql/SUBSCRIPTIONS.md.
import type { GraphQLResolveInfo } from 'graphql';
import type { LivePubSub, LiveTopics, TopicName } from '../pubsub/index.js';

/** What a subgraph's context must carry for its live subscription fields. */
export interface LiveSubscriptionContext {
  pubsub: LivePubSub;
}

export interface LiveSubscriptionDefinition<K extends TopicName<LiveTopics>, TArgs, TContext, TResult> {
  /** The live topic (platform/pubsub/topics.ts) the field listens on. */
  topic: K;
  /**
   * The channel key (a trip id, the viewer's user id, …) or undefined for the unkeyed topic. Runs once when the
   * subscription starts, with the subscription's context, after the field's schema rule passed. Ownership checks
   * that can refuse at start belong here: throw AppError FORBIDDEN / NOT_FOUND / BAD_USER_INPUT and the client
   * gets that error instead of a subscription.
   */
  key: (args: TArgs, context: TContext) => string | undefined | Promise<string | undefined>;
  /**
   * Per event: whether this subscriber may see it. Runs with the subscription's context (the connection's viewer),
   * so decide from the payload — topics carry the owner ids this needs (user, rider, driver, fleet). An event it
   * refuses is skipped silently. Default: every event on the channel.
   */
  authorize?: (payload: LiveTopics[K], args: TArgs, context: TContext) => boolean | Promise<boolean>;
  /**
   * Per event: the field's value, e.g. the entity loaded by the payload's id through the services (which apply
   * ownership again). Runs with a fresh context per event — fresh DataLoaders, as for a new request.
   */
  resolve: (payload: LiveTopics[K], args: TArgs, context: TContext) => TResult | Promise<TResult>;
}

export interface LiveSubscriptionResolver<K extends TopicName<LiveTopics>, TArgs, TContext, TResult> {
  subscribe: (parent: unknown, args: TArgs, context: TContext, info: GraphQLResolveInfo) => Promise<AsyncIterableIterator<LiveTopics[K]>>;
  resolve: (payload: LiveTopics[K], args: TArgs, context: TContext, info: GraphQLResolveInfo) => TResult | Promise<TResult>;
}

/**
 * A subscription field resolver (`{ subscribe, resolve }`) listening on the live pub/sub in `context.pubsub` —
 * Redis in distributed mode (an event published by any replica reaches every subscriber once), in-process when
 * embedded. The subscription starts once the backend listens (Redis acknowledged SUBSCRIBE). A client that
 * completes or disconnects releases the listener at once; one that reads too slowly is ended by the pub/sub's
 * buffer limit.
 */
export function liveSubscription<K extends TopicName<LiveTopics>, TArgs, TContext extends LiveSubscriptionContext, TResult>(
  definition: LiveSubscriptionDefinition<K, TArgs, TContext, TResult>,
): LiveSubscriptionResolver<K, TArgs, TContext, TResult> {
  return {
    async subscribe(_parent, args, context) {
      const key = await definition.key(args, context);
      const events = context.pubsub.subscribe(definition.topic, key);
      try {
        await events.ready;
      } catch (error) {
        await events.return();
        throw error;
      }
      const { authorize } = definition;
      return authorize ? filterEvents(events, (payload) => authorize(payload, args, context)) : events;
    },
    resolve: (payload, args, context) => definition.resolve(payload, args, context),
  };
}

/** Skips events `keep` refuses; `return()` ends the source at once, even while waiting for an event. */
function filterEvents<T>(source: AsyncIterableIterator<T>, keep: (event: T) => boolean | Promise<boolean>): AsyncIterableIterator<T> {
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      for (;;) {
        const result = await source.next();
        if (result.done || (await keep(result.value))) return result;
      }
    },
    return: () => source.return?.() ?? Promise.resolve({ done: true, value: undefined }),
    async throw(error?: unknown) {
      await source.return?.();
      throw error;
    },
  } as AsyncIterableIterator<T>;
}
