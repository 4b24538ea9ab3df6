// Runs the identity subgraph as its own process. Configuration: see README ("Configuration").
import { runStandaloneSubgraph } from '../../../platform/graphql/index.js';
import { buildIdentitySubgraph } from './server.js';

await runStandaloneSubgraph('identity', buildIdentitySubgraph);
