import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { AnnouncementModel, NotificationModel, DeliveryModel, PushDeviceModel, UserRef } from '../resolvers/mappers.js';
import type { NotificationsContext } from '../context.js';
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

/** A message from operations to an audience, written to each recipient's inbox in batches in the background. */
export type Announcement = {
  __typename?: 'Announcement';
  /** Who it is for. */
  audience: AnnouncementAudience;
  /** Full text. */
  body: Scalars['String']['output'];
  /** Channels besides the inbox (a recipient's explicit opt-out of announcements on a channel is honoured). */
  channels: Array<NotificationChannel>;
  /** When every recipient had it; null while batches are still being written. */
  completedAt: Maybe<Scalars['DateTime']['output']>;
  /** When it was sent. */
  createdAt: Scalars['DateTime']['output'];
  /** The fleet, for FLEET_DRIVERS; null otherwise. */
  fleetId: Maybe<Scalars['ID']['output']>;
  /** Stable identifier of the announcement. */
  id: Scalars['ID']['output'];
  /** Where the app opens it; null for nowhere in particular. */
  link: Maybe<Scalars['String']['output']>;
  /** How many recipients it has been written to so far. */
  recipientCount: Scalars['Int']['output'];
  /** Headline. */
  title: Scalars['String']['output'];
};

/** Who an announcement is for. */
export type AnnouncementAudience =
  /** Every active account with the DRIVER role. */
  | 'ALL_DRIVERS'
  /** Every active account with the RIDER role. */
  | 'ALL_RIDERS'
  /** The drivers of one fleet (`fleetId`), as fleet last reported them. */
  | 'FLEET_DRIVERS';

/** The outcome of marking every notification read. */
export type MarkAllNotificationsReadPayload = {
  __typename?: 'MarkAllNotificationsReadPayload';
  /** How many notifications were unread and are now read. */
  markedCount: Scalars['Int']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Marks every unread notification of the signed-in user read. */
  markAllNotificationsRead: MarkAllNotificationsReadPayload;
  /**
   * Marks one of the signed-in user's notifications read; one already read keeps its `readAt`. NOT_FOUND when the id
   * is unknown or the notification is someone else's (staff included: nobody marks another user's inbox);
   * BAD_USER_INPUT for a malformed id.
   */
  markNotificationRead: Notification;
  /**
   * Registers this phone or browser for the signed-in user's pushes, tied to a session: the token's own by default, or
   * `sessionId`, one of the user's sessions. When that session ends (sign-out, revocation) the device gets nothing
   * more. A token already registered moves to this user and session. BAD_USER_INPUT for a token not in the platform's
   * format (APNs: 64 hex digits; FCM: 32+ URL-safe characters); NOT_FOUND for a session that is not the user's;
   * FORBIDDEN for a session that has ended.
   */
  registerPushDevice: PushDevice;
  /**
   * Sends an announcement to an audience: recorded at once, written to the recipients' inboxes (and queued on the
   * chosen channels) in batches in the background. SUPER_ADMIN and OPERATIONS only. BAD_USER_INPUT (with
   * `extensions.field`) for an empty or too long title or body, a bad link or key, or a fleetId missing for
   * FLEET_DRIVERS or given for another audience.
   */
  sendAnnouncement: Announcement;
  /** Stops pushes to this token for the signed-in user (e.g. on sign-out). Another user's token is left alone. */
  unregisterPushDevice: UnregisterPushDevicePayload;
  /**
   * Changes what the signed-in user receives on which channel and their quiet hours. BAD_USER_INPUT (with
   * `extensions.field`) for turning a security notice off, a time that is not `HH:MM`, an empty window or an unknown
   * time zone; nothing is saved then. Unknown types or channels are refused by validation.
   */
  updateNotificationPreferences: NotificationPreferences;
};


export type MutationMarkNotificationReadArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRegisterPushDeviceArgs = {
  platform: PushPlatform;
  sessionId?: InputMaybe<Scalars['ID']['input']>;
  token: Scalars['String']['input'];
};


export type MutationSendAnnouncementArgs = {
  input: SendAnnouncementInput;
};


