// A subgraph in production describes its schema only to the gateway: introspection (`__schema`, `__type`) and
// federation's `_service { sdl }` from anyone else are refused with 403 GATEWAY_ONLY before anything executes.
// The gateway itself never needs them in production (it serves the committed supergraph and probes readiness with
// `{ __typename }`), but a request proving it is the gateway (GATEWAY_SECRET) may still ask, e.g. for debugging
// from inside the network. `__typename` stays open to everyone.
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, Kind, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { GATEWAY_HOP_HEADER, type GatewayHop } from '../auth/index.js';

/** Root fields that reveal the schema. */
const SCHEMA_FIELDS = new Set(['__schema', '__type', '_service']);

/** @param gatewayHop undefined: no caller is the gateway, so every schema request is refused. */
export function gatewayOnlySchemaAccessPlugin<TContext extends BaseContext>(gatewayHop: GatewayHop | undefined): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request }) {
          if (!operation || !selectsSchemaField(operation, document)) return;
          if (gatewayHop?.proves(request.http?.headers.get(GATEWAY_HOP_HEADER))) return;
          throw new GraphQLError('This subgraph describes its schema only to the gateway; query the gateway instead.', {
            extensions: { code: 'GATEWAY_ONLY', http: { status: 403 } },
          });
        },
      };
    },
  };
}

/** Whether the operation selects a schema field at its root, directly or through (nested) fragments. */
function selectsSchemaField(operation: OperationDefinitionNode, document: DocumentNode): boolean {
  const fragments = new Map(
    document.definitions.flatMap((definition) => (definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition] as const] : [])),
  );
  const visited = new Set<string>();
  const visit = (selectionSet: SelectionSetNode): boolean =>
    selectionSet.selections.some((selection) => {
      if (selection.kind === Kind.FIELD) return SCHEMA_FIELDS.has(selection.name.value);
      if (selection.kind === Kind.INLINE_FRAGMENT) return visit(selection.selectionSet);
      const name = selection.name.value;
      if (visited.has(name)) return false;
      visited.add(name);
      const fragment = fragments.get(name);
      return fragment !== undefined && visit(fragment.selectionSet);
    });
  return visit(operation.selectionSet);
}
