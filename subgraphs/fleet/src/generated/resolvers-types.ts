import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { FleetModel, HubModel, VehicleModel, DriverModel, UserRef, AssignmentModel, AttendanceModel, BreakModel, NearbyDriverEdgeModel, DriverPositionModel, DriverConnectionModel, VehicleConnectionModel, AttendanceConnectionModel, OperationsSummaryModel } from '../resolvers/mappers.js';
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

/** A driver's use of a vehicle, from assignment until it ended. A driver and a vehicle each have at most one active assignment. */
export type Assignment = {
  __typename?: 'Assignment';
  /** Whether the assignment is active (not ended). */
  active: Scalars['Boolean']['output'];
  /** The driver. */
  driver: Driver;
  /** When the assignment ended; null while it is active. */
  endedAt: Maybe<Scalars['DateTime']['output']>;
  /** Stable identifier of the assignment. */
  id: Scalars['ID']['output'];
  /** When the vehicle was assigned. */
  startedAt: Scalars['DateTime']['output'];
  /** The vehicle. */
  vehicle: Vehicle;
};

/** A page of assignments, newest first. */
export type AssignmentConnection = {
  __typename?: 'AssignmentConnection';
  /** The assignments of this page. */
  edges: Array<AssignmentEdge>;
  /** Where this page is. */
  pageInfo: PageInfo;
};

/** An assignment with a cursor, in a connection. */
export type AssignmentEdge = {
  __typename?: 'AssignmentEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The assignment. */
  node: Assignment;
};

/** Result of `assignVehicle` and `endAssignment`. */
export type AssignmentPayload = {
  __typename?: 'AssignmentPayload';
  /** The assignment as it is now; null when `userErrors` is not empty. */
  assignment: Maybe<Assignment>;
  /** Input problems; empty on success. */
  userErrors: Array<FleetUserError>;
};

/** One shift of a driver, from check-in to check-out, and its review by a manager. */
export type Attendance = {
  __typename?: 'Attendance';
  /** Whether a manager approved or rejected the shift. */
  approval: AttendanceApproval;
  /** The shift's breaks, oldest first. */
  breaks: Array<Break>;
  /** Cash the driver deposited at check-out; null while the shift is open. */
  cashDeposited: Maybe<Money>;
  /** Where the driver checked in. */
  checkInLocation: GeoPoint;
  /** Odometer reading at check-in, in km. */
  checkInOdometerKm: Scalars['Int']['output'];
  /** Odometer reading at check-out, in km; null while the shift is open. */
  checkOutOdometerKm: Maybe<Scalars['Int']['output']>;
  /** When the driver checked in. */
  checkedInAt: Scalars['DateTime']['output'];
  /** When the driver checked out; null while the shift is open. */
  checkedOutAt: Maybe<Scalars['DateTime']['output']>;
  /** The driver. */
  driver: Driver;
  /** Stable identifier of the shift. */
  id: Scalars['ID']['output'];
  /** Whether the driver is on a break now. */
  onBreak: Scalars['Boolean']['output'];
  /** The reviewer's note; null when none was given. */
  reviewNote: Maybe<Scalars['String']['output']>;
  /** When the shift was reviewed; null before review. */
  reviewedAt: Maybe<Scalars['DateTime']['output']>;
  /** Who reviewed the shift; null before review. */
  reviewedBy: Maybe<User>;
  /** URL of the selfie taken at check-in. */
  selfieUrl: Scalars['String']['output'];
  /** The vehicle the driver had at check-in; null when they had none. */
  vehicle: Maybe<Vehicle>;
};

/** Whether a manager has reviewed a shift. */
export type AttendanceApproval =
  /** Approved by the fleet's manager or operations. */
  | 'APPROVED'
  /** Not reviewed yet. */
  | 'PENDING'
  /** Rejected by the fleet's manager or operations (the note says why). */
  | 'REJECTED';

/** A page of shifts, newest check-in first. */
export type AttendanceConnection = {
  __typename?: 'AttendanceConnection';
  /** The shifts of this page. */
  edges: Array<AttendanceEdge>;
  /** Where this page is. */
  pageInfo: PageInfo;
  /** How many shifts the list's filters select across all pages (counted only when asked for: one COUNT statement). */
  totalCount: Scalars['Int']['output'];
};

/** A reviewer's decision on a shift. */
export type AttendanceDecision =
  /** Accept the shift as recorded. */
  | 'APPROVE'
  /** Reject the shift (say why in the note). */
  | 'REJECT';

/** A shift with a cursor, in a connection. */
export type AttendanceEdge = {
  __typename?: 'AttendanceEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The shift. */
  node: Attendance;
};

/** Result of a shift mutation (check-in, breaks, check-out, review). */
export type AttendancePayload = {
  __typename?: 'AttendancePayload';
  /** The shift as it is now; null when `userErrors` is not empty. */
  attendance: Maybe<Attendance>;
  /** The driver as they are now (status); null when `userErrors` is not empty. */
  driver: Maybe<Driver>;
  /** Input problems; empty on success. */
  userErrors: Array<FleetUserError>;
};

/** A break within a shift. */
export type Break = {
  __typename?: 'Break';
  /** When the break ended; null while the driver is on it. */
  endedAt: Maybe<Scalars['DateTime']['output']>;
  /** Stable identifier of the break. */
  id: Scalars['ID']['output'];
  /** When the break started. */
  startedAt: Scalars['DateTime']['output'];
};

/** What a driver reports when starting a shift. */
export type CheckInInput = {
  /** Where the driver is: within the check-in radius (default 50 km) of one of the fleet's hubs. */
  location: GeoPointInput;
  /** The vehicle's odometer reading in km, 0 to 10,000,000, not below the vehicle's last reading. */
  odometerKm: Scalars['Int']['input'];
  /** https URL of a selfie the app uploaded, at most 2000 characters. */
  selfieUrl: Scalars['String']['input'];
};

/** What a driver reports when ending a shift. */
export type CheckOutInput = {
  /** Cash collected from riders and handed in at the end of the shift (0 when none), at most the deposit limit (default 1,000,000 minor units). */
  cashDeposited: MoneyInput;
  /** The vehicle's odometer reading in km: not below the check-in reading (nor the vehicle's last reading), at most one shift's maximum (default 2,000 km) above it. */
  odometerKm: Scalars['Int']['input'];
};

/** A driver profile for an existing user (identity's user id) who is not staff. The user needs the DRIVER role to use the driver app. */
export type CreateDriverProfileInput = {
  /** The fleet the driver drives for. */
  fleetId: Scalars['ID']['input'];
  /** Driving licence number: 4 to 30 letters, digits or dashes; stored in capitals; unique. */
  licenceNumber: Scalars['String']['input'];
  /** Id of the user who drives. */
  userId: Scalars['ID']['input'];
};

/** A new fleet. */
export type CreateFleetInput = {
  /** City the fleet operates in, 1 to 100 characters. */
  city: Scalars['String']['input'];
  /** Display name, 1 to 100 characters, unique. */
  name: Scalars['String']['input'];
};

/** A new depot of a fleet. */
export type CreateHubInput = {
  /** The fleet the hub belongs to. */
  fleetId: Scalars['ID']['input'];
  /** Where the hub is. */
  location: GeoPointInput;
  /** Display name, 1 to 100 characters. */
  name: Scalars['String']['input'];
};

/** A new vehicle of a fleet; it starts ACTIVE. */
export type CreateVehicleInput = {
  /** Service level. */
  category: VehicleCategory;
  /** The fleet that owns it. */
  fleetId: Scalars['ID']['input'];
  /** The hub it returns to, a hub of the same fleet. */
  homeHubId?: InputMaybe<Scalars['ID']['input']>;
  /** Manufacturer, 1 to 100 characters. */
  make: Scalars['String']['input'];
  /** Model, 1 to 100 characters. */
  model: Scalars['String']['input'];
  /** Registration plate: 2 to 15 letters, digits, spaces or dashes; stored in capitals; unique. */
  plate: Scalars['String']['input'];
  /** Model year, 1980 to next year. */
  year: Scalars['Int']['input'];
};

