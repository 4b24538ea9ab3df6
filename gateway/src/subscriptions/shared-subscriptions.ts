// De-duplication and fan-out. Identical subscriptions — same document, operation name, variables and identity
// scope — share one upstream subscription and one execution of the rest of the plan per event; the one result is
// handed to every subscriber. The upstream subscription ends the moment its last subscriber leaves.
import { GraphQLError, type ExecutionResult } from 'graphql';
import type { Viewer } from '../../../platform/auth/index.js';
import type { Logger } from '../../../platform/logging/index.js';
import type { GatewayContext } from '../context.js';
import { isCloseEvent, maskResult, upstreamFailure, type ErrorMasker } from './errors.js';
import { IdentityScope, scopeKeyOf } from './identity-scope.js';
import type { PlannedSubscription } from './planner.js';
import type { UpstreamLease, UpstreamPool } from './upstream-pool.js';

/** Receives what one client subscription is sent. After `fail` or `complete`, nothing more. */
export interface Subscriber {
  push(result: ExecutionResult): void;
  fail(error: GraphQLError): void;
  complete(): void;
}

export interface JoinRequest {
  planned: PlannedSubscription;
  /** Identifies the document (text and operation name). */
  documentKey: string;
  variables: Record<string, unknown>;
  viewer: Viewer;
  /** The client's Authorization value (`Bearer …`). */
  authorization: string;
  forwardedFor?: string;
}

export interface SharedSubscriptionsOptions {
  pool: UpstreamPool;
  /** HTTP URL of a subgraph (its WebSocket URL is the same with ws:). */
  urlOf: (subgraph: string) => string | undefined;
  mask: ErrorMasker;
  logger: Logger;
  /**
   * Events of one shared subscription waiting for their per-event execution. Beyond it the gateway cannot keep up
   * with that stream: its subscribers get SERVICE_UNAVAILABLE instead of the gateway growing a backlog. Default 1000.
   */
  maxPendingEvents?: number;
}

export interface SharedSubscriptionStats {
  /** Upstream subscriptions open (one per distinct shared subscription). */
  upstreamSubscriptions: number;
  /** Client subscriptions sharing them. */
  subscribers: number;
  /** Identity scopes with at least one subscription. */
  scopes: number;
  /** Per-event executions of the rest of a plan since start (one per event per shared subscription). */
  eventsExecuted: number;
}

// A refused token upstream (4401) is retried with the scope's freshest token this many times in a row.
const MAX_AUTH_RETRIES = 3;

export class SharedSubscriptions {
  readonly #shared = new Map<string, SharedSubscription>();
  readonly #scopes = new Map<string, IdentityScope>();
  readonly #options: Required<Pick<SharedSubscriptionsOptions, 'maxPendingEvents'>> & SharedSubscriptionsOptions;
  eventsExecuted = 0;

  constructor(options: SharedSubscriptionsOptions) {
    this.#options = { maxPendingEvents: 1000, ...options };
  }

