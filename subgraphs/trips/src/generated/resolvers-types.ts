import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { TripModel, UserRef, DriverRef, TripConnectionModel, CityModel, PricingVersionModel } from '../resolvers/mappers.js';
import type { TripsContext } from '../context.js';
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

/**
 * A service area: a pickup within `radiusMeters` of its centre is priced by its prices (where areas overlap, by the
 * city whose centre is nearest). Staff read it (SUPER_ADMIN, OPERATIONS, FLEET_MANAGER); operations create it with
 * `createCity`, change it with `updateCity` and set its prices with `setPricing`.
 */
export type City = {
  __typename?: 'City';
  /** Centre of the service area. */
  center: GeoPoint;
  /** ISO 4217 currency of every price and fare in the city; fixed when the city is created. */
  currency: Scalars['String']['output'];
  /** Stable identifier of the city. */
  id: Scalars['ID']['output'];
  /** Unique name (ignoring case), e.g. Metro City. Trips' events, the operations summary's `city` and payments' commission rules name the city by it. */
  name: Scalars['String']['output'];
  /** The prices in force now for this category; null when the city does not offer it (no version has taken effect). */
  pricing: Maybe<PricingVersion>;
  /**
   * Every pricing version of the city, of one category or all, newest `effectiveFrom` first — versions set to take
   * effect later included. Versions are never changed or deleted: this is the whole history.
   */
  pricingHistory: PricingVersionConnection;
  /** Radius of the service area around the centre, in metres. */
  radiusMeters: Scalars['Int']['output'];
};


/**
 * A service area: a pickup within `radiusMeters` of its centre is priced by its prices (where areas overlap, by the
 * city whose centre is nearest). Staff read it (SUPER_ADMIN, OPERATIONS, FLEET_MANAGER); operations create it with
 * `createCity`, change it with `updateCity` and set its prices with `setPricing`.
 */
export type CityPricingArgs = {
  category: VehicleCategory;
};


/**
 * A service area: a pickup within `radiusMeters` of its centre is priced by its prices (where areas overlap, by the
 * city whose centre is nearest). Staff read it (SUPER_ADMIN, OPERATIONS, FLEET_MANAGER); operations create it with
 * `createCity`, change it with `updateCity` and set its prices with `setPricing`.
 */
export type CityPricingHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  category?: InputMaybe<VehicleCategory>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** Result of `createCity` and `updateCity`. */
export type CityPayload = {
  __typename?: 'CityPayload';
  /** The city as it is now; null when `userErrors` is not empty. */
  city: Maybe<City>;
  /** Input problems, all at once; empty on success (nothing was written otherwise). */
  userErrors: Array<CityUserError>;
};

/** An input problem of a city mutation: fix the input and retry. */
export type CityUserError = {
  __typename?: 'CityUserError';
  /** Machine-readable kind of problem. */
  code: CityUserErrorCode;
  /** Path to the offending input field, e.g. `["input", "radiusMeters"]`, or `["id"]` for an unknown city. */
  field: Maybe<Array<Scalars['String']['output']>>;
  /** What is wrong, in words for a person. */
  message: Scalars['String']['output'];
};

/** What is wrong with a city mutation's input. */
export type CityUserErrorCode =
  /** Another city has this name (ignoring case), e.g. created by someone else just now. */
  | 'CITY_NAME_TAKEN'
  /** No city has this id. */
  | 'CITY_NOT_FOUND'
  /** The centre's latitude is not -90 to 90 or its longitude not -180 to 180. */
  | 'INVALID_COORDINATES'
  /** The currency is not an ISO 4217 code in capitals. */
  | 'INVALID_CURRENCY'
  /** The name is empty, longer than 100 characters or holds control characters. */
  | 'INVALID_NAME'
  /** The radius is not a whole number of metres from 100 to 200000. */
  | 'INVALID_RADIUS';

/** A new service area. It offers no ride until `setPricing` gives a category prices. */
export type CreateCityInput = {
  /** Centre of the service area. */
  center: GeoPointInput;
  /**
   * ISO 4217 code in capitals, e.g. USD: every price and fare of the city is in it, so it can never change (there is no
   * currency in `UpdateCityInput`).
   */
  currency: Scalars['String']['input'];
  /** Unique name, 1 to 100 characters after trimming spaces; compared ignoring case (CITY_NAME_TAKEN). */
  name: Scalars['String']['input'];
  /** Radius around the centre in metres, 100 to 200000. It may overlap another city's: the nearest centre prices a pickup. */
  radiusMeters: Scalars['Int']['input'];
};

/** A driver's profile: the driving side of a user. */
export type Driver = {
  __typename?: 'Driver';
  /** The trip the driver is on now (assigned, arrived or in progress); null when none, or when the viewer may not see that trip. */
  activeTrip: Maybe<Trip>;
  /** Stable identifier of the driver profile (not the user id). */
  id: Scalars['ID']['output'];
  /** The trip offered to the driver and waiting for their answer; null when none. Only the driver, operations staff and the manager of the driver's fleet see it. */
  pendingOffer: Maybe<TripOffer>;
  /**
   * Trips the driver took, newest first. The driver sees all of them, operations staff too, the manager of a fleet
   * those driven for their fleet; anyone else an empty list. Null, with a SERVICE_UNAVAILABLE error at its path, only
   * while the trips service cannot be reached.
   */
  trips: Maybe<TripConnection>;
};


/** A driver's profile: the driving side of a user. */
export type DriverTripsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A ride to price: where from, where to, which service level. */
export type EstimateFareInput = {
  /** Service level. */
  category: VehicleCategory;
  /** Drop-off point, inside the pickup's service area and at most the longest ride (default 150 km by road) away. */
  dropoff: GeoPointInput;
  /** Pickup point, inside a service area. */
  pickup: GeoPointInput;
};

/** Result of `estimateFare`. */
export type EstimateFarePayload = {
  __typename?: 'EstimateFarePayload';
  /** The estimate; null when `userErrors` is not empty. */
  estimate: Maybe<FareEstimate>;
  /** Input problems; empty on success. */
  userErrors: Array<TripUserError>;
};

/** A price for a ride, valid until `expiresAt`: `requestTrip` with its id charges this amount upfront. */
export type FareEstimate = {
  __typename?: 'FareEstimate';
  /** The price, surge included. */
  amount: Money;
  /** Service level priced. */
  category: VehicleCategory;
  /** The service area (city) whose rules priced it. */
  city: Scalars['String']['output'];
  /** Estimated road distance in metres. */
  distanceMeters: Scalars['Int']['output'];
  /** Estimated driving time in seconds. */
  durationSeconds: Scalars['Int']['output'];
  /** After this instant `requestTrip` refuses the quote; estimate again. */
  expiresAt: Scalars['DateTime']['output'];
  /** Quote id: pass it as `quoteId` to `requestTrip` to keep this price. */
  id: Scalars['ID']['output'];
  /** Surge multiplier from demand and supply near the pickup point, e.g. 1.3; 1 without surge. */
  surge: Scalars['Float']['output'];
};

/** A point on Earth in WGS 84 degrees. */
export type GeoPoint = {
  __typename?: 'GeoPoint';
  /** Latitude, -90 to 90. */
  latitude: Scalars['Float']['output'];
  /** Longitude, -180 to 180. */
  longitude: Scalars['Float']['output'];
};

/** A point on Earth in WGS 84 degrees, as input. */
export type GeoPointInput = {
  /** Latitude, -90 to 90. */
  latitude: Scalars['Float']['input'];
  /** Longitude, -180 to 180. */
  longitude: Scalars['Float']['input'];
};

