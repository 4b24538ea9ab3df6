// Introspection is answered from memory and costs nothing in cost.ts, but nesting its lists multiplies its answer:
// `__schema { types { fields { type { fields { type { fields … } } } } } }` is types × fields × fields × … objects,
// hundreds of millions at a depth the depth limit allows. The standard introspection query (GraphiQL's, Sandbox's)
// nests at most 3 lists on a path (types → fields → args), so more is refused.
import {
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * The most introspection lists nested on one path of `operation`. Walks the operation with fragments expanded:
 * call it after the size limits have bounded that.
 */
export function introspectionListNesting(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION && !fragments.has(definition.name.value)) fragments.set(definition.name.value, definition);
  }
  let deepest = 0;
  const visiting = new Set<string>();
  const walk = (set: SelectionSetNode, parentType: GraphQLNamedType | undefined, nesting: number): void => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) ?? parentType) : parentType, nesting);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || visiting.has(fragment.name.value)) continue;
        visiting.add(fragment.name.value);
        walk(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) ?? parentType, nesting);
        visiting.delete(fragment.name.value);
        continue;
      }
      if (!selection.selectionSet) continue;
      const name = selection.name.value;
      // Only `__schema`/`__type` lead into introspection; other fields are costed in cost.ts.
      const field =
        name === '__schema'
          ? { type: schema.getType('__Schema') }
          : name === '__type'
            ? { type: schema.getType('__Type') }
            : parentType && (isObjectType(parentType) || isInterfaceType(parentType)) && parentType.name.startsWith('__')
              ? parentType.getFields()[name]
              : undefined;
      if (!field?.type) continue;
      const type = field.type as GraphQLOutputType;
      const depth = nesting + (isListType(getNullableType(type)) ? 1 : 0);
      deepest = Math.max(deepest, depth);
      walk(selection.selectionSet, getNamedType(type), depth);
    }
  };
  walk(operation.selectionSet, undefined, 0);
  return deepest;
}