export type MutationUnregisterPushDeviceArgs = {
  token: Scalars['String']['input'];
};


export type MutationUpdateNotificationPreferencesArgs = {
  input: UpdateNotificationPreferencesInput;
};

/** A message to one user, shown in the app's inbox. Visible to that user and to operations staff. */
export type Notification = {
  __typename?: 'Notification';
  /** Full text. */
  body: Scalars['String']['output'];
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Stable identifier of the notification. */
  id: Scalars['ID']['output'];
  /** What it is about. */
  kind: NotificationKind;
  /** Where the app opens it, e.g. `ridegraph://trips/<id>`; null when it opens nothing in particular. */
  link: Maybe<Scalars['String']['output']>;
  /** When the user read it; null while unread. */
  readAt: Maybe<Scalars['DateTime']['output']>;
  /**
   * The user the notification is for. Null, with an error at its path, only when the user's account cannot be read
   * right now (the identity service is unreachable); the notification itself is still returned.
   */
  recipient: Maybe<User>;
  /** Short headline. */
  title: Scalars['String']['output'];
  /** Exactly what it says (null only for notifications written before types existed, e.g. old demo rows). */
  type: Maybe<NotificationType>;
};

/** A way a notification reaches a user besides the in-app inbox, which always holds every notification. */
export type NotificationChannel =
  /** An email. */
  | 'EMAIL'
  /** A push notification to the user's registered devices. */
  | 'PUSH'
  /** A text message. */
  | 'SMS';

/** A page of notifications, newest first. */
export type NotificationConnection = {
  __typename?: 'NotificationConnection';
  /** The notifications of this page. */
  edges: Array<NotificationEdge>;
  /** Where this page is. */
  pageInfo: PageInfo;
};

/** One notification on one channel: the delivery log that operations staff read. */
export type NotificationDelivery = {
  __typename?: 'NotificationDelivery';
  /** How many times sending was tried. */
  attempts: Scalars['Int']['output'];
  /** The channel. */
  channel: NotificationChannel;
  /** When it was planned (with the notification). */
  createdAt: Scalars['DateTime']['output'];
  /** Stable identifier of the delivery. */
  id: Scalars['ID']['output'];
  /** The last provider error, kept while retrying and after failing. */
  lastError: Maybe<Scalars['String']['output']>;
  /** When it is due next while QUEUED; null otherwise. */
  nextAttemptAt: Maybe<Scalars['DateTime']['output']>;
  /** The notification delivered. */
  notificationId: Scalars['ID']['output'];
  /** Why it was skipped or failed (PREFERENCE, NO_DEVICE, NO_ADDRESS, RETRIES_EXHAUSTED or the provider's code); null otherwise. */
  reason: Maybe<Scalars['String']['output']>;
  /** When the provider accepted it. */
  sentAt: Maybe<Scalars['DateTime']['output']>;
  /** Where it stands. */
  status: NotificationDeliveryStatus;
};

/** A page of deliveries, newest first. */
export type NotificationDeliveryConnection = {
  __typename?: 'NotificationDeliveryConnection';
  /** The deliveries of this page. */
  edges: Array<NotificationDeliveryEdge>;
  /** Where this page is. */
  pageInfo: PageInfo;
};

/** A delivery with a cursor, in a connection. */
export type NotificationDeliveryEdge = {
  __typename?: 'NotificationDeliveryEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The delivery. */
  node: NotificationDelivery;
};

/** Where a notification stands on one channel. */
export type NotificationDeliveryStatus =
  /** Given up: the provider refused it, or retries ran out. `reason` says which. */
  | 'FAILED'
  /** Waiting to be sent (or to be retried after a transient failure, or for quiet hours to end). */
  | 'QUEUED'
  /** The provider accepted it. */
  | 'SENT'
  /** Not sent, on purpose: `reason` is PREFERENCE, NO_DEVICE or NO_ADDRESS. */
  | 'SKIPPED';

/** A notification with a cursor, in a connection. */
export type NotificationEdge = {
  __typename?: 'NotificationEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The notification. */
  node: Notification;
};