/** An amount of money: integer minor units (e.g. cents) of an ISO 4217 currency. Never a float. */
export type Money = {
  __typename?: 'Money';
  /** Amount in minor units, e.g. 1250 for 12.50. */
  amountMinor: Scalars['Int']['output'];
  /** ISO 4217 currency code, e.g. USD. */
  currency: Scalars['String']['output'];
};

/**
 * A sum of money too large for `Money`: a month of a city's fares passes GraphQL's 32-bit Int. Integer minor units
 * as decimal digits, never a float.
 */
export type MoneyTotal = {
  __typename?: 'MoneyTotal';
  /** Amount in minor units as a decimal integer string, e.g. `"48211937500"` for 482,119,375.00. */
  amountMinor: Scalars['String']['output'];
  /** ISO 4217 currency code, e.g. USD. */
  currency: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** The offered driver takes the trip (CONFLICT when they are on another trip; ILLEGAL_STATE_TRANSITION when the offer is no longer pending or expired). */
  acceptTrip: TripPayload;
  /** The trip's driver is at the pickup point. */
  arriveAtPickup: TripPayload;
  /**
   * Manual dispatch: gives a waiting trip to an available driver of its category, withdrawing pending offers.
   * A fleet manager may assign drivers of their fleets only.
   */
  assignTrip: TripPayload;
  /**
   * Cancels a trip. The rider may while it is REQUESTED, DRIVER_ASSIGNED or DRIVER_ARRIVED; the driver while
   * DRIVER_ASSIGNED or DRIVER_ARRIVED; operations staff (and the fleet's manager) any time before it ends. A rider
   * cancelling after the driver arrived, or later than the free period after assignment, pays the cancellation fee.
   */
  cancelTrip: TripPayload;
  /** The trip's driver ends the ride; the fare is computed from the distance driven, the time since start and the surge locked at request. */
  completeTrip: TripPayload;
  /**
   * Creates a service area. It offers no ride until `setPricing` gives a category prices (estimateFare there answers
   * CATEGORY_NOT_OFFERED). Input problems come back all at once as `userErrors`, nothing written. Recorded in the audit
   * log (`city.create`).
   */
  createCity: CityPayload;
  /** The offered driver turns the trip down; it is offered to the next driver. */
  declineTrip: TripOfferPayload;
  /**
   * Prices a ride: the rules of the service area around the pickup point, distance and time estimated from the
   * straight line, and a surge from recent requests and available drivers nearby. The estimate is a quote that
   * `requestTrip` honours until it expires. A drop-off outside the pickup's service area, a ride longer than the
   * longest offered or a price above the highest fare is a user error.
   */
  estimateFare: EstimateFarePayload;
  /** Rates the other side of a completed trip, once: the rider rates the driver, the driver rates the rider. */
  rateTrip: TripPayload;
  /**
   * Requests a ride at the quoted (or current) price and offers it to the nearest available driver. A rider has at
   * most one trip in progress (CONFLICT otherwise). No driver answering within the dispatch timeout cancels it. The
   * payment choice is kept on the trip and settled by payments when it ends; a rider who owes money from earlier rides
   * is refused (BALANCE_DUE) until it is repaid.
   */
  requestTrip: TripPayload;
  /**
   * Sets new prices for one category of one city as a new version, taking effect at `effectiveFrom` (now when
   * omitted). Versions are never changed in place: a correction is another version. Quotes already given and trips
   * already requested keep the version that priced them; quotes from `effectiveFrom` on use this one. Recorded in the
   * audit log (`pricing.set`, before: the version in force until then).
   */
  setPricing: SetPricingPayload;
  /** The trip's driver starts the ride with the rider on board. */
  startTrip: TripPayload;
  /**
   * Renames, moves or resizes a service area (its currency is fixed). Quotes already given and trips already requested
   * keep their prices; estimates from now on use the new area. A change that changes nothing records nothing; otherwise
   * recorded in the audit log (`city.update`, before/after of the fields that changed). CITY_NOT_FOUND for an unknown id.
   */
  updateCity: CityPayload;
};


export type MutationAcceptTripArgs = {
  offerId: Scalars['ID']['input'];
};


export type MutationArriveAtPickupArgs = {
  tripId: Scalars['ID']['input'];
};


export type MutationAssignTripArgs = {
  driverId: Scalars['ID']['input'];
  tripId: Scalars['ID']['input'];
};


export type MutationCancelTripArgs = {
  reason?: InputMaybe<Scalars['String']['input']>;
  tripId: Scalars['ID']['input'];
};


export type MutationCompleteTripArgs = {
  distanceMeters: Scalars['Int']['input'];
  tripId: Scalars['ID']['input'];
};


export type MutationCreateCityArgs = {
  input: CreateCityInput;
};


export type MutationDeclineTripArgs = {
  offerId: Scalars['ID']['input'];
};


export type MutationEstimateFareArgs = {
  input: EstimateFareInput;
};


export type MutationRateTripArgs = {
  comment?: InputMaybe<Scalars['String']['input']>;
  rating: Scalars['Int']['input'];
  tripId: Scalars['ID']['input'];
};


export type MutationRequestTripArgs = {
  input: RequestTripInput;
};


export type MutationSetPricingArgs = {
  input: SetPricingInput;
};


export type MutationStartTripArgs = {
  tripId: Scalars['ID']['input'];
};


export type MutationUpdateCityArgs = {
  id: Scalars['ID']['input'];
  input: UpdateCityInput;
};

/**
 * What happened to the trips requested in a time range, for one fleet, one city or every city: counts, rates, pickup
 * times, revenue and driver time. Every number is computed by PostgreSQL from trips' own tables when asked (two
 * aggregate statements, whatever the range); hours are UTC hours.
 */
