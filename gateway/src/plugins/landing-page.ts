// Apollo Sandbox on the gateway in development, opened on an example cross-subgraph query; nothing in production.
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';

const EXAMPLE_DOCUMENT = `# Trips joined across three subgraphs: trips → identity (rider) → fleet (driver, vehicle).
# The trips board is for staff: set the Authorization header to an access token of SUPER_ADMIN or OPERATIONS.
query RecentTrips {
  trips(first: 5) {
    edges {
      node {
        id
        status
        fare { amountMinor currency }
        rider { name points { balance level } }
        driver { name rating vehicle { plate make model } }
      }
    }
  }
}
`;

export function landingPagePlugin(sandbox: boolean) {
  if (!sandbox) return ApolloServerPluginLandingPageDisabled();
  return ApolloServerPluginLandingPageLocalDefault({
    embed: { initialState: { pollForSchemaUpdates: false } },
    document: EXAMPLE_DOCUMENT,
    // Signed-in requests carry `Authorization: Bearer <access token>`; paste one here once you have signed in.
    headers: { Authorization: 'Bearer <access token>' },
    footer: false,
  });
}