/** What a notification is about. */
export type NotificationKind =
  /** Account news, e.g. welcome. */
  | 'ACCOUNT'
  /** Money moved (receipt, refund, payout). */
  | 'PAYMENT'
  /** Points, levels, coupons. */
  | 'REWARD'
  /** A trip changed (driver assigned, arrived, completed...). */
  | 'TRIP';

/** One notification type on one channel: on or off, and why. */
export type NotificationPreference = {
  __typename?: 'NotificationPreference';
  /** The channel. */
  channel: NotificationChannel;
  /** Whether this type is sent on this channel. */
  enabled: Scalars['Boolean']['output'];
  /** True when the user never chose: `enabled` is the type's default. */
  isDefault: Scalars['Boolean']['output'];
  /** True for security notices: they cannot be turned off. */
  locked: Scalars['Boolean']['output'];
  /** The notification type. */
  type: NotificationType;
};

/** One choice: a type on a channel, on or off. */
export type NotificationPreferenceInput = {
  /** The channel. */
  channel: NotificationChannel;
  /** On or off. */
  enabled: Scalars['Boolean']['input'];
  /** The notification type. */
  type: NotificationType;
};

/** What a user receives where. */
export type NotificationPreferences = {
  __typename?: 'NotificationPreferences';
  /** Every type on every channel (push, email, SMS), ordered by type then channel. */
  channels: Array<NotificationPreference>;
  /** The quiet hours; null when none are set. */
  quietHours: Maybe<QuietHours>;
};

/**
 * What exactly a notification says; preferences are chosen per type and channel. Urgent types (trip progress and
 * security notices) go out even in quiet hours.
 */
export type NotificationType =
  /** A message from operations. */
  | 'ANNOUNCEMENT'
  /** To a driver: their shift's attendance (check-in selfie, times) was approved or rejected, with the reviewer's reason. */
  | 'ATTENDANCE_REVIEWED'
  /** A badge earned. */
  | 'BADGE_EARNED'
  /** A coupon bought with points, with its code. */
  | 'COUPON_REDEEMED'
  /** To the rider: the driver is at the pickup. Urgent. */
  | 'DRIVER_ARRIVED'
  /** A new loyalty level. */
  | 'LEVEL_REACHED'
  /** To a driver: a trip offer they did not answer in time lapsed and went to another driver. */
  | 'OFFER_EXPIRED'
  /** To the payer: a charge failed (retrying, owed, or a declined top-up). */
  | 'PAYMENT_FAILED'
  /** To the payer: the receipt, with the amount, the method and the receipt number. */
  | 'PAYMENT_RECEIPT'
  /** To the payer: money is on its way back. */
  | 'PAYMENT_REFUNDED'
  /** To a driver: a payout failed; the amount is back in their earnings. */
  | 'PAYOUT_FAILED'
  /** To a driver: a payout reached their bank. */
  | 'PAYOUT_PAID'
  /** Points earned (inbox only by default: one after most trips). */
  | 'POINTS_AWARDED'
  /**
   * Security notices (a new sign-in after the first, password changed, a session ended because its refresh token was
   * reused), from identity's session and password events. Cannot be turned off. Urgent.
   */
  | 'SECURITY_NOTICE'
  /** To the rider (a driver is on the way) and to the driver (a new trip). Urgent. */
  | 'TRIP_ASSIGNED'
  /** To whoever did not cancel (and to a rider who cancelled when a fee applies). Urgent. */
  | 'TRIP_CANCELLED'
  /** To the rider and the driver, with the fare. */
  | 'TRIP_COMPLETED'
  /** To the rider: the trip has started. Urgent. */
  | 'TRIP_STARTED'
  /** Sent once when an account is created. */
  | 'WELCOME';

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

/** A phone or browser that receives the user's pushes. It stops receiving them when its session ends. */
export type PushDevice = {
  __typename?: 'PushDevice';
  /** Stable identifier of the device registration. */
  id: Scalars['ID']['output'];
  /** Its platform. */
  platform: PushPlatform;
  /** The sign-in session it belongs to. */
  sessionId: Maybe<Scalars['ID']['output']>;
  /** When it was registered (or registered again). */
  updatedAt: Scalars['DateTime']['output'];
};

