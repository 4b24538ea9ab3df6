import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { UserModel, AuditEntryModel, FleetRef, UserConnectionModel, AuditEntryConnectionModel } from '../resolvers/mappers.js';
import type { IdentityContext } from '../context.js';
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
  /** Any JSON value (object, array, string, number, boolean or null), as it was stored. */
  JSON: { input: unknown; output: unknown; }
  _FieldSet: { input: unknown; output: unknown; }
};

/**
 * One staff action that changed someone else's data or money, recorded by the subgraph that performed it in the same
 * transaction as the change: an entry exists exactly when its change committed. Entries are never changed or deleted.
 */
export type AuditEntry = {
  __typename?: 'AuditEntry';
  /** What was done, `<entity>.<verb>` in the performing subgraph's words, e.g. `vehicle.assign` or `payment.refund` (AUDIT.md lists them). */
  action: Scalars['String']['output'];
  /** The member of staff who acted; null when identity has no account with `actorId`. */
  actor: Maybe<User>;
  /** Id of the member of staff who acted. */
  actorId: Scalars['ID']['output'];
  /** The roles the actor held when they acted. */
  actorRoles: Array<Role>;
  /** The fields the action touched, as they are after; null when the target no longer exists. Never secrets. */
  after: Maybe<Scalars['JSON']['output']>;
  /** The fields the action touched, as they were before; null when the target did not exist before. Never secrets. */
  before: Maybe<Scalars['JSON']['output']>;
  /** Stable identifier of the entry (the id of the event that carried it). */
  id: Scalars['ID']['output'];
  /** When the action was performed (the commit of the change). */
  occurredAt: Scalars['DateTime']['output'];
  /** The reason the actor gave, where the action asks for one. */
  reason: Maybe<Scalars['String']['output']>;
  /** The `x-request-id` of the client request that caused the action (echoed in its response), when it came from one. */
  requestId: Maybe<Scalars['String']['output']>;
  /** The subgraph that performed the action. */
  source: AuditSource;
  /** Id of what was changed. */
  targetId: Scalars['ID']['output'];
  /** GraphQL type name of what was changed, e.g. `Driver`, `Payment`, `User`. */
  targetType: Scalars['String']['output'];
};

/** A page of audit entries, newest first. */
export type AuditEntryConnection = {
  __typename?: 'AuditEntryConnection';
  /** The entries of this page. */
  edges: Array<AuditEntryEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** How many entries the filter selects across all pages (counted only when asked for: one COUNT statement). */
  totalCount: Scalars['Int']['output'];
};

/** One audit entry in a page, with its cursor. */
export type AuditEntryEdge = {
  __typename?: 'AuditEntryEdge';
  /** Pass as `after` to continue after this entry. */
  cursor: Scalars['String']['output'];
  /** The entry. */
  node: AuditEntry;
};

