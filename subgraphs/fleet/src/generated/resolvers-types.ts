import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { FleetModel, HubModel, VehicleModel, DriverModel, UserRef } from '../resolvers/mappers.js';
import type { FleetContext } from '../context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An instant in time, ISO 8601 in UTC, e.g. `2026-11-22T10:15:30.000Z`. */
  DateTime: { input: Date; output: Date | string; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** A driver's profile: the driving side of a user. */
export type Driver = {
  __typename?: 'Driver';
  /** The fleet the driver drives for. Staff only. */
  fleet: Fleet;
  /** Stable identifier of the driver profile (not the user id). */
  id: Scalars['ID']['output'];
  /** The driver's display name (from the user account). */
  name: Scalars['String']['output'];
  /** Average rating from riders, 1 to 5; null before the first rating. */
  rating: Maybe<Scalars['Float']['output']>;
  /** What the driver is doing now. Visible to the driver themself, operations staff and the manager of the driver's fleet (FORBIDDEN for others). */
  status: DriverStatus;
  /** The user account of the driver. */
  user: User;
  /** The vehicle the driver is currently assigned to. */
  vehicle: Maybe<Vehicle>;
};

/** A page of drivers. */
export type DriverConnection = {
  __typename?: 'DriverConnection';
  /** The drivers of this page. */
  edges: Array<DriverEdge>;
  /** Where this page is. */
  pageInfo: PageInfo;
};

/** A driver profile with a cursor, in a connection. */
export type DriverEdge = {
  __typename?: 'DriverEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The driver. */
  node: Driver;
};

/** What a driver is doing right now. */
export type DriverStatus =
  /** Working and free to take a trip. */
  | 'AVAILABLE'
  /** Not working. */
  | 'OFFLINE'
  /** Working, on a break. */
  | 'ON_BREAK'
  /** Driving a trip. */
  | 'ON_TRIP';

/** An operator's fleet of vehicles and drivers in one city. */
export type Fleet = {
  __typename?: 'Fleet';
  /** City the fleet operates in. */
  city: Scalars['String']['output'];
  /** The fleet's hubs (depots), by name. */
  hubs: Array<Hub>;
  /** Stable identifier of the fleet. */
  id: Scalars['ID']['output'];
  /** Display name. */
  name: Scalars['String']['output'];
};

/** A point on Earth in WGS 84 degrees. */
export type GeoPoint = {
  __typename?: 'GeoPoint';
  /** Latitude, -90 to 90. */
  latitude: Scalars['Float']['output'];
  /** Longitude, -180 to 180. */
  longitude: Scalars['Float']['output'];
};

/** A depot where vehicles are kept and drivers start shifts. */
export type Hub = {
  __typename?: 'Hub';
  /** The fleet the hub belongs to. */
  fleet: Fleet;
  /** Stable identifier of the hub. */
  id: Scalars['ID']['output'];
  /** Where the hub is. */
  location: GeoPoint;
  /** Display name. */
  name: Scalars['String']['output'];
};

/** Pagination state of a connection (Relay cursor connections). */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last edge; pass it as `after` for the next page. */
  endCursor: Maybe<Scalars['String']['output']>;
  /** Whether another page follows the last edge. */
  hasNextPage: Scalars['Boolean']['output'];
  /** Whether a page precedes the first edge. */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** Cursor of the first edge. */
  startCursor: Maybe<Scalars['String']['output']>;
};

export type Query = {
  __typename?: 'Query';
  /** The driver profile with this id, or null (also when a fleet manager asks for another fleet's driver). */
  driver: Maybe<Driver>;
  /** Drivers the viewer may see, newest first, optionally of one fleet (empty for a fleet the viewer does not manage). */
  drivers: DriverConnection;
  /** The fleet with this id, or null (also when a fleet manager asks for another fleet). */
  fleet: Maybe<Fleet>;
  /** All fleets the viewer may see, by name: every fleet for operations staff, their own for a fleet manager. */
  fleets: Array<Fleet>;
  /** The vehicle with this id, or null (also when a fleet manager asks for another fleet's vehicle). */
  vehicle: Maybe<Vehicle>;
};


export type QueryDriverArgs = {
  id: Scalars['ID']['input'];
};


export type QueryDriversArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  fleetId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryFleetArgs = {
  id: Scalars['ID']['input'];
};


export type QueryVehicleArgs = {
  id: Scalars['ID']['input'];
};