export type OperationsSummary = {
  __typename?: 'OperationsSummary';
  /**
   * Average time riders waited for their driver: seconds from the request to the driver's arrival at the pickup point,
   * over the trips requested in the range whose driver arrived. Null when no driver arrived.
   */
  averagePickupSeconds: Maybe<Scalars['Float']['output']>;
  /** Share of the trips requested in the range that are CANCELLED (by anyone), 0 to 1; null when none were requested. */
  cancellationRate: Maybe<Scalars['Float']['output']>;
  /** The cancelled trips by who cancelled them: RIDER, DRIVER, OPERATIONS and SYSTEM (no driver found), zeros included. */
  cancellationsBy: Array<TripCancellationCount>;
  /** The city (service area, by name) summarised; null when the summary covers every city. */
  city: Maybe<Scalars['String']['output']>;
  /** Share of the trips requested in the range that are COMPLETED, 0 to 1; null when none were requested. */
  completionRate: Maybe<Scalars['Float']['output']>;
  /**
   * Driver time spent on trips, in hours: from assignment to completion or cancellation, summed over the ended trips
   * requested in the range that had a driver.
   */
  driverHoursOnTrip: Scalars['Float']['output'];
  /** Distinct drivers assigned to at least one trip requested in the range. */
  driversOnTrip: Scalars['Int']['output'];
  /** The fleet summarised; null when the summary is not limited to one fleet. */
  fleetId: Maybe<Scalars['ID']['output']>;
  /** Start of the range (inclusive), as asked. */
  from: Scalars['DateTime']['output'];
  /**
   * Opaque and stable: the range and scope asked for. payments (`commission`) and fleet (`driversOnline`,
   * `driverHoursOnline`, `utilisation`) resolve their fields of the summary by it and check the viewer again.
   */
  id: Scalars['ID']['output'];
  /**
   * Of the offers made in the range that drivers accepted, declined or let expire, the share accepted, 0 to 1.
   * Offers still pending or withdrawn (the trip was cancelled or assigned by hand) do not count. Null when there
   * are none.
   */
  offerAcceptanceRate: Maybe<Scalars['Float']['output']>;
  /** Offers made to drivers in the range (by `offeredAt`), every status. */
  offersMade: Scalars['Int']['output'];
  /**
   * Gross bookings per currency (ascending by code): final fares of the COMPLETED trips plus cancellation fees of the
   * CANCELLED ones, requested in the range. Before commission, refunds and payment failures (payments owns what was
   * collected; the platform's part is `commission`). Empty when there are none.
   */
  revenue: Array<MoneyTotal>;
  /** End of the range (exclusive), as asked. */
  to: Scalars['DateTime']['output'];
  /**
   * One entry per UTC hour from the hour holding `from` up to the hour holding the last instant before `to`, oldest
   * first, hours without requests included with zeros: at most 8,785 entries (366 days).
   */
  tripsByHour: Array<TripHourCount>;
  /** Trips requested in the range by their status now: all six statuses, in the order of `TripStatus`, zeros included. */
  tripsByStatus: Array<TripStatusCount>;
  /** Trips requested in the range (every status). */
  tripsRequested: Scalars['Int']['output'];
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

/** How a rider pays. */
export type PaymentMethodType =
  /** A card saved through the payment provider, charged when the trip ends. */
  | 'CARD'
  /** Cash handed to the driver. */
  | 'CASH'
  /** The rider's prepaid wallet. */
  | 'WALLET';

/** An input problem of a pricing mutation: fix the input and retry. */
export type PricingUserError = {
  __typename?: 'PricingUserError';
  /** Machine-readable kind of problem. */
  code: PricingUserErrorCode;
  /** Path to the offending input field, e.g. `["input", "minimumFare"]`; null when it concerns the whole input. */
  field: Maybe<Array<Scalars['String']['output']>>;
  /** What is wrong, in words for a person. */
  message: Scalars['String']['output'];
};

/** What is wrong with a pricing mutation's input. */
export type PricingUserErrorCode =
  /** No city has this id. */
  | 'CITY_NOT_FOUND'
  /** The city already has a version of this category taking effect at exactly this instant (e.g. set by someone else just now). */
  | 'EFFECTIVE_FROM_TAKEN'
  /** The free cancellation period is not 0 to 3600 seconds. */
  | 'INVALID_CANCELLATION_PERIOD'
  /** effectiveFrom is in the past or more than a year ahead. */
  | 'INVALID_EFFECTIVE_FROM'
  /** A money amount is negative or above the highest fare (default 1,000,000 minor units), or the minimum fare is below the base fare (`field` says which). */
  | 'INVALID_PRICE'
  /** The surge cap is not 1.0 to 10.0 in steps of 0.1. */
  | 'INVALID_SURGE_CAP';

/**
 * What a ride of one category costs in one city from `effectiveFrom` on, in minor units of the city's currency. A
 * version is in force from its `effectiveFrom` until a later version of the same city and category takes effect. A
 * quote (`estimateFare`) and the trip requested with it keep the version that priced them: the final fare and a
 * cancellation fee use that version, however the prices change afterwards.
 */
export type PricingVersion = {
  __typename?: 'PricingVersion';
  /** Charged for every ride. */
  baseFare: Money;
  /** What a rider pays for cancelling after the driver arrived, or later than `cancellationFreeSeconds` after assignment. */
  cancellationFee: Money;
  /** Seconds after a driver's assignment within which a rider cancels for free (until the driver arrives). */
  cancellationFreeSeconds: Scalars['Int']['output'];
  /** Service level priced. */
  category: VehicleCategory;
  /** When it was set. */
  createdAt: Scalars['DateTime']['output'];
  /** Who set it; null for the prices the city started with. */
  createdBy: Maybe<User>;
  /** When it takes (or took) effect. */
  effectiveFrom: Scalars['DateTime']['output'];
  /** Stable identifier of the version. */
  id: Scalars['ID']['output'];
  /** The least a ride costs before surge. */
  minimumFare: Money;
  /** Charged per kilometre driven (pro rata per metre). */
  perKm: Money;
  /** Charged per minute of ride (pro rata per second). */
  perMinute: Money;
  /** The highest surge multiplier, e.g. 3.0. */
  surgeCap: Scalars['Float']['output'];
  /** 1, 2, 3… per city and category, in the order the versions were set. */
  version: Scalars['Int']['output'];
};

/** A page of pricing versions, newest effectiveFrom first. */
export type PricingVersionConnection = {
  __typename?: 'PricingVersionConnection';
  /** The versions of this page. */
  edges: Array<PricingVersionEdge>;
  /** Where this page is. */
  pageInfo: PageInfo;
};

/** A pricing version with a cursor, in a connection. */
export type PricingVersionEdge = {
  __typename?: 'PricingVersionEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The version. */
  node: PricingVersion;
};

export type Query = {
  __typename?: 'Query';
  /** Every service area, by name, with its prices. Staff only. */
  cities: Array<City>;
  /** The city with this id, or null when there is none. Staff only. */
  city: Maybe<City>;
  /**
   * The operations summary of the trips requested from `from` (inclusive) to `to` (exclusive), at most 366 days.
   * SUPER_ADMIN and OPERATIONS may summarise any fleet, any city or everything; a FLEET_MANAGER their fleets only:
   * without `fleetId`, all the fleets they manage together; another `fleetId` is FORBIDDEN. `to` not after `from`, a
   * range longer than 366 days or a `fleetId` that is not a UUID is BAD_USER_INPUT. An unknown fleet or city gives zeros.
   * `commission` comes from payments, `driversOnline`, `driverHoursOnline` and `utilisation` from fleet (by the
   * summary's `id`).
   */
  operationsSummary: OperationsSummary;
  /** The trip with this id, or null when there is none or the viewer may not see it (its rider, its driver, operations staff and the manager of its fleet may). */
  trip: Maybe<Trip>;
  /** The trips board: trips newest first, optionally with one status and of one fleet. Every fleet for operations staff; a fleet manager sees only their fleets' trips. */
  trips: TripConnection;
};


export type QueryCityArgs = {
  id: Scalars['ID']['input'];
};


export type QueryOperationsSummaryArgs = {
  city?: InputMaybe<Scalars['String']['input']>;
  fleetId?: InputMaybe<Scalars['ID']['input']>;
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
};


export type QueryTripArgs = {
  id: Scalars['ID']['input'];
};


export type QueryTripsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  fleetId?: InputMaybe<Scalars['ID']['input']>;
  requestedAfter?: InputMaybe<Scalars['DateTime']['input']>;
  requestedBefore?: InputMaybe<Scalars['DateTime']['input']>;
  status?: InputMaybe<TripStatus>;
};

/** A ride to request. */
export type RequestTripInput = {
  /** Service level. */
  category: VehicleCategory;
  /** Drop-off point, inside the pickup's service area and at most the longest ride (default 150 km by road) away. */
  dropoff: GeoPointInput;
  /** How the rider pays; omit to pay with their default method (decided when the trip is settled). */
  payment?: InputMaybe<TripPaymentInput>;
  /** Pickup point, inside a service area. */
  pickup: GeoPointInput;
  /** Id of a `FareEstimate` for this route and category to keep its price; omit to be priced now. */
  quoteId?: InputMaybe<Scalars['ID']['input']>;
};

