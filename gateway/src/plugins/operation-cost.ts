// Every response says what its operation cost and the most any operation may cost (`extensions.cost`), as GitHub's
// and Shopify's APIs do, so client developers see how close an operation is to the limit before it is refused.
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context.js';

export function operationCostPlugin(maxCost: number): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single' || contextValue.operationCost === undefined) return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, cost: { requested: contextValue.operationCost, maximum: maxCost } };
        },
      };
    },
  };
}
