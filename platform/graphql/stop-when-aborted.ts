// Stops resolving a request whose caller stopped waiting (platform/http/request-signal.ts): every field that
// returns objects — where loaders and SQL run and answers grow — first checks the request's signal. Scalar fields
// are not wrapped: they cost nothing and are most of the calls.
import { defaultFieldResolver, getNamedType, isCompositeType, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { AppError } from '../errors/index.js';

/** What the check reads from a request's context (defineSubgraph puts it there). */
export interface AbortableContext {
  abortSignal?: AbortSignal;
}

/** Wraps the resolvers of `schema` in place and returns it. */
export function stopWhenAborted(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!isCompositeType(getNamedType(field.type))) continue;
      field.resolve = checked(field.resolve ?? defaultFieldResolver);
    }
  }
  return schema;
}

function checked(resolve: GraphQLFieldResolver<unknown, unknown>): GraphQLFieldResolver<unknown, unknown> {
  return (source, args, context, info) => {
    if ((context as AbortableContext | undefined)?.abortSignal?.aborted) {
      throw new AppError('REQUEST_ABORTED', 'The request was abandoned by its caller or passed its deadline; nothing more is resolved');
    }
    return resolve(source, args, context, info);
  };
}