/** A person with an account: a rider, a driver or a member of staff. */
export type User = {
  __typename?: 'User';
  /** The user's driver profile; null when the user does not drive, or when the viewer is neither that user, operations staff, nor the manager of the driver's fleet. */
  driverProfile: Maybe<Driver>;
  /** Stable identifier of the user. */
  id: Scalars['ID']['output'];
  /** Resolved by identity; fleet needs it to answer `Driver.name`. */
  name: Scalars['String']['output'];
};

/** A vehicle of a fleet. */
export type Vehicle = {
  __typename?: 'Vehicle';
  /** Service level. */
  category: VehicleCategory;
  /** The fleet that owns it. Staff only. */
  fleet: Fleet;
  /** The hub it returns to. Staff only. */
  homeHub: Maybe<Hub>;
  /** Stable identifier of the vehicle. */
  id: Scalars['ID']['output'];
  /** Manufacturer, e.g. Toyota. */
  make: Scalars['String']['output'];
  /** Model, e.g. Corolla. */
  model: Scalars['String']['output'];
  /** Registration plate, unique. */
  plate: Scalars['String']['output'];
  /** Whether it can be driven. Staff only. */
  status: VehicleStatus;
  /** Model year. */
  year: Scalars['Int']['output'];
};

/** Service level of a vehicle, which decides pricing and which trips it can take. */
export type VehicleCategory =
  /** Auto rickshaw. */
  | 'AUTO'
  /** Motorbike. */
  | 'BIKE'
  /** Newer, larger car. */
  | 'COMFORT'
  /** Standard car. */
  | 'ECONOMY'
  /** Six or more seats. */
  | 'XL';

