// Runs the fleet subgraph as its own process. Configuration: see README ("Configuration").
import { runStandaloneSubgraph } from '../../../platform/graphql/index.js';
import { buildFleetSubgraph } from './server.js';

await runStandaloneSubgraph('fleet', buildFleetSubgraph);
