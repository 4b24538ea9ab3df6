// The committed supergraph as the cross-cutting tests see it: the API schema clients get, the authorization rule
// the supergraph declares for each field, and which subgraphs resolve each field.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { Kind, parse, valueFromASTUntyped, type ConstDirectiveNode, type DocumentNode, type GraphQLSchema } from 'graphql';
import { readAuthorizationRule, type AuthorizationRule } from '../../platform/auth/index.js';
import { repoRoot, SUBGRAPHS } from '../../subgraphs/registry.js';
import { acknowledgeSubgraphEnforcedSecurity } from '../../gateway/src/subgraph-enforced-security.js';

export const SUPERGRAPH_PATH = resolve(repoRoot, 'schema/supergraph.graphql');

export interface ComposedSchema {
  /** What clients query: no federation internals, no @inaccessible elements. */
  api: GraphQLSchema;
  /** The rule on the field itself, else on its type; undefined when neither has one. */
  ruleOf(type: string, field: string): AuthorizationRule | undefined;
  /** Names of the subgraphs that resolve `type.field` (not those that only mark it @external). */
  resolvedBy(type: string, field: string): string[];
}

interface ObjectInfo {
  directives: ConstDirectiveNode[];
  graphs: string[];
  fields: Map<string, { directives: ConstDirectiveNode[]; graphs: string[] }>;
}

export function loadComposedSchema(path = SUPERGRAPH_PATH): ComposedSchema {
  const sdl = readFileSync(path, 'utf8');
  const document = parse(sdl);
  const graphNames = readGraphNames(document);
  const objects = new Map<string, ObjectInfo>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const info: ObjectInfo = objects.get(definition.name.value) ?? { directives: [], graphs: [], fields: new Map() };
    info.directives.push(...(definition.directives ?? []));
    info.graphs.push(...joinGraphs(definition.directives, 'join__type', graphNames));
    for (const field of definition.fields ?? []) {
      info.fields.set(field.name.value, { directives: [...(field.directives ?? [])], graphs: joinGraphs(field.directives, 'join__field', graphNames) });
    }
    objects.set(definition.name.value, info);
  }
  const api = Supergraph.build(acknowledgeSubgraphEnforcedSecurity(sdl)).apiSchema().toGraphQLJSSchema();
  return {
    api,
    ruleOf: (type, field) => {
      const info = objects.get(type);
      return readAuthorizationRule(info?.fields.get(field)?.directives) ?? readAuthorizationRule(info?.directives);
    },
    resolvedBy: (type, field) => {
      const info = objects.get(type);
      const own = info?.fields.get(field)?.graphs ?? [];
      // A field without @join__field is resolvable in every subgraph that defines the type.
      return own.length ? own : [...new Set(info?.graphs ?? [])];
    },
  };
}

/** Object types and their fields as each subgraph's own SDL declares them, with the rule that subgraph enforces. */
export function subgraphRules(): Map<string, Map<string, AuthorizationRule | undefined>> {
  const bySubgraph = new Map<string, Map<string, AuthorizationRule | undefined>>();
  for (const { name, schemaFile } of SUBGRAPHS) {
    const document = parse(readFileSync(schemaFile, 'utf8'));
    const typeDirectives = new Map<string, ConstDirectiveNode[]>();
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
      typeDirectives.set(definition.name.value, [...(typeDirectives.get(definition.name.value) ?? []), ...(definition.directives ?? [])]);
    }
    const rules = new Map<string, AuthorizationRule | undefined>();
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
      const typeRule = readAuthorizationRule(typeDirectives.get(definition.name.value));
      for (const field of definition.fields ?? []) {
        rules.set(`${definition.name.value}.${field.name.value}`, readAuthorizationRule(field.directives) ?? typeRule);
      }
    }
    bySubgraph.set(name, rules);
  }
  return bySubgraph;
}

/** A rule in one canonical form, so that equal rules written differently compare equal. */
export function canonicalRule(rule: AuthorizationRule | undefined): string {
  if (!rule) return 'none';
  if (rule.kind !== 'requiresScopes') return rule.kind;
  const groups = rule.anyOf.map((group) => [...new Set(group)].sort());
  // (A) or (A and B) is just (A): drop groups that contain another group.
  const minimal = groups.filter((group, i) => !groups.some((other, j) => j !== i && other.length < group.length && other.every((s) => group.includes(s))));
  return `requiresScopes(${[...new Set(minimal.map((group) => group.join('&')))].sort().join(' | ')})`;
}

function readGraphNames(document: DocumentNode): Map<string, string> {
  const names = new Map<string, string>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== 'join__Graph') continue;
    for (const value of definition.values ?? []) {
      const graph = value.directives?.find((d) => d.name.value === 'join__graph');
      const name = graph?.arguments?.find((a) => a.name.value === 'name');
      if (name) names.set(value.name.value, String(valueFromASTUntyped(name.value)));
    }
  }
  return names;
}

function joinGraphs(directives: readonly ConstDirectiveNode[] | undefined, name: string, graphNames: Map<string, string>): string[] {
  return (directives ?? [])
    .filter((directive) => directive.name.value === name)
    .filter((directive) => !directive.arguments?.some((a) => a.name.value === 'external' && valueFromASTUntyped(a.value) === true))
    .map((directive) => directive.arguments?.find((a) => a.name.value === 'graph'))
    .flatMap((graph) => (graph && graph.value.kind === Kind.ENUM ? [graphNames.get(graph.value.value) ?? graph.value.value] : []));
}