/** Whether a vehicle can be driven. */
export type VehicleStatus =
  /** In service. */
  | 'ACTIVE'
  /** Temporarily out of service. */
  | 'MAINTENANCE'
  /** Permanently out of service. */
  | 'RETIRED';

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = ResolversObject<{
  Driver: Driver;
  Fleet: Fleet;
  Hub: Hub;
  User: User;
  Vehicle: Vehicle;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Driver:
    ( { __typename: 'Driver' }
    & GraphQLRecursivePick<FederationTypes['Driver'], {"id":true}>
    & ( Record<PropertyKey, never>
        | GraphQLRecursivePick<FederationTypes['Driver'], {"user":{"name":true}}> ) );
  Fleet:
    ( { __typename: 'Fleet' }
    & GraphQLRecursivePick<FederationTypes['Fleet'], {"id":true}> );
  Hub:
    ( { __typename: 'Hub' }
    & GraphQLRecursivePick<FederationTypes['Hub'], {"id":true}> );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
  Vehicle:
    ( { __typename: 'Vehicle' }
    & GraphQLRecursivePick<FederationTypes['Vehicle'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Driver: ResolverTypeWrapper<DriverModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  DriverConnection: ResolverTypeWrapper<Omit<DriverConnection, 'edges'> & { edges: Array<ResolversTypes['DriverEdge']> }>;
  DriverEdge: ResolverTypeWrapper<Omit<DriverEdge, 'node'> & { node: ResolversTypes['Driver'] }>;
  DriverStatus: DriverStatus;
  Fleet: ResolverTypeWrapper<FleetModel>;
  GeoPoint: ResolverTypeWrapper<GeoPoint>;
  Hub: ResolverTypeWrapper<HubModel>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  User: ResolverTypeWrapper<UserRef>;
  Vehicle: ResolverTypeWrapper<VehicleModel>;
  VehicleCategory: VehicleCategory;
  VehicleStatus: VehicleStatus;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  DateTime: Scalars['DateTime']['output'];
  Driver: DriverModel;
  ID: Scalars['ID']['output'];
  String: Scalars['String']['output'];
  Float: Scalars['Float']['output'];
  DriverConnection: Omit<DriverConnection, 'edges'> & { edges: Array<ResolversParentTypes['DriverEdge']> };
  DriverEdge: Omit<DriverEdge, 'node'> & { node: ResolversParentTypes['Driver'] };
  Fleet: FleetModel;
  GeoPoint: GeoPoint;
  Hub: HubModel;
  PageInfo: PageInfo;
  Boolean: Scalars['Boolean']['output'];
  Query: Record<PropertyKey, never>;
  Int: Scalars['Int']['output'];
  User: UserRef;
  Vehicle: VehicleModel;
}>;

export type PublicDirectiveArgs = { };

export type PublicDirectiveResolver<Result, Parent, ContextType = FleetContext, Args = PublicDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DriverResolvers<ContextType = FleetContext, ParentType extends ResolversParentTypes['Driver'] = ResolversParentTypes['Driver'], FederationReferenceType extends FederationReferenceTypes['Driver'] = FederationReferenceTypes['Driver']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Driver']> | FederationReferenceType, FederationReferenceType, ContextType>;
  fleet?: Resolver<ResolversTypes['Fleet'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rating?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['DriverStatus'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  vehicle?: Resolver<Maybe<ResolversTypes['Vehicle']>, ParentType, ContextType>;
}>;

export type DriverConnectionResolvers<ContextType = FleetContext, ParentType extends ResolversParentTypes['DriverConnection'] = ResolversParentTypes['DriverConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['DriverEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type DriverEdgeResolvers<ContextType = FleetContext, ParentType extends ResolversParentTypes['DriverEdge'] = ResolversParentTypes['DriverEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Driver'], ParentType, ContextType>;
}>;

export type FleetResolvers<ContextType = FleetContext, ParentType extends ResolversParentTypes['Fleet'] = ResolversParentTypes['Fleet'], FederationReferenceType extends FederationReferenceTypes['Fleet'] = FederationReferenceTypes['Fleet']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Fleet']> | FederationReferenceType, FederationReferenceType, ContextType>;
  city?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  hubs?: Resolver<Array<ResolversTypes['Hub']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type GeoPointResolvers<ContextType = FleetContext, ParentType extends ResolversParentTypes['GeoPoint'] = ResolversParentTypes['GeoPoint']> = ResolversObject<{
  latitude?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  longitude?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type HubResolvers<ContextType = FleetContext, ParentType extends ResolversParentTypes['Hub'] = ResolversParentTypes['Hub'], FederationReferenceType extends FederationReferenceTypes['Hub'] = FederationReferenceTypes['Hub']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Hub']> | FederationReferenceType, FederationReferenceType, ContextType>;
  fleet?: Resolver<ResolversTypes['Fleet'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  location?: Resolver<ResolversTypes['GeoPoint'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = FleetContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = FleetContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  driver?: Resolver<Maybe<ResolversTypes['Driver']>, ParentType, ContextType, RequireFields<QueryDriverArgs, 'id'>>;
  drivers?: Resolver<ResolversTypes['DriverConnection'], ParentType, ContextType, RequireFields<QueryDriversArgs, 'first'>>;
  fleet?: Resolver<Maybe<ResolversTypes['Fleet']>, ParentType, ContextType, RequireFields<QueryFleetArgs, 'id'>>;
  fleets?: Resolver<Array<ResolversTypes['Fleet']>, ParentType, ContextType>;
  vehicle?: Resolver<Maybe<ResolversTypes['Vehicle']>, ParentType, ContextType, RequireFields<QueryVehicleArgs, 'id'>>;
}>;

export type UserResolvers<ContextType = FleetContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  driverProfile?: Resolver<Maybe<ResolversTypes['Driver']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type VehicleResolvers<ContextType = FleetContext, ParentType extends ResolversParentTypes['Vehicle'] = ResolversParentTypes['Vehicle'], FederationReferenceType extends FederationReferenceTypes['Vehicle'] = FederationReferenceTypes['Vehicle']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Vehicle']> | FederationReferenceType, FederationReferenceType, ContextType>;
  category?: Resolver<ResolversTypes['VehicleCategory'], ParentType, ContextType>;
  fleet?: Resolver<ResolversTypes['Fleet'], ParentType, ContextType>;
  homeHub?: Resolver<Maybe<ResolversTypes['Hub']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  make?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  model?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  plate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['VehicleStatus'], ParentType, ContextType>;
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = FleetContext> = ResolversObject<{
  DateTime?: GraphQLScalarType;
  Driver?: DriverResolvers<ContextType>;
  DriverConnection?: DriverConnectionResolvers<ContextType>;
  DriverEdge?: DriverEdgeResolvers<ContextType>;
  Fleet?: FleetResolvers<ContextType>;
  GeoPoint?: GeoPointResolvers<ContextType>;
  Hub?: HubResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  Vehicle?: VehicleResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = FleetContext> = ResolversObject<{
  public?: PublicDirectiveResolver<any, any, ContextType>;
}>;
