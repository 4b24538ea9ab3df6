// The calculated cost of an operation, in the spirit of GitHub's and Shopify's public APIs: what the operation may
// make the services fetch, known before anything runs.
//
//   - a field returning an object (or a list of them) costs 1 per object, a scalar or enum field 0;
//   - a field with a `first` argument (a connection or a page) multiplies what it selects per item by `first`
//     (the value sent, else the argument's default, else 100): in a connection only `edges` and `nodes` are per
//     item, `pageInfo` and `totalCount` are not;
//   - any other list multiplies its items' cost by an assumed length (10) — but federation's `_entities` by the
//     number of representations it is sent;
//   - a mutation's root field costs 10 more (it writes);
//   - at the gateway, an object whose selected fields another subgraph resolves costs 2 more per such subgraph
//     (an entity fetch away);
//   - introspection (`__schema`, `__type`) costs nothing: it is answered from memory, is off in production, and its
//     size is bounded by the depth and field limits.
// Cost is computed for the operation that runs, with its variables, after the size limits have bounded the
// expanded document, so walking it expanded is cheap.
import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  OperationTypeNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

export interface CostWeights {
  /** Per object a field returns. Default 1. */
  object: number;
  /** Extra for each root field of a mutation. Default 10. */
  mutation: number;
  /** Extra per object fetched from another subgraph than its parent's (gateway only). Default 2. */
  entityHop: number;
  /** Items assumed in a list without a `first` argument. Default 10. */
  assumedListSize: number;
  /** Items assumed for a `first` argument with neither a value nor a default. Default 100. */
  defaultPageSize: number;
}

export const DEFAULT_COST_WEIGHTS: CostWeights = { object: 1, mutation: 10, entityHop: 2, assumedListSize: 10, defaultPageSize: 100 };

/** What the cost calculation knows of the schema. */
export interface CostModel {
  schema: GraphQLSchema;
  /**
   * The subgraphs that resolve `type.field`, from the supergraph's join directives; undefined for a subgraph's own
   * schema (no hops) or a field every subgraph of its type resolves.
   */
  resolversOf?: (typeName: string, fieldName: string) => readonly string[] | undefined;
  weights?: Partial<CostWeights>;
}

/** Items per page no request may claim to exceed for costing (a bigger `first` is refused by the service anyway). */
const MAX_MULTIPLIER = 100_000;

/**
 * @returns the cost of `operation`; fields unknown to the schema cost nothing (validation refuses them next).
 */