/** Which audit entries to list. Every given filter must hold (they combine with AND); none given lists every entry. */
export type AuditLogFilterInput = {
  /** Only this action, e.g. `payment.refund` (exact). */
  action?: InputMaybe<Scalars['String']['input']>;
  /** Only actions by this member of staff. */
  actorId?: InputMaybe<Scalars['ID']['input']>;
  /** Only actions at or after this instant. */
  from?: InputMaybe<Scalars['DateTime']['input']>;
  /** Only actions performed by this subgraph. */
  source?: InputMaybe<AuditSource>;
  /** Only actions on this thing. */
  target?: InputMaybe<AuditTargetInput>;
  /** Only actions strictly before this instant. */
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

/** The subgraph that performed an audited action. */
export type AuditSource =
  /** Fleets, hubs, vehicles, drivers, assignments and attendance (fleet). */
  | 'FLEET'
  /** Points, earning rules, partners and coupons (gamification). */
  | 'GAMIFICATION'
  /** Accounts, roles and staff (identity). */
  | 'IDENTITY'
  /** Announcements and notifications (notifications). */
  | 'NOTIFICATIONS'
  /** Money: refunds, corrections, rental plans, payouts, settlements (payments). */
  | 'PAYMENTS'
  /** Trips, dispatch and pricing (trips). */
  | 'TRIPS';

/** The thing an audited action changed. */
export type AuditTargetInput = {
  /** Its id. */
  id: Scalars['ID']['input'];
  /** Its GraphQL type name, e.g. `Driver` (exact, case-sensitive). */
  type: Scalars['String']['input'];
};

/**
 * Result of a sign-in (`verifyOtp`, `signIn`, `register`) or of `refreshSession`: the tokens of a session, or the
 * reasons there is none. Read the user with `me` using the new access token.
 */
export type AuthPayload = {
  __typename?: 'AuthPayload';
  /** Short-lived ES256 JWT for `Authorization: Bearer …`; null when `userErrors` is not empty. */
  accessToken: Maybe<Scalars['String']['output']>;
  /** When the access token expires (at most 15 minutes); refresh before then. */
  accessTokenExpiresAt: Maybe<Scalars['DateTime']['output']>;
  /** Whether this sign-in created the account (first phone sign-in, or `register`). */
  newUser: Scalars['Boolean']['output'];
  /** Opaque refresh token, usable exactly once with `refreshSession`; keep it secret. Null with `userErrors`. */
  refreshToken: Maybe<Scalars['String']['output']>;
  /** When the session ends unless refreshed before then. */
  refreshTokenExpiresAt: Maybe<Scalars['DateTime']['output']>;
  /** The signed-in user's roles (also in the access token). */
  roles: Maybe<Array<Role>>;
  /** The session these tokens belong to. */
  sessionId: Maybe<Scalars['ID']['output']>;
  /** Input problems; empty on success. */
  userErrors: Array<UserError>;
  /** The signed-in user's id. */
  userId: Maybe<Scalars['ID']['output']>;
};

/** Result of `changePassword`. */
export type ChangePasswordPayload = {
  __typename?: 'ChangePasswordPayload';
  /** Whether the password was changed. */
  passwordChanged: Scalars['Boolean']['output'];
  /** How many of the viewer's other sessions were ended (the one making the request stays). */
  revokedSessionCount: Scalars['Int']['output'];
  /** Input problems; empty on success. */
  userErrors: Array<UserError>;
};

/** Result of `confirmPasswordReset`. */
export type ConfirmPasswordResetPayload = {
  __typename?: 'ConfirmPasswordResetPayload';
  /** Whether the password was changed. Every session of the account was ended; sign in with the new password. */
  passwordChanged: Scalars['Boolean']['output'];
  /** Input problems; empty on success. */
  userErrors: Array<UserError>;
};

/** A new member of staff. They sign in with their phone (OTP) or set a password through `requestPasswordReset`. */
export type CreateStaffUserInput = {
  /** Email address; at least one of email and phone is required. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** Fleets managed; required (non-empty) with FLEET_MANAGER, and only then. */
  fleetIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Full name (1 to 100 characters). */
  name: Scalars['String']['input'];
  /**
   * E.164 phone number; at least one of email and phone is required. The super admin vouches for it: codes sent to it
   * sign in to this account. A phone another account signs in with is PHONE_TAKEN.
   */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** Staff roles: one or more of SUPER_ADMIN, OPERATIONS, FLEET_MANAGER. */
  roles: Array<Role>;
};

/** What a client tells about the device it signs in from; shown in the user's list of sessions. */
export type DeviceInput = {
  /** A name the user recognises, e.g. `Ada's iPhone` (at most 100 characters). */
  name?: InputMaybe<Scalars['String']['input']>;
  /** The kind of device. */
  platform?: InputMaybe<DevicePlatform>;
};

/** The kind of device a session runs on, as the client reports it. */
export type DevicePlatform =
  /** An Android app. */
  | 'ANDROID'
  /** An iPhone or iPad app. */
  | 'IOS'
  /** Anything else. */
  | 'OTHER'
  /** A web browser (e.g. the operations dashboard). */
  | 'WEB';

/**
 * A fleet (owned by the fleet subgraph); identity contributes who manages it. Identity keeps, per user, the ids of the
 * fleets they manage, and the ids of the fleets fleet announced (for `onboardDriver`); nothing else of a fleet.
 */
export type Fleet = {
  __typename?: 'Fleet';
  /** Stable identifier of the fleet. */
  id: Scalars['ID']['output'];
  /**
   * Users with the FLEET_MANAGER role who manage this fleet (deactivated ones included), by name. Readable by SUPER_ADMIN,
   * OPERATIONS and the managers of this fleet (as their token says); for another FLEET_MANAGER this field is null
   * with a FORBIDDEN error at its path. Changed by `assignFleetManager` and `removeFleetManager`.
   */
  managers: Array<User>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Makes a user a manager of a fleet: adds FLEET_MANAGER to their roles if missing and the fleet to the fleets they
   * manage (already a manager of it: nothing changes, nothing is recorded). Recorded in the audit log
   * (`fleet_manager.assign`, before/after roles and fleet ids). The fleet must exist: INVALID_FLEET_ID for an id that
   * is not a UUID, FLEET_NOT_FOUND for a fleet identity does not know (it learns fleets from the fleet subgraph within
   * a second of their creation), nothing written either way. The user's tokens carry the fleet from their next
   * refresh (within 15 minutes). USER_NOT_FOUND for an unknown user.
   */
  assignFleetManager: UserPayload;
  /**
   * Replaces the viewer's password. The current one must be given (a wrong one is INVALID_CREDENTIALS, counted
   * against a per-account limit, RATE_LIMITED); every other session of the account ends, this one stays.
   */
  changePassword: ChangePasswordPayload;
  /**
   * Sets a new password with a token from `requestPasswordReset` and ends every session of the account. A token
   * whose account no longer has its email proven (it was changed since) is INVALID_RESET_TOKEN.
   */
  confirmPasswordReset: ConfirmPasswordResetPayload;
  /** Creates a member of staff. */
  createStaffUser: UserPayload;
  /** Deactivates a user and ends all their sessions; they cannot sign in again. Not allowed on yourself. */
  deactivateUser: UserPayload;
  /**
   * Onboards a driver in one step: finds the account signing in with `phone` or creates it (no password: the person
   * signs in with a code sent to the phone), grants DRIVER, texts them an invitation, and has fleet create the driver
   * profile in `fleetId` (within seconds, through the `driver.onboarded` event). A rider's account becomes a driver
   * too. Refused as userErrors, nothing written: FLEET_NOT_FOUND (a fleet identity does not know, or, for a
   * FLEET_MANAGER, not one of theirs), ALREADY_DRIVER, USER_NOT_ELIGIBLE (staff), ACCOUNT_DISABLED (deactivated),
   * and malformed input. Recorded in the audit log (`driver.onboard`).
   */
  onboardDriver: OnboardDriverPayload;
  /** Lets a deactivated user sign in again (their sessions stay ended). Reactivating an active user changes nothing. */
  reactivateUser: UserPayload;
  /**
   * Exchanges a refresh token for new tokens; the presented token stops working. Presenting a token that was
   * already exchanged ends its whole session (it may have been stolen). An unknown, expired or revoked token, or a
   * deactivated user, is an UNAUTHENTICATED error: sign in again.
   */
  refreshSession: AuthPayload;
  /**
   * Creates a RIDER account with email and password, and signs it in. A phone is attached only when proven with
   * `phoneCode`; a phone that already signs in to an account is PHONE_TAKEN (accounts are never merged: sign in to that
   * one with a code). An email another account uses is EMAIL_TAKEN (checked before the code is spent). Sends a
   * link proving the email (`verifyEmail`), valid 24 hours.
   */
  register: AuthPayload;
  /**
   * Stops a user managing a fleet: drops the fleet from the fleets they manage, and the FLEET_MANAGER role when no
   * fleet is left (other roles stay). A user who does not manage the fleet is returned unchanged and nothing is
   * recorded. Recorded in the audit log (`fleet_manager.remove`, before/after roles and fleet ids). The user's tokens
   * lose the fleet at their next refresh (within 15 minutes): until then a token they hold still names it.
   * USER_NOT_FOUND for an unknown user, INVALID_FLEET_ID for a malformed fleet id.
   */
  removeFleetManager: UserPayload;
  /**
   * Sends a six-digit sign-in code by SMS, valid 5 minutes, replacing any earlier code for the phone. Another may
   * be requested after `resendAvailableAt`. Rate-limited per phone and per client IP (RATE_LIMITED error).
   */
  requestOtp: RequestOtpPayload;
  /**
   * Emails a single-use password reset token (valid 30 minutes) if an active account has this email proven. The answer
   * is the same either way (an unproven email gets nothing).
   */
  requestPasswordReset: RequestPasswordResetPayload;
  /** Ends one of the viewer's own sessions (see `mySessions`). */
  revokeSession: SessionRevocationPayload;
  /**
   * Replaces a user's roles (and managed fleets). Takes effect at the user's next refresh, within 15 minutes. A
   * super admin cannot remove SUPER_ADMIN from themself.
   */
  setUserRoles: UserPayload;
  /**
   * Signs in with email and password. A wrong email and a wrong password are indistinguishable. An email not proven
   * yet (`User.emailVerified` false) is EMAIL_NOT_VERIFIED, told only with the right password. Rate-limited per
   * email and per client IP (RATE_LIMITED error).
   */
  signIn: AuthPayload;
  /** Ends the session of the access token making this request. */
  signOut: SessionRevocationPayload;
  /** Ends every session of the viewer, on every device, this one included. */
  signOutEverywhere: SessionRevocationPayload;
  /**
   * Changes the viewer's own profile (see UpdateMeInput). Input problems come back as userErrors and change nothing.
   * A new email is unproven until its link is opened, and outstanding password reset links stop working.
   */
  updateMe: UpdateMePayload;
  /**
   * Proves an account's email with the token from the link `register` or `updateMe` sent to it (single use, valid
   * EMAIL_VERIFICATION_TTL_SECONDS, default 24 hours), if the account still has the email the link was sent to.
   */
  verifyEmail: VerifyEmailPayload;
  /**
   * Signs in with the code from `requestOtp` to the account this phone signs in to; the first sign-in of a phone
   * creates a RIDER account. Only a phone proven with a code (or given by a super admin to a staff member) leads to an
   * account: an email account on which someone typed this phone without proving it is never signed in to. Each code
   * allows 5 attempts, then it is dead even for the right code.
   */
  verifyOtp: AuthPayload;
};


export type MutationAssignFleetManagerArgs = {
  fleetId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};


export type MutationChangePasswordArgs = {
  currentPassword: Scalars['String']['input'];
  newPassword: Scalars['String']['input'];
};


export type MutationConfirmPasswordResetArgs = {
  newPassword: Scalars['String']['input'];
  token: Scalars['String']['input'];
};


export type MutationCreateStaffUserArgs = {
  input: CreateStaffUserInput;
};


export type MutationDeactivateUserArgs = {
  userId: Scalars['ID']['input'];
};


export type MutationOnboardDriverArgs = {
  input: OnboardDriverInput;
};


export type MutationReactivateUserArgs = {
  userId: Scalars['ID']['input'];
};


export type MutationRefreshSessionArgs = {
  refreshToken: Scalars['String']['input'];
};


export type MutationRegisterArgs = {
  device?: InputMaybe<DeviceInput>;
  email: Scalars['String']['input'];
  name: Scalars['String']['input'];
  password: Scalars['String']['input'];
  phone?: InputMaybe<Scalars['String']['input']>;
  phoneCode?: InputMaybe<Scalars['String']['input']>;
  referralCode?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRemoveFleetManagerArgs = {
  fleetId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};


export type MutationRequestOtpArgs = {
  phone: Scalars['String']['input'];
};


export type MutationRequestPasswordResetArgs = {
  email: Scalars['String']['input'];
};


export type MutationRevokeSessionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSetUserRolesArgs = {
  fleetIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  roles: Array<Role>;
  userId: Scalars['ID']['input'];
};


export type MutationSignInArgs = {
  device?: InputMaybe<DeviceInput>;
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
};


export type MutationUpdateMeArgs = {
  input: UpdateMeInput;
};


export type MutationVerifyEmailArgs = {
  token: Scalars['String']['input'];
};


export type MutationVerifyOtpArgs = {
  code: Scalars['String']['input'];
  device?: InputMaybe<DeviceInput>;
  phone: Scalars['String']['input'];
  referralCode?: InputMaybe<Scalars['String']['input']>;
};

/** A person to onboard as a driver of a fleet in one step (see `onboardDriver`). */
export type OnboardDriverInput = {
  /** The fleet they will drive for: one identity knows from fleet (a FLEET_MANAGER: one of their own fleets). */
  fleetId: Scalars['ID']['input'];
  /** The last day the licence is valid, `YYYY-MM-DD`; check-in is refused after it. Omit when not known. */
  licenceExpiresOn?: InputMaybe<Scalars['String']['input']>;
  /** Driving licence number, 4 to 30 letters, digits or dashes (stored upper-case); unique among drivers (fleet checks it). */
  licenceNumber: Scalars['String']['input'];
  /** Full name (1 to 100 characters) for a new account; an existing account keeps the name it has. */
  name: Scalars['String']['input'];
  /** E.164 phone number the person will sign in with (codes are sent to it); the caller vouches that it is theirs. */
  phone: Scalars['String']['input'];
};

/** Result of `onboardDriver`. */
export type OnboardDriverPayload = {
  __typename?: 'OnboardDriverPayload';
  /** Whether the SMS invitation was handed to the carrier (false: the onboarding stands; the person can still sign in with a code). */
  inviteSent: Scalars['Boolean']['output'];
  /** Whether this call created the account (false: an existing rider account became a driver). */
  newUser: Scalars['Boolean']['output'];
  /**
   * The account as it is now, holding DRIVER; null when `userErrors` is not empty (then nothing was written). The
   * driver profile appears in fleet within seconds (`User.driverProfile`).
   */
  user: Maybe<User>;
  /** Input problems; empty on success. */
  userErrors: Array<UserError>;
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
  /**
   * The audit log: staff actions across every subgraph that changed someone else's data or money, newest first
   * (AUDIT.md lists the actions recorded). SUPER_ADMIN only. An action appears within seconds of its commit (its entry
   * travels as a durable event).
   */
  auditLog: AuditEntryConnection;
  /** The signed-in user. */
  me: Maybe<User>;
  /** The viewer's sessions that have not ended, most recently used first (at most 100). */
  mySessions: Array<Session>;
  /** The user with this id, or null when there is none. */
  user: Maybe<User>;
  /**
   * Every user, newest account first, for the operations dashboard. Filters combine: `role` (has that role),
   * `active`, and `search` (part of the name, email or phone, case-insensitive).
   */
  users: UserConnection;
};


export type QueryAuditLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AuditLogFilterInput>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryUserArgs = {
  id: Scalars['ID']['input'];
};


export type QueryUsersArgs = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  role?: InputMaybe<Role>;
  search?: InputMaybe<Scalars['String']['input']>;
};

/** Result of `requestOtp`. The code itself is only ever sent by SMS. */
export type RequestOtpPayload = {
  __typename?: 'RequestOtpPayload';
  /** When the code sent now stops working; null when none was sent. */
  expiresAt: Maybe<Scalars['DateTime']['output']>;
  /** When another code may be requested for this phone; null when the input was invalid. */
  resendAvailableAt: Maybe<Scalars['DateTime']['output']>;
  /** Whether a code was sent now. */
  sent: Scalars['Boolean']['output'];
  /** Input problems; empty when a code was sent. */
  userErrors: Array<UserError>;
};

/** Result of `requestPasswordReset`: the same whether or not the email belongs to an account. */
export type RequestPasswordResetPayload = {
  __typename?: 'RequestPasswordResetPayload';
  /** True when the request was accepted: if an account has this email, a reset link is on its way. */
  accepted: Scalars['Boolean']['output'];
  /** Input problems (a malformed email); empty otherwise. */
  userErrors: Array<UserError>;
};

/** What a user may do on the platform. Staff roles grant access to the operations dashboard. */
export type Role =
  /** Drives for a fleet. */
  | 'DRIVER'
  /** Manages one fleet: its vehicles, drivers and shifts. */
  | 'FLEET_MANAGER'
  /** Runs day-to-day operations across all fleets. */
  | 'OPERATIONS'
  /** Books trips. */
  | 'RIDER'
  /** Everything, including managing staff. */
  | 'SUPER_ADMIN';

/** A signed-in device of the viewer. Each session has its own refresh token, rotated on every refresh. */
export type Session = {
  __typename?: 'Session';
  /** When the user signed in on this device. */
  createdAt: Scalars['DateTime']['output'];
  /** Whether this is the session of the access token making this request. */
  current: Scalars['Boolean']['output'];
  /** Device name the client gave at sign-in, if any. */
  deviceName: Maybe<Scalars['String']['output']>;
  /** Device kind the client gave at sign-in, if any. */
  devicePlatform: Maybe<DevicePlatform>;
  /** When the session ends unless it is refreshed before then. */
  expiresAt: Scalars['DateTime']['output'];
  /** Stable identifier of the session; pass it to `revokeSession`. */
  id: Scalars['ID']['output'];
  /** Client IP address of the latest sign-in or refresh, when known. */
  ip: Maybe<Scalars['String']['output']>;
  /** When the session was last signed in or refreshed. */
  lastUsedAt: Scalars['DateTime']['output'];
};

/** Result of ending one or more sessions. */
export type SessionRevocationPayload = {
  __typename?: 'SessionRevocationPayload';
  /** How many sessions this call ended (0 when they had already ended). */
  revokedSessionCount: Scalars['Int']['output'];
  /** Input problems; empty on success. */
  userErrors: Array<UserError>;
};

/**
 * What `updateMe` changes. A field left out stays as it is; `avatarUrl`, `locale` and `timeZone` given as null are
 * cleared; `name` and `email` given as null stay as they are.
 */
export type UpdateMeInput = {
  /** https URL of a picture (at most 2048 characters). */
  avatarUrl?: InputMaybe<Scalars['String']['input']>;
  /**
   * The account's password, required with a new `email` when the account has one (missing: PASSWORD_REQUIRED, wrong:
   * INVALID_CREDENTIALS, both at `["input", "currentPassword"]`; attempts share `changePassword`'s per-account limit).
   * A stolen access token must not be enough to move the account's email, which can then reset its password. An
   * account without a password proves itself instead by a recent sign-in with a phone code (REAUTHENTICATION_REQUIRED
   * otherwise). Ignored when the email does not change.
   */
  currentPassword?: InputMaybe<Scalars['String']['input']>;
  /**
   * A new email address. It is unproven until the link sent to it is opened (`verifyEmail`): until then it cannot sign
   * in or reset a password, and another account may still claim it. Giving the current, unproven email again sends a
   * new link. An email proven by another account is EMAIL_TAKEN.
   */
  email?: InputMaybe<Scalars['String']['input']>;
  /** BCP 47 language tag, e.g. `en`, `en-GB`, `pt-BR` (at most 35 characters). */
  locale?: InputMaybe<Scalars['String']['input']>;
  /** Name shown to riders, drivers and staff (1 to 100 characters, trimmed). */
  name?: InputMaybe<Scalars['String']['input']>;
  /** IANA time zone name, e.g. `Europe/Paris`. */
  timeZone?: InputMaybe<Scalars['String']['input']>;
};

/** Result of `updateMe`. */
export type UpdateMePayload = {
  __typename?: 'UpdateMePayload';
  /** Whether a verification link was sent to the new (or still unproven) email. */
  emailVerificationSent: Scalars['Boolean']['output'];
  /** The viewer as they are now; null when `userErrors` is not empty (then nothing was changed). */
  user: Maybe<User>;
  /** Input problems; empty on success. */
  userErrors: Array<UserError>;
};

/** A person with an account: a rider, a driver or a member of staff. */
export type User = {
  __typename?: 'User';
  /** Whether the user may sign in. Deactivated users keep their history but cannot sign in or refresh a session. */
  active: Scalars['Boolean']['output'];
  /** https URL of the user's picture, set with `updateMe`; null when none. */
  avatarUrl: Maybe<Scalars['String']['output']>;
  /** When the account was created. */
  createdAt: Scalars['DateTime']['output'];
  /**
   * Email address (lower-case); null when the user has none. Readable by the user themself and by SUPER_ADMIN and
   * OPERATIONS staff; for anyone else this field is null with a FORBIDDEN error at its path.
   */
  email: Maybe<Scalars['String']['output']>;
  /**
   * Whether `email` was proven: a verification or password reset link sent to it was opened, or a super admin gave it
   * creating this staff member. False without an email. Readable like `email`.
   */
  emailVerified: Maybe<Scalars['Boolean']['output']>;
  /** Stable identifier of the user. */
  id: Scalars['ID']['output'];
  /** BCP 47 language tag the user reads, e.g. `en-GB`, set with `updateMe`; null: the app's default. */
  locale: Maybe<Scalars['String']['output']>;
  /**
   * Fleets this user manages (FLEET_MANAGER); empty for everyone else. Readable by the user themself and by
   * SUPER_ADMIN and OPERATIONS staff; for anyone else this field is null with a FORBIDDEN error at its path.
   */
  managedFleetIds: Maybe<Array<Scalars['ID']['output']>>;
  /** Name shown to riders, drivers and staff. */
  name: Scalars['String']['output'];
  /**
   * E.164 phone number, e.g. `+15551234567`, proven with a code sent to it (or given by the super admin who created
   * this staff member); codes sent to it sign in to this account. Null when the user has none. Readable by the user
   * themself and by SUPER_ADMIN and OPERATIONS staff; for anyone else this field is null with a FORBIDDEN error at its
   * path.
   */
  phone: Maybe<Scalars['String']['output']>;
  /**
   * The user's own referral code (8 characters), to share: a new user who signs up with it (`register` or the first
   * `verifyOtp`, argument `referralCode`) is recorded as referred by this user. Readable by the user themself only; for
   * anyone else, staff included, this field is null with a FORBIDDEN error at its path.
   */
  referralCode: Maybe<Scalars['String']['output']>;
  /** Roles granted to this user. */
  roles: Array<Role>;
  /** IANA time zone, e.g. `Europe/Paris`, set with `updateMe`; null when not given. */
  timeZone: Maybe<Scalars['String']['output']>;
};

/** A page of users, newest account first. */
export type UserConnection = {
  __typename?: 'UserConnection';
  /** The users of this page. */
  edges: Array<UserEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** How many users the filter selects across all pages (counted only when asked for: one COUNT statement). */
  totalCount: Scalars['Int']['output'];
};

/** One user in a page, with its cursor. */
export type UserEdge = {
  __typename?: 'UserEdge';
  /** Pass as `after` to continue after this user. */
  cursor: Scalars['String']['output'];
  /** The user. */
  node: User;
};

/** An input problem that the client can fix and retry. */
export type UserError = {
  __typename?: 'UserError';
  /** What is wrong, for a program. */
  code: UserErrorCode;
  /** Path to the offending argument or input field, e.g. `["password"]`; null when it concerns the whole input. */
  field: Maybe<Array<Scalars['String']['output']>>;
  /** What is wrong, in words for a person. */
  message: Scalars['String']['output'];
};

/** Why an input was refused. Stable codes for clients to branch on; messages are for people. */
export type UserErrorCode =
  /** The account is deactivated and cannot sign in. */
  | 'ACCOUNT_DISABLED'
  /** The account with this phone drives already (it holds DRIVER): give it a profile with `createDriverProfile`, or move it with `updateDriverProfile`. */
  | 'ALREADY_DRIVER'
  /** A user cannot deactivate their own account. */
  | 'CANNOT_DEACTIVATE_SELF'
  /** A super admin cannot take the SUPER_ADMIN role from themself (another super admin must). */
  | 'CANNOT_DEMOTE_SELF'
  /** No code is waiting for this phone, or it has expired: request a new one. */
  | 'CODE_EXPIRED'
  /** The email is not proven yet: open the link sent to it (`verifyEmail`) before signing in with it. */
  | 'EMAIL_NOT_VERIFIED'
  /** Another account uses this email address. */
  | 'EMAIL_TAKEN'
  /**
   * No fleet you may name has this id (`onboardDriver`, `assignFleetManager`): identity does not know it (yet: a fleet
   * created a moment ago is known within a second), or, for a FLEET_MANAGER, it is not theirs.
   */
  | 'FLEET_NOT_FOUND'
  /** The avatar URL is not an https URL of at most 2048 characters. */
  | 'INVALID_AVATAR_URL'
  /** The code is not six digits, or not the code that was sent. */
  | 'INVALID_CODE'
  /** The email or password is wrong (which one is not told). */
  | 'INVALID_CREDENTIALS'
  /** The date is not a calendar date `YYYY-MM-DD`. */
  | 'INVALID_DATE'
  /** The device name is longer than 100 characters. */
  | 'INVALID_DEVICE'
  /** The email address is malformed. */
  | 'INVALID_EMAIL'
  /** The fleet id is not a fleet UUID. */
  | 'INVALID_FLEET_ID'
  /** The fleet ids are malformed, missing for a FLEET_MANAGER, or given for someone who is not one. */
  | 'INVALID_FLEET_IDS'
  /** The licence number is not 4 to 30 letters, digits or dashes (starting and ending with a letter or digit). */
  | 'INVALID_LICENCE'
  /** The locale is not a BCP 47 language tag such as `en` or `pt-BR`. */
  | 'INVALID_LOCALE'
  /** The name is empty or longer than 100 characters. */
  | 'INVALID_NAME'
  /** The phone number is not E.164 (`+` and 8 to 15 digits, e.g. `+15551234567`). */
  | 'INVALID_PHONE'
  /** The password reset token is unknown, used or expired: request a new one. */
  | 'INVALID_RESET_TOKEN'
  /** The roles are not allowed here (empty, or not staff roles where staff roles are required). */
  | 'INVALID_ROLES'
  /** The time zone is not an IANA time zone name such as `Europe/Paris`. */
  | 'INVALID_TIME_ZONE'
  /** The email verification token is unknown, used or expired, or the account has another email now. */
  | 'INVALID_VERIFICATION_TOKEN'
  /** The account has no password to change: it signs in with phone codes (a password is set through `requestPasswordReset` with a proven email). */
  | 'NO_PASSWORD'
  /** Changing the email of an account with a password needs `currentPassword`. */
  | 'PASSWORD_REQUIRED'
  /** A phone number was given without `phoneCode`: prove it with the code `requestOtp` sent to it, or leave it out. */
  | 'PHONE_CODE_REQUIRED'
  /** Another account signs in with this phone number: sign in to it with a code instead (accounts are never merged). */
  | 'PHONE_TAKEN'
  /** Changing the email of an account without a password needs a recent sign-in with a phone code: sign in again, then retry. */
  | 'REAUTHENTICATION_REQUIRED'
  /** No account has this referral code (codes are 8 characters; letters are not case-sensitive). */
  | 'REFERRAL_CODE_UNKNOWN'
  /** A code was sent moments ago; `resendAvailableAt` says when another may be requested. */
  | 'RESEND_COOLDOWN'
  /** The viewer has no session with this id. */
  | 'SESSION_NOT_FOUND'
  /** Too many wrong guesses: this code no longer works, even when right. Request a new one. */
  | 'TOO_MANY_ATTEMPTS'
  /** The account with this phone is staff (SUPER_ADMIN, OPERATIONS or FLEET_MANAGER): staff oversee drivers and cannot be one. */
  | 'USER_NOT_ELIGIBLE'
  /** No user has this id. */
  | 'USER_NOT_FOUND'
  /** The password breaks the rules: 10 to 256 characters. */
  | 'WEAK_PASSWORD';

/** Result of a staff mutation on a user. */
export type UserPayload = {
  __typename?: 'UserPayload';
  /** The user as it is now; null when `userErrors` is not empty. */
  user: Maybe<User>;
  /** Input problems; empty on success. */
  userErrors: Array<UserError>;
};

/** Result of `verifyEmail`. */
export type VerifyEmailPayload = {
  __typename?: 'VerifyEmailPayload';
  /** Whether the email the link was sent to is now proven for its account. */
  emailVerified: Scalars['Boolean']['output'];
  /** Input problems; empty on success. */
  userErrors: Array<UserError>;
};

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
  Fleet: Fleet;
  User: User;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Fleet:
    ( { __typename: 'Fleet' }
    & GraphQLRecursivePick<FederationTypes['Fleet'], {"id":true}> );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AuditEntry: ResolverTypeWrapper<AuditEntryModel>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  AuditEntryConnection: ResolverTypeWrapper<AuditEntryConnectionModel>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  AuditEntryEdge: ResolverTypeWrapper<Omit<AuditEntryEdge, 'node'> & { node: ResolversTypes['AuditEntry'] }>;
  AuditLogFilterInput: AuditLogFilterInput;
  AuditSource: AuditSource;
  AuditTargetInput: AuditTargetInput;
  AuthPayload: ResolverTypeWrapper<AuthPayload>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ChangePasswordPayload: ResolverTypeWrapper<ChangePasswordPayload>;
  ConfirmPasswordResetPayload: ResolverTypeWrapper<ConfirmPasswordResetPayload>;
  CreateStaffUserInput: CreateStaffUserInput;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DeviceInput: DeviceInput;
  DevicePlatform: DevicePlatform;
  Fleet: ResolverTypeWrapper<FleetRef>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  OnboardDriverInput: OnboardDriverInput;
  OnboardDriverPayload: ResolverTypeWrapper<Omit<OnboardDriverPayload, 'user'> & { user?: Maybe<ResolversTypes['User']> }>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RequestOtpPayload: ResolverTypeWrapper<RequestOtpPayload>;
  RequestPasswordResetPayload: ResolverTypeWrapper<RequestPasswordResetPayload>;
  Role: Role;
  Session: ResolverTypeWrapper<Session>;
  SessionRevocationPayload: ResolverTypeWrapper<SessionRevocationPayload>;
  UpdateMeInput: UpdateMeInput;
  UpdateMePayload: ResolverTypeWrapper<Omit<UpdateMePayload, 'user'> & { user?: Maybe<ResolversTypes['User']> }>;
  User: ResolverTypeWrapper<UserModel>;
  UserConnection: ResolverTypeWrapper<UserConnectionModel>;
  UserEdge: ResolverTypeWrapper<Omit<UserEdge, 'node'> & { node: ResolversTypes['User'] }>;
  UserError: ResolverTypeWrapper<UserError>;
  UserErrorCode: UserErrorCode;
  UserPayload: ResolverTypeWrapper<Omit<UserPayload, 'user'> & { user?: Maybe<ResolversTypes['User']> }>;
  VerifyEmailPayload: ResolverTypeWrapper<VerifyEmailPayload>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AuditEntry: AuditEntryModel;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  AuditEntryConnection: AuditEntryConnectionModel;
  Int: Scalars['Int']['output'];
  AuditEntryEdge: Omit<AuditEntryEdge, 'node'> & { node: ResolversParentTypes['AuditEntry'] };
  AuditLogFilterInput: AuditLogFilterInput;
  AuditTargetInput: AuditTargetInput;
  AuthPayload: AuthPayload;
  Boolean: Scalars['Boolean']['output'];
  ChangePasswordPayload: ChangePasswordPayload;
  ConfirmPasswordResetPayload: ConfirmPasswordResetPayload;
  CreateStaffUserInput: CreateStaffUserInput;
  DateTime: Scalars['DateTime']['output'];
  DeviceInput: DeviceInput;
  Fleet: FleetRef;
  JSON: Scalars['JSON']['output'];
  Mutation: Record<PropertyKey, never>;
  OnboardDriverInput: OnboardDriverInput;
  OnboardDriverPayload: Omit<OnboardDriverPayload, 'user'> & { user?: Maybe<ResolversParentTypes['User']> };
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  RequestOtpPayload: RequestOtpPayload;
  RequestPasswordResetPayload: RequestPasswordResetPayload;
  Session: Session;
  SessionRevocationPayload: SessionRevocationPayload;
  UpdateMeInput: UpdateMeInput;
  UpdateMePayload: Omit<UpdateMePayload, 'user'> & { user?: Maybe<ResolversParentTypes['User']> };
  User: UserModel;
  UserConnection: UserConnectionModel;
  UserEdge: Omit<UserEdge, 'node'> & { node: ResolversParentTypes['User'] };
  UserError: UserError;
  UserPayload: Omit<UserPayload, 'user'> & { user?: Maybe<ResolversParentTypes['User']> };
  VerifyEmailPayload: VerifyEmailPayload;
}>;