/** A driver's profile: the driving side of a user. */
export type Driver = {
  __typename?: 'Driver';
  /**
   * The driver's shifts, newest check-in first (a driver's attendance history). For the driver themself, operations
   * staff and the manager of the driver's fleet; for anyone else it is null with a FORBIDDEN error at its path.
   */
  attendances: Maybe<AttendanceConnection>;
  /** The driver's active vehicle assignment; null without one. Same visibility as `status`. */
  currentAssignment: Maybe<Assignment>;
  /** The fleet the driver drives for. Staff only (a fleet manager: their fleets'); for anyone else it is null with a FORBIDDEN error at its path. */
  fleet: Maybe<Fleet>;
  /** Direction of travel at the last position, degrees clockwise from north (0 to 360); null when unknown. Same visibility as `position`. */
  heading: Maybe<Scalars['Float']['output']>;
  /** The hub the driver usually starts from; null when none. Staff only (a fleet manager: their fleets'); for anyone else it is null with a FORBIDDEN error at its path. */
  homeHub: Maybe<Hub>;
  /** Stable identifier of the driver profile (not the user id). */
  id: Scalars['ID']['output'];
  /** The last day the driving licence is valid, `YYYY-MM-DD`; null when not recorded. Check-in is refused after it. Same visibility as `licenceNumber`. */
  licenceExpiresOn: Maybe<Scalars['String']['output']>;
  /**
   * Driving licence number. Visible to the driver themself, operations staff and the manager of the driver's fleet;
   * for anyone else it is null with a FORBIDDEN error at its path.
   */
  licenceNumber: Maybe<Scalars['String']['output']>;
  /**
   * The driver's display name: the user account's name, as identity announces it on every change (fleet keeps a copy,
   * so this needs no call to identity and stands while identity is down). A rename reaches it within a second or so.
   * Null, without an error, while fleet has not learned the name: for a moment after the account is made, or for a
   * profile whose identity account does not exist (then `user` is null too).
   */
  name: Maybe<Scalars['String']['output']>;
  /** The driver's open shift (checked in, not yet checked out); null when off shift. Same visibility as `status`. */
  openAttendance: Maybe<Attendance>;
  /**
   * Last reported position; null before the first location update. Visible to the driver themself, operations staff
   * and the manager of the driver's fleet; for anyone else it is null with a FORBIDDEN error at its path.
   */
  position: Maybe<GeoPoint>;
  /** When the last position was reported; null before the first. Same visibility as `position`. */
  positionUpdatedAt: Maybe<Scalars['DateTime']['output']>;
  /** Average rating from riders, 1 to 5; null before the first rating. */
  rating: Maybe<Scalars['Float']['output']>;
  /** Speed at the last position in km/h; null when unknown. Same visibility as `position`. */
  speedKph: Maybe<Scalars['Float']['output']>;
  /**
   * What the driver is doing now. Visible to the driver themself, operations staff and the manager of the driver's
   * fleet; for anyone else it is null with a FORBIDDEN error at its path.
   */
  status: Maybe<DriverStatus>;
  /** Whether the driver is suspended (`suspendDriver`): they cannot check in or take trips until reinstated. Same visibility as `status`. */
  suspended: Maybe<Scalars['Boolean']['output']>;
  /** Why the driver is suspended; null when not suspended. Same visibility as `status`. */
  suspensionReason: Maybe<Scalars['String']['output']>;
  /**
   * The user account of the driver. Null, with an error at its path, only when the account cannot be read: the
   * identity service is unreachable, or it has no such account (a profile created before fleet checked accounts) —
   * so one such driver never empties a whole list.
   */
  user: Maybe<User>;
  /** The vehicle the driver is currently assigned to. */
  vehicle: Maybe<Vehicle>;
};


/** A driver's profile: the driving side of a user. */
export type DriverAttendancesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of drivers. */
export type DriverConnection = {
  __typename?: 'DriverConnection';
  /** The drivers of this page. */
  edges: Array<DriverEdge>;
  /** Where this page is. */
  pageInfo: PageInfo;
  /** How many drivers the list holds across all its pages, with the page's filters. Counted only when selected. */
  totalCount: Scalars['Int']['output'];
};

/** A driver profile with a cursor, in a connection. */
export type DriverEdge = {
  __typename?: 'DriverEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The driver. */
  node: Driver;
};

/** Result of `updateDriverLocation`. */
export type DriverLocationPayload = {
  __typename?: 'DriverLocationPayload';
  /** The driver with the new position. */
  driver: Driver;
  /** When the position was recorded. */
  recordedAt: Scalars['DateTime']['output'];
};

/** Result of `createDriverProfile`, `updateDriverProfile`, `suspendDriver` and `reinstateDriver`. */
export type DriverPayload = {
  __typename?: 'DriverPayload';
  /** The driver profile as it is now; null when `userErrors` is not empty. */
  driver: Maybe<Driver>;
  /** Input problems; empty on success. */
  userErrors: Array<FleetUserError>;
};

/**
 * A driver's position at the moment it was reported, as it streams live. It is that moment's, not re-read: a later
 * position arrives as its own event.
 */
export type DriverPosition = {
  __typename?: 'DriverPosition';
  /** The driver. Their other fields follow their own rules (e.g. `status` and `position` are staff-only on `Driver`). */
  driver: Driver;
  /** Direction of travel, degrees clockwise from north (0 to 360); null when the app did not report it. */
  heading: Maybe<Scalars['Float']['output']>;
  /** Latitude, -90 to 90. */
  latitude: Scalars['Float']['output'];
  /** Longitude, -180 to 180. */
  longitude: Scalars['Float']['output'];
  /** When the position was recorded. */
  recordedAt: Scalars['DateTime']['output'];
  /** Speed in km/h; null when the app did not report it. */
  speedKph: Maybe<Scalars['Float']['output']>;
  /** What the driver was doing when the position was recorded. */
  status: DriverStatus;
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
  /** The fleet's hubs (depots) in use, by name; retired hubs are left out. */
  hubs: Array<Hub>;
  /** Stable identifier of the fleet. */
  id: Scalars['ID']['output'];
  /** Display name. */
  name: Scalars['String']['output'];
};

/** Result of `createFleet` and `updateFleet`. */
export type FleetPayload = {
  __typename?: 'FleetPayload';
  /** The fleet as it is now; null when `userErrors` is not empty. */
  fleet: Maybe<Fleet>;
  /** Input problems; empty on success. */
  userErrors: Array<FleetUserError>;
};

/** An input problem of a fleet mutation that the client can fix and retry. */
export type FleetUserError = {
  __typename?: 'FleetUserError';
  /** What is wrong, for a program. */
  code: FleetUserErrorCode;
  /** Path to the offending argument or input field, e.g. `["input", "plate"]`; null when it concerns the whole input. */
  field: Maybe<Array<Scalars['String']['output']>>;
  /** What is wrong, in words for a person. */
  message: Scalars['String']['output'];
};