/** The operating system of a push device: it decides the push service (APNs for iOS, FCM for Android and web). */
export type PushPlatform =
  /** An Android app (FCM). */
  | 'ANDROID'
  /** An iPhone or iPad app (APNs). */
  | 'IOS'
  /** A web app (FCM web push). */
  | 'WEB';

/** A daily window in the user's time zone during which non-urgent notifications wait (they go out when it ends). */
export type QuietHours = {
  __typename?: 'QuietHours';
  /** Local end, `HH:MM`; earlier than `start` when the window spans midnight. */
  end: Scalars['String']['output'];
  /** Local start, `HH:MM` (24 h). */
  start: Scalars['String']['output'];
  /** IANA time zone, e.g. `Europe/Berlin`. */
  timeZone: Scalars['String']['output'];
};

/** Quiet hours to set. */
export type QuietHoursInput = {
  /** Local end, `HH:MM`; earlier than `start` spans midnight; equal to `start` is refused. */
  end: Scalars['String']['input'];
  /** Local start, `HH:MM` (24 h). */
  start: Scalars['String']['input'];
  /** IANA time zone, e.g. `Europe/Berlin`. */
  timeZone: Scalars['String']['input'];
};

/** An announcement to send. */
export type SendAnnouncementInput = {
  /** Who it is for. */
  audience: AnnouncementAudience;
  /** Full text, 1 to 2000 characters. */
  body: Scalars['String']['input'];
  /** Channels besides the inbox; empty: the inbox only. */
  channels: Array<NotificationChannel>;
  /** The fleet, with FLEET_DRIVERS only. */
  fleetId?: InputMaybe<Scalars['ID']['input']>;
  /** 8 to 100 characters: sending again with the same key returns the first announcement (and its progress). */
  idempotencyKey: Scalars['String']['input'];
  /** A ridegraph:// or https:// address to open. */
  link?: InputMaybe<Scalars['String']['input']>;
  /** Headline, 1 to 120 characters. */
  title: Scalars['String']['input'];
};

/** Live updates, over graphql-ws (`graphql-transport-ws`) on the gateway's /graphql. The access token goes in the `connection_init` payload: `{ "authorization": "Bearer <access token>" }`. */
export type Subscription = {
  __typename?: 'Subscription';
  /**
   * Every notification created for a user from now on, as it is created: by default the signed-in user's own;
   * another user's (`userId`) only for SUPER_ADMIN and OPERATIONS (FORBIDDEN otherwise). Events are live only:
   * one created while the client is disconnected is not replayed (read the inbox, `User.notifications`, after
   * reconnecting).
   */
  notificationAdded: Notification;
  /**
   * The exact number of unread notifications of a user each time it changes (a notification added, one or all marked
   * read), counted after the change committed: by default the signed-in user's own; another user's (`userId`) only
   * for SUPER_ADMIN and OPERATIONS (FORBIDDEN otherwise). Live only: read `User.unreadNotificationCount` on connect.
   */
  unreadNotificationCountChanged: Scalars['Int']['output'];
};


/** Live updates, over graphql-ws (`graphql-transport-ws`) on the gateway's /graphql. The access token goes in the `connection_init` payload: `{ "authorization": "Bearer <access token>" }`. */
export type SubscriptionNotificationAddedArgs = {
  userId?: InputMaybe<Scalars['ID']['input']>;
};


/** Live updates, over graphql-ws (`graphql-transport-ws`) on the gateway's /graphql. The access token goes in the `connection_init` payload: `{ "authorization": "Bearer <access token>" }`. */
export type SubscriptionUnreadNotificationCountChangedArgs = {
  userId?: InputMaybe<Scalars['ID']['input']>;
};

/** The outcome of removing a push device. */
export type UnregisterPushDevicePayload = {
  __typename?: 'UnregisterPushDevicePayload';
  /** Whether a device of the signed-in user with that token existed and was removed. */
  removed: Scalars['Boolean']['output'];
};

