// Runs the payments subgraph as its own process. Configuration: see README ("Configuration").
import { runStandaloneSubgraph } from '../../../platform/graphql/index.js';
import { buildPaymentsSubgraph } from './server.js';

await runStandaloneSubgraph('payments', buildPaymentsSubgraph);