/** What is wrong with a fleet mutation's input. Stable codes for clients to branch on; messages are for people. */
export type FleetUserErrorCode =
  /** No assignment the viewer manages has this id. */
  | 'ASSIGNMENT_NOT_FOUND'
  /** No shift the viewer manages has this id. */
  | 'ATTENDANCE_NOT_FOUND'
  /** The shift is still open: it can be reviewed after check-out. */
  | 'ATTENDANCE_OPEN'
  /** The shift has been reviewed already. */
  | 'ATTENDANCE_REVIEWED'
  /** The driver has an active vehicle assignment or an open shift: end them before moving the driver to another fleet. */
  | 'DRIVER_BUSY'
  /** No driver the viewer manages has this id. */
  | 'DRIVER_NOT_FOUND'
  /** The driver is not suspended. */
  | 'DRIVER_NOT_SUSPENDED'
  /** The user already has a driver profile. */
  | 'DRIVER_PROFILE_EXISTS'
  /** The driver is suspended: a suspended driver cannot check in (or is already suspended). */
  | 'DRIVER_SUSPENDED'
  /** The vehicle belongs to another fleet than the driver. */
  | 'FLEET_MISMATCH'
  /** Another fleet has this name. */
  | 'FLEET_NAME_TAKEN'
  /** No fleet the viewer manages has this id. */
  | 'FLEET_NOT_FOUND'
  /** The hub is still the home hub of vehicles that are not retired or of drivers: give them another home hub first. */
  | 'HUB_IN_USE'
  /** No hub of the vehicle's fleet has this id. */
  | 'HUB_NOT_FOUND'
  /** The hub is retired already. */
  | 'HUB_RETIRED'
  /** A date is not a calendar date written YYYY-MM-DD, or is out of range. */
  | 'INVALID_DATE'
  /** The licence number is not 4 to 30 letters, digits or dashes. */
  | 'INVALID_LICENCE'
  /** A latitude or longitude is out of range. */
  | 'INVALID_LOCATION'
  /** The amount is negative or above the deposit limit, or the currency is not three capital letters. */
  | 'INVALID_MONEY'
  /** An odometer reading is negative, too large, below the vehicle's last reading or the check-in reading, or more km above the check-in reading than one shift can drive. */
  | 'INVALID_ODOMETER'
  /** The plate is not 2 to 15 letters, digits, spaces or dashes. */
  | 'INVALID_PLATE'
  /** A text is empty or too long. */
  | 'INVALID_TEXT'
  /** The selfie URL is not an https URL of at most 2000 characters. */
  | 'INVALID_URL'
  /** The id is not a well-formed user id. */
  | 'INVALID_USER_ID'
  /** The model year is not between 1980 and next year. */
  | 'INVALID_YEAR'
  /** The driver's licence expired (`Driver.licenceExpiresOn` is before today, UTC): renew it before checking in. */
  | 'LICENCE_EXPIRED'
  /** Another driver has this licence number. */
  | 'LICENCE_TAKEN'
  /** A rejection needs a note saying why. */
  | 'NOTE_REQUIRED'
  /** Another vehicle has this plate. */
  | 'PLATE_TAKEN'
  /** The check-in location is farther from every hub of the driver's fleet than allowed. */
  | 'TOO_FAR_FROM_HUB'
  /** The account cannot become a driver of this fleet: it belongs to staff (super admin, operations, fleet manager), it is deactivated, or the user already drives for a fleet the viewer does not manage. */
  | 'USER_NOT_ELIGIBLE'
  /** No account has this id (identity's accounts reach fleet within seconds of their creation). */
  | 'USER_NOT_FOUND'
  /** The vehicle is assigned to a driver: end the assignment before taking it out of service. */
  | 'VEHICLE_ASSIGNED'
  /** The vehicle is not ACTIVE (in maintenance or retired) and cannot be assigned. */
  | 'VEHICLE_NOT_ACTIVE'
  /** No vehicle the viewer manages has this id. */
  | 'VEHICLE_NOT_FOUND'
  /** The vehicle is retired: it cannot be changed or put back into service. */
  | 'VEHICLE_RETIRED';

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
  /** When the hub was retired (`retireHub`); null while in use. A retired hub is no home hub and no check-in point. */
  retiredAt: Maybe<Scalars['DateTime']['output']>;
};

/** Result of `createHub`, `updateHub` and `retireHub`. */
export type HubPayload = {
  __typename?: 'HubPayload';
  /** The hub as it is now; null when `userErrors` is not empty. */
  hub: Maybe<Hub>;
  /** Input problems; empty on success. */
  userErrors: Array<FleetUserError>;
};

/** An amount of money: integer minor units (e.g. cents) of an ISO 4217 currency. Never a float. */
export type Money = {
  __typename?: 'Money';
  /** Amount in minor units, e.g. 1250 for 12.50. */
  amountMinor: Scalars['Int']['output'];
  /** ISO 4217 currency code, e.g. USD. */
  currency: Scalars['String']['output'];
};

