// @apollo/gateway refuses a supergraph that links a `for: SECURITY` feature it does not implement — rightly: a
// gateway that ignored `@authenticated` would serve fields the schema says are protected. In Ridegraph those
// two features are enforced by every subgraph (platform/auth/enforce-authorization.ts), which refuses to build
// without a rule on each field, and the gateway verifies the access token before planning. So the gateway
// acknowledges exactly these features as enforced downstream; any other SECURITY feature (e.g. `@policy`, which
// nothing here enforces) still makes loading fail.
import { Kind, parse, print, type ConstArgumentNode, type ConstDirectiveNode, type DefinitionNode } from 'graphql';

/** Base URLs of the SECURITY features the subgraphs enforce themselves. */
export const SUBGRAPH_ENFORCED_FEATURES: readonly string[] = ['https://specs.apollo.dev/authenticated/', 'https://specs.apollo.dev/requiresScopes/'];

/**
 * The supergraph SDL with `for: SECURITY` removed from the links of {@link SUBGRAPH_ENFORCED_FEATURES}; the
 * directives stay in the schema. SDL without such links is returned unchanged.
 */
export function acknowledgeSubgraphEnforcedSecurity(sdl: string): string {
  const document = parse(sdl);
  let changed = false;
  const definitions = document.definitions.map((definition): DefinitionNode => {
    // Links live on the schema definition (or an extension of it).
    if (definition.kind !== Kind.SCHEMA_DEFINITION && definition.kind !== Kind.SCHEMA_EXTENSION) return definition;
    const directives = definition.directives?.map((directive) => {
      if (directive.name.value !== 'link' || !isEnforcedFeature(directive) || !directive.arguments?.some(isSecurityPurpose)) return directive;
      changed = true;
      return { ...directive, arguments: directive.arguments.filter((argument) => !isSecurityPurpose(argument)) };
    });
    return { ...definition, directives };
  });
  return changed ? print({ ...document, definitions }) : sdl;
}

function isEnforcedFeature(link: ConstDirectiveNode): boolean {
  const url = link.arguments?.find((argument) => argument.name.value === 'url')?.value;
  return url?.kind === Kind.STRING && SUBGRAPH_ENFORCED_FEATURES.some((base) => url.value.startsWith(base));
}

function isSecurityPurpose(argument: ConstArgumentNode): boolean {
  return argument.name.value === 'for' && argument.value.kind === Kind.ENUM && argument.value.value === 'SECURITY';
}