/** Changes to the signed-in user's notification preferences. */
export type UpdateNotificationPreferencesInput = {
  /** Choices to save; types and channels not listed keep their current setting. */
  preferences?: InputMaybe<Array<NotificationPreferenceInput>>;
  /** New quiet hours; null removes them; omitted leaves them unchanged. */
  quietHours?: InputMaybe<QuietHoursInput>;
};

/** A person with an account: a rider, a driver or a member of staff. */
export type User = {
  __typename?: 'User';
  /** Stable identifier of the user. */
  id: Scalars['ID']['output'];
  /**
   * The delivery log of the user's notifications on push, email and SMS, newest first. SUPER_ADMIN and OPERATIONS
   * only (FORBIDDEN for anyone else, the user included).
   */
  notificationDeliveries: Maybe<NotificationDeliveryConnection>;
  /**
   * What the user receives on which channel, and their quiet hours. Only the user themselves and operations staff may
   * read it: for anyone else this field is null with a FORBIDDEN error at its path.
   */
  notificationPreferences: Maybe<NotificationPreferences>;
  /**
   * The user's inbox, newest first. Only the user themselves and operations staff may read it: for anyone else this
   * field is null with a FORBIDDEN error at its path. Also null, with a SERVICE_UNAVAILABLE error at its path, while
   * the notifications service cannot be reached.
   */
  notifications: Maybe<NotificationConnection>;
  /**
   * How many notifications the user has not read. Only the user themselves and operations staff may read it: for
   * anyone else this field is null with a FORBIDDEN error at its path. Also null, with a SERVICE_UNAVAILABLE error at
   * its path, while the notifications service cannot be reached.
   */
  unreadNotificationCount: Maybe<Scalars['Int']['output']>;
};


/** A person with an account: a rider, a driver or a member of staff. */
export type UserNotificationDeliveriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A person with an account: a rider, a driver or a member of staff. */
export type UserNotificationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  unreadOnly?: InputMaybe<Scalars['Boolean']['input']>;
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
  Notification: Notification;
  User: User;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Notification:
    ( { __typename: 'Notification' }
    & GraphQLRecursivePick<FederationTypes['Notification'], {"id":true}> );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Announcement: ResolverTypeWrapper<AnnouncementModel>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  AnnouncementAudience: AnnouncementAudience;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  MarkAllNotificationsReadPayload: ResolverTypeWrapper<MarkAllNotificationsReadPayload>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Notification: ResolverTypeWrapper<NotificationModel>;
  NotificationChannel: NotificationChannel;
  NotificationConnection: ResolverTypeWrapper<Omit<NotificationConnection, 'edges'> & { edges: Array<ResolversTypes['NotificationEdge']> }>;
  NotificationDelivery: ResolverTypeWrapper<DeliveryModel>;
  NotificationDeliveryConnection: ResolverTypeWrapper<Omit<NotificationDeliveryConnection, 'edges'> & { edges: Array<ResolversTypes['NotificationDeliveryEdge']> }>;
  NotificationDeliveryEdge: ResolverTypeWrapper<Omit<NotificationDeliveryEdge, 'node'> & { node: ResolversTypes['NotificationDelivery'] }>;
  NotificationDeliveryStatus: NotificationDeliveryStatus;
  NotificationEdge: ResolverTypeWrapper<Omit<NotificationEdge, 'node'> & { node: ResolversTypes['Notification'] }>;
  NotificationKind: NotificationKind;
  NotificationPreference: ResolverTypeWrapper<NotificationPreference>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  NotificationPreferenceInput: NotificationPreferenceInput;
  NotificationPreferences: ResolverTypeWrapper<NotificationPreferences>;
  NotificationType: NotificationType;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PushDevice: ResolverTypeWrapper<PushDeviceModel>;
  PushPlatform: PushPlatform;
  QuietHours: ResolverTypeWrapper<QuietHours>;
  QuietHoursInput: QuietHoursInput;
  SendAnnouncementInput: SendAnnouncementInput;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  UnregisterPushDevicePayload: ResolverTypeWrapper<UnregisterPushDevicePayload>;
  UpdateNotificationPreferencesInput: UpdateNotificationPreferencesInput;
  User: ResolverTypeWrapper<UserRef>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Announcement: AnnouncementModel;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  DateTime: Scalars['DateTime']['output'];
  MarkAllNotificationsReadPayload: MarkAllNotificationsReadPayload;
  Mutation: Record<PropertyKey, never>;
  Notification: NotificationModel;
  NotificationConnection: Omit<NotificationConnection, 'edges'> & { edges: Array<ResolversParentTypes['NotificationEdge']> };
  NotificationDelivery: DeliveryModel;
  NotificationDeliveryConnection: Omit<NotificationDeliveryConnection, 'edges'> & { edges: Array<ResolversParentTypes['NotificationDeliveryEdge']> };
  NotificationDeliveryEdge: Omit<NotificationDeliveryEdge, 'node'> & { node: ResolversParentTypes['NotificationDelivery'] };
  NotificationEdge: Omit<NotificationEdge, 'node'> & { node: ResolversParentTypes['Notification'] };
  NotificationPreference: NotificationPreference;
  Boolean: Scalars['Boolean']['output'];
  NotificationPreferenceInput: NotificationPreferenceInput;
  NotificationPreferences: NotificationPreferences;
  PageInfo: PageInfo;
  PushDevice: PushDeviceModel;
  QuietHours: QuietHours;
  QuietHoursInput: QuietHoursInput;
  SendAnnouncementInput: SendAnnouncementInput;
  Subscription: Record<PropertyKey, never>;
  UnregisterPushDevicePayload: UnregisterPushDevicePayload;
  UpdateNotificationPreferencesInput: UpdateNotificationPreferencesInput;
  User: UserRef;
}>;

