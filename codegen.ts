// GraphQL Code Generator: typed resolvers for each subgraph (Federation-aware, parents mapped to the rows the
// store returns). The typed SDK for clients is generated from schema/api.graphql under sdk/.
// `npm run codegen` writes; `npm run codegen:check` fails when committed output is stale (CI).
import type { CodegenConfig } from '@graphql-codegen/cli';

/** Per subgraph: GraphQL type → the TypeScript type its resolvers receive as parent (see src/resolvers/mappers.ts). */
const MAPPERS: Record<string, Record<string, string>> = {
  identity: {
    User: 'UserModel',
    AuditEntry: 'AuditEntryModel',
    Fleet: 'FleetRef',
    UserConnection: 'UserConnectionModel',
    AuditEntryConnection: 'AuditEntryConnectionModel',
  },
  fleet: {
    Fleet: 'FleetModel',
    Hub: 'HubModel',
    Vehicle: 'VehicleModel',
    Driver: 'DriverModel',
    User: 'UserRef',
    Assignment: 'AssignmentModel',
    Attendance: 'AttendanceModel',
    Break: 'BreakModel',
    NearbyDriverEdge: 'NearbyDriverEdgeModel',
    DriverPosition: 'DriverPositionModel',
    DriverConnection: 'DriverConnectionModel',
    VehicleConnection: 'VehicleConnectionModel',
    AttendanceConnection: 'AttendanceConnectionModel',
    OperationsSummary: 'OperationsSummaryModel',
  },
  trips: {
    Trip: 'TripModel',
    User: 'UserRef',
    Driver: 'DriverRef',
    TripConnection: 'TripConnectionModel',
    City: 'CityModel',
    PricingVersion: 'PricingVersionModel',
  },
  payments: {
    Wallet: 'WalletModel',
    WalletEntry: 'WalletEntryModel',
    Payment: 'PaymentModel',
    Refund: 'RefundModel',
    PaymentMethod: 'PaymentMethodModel',
    CardDetails: 'CardModel',
    User: 'UserRef',
    Trip: 'TripRef',
    Driver: 'DriverRef',
    DriverStatementEntry: 'DriverStatementEntryModel',
    CashShift: 'CashShiftModel',
    CashShiftTrip: 'CashShiftTripModel',
    CashCorrection: 'CashCorrectionModel',
    PaymentLink: 'PaymentLinkModel',
    Vehicle: 'VehicleRef',
    PayoutDestination: 'PayoutDestinationModel',
    PayoutItem: 'PayoutItemModel',
    PayoutBatch: 'PayoutBatchModel',
  },
  gamification: {
    PointsSummary: 'PointsSummaryModel',
    User: 'UserRef',
    PointsEntry: 'PointsEntryModel',
    Badge: 'BadgeModel',
    EarningRule: 'EarningRuleModel',
    Coupon: 'CouponModel',
    CouponRedemption: 'CouponRedemptionModel',
    PartnerCompany: 'PartnerCompanyModel',
    CouponCategory: 'CouponCategoryModel',
    LeaderboardEntry: 'LeaderboardEntryModel',
  },
  notifications: {
    Announcement: 'AnnouncementModel',
    Notification: 'NotificationModel',
    NotificationDelivery: 'DeliveryModel',
    PushDevice: 'PushDeviceModel',
    User: 'UserRef',
  },
};

function subgraphResolvers(name: string, contextType: string): CodegenConfig['generates'][string] {
  return {
    schema: `subgraphs/${name}/schema.graphql`,
    plugins: ['typescript', 'typescript-resolvers'],
    config: {
      federation: true,
      useIndexSignature: true,
      contextType: `../context.js#${contextType}`,
      mappers: Object.fromEntries(Object.entries(MAPPERS[name] ?? {}).map(([type, mapper]) => [type, `../resolvers/mappers.js#${mapper}`])),
      scalars: { DateTime: { input: 'Date', output: 'Date | string' }, JSON: { input: 'unknown', output: 'unknown' } },
      enumsAsTypes: true,
      useTypeImports: true,
      emitLegacyCommonJSImports: false,
      avoidOptionals: { field: true, object: false, inputValue: false, defaultValue: false },
      maybeValue: 'T | null',
    },
  };
}

/**
 * The typed SDK for frontend teams (sdk/README.md): one TypedDocumentNode plus result and variables types per
 * operation in sdk/operations, checked against the public API schema. `enumType: 'string-literal'` is how
 * typescript-operations 6 spells `enumsAsTypes` (enums as unions of string literals, no runtime objects).
 */
const sdkClient: CodegenConfig['generates'][string] = {
  schema: 'schema/api.graphql',
  documents: ['sdk/operations/**/*.graphql'],
  preset: 'client',
  presetConfig: { fragmentMasking: false },
  config: {
    useTypeImports: true,
    emitLegacyCommonJSImports: false,
    enumType: 'string-literal',
    scalars: { DateTime: 'string', JSON: 'unknown' },
    strictScalars: true,
  },
};

const config: CodegenConfig = {
  overwrite: true,
  generates: {
    'sdk/generated/': sdkClient,
    'subgraphs/identity/src/generated/resolvers-types.ts': subgraphResolvers('identity', 'IdentityContext'),
    'subgraphs/fleet/src/generated/resolvers-types.ts': subgraphResolvers('fleet', 'FleetContext'),
    'subgraphs/trips/src/generated/resolvers-types.ts': subgraphResolvers('trips', 'TripsContext'),
    'subgraphs/payments/src/generated/resolvers-types.ts': subgraphResolvers('payments', 'PaymentsContext'),
    'subgraphs/gamification/src/generated/resolvers-types.ts': subgraphResolvers('gamification', 'GamificationContext'),
    'subgraphs/notifications/src/generated/resolvers-types.ts': subgraphResolvers('notifications', 'NotificationsContext'),
  },
};
export default config;
