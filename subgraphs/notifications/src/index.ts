// Runs the notifications subgraph as its own process. Configuration: see README ("Configuration").
import { runStandaloneSubgraph } from '../../../platform/graphql/index.js';
import { buildNotificationsSubgraph } from './server.js';

await runStandaloneSubgraph('notifications', buildNotificationsSubgraph);