export type PublicDirectiveArgs = { };

export type PublicDirectiveResolver<Result, Parent, ContextType = NotificationsContext, Args = PublicDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AnnouncementResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['Announcement'] = ResolversParentTypes['Announcement']> = ResolversObject<{
  audience?: Resolver<ResolversTypes['AnnouncementAudience'], ParentType, ContextType>;
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  channels?: Resolver<Array<ResolversTypes['NotificationChannel']>, ParentType, ContextType>;
  completedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  fleetId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  link?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  recipientCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type MarkAllNotificationsReadPayloadResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['MarkAllNotificationsReadPayload'] = ResolversParentTypes['MarkAllNotificationsReadPayload']> = ResolversObject<{
  markedCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  markAllNotificationsRead?: Resolver<ResolversTypes['MarkAllNotificationsReadPayload'], ParentType, ContextType>;
  markNotificationRead?: Resolver<ResolversTypes['Notification'], ParentType, ContextType, RequireFields<MutationMarkNotificationReadArgs, 'id'>>;
  registerPushDevice?: Resolver<ResolversTypes['PushDevice'], ParentType, ContextType, RequireFields<MutationRegisterPushDeviceArgs, 'platform' | 'token'>>;
  sendAnnouncement?: Resolver<ResolversTypes['Announcement'], ParentType, ContextType, RequireFields<MutationSendAnnouncementArgs, 'input'>>;
  unregisterPushDevice?: Resolver<ResolversTypes['UnregisterPushDevicePayload'], ParentType, ContextType, RequireFields<MutationUnregisterPushDeviceArgs, 'token'>>;
  updateNotificationPreferences?: Resolver<ResolversTypes['NotificationPreferences'], ParentType, ContextType, RequireFields<MutationUpdateNotificationPreferencesArgs, 'input'>>;
}>;

export type NotificationResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['Notification'] = ResolversParentTypes['Notification'], FederationReferenceType extends FederationReferenceTypes['Notification'] = FederationReferenceTypes['Notification']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Notification']> | FederationReferenceType, FederationReferenceType, ContextType>;
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['NotificationKind'], ParentType, ContextType>;
  link?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  readAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  recipient?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<Maybe<ResolversTypes['NotificationType']>, ParentType, ContextType>;
}>;

