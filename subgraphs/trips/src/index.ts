// Runs the trips subgraph as its own process. Configuration: see README ("Configuration").
import { runStandaloneSubgraph } from '../../../platform/graphql/index.js';
import { buildTripsSubgraph } from './server.js';

await runStandaloneSubgraph('trips', buildTripsSubgraph);
