// Runs operations against one built subgraph in-process (no HTTP), the first test layer.
import type { IncomingMessage } from 'node:http';
import { ApolloServer, type BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { createErrorFormatter } from '../errors/index.js';
import type { BuiltSubgraph } from '../graphql/index.js';
import { createLogger } from '../logging/index.js';

export interface InProcessResult<TData = Record<string, unknown>> {
  data?: TData | null;
  errors?: readonly { message: string; extensions?: Record<string, unknown>; path?: readonly (string | number)[] }[];
}

export interface InProcessSubgraph {
  execute<TData = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<InProcessResult<TData>>;
  stop(): Promise<void>;
}

export async function startInProcess<TContext extends BaseContext>(subgraph: BuiltSubgraph<TContext>): Promise<InProcessSubgraph> {
  const apollo = new ApolloServer<TContext>({
    schema: subgraph.schema,
    formatError: createErrorFormatter(createLogger({ level: 'silent' })),
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  await apollo.start();
  return {
    async execute<TData>(query: string, variables?: Record<string, unknown>) {
      const contextValue = await subgraph.createContext({ headers: {} } as IncomingMessage);
      const response = await apollo.executeOperation({ query, variables }, { contextValue });
      if (response.body.kind !== 'single') throw new Error('incremental delivery is not expected here');
      return response.body.singleResult as InProcessResult<TData>;
    },
    async stop() {
      await apollo.stop();
      await subgraph.close();
    },
  };
}

/** The `_entities` query the gateway sends to resolve references; `representations` like `[{ __typename: 'User', id }]`. */
export const ENTITIES_QUERY = (selection: string) =>
  `query ($representations: [_Any!]!) { _entities(representations: $representations) { ${selection} } }`;
