// Enforces the schema's declared authorization in a subgraph: every field's resolver (and a subscription's
// subscribe) first checks `context.viewer` against the field's rule, or its type's when the field has none.
// Every subgraph applies it (defineSubgraph), so a subgraph reached directly on its port enforces the same rules
// as through the gateway. Ownership ("a rider sees only their trips") is not expressible here and lives in the
// services; this layer answers "may this kind of viewer ask at all".
import { defaultFieldResolver, isObjectType, type GraphQLField, type GraphQLFieldResolver, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { readAuthorizationRule, type AuthorizationRule } from './authorization-rule.js';
import { isRole } from './roles.js';
import { compileRuleCheck, type ViewerCheck } from './rule-check.js';
import type { Viewer } from './viewer.js';

/** What the enforcement reads from a request's context; every subgraph context has it. */
export interface AuthorizationContext {
  /** Null when the request carries no access token. */
  viewer: Viewer | null;
}

/** Thrown at build time when the schema does not declare a rule for some field, or declares a broken one. */
export class AuthorizationSchemaError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Authorization is not declared correctly:\n  - ${problems.join('\n  - ')}`);
    this.name = 'AuthorizationSchemaError';
  }
}

/**
 * Wraps the resolvers of `schema` in place and returns it.
 * Fails closed: a field of an object type with no rule on itself or on its type makes this throw, naming every
 * such `Type.field`, so a forgotten rule stops the subgraph from building instead of shipping an open field.
 * Not checked (they are not fields with rules): introspection, federation's `_entities`/`_service` and its `_`
 * types, and `__resolveReference` — an entity reference still has each field it selects checked.
 * @throws AuthorizationSchemaError for missing rules, unknown roles in `@requiresScopes`, or a malformed directive.
 */
export function applyAuthorization(schema: GraphQLSchema): GraphQLSchema {
  const problems: string[] = [];
  const rootTypes = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('_')) continue;
    const typeRule = tryRead(() => typeRuleOf(type), type.name, problems);
    for (const field of Object.values(type.getFields())) {
      if (rootTypes.has(type) && field.name.startsWith('_')) continue;
      const coordinate = `${type.name}.${field.name}`;
      const rule = tryRead(() => readAuthorizationRule(field.astNode?.directives), coordinate, problems) ?? typeRule;
      if (!rule) {
        problems.push(`${coordinate} has no rule: add @public, @authenticated or @requiresScopes to it or to type ${type.name}`);
        continue;
      }
      const unknown = unknownScopes(rule);
      if (unknown.length) {
        problems.push(`${coordinate} requires unknown role(s) ${unknown.join(', ')}`);
        continue;
      }
      const check = compileRuleCheck(rule, coordinate);
      if (check) guardField(field, check);
    }
  }
  if (problems.length) throw new AuthorizationSchemaError(problems);
  return schema;
}

/** A rule on the type itself or on any `extend type` of it. */
function typeRuleOf(type: GraphQLObjectType): AuthorizationRule | undefined {
  const directives = [type.astNode, ...type.extensionASTNodes].flatMap((node) => node?.directives ?? []);
  return readAuthorizationRule(directives);
}

function tryRead(read: () => AuthorizationRule | undefined, where: string, problems: string[]): AuthorizationRule | undefined {
  try {
    return read();
  } catch (error) {
    problems.push(`${where}: ${(error as Error).message}`);
    return undefined;
  }
}

function unknownScopes(rule: AuthorizationRule): string[] {
  return rule.kind === 'requiresScopes' ? [...new Set(rule.anyOf.flat())].filter((scope) => !isRole(scope)) : [];
}

type AnyField = GraphQLField<unknown, unknown>;

function guardField(field: AnyField, check: ViewerCheck): void {
  field.resolve = guarded(field.resolve ?? defaultFieldResolver, check);
  // Subscriptions are refused when they start, not only when an event arrives.
  if (field.subscribe) field.subscribe = guarded(field.subscribe, check);
}

function guarded(resolve: GraphQLFieldResolver<unknown, unknown>, check: ViewerCheck): GraphQLFieldResolver<unknown, unknown> {
  return (source, args, context, info) => {
    // A context without a viewer (never built by defineSubgraph) counts as anonymous: fail closed.
    const denied = check((context as Partial<AuthorizationContext> | undefined)?.viewer ?? null);
    if (denied) throw denied;
    return resolve(source, args, context, info);
  };
}
