// Builds the smallest valid operation calling one root field: required arguments only (as variables, with
// made-up values of the right type) and `{ __typename }` for a composite result. Ids are random UUIDs, so a
// mutation addresses nothing that exists and changes no shared data.
import { randomUUID } from 'node:crypto';
import {
  getNamedType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isRequiredArgument,
  isRequiredInputField,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';

export interface ProbeOperation {
  query: string;
  variables: Record<string, unknown>;
}

export function probeOperation(operation: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): ProbeOperation {
  const required = field.args.filter(isRequiredArgument);
  const variables = Object.fromEntries(required.map((arg) => [arg.name, sampleValue(arg.type)]));
  const declarations = required.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
  const call = required.length ? `${field.name}(${required.map((arg) => `${arg.name}: $${arg.name}`).join(', ')})` : field.name;
  const selection = isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '';
  return { query: `${operation} Probe${declarations ? `(${declarations})` : ''} { ${call}${selection} }`, variables };
}

/** ID → random UUID, String → "x", Int/Float → 1, Boolean → false, enum → its first value, input → its required fields. */
export function sampleValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType);
  if (isListType(type)) return [sampleValue(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0]?.name;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter(isRequiredInputField)
        .map((field) => [field.name, sampleValue(field.type)]),
    );
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID':
        return randomUUID();
      case 'Int':
      case 'Float':
        return 1;
      case 'Boolean':
        return false;
      case 'DateTime':
        return new Date().toISOString();
      default:
        return 'x';
    }
  }
  throw new Error(`no sample value for input type ${String(type)}`);
}
