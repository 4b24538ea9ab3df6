// Apollo Sandbox on the gateway in development, opened on an example cross-subgraph query; nothing in production
// (SANDBOX defaults to off there, see config.ts). Sandbox sends its operations as POST application/json, so Apollo
// Server's CSRF prevention never stands in its way.
//
// No headers are preset: a placeholder such as `Authorization: Bearer <access token>` is sent as it stands, and the
// gateway refuses a malformed token with 401 — so a new user's first operation, even `requestOtp`, failed. Signed
// out is the right start (sign-in is @public); README "Quick start" shows where the token goes once there is one.
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';

export const EXAMPLE_DOCUMENT = `# Sign in first (no header needed): run RequestCode, read the 6 digits from the server log ("development SMS"),
# put them in SignIn and run it. Then add the header  Authorization: Bearer <accessToken>  (Headers tab).
mutation RequestCode {
  requestOtp(phone: "+15550000001") { sent userErrors { code message } }
}

mutation SignIn {
  verifyOtp(phone: "+15550000001", code: "000000") { accessToken refreshToken userErrors { code message } }
}

# Trips joined across four subgraphs: trips → identity (rider name) → gamification (points) → fleet (driver, vehicle).
# The trips board is for staff: +15550000001 is the demo super admin.
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
    footer: false,
  });
}