/** An amount of money as input: integer minor units of an ISO 4217 currency. */
export type MoneyInput = {
  /** Amount in minor units, 0 or more, e.g. 1250 for 12.50. */
  amountMinor: Scalars['Int']['input'];
  /** ISO 4217 currency code, three capital letters, e.g. USD. */
  currency: Scalars['String']['input'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Assigns an ACTIVE vehicle of the driver's fleet to the driver. A driver and a vehicle each have at most one
   * active assignment: CONFLICT when either has one (end it first) or another assignment won a race. A driver on
   * shift becomes AVAILABLE.
   */
  assignVehicle: AssignmentPayload;
  /**
   * Starts the viewer's shift. With a vehicle assigned the driver becomes AVAILABLE; without one they stay OFFLINE
   * until a vehicle is assigned. CONFLICT when a shift is already open.
   */
  checkIn: AttendancePayload;
  /** Ends the viewer's shift (and a break in progress); the driver goes OFFLINE. ILLEGAL_STATE_TRANSITION when off shift or on a trip. */
  checkOut: AttendancePayload;
  /** Creates the driver profile of an existing user (a rider or driver, not staff) in a fleet; the driver starts OFFLINE without a vehicle. */
  createDriverProfile: DriverPayload;
  /** Creates a fleet (FLEET_NAME_TAKEN when the name is in use). */
  createFleet: FleetPayload;
  /** Adds a hub to a fleet. A fleet manager may add hubs only to their fleets. */
  createHub: HubPayload;
  /** Adds a vehicle to a fleet. A fleet manager may add vehicles only to their fleets. */
  createVehicle: VehiclePayload;
  /** Ends an active assignment (ILLEGAL_STATE_TRANSITION while the driver is ON_TRIP); an AVAILABLE driver goes OFFLINE. */
  endAssignment: AssignmentPayload;
  /** Ends the viewer's break; they are AVAILABLE again with a vehicle (ILLEGAL_STATE_TRANSITION when not on a break). */
  endBreak: AttendancePayload;
  /** Lifts a suspension: an on-shift driver with a vehicle is AVAILABLE again. DRIVER_NOT_SUSPENDED when not suspended. */
  reinstateDriver: DriverPayload;
  /**
   * Retires a hub: it stops being a check-in point and cannot be anyone's home hub. HUB_IN_USE while it is the home
   * hub of a vehicle that is not retired or of a driver (give them another first); HUB_RETIRED when retired already.
   */
  retireHub: HubPayload;
  /** Approves or rejects a checked-out shift: operations staff, or the manager of the shift's fleet. */
  reviewAttendance: AttendancePayload;
  /** Starts a break in the viewer's open shift (ILLEGAL_STATE_TRANSITION when off shift, on a trip or already on a break). */
  startBreak: AttendancePayload;
  /**
   * Suspends a driver at once: they go OFFLINE (a break in progress ends), dispatch withdraws their pending trip offer,
   * and check-in, breaks and going AVAILABLE are refused until `reinstateDriver`. An open shift stays open so the
   * driver can still check out and hand in cash. ILLEGAL_STATE_TRANSITION while the driver is ON_TRIP (end or
   * reassign the trip first); DRIVER_SUSPENDED when suspended already.
   */
  suspendDriver: DriverPayload;
  /**
   * Records the viewer's position and streams it live to whoever watches the driver or their fleet. BAD_USER_INPUT
   * for values out of range, or a position farther from the previous one than a car could have driven since (about
   * 250 km/h plus 5 km of location noise); RATE_LIMITED above a short burst, then about one update per second.
   */
  updateDriverLocation: DriverLocationPayload;
  /**
   * Changes a driver profile: licence number and expiry, home hub, and (operations staff only) the fleet. A fleet
   * manager may change only their fleets' drivers.
   */
  updateDriverProfile: DriverPayload;
  /** Renames a fleet or changes its city. */
  updateFleet: FleetPayload;
  /** Renames or moves a hub. A fleet manager may change only their fleets' hubs. */
  updateHub: HubPayload;
  /**
   * Changes a vehicle: plate, make, model, year, colour, category, home hub, status (RETIRED retires it for good). A
   * fleet manager may change only their fleets' vehicles.
   */
  updateVehicle: VehiclePayload;
};


export type MutationAssignVehicleArgs = {
  driverId: Scalars['ID']['input'];
  vehicleId: Scalars['ID']['input'];
};


export type MutationCheckInArgs = {
  input: CheckInInput;
};


export type MutationCheckOutArgs = {
  input: CheckOutInput;
};


export type MutationCreateDriverProfileArgs = {
  input: CreateDriverProfileInput;
};


export type MutationCreateFleetArgs = {
  input: CreateFleetInput;
};


export type MutationCreateHubArgs = {
  input: CreateHubInput;
};


export type MutationCreateVehicleArgs = {
  input: CreateVehicleInput;
};


export type MutationEndAssignmentArgs = {
  id: Scalars['ID']['input'];
};


export type MutationReinstateDriverArgs = {
  driverId: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRetireHubArgs = {
  id: Scalars['ID']['input'];
};


export type MutationReviewAttendanceArgs = {
  input: ReviewAttendanceInput;
};


export type MutationSuspendDriverArgs = {
  driverId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationUpdateDriverLocationArgs = {
  heading?: InputMaybe<Scalars['Float']['input']>;
  latitude: Scalars['Float']['input'];
  longitude: Scalars['Float']['input'];
  speed?: InputMaybe<Scalars['Float']['input']>;
};


export type MutationUpdateDriverProfileArgs = {
  input: UpdateDriverProfileInput;
};


export type MutationUpdateFleetArgs = {
  input: UpdateFleetInput;
};


export type MutationUpdateHubArgs = {
  input: UpdateHubInput;
};


export type MutationUpdateVehicleArgs = {
  input: UpdateVehicleInput;
};

/** Available drivers near a point, nearest first. */
export type NearbyDriverConnection = {
  __typename?: 'NearbyDriverConnection';
  /** The drivers of this page. */
  edges: Array<NearbyDriverEdge>;
  /** Where this page is. */
  pageInfo: PageInfo;
};

/** An available driver near a point, with the distance to it. */
export type NearbyDriverEdge = {
  __typename?: 'NearbyDriverEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** Great-circle distance from the point to the driver's last position, in metres. */
  distanceMeters: Scalars['Int']['output'];
  /** The driver. */
  node: Driver;
};

/**
 * The operations dashboard's numbers (trips' `Query.operationsSummary`); fleet contributes the drivers' shifts.
 * Resolved by the summary's id (its range and scope), the viewer checked again as trips does: SUPER_ADMIN and
 * OPERATIONS any scope, a FLEET_MANAGER their fleets only. A shift is an attendance from check-in to check-out (to now
 * while open), of the fleet the driver checked in with; a city scope means the fleets in that city (`Fleet.city`, the
 * same name as trips' service area).
 */
export type OperationsSummary = {
  __typename?: 'OperationsSummary';
  /** trips' driver time on trips in the range, in hours: the numerator of `utilisation`. */
  driverHoursOnTrip: Scalars['Float']['output'];
  /**
   * Shift time inside the range in hours, summed over the scope's shifts: each shift cut to the range (an open one
   * up to now), its breaks (cut the same way; an open break up to now) taken off.
   */
  driverHoursOnline: Maybe<Scalars['Float']['output']>;
  /**
   * Distinct drivers with a shift overlapping the range (`from` inclusive, `to` exclusive; an open shift lasts until
   * now). Null (with the error at this path, the summary's other numbers standing) when fleet cannot answer, as are
   * `driverHoursOnline` and `utilisation`.
   */
  driversOnline: Maybe<Scalars['Int']['output']>;
  /** Opaque and stable: the range and scope asked for (written by trips). */
  id: Scalars['ID']['output'];
  /**
   * `driverHoursOnTrip / driverHoursOnline`: the share of online time spent on trips. Null when there are no online
   * hours (or fleet cannot answer). Not capped at 1: trips counts a trip's whole time when it was requested in the
   * range, fleet only the shift time inside the range.
   */
  utilisation: Maybe<Scalars['Float']['output']>;
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
  /** Vehicle assignments the viewer may see (history included), newest first, optionally of one fleet, driver or vehicle. */
  assignments: AssignmentConnection;
  /** Shifts the viewer may see, newest check-in first, optionally of one fleet or driver, or only those waiting for review. */
  attendances: AttendanceConnection;
  /** The driver profile with this id, or null (also when a fleet manager asks for another fleet's driver). */
  driver: Maybe<Driver>;
  /** Drivers the viewer may see, newest first, optionally of one fleet (empty for a fleet the viewer does not manage). */
  drivers: DriverConnection;
  /** The fleet with this id, or null (also when a fleet manager asks for another fleet). */
  fleet: Maybe<Fleet>;
  /** All fleets the viewer may see, by name: every fleet for operations staff, their own for a fleet manager. */
  fleets: Array<Fleet>;
  /**
   * AVAILABLE drivers whose position is at most 5 minutes old and within `radiusKm` of `location`, nearest first;
   * a fleet manager sees only their fleets' drivers.
   */
  nearbyDrivers: NearbyDriverConnection;
  /** The vehicle with this id, or null (also when a fleet manager asks for another fleet's vehicle). */
  vehicle: Maybe<Vehicle>;
  /** Vehicles the viewer may see, newest first, optionally of one fleet, status and category (empty for a fleet the viewer does not manage). */
  vehicles: VehicleConnection;
};


export type QueryAssignmentsArgs = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  driverId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  fleetId?: InputMaybe<Scalars['ID']['input']>;
  vehicleId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryAttendancesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  driverId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  fleetId?: InputMaybe<Scalars['ID']['input']>;
  pendingApproval?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryDriverArgs = {
  id: Scalars['ID']['input'];
};


export type QueryDriversArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  fleetId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<DriverStatus>;
};


export type QueryFleetArgs = {
  id: Scalars['ID']['input'];
};


export type QueryNearbyDriversArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  category?: InputMaybe<VehicleCategory>;
  first?: InputMaybe<Scalars['Int']['input']>;
  fleetId?: InputMaybe<Scalars['ID']['input']>;
  location: GeoPointInput;
  radiusKm: Scalars['Float']['input'];
};


export type QueryVehicleArgs = {
  id: Scalars['ID']['input'];
};


export type QueryVehiclesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  category?: InputMaybe<VehicleCategory>;
  first?: InputMaybe<Scalars['Int']['input']>;
  fleetId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<VehicleStatus>;
};

/** A manager's review of a checked-out shift. */
export type ReviewAttendanceInput = {
  /** The shift to review. */
  attendanceId: Scalars['ID']['input'];
  /** Approve or reject. */
  decision: AttendanceDecision;
  /** Why, at most 1000 characters; required to reject. */
  note?: InputMaybe<Scalars['String']['input']>;
};

/** Live updates, over graphql-ws (`graphql-transport-ws`) on the gateway's /graphql. The access token goes in the `connection_init` payload: `{ "authorization": "Bearer <access token>" }`. */
export type Subscription = {
  __typename?: 'Subscription';
  /**
   * Each new position of the driver as the driver app reports it (about one a second while it streams). For the
   * driver themself, operations staff, the manager of the driver's fleet, and the rider of the trip the driver is on
   * (from assignment until the trip ends: the rider app shows the car approaching; positions stop reaching the rider
   * when the trip ends). NOT_FOUND when the driver does not exist or the viewer may not watch them (the same error
   * for both); BAD_USER_INPUT for a malformed id. Live only: positions sent while disconnected are not replayed.
   */
  driverLocationUpdated: DriverPosition;
  /**
   * Every new position of the fleet's drivers, as each is reported (the operations live map). For operations staff
   * and the fleet's manager: FORBIDDEN for a manager of another fleet, NOT_FOUND for an unknown fleet, BAD_USER_INPUT
   * for a malformed id. Live only: read `drivers(fleetId:)` for the positions before subscribing.
   */
  fleetPositions: DriverPosition;
};


