// A real HTTP GraphQL client for integration tests (what a frontend sends: POST application/json).
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped by default: a test reads the fields it asserts on
export interface GraphQLResponse<TData = any> {
  status: number;
  data?: TData | null;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: (string | number)[] }[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as GraphQLResponse: untyped unless the test names a type
export async function postGraphQL<TData = any>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<TData>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<TData>, 'status'>;
  return { status: response.status, ...body };
}
