// Schema lint (`npm run lint:schema`, i.e. `eslint --max-warnings 0 .`): the six subgraph SDLs, where schema changes
// are made, and the composed public API schema/api.graphql, which clients and the SDK read. Nothing else is linted
// here: TypeScript has its own config (eslint.typescript.config.js, `npm run lint:ts`), and generated code is not
// ours to lint.
//
// Each subgraph SDL is checked against its own subgraph schema: graphql-eslint sees the federation @link and builds
// it with @apollo/subgraph, so federation directives (@key, @shareable, @external, @requires, @composeDirective,
// @authenticated, @requiresScopes) are known and `_entities`/`_service` are not reported as ours.
import { readFileSync } from 'node:fs';
import graphqlPlugin from '@graphql-eslint/eslint-plugin';

const { subgraphs } = JSON.parse(readFileSync(new URL('./subgraphs/registry.json', import.meta.url), 'utf8'));
const SUBGRAPH_SDLS = subgraphs.map(({ name }) => `subgraphs/${name}/schema.graphql`);
const API_SCHEMA = 'schema/api.graphql';

// One graphql-config for every file (graphql-eslint keeps the first one it loads for the whole run): a project per
// schema file, whose schema is that file, so each file is linted against the schema it belongs to.
const graphQLConfig = {
  projects: Object.fromEntries([...subgraphs.map(({ name }) => [name, { schema: `subgraphs/${name}/schema.graphql` }]), ['api', { schema: API_SCHEMA }]]),
};

/** Value objects and wrappers without an identity of their own: strict-id-in-types does not apply to them. */
const TYPES_WITHOUT_ID = [
  'PageInfo',
  'GeoPoint',
  'Money',
  'DriverPosition',
  'PointsSummary',
  'UserError',
  'FleetUserError',
  'TripUserError',
  'PricingUserError',
  'CityUserError',
  'PaymentUserError',
  'LoyaltyUserError',
  'LeaderboardEntry',
  'CardDetails',
  'DriverEarnings',
  'NotificationPreference',
  'NotificationPreferences',
  'QuietHours',
  'CashShiftTrip',
  'CashCorrectionUserError',
  'DriverDeposit',
  'RentalUserError',
  'VehiclePaymentQr',
  'PayoutDestination',
  'PayoutPreviewItem',
  'PayoutPreviewSkip',
  'PayoutBatchPreview',
  'PayoutUserError',
  // the operations summary (trips): computed values, nothing to fetch again by id
  'OperationsSummary',
  'MoneyTotal',
  'TripStatusCount',
  'TripCancellationCount',
  'TripHourCount',
];

