// Hive Gateway (`@graphql-hive/gateway-runtime`, installed in this folder: package.json) with its defaults, for
// `npm run bench:gateway-peers`: `node bench/gateway-peers/hive-gateway.mjs SUPERGRAPH_PATH PORT DEDUPLICATE`, where
// DEDUPLICATE is `on` (its default: identical in-flight subgraph requests share one fetch) or `off`.
// Plain JavaScript: the product's type check never needs this folder's dependencies installed.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';

const [supergraphPath, port, deduplicate] = process.argv.slice(2);
const gateway = createGatewayRuntime({
  supergraph: readFileSync(supergraphPath, 'utf8'),
  logging: 'error',
  landingPage: false,
  transportEntries: { '*.http': { options: { deduplicateInflightRequests: deduplicate !== 'off' } } },
});
const server = createServer(gateway);
server.keepAliveTimeout = 60_000;
server.listen(Number(port), '127.0.0.1');
