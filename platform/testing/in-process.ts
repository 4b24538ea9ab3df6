// Runs operations against one built subgraph in-process (no HTTP), the first test layer.
import type { IncomingMessage } from 'node:http';
import { ApolloServer, type BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { createErrorFormatter } from '../errors/index.js';
import type { BuiltSubgraph } from '../graphql/index.js';
import { createLogger } from '../logging/index.js';
import { REQUEST_ID_HEADER, requestIdFrom, runInRequestContext } from '../request-context/index.js';

export interface InProcessResult<TData = Record<string, unknown>> {
  data?: TData | null;
  errors?: readonly { message: string; extensions?: Record<string, unknown>; path?: readonly (string | number)[] }[];
}

export interface InProcessOptions {
  /**
   * Request headers (lower-case names), e.g. `await testAuth.headersFor(subject)` for `authorization`.
   * Given to `startInProcess` they are the default of every operation; given to `execute` they replace the
   * default for that operation (`{ headers: {} }` sends an anonymous request).
   */
  headers?: Record<string, string>;
}

export interface InProcessSubgraph {
  execute<TData = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, options?: InProcessOptions): Promise<InProcessResult<TData>>;
  stop(): Promise<void>;
}

export async function startInProcess<TContext extends BaseContext>(
  subgraph: BuiltSubgraph<TContext>,
  defaults: InProcessOptions = {},
): Promise<InProcessSubgraph> {
  const apollo = new ApolloServer<TContext>({
    schema: subgraph.schema,
    formatError: createErrorFormatter(createLogger({ level: 'silent' })),
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  await apollo.start();
  return {
    async execute<TData>(query: string, variables?: Record<string, unknown>, options: InProcessOptions = {}) {
      // What a subgraph's createContext reads from a real request: headers and the peer address.
      const req = { headers: { ...(options.headers ?? defaults.headers) }, socket: { remoteAddress: '127.0.0.1' } };
      // As over HTTP: the operation runs as a request with an id (the caller's `x-request-id`, else a new one).
      return runInRequestContext({ requestId: requestIdFrom(req.headers[REQUEST_ID_HEADER]) }, () => run<TData>(req, query, variables));
    },
    async stop() {
      await apollo.stop();
      await subgraph.close();
    },
  };

  async function run<TData>(req: { headers: Record<string, string> }, query: string, variables?: Record<string, unknown>): Promise<InProcessResult<TData>> {
    let contextValue: TContext;
    try {
      contextValue = await subgraph.createContext(req as unknown as IncomingMessage);
    } catch (error) {
      // Over HTTP a failed context (e.g. a refused token) is the whole response; here it is the one error.
      const { message, extensions } = error as { message: string; extensions?: Record<string, unknown> };
      return { errors: [{ message, extensions }] };
    }
    const response = await apollo.executeOperation({ query, variables }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('incremental delivery is not expected here');
    return response.body.singleResult as InProcessResult<TData>;
  }
}

/** The `_entities` query the gateway sends to resolve references; `representations` like `[{ __typename: 'User', id }]`. */
export const ENTITIES_QUERY = (selection: string) => `query ($representations: [_Any!]!) { _entities(representations: $representations) { ${selection} } }`;
