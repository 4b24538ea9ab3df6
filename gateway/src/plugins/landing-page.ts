// Apollo Sandbox on the gateway in development, opened on an example cross-subgraph query with an Authorization
// header to fill in; nothing in production (SANDBOX defaults to off there, see config.ts). Sandbox sends its
// operations as POST application/json, so Apollo Server's CSRF prevention never stands in its way.
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';

export const EXAMPLE_DOCUMENT = `# Trips joined across four subgraphs: trips → identity (rider name) → gamification (points) → fleet (driver, vehicle).
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

/** The Authorization header Sandbox starts with: a placeholder to replace with an access token. */
export const AUTHORIZATION_HINT = 'Bearer <access token>';

export function landingPagePlugin(sandbox: boolean) {
  if (!sandbox) return ApolloServerPluginLandingPageDisabled();
  return ApolloServerPluginLandingPageLocalDefault({
    embed: { initialState: { pollForSchemaUpdates: false } },
    document: EXAMPLE_DOCUMENT,
    // Signed-in requests carry `Authorization: Bearer <access token>`; paste one here once you have signed in.
    headers: { Authorization: AUTHORIZATION_HINT },
    footer: false,
  });
}