  /**
   * Adds `subscriber` to the shared subscription for `request`, starting one if none runs.
   * @returns leaves (idempotent); the last subscriber to leave ends the upstream subscription at once.
   */
  join(request: JoinRequest, subscriber: Subscriber): () => void {
    const scopeKey = scopeKeyOf(request.viewer);
    let scope = this.#scopes.get(scopeKey);
    if (!scope) this.#scopes.set(scopeKey, (scope = new IdentityScope(scopeKey, request.viewer)));
    const releaseToken = scope.hold(request.authorization, request.viewer.expiresAt);

    const key = `${scopeKey}\u0000${request.documentKey}\u0000${stableJson(request.variables)}`;
    let shared = this.#shared.get(key);
    if (!shared) {
      const url = this.#options.urlOf(request.planned.subgraph);
      if (!url) {
        releaseToken();
        this.#forgetScope(scope);
        subscriber.fail(new GraphQLError(`No URL is known for subgraph ${request.planned.subgraph}`, { extensions: { code: 'SERVICE_UNAVAILABLE' } }));
        return () => undefined;
      }
      const owner = scope;
      shared = new SharedSubscription(this, request, owner, this.#options.pool.acquire(request.planned.subgraph, url, owner), () => {
        this.#shared.delete(key);
      });
      this.#shared.set(key, shared);
      shared.add(subscriber);
      shared.start();
    } else {
      shared.add(subscriber);
    }
    const joined = shared;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      joined.remove(subscriber);
      releaseToken();
      this.#forgetScope(joined.scope);
    };
  }

  stats(): SharedSubscriptionStats {
    let subscribers = 0;
    for (const shared of this.#shared.values()) subscribers += shared.size;
    return { upstreamSubscriptions: this.#shared.size, subscribers, scopes: this.#scopes.size, eventsExecuted: this.eventsExecuted };
  }

  get options() {
    return this.#options;
  }

  #forgetScope(scope: IdentityScope): void {
    if (!scope.held && this.#scopes.get(scope.key) === scope) this.#scopes.delete(scope.key);
  }
}

class SharedSubscription {
  readonly #subscribers = new Set<Subscriber>();
  readonly #primaryVariables: Record<string, unknown>;
  #unsubscribe: (() => void) | undefined;
  #chain: Promise<void> = Promise.resolve();
  #pending = 0;
  #authRetries = 0;
  #ended = false;

  constructor(
    private readonly registry: SharedSubscriptions,
    private readonly request: JoinRequest,
    readonly scope: IdentityScope,
    private readonly lease: UpstreamLease,
    private readonly onEnd: () => void,
  ) {
    const { variables, planned } = request;
    this.#primaryVariables = Object.fromEntries(planned.primary.variableNames.filter((name) => name in variables).map((name) => [name, variables[name]]));
  }

  get size(): number {
    return this.#subscribers.size;
  }

  add(subscriber: Subscriber): void {
    this.#subscribers.add(subscriber);
  }

  remove(subscriber: Subscriber): void {
    this.#subscribers.delete(subscriber);
    if (this.#subscribers.size === 0) this.#end();
  }

  start(): void {
    const { primary } = this.request.planned;
    this.#unsubscribe = this.lease.client.subscribe(
      { query: primary.query, operationName: primary.operationName, variables: this.#primaryVariables },
      {
        next: (event) => this.#enqueue(event as ExecutionResult),
        error: (error) => this.#upstreamFailed(error),
        complete: () => this.#finish((subscriber) => subscriber.complete()),
      },
    );
  }

  #enqueue(event: ExecutionResult): void {
    if (this.#ended) return;
    this.#authRetries = 0;
    if (this.#pending >= this.registry.options.maxPendingEvents) {
      this.registry.options.logger.warn(
        { subgraph: this.request.planned.subgraph, pending: this.#pending },
        'subscription events arrive faster than the gateway executes them',
      );
      const error = new GraphQLError('The gateway fell behind this subscription; subscribe again', { extensions: { code: 'SERVICE_UNAVAILABLE' } });
      return this.#finish((subscriber) => subscriber.fail(error));
    }
    this.#pending++;
    // One event at a time, in upstream order: clients see events in the order they happened.
    this.#chain = this.#chain
      .then(() => this.#deliver(event))
      .catch((error: unknown) => this.registry.options.logger.error({ err: error }, 'subscription event could not be delivered'))
      .finally(() => this.#pending--);
  }

  async #deliver(event: ExecutionResult): Promise<void> {
    if (this.#ended) return;
    const { mask, logger } = this.registry.options;
    let result: ExecutionResult;
    try {
      this.registry.eventsExecuted++;
      result = maskResult(await this.request.planned.execute(maskResult(event, mask), this.request.variables, this.#context()), mask);
    } catch (error) {
      logger.error({ err: error, subgraph: this.request.planned.subgraph }, 'subscription event could not be executed');
      result = { data: null, errors: mask([error as Error]) };
    }
    for (const subscriber of [...this.#subscribers]) subscriber.push(result);
  }

  #context(): GatewayContext {
    return { viewer: this.scope.viewer, authorization: this.scope.authorization() ?? this.request.authorization, forwardedFor: this.request.forwardedFor };
  }

  #upstreamFailed(error: unknown): void {
    if (this.#ended) return;
    // The token the connection presented expired or was refused, while subscribers still hold valid ones: resubscribe;
    // the lazy client reconnects, presenting the scope's freshest token.
    if (isCloseEvent(error) && error.code === 4401 && this.scope.held && this.#authRetries < MAX_AUTH_RETRIES) {
      this.#authRetries++;
      setTimeout(() => {
        if (!this.#ended) this.start();
      }, 50 * this.#authRetries).unref();
      return;
    }
    const failure = upstreamFailure(error, this.request.planned.subgraph, this.registry.options.mask);
    this.#finish((subscriber) => subscriber.fail(failure));
  }

  /** Ends every subscriber with `how`, then the subscription. */
  #finish(how: (subscriber: Subscriber) => void): void {
    const subscribers = [...this.#subscribers];
    this.#subscribers.clear();
    this.#end();
    for (const subscriber of subscribers) how(subscriber);
  }

  #end(): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#unsubscribe?.();
    this.lease.release();
    this.onEnd();
  }
}

/** JSON with object keys sorted, so `{a, b}` and `{b, a}` share. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