/** New prices for one category of one city. Money in integer minor units of the city's currency. */
export type SetPricingInput = {
  /** Charged for every ride, 0 or more. */
  baseFare: Scalars['Int']['input'];
  /** Fee for a late cancellation by the rider, 0 or more. */
  cancellationFee: Scalars['Int']['input'];
  /** Seconds after assignment within which a rider cancels for free, 0 to 3600. */
  cancellationFreeSeconds: Scalars['Int']['input'];
  /** Service level; setting prices for a category the city did not offer starts offering it. */
  category: VehicleCategory;
  /** The city (`City.id`). */
  cityId: Scalars['ID']['input'];
  /**
   * When the prices take effect: now when omitted; up to a year ahead. An instant in the past is refused (up to 60
   * seconds of clock skew are taken as now). Quotes given before it keep the prices they were given.
   */
  effectiveFrom?: InputMaybe<Scalars['DateTime']['input']>;
  /** The least a ride costs before surge: at least `baseFare`. */
  minimumFare: Scalars['Int']['input'];
  /** Per kilometre driven, 0 or more. */
  perKm: Scalars['Int']['input'];
  /** Per minute of ride, 0 or more. */
  perMinute: Scalars['Int']['input'];
  /** Highest surge multiplier, 1.0 to 10.0 in steps of 0.1. */
  surgeCap: Scalars['Float']['input'];
};

/** Result of `setPricing`. */
export type SetPricingPayload = {
  __typename?: 'SetPricingPayload';
  /** The new version; null when `userErrors` is not empty. */
  pricing: Maybe<PricingVersion>;
  /** Input problems; empty on success (nothing was written otherwise). */
  userErrors: Array<PricingUserError>;
};

/** Live updates, over graphql-ws (`graphql-transport-ws`) on the gateway's /graphql. The access token goes in the `connection_init` payload: `{ "authorization": "Bearer <access token>" }`. */
export type Subscription = {
  __typename?: 'Subscription';
  /**
   * Every trip offered to the signed-in driver from now on, as it is offered; answer with `acceptTrip` or
   * `declineTrip` before `expiresAt`. An offer is shown with its status when the event is delivered (a late one may
   * already be EXPIRED or WITHDRAWN). Live only: after reconnecting, read `Driver.pendingOffer`.
   */
  tripOffered: TripOffer;
  /**
   * The trip each time it changes — every status change, the driver's assignment, the fare, a rating — for whoever
   * may see it: its rider, its driver, operations staff and the manager of its fleet. An unknown trip and one the
   * viewer may not see are both NOT_FOUND; who may see it is checked again on every change (a trip gains a driver
   * and a fleet when it is assigned). Live only: a change made while the client is disconnected is not replayed
   * (query `trip(id)` after reconnecting).
   */
  tripUpdated: Trip;
};


/** Live updates, over graphql-ws (`graphql-transport-ws`) on the gateway's /graphql. The access token goes in the `connection_init` payload: `{ "authorization": "Bearer <access token>" }`. */
export type SubscriptionTripUpdatedArgs = {
  id: Scalars['ID']['input'];
};

/** A ride from pickup to drop-off. Visible to its rider, its driver, operations staff and the manager of its fleet. */
export type Trip = {
  __typename?: 'Trip';
  /** When the driver reported arriving at the pickup point; null before. */
  arrivedAt: Maybe<Scalars['DateTime']['output']>;
  /** When a driver was assigned; null before. */
  assignedAt: Maybe<Scalars['DateTime']['output']>;
  /** Fee charged to the rider for a late cancellation; null when free or not cancelled. */
  cancellationFee: Maybe<Money>;
  /** Why it was cancelled, as given (SYSTEM: NO_DRIVER_AVAILABLE); null when no reason was given. */
  cancellationReason: Maybe<Scalars['String']['output']>;
  /** When it was cancelled; null unless CANCELLED. */
  cancelledAt: Maybe<Scalars['DateTime']['output']>;
  /** Who cancelled it; null unless CANCELLED. */
  cancelledBy: Maybe<TripActorRole>;
  /** Service level requested. */
  category: VehicleCategory;
  /** When it completed; null unless COMPLETED. */
  completedAt: Maybe<Scalars['DateTime']['output']>;
  /** Distance driven in metres; null before completion. */
  distanceMeters: Maybe<Scalars['Int']['output']>;
  /** The assigned driver; null until one accepts. */
  driver: Maybe<Driver>;
  /** The driver's rating of the rider; null until given. */
  driverRating: Maybe<TripRating>;
  /** Where the rider is dropped off; null only for trips recorded before drop-off points were stored. */
  dropoff: Maybe<GeoPoint>;
  /** Ride duration in seconds, from start to completion; null before completion. */
  durationSeconds: Maybe<Scalars['Int']['output']>;
  /** The upfront price given at request (surge included); the final fare is computed from the actual distance and time. Null for trips recorded before prices were estimated. */
  estimatedFare: Maybe<Money>;
  /** Final fare once completed; null before. */
  fare: Maybe<Money>;
  /** Every status change, oldest first, the request included. */
  history: Array<TripStatusChange>;
  /** Stable identifier of the trip. */
  id: Scalars['ID']['output'];
  /**
   * How the rider chose to pay when requesting the trip (CASH: the driver collects it); null when they left it to their
   * default method, which payments applies when the trip is settled.
   */
  paymentMethod: Maybe<PaymentMethodType>;
  /** Where the rider is picked up; null only for trips recorded before pickup points were stored. */
  pickup: Maybe<GeoPoint>;
  /** When the rider requested it. */
  requestedAt: Scalars['DateTime']['output'];
  /**
   * The rider who requested it. Its `name` comes from trips' copy of the account's name (identity announces every
   * change; a rename arrives within a second or so), so a list of trips with riders' names needs no call to identity and
   * stands while identity is down. Null, with a SERVICE_UNAVAILABLE error at the path of the field that failed inside
   * it, only when a non-null field of the rider cannot be read right now: another of identity's fields while identity is
   * unreachable, or `name` for a moment after the account is made, before trips has learned it. The trip itself is
   * still returned.
   */
  rider: Maybe<User>;
  /** The rider's rating of the driver; null until given. */
  riderRating: Maybe<TripRating>;
  /** When the ride started (rider on board); null before. */
  startedAt: Maybe<Scalars['DateTime']['output']>;
  /** Where the trip is in its life. */
  status: TripStatus;
  /** Surge multiplier locked at request, e.g. 1.5; 1 when there was no surge. */
  surge: Scalars['Float']['output'];
  /** The vehicle that drove it; null until a driver accepts. */
  vehicle: Maybe<Vehicle>;
};

/** Who caused a change of a trip. */
export type TripActorRole =
  /** The trip's driver. */
  | 'DRIVER'
  /** Operations staff or the manager of the driver's fleet. */
  | 'OPERATIONS'
  /** The trip's rider. */
  | 'RIDER'
  /** Ridegraph itself, e.g. no driver was found in time. */
  | 'SYSTEM';

/** How many trips were cancelled by one kind of actor. */
export type TripCancellationCount = {
  __typename?: 'TripCancellationCount';
  /** Who cancelled. */
  by: TripActorRole;
  /** Trips they cancelled. */
  count: Scalars['Int']['output'];
};

/** A page of trips, newest first. */
export type TripConnection = {
  __typename?: 'TripConnection';
  /** The trips of this page. */
  edges: Array<TripEdge>;
  /** Where this page is. */
  pageInfo: PageInfo;
  /**
   * How many trips the list holds across all its pages, with the same filters (and the same visibility) as the page.
   * Counted only when selected: leave it out unless the screen shows it.
   */
  totalCount: Scalars['Int']['output'];
};

/** A trip with a cursor, in a connection. */
export type TripEdge = {
  __typename?: 'TripEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The trip. */
  node: Trip;
};

