// The four stub subgraphs of `npm run bench:gateway-peers` (the classic federation benchmark's accounts, inventory,
// products and reviews), in one process, so that the gateway under test is the bottleneck: each subgraph answers a
// request body it has seen before from a cache of its serialized answer (a gateway sends the same bodies for the same
// plan), and executes it with graphql-js only the first time. The data is generated, deterministic, and sized so that
// the benchmark's query answers about 90 KB.
//
// Run as a child: `node dist/bench/gateway-stub-subgraphs.js` prints one JSON line `{ urls, jwksUrl, countUrl }`
// on stdout once every port listens (plus a JWKS for Ridegraph's gateway, which refuses to start without one, and a
// count of the requests answered).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { execute, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import { exportJWK, generateKeyPair } from 'jose';

export const STUB_USERS = 10;
export const STUB_PRODUCTS = 10;
export const REVIEWS_PER_USER = 3;

interface User {
  id: string;
  name: string;
  username: string;
}
interface Product {
  upc: string;
  name: string;
  price: number;
  weight: number;
}
interface Review {
  id: string;
  body: string;
  authorId: string;
  upc: string;
}

const users: User[] = Array.from({ length: STUB_USERS }, (_, i) => ({ id: String(i + 1), name: `User Number ${i + 1}`, username: `user_${i + 1}` }));
const products: Product[] = Array.from({ length: STUB_PRODUCTS }, (_, i) => ({
  upc: String(1000 + i),
  name: `Product Name ${i + 1}`,
  price: 100 + 37 * i,
  weight: 10 + 3 * i,
}));
const reviews: Review[] = users.flatMap((user, u) =>
  Array.from({ length: REVIEWS_PER_USER }, (_, r) => ({
    id: `${user.id}-${r + 1}`,
    body: `Review ${r + 1} of user ${user.id}: a plain sentence of ordinary length about the product.`,
    authorId: user.id,
    upc: products[(u * REVIEWS_PER_USER + r) % products.length]!.upc,
  })),
);
const byId = new Map(users.map((u) => [u.id, u]));
const byUpc = new Map(products.map((p) => [p.upc, p]));

const FEDERATION = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@requires"])';

/** SDL and resolvers of each stub; `bench/gateway-peers.ts` composes the SDLs into the supergraph the gateways load. */
export const STUB_SUBGRAPHS = {
  accounts: {
    typeDefs: `${FEDERATION}
      type Query { me: User users: [User] }
      type User @key(fields: "id") { id: ID! name: String username: String }`,
    resolvers: {
      Query: { me: () => users[0], users: () => users },
      User: { __resolveReference: (ref: { id: string }) => byId.get(ref.id) },
    },
  },
  products: {
    typeDefs: `${FEDERATION}
      type Query { topProducts(first: Int = 5): [Product] }
      type Product @key(fields: "upc") { upc: String! name: String price: Int weight: Int }`,
    resolvers: {
      Query: { topProducts: (_: unknown, args: { first: number }) => products.slice(0, args.first) },
      Product: { __resolveReference: (ref: { upc: string }) => byUpc.get(ref.upc) },
    },
  },
  inventory: {
    typeDefs: `${FEDERATION}
      type Product @key(fields: "upc") {
        upc: String!
        weight: Int @external
        price: Int @external
        inStock: Boolean
        shippingEstimate: Int @requires(fields: "price weight")
      }`,
    resolvers: {
      Product: {
        __resolveReference: (ref: { upc: string; price?: number; weight?: number }) => ref,
        inStock: (product: { upc: string }) => Number(product.upc) % 3 !== 0,
        // Free over 1,000; otherwise half the weight (the classic benchmark's rule).
        shippingEstimate: (product: { price?: number; weight?: number }) => ((product.price ?? 0) > 1000 ? 0 : Math.round((product.weight ?? 0) / 2)),
      },
    },
  },
  reviews: {
    typeDefs: `${FEDERATION}
      type Review @key(fields: "id") { id: ID! body: String author: User product: Product }
      type User @key(fields: "id") { id: ID! reviews: [Review] }
      type Product @key(fields: "upc") { upc: String! reviews: [Review] }`,
    resolvers: {
      Review: {
        __resolveReference: (ref: { id: string }) => reviews.find((r) => r.id === ref.id),
        author: (review: Review) => ({ __typename: 'User', id: review.authorId }),
        product: (review: Review) => ({ __typename: 'Product', upc: review.upc }),
      },
      User: {
        __resolveReference: (ref: { id: string }) => ref,
        reviews: (user: { id: string }) => reviews.filter((r) => r.authorId === user.id),
      },
      Product: {
        __resolveReference: (ref: { upc: string }) => ref,
        reviews: (product: { upc: string }) => reviews.filter((r) => r.upc === product.upc),
      },
    },
  },
} as const;

export type StubName = keyof typeof STUB_SUBGRAPHS;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Requests the stubs have answered, all four together (GET /count on the JWKS port): fetches per gateway request. */
let answered = 0;

/** A GraphQL-over-HTTP endpoint that answers from its cache of serialized answers, keyed by the whole request body. */
function stubHandler(schema: GraphQLSchema) {
  const answers = new Map<string, string>();
  const documents = new Map<string, DocumentNode>();
  return async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST') {
      res.writeHead(405).end();
      return;
    }
    const body = await readBody(req);
    let answer = answers.get(body);
    if (answer === undefined) {
      const { query, variables, operationName } = JSON.parse(body) as { query: string; variables?: Record<string, unknown>; operationName?: string };
      let document = documents.get(query);
      if (!document) documents.set(query, (document = parse(query)));
      answer = JSON.stringify(await execute({ schema, document, variableValues: variables, operationName }));
      if (answers.size < 10_000) answers.set(body, answer);
    }
    answered += 1;
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(answer) });
    res.end(answer);
  };
}

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>): Promise<string> {
  const server = createServer((req, res) => {
    Promise.resolve(handler(req, res)).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: (error as Error).message }] }));
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function main(): Promise<void> {
  const urls: Record<string, string> = {};
  for (const [name, stub] of Object.entries(STUB_SUBGRAPHS)) {
    const schema = buildSubgraphSchema({ typeDefs: parse(stub.typeDefs), resolvers: stub.resolvers });
    urls[name] = `${await listen(stubHandler(schema))}/graphql`;
  }
  // Ridegraph's gateway verifies access tokens with published keys and will not start without a JWKS URL; the
  // benchmark's requests carry no token, so any valid key set serves.
  const { publicKey } = await generateKeyPair('ES256');
  const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'bench', alg: 'ES256', use: 'sig' }] });
  const base = await listen((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(req.url === '/count' ? JSON.stringify({ answered }) : jwks);
  });
  process.stdout.write(`${JSON.stringify({ urls, jwksUrl: `${base}/.well-known/jwks.json`, countUrl: `${base}/count` })}\n`);
}

if (process.argv[1]?.endsWith('gateway-stub-subgraphs.js')) await main();
