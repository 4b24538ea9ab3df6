// The gateway's cost model: the supergraph's types plus, from its join directives, which subgraph resolves each
// field — so a field fetched from another subgraph than its parent's costs an entity hop.
import { buildASTSchema, isInterfaceType, isObjectType, Kind, parse, type ConstDirectiveNode, type GraphQLSchema } from 'graphql';
import type { CostModel, CostWeights } from './cost.js';

export function supergraphCostModel(supergraphSdl: string, weights?: Partial<CostWeights>): CostModel {
  const schema = buildASTSchema(parse(supergraphSdl), { assumeValidSDL: true });
  const cache = new Map<string, readonly string[] | undefined>();
  return {
    schema,
    weights,
    resolversOf(typeName, fieldName) {
      const key = `${typeName}.${fieldName}`;
      if (!cache.has(key)) cache.set(key, resolvers(schema, typeName, fieldName));
      return cache.get(key);
    },
  };
}

function resolvers(schema: GraphQLSchema, typeName: string, fieldName: string): readonly string[] | undefined {
  const type = schema.getType(typeName);
  if (!isObjectType(type) && !isInterfaceType(type)) return undefined;
  const field = type.getFields()[fieldName];
  const fieldGraphs = graphsOf(field?.astNode?.directives, 'join__field');
  if (fieldGraphs.length) return fieldGraphs;
  const typeGraphs = graphsOf(
    [type.astNode, ...type.extensionASTNodes].flatMap((node) => node?.directives ?? []),
    'join__type',
  );
  return typeGraphs.length ? typeGraphs : undefined;
}

/** The `graph:` of each such directive, except where the field is only `external` there (declared, not resolved). */
function graphsOf(directives: readonly ConstDirectiveNode[] | undefined, name: string): string[] {
  const graphs: string[] = [];
  for (const directive of directives ?? []) {
    if (directive.name.value !== name) continue;
    let graph: string | undefined;
    let external = false;
    for (const argument of directive.arguments ?? []) {
      if (argument.name.value === 'graph' && argument.value.kind === Kind.ENUM) graph = argument.value.value;
      if (argument.name.value === 'external' && argument.value.kind === Kind.BOOLEAN) external = argument.value.value;
    }
    if (graph && !external && !graphs.includes(graph)) graphs.push(graph);
  }
  return graphs;
}