/** Live updates, over graphql-ws (`graphql-transport-ws`) on the gateway's /graphql. The access token goes in the `connection_init` payload: `{ "authorization": "Bearer <access token>" }`. */
export type SubscriptionDriverLocationUpdatedArgs = {
  driverId: Scalars['ID']['input'];
};


/** Live updates, over graphql-ws (`graphql-transport-ws`) on the gateway's /graphql. The access token goes in the `connection_init` payload: `{ "authorization": "Bearer <access token>" }`. */
export type SubscriptionFleetPositionsArgs = {
  fleetId: Scalars['ID']['input'];
};

/** Changes to a driver profile; fields left out stay as they are. */
export type UpdateDriverProfileInput = {
  /** Id of the driver profile. */
  driverId: Scalars['ID']['input'];
  /**
   * Moves the driver to another fleet: operations staff only (FORBIDDEN for a fleet manager). The driver must have no
   * active vehicle assignment and no open shift (DRIVER_BUSY); their home hub is cleared unless `homeHubId` names one
   * of the new fleet.
   */
  fleetId?: InputMaybe<Scalars['ID']['input']>;
  /** New home hub, a hub in use of the driver's fleet (of the new fleet when `fleetId` moves them); null removes it. */
  homeHubId?: InputMaybe<Scalars['ID']['input']>;
  /** The last day the licence is valid, `YYYY-MM-DD`; null removes it. */
  licenceExpiresOn?: InputMaybe<Scalars['String']['input']>;
  /** New driving licence number: 4 to 30 letters, digits or dashes; stored in capitals; unique. */
  licenceNumber?: InputMaybe<Scalars['String']['input']>;
};

/** Changes to a fleet; fields left out stay as they are. */
export type UpdateFleetInput = {
  /** New city, 1 to 100 characters. */
  city?: InputMaybe<Scalars['String']['input']>;
  /** The fleet to change. */
  id: Scalars['ID']['input'];
  /** New display name, 1 to 100 characters, unique. */
  name?: InputMaybe<Scalars['String']['input']>;
};

