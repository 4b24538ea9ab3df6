// Runs the gamification subgraph as its own process. Configuration: see README ("Configuration").
import { runStandaloneSubgraph } from '../../../platform/graphql/index.js';
import { buildGamificationSubgraph } from './server.js';

await runStandaloneSubgraph('gamification', buildGamificationSubgraph);
