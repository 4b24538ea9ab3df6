// Metrics of a graphql-ws server (platform/metrics): wraps its hooks to count running subscriptions (from the
// start of their stream to its end, however it ends), every event sent, and each subscribe message as a GraphQL
// operation of type subscription (refused when onSubscribe answered with errors, ok once its stream started).
import type { ExecutionResult, GraphQLError } from 'graphql';
import type { ServerOptions } from 'graphql-ws';
import { recordErrorCodes, recordOperation, recordSubscriptionEventDelivered, secondsSince, metricsEnabled, wsSubscriptionStarted } from '../metrics/index.js';

type Options<P extends Record<string, unknown>, E> = ServerOptions<P, E>;

export function withWsMetrics<P extends Record<string, unknown>, E>(options: Options<P, E>): Options<P, E> {
  /** When each subscribe message arrived, by connection context and id, for the operation's duration. */
  const started = new WeakMap<object, Map<string, number>>();
  const startOf = (ctx: object, id: string): number => {
    const at = started.get(ctx)?.get(id);
    started.get(ctx)?.delete(id);
    return at ?? performance.now();
  };
  return {
    ...options,
    // Not async: the wrapped hook's synchronous part must stay one synchronous call (see the gateway's ws-server).
    onSubscribe: (ctx, id, payload) => {
      const at = performance.now();
      const answer = options.onSubscribe?.(ctx, id, payload);
      const note = (result: Awaited<typeof answer>) => {
        if (Array.isArray(result)) {
          if (metricsEnabled()) {
            recordOperation(payload.operationName, 'subscription', 'refused', secondsSince(at));
            recordErrorCodes((result as readonly GraphQLError[]).map((error) => error.extensions?.code));
          }
        } else {
          let byId = started.get(ctx);
          if (!byId) started.set(ctx, (byId = new Map<string, number>()));
          byId.set(id, at);
        }
        return result;
      };
      return answer instanceof Promise ? answer.then(note) : note(answer);
    },
    onOperation: async (ctx, id, payload, args, result) => {
      const replaced = await options.onOperation?.(ctx, id, payload, args, result);
      const operationResult = replaced ?? result;
      const at = startOf(ctx, id);
      if (!isAsyncIterable(operationResult)) {
        const errors = (operationResult as ExecutionResult).errors ?? [];
        if (metricsEnabled()) {
          recordOperation(payload.operationName, 'subscription', errors.length ? 'error' : 'ok', secondsSince(at));
          recordErrorCodes(errors.map((error) => error.extensions?.code));
        }
        return replaced;
      }
      if (metricsEnabled()) recordOperation(payload.operationName, 'subscription', 'ok', secondsSince(at));
      return countedWhileRunning(operationResult);
    },
    onNext: (ctx, id, payload, args, result) => {
      recordSubscriptionEventDelivered();
      return options.onNext?.(ctx, id, payload, args, result);
    },
  };
}

function isAsyncIterable(value: unknown): value is AsyncIterable<ExecutionResult> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/**
 * The same stream, counted in the subscriptions gauge until it ends: done, failed, or returned (graphql-ws calls
 * `return` on a client's `complete` and on close, and only on an object that has next, return and throw).
 */
function countedWhileRunning(stream: AsyncIterable<ExecutionResult>): AsyncGenerator<ExecutionResult> {
  const iterator = stream[Symbol.asyncIterator]();
  const finish = wsSubscriptionStarted();
  const settle = async (step: Promise<IteratorResult<ExecutionResult>>) => {
    try {
      const result = await step;
      if (result.done) finish();
      return result;
    } catch (error) {
      finish();
      throw error;
    }
  };
  const counted: AsyncGenerator<ExecutionResult> = {
    next: () => settle(iterator.next()),
    return: (value?: unknown) => {
      finish();
      return iterator.return ? settle(iterator.return(value)) : Promise.resolve({ done: true, value: undefined });
    },
    throw: (error?: unknown) => {
      finish();
      if (iterator.throw) return settle(iterator.throw(error));
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    },
    [Symbol.asyncIterator]: () => counted,
  };
  return counted;
}