export function operationCost(
  model: CostModel,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): number {
  const weights = { ...DEFAULT_COST_WEIGHTS, ...model.weights };
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION && !fragments.has(definition.name.value)) fragments.set(definition.name.value, definition);
  }
  const variableDefaults: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue) variableDefaults[definition.variable.name.value] = valueFromASTUntyped(definition.defaultValue);
  }
  const variableValues = { ...variableDefaults, ...(variables ?? {}) };
  const root =
    operation.operation === OperationTypeNode.QUERY
      ? model.schema.getQueryType()
      : operation.operation === OperationTypeNode.MUTATION
        ? model.schema.getMutationType()
        : model.schema.getSubscriptionType();
  if (!root) return 0;
  const operationIsMutation = operation.operation === OperationTypeNode.MUTATION;

  const visiting = new Set<string>();

  const selectionSetCost = (
    set: SelectionSetNode,
    parentType: GraphQLNamedType,
    subgraph: string | undefined,
    perItem?: Set<string>,
    multiplier = 1,
  ): number => {
    let total = 0;
    // Fields of this object that another subgraph resolves: one entity fetch per subgraph, however many fields.
    const hops = new Set<string>();
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const target = hopTarget(parentType, selection.name.value, subgraph);
        if (target) hops.add(target);
        // `edges`/`nodes` of a connection: `first` items, already counted, so not the list's assumed length too.
        const item = perItem?.has(selection.name.value) === true;
        total += (item ? multiplier : 1) * fieldCost(selection, parentType, target ?? subgraph, item);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? (model.schema.getType(selection.typeCondition.name.value) ?? parentType) : parentType;
        total += selectionSetCost(selection.selectionSet, type, subgraph, perItem, multiplier);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || visiting.has(name)) continue; // unknown or cyclic: validation refuses it
        visiting.add(name);
        const type = model.schema.getType(fragment.typeCondition.name.value) ?? parentType;
        total += selectionSetCost(fragment.selectionSet, type, subgraph, perItem, multiplier);
        visiting.delete(name);
      }
    }
    return total + hops.size * weights.entityHop;
  };

  /** The subgraph a field is fetched from when the one resolving its parent cannot resolve it; else undefined. */
  const hopTarget = (parentType: GraphQLNamedType, fieldName: string, subgraph: string | undefined): string | undefined => {
    if (fieldName.startsWith('__')) return undefined;
    const resolvers = model.resolversOf?.(parentType.name, fieldName);
    if (!resolvers || resolvers.length === 0) return undefined;
    // A root field is where a plan starts: the first subgraph that resolves it, no hop.
    if (subgraph === undefined) return undefined;
    return resolvers.includes(subgraph) ? undefined : resolvers[0];
  };

  /** The subgraph that resolves `fieldName` at the root of a plan. */
  const rootSubgraph = (fieldName: string): string | undefined => model.resolversOf?.(root.name, fieldName)?.[0];

  const fieldCost = (node: FieldNode, parentType: GraphQLNamedType, subgraph: string | undefined, itemsCounted = false): number => {
    const name = node.name.value;
    if (name.startsWith('__')) return 0;
    const field = isObjectType(parentType) || isInterfaceType(parentType) ? parentType.getFields()[name] : undefined;
    if (!field) return 0;
    const fieldSubgraph = subgraph ?? (parentType === root ? rootSubgraph(name) : undefined);
    const returnType = getNamedType(field.type);
    let own = isCompositeType(returnType) ? weights.object : 0;
    if (parentType === root && operationIsMutation) own += weights.mutation;
    if (!node.selectionSet) return own;

    const first = pageSize(field, node);
    if (first !== undefined) {
      // A connection: edges/nodes per item, the rest once. A plain paged list: everything per item.
      const connection = isObjectType(returnType) && 'edges' in returnType.getFields();
      const children = connection
        ? selectionSetCost(node.selectionSet, returnType, fieldSubgraph, new Set(['edges', 'nodes']), first)
        : first * selectionSetCost(node.selectionSet, returnType, fieldSubgraph);
      return own + children;
    }
    const items = itemsCounted ? 1 : name === '_entities' ? representations(node) : isListType(getNullableType(field.type)) ? weights.assumedListSize : 1;
    return items * (own + selectionSetCost(node.selectionSet, returnType, fieldSubgraph));
  };

  /** A federation entity fetch resolves exactly the representations it is sent (a gateway sends them as a variable). */
  const representations = (node: FieldNode): number => {
    const argument = node.arguments?.find((arg) => arg.name.value === 'representations');
    if (!argument) return weights.assumedListSize;
    const value = argument.value.kind === Kind.VARIABLE ? variableValues[argument.value.name.value] : valueFromASTUntyped(argument.value);
    return Array.isArray(value) ? value.length : weights.assumedListSize;
  };

  const pageSize = (field: GraphQLField<unknown, unknown>, node: FieldNode): number | undefined => {
    const definition = field.args.find((arg) => arg.name === 'first');
    if (!definition) return undefined;
    const argument = node.arguments?.find((arg) => arg.name.value === 'first');
    let value: unknown = definition.defaultValue;
    if (argument)
      value =
        argument.value.kind === Kind.VARIABLE ? (variableValues[argument.value.name.value] ?? definition.defaultValue) : valueFromASTUntyped(argument.value);
    if (typeof value !== 'number' || !Number.isFinite(value)) return weights.defaultPageSize;
    return Math.max(0, Math.min(MAX_MULTIPLIER, Math.floor(value)));
  };

  return selectionSetCost(operation.selectionSet, root, undefined);
}
