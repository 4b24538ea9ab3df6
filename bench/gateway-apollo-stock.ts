// Stock `@apollo/gateway` (the product's own 2.14.4) behind Apollo Server's `startStandaloneServer`, with their
// defaults, for `npm run bench:gateway-peers`: `node dist/bench/gateway-apollo-stock.js SUPERGRAPH_PATH PORT`.
import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

const [supergraphPath, port] = process.argv.slice(2);
const server = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl: readFileSync(supergraphPath!, 'utf8') }) });
await startStandaloneServer(server, { listen: { port: Number(port), host: '127.0.0.1' } });