/** The trips requested in one UTC hour and what became of them. */
export type TripHourCount = {
  __typename?: 'TripHourCount';
  /** Of them, how many are CANCELLED now. */
  cancelled: Scalars['Int']['output'];
  /** Of them, how many are COMPLETED now. */
  completed: Scalars['Int']['output'];
  /** Start of the hour (UTC). */
  hour: Scalars['DateTime']['output'];
  /** Trips requested in this hour. */
  requested: Scalars['Int']['output'];
};

/** A trip offered to one driver, who accepts or declines it before it expires. */
export type TripOffer = {
  __typename?: 'TripOffer';
  /** When it expires unanswered. */
  expiresAt: Scalars['DateTime']['output'];
  /** Stable identifier of the offer; pass it to `acceptTrip` or `declineTrip`. */
  id: Scalars['ID']['output'];
  /** When it was offered. */
  offeredAt: Scalars['DateTime']['output'];
  /** Where the offer is. */
  status: TripOfferStatus;
  /** The trip on offer. */
  trip: Trip;
};

/** Result of `declineTrip`. */
export type TripOfferPayload = {
  __typename?: 'TripOfferPayload';
  /** The offer as it is now; null when `userErrors` is not empty. */
  offer: Maybe<TripOffer>;
  /** Input problems; empty on success. */
  userErrors: Array<TripUserError>;
};

/** Where an offer to a driver is. */
export type TripOfferStatus =
  /** The driver took the trip. */
  | 'ACCEPTED'
  /** The driver said no. */
  | 'DECLINED'
  /** The driver did not answer in time. */
  | 'EXPIRED'
  /** Waiting for the driver's answer until `expiresAt`. */
  | 'PENDING'
  /** Taken back: the trip was cancelled or assigned by operations. */
  | 'WITHDRAWN';

/** Result of a trip mutation. */
export type TripPayload = {
  __typename?: 'TripPayload';
  /** The trip as it is now; null when `userErrors` is not empty. */
  trip: Maybe<Trip>;
  /** Input problems; empty on success. */
  userErrors: Array<TripUserError>;
};

/** How the rider pays for a trip. */
export type TripPaymentInput = {
  /** The saved card (`PaymentMethod.id`) for CARD; omit for WALLET and CASH. */
  cardId?: InputMaybe<Scalars['ID']['input']>;
  /** The method. */
  method: PaymentMethodType;
};

/** A rating one side of a completed trip gave the other. */
export type TripRating = {
  __typename?: 'TripRating';
  /** Optional words with it. */
  comment: Maybe<Scalars['String']['output']>;
  /** Stable identifier of the rating. */
  id: Scalars['ID']['output'];
  /** When it was given. */
  ratedAt: Scalars['DateTime']['output'];
  /** Stars from 1 to 5. */
  rating: Scalars['Int']['output'];
};

/** Where a trip is in its life. */
export type TripStatus =
  /** Ended before completion. */
  | 'CANCELLED'
  /** Arrived; the fare is final. */
  | 'COMPLETED'
  /** The driver is at the pickup point. */
  | 'DRIVER_ARRIVED'
  /** A driver accepted and is on the way. */
  | 'DRIVER_ASSIGNED'
  /** The rider is on board. */
  | 'IN_PROGRESS'
  /** Waiting for a driver. */
  | 'REQUESTED';

/** One step of a trip's life. */
export type TripStatusChange = {
  __typename?: 'TripStatusChange';
  /** The user who caused it; null for SYSTEM. */
  actor: Maybe<User>;
  /** Who caused it. */
  actorRole: TripActorRole;
  /** When it happened. */
  at: Scalars['DateTime']['output'];
  /** Status before; null for the request that created the trip. */
  from: Maybe<TripStatus>;
  /** Stable identifier of this change. */
  id: Scalars['ID']['output'];
  /** Why, when a reason was given (cancellations). */
  reason: Maybe<Scalars['String']['output']>;
  /** Status after. */
  to: TripStatus;
};

/** How many trips are in one status. */
export type TripStatusCount = {
  __typename?: 'TripStatusCount';
  /** Trips in it. */
  count: Scalars['Int']['output'];
  /** The status. */
  status: TripStatus;
};

/** An input problem of a trip mutation: fix the input and retry. */
export type TripUserError = {
  __typename?: 'TripUserError';
  /** Machine-readable kind of problem. */
  code: TripUserErrorCode;
  /** Path to the offending argument or input field, e.g. `["input", "pickup"]`; null when it concerns the whole input. */
  field: Maybe<Array<Scalars['String']['output']>>;
  /** What is wrong, in words for a person. */
  message: Scalars['String']['output'];
};

/** What is wrong with a trip mutation's input. */
export type TripUserErrorCode =
  /** The rider owes money from earlier rides (`Wallet.balanceDue`); a top-up repays it. */
  | 'BALANCE_DUE'
  /** The service area does not offer this category. */
  | 'CATEGORY_NOT_OFFERED'
  /** Dispatch knows no driver with this id. */
  | 'DRIVER_NOT_FOUND'
  /** The driver cannot take this trip now (not available, another category, or busy). */
  | 'DRIVER_UNAVAILABLE'
  /** The price is above the highest fare the platform charges (default 1,000,000 minor units). */
  | 'FARE_TOO_HIGH'
  /** A coordinate is out of range or not a number. */
  | 'INVALID_COORDINATES'
  /** The distance is negative or more than twice the longest ride offered. */
  | 'INVALID_DISTANCE'
  /** cardId given without CARD, or missing for CARD, or not an id. */
  | 'INVALID_PAYMENT'
  /** The quote is unknown, someone else's, already used, or for another category or route. */
  | 'INVALID_QUOTE'
  /** The rating is not a whole number from 1 to 5, or the comment is too long. */
  | 'INVALID_RATING'
  /** The reason is too long. */
  | 'INVALID_REASON'
  /** The pickup point is outside every service area, or the drop-off point outside the pickup's (`field` says which). */
  | 'OUTSIDE_SERVICE_AREA'
  /** The quote has expired; estimate again. */
  | 'QUOTE_EXPIRED'
  /** The ride is longer by road than the longest ride offered (default 150 km). */
  | 'TRIP_TOO_LONG';

/** Changes to a service area; a field left out (or null) stays as it is. The currency cannot change. */
export type UpdateCityInput = {
  /** New centre: pickups are priced by the city from the next estimate on; quotes and trips keep the prices they had. */
  center?: InputMaybe<GeoPointInput>;
  /**
   * New unique name, 1 to 100 characters after trimming. Trips, events and the operations summary follow the city (the
   * summary's `city` argument takes the new name, for the city's whole history); payments' commission rules for the
   * city are keyed by its name and must be renamed with it.
   */
  name?: InputMaybe<Scalars['String']['input']>;
  /** New radius in metres, 100 to 200000. */
  radiusMeters?: InputMaybe<Scalars['Int']['input']>;
};

/** A person with an account: a rider, a driver or a member of staff. */
export type User = {
  __typename?: 'User';
  /** Stable identifier of the user. */
  id: Scalars['ID']['output'];
  /** Name shown to riders, drivers and staff. */
  name: Scalars['String']['output'];
  /**
   * Trips this user requested as a rider, newest first. Only the user themselves and operations staff may read them:
   * for anyone else this field is null with a FORBIDDEN error at its path. Also null, with a SERVICE_UNAVAILABLE error
   * at its path, while the trips service cannot be reached.
   */
  trips: Maybe<TripConnection>;
};