/** Changes to a hub; fields left out stay as they are. A retired hub cannot be changed (HUB_RETIRED). */
export type UpdateHubInput = {
  /** The hub to change. */
  id: Scalars['ID']['input'];
  /** New location. */
  location?: InputMaybe<GeoPointInput>;
  /** New display name, 1 to 100 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
};

/** Changes to a vehicle; fields left out stay as they are. A RETIRED vehicle cannot be changed (VEHICLE_RETIRED). */
export type UpdateVehicleInput = {
  /** New service level. Not while the vehicle is assigned (VEHICLE_ASSIGNED): dispatch matches trips by it. */
  category?: InputMaybe<VehicleCategory>;
  /** New body colour, 1 to 40 characters; null removes it. */
  colour?: InputMaybe<Scalars['String']['input']>;
  /** New home hub (a hub in use of the vehicle's fleet); null removes the home hub. */
  homeHubId?: InputMaybe<Scalars['ID']['input']>;
  /** The vehicle to change. */
  id: Scalars['ID']['input'];
  /** New manufacturer, 1 to 100 characters. */
  make?: InputMaybe<Scalars['String']['input']>;
  /** New model, 1 to 100 characters. */
  model?: InputMaybe<Scalars['String']['input']>;
  /** New registration plate: 2 to 15 letters, digits, spaces or dashes; stored in capitals; unique. */
  plate?: InputMaybe<Scalars['String']['input']>;
  /** New status. A vehicle assigned to a driver cannot leave ACTIVE: end the assignment first. RETIRED is final. */
  status?: InputMaybe<VehicleStatus>;
  /** New model year, 1980 to next year. */
  year?: InputMaybe<Scalars['Int']['input']>;
};

/** A person with an account: a rider, a driver or a member of staff. */
export type User = {
  __typename?: 'User';
  /** The user's driver profile; null when the user does not drive, or when the viewer is neither that user, operations staff, nor the manager of the driver's fleet. */
  driverProfile: Maybe<Driver>;
  /** Stable identifier of the user. */
  id: Scalars['ID']['output'];
};

/** A vehicle of a fleet. */
export type Vehicle = {
  __typename?: 'Vehicle';
  /** Service level. */
  category: VehicleCategory;
  /** Body colour, e.g. White; null when not recorded. */
  colour: Maybe<Scalars['String']['output']>;
  /** The vehicle's active assignment to a driver; null when unassigned. Staff only. */
  currentAssignment: Maybe<Assignment>;
  /** The fleet that owns it. Staff only (a fleet manager: their fleets'); for anyone else it is null with a FORBIDDEN error at its path. */
  fleet: Maybe<Fleet>;
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
  /** Whether it can be driven. Staff only (a fleet manager: their fleets'); for anyone else it is null with a FORBIDDEN error at its path. */
  status: Maybe<VehicleStatus>;
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

/** A page of vehicles. */
export type VehicleConnection = {
  __typename?: 'VehicleConnection';
  /** The vehicles of this page. */
  edges: Array<VehicleEdge>;
  /** Where this page is. */
  pageInfo: PageInfo;
  /** How many vehicles the list holds across all its pages, with the page's filters. Counted only when selected. */
  totalCount: Scalars['Int']['output'];
};

/** A vehicle with a cursor, in a connection. */
export type VehicleEdge = {
  __typename?: 'VehicleEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The vehicle. */
  node: Vehicle;
};

/** Result of `createVehicle` and `updateVehicle`. */
export type VehiclePayload = {
  __typename?: 'VehiclePayload';
  /** Input problems; empty on success. */
  userErrors: Array<FleetUserError>;
  /** The vehicle as it is now; null when `userErrors` is not empty. */
  vehicle: Maybe<Vehicle>;
};

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
  OperationsSummary: OperationsSummary;
  User: User;
  Vehicle: Vehicle;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Driver:
    ( { __typename: 'Driver' }
    & GraphQLRecursivePick<FederationTypes['Driver'], {"id":true}> );
  Fleet:
    ( { __typename: 'Fleet' }
    & GraphQLRecursivePick<FederationTypes['Fleet'], {"id":true}> );
  Hub:
    ( { __typename: 'Hub' }
    & GraphQLRecursivePick<FederationTypes['Hub'], {"id":true}> );
  OperationsSummary:
    ( { __typename: 'OperationsSummary' }
    & GraphQLRecursivePick<FederationTypes['OperationsSummary'], {"id":true}>
    & ( Record<PropertyKey, never>
        | GraphQLRecursivePick<FederationTypes['OperationsSummary'], {"driverHoursOnTrip":true}> ) );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
  Vehicle:
    ( { __typename: 'Vehicle' }
    & GraphQLRecursivePick<FederationTypes['Vehicle'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Assignment: ResolverTypeWrapper<AssignmentModel>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  AssignmentConnection: ResolverTypeWrapper<Omit<AssignmentConnection, 'edges'> & { edges: Array<ResolversTypes['AssignmentEdge']> }>;
  AssignmentEdge: ResolverTypeWrapper<Omit<AssignmentEdge, 'node'> & { node: ResolversTypes['Assignment'] }>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  AssignmentPayload: ResolverTypeWrapper<Omit<AssignmentPayload, 'assignment'> & { assignment?: Maybe<ResolversTypes['Assignment']> }>;
  Attendance: ResolverTypeWrapper<AttendanceModel>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  AttendanceApproval: AttendanceApproval;
  AttendanceConnection: ResolverTypeWrapper<AttendanceConnectionModel>;
  AttendanceDecision: AttendanceDecision;
  AttendanceEdge: ResolverTypeWrapper<Omit<AttendanceEdge, 'node'> & { node: ResolversTypes['Attendance'] }>;
  AttendancePayload: ResolverTypeWrapper<Omit<AttendancePayload, 'attendance' | 'driver'> & { attendance?: Maybe<ResolversTypes['Attendance']>, driver?: Maybe<ResolversTypes['Driver']> }>;
  Break: ResolverTypeWrapper<BreakModel>;
  CheckInInput: CheckInInput;
  CheckOutInput: CheckOutInput;
  CreateDriverProfileInput: CreateDriverProfileInput;
  CreateFleetInput: CreateFleetInput;
  CreateHubInput: CreateHubInput;
  CreateVehicleInput: CreateVehicleInput;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Driver: ResolverTypeWrapper<DriverModel>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  DriverConnection: ResolverTypeWrapper<DriverConnectionModel>;
  DriverEdge: ResolverTypeWrapper<Omit<DriverEdge, 'node'> & { node: ResolversTypes['Driver'] }>;
  DriverLocationPayload: ResolverTypeWrapper<Omit<DriverLocationPayload, 'driver'> & { driver: ResolversTypes['Driver'] }>;
  DriverPayload: ResolverTypeWrapper<Omit<DriverPayload, 'driver'> & { driver?: Maybe<ResolversTypes['Driver']> }>;
  DriverPosition: ResolverTypeWrapper<DriverPositionModel>;
  DriverStatus: DriverStatus;
  Fleet: ResolverTypeWrapper<FleetModel>;
  FleetPayload: ResolverTypeWrapper<Omit<FleetPayload, 'fleet'> & { fleet?: Maybe<ResolversTypes['Fleet']> }>;
  FleetUserError: ResolverTypeWrapper<FleetUserError>;
  FleetUserErrorCode: FleetUserErrorCode;
  GeoPoint: ResolverTypeWrapper<GeoPoint>;
  GeoPointInput: GeoPointInput;
  Hub: ResolverTypeWrapper<HubModel>;
  HubPayload: ResolverTypeWrapper<Omit<HubPayload, 'hub'> & { hub?: Maybe<ResolversTypes['Hub']> }>;
  Money: ResolverTypeWrapper<Money>;
  MoneyInput: MoneyInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  NearbyDriverConnection: ResolverTypeWrapper<Omit<NearbyDriverConnection, 'edges'> & { edges: Array<ResolversTypes['NearbyDriverEdge']> }>;
  NearbyDriverEdge: ResolverTypeWrapper<NearbyDriverEdgeModel>;
  OperationsSummary: ResolverTypeWrapper<OperationsSummaryModel>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ReviewAttendanceInput: ReviewAttendanceInput;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  UpdateDriverProfileInput: UpdateDriverProfileInput;
  UpdateFleetInput: UpdateFleetInput;
  UpdateHubInput: UpdateHubInput;
  UpdateVehicleInput: UpdateVehicleInput;
  User: ResolverTypeWrapper<UserRef>;
  Vehicle: ResolverTypeWrapper<VehicleModel>;
  VehicleCategory: VehicleCategory;
  VehicleConnection: ResolverTypeWrapper<VehicleConnectionModel>;
  VehicleEdge: ResolverTypeWrapper<Omit<VehicleEdge, 'node'> & { node: ResolversTypes['Vehicle'] }>;
  VehiclePayload: ResolverTypeWrapper<Omit<VehiclePayload, 'vehicle'> & { vehicle?: Maybe<ResolversTypes['Vehicle']> }>;
  VehicleStatus: VehicleStatus;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Assignment: AssignmentModel;
  Boolean: Scalars['Boolean']['output'];
  ID: Scalars['ID']['output'];
  AssignmentConnection: Omit<AssignmentConnection, 'edges'> & { edges: Array<ResolversParentTypes['AssignmentEdge']> };
  AssignmentEdge: Omit<AssignmentEdge, 'node'> & { node: ResolversParentTypes['Assignment'] };
  String: Scalars['String']['output'];
  AssignmentPayload: Omit<AssignmentPayload, 'assignment'> & { assignment?: Maybe<ResolversParentTypes['Assignment']> };
  Attendance: AttendanceModel;
  Int: Scalars['Int']['output'];
  AttendanceConnection: AttendanceConnectionModel;
  AttendanceEdge: Omit<AttendanceEdge, 'node'> & { node: ResolversParentTypes['Attendance'] };
  AttendancePayload: Omit<AttendancePayload, 'attendance' | 'driver'> & { attendance?: Maybe<ResolversParentTypes['Attendance']>, driver?: Maybe<ResolversParentTypes['Driver']> };
  Break: BreakModel;
  CheckInInput: CheckInInput;
  CheckOutInput: CheckOutInput;
  CreateDriverProfileInput: CreateDriverProfileInput;
  CreateFleetInput: CreateFleetInput;
  CreateHubInput: CreateHubInput;
  CreateVehicleInput: CreateVehicleInput;
  DateTime: Scalars['DateTime']['output'];
  Driver: DriverModel;
  Float: Scalars['Float']['output'];
  DriverConnection: DriverConnectionModel;
  DriverEdge: Omit<DriverEdge, 'node'> & { node: ResolversParentTypes['Driver'] };
  DriverLocationPayload: Omit<DriverLocationPayload, 'driver'> & { driver: ResolversParentTypes['Driver'] };
  DriverPayload: Omit<DriverPayload, 'driver'> & { driver?: Maybe<ResolversParentTypes['Driver']> };
  DriverPosition: DriverPositionModel;
  Fleet: FleetModel;
  FleetPayload: Omit<FleetPayload, 'fleet'> & { fleet?: Maybe<ResolversParentTypes['Fleet']> };
  FleetUserError: FleetUserError;
  GeoPoint: GeoPoint;
  GeoPointInput: GeoPointInput;
  Hub: HubModel;
  HubPayload: Omit<HubPayload, 'hub'> & { hub?: Maybe<ResolversParentTypes['Hub']> };
  Money: Money;
  MoneyInput: MoneyInput;
  Mutation: Record<PropertyKey, never>;
  NearbyDriverConnection: Omit<NearbyDriverConnection, 'edges'> & { edges: Array<ResolversParentTypes['NearbyDriverEdge']> };
  NearbyDriverEdge: NearbyDriverEdgeModel;
  OperationsSummary: OperationsSummaryModel;
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  ReviewAttendanceInput: ReviewAttendanceInput;
  Subscription: Record<PropertyKey, never>;
  UpdateDriverProfileInput: UpdateDriverProfileInput;
  UpdateFleetInput: UpdateFleetInput;
  UpdateHubInput: UpdateHubInput;
  UpdateVehicleInput: UpdateVehicleInput;
  User: UserRef;
  Vehicle: VehicleModel;
  VehicleConnection: VehicleConnectionModel;
  VehicleEdge: Omit<VehicleEdge, 'node'> & { node: ResolversParentTypes['Vehicle'] };
  VehiclePayload: Omit<VehiclePayload, 'vehicle'> & { vehicle?: Maybe<ResolversParentTypes['Vehicle']> };
}>;

export type PublicDirectiveArgs = { };

export type PublicDirectiveResolver<Result, Parent, ContextType = FleetContext, Args = PublicDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AssignmentResolvers<ContextType = FleetContext, ParentType extends ResolversParentTypes['Assignment'] = ResolversParentTypes['Assignment']> = ResolversObject<{
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  driver?: Resolver<ResolversTypes['Driver'], ParentType, ContextType>;
  endedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  vehicle?: Resolver<ResolversTypes['Vehicle'], ParentType, ContextType>;
}>;

export type AssignmentConnectionResolvers<ContextType = FleetContext, ParentType extends ResolversParentTypes['AssignmentConnection'] = ResolversParentTypes['AssignmentConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['AssignmentEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type AssignmentEdgeResolvers<ContextType = FleetContext, ParentType extends ResolversParentTypes['AssignmentEdge'] = ResolversParentTypes['AssignmentEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Assignment'], ParentType, ContextType>;
}>;

export type AssignmentPayloadResolvers<ContextType = FleetContext, ParentType extends ResolversParentTypes['AssignmentPayload'] = ResolversParentTypes['AssignmentPayload']> = ResolversObject<{
  assignment?: Resolver<Maybe<ResolversTypes['Assignment']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['FleetUserError']>, ParentType, ContextType>;
}>;

export type AttendanceResolvers<ContextType = FleetContext, ParentType extends ResolversParentTypes['Attendance'] = ResolversParentTypes['Attendance']> = ResolversObject<{
  approval?: Resolver<ResolversTypes['AttendanceApproval'], ParentType, ContextType>;
  breaks?: Resolver<Array<ResolversTypes['Break']>, ParentType, ContextType>;
  cashDeposited?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  checkInLocation?: Resolver<ResolversTypes['GeoPoint'], ParentType, ContextType>;
  checkInOdometerKm?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  checkOutOdometerKm?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  checkedInAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  checkedOutAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  driver?: Resolver<ResolversTypes['Driver'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  onBreak?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  reviewNote?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reviewedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  reviewedBy?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  selfieUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  vehicle?: Resolver<Maybe<ResolversTypes['Vehicle']>, ParentType, ContextType>;
}>;

export type AttendanceConnectionResolvers<ContextType = FleetContext, ParentType extends ResolversParentTypes['AttendanceConnection'] = ResolversParentTypes['AttendanceConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['AttendanceEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type AttendanceEdgeResolvers<ContextType = FleetContext, ParentType extends ResolversParentTypes['AttendanceEdge'] = ResolversParentTypes['AttendanceEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Attendance'], ParentType, ContextType>;
}>;

export type AttendancePayloadResolvers<ContextType = FleetContext, ParentType extends ResolversParentTypes['AttendancePayload'] = ResolversParentTypes['AttendancePayload']> = ResolversObject<{
  attendance?: Resolver<Maybe<ResolversTypes['Attendance']>, ParentType, ContextType>;
  driver?: Resolver<Maybe<ResolversTypes['Driver']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['FleetUserError']>, ParentType, ContextType>;
}>;

export type BreakResolvers<ContextType = FleetContext, ParentType extends ResolversParentTypes['Break'] = ResolversParentTypes['Break']> = ResolversObject<{
  endedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DriverResolvers<ContextType = FleetContext, ParentType extends ResolversParentTypes['Driver'] = ResolversParentTypes['Driver'], FederationReferenceType extends FederationReferenceTypes['Driver'] = FederationReferenceTypes['Driver']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Driver']> | FederationReferenceType, FederationReferenceType, ContextType>;
  attendances?: Resolver<Maybe<ResolversTypes['AttendanceConnection']>, ParentType, ContextType, RequireFields<DriverAttendancesArgs, 'first'>>;
  currentAssignment?: Resolver<Maybe<ResolversTypes['Assignment']>, ParentType, ContextType>;
  fleet?: Resolver<Maybe<ResolversTypes['Fleet']>, ParentType, ContextType>;
  heading?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  homeHub?: Resolver<Maybe<ResolversTypes['Hub']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  licenceExpiresOn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  licenceNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  openAttendance?: Resolver<Maybe<ResolversTypes['Attendance']>, ParentType, ContextType>;
  position?: Resolver<Maybe<ResolversTypes['GeoPoint']>, ParentType, ContextType>;
  positionUpdatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  rating?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  speedKph?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['DriverStatus']>, ParentType, ContextType>;
  suspended?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  suspensionReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  vehicle?: Resolver<Maybe<ResolversTypes['Vehicle']>, ParentType, ContextType>;
}>;

export type DriverConnectionResolvers<ContextType = FleetContext, ParentType extends ResolversParentTypes['DriverConnection'] = ResolversParentTypes['DriverConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['DriverEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type DriverEdgeResolvers<ContextType = FleetContext, ParentType extends ResolversParentTypes['DriverEdge'] = ResolversParentTypes['DriverEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Driver'], ParentType, ContextType>;
}>;

export type DriverLocationPayloadResolvers<ContextType = FleetContext, ParentType extends ResolversParentTypes['DriverLocationPayload'] = ResolversParentTypes['DriverLocationPayload']> = ResolversObject<{
  driver?: Resolver<ResolversTypes['Driver'], ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type DriverPayloadResolvers<ContextType = FleetContext, ParentType extends ResolversParentTypes['DriverPayload'] = ResolversParentTypes['DriverPayload']> = ResolversObject<{
  driver?: Resolver<Maybe<ResolversTypes['Driver']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['FleetUserError']>, ParentType, ContextType>;
}>;

export type DriverPositionResolvers<ContextType = FleetContext, ParentType extends ResolversParentTypes['DriverPosition'] = ResolversParentTypes['DriverPosition']> = ResolversObject<{
  driver?: Resolver<ResolversTypes['Driver'], ParentType, ContextType>;
  heading?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  latitude?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  longitude?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  speedKph?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['DriverStatus'], ParentType, ContextType>;
}>;

export type FleetResolvers<ContextType = FleetContext, ParentType extends ResolversParentTypes['Fleet'] = ResolversParentTypes['Fleet'], FederationReferenceType extends FederationReferenceTypes['Fleet'] = FederationReferenceTypes['Fleet']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Fleet']> | FederationReferenceType, FederationReferenceType, ContextType>;
  city?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  hubs?: Resolver<Array<ResolversTypes['Hub']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type FleetPayloadResolvers<ContextType = FleetContext, ParentType extends ResolversParentTypes['FleetPayload'] = ResolversParentTypes['FleetPayload']> = ResolversObject<{
  fleet?: Resolver<Maybe<ResolversTypes['Fleet']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['FleetUserError']>, ParentType, ContextType>;
}>;

export type FleetUserErrorResolvers<ContextType = FleetContext, ParentType extends ResolversParentTypes['FleetUserError'] = ResolversParentTypes['FleetUserError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['FleetUserErrorCode'], ParentType, ContextType>;
  field?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
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
  retiredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
}>;

export type HubPayloadResolvers<ContextType = FleetContext, ParentType extends ResolversParentTypes['HubPayload'] = ResolversParentTypes['HubPayload']> = ResolversObject<{
  hub?: Resolver<Maybe<ResolversTypes['Hub']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['FleetUserError']>, ParentType, ContextType>;
}>;

export type MoneyResolvers<ContextType = FleetContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = ResolversObject<{
  amountMinor?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = FleetContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  assignVehicle?: Resolver<ResolversTypes['AssignmentPayload'], ParentType, ContextType, RequireFields<MutationAssignVehicleArgs, 'driverId' | 'vehicleId'>>;
  checkIn?: Resolver<ResolversTypes['AttendancePayload'], ParentType, ContextType, RequireFields<MutationCheckInArgs, 'input'>>;
  checkOut?: Resolver<ResolversTypes['AttendancePayload'], ParentType, ContextType, RequireFields<MutationCheckOutArgs, 'input'>>;
  createDriverProfile?: Resolver<ResolversTypes['DriverPayload'], ParentType, ContextType, RequireFields<MutationCreateDriverProfileArgs, 'input'>>;
  createFleet?: Resolver<ResolversTypes['FleetPayload'], ParentType, ContextType, RequireFields<MutationCreateFleetArgs, 'input'>>;
  createHub?: Resolver<ResolversTypes['HubPayload'], ParentType, ContextType, RequireFields<MutationCreateHubArgs, 'input'>>;
  createVehicle?: Resolver<ResolversTypes['VehiclePayload'], ParentType, ContextType, RequireFields<MutationCreateVehicleArgs, 'input'>>;
  endAssignment?: Resolver<ResolversTypes['AssignmentPayload'], ParentType, ContextType, RequireFields<MutationEndAssignmentArgs, 'id'>>;
  endBreak?: Resolver<ResolversTypes['AttendancePayload'], ParentType, ContextType>;
  reinstateDriver?: Resolver<ResolversTypes['DriverPayload'], ParentType, ContextType, RequireFields<MutationReinstateDriverArgs, 'driverId'>>;
  retireHub?: Resolver<ResolversTypes['HubPayload'], ParentType, ContextType, RequireFields<MutationRetireHubArgs, 'id'>>;
  reviewAttendance?: Resolver<ResolversTypes['AttendancePayload'], ParentType, ContextType, RequireFields<MutationReviewAttendanceArgs, 'input'>>;
  startBreak?: Resolver<ResolversTypes['AttendancePayload'], ParentType, ContextType>;
  suspendDriver?: Resolver<ResolversTypes['DriverPayload'], ParentType, ContextType, RequireFields<MutationSuspendDriverArgs, 'driverId' | 'reason'>>;
  updateDriverLocation?: Resolver<ResolversTypes['DriverLocationPayload'], ParentType, ContextType, RequireFields<MutationUpdateDriverLocationArgs, 'latitude' | 'longitude'>>;
  updateDriverProfile?: Resolver<ResolversTypes['DriverPayload'], ParentType, ContextType, RequireFields<MutationUpdateDriverProfileArgs, 'input'>>;
  updateFleet?: Resolver<ResolversTypes['FleetPayload'], ParentType, ContextType, RequireFields<MutationUpdateFleetArgs, 'input'>>;
  updateHub?: Resolver<ResolversTypes['HubPayload'], ParentType, ContextType, RequireFields<MutationUpdateHubArgs, 'input'>>;
  updateVehicle?: Resolver<ResolversTypes['VehiclePayload'], ParentType, ContextType, RequireFields<MutationUpdateVehicleArgs, 'input'>>;
}>;

export type NearbyDriverConnectionResolvers<ContextType = FleetContext, ParentType extends ResolversParentTypes['NearbyDriverConnection'] = ResolversParentTypes['NearbyDriverConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['NearbyDriverEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type NearbyDriverEdgeResolvers<ContextType = FleetContext, ParentType extends ResolversParentTypes['NearbyDriverEdge'] = ResolversParentTypes['NearbyDriverEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  distanceMeters?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Driver'], ParentType, ContextType>;
}>;

export type OperationsSummaryResolvers<ContextType = FleetContext, ParentType extends ResolversParentTypes['OperationsSummary'] = ResolversParentTypes['OperationsSummary'], FederationReferenceType extends FederationReferenceTypes['OperationsSummary'] = FederationReferenceTypes['OperationsSummary']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['OperationsSummary']> | FederationReferenceType, FederationReferenceType, ContextType>;
  driverHoursOnline?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  driversOnline?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  utilisation?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = FleetContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = FleetContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  assignments?: Resolver<ResolversTypes['AssignmentConnection'], ParentType, ContextType, RequireFields<QueryAssignmentsArgs, 'first'>>;
  attendances?: Resolver<ResolversTypes['AttendanceConnection'], ParentType, ContextType, RequireFields<QueryAttendancesArgs, 'first'>>;
  driver?: Resolver<Maybe<ResolversTypes['Driver']>, ParentType, ContextType, RequireFields<QueryDriverArgs, 'id'>>;
  drivers?: Resolver<ResolversTypes['DriverConnection'], ParentType, ContextType, RequireFields<QueryDriversArgs, 'first'>>;
  fleet?: Resolver<Maybe<ResolversTypes['Fleet']>, ParentType, ContextType, RequireFields<QueryFleetArgs, 'id'>>;
  fleets?: Resolver<Array<ResolversTypes['Fleet']>, ParentType, ContextType>;
  nearbyDrivers?: Resolver<ResolversTypes['NearbyDriverConnection'], ParentType, ContextType, RequireFields<QueryNearbyDriversArgs, 'first' | 'location' | 'radiusKm'>>;
  vehicle?: Resolver<Maybe<ResolversTypes['Vehicle']>, ParentType, ContextType, RequireFields<QueryVehicleArgs, 'id'>>;
  vehicles?: Resolver<ResolversTypes['VehicleConnection'], ParentType, ContextType, RequireFields<QueryVehiclesArgs, 'first'>>;
}>;

export type SubscriptionResolvers<ContextType = FleetContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = ResolversObject<{
  driverLocationUpdated?: SubscriptionResolver<ResolversTypes['DriverPosition'], "driverLocationUpdated", ParentType, ContextType, RequireFields<SubscriptionDriverLocationUpdatedArgs, 'driverId'>>;
  fleetPositions?: SubscriptionResolver<ResolversTypes['DriverPosition'], "fleetPositions", ParentType, ContextType, RequireFields<SubscriptionFleetPositionsArgs, 'fleetId'>>;
}>;

export type UserResolvers<ContextType = FleetContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  driverProfile?: Resolver<Maybe<ResolversTypes['Driver']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type VehicleResolvers<ContextType = FleetContext, ParentType extends ResolversParentTypes['Vehicle'] = ResolversParentTypes['Vehicle'], FederationReferenceType extends FederationReferenceTypes['Vehicle'] = FederationReferenceTypes['Vehicle']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Vehicle']> | FederationReferenceType, FederationReferenceType, ContextType>;
  category?: Resolver<ResolversTypes['VehicleCategory'], ParentType, ContextType>;
  colour?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  currentAssignment?: Resolver<Maybe<ResolversTypes['Assignment']>, ParentType, ContextType>;
  fleet?: Resolver<Maybe<ResolversTypes['Fleet']>, ParentType, ContextType>;
  homeHub?: Resolver<Maybe<ResolversTypes['Hub']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  make?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  model?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  plate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['VehicleStatus']>, ParentType, ContextType>;
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type VehicleConnectionResolvers<ContextType = FleetContext, ParentType extends ResolversParentTypes['VehicleConnection'] = ResolversParentTypes['VehicleConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['VehicleEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type VehicleEdgeResolvers<ContextType = FleetContext, ParentType extends ResolversParentTypes['VehicleEdge'] = ResolversParentTypes['VehicleEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Vehicle'], ParentType, ContextType>;
}>;

export type VehiclePayloadResolvers<ContextType = FleetContext, ParentType extends ResolversParentTypes['VehiclePayload'] = ResolversParentTypes['VehiclePayload']> = ResolversObject<{
  userErrors?: Resolver<Array<ResolversTypes['FleetUserError']>, ParentType, ContextType>;
  vehicle?: Resolver<Maybe<ResolversTypes['Vehicle']>, ParentType, ContextType>;
}>;

export type Resolvers<ContextType = FleetContext> = ResolversObject<{
  Assignment?: AssignmentResolvers<ContextType>;
  AssignmentConnection?: AssignmentConnectionResolvers<ContextType>;
  AssignmentEdge?: AssignmentEdgeResolvers<ContextType>;
  AssignmentPayload?: AssignmentPayloadResolvers<ContextType>;
  Attendance?: AttendanceResolvers<ContextType>;
  AttendanceConnection?: AttendanceConnectionResolvers<ContextType>;
  AttendanceEdge?: AttendanceEdgeResolvers<ContextType>;
  AttendancePayload?: AttendancePayloadResolvers<ContextType>;
  Break?: BreakResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Driver?: DriverResolvers<ContextType>;
  DriverConnection?: DriverConnectionResolvers<ContextType>;
  DriverEdge?: DriverEdgeResolvers<ContextType>;
  DriverLocationPayload?: DriverLocationPayloadResolvers<ContextType>;
  DriverPayload?: DriverPayloadResolvers<ContextType>;
  DriverPosition?: DriverPositionResolvers<ContextType>;
  Fleet?: FleetResolvers<ContextType>;
  FleetPayload?: FleetPayloadResolvers<ContextType>;
  FleetUserError?: FleetUserErrorResolvers<ContextType>;
  GeoPoint?: GeoPointResolvers<ContextType>;
  Hub?: HubResolvers<ContextType>;
  HubPayload?: HubPayloadResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  NearbyDriverConnection?: NearbyDriverConnectionResolvers<ContextType>;
  NearbyDriverEdge?: NearbyDriverEdgeResolvers<ContextType>;
  OperationsSummary?: OperationsSummaryResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  Vehicle?: VehicleResolvers<ContextType>;
  VehicleConnection?: VehicleConnectionResolvers<ContextType>;
  VehicleEdge?: VehicleEdgeResolvers<ContextType>;
  VehiclePayload?: VehiclePayloadResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = FleetContext> = ResolversObject<{
  public?: PublicDirectiveResolver<any, any, ContextType>;
}>;