export type PublicDirectiveArgs = { };

export type PublicDirectiveResolver<Result, Parent, ContextType = IdentityContext, Args = PublicDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AuditEntryResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['AuditEntry'] = ResolversParentTypes['AuditEntry']> = ResolversObject<{
  action?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  actor?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  actorId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  actorRoles?: Resolver<Array<ResolversTypes['Role']>, ParentType, ContextType>;
  after?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  before?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  requestId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['AuditSource'], ParentType, ContextType>;
  targetId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  targetType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type AuditEntryConnectionResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['AuditEntryConnection'] = ResolversParentTypes['AuditEntryConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['AuditEntryEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type AuditEntryEdgeResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['AuditEntryEdge'] = ResolversParentTypes['AuditEntryEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['AuditEntry'], ParentType, ContextType>;
}>;

export type AuthPayloadResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['AuthPayload'] = ResolversParentTypes['AuthPayload']> = ResolversObject<{
  accessToken?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  accessTokenExpiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  newUser?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  refreshToken?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  refreshTokenExpiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  roles?: Resolver<Maybe<Array<ResolversTypes['Role']>>, ParentType, ContextType>;
  sessionId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  userId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
}>;

export type ChangePasswordPayloadResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['ChangePasswordPayload'] = ResolversParentTypes['ChangePasswordPayload']> = ResolversObject<{
  passwordChanged?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  revokedSessionCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type ConfirmPasswordResetPayloadResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['ConfirmPasswordResetPayload'] = ResolversParentTypes['ConfirmPasswordResetPayload']> = ResolversObject<{
  passwordChanged?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type FleetResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['Fleet'] = ResolversParentTypes['Fleet'], FederationReferenceType extends FederationReferenceTypes['Fleet'] = FederationReferenceTypes['Fleet']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Fleet']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  managers?: Resolver<Array<ResolversTypes['User']>, ParentType, ContextType>;
}>;

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type MutationResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  assignFleetManager?: Resolver<ResolversTypes['UserPayload'], ParentType, ContextType, RequireFields<MutationAssignFleetManagerArgs, 'fleetId' | 'userId'>>;
  changePassword?: Resolver<ResolversTypes['ChangePasswordPayload'], ParentType, ContextType, RequireFields<MutationChangePasswordArgs, 'currentPassword' | 'newPassword'>>;
  confirmPasswordReset?: Resolver<ResolversTypes['ConfirmPasswordResetPayload'], ParentType, ContextType, RequireFields<MutationConfirmPasswordResetArgs, 'newPassword' | 'token'>>;
  createStaffUser?: Resolver<ResolversTypes['UserPayload'], ParentType, ContextType, RequireFields<MutationCreateStaffUserArgs, 'input'>>;
  deactivateUser?: Resolver<ResolversTypes['UserPayload'], ParentType, ContextType, RequireFields<MutationDeactivateUserArgs, 'userId'>>;
  onboardDriver?: Resolver<ResolversTypes['OnboardDriverPayload'], ParentType, ContextType, RequireFields<MutationOnboardDriverArgs, 'input'>>;
  reactivateUser?: Resolver<ResolversTypes['UserPayload'], ParentType, ContextType, RequireFields<MutationReactivateUserArgs, 'userId'>>;
  refreshSession?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationRefreshSessionArgs, 'refreshToken'>>;
  register?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationRegisterArgs, 'email' | 'name' | 'password'>>;
  removeFleetManager?: Resolver<ResolversTypes['UserPayload'], ParentType, ContextType, RequireFields<MutationRemoveFleetManagerArgs, 'fleetId' | 'userId'>>;
  requestOtp?: Resolver<ResolversTypes['RequestOtpPayload'], ParentType, ContextType, RequireFields<MutationRequestOtpArgs, 'phone'>>;
  requestPasswordReset?: Resolver<ResolversTypes['RequestPasswordResetPayload'], ParentType, ContextType, RequireFields<MutationRequestPasswordResetArgs, 'email'>>;
  revokeSession?: Resolver<ResolversTypes['SessionRevocationPayload'], ParentType, ContextType, RequireFields<MutationRevokeSessionArgs, 'id'>>;
  setUserRoles?: Resolver<ResolversTypes['UserPayload'], ParentType, ContextType, RequireFields<MutationSetUserRolesArgs, 'roles' | 'userId'>>;
  signIn?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationSignInArgs, 'email' | 'password'>>;
  signOut?: Resolver<ResolversTypes['SessionRevocationPayload'], ParentType, ContextType>;
  signOutEverywhere?: Resolver<ResolversTypes['SessionRevocationPayload'], ParentType, ContextType>;
  updateMe?: Resolver<ResolversTypes['UpdateMePayload'], ParentType, ContextType, RequireFields<MutationUpdateMeArgs, 'input'>>;
  verifyEmail?: Resolver<ResolversTypes['VerifyEmailPayload'], ParentType, ContextType, RequireFields<MutationVerifyEmailArgs, 'token'>>;
  verifyOtp?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationVerifyOtpArgs, 'code' | 'phone'>>;
}>;

export type OnboardDriverPayloadResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['OnboardDriverPayload'] = ResolversParentTypes['OnboardDriverPayload']> = ResolversObject<{
  inviteSent?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  newUser?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  auditLog?: Resolver<ResolversTypes['AuditEntryConnection'], ParentType, ContextType, Partial<QueryAuditLogArgs>>;
  me?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  mySessions?: Resolver<Array<ResolversTypes['Session']>, ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType, RequireFields<QueryUserArgs, 'id'>>;
  users?: Resolver<ResolversTypes['UserConnection'], ParentType, ContextType, Partial<QueryUsersArgs>>;
}>;

export type RequestOtpPayloadResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['RequestOtpPayload'] = ResolversParentTypes['RequestOtpPayload']> = ResolversObject<{
  expiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  resendAvailableAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  sent?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type RequestPasswordResetPayloadResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['RequestPasswordResetPayload'] = ResolversParentTypes['RequestPasswordResetPayload']> = ResolversObject<{
  accepted?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type SessionResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['Session'] = ResolversParentTypes['Session']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  current?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  deviceName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  devicePlatform?: Resolver<Maybe<ResolversTypes['DevicePlatform']>, ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  ip?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastUsedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type SessionRevocationPayloadResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['SessionRevocationPayload'] = ResolversParentTypes['SessionRevocationPayload']> = ResolversObject<{
  revokedSessionCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type UpdateMePayloadResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['UpdateMePayload'] = ResolversParentTypes['UpdateMePayload']> = ResolversObject<{
  emailVerificationSent?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type UserResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  avatarUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  emailVerified?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  locale?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  managedFleetIds?: Resolver<Maybe<Array<ResolversTypes['ID']>>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  referralCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['Role']>, ParentType, ContextType>;
  timeZone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type UserConnectionResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['UserConnection'] = ResolversParentTypes['UserConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['UserEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type UserEdgeResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['UserEdge'] = ResolversParentTypes['UserEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
}>;

export type UserErrorResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['UserErrorCode'], ParentType, ContextType>;
  field?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type UserPayloadResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['UserPayload'] = ResolversParentTypes['UserPayload']> = ResolversObject<{
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type VerifyEmailPayloadResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['VerifyEmailPayload'] = ResolversParentTypes['VerifyEmailPayload']> = ResolversObject<{
  emailVerified?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type Resolvers<ContextType = IdentityContext> = ResolversObject<{
  AuditEntry?: AuditEntryResolvers<ContextType>;
  AuditEntryConnection?: AuditEntryConnectionResolvers<ContextType>;
  AuditEntryEdge?: AuditEntryEdgeResolvers<ContextType>;
  AuthPayload?: AuthPayloadResolvers<ContextType>;
  ChangePasswordPayload?: ChangePasswordPayloadResolvers<ContextType>;
  ConfirmPasswordResetPayload?: ConfirmPasswordResetPayloadResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Fleet?: FleetResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  OnboardDriverPayload?: OnboardDriverPayloadResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RequestOtpPayload?: RequestOtpPayloadResolvers<ContextType>;
  RequestPasswordResetPayload?: RequestPasswordResetPayloadResolvers<ContextType>;
  Session?: SessionResolvers<ContextType>;
  SessionRevocationPayload?: SessionRevocationPayloadResolvers<ContextType>;
  UpdateMePayload?: UpdateMePayloadResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  UserConnection?: UserConnectionResolvers<ContextType>;
  UserEdge?: UserEdgeResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
  UserPayload?: UserPayloadResolvers<ContextType>;
  VerifyEmailPayload?: VerifyEmailPayloadResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = IdentityContext> = ResolversObject<{
  public?: PublicDirectiveResolver<any, any, ContextType>;
}>;