/** A person with an account: a rider, a driver or a member of staff. */
export type UserTripsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A vehicle of a fleet. */
export type Vehicle = {
  __typename?: 'Vehicle';
  /** Stable identifier of the vehicle. */
  id: Scalars['ID']['output'];
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
  OperationsSummary: OperationsSummary;
  Trip: Trip;
  User: User;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Driver:
    ( { __typename: 'Driver' }
    & GraphQLRecursivePick<FederationTypes['Driver'], {"id":true}> );
  OperationsSummary:
    ( { __typename: 'OperationsSummary' }
    & GraphQLRecursivePick<FederationTypes['OperationsSummary'], {"id":true}> );
  Trip:
    ( { __typename: 'Trip' }
    & GraphQLRecursivePick<FederationTypes['Trip'], {"id":true}> );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  City: ResolverTypeWrapper<CityModel>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  CityPayload: ResolverTypeWrapper<Omit<CityPayload, 'city'> & { city?: Maybe<ResolversTypes['City']> }>;
  CityUserError: ResolverTypeWrapper<CityUserError>;
  CityUserErrorCode: CityUserErrorCode;
  CreateCityInput: CreateCityInput;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Driver: ResolverTypeWrapper<DriverRef>;
  EstimateFareInput: EstimateFareInput;
  EstimateFarePayload: ResolverTypeWrapper<EstimateFarePayload>;
  FareEstimate: ResolverTypeWrapper<FareEstimate>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  GeoPoint: ResolverTypeWrapper<GeoPoint>;
  GeoPointInput: GeoPointInput;
  Money: ResolverTypeWrapper<Money>;
  MoneyTotal: ResolverTypeWrapper<MoneyTotal>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  OperationsSummary: ResolverTypeWrapper<OperationsSummary>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  PaymentMethodType: PaymentMethodType;
  PricingUserError: ResolverTypeWrapper<PricingUserError>;
  PricingUserErrorCode: PricingUserErrorCode;
  PricingVersion: ResolverTypeWrapper<PricingVersionModel>;
  PricingVersionConnection: ResolverTypeWrapper<Omit<PricingVersionConnection, 'edges'> & { edges: Array<ResolversTypes['PricingVersionEdge']> }>;
  PricingVersionEdge: ResolverTypeWrapper<Omit<PricingVersionEdge, 'node'> & { node: ResolversTypes['PricingVersion'] }>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RequestTripInput: RequestTripInput;
  SetPricingInput: SetPricingInput;
  SetPricingPayload: ResolverTypeWrapper<Omit<SetPricingPayload, 'pricing'> & { pricing?: Maybe<ResolversTypes['PricingVersion']> }>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Trip: ResolverTypeWrapper<TripModel>;
  TripActorRole: TripActorRole;
  TripCancellationCount: ResolverTypeWrapper<TripCancellationCount>;
  TripConnection: ResolverTypeWrapper<TripConnectionModel>;
  TripEdge: ResolverTypeWrapper<Omit<TripEdge, 'node'> & { node: ResolversTypes['Trip'] }>;
  TripHourCount: ResolverTypeWrapper<TripHourCount>;
  TripOffer: ResolverTypeWrapper<Omit<TripOffer, 'trip'> & { trip: ResolversTypes['Trip'] }>;
  TripOfferPayload: ResolverTypeWrapper<Omit<TripOfferPayload, 'offer'> & { offer?: Maybe<ResolversTypes['TripOffer']> }>;
  TripOfferStatus: TripOfferStatus;
  TripPayload: ResolverTypeWrapper<Omit<TripPayload, 'trip'> & { trip?: Maybe<ResolversTypes['Trip']> }>;
  TripPaymentInput: TripPaymentInput;
  TripRating: ResolverTypeWrapper<TripRating>;
  TripStatus: TripStatus;
  TripStatusChange: ResolverTypeWrapper<Omit<TripStatusChange, 'actor'> & { actor?: Maybe<ResolversTypes['User']> }>;
  TripStatusCount: ResolverTypeWrapper<TripStatusCount>;
  TripUserError: ResolverTypeWrapper<TripUserError>;
  TripUserErrorCode: TripUserErrorCode;
  UpdateCityInput: UpdateCityInput;
  User: ResolverTypeWrapper<UserRef>;
  Vehicle: ResolverTypeWrapper<Vehicle>;
  VehicleCategory: VehicleCategory;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  City: CityModel;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  CityPayload: Omit<CityPayload, 'city'> & { city?: Maybe<ResolversParentTypes['City']> };
  CityUserError: CityUserError;
  CreateCityInput: CreateCityInput;
  DateTime: Scalars['DateTime']['output'];
  Driver: DriverRef;
  EstimateFareInput: EstimateFareInput;
  EstimateFarePayload: EstimateFarePayload;
  FareEstimate: FareEstimate;
  Float: Scalars['Float']['output'];
  GeoPoint: GeoPoint;
  GeoPointInput: GeoPointInput;
  Money: Money;
  MoneyTotal: MoneyTotal;
  Mutation: Record<PropertyKey, never>;
  OperationsSummary: OperationsSummary | FederationReferenceTypes['OperationsSummary'];
  PageInfo: PageInfo;
  Boolean: Scalars['Boolean']['output'];
  PricingUserError: PricingUserError;
  PricingVersion: PricingVersionModel;
  PricingVersionConnection: Omit<PricingVersionConnection, 'edges'> & { edges: Array<ResolversParentTypes['PricingVersionEdge']> };
  PricingVersionEdge: Omit<PricingVersionEdge, 'node'> & { node: ResolversParentTypes['PricingVersion'] };
  Query: Record<PropertyKey, never>;
  RequestTripInput: RequestTripInput;
  SetPricingInput: SetPricingInput;
  SetPricingPayload: Omit<SetPricingPayload, 'pricing'> & { pricing?: Maybe<ResolversParentTypes['PricingVersion']> };
  Subscription: Record<PropertyKey, never>;
  Trip: TripModel;
  TripCancellationCount: TripCancellationCount;
  TripConnection: TripConnectionModel;
  TripEdge: Omit<TripEdge, 'node'> & { node: ResolversParentTypes['Trip'] };
  TripHourCount: TripHourCount;
  TripOffer: Omit<TripOffer, 'trip'> & { trip: ResolversParentTypes['Trip'] };
  TripOfferPayload: Omit<TripOfferPayload, 'offer'> & { offer?: Maybe<ResolversParentTypes['TripOffer']> };
  TripPayload: Omit<TripPayload, 'trip'> & { trip?: Maybe<ResolversParentTypes['Trip']> };
  TripPaymentInput: TripPaymentInput;
  TripRating: TripRating;
  TripStatusChange: Omit<TripStatusChange, 'actor'> & { actor?: Maybe<ResolversParentTypes['User']> };
  TripStatusCount: TripStatusCount;
  TripUserError: TripUserError;
  UpdateCityInput: UpdateCityInput;
  User: UserRef;
  Vehicle: Vehicle;
}>;

export type PublicDirectiveArgs = { };

