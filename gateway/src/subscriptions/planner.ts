// Plans subscriptions with the gateway's own query planner, and runs the per-event part of a plan.
// @apollo/gateway plans a subscription as SubscriptionNode { primary, rest } but refuses to execute it. The primary
// fetch is what the gateway subscribes on the owning subgraph; for each event it runs QueryPlan
// { Sequence[primary', rest] } through executeQueryPlan, where primary' is the primary fetch re-pointed at a
// synthetic service that "returns" the event. The name must be synthetic: a multi-hop plan may fetch from the
// owning subgraph again later, and those fetches must reach the real subgraph.
import { buildOperationContext, executeQueryPlan, type GraphQLDataSource, type ServiceMap } from '@apollo/gateway';
import { operationFromDocument, Supergraph, type Schema } from '@apollo/federation-internals';
import { QueryPlanner, type FetchNode, type PlanNode, type QueryPlan } from '@apollo/query-planner';
import { GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { Logger } from '../../../platform/logging/index.js';
import type { GatewayContext } from '../context.js';

const EVENT_SERVICE = '__subscription_event__';

type OperationContext = ReturnType<typeof buildOperationContext>;

/** Plans kept per supergraph (by query text and operation name); clients send a handful of distinct documents. */
const MAX_CACHED_PLANS = 500;

export interface PlannedSubscription {
  /** The subgraph that owns the subscription field. */
  subgraph: string;
  /** What to subscribe on that subgraph. */
  primary: { query: string; operationName?: string; variableNames: readonly string[] };
  /**
   * Runs the rest of the plan for one upstream event: entity fetches on other subgraphs, merging, and shaping the
   * result to the client's selection (aliases, __typename, @skip/@include, nulls).
   */
  execute(event: ExecutionResult, variables: Record<string, unknown>, context: GatewayContext): Promise<ExecutionResult>;
}

interface SupergraphState {
  apiSchema: Schema;
  apiGraphQLSchema: GraphQLSchema;
  supergraphGraphQLSchema: GraphQLSchema;
  planner: QueryPlanner;
  serviceMap: ServiceMap;
  urls: Map<string, string>;
  plans: Map<string, PlannedSubscription>;
}

export interface SubscriptionPlannerOptions {
  /** The same data source factory the gateway's HTTP path uses (forwards Authorization, X-Forwarded-For). */
  dataSourceFor: (subgraph: { name: string; url: string }) => GraphQLDataSource;
  /** Subgraph URL by name: the deployment's overrides, else the supergraph's. */
  urlOf: (name: string, supergraphUrl: string) => string;
  logger: Logger;
}

export class SubscriptionPlanner {
  #state: SupergraphState | undefined;
  /** The supergraph given to `load`, until the first subscription needs its planner. */
  #pending: { coreSupergraphSdl: string; apiGraphQLSchema: GraphQLSchema } | undefined;

  constructor(private readonly options: SubscriptionPlannerOptions) {}

  /**
   * Takes a (new) supergraph; subscriptions already running keep the plan they started with. The planner itself — a
   * second Supergraph and QueryPlanner, about 2.5 s of CPU on this 2-CPU machine (bench/results/start.md) — is built
   * when the first subscription after it needs one, not here: it is not on the way to the gateway's first answer, and
   * a gateway nobody subscribes to never pays for it. The SDL is the one the gateway's HTTP path already built.
   */
  load(coreSupergraphSdl: string, apiGraphQLSchema: GraphQLSchema): void {
    this.#pending = { coreSupergraphSdl, apiGraphQLSchema };
    this.#state = undefined;
  }

  /** The planner of the newest supergraph, built on first use (synchronously: one build, then cached). */
  #current(): SupergraphState | undefined {
    if (!this.#state && this.#pending) {
      this.#state = this.#build(this.#pending.coreSupergraphSdl, this.#pending.apiGraphQLSchema);
      this.#pending = undefined;
    }
    return this.#state;
  }

  #build(coreSupergraphSdl: string, apiGraphQLSchema: GraphQLSchema): SupergraphState {
    const supergraph = Supergraph.build(coreSupergraphSdl);
    const serviceMap: ServiceMap = {};
    const urls = new Map<string, string>();
    for (const { name, url } of supergraph.subgraphsMetadata()) {
      urls.set(name, this.options.urlOf(name, url));
      serviceMap[name] = this.options.dataSourceFor({ name, url: urls.get(name) as string });
    }
    return {
      apiSchema: supergraph.apiSchema(),
      apiGraphQLSchema,
      supergraphGraphQLSchema: supergraph.schema.toGraphQLJSSchema(),
      planner: new QueryPlanner(supergraph),
      serviceMap,
      urls,
      plans: new Map(),
    };
  }

  /** The API schema clients validate against; undefined until the supergraph is loaded. Builds no planner. */
  get schema(): GraphQLSchema | undefined {
    return this.#pending?.apiGraphQLSchema ?? this.#state?.apiGraphQLSchema;
  }

  /** The subgraph's URL as the gateway reaches it over HTTP (its WebSocket URL is the same with ws:). */
  urlOfSubgraph(name: string): string | undefined {
    return this.#current()?.urls.get(name);
  }

  /**
   * @param cacheKey identifies the document (its text and operation name) for the plan cache.
   * @throws GraphQLError (extensions.code) when the supergraph is not loaded, or the operation cannot be planned.
   */
  plan(document: DocumentNode, operationName: string | undefined, cacheKey: string): PlannedSubscription {
    const state = this.#current();
    if (!state) throw new GraphQLError('The gateway has not loaded its supergraph yet; retry', { extensions: { code: 'SERVICE_UNAVAILABLE' } });
    const cached = state.plans.get(cacheKey);
    if (cached) return cached;
    let plan: QueryPlan;
    let operationContext: OperationContext;
    try {
      plan = state.planner.buildQueryPlan(operationFromDocument(state.apiSchema, document, { operationName }));
      operationContext = buildOperationContext({ schema: state.apiGraphQLSchema, operationDocument: document, operationName });
    } catch (error) {
      if (error instanceof GraphQLError) throw new GraphQLError(error.message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
      throw error;
    }
    const node = plan.node;
    if (node?.kind !== 'Subscription')
      throw new GraphQLError('Only subscriptions are served over WebSocket; send queries and mutations over HTTP', { extensions: { code: 'BAD_REQUEST' } });
    const planned = this.#perEvent(state, node.primary, node.rest, document, operationContext);
    if (state.plans.size >= MAX_CACHED_PLANS) state.plans.delete(state.plans.keys().next().value as string);
    state.plans.set(cacheKey, planned);
    return planned;
  }

  #perEvent(
    state: SupergraphState,
    primary: FetchNode,
    rest: PlanNode | undefined,
    document: DocumentNode,
    operationContext: OperationContext,
  ): PlannedSubscription {
    const fromEvent: FetchNode = { ...primary, serviceName: EVENT_SERVICE };
    const perEventPlan: QueryPlan = { kind: 'QueryPlan', node: rest ? { kind: 'Sequence', nodes: [fromEvent, rest] } : fromEvent };
    const logger = this.options.logger;
    return {
      subgraph: primary.serviceName,
      primary: { query: primary.operation, operationName: primary.operationName, variableNames: primary.variableUsages ?? [] },
      async execute(event, variables, context) {
        // What executeQueryPlan and RemoteGraphQLDataSource read of a request context; the gateway writes metrics.
        const requestContext = {
          request: { variables, operationName: operationContext.operation.name?.value },
          context,
          metrics: {},
          logger,
          document,
          operationName: operationContext.operation.name?.value ?? null,
          operation: operationContext.operation,
          schema: state.apiGraphQLSchema,
          cache: undefined,
          overallCachePolicy: undefined,
        } as unknown as Parameters<typeof executeQueryPlan>[2];
        const serviceMap: ServiceMap = { ...state.serviceMap, [EVENT_SERVICE]: eventSource(event) };
        const result = await executeQueryPlan(perEventPlan, serviceMap, requestContext, operationContext, state.supergraphGraphQLSchema, state.apiSchema);
        return { ...result, errors: result.errors?.map((error) => nameEventService(error, primary.serviceName)) };
      },
    };
  }
}

/** Errors of the event itself name the owning subgraph, as errors of any other fetch do, not the synthetic service. */
function nameEventService(error: GraphQLError, subgraph: string): GraphQLError {
  if (error.extensions?.serviceName !== EVENT_SERVICE) return error;
  return new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: { ...error.extensions, serviceName: subgraph },
  });
}

/** A data source whose one "fetch" answers with the upstream event. */
function eventSource(event: ExecutionResult): GraphQLDataSource {
  return {
    process: async () => ({ data: event.data ?? null, errors: event.errors }),
  } as GraphQLDataSource;
}
