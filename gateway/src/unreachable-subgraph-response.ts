// What the gateway answers for a subgraph fetch that could not be made (refused, reset, timed out). Thrown, the
// failure becomes one error without a path, and the client cannot tell which of the nulls in `data` it explains.
// Returned as a subgraph response instead — one error per field the fetch asked for, at that field's path in the
// subgraph's response (`me`, or `_entities.3.points`) — the gateway maps every error to its path in the client's
// response exactly as it does for errors a subgraph returns itself (`_entities.3` → `trips.edges.3.node.rider`).
import { Kind, parse, type FragmentDefinitionNode, type GraphQLFormattedError, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

export interface FetchRequest {
  query?: string;
  variables?: Record<string, unknown>;
}

/** The message and extensions (with `code`) every field of the failed fetch reports. */
export interface FetchFailure {
  message: string;
  extensions: Record<string, unknown>;
}

/** @returns `{ errors }` with one error per requested field; a single error without a path when the query is unreadable. */
export function unreachableSubgraphResponse(request: FetchRequest, failure: FetchFailure): { errors: GraphQLFormattedError[] } {
  const paths = requestedFieldPaths(request);
  if (!paths.length) return { errors: [{ ...failure }] };
  return { errors: paths.map((path) => ({ ...failure, path })) };
}

/** The response paths the fetch would have filled: its root fields, or each requested field of each entity. */
function requestedFieldPaths({ query, variables }: FetchRequest): (string | number)[][] {
  if (!query) return [];
  let document;
  try {
    document = parse(query);
  } catch {
    return [];
  }
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation) return [];
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const paths: (string | number)[][] = [];
  for (const { name, selectionSet } of fieldsOf(operation.selectionSet, undefined, fragments)) {
    const representations = variables?.representations;
    if (name === '_entities' && selectionSet && Array.isArray(representations)) {
      representations.forEach((representation: unknown, index) => {
        const typename = (representation as { __typename?: unknown } | null)?.__typename;
        for (const field of fieldsOf(selectionSet, typeof typename === 'string' ? typename : undefined, fragments)) {
          paths.push(['_entities', index, field.name]);
        }
      });
    } else {
      paths.push([name]);
    }
  }
  return paths;
}

/**
 * Response names of the fields a selection set asks of an object of `typename` (fragments on other types left out;
 * `__typename` too: the gateway knows it already). An undefined `typename` takes every fragment.
 */
function fieldsOf(
  selectionSet: SelectionSetNode,
  typename: string | undefined,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): { name: string; selectionSet?: SelectionSetNode }[] {
  const fields = new Map<string, SelectionSetNode | undefined>();
  const visit = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.alias?.value ?? selection.name.value;
        if (name !== '__typename' && !fields.has(name)) fields.set(name, selection.selectionSet);
      } else {
        const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
        const condition = fragment?.typeCondition?.name.value;
        if (fragment && (!condition || !typename || condition === typename)) visit(fragment.selectionSet);
      }
    }
  };
  visit(selectionSet);
  return [...fields].map(([name, selectionSet]) => ({ name, selectionSet }));
}
