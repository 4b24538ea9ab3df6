// The authorization vocabulary of the schema, read from SDL: `@public`, `@authenticated` and
// `@requiresScopes(scopes: [["SUPER_ADMIN"], ["OPERATIONS"]])` (roles as scopes; outer list OR, inner AND).
// One reader for every consumer — the subgraph enforcement, the composed API schema and the tests — so the
// rule a client reads is the rule a subgraph enforces.
import { valueFromASTUntyped, type ConstDirectiveNode } from 'graphql';

export type AuthorizationRule =
  /** Anyone, signed in or not. */
  | { readonly kind: 'public' }
  /** Any signed-in viewer. */
  | { readonly kind: 'authenticated' }
  /** A signed-in viewer holding every role of at least one group. */
  | { readonly kind: 'requiresScopes'; readonly anyOf: readonly (readonly string[])[] };

export const PUBLIC: AuthorizationRule = { kind: 'public' };
export const AUTHENTICATED: AuthorizationRule = { kind: 'authenticated' };

// Imported names, plus the namespaced names federation gives them when a subgraph does not import them.
const AUTHENTICATED_NAMES = new Set(['authenticated', 'federation__authenticated']);
const REQUIRES_SCOPES_NAMES = new Set(['requiresScopes', 'federation__requiresScopes']);
const PUBLIC_NAMES = new Set(['public']);

/**
 * The rule the directives on one type or field declare; undefined when they declare none.
 * Several rule directives on one element all apply (a supergraph merges the rules of each subgraph this way):
 * `@public` adds nothing to another rule, and two `@requiresScopes` must both be satisfied.
 * @throws Error when `@requiresScopes` has no usable `scopes` argument.
 */
export function readAuthorizationRule(directives: readonly ConstDirectiveNode[] | undefined): AuthorizationRule | undefined {
  let rule: AuthorizationRule | undefined;
  for (const directive of directives ?? []) {
    const name = directive.name.value;
    let found: AuthorizationRule | undefined;
    if (PUBLIC_NAMES.has(name)) found = PUBLIC;
    else if (AUTHENTICATED_NAMES.has(name)) found = AUTHENTICATED;
    else if (REQUIRES_SCOPES_NAMES.has(name)) found = { kind: 'requiresScopes', anyOf: readScopes(directive) };
    if (found) rule = rule ? combineRules(rule, found) : found;
  }
  return rule;
}

/** Both rules must hold. */
export function combineRules(a: AuthorizationRule, b: AuthorizationRule): AuthorizationRule {
  if (a.kind === 'public') return b;
  if (b.kind === 'public') return a;
  if (a.kind === 'authenticated') return b;
  if (b.kind === 'authenticated') return a;
  // (A1 or A2) and (B1 or B2) = (A1+B1) or (A1+B2) or (A2+B1) or (A2+B2): what composition does too.
  const anyOf = a.anyOf.flatMap((left) => b.anyOf.map((right) => [...new Set([...left, ...right])]));
  return { kind: 'requiresScopes', anyOf };
}

/** For messages and docs, e.g. `SUPER_ADMIN or OPERATIONS`. */
export function describeScopes(anyOf: readonly (readonly string[])[]): string {
  return anyOf.map((group) => group.join(' and ')).join(' or ');
}

function readScopes(directive: ConstDirectiveNode): string[][] {
  const argument = directive.arguments?.find((arg) => arg.name.value === 'scopes');
  const value: unknown = argument ? valueFromASTUntyped(argument.value) : undefined;
  const valid =
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((group) => Array.isArray(group) && group.length > 0 && group.every((scope) => typeof scope === 'string'));
  if (!valid) throw new Error('@requiresScopes needs scopes: a non-empty list of non-empty lists of role names');
  return value as string[][];
}