const schemaRules = {
  ...graphqlPlugin.configs['flat/schema-recommended'].rules,

  // Every type, field, argument, input field, enum value and directive says what it is for (Sandbox and the SDK's
  // generated types show these). Root types themselves need none: their fields are described. An entity a
  // subgraph only extends (e.g. `User` outside identity) repeats the owner's description word for word, so that
  // composition has one description to keep.
  '@graphql-eslint/require-description': [
    'error',
    {
      types: true,
      rootField: true,
      FieldDefinition: true,
      InputValueDefinition: true,
      EnumValueDefinition: true,
      DirectiveDefinition: true,
      ignoredSelectors: ['[type=ObjectTypeDefinition][name.value=/^(Query|Mutation|Subscription)$/]'],
    },
  ],
  // House style: "inline" for a one-line description, """block""" for a longer one. The rule allows only one style
  // everywhere, and either choice would make descriptions worse to read.
  '@graphql-eslint/description-style': 'off',

  '@graphql-eslint/naming-convention': [
    'error',
    {
      types: 'PascalCase',
      FieldDefinition: 'camelCase',
      InputValueDefinition: 'camelCase',
      Argument: 'camelCase',
      DirectiveDefinition: 'camelCase',
      EnumValueDefinition: 'UPPER_CASE',
      // Root fields do not repeat their operation type: `trips`, not `getTrips`, `tripsQuery` or `queryTrips`.
      'FieldDefinition[parent.name.value=Query]': { forbiddenPatterns: [/^(query|get)/i, /Query$/] },
      'FieldDefinition[parent.name.value=Mutation]': { forbiddenPatterns: [/^mutation/i, /Mutation$/] },
      'FieldDefinition[parent.name.value=Subscription]': { forbiddenPatterns: [/^subscription/i, /Subscription$/] },
      // Nor do type names repeat their kind, or name a root type.
      'ObjectTypeDefinition,ObjectTypeExtension': { forbiddenPatterns: [/^Type|Type$/, /.(Query|Mutation|Subscription)$/] },
      'EnumTypeDefinition,EnumTypeExtension': { forbiddenPatterns: [/^Enum|Enum$/] },
      'InterfaceTypeDefinition,InterfaceTypeExtension': { forbiddenPatterns: [/^Interface|Interface$/] },
      'UnionTypeDefinition,UnionTypeExtension': { forbiddenPatterns: [/^Union|Union$/] },
      // Input types end in Input: `CreateStaffUserInput`, `DeviceInput`.
      'InputObjectTypeDefinition,InputObjectTypeExtension': { style: 'PascalCase', requiredPattern: /Input$/ },
    },
  ],
  // input-name would also demand one argument called `input` on every mutation: renaming the existing arguments
  // breaks every client, so the naming-convention rule above enforces the *Input suffix instead.
  '@graphql-eslint/input-name': 'off',

  '@graphql-eslint/strict-id-in-types': [
    'error',
    { acceptedIdNames: ['id'], acceptedIdTypes: ['ID'], exceptions: { types: TYPES_WITHOUT_ID, suffixes: ['Connection', 'Edge', 'Payload'] } },
  ],
  // On the composed API only (below): every subgraph declares the shared vocabulary — `scalar DateTime`, the
  // composed `@public` directive — whether or not it uses it, which is not unreachable where it matters.
  '@graphql-eslint/no-unreachable-types': 'off',
  '@graphql-eslint/no-scalar-result-type-on-mutation': 'error',
  '@graphql-eslint/require-deprecation-reason': 'error',

  // Relay cursor connections (README: "Lists"): `XConnection { edges: [XEdge!]!, pageInfo: PageInfo! }`,
  // `XEdge { cursor, node }`, and `first`/`after` on every field returning a connection.
  '@graphql-eslint/relay-connection-types': 'error',
  '@graphql-eslint/relay-edge-types': [
    'error',
    {
      withEdgeSuffix: true,
      // Relay's `Node` interface (global object identification) does not fit federation: entities are fetched by
      // their @key through the gateway, and an interface shared by types of six subgraphs would need every
      // subgraph to know every implementation.
      shouldImplementNode: false,
      // Short, bounded lists (a user's roles, a fleet's hubs, a payload's userErrors) are plain lists, not
      // connections; only unbounded lists are paginated.
      listTypeCanWrapOnlyEdgeType: false,
    },
  ],
  // Pagination is forward only (keyset cursors, newest first), so `last`/`before` are not required.
  '@graphql-eslint/relay-arguments': ['error', { includeBoth: false }],
};

export default [
  {
    // Everything that is not a schema listed below: JavaScript/TypeScript sources and generated code.
    ignores: ['**/*.{js,cjs,mjs,jsx,ts,cts,mts,tsx}', 'node_modules/', 'dist/', '.data/', 'coverage/', '.ci-results/'],
  },
  {
    files: [...SUBGRAPH_SDLS, API_SCHEMA],
    languageOptions: { parser: graphqlPlugin.parser, parserOptions: { graphQLConfig } },
    plugins: { '@graphql-eslint': graphqlPlugin },
    rules: schemaRules,
  },
  {
    files: [API_SCHEMA],
    rules: {
      '@graphql-eslint/no-unreachable-types': 'error',
    },
  },
  {
    // relay-page-info reports a schema without PageInfo; subgraphs without connections (payments, gamification)
    // rightly have none, so it runs on the schemas that paginate.
    files: [...SUBGRAPH_SDLS, API_SCHEMA].filter((file) => readFileSync(new URL(`./${file}`, import.meta.url), 'utf8').includes('Connection')),
    rules: { '@graphql-eslint/relay-page-info': 'error' },
  },
];
