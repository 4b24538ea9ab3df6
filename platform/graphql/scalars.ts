// Custom scalars shared by the subgraphs. A subgraph declares `scalar DateTime` (or `scalar JSON`) in its SDL and uses these.
import { GraphQLScalarType, Kind, valueFromASTUntyped } from 'graphql';
import { badInput } from '../errors/index.js';

function toDate(value: unknown): Date {
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) throw badInput(`DateTime must be an ISO 8601 string, got ${JSON.stringify(value)}`);
  return date;
}

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant in time, ISO 8601 in UTC, e.g. `2026-11-22T10:15:30.000Z`.',
  serialize: (value) => toDate(value).toISOString(),
  parseValue: (value) => toDate(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw badInput('DateTime must be written as a string');
    return toDate(ast.value);
  },
});

// Values kept as written, for data whose shape varies by kind (an audit entry's before/after). Output only in
// practice; as an input it takes any JSON value, so a literal is read the way a variable would be.
export const JsonScalar = new GraphQLScalarType<unknown, unknown>({
  name: 'JSON',
  description: 'Any JSON value (object, array, string, number, boolean or null), as it was stored.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});