export type NotificationConnectionResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['NotificationConnection'] = ResolversParentTypes['NotificationConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['NotificationEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type NotificationDeliveryResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['NotificationDelivery'] = ResolversParentTypes['NotificationDelivery']> = ResolversObject<{
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  channel?: Resolver<ResolversTypes['NotificationChannel'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastError?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nextAttemptAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  notificationId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sentAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['NotificationDeliveryStatus'], ParentType, ContextType>;
}>;

export type NotificationDeliveryConnectionResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['NotificationDeliveryConnection'] = ResolversParentTypes['NotificationDeliveryConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['NotificationDeliveryEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type NotificationDeliveryEdgeResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['NotificationDeliveryEdge'] = ResolversParentTypes['NotificationDeliveryEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['NotificationDelivery'], ParentType, ContextType>;
}>;

export type NotificationEdgeResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['NotificationEdge'] = ResolversParentTypes['NotificationEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Notification'], ParentType, ContextType>;
}>;

export type NotificationPreferenceResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['NotificationPreference'] = ResolversParentTypes['NotificationPreference']> = ResolversObject<{
  channel?: Resolver<ResolversTypes['NotificationChannel'], ParentType, ContextType>;
  enabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  isDefault?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  locked?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['NotificationType'], ParentType, ContextType>;
}>;

export type NotificationPreferencesResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['NotificationPreferences'] = ResolversParentTypes['NotificationPreferences']> = ResolversObject<{
  channels?: Resolver<Array<ResolversTypes['NotificationPreference']>, ParentType, ContextType>;
  quietHours?: Resolver<Maybe<ResolversTypes['QuietHours']>, ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type PushDeviceResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['PushDevice'] = ResolversParentTypes['PushDevice']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  platform?: Resolver<ResolversTypes['PushPlatform'], ParentType, ContextType>;
  sessionId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type QuietHoursResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['QuietHours'] = ResolversParentTypes['QuietHours']> = ResolversObject<{
  end?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  start?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  timeZone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type SubscriptionResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = ResolversObject<{
  notificationAdded?: SubscriptionResolver<ResolversTypes['Notification'], "notificationAdded", ParentType, ContextType, Partial<SubscriptionNotificationAddedArgs>>;
  unreadNotificationCountChanged?: SubscriptionResolver<ResolversTypes['Int'], "unreadNotificationCountChanged", ParentType, ContextType, Partial<SubscriptionUnreadNotificationCountChangedArgs>>;
}>;

export type UnregisterPushDevicePayloadResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['UnregisterPushDevicePayload'] = ResolversParentTypes['UnregisterPushDevicePayload']> = ResolversObject<{
  removed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type UserResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  notificationDeliveries?: Resolver<Maybe<ResolversTypes['NotificationDeliveryConnection']>, ParentType, ContextType, RequireFields<UserNotificationDeliveriesArgs, 'first'>>;
  notificationPreferences?: Resolver<Maybe<ResolversTypes['NotificationPreferences']>, ParentType, ContextType>;
  notifications?: Resolver<Maybe<ResolversTypes['NotificationConnection']>, ParentType, ContextType, RequireFields<UserNotificationsArgs, 'first' | 'unreadOnly'>>;
  unreadNotificationCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type Resolvers<ContextType = NotificationsContext> = ResolversObject<{
  Announcement?: AnnouncementResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  MarkAllNotificationsReadPayload?: MarkAllNotificationsReadPayloadResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Notification?: NotificationResolvers<ContextType>;
  NotificationConnection?: NotificationConnectionResolvers<ContextType>;
  NotificationDelivery?: NotificationDeliveryResolvers<ContextType>;
  NotificationDeliveryConnection?: NotificationDeliveryConnectionResolvers<ContextType>;
  NotificationDeliveryEdge?: NotificationDeliveryEdgeResolvers<ContextType>;
  NotificationEdge?: NotificationEdgeResolvers<ContextType>;
  NotificationPreference?: NotificationPreferenceResolvers<ContextType>;
  NotificationPreferences?: NotificationPreferencesResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PushDevice?: PushDeviceResolvers<ContextType>;
  QuietHours?: QuietHoursResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  UnregisterPushDevicePayload?: UnregisterPushDevicePayloadResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = NotificationsContext> = ResolversObject<{
  public?: PublicDirectiveResolver<any, any, ContextType>;
}>;
