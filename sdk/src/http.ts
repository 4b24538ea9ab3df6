// One GraphQL request over HTTP (POST, JSON), answered with its data or a RidegraphError. No retries, no
// session handling: that is client.ts.
import { Kind, print, type DocumentNode } from 'graphql';
import { RidegraphError, type RidegraphGraphQLError } from './errors.js';

export type FetchLike = (input: string, init: { method: string; headers: Record<string, string>; body: string; signal?: AbortSignal }) => Promise<ResponseLike>;

/** The part of a fetch Response the SDK reads. */
export interface ResponseLike {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

export interface PreparedOperation {
  query: string;
  operationName: string | undefined;
}

const prepared = new WeakMap<DocumentNode, PreparedOperation>();

/** The printed query and operation name of a document, printed once per document. */
export function prepareOperation(document: DocumentNode): PreparedOperation {
  let operation = prepared.get(document);
  if (!operation) {
    const definition = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
    operation = { query: print(document), operationName: definition?.kind === Kind.OPERATION_DEFINITION ? definition.name?.value : undefined };
    prepared.set(document, operation);
  }
  return operation;
}

/**
 * POSTs the operation and returns its `data`.
 * @throws RidegraphError — with the response's GraphQL errors (any HTTP status, e.g. 401 UNAUTHENTICATED from the
 *   gateway, or 200 with field errors and partial `data`); `NETWORK_ERROR` when fetch rejects; `BAD_RESPONSE`
 *   when the body is not a GraphQL response.
 */
export async function postOperation(
  fetchImpl: FetchLike,
  url: string,
  operation: PreparedOperation,
  variables: Record<string, unknown> | undefined,
  accessToken: string | undefined,
  signal?: AbortSignal,
): Promise<unknown> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json;q=0.9',
  };
  if (accessToken) headers.authorization = `Bearer ${accessToken}`;
  let response: ResponseLike;
  let text: string;
  try {
    response = await fetchImpl(url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: operation.query, operationName: operation.operationName, variables: variables ?? {} }),
      signal,
    });
    text = await response.text();
  } catch (cause) {
    throw new RidegraphError({ code: 'NETWORK_ERROR', message: `Cannot reach ${url}: ${cause instanceof Error ? cause.message : String(cause)}`, cause });
  }
  const body = parseBody(text);
  if (!body) {
    throw new RidegraphError({ code: 'BAD_RESPONSE', status: response.status, message: `HTTP ${response.status} from ${url} is not a GraphQL response` });
  }
  if (body.errors?.length) {
    throw new RidegraphError({ errors: body.errors, status: response.status, data: body.data ?? undefined });
  }
  if (response.status < 200 || response.status >= 300 || body.data === undefined || body.data === null) {
    throw new RidegraphError({ code: 'BAD_RESPONSE', status: response.status, message: `HTTP ${response.status} from ${url} without data or errors` });
  }
  return body.data;
}

interface GraphQLResponseBody {
  data?: unknown;
  errors?: RidegraphGraphQLError[];
}

function parseBody(text: string): GraphQLResponseBody | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const body = parsed as { data?: unknown; errors?: unknown };
  if (!('data' in body) && !('errors' in body)) return undefined;
  if (body.errors !== undefined && !Array.isArray(body.errors)) return undefined;
  const errors = (body.errors as unknown[] | undefined)?.map(toGraphQLError);
  return { data: body.data, errors };
}

function toGraphQLError(value: unknown): RidegraphGraphQLError {
  if (typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string') return value as RidegraphGraphQLError;
  return { message: String(value) };
}