export type PublicDirectiveResolver<Result, Parent, ContextType = TripsContext, Args = PublicDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type CityResolvers<ContextType = TripsContext, ParentType extends ResolversParentTypes['City'] = ResolversParentTypes['City']> = ResolversObject<{
  center?: Resolver<ResolversTypes['GeoPoint'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  pricing?: Resolver<Maybe<ResolversTypes['PricingVersion']>, ParentType, ContextType, RequireFields<CityPricingArgs, 'category'>>;
  pricingHistory?: Resolver<ResolversTypes['PricingVersionConnection'], ParentType, ContextType, RequireFields<CityPricingHistoryArgs, 'first'>>;
  radiusMeters?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type CityPayloadResolvers<ContextType = TripsContext, ParentType extends ResolversParentTypes['CityPayload'] = ResolversParentTypes['CityPayload']> = ResolversObject<{
  city?: Resolver<Maybe<ResolversTypes['City']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['CityUserError']>, ParentType, ContextType>;
}>;

export type CityUserErrorResolvers<ContextType = TripsContext, ParentType extends ResolversParentTypes['CityUserError'] = ResolversParentTypes['CityUserError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['CityUserErrorCode'], ParentType, ContextType>;
  field?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DriverResolvers<ContextType = TripsContext, ParentType extends ResolversParentTypes['Driver'] = ResolversParentTypes['Driver'], FederationReferenceType extends FederationReferenceTypes['Driver'] = FederationReferenceTypes['Driver']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Driver']> | FederationReferenceType, FederationReferenceType, ContextType>;
  activeTrip?: Resolver<Maybe<ResolversTypes['Trip']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  pendingOffer?: Resolver<Maybe<ResolversTypes['TripOffer']>, ParentType, ContextType>;
  trips?: Resolver<Maybe<ResolversTypes['TripConnection']>, ParentType, ContextType, RequireFields<DriverTripsArgs, 'first'>>;
}>;

export type EstimateFarePayloadResolvers<ContextType = TripsContext, ParentType extends ResolversParentTypes['EstimateFarePayload'] = ResolversParentTypes['EstimateFarePayload']> = ResolversObject<{
  estimate?: Resolver<Maybe<ResolversTypes['FareEstimate']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['TripUserError']>, ParentType, ContextType>;
}>;

export type FareEstimateResolvers<ContextType = TripsContext, ParentType extends ResolversParentTypes['FareEstimate'] = ResolversParentTypes['FareEstimate']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  category?: Resolver<ResolversTypes['VehicleCategory'], ParentType, ContextType>;
  city?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  distanceMeters?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  durationSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  surge?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type GeoPointResolvers<ContextType = TripsContext, ParentType extends ResolversParentTypes['GeoPoint'] = ResolversParentTypes['GeoPoint']> = ResolversObject<{
  latitude?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  longitude?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type MoneyResolvers<ContextType = TripsContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = ResolversObject<{
  amountMinor?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type MoneyTotalResolvers<ContextType = TripsContext, ParentType extends ResolversParentTypes['MoneyTotal'] = ResolversParentTypes['MoneyTotal']> = ResolversObject<{
  amountMinor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = TripsContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  acceptTrip?: Resolver<ResolversTypes['TripPayload'], ParentType, ContextType, RequireFields<MutationAcceptTripArgs, 'offerId'>>;
  arriveAtPickup?: Resolver<ResolversTypes['TripPayload'], ParentType, ContextType, RequireFields<MutationArriveAtPickupArgs, 'tripId'>>;
  assignTrip?: Resolver<ResolversTypes['TripPayload'], ParentType, ContextType, RequireFields<MutationAssignTripArgs, 'driverId' | 'tripId'>>;
  cancelTrip?: Resolver<ResolversTypes['TripPayload'], ParentType, ContextType, RequireFields<MutationCancelTripArgs, 'tripId'>>;
  completeTrip?: Resolver<ResolversTypes['TripPayload'], ParentType, ContextType, RequireFields<MutationCompleteTripArgs, 'distanceMeters' | 'tripId'>>;
  createCity?: Resolver<ResolversTypes['CityPayload'], ParentType, ContextType, RequireFields<MutationCreateCityArgs, 'input'>>;
  declineTrip?: Resolver<ResolversTypes['TripOfferPayload'], ParentType, ContextType, RequireFields<MutationDeclineTripArgs, 'offerId'>>;
  estimateFare?: Resolver<ResolversTypes['EstimateFarePayload'], ParentType, ContextType, RequireFields<MutationEstimateFareArgs, 'input'>>;
  rateTrip?: Resolver<ResolversTypes['TripPayload'], ParentType, ContextType, RequireFields<MutationRateTripArgs, 'rating' | 'tripId'>>;
  requestTrip?: Resolver<ResolversTypes['TripPayload'], ParentType, ContextType, RequireFields<MutationRequestTripArgs, 'input'>>;
  setPricing?: Resolver<ResolversTypes['SetPricingPayload'], ParentType, ContextType, RequireFields<MutationSetPricingArgs, 'input'>>;
  startTrip?: Resolver<ResolversTypes['TripPayload'], ParentType, ContextType, RequireFields<MutationStartTripArgs, 'tripId'>>;
  updateCity?: Resolver<ResolversTypes['CityPayload'], ParentType, ContextType, RequireFields<MutationUpdateCityArgs, 'id' | 'input'>>;
}>;

export type OperationsSummaryResolvers<ContextType = TripsContext, ParentType extends ResolversParentTypes['OperationsSummary'] = ResolversParentTypes['OperationsSummary'], FederationReferenceType extends FederationReferenceTypes['OperationsSummary'] = FederationReferenceTypes['OperationsSummary']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['OperationsSummary']> | FederationReferenceType, FederationReferenceType, ContextType>;
  averagePickupSeconds?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  cancellationRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  cancellationsBy?: Resolver<Array<ResolversTypes['TripCancellationCount']>, ParentType, ContextType>;
  city?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  completionRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  driverHoursOnTrip?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  driversOnTrip?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  fleetId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  from?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  offerAcceptanceRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  offersMade?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  revenue?: Resolver<Array<ResolversTypes['MoneyTotal']>, ParentType, ContextType>;
  to?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  tripsByHour?: Resolver<Array<ResolversTypes['TripHourCount']>, ParentType, ContextType>;
  tripsByStatus?: Resolver<Array<ResolversTypes['TripStatusCount']>, ParentType, ContextType>;
  tripsRequested?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = TripsContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type PricingUserErrorResolvers<ContextType = TripsContext, ParentType extends ResolversParentTypes['PricingUserError'] = ResolversParentTypes['PricingUserError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['PricingUserErrorCode'], ParentType, ContextType>;
  field?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type PricingVersionResolvers<ContextType = TripsContext, ParentType extends ResolversParentTypes['PricingVersion'] = ResolversParentTypes['PricingVersion']> = ResolversObject<{
  baseFare?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  cancellationFee?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  cancellationFreeSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  category?: Resolver<ResolversTypes['VehicleCategory'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  createdBy?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  effectiveFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  minimumFare?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  perKm?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  perMinute?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  surgeCap?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type PricingVersionConnectionResolvers<ContextType = TripsContext, ParentType extends ResolversParentTypes['PricingVersionConnection'] = ResolversParentTypes['PricingVersionConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['PricingVersionEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type PricingVersionEdgeResolvers<ContextType = TripsContext, ParentType extends ResolversParentTypes['PricingVersionEdge'] = ResolversParentTypes['PricingVersionEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['PricingVersion'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = TripsContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  cities?: Resolver<Array<ResolversTypes['City']>, ParentType, ContextType>;
  city?: Resolver<Maybe<ResolversTypes['City']>, ParentType, ContextType, RequireFields<QueryCityArgs, 'id'>>;
  operationsSummary?: Resolver<ResolversTypes['OperationsSummary'], ParentType, ContextType, RequireFields<QueryOperationsSummaryArgs, 'from' | 'to'>>;
  trip?: Resolver<Maybe<ResolversTypes['Trip']>, ParentType, ContextType, RequireFields<QueryTripArgs, 'id'>>;
  trips?: Resolver<ResolversTypes['TripConnection'], ParentType, ContextType, RequireFields<QueryTripsArgs, 'first'>>;
}>;

export type SetPricingPayloadResolvers<ContextType = TripsContext, ParentType extends ResolversParentTypes['SetPricingPayload'] = ResolversParentTypes['SetPricingPayload']> = ResolversObject<{
  pricing?: Resolver<Maybe<ResolversTypes['PricingVersion']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['PricingUserError']>, ParentType, ContextType>;
}>;

export type SubscriptionResolvers<ContextType = TripsContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = ResolversObject<{
  tripOffered?: SubscriptionResolver<ResolversTypes['TripOffer'], "tripOffered", ParentType, ContextType>;
  tripUpdated?: SubscriptionResolver<ResolversTypes['Trip'], "tripUpdated", ParentType, ContextType, RequireFields<SubscriptionTripUpdatedArgs, 'id'>>;
}>;

export type TripResolvers<ContextType = TripsContext, ParentType extends ResolversParentTypes['Trip'] = ResolversParentTypes['Trip'], FederationReferenceType extends FederationReferenceTypes['Trip'] = FederationReferenceTypes['Trip']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Trip']> | FederationReferenceType, FederationReferenceType, ContextType>;
  arrivedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  assignedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  cancellationFee?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  cancellationReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  cancelledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  cancelledBy?: Resolver<Maybe<ResolversTypes['TripActorRole']>, ParentType, ContextType>;
  category?: Resolver<ResolversTypes['VehicleCategory'], ParentType, ContextType>;
  completedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  distanceMeters?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  driver?: Resolver<Maybe<ResolversTypes['Driver']>, ParentType, ContextType>;
  driverRating?: Resolver<Maybe<ResolversTypes['TripRating']>, ParentType, ContextType>;
  dropoff?: Resolver<Maybe<ResolversTypes['GeoPoint']>, ParentType, ContextType>;
  durationSeconds?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  estimatedFare?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  fare?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['TripStatusChange']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  paymentMethod?: Resolver<Maybe<ResolversTypes['PaymentMethodType']>, ParentType, ContextType>;
  pickup?: Resolver<Maybe<ResolversTypes['GeoPoint']>, ParentType, ContextType>;
  requestedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  rider?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  riderRating?: Resolver<Maybe<ResolversTypes['TripRating']>, ParentType, ContextType>;
  startedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['TripStatus'], ParentType, ContextType>;
  surge?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  vehicle?: Resolver<Maybe<ResolversTypes['Vehicle']>, ParentType, ContextType>;
}>;

export type TripCancellationCountResolvers<ContextType = TripsContext, ParentType extends ResolversParentTypes['TripCancellationCount'] = ResolversParentTypes['TripCancellationCount']> = ResolversObject<{
  by?: Resolver<ResolversTypes['TripActorRole'], ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type TripConnectionResolvers<ContextType = TripsContext, ParentType extends ResolversParentTypes['TripConnection'] = ResolversParentTypes['TripConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['TripEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type TripEdgeResolvers<ContextType = TripsContext, ParentType extends ResolversParentTypes['TripEdge'] = ResolversParentTypes['TripEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Trip'], ParentType, ContextType>;
}>;

export type TripHourCountResolvers<ContextType = TripsContext, ParentType extends ResolversParentTypes['TripHourCount'] = ResolversParentTypes['TripHourCount']> = ResolversObject<{
  cancelled?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  completed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  hour?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  requested?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type TripOfferResolvers<ContextType = TripsContext, ParentType extends ResolversParentTypes['TripOffer'] = ResolversParentTypes['TripOffer']> = ResolversObject<{
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  offeredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['TripOfferStatus'], ParentType, ContextType>;
  trip?: Resolver<ResolversTypes['Trip'], ParentType, ContextType>;
}>;

export type TripOfferPayloadResolvers<ContextType = TripsContext, ParentType extends ResolversParentTypes['TripOfferPayload'] = ResolversParentTypes['TripOfferPayload']> = ResolversObject<{
  offer?: Resolver<Maybe<ResolversTypes['TripOffer']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['TripUserError']>, ParentType, ContextType>;
}>;

export type TripPayloadResolvers<ContextType = TripsContext, ParentType extends ResolversParentTypes['TripPayload'] = ResolversParentTypes['TripPayload']> = ResolversObject<{
  trip?: Resolver<Maybe<ResolversTypes['Trip']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['TripUserError']>, ParentType, ContextType>;
}>;

export type TripRatingResolvers<ContextType = TripsContext, ParentType extends ResolversParentTypes['TripRating'] = ResolversParentTypes['TripRating']> = ResolversObject<{
  comment?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  ratedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  rating?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type TripStatusChangeResolvers<ContextType = TripsContext, ParentType extends ResolversParentTypes['TripStatusChange'] = ResolversParentTypes['TripStatusChange']> = ResolversObject<{
  actor?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  actorRole?: Resolver<ResolversTypes['TripActorRole'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  from?: Resolver<Maybe<ResolversTypes['TripStatus']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  to?: Resolver<ResolversTypes['TripStatus'], ParentType, ContextType>;
}>;

export type TripStatusCountResolvers<ContextType = TripsContext, ParentType extends ResolversParentTypes['TripStatusCount'] = ResolversParentTypes['TripStatusCount']> = ResolversObject<{
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['TripStatus'], ParentType, ContextType>;
}>;

export type TripUserErrorResolvers<ContextType = TripsContext, ParentType extends ResolversParentTypes['TripUserError'] = ResolversParentTypes['TripUserError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['TripUserErrorCode'], ParentType, ContextType>;
  field?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type UserResolvers<ContextType = TripsContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  trips?: Resolver<Maybe<ResolversTypes['TripConnection']>, ParentType, ContextType, RequireFields<UserTripsArgs, 'first'>>;
}>;

export type VehicleResolvers<ContextType = TripsContext, ParentType extends ResolversParentTypes['Vehicle'] = ResolversParentTypes['Vehicle']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = TripsContext> = ResolversObject<{
  City?: CityResolvers<ContextType>;
  CityPayload?: CityPayloadResolvers<ContextType>;
  CityUserError?: CityUserErrorResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Driver?: DriverResolvers<ContextType>;
  EstimateFarePayload?: EstimateFarePayloadResolvers<ContextType>;
  FareEstimate?: FareEstimateResolvers<ContextType>;
  GeoPoint?: GeoPointResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  MoneyTotal?: MoneyTotalResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  OperationsSummary?: OperationsSummaryResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PricingUserError?: PricingUserErrorResolvers<ContextType>;
  PricingVersion?: PricingVersionResolvers<ContextType>;
  PricingVersionConnection?: PricingVersionConnectionResolvers<ContextType>;
  PricingVersionEdge?: PricingVersionEdgeResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SetPricingPayload?: SetPricingPayloadResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  Trip?: TripResolvers<ContextType>;
  TripCancellationCount?: TripCancellationCountResolvers<ContextType>;
  TripConnection?: TripConnectionResolvers<ContextType>;
  TripEdge?: TripEdgeResolvers<ContextType>;
  TripHourCount?: TripHourCountResolvers<ContextType>;
  TripOffer?: TripOfferResolvers<ContextType>;
  TripOfferPayload?: TripOfferPayloadResolvers<ContextType>;
  TripPayload?: TripPayloadResolvers<ContextType>;
  TripRating?: TripRatingResolvers<ContextType>;
  TripStatusChange?: TripStatusChangeResolvers<ContextType>;
  TripStatusCount?: TripStatusCountResolvers<ContextType>;
  TripUserError?: TripUserErrorResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  Vehicle?: VehicleResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = TripsContext> = ResolversObject<{
  public?: PublicDirectiveResolver<any, any, ContextType>;
}>;
