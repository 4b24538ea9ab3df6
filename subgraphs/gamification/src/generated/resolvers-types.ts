import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { PointsSummaryModel, UserRef, PointsEntryModel, BadgeModel, EarningRuleModel, CouponModel, CouponRedemptionModel, PartnerCompanyModel, CouponCategoryModel, LeaderboardEntryModel } from '../resolvers/mappers.js';
import type { GamificationContext } from '../context.js';
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

/** Points operations staff add or remove. */
export type AdjustPointsInput = {
  /** A key unique to this adjustment: the same key again returns the first adjustment and changes nothing. */
  idempotencyKey: Scalars['String']['input'];
  /** Points to add (positive) or remove (negative), -1,000,000 to 1,000,000, not 0; removing more than the balance is refused. */
  points: Scalars['Int']['input'];
  /** Why, 1 to 500 characters; shown to the user and kept with who did it. */
  reason: Scalars['String']['input'];
  /** The user. */
  userId: Scalars['ID']['input'];
};

/** Result of `adjustPoints`. */
export type AdjustPointsPayload = {
  __typename?: 'AdjustPointsPayload';
  /** The ledger entry; null when `userErrors` is not empty. */
  entry: Maybe<PointsEntry>;
  /** Input problems, or INSUFFICIENT_POINTS; empty on success. */
  userErrors: Array<LoyaltyUserError>;
};

/** A badge a user earned: once per badge code, except a FIVE_STAR_WEEK rule's badge, earned once per week. */
export type Badge = {
  __typename?: 'Badge';
  /** When it was earned. */
  awardedAt: Scalars['DateTime']['output'];
  /** The badge's code, e.g. FIRST_RIDE. */
  code: Scalars['String']['output'];
  /** Stable identifier of this award of the badge. */
  id: Scalars['ID']['output'];
  /** Why it was given: the description of the rule that gave it. */
  reason: Scalars['String']['output'];
};

/** New values for a rule; omitted fields keep the current version's. */
export type ChangeEarningRuleInput = {
  /** A badge code, or an empty string for none. */
  badge?: InputMaybe<Scalars['String']['input']>;
  /** 1 to 500 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** FIVE_STAR_WEEK only. */
  minRatings?: InputMaybe<Scalars['Int']['input']>;
  /** TRIP_PAID_RIDER only. */
  perAmountMinor?: InputMaybe<Scalars['Int']['input']>;
  /** Points per award, 1 to 1,000,000. */
  points?: InputMaybe<Scalars['Int']['input']>;
  /** RIDE_STREAK only. */
  streakDays?: InputMaybe<Scalars['Int']['input']>;
};

/** A coupon of a partner company that users buy with points. */
export type Coupon = {
  __typename?: 'Coupon';
  /** Its category. */
  category: CouponCategory;
  /** Who offers it. */
  company: PartnerCompany;
  /** More about it, or null. */
  description: Maybe<Scalars['String']['output']>;
  /** Stable identifier of the coupon. */
  id: Scalars['ID']['output'];
  /** How many one user may buy in all. */
  perUserLimit: Scalars['Int']['output'];
  /** Points it costs. */
  pointsPrice: Scalars['Int']['output'];
  /** Who bought it, newest first, with their codes. Operations staff only. */
  redemptions: CouponRedemptionConnection;
  /**
   * Its redemptions as one CSV document for the partner company: UTF-8, CRLF line ends, the header
   * `redemption_id,user_id,code,points_spent,redeemed_at`, one row per redemption, oldest first (`redeemed_at` in ISO
   * 8601 UTC). At most 100,000 rows: with more, BAD_USER_INPUT (`extensions.field: "since"`) — export in parts with a
   * later `since`. Operations staff only.
   */
  redemptionsCsv: Scalars['String']['output'];
  /** How many are left to buy. */
  stock: Scalars['Int']['output'];
  /** What it is, e.g. 10% off at Cafe Nord. */
  title: Scalars['String']['output'];
  /** From when it can be bought. */
  validFrom: Scalars['DateTime']['output'];
  /** Until when it can be bought. */
  validUntil: Scalars['DateTime']['output'];
};


/** A coupon of a partner company that users buy with points. */
export type CouponRedemptionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A coupon of a partner company that users buy with points. */
export type CouponRedemptionsCsvArgs = {
  since?: InputMaybe<Scalars['DateTime']['input']>;
};

/** A category of coupons, e.g. Food or Travel. */
export type CouponCategory = {
  __typename?: 'CouponCategory';
  /** Stable identifier of the category. */
  id: Scalars['ID']['output'];
  /** Its name (unique). */
  name: Scalars['String']['output'];
};

/** Result of `createCouponCategory`. */
export type CouponCategoryPayload = {
  __typename?: 'CouponCategoryPayload';
  /** The category; null when `userErrors` is not empty. */
  category: Maybe<CouponCategory>;
  /** Input problems; empty on success. */
  userErrors: Array<LoyaltyUserError>;
};

/** A page of coupons, newest first. */
export type CouponConnection = {
  __typename?: 'CouponConnection';
  /** The coupons of this page. */
  edges: Array<CouponEdge>;
  /** Where this page is. */
  pageInfo: PageInfo;
};

/** A coupon and its cursor. */
export type CouponEdge = {
  __typename?: 'CouponEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The coupon. */
  node: Coupon;
};

/** Which coupons. */
export type CouponFilterInput = {
  /** Only coupons that can be bought now (in their validity window, with stock left). Default true. */
  availableOnly?: InputMaybe<Scalars['Boolean']['input']>;
  /** Of this category only. */
  categoryId?: InputMaybe<Scalars['ID']['input']>;
  /** Of this company only. */
  companyId?: InputMaybe<Scalars['ID']['input']>;
};

/** Result of `createCoupon` and `updateCoupon`. */
export type CouponPayload = {
  __typename?: 'CouponPayload';
  /** The coupon; null when `userErrors` is not empty. */
  coupon: Maybe<Coupon>;
  /** Input problems; empty on success. */
  userErrors: Array<LoyaltyUserError>;
};

/** A coupon a user bought with points. */
export type CouponRedemption = {
  __typename?: 'CouponRedemption';
  /** The code to show the partner; unique, and only for the buyer and operations staff. */
  code: Scalars['String']['output'];
  /** The coupon bought. */
  coupon: Coupon;
  /** When it was bought. */
  createdAt: Scalars['DateTime']['output'];
  /** Stable identifier of the redemption. */
  id: Scalars['ID']['output'];
  /** Points it cost. */
  pointsSpent: Scalars['Int']['output'];
  /** Who bought it. */
  user: User;
};

/** A page of coupon redemptions, newest first. */
export type CouponRedemptionConnection = {
  __typename?: 'CouponRedemptionConnection';
  /** The redemptions of this page. */
  edges: Array<CouponRedemptionEdge>;
  /** Where this page is. */
  pageInfo: PageInfo;
};

/** A redemption and its cursor. */
export type CouponRedemptionEdge = {
  __typename?: 'CouponRedemptionEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The redemption. */
  node: CouponRedemption;
};

/** A new coupon. */
export type CreateCouponInput = {
  /** The category. */
  categoryId: Scalars['ID']['input'];
  /** The partner company. */
  companyId: Scalars['ID']['input'];
  /** Up to 2,000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** How many one user may buy, 1 to 1,000. Default 1. */
  perUserLimit?: InputMaybe<Scalars['Int']['input']>;
  /** Points it costs, 1 to 1,000,000. */
  pointsPrice: Scalars['Int']['input'];
  /** How many can be bought, 0 to 1,000,000. */
  stock: Scalars['Int']['input'];
  /** 1 to 200 characters. */
  title: Scalars['String']['input'];
  /** From when it can be bought. */
  validFrom: Scalars['DateTime']['input'];
  /** Until when it can be bought; after validFrom. */
  validUntil: Scalars['DateTime']['input'];
};

/** A new earning rule. */
export type CreateEarningRuleInput = {
  /** A badge code to give with it: 1 to 64 characters of A-Z, 0-9 and '_'. */
  badge?: InputMaybe<Scalars['String']['input']>;
  /** What the rule gives, 1 to 500 characters. */
  description: Scalars['String']['input'];
  /** Name of the rule, 1 to 64 characters of a-z, 0-9 and '-'; no rule with it may be in force. */
  key: Scalars['String']['input'];
  /** FIVE_STAR_WEEK only (required there): the fewest ratings a week needs, 1 to 1,000. */
  minRatings?: InputMaybe<Scalars['Int']['input']>;
  /** TRIP_PAID_RIDER only (required there): the fare amount in minor units that earns `points`, 1 to 1,000,000. */
  perAmountMinor?: InputMaybe<Scalars['Int']['input']>;
  /** Points per award, 1 to 1,000,000. */
  points: Scalars['Int']['input'];
  /** RIDE_STREAK only (required there): consecutive days, 2 to 365. */
  streakDays?: InputMaybe<Scalars['Int']['input']>;
  /** What it reacts to. */
  trigger: EarningRuleTrigger;
};

/**
 * A version of an earning rule. Changing a rule retires its version and creates a new one with the same key, in force
 * from the change on: events that occurred before are awarded by the version then in force, and entries already
 * written are never changed.
 */
export type EarningRule = {
  __typename?: 'EarningRule';
  /** A badge code given with the award (once per user), or null. */
  badge: Maybe<Scalars['String']['output']>;
  /** What the rule gives, in words; shown to users as the note of the entries it writes. */
  description: Scalars['String']['output'];
  /** From when it applies (to events that occurred then or later). */
  effectiveFrom: Scalars['DateTime']['output'];
  /** Stable identifier of this version. */
  id: Scalars['ID']['output'];
  /** Name shared by all versions of the rule, e.g. rider-fare. */
  key: Scalars['String']['output'];
  /** FIVE_STAR_WEEK only: the fewest ratings a week needs; null for other triggers. */
  minRatings: Maybe<Scalars['Int']['output']>;
  /** TRIP_PAID_RIDER only: the amount in minor units that earns `points`; null for other triggers. */
  perAmountMinor: Maybe<Scalars['Int']['output']>;
  /** Points per award (for TRIP_PAID_RIDER: per `perAmountMinor` of fare). */
  points: Scalars['Int']['output'];
  /** When it stopped applying (retired or replaced by a newer version); null while in force. */
  retiredAt: Maybe<Scalars['DateTime']['output']>;
  /** RIDE_STREAK only: how many consecutive days; null for other triggers. */
  streakDays: Maybe<Scalars['Int']['output']>;
  /** What it reacts to. */
  trigger: EarningRuleTrigger;
};

/** Result of a rule mutation. */
export type EarningRulePayload = {
  __typename?: 'EarningRulePayload';
  /** The rule version now in force (for retireEarningRule: the retired version); null when `userErrors` is not empty. */
  rule: Maybe<EarningRule>;
  /** Input problems; empty on success. */
  userErrors: Array<LoyaltyUserError>;
};

/** What an earning rule reacts to. */
export type EarningRuleTrigger =
  /** A driver rated the rider of a trip: `points` per rating. */
  | 'DRIVER_RATING_GIVEN'
  /** A rider's first paid ride (none known on an earlier day): `points` once per user and rule key. */
  | 'FIRST_RIDE'
  /**
   * A driver's calendar week (Monday to Sunday, UTC) with at least `minRatings` ratings from riders, all 5 stars:
   * `points` (and the badge) once per week, given after the week ended.
   */
  | 'FIVE_STAR_WEEK'
  /** A rider rated a trip: `points` per rating. */
  | 'RATING_GIVEN'
  /**
   * A user who signed up with the referrer's code completed a first paid ride: `points` to the referrer, once per
   * referred user, by the version in force when that user signed up.
   */
  | 'REFERRAL'
  /** Paid rides on `streakDays` consecutive UTC days: `points` on the last day of every such run of days. */
  | 'RIDE_STREAK'
  /** A driver's trip was paid: `points` per trip. */
  | 'TRIP_PAID_DRIVER'
  /** A rider's trip fare was paid: `points` per whole `perAmountMinor` of the amount (points of several currencies are not converted). */
  | 'TRIP_PAID_RIDER';

/** A page of a leaderboard, best first. */
export type LeaderboardConnection = {
  __typename?: 'LeaderboardConnection';
  /** The entries of this page. */
  edges: Array<LeaderboardEdge>;
  /** Where this page is. */
  pageInfo: PageInfo;
};

/** A leaderboard entry and its cursor. */
export type LeaderboardEdge = {
  __typename?: 'LeaderboardEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The entry. */
  node: LeaderboardEntry;
};

/** A place on a leaderboard. */
export type LeaderboardEntry = {
  __typename?: 'LeaderboardEntry';
  /** Points earned in the period (refunds taken back). */
  points: Scalars['Int']['output'];
  /** 1 for the most points; equal points are ranked by user id, so every user has one place and the order is stable. */
  rank: Scalars['Int']['output'];
  /** Who: the gateway joins their public `name` from identity (never a phone or email). */
  user: User;
};

/** Which points count. */
export type LeaderboardPeriod =
  /** Earned ever. */
  | 'ALL_TIME'
  /** Earned this calendar month (UTC). */
  | 'MONTH'
  /** Earned this calendar week (Monday to Sunday, UTC). */
  | 'WEEK';

/** Who is ranked. */
export type LeaderboardScope =
  /** Drivers, by points earned driving (paid trips, ratings of riders, five-star weeks). */
  | 'DRIVERS'
  /** Riders, by points earned riding (fares, ratings, first rides, streaks). */
  | 'RIDERS';

/** Loyalty tier, from lifetime points earned. */
export type LoyaltyLevel =
  /** From 0 points. */
  | 'BRONZE'
  /** From 5,000 points. */
  | 'GOLD'
  /** From 20,000 points. */
  | 'PLATINUM'
  /** From 1,000 points. */
  | 'SILVER';

/** One problem with a loyalty mutation's input. */
export type LoyaltyUserError = {
  __typename?: 'LoyaltyUserError';
  /** Machine-readable kind of problem. */
  code: LoyaltyUserErrorCode;
  /** Path to the offending argument or input field; null when it concerns the whole input. */
  field: Maybe<Array<Scalars['String']['output']>>;
  /** What is wrong, in words for a person. */
  message: Scalars['String']['output'];
};

/** What is wrong with a loyalty mutation's input. */
export type LoyaltyUserErrorCode =
  /** No such coupon category. */
  | 'CATEGORY_NOT_FOUND'
  /** No such partner company. */
  | 'COMPANY_NOT_FOUND'
  /** The coupon is not valid now (before validFrom or after validUntil). */
  | 'COUPON_NOT_AVAILABLE'
  /** No such coupon. */
  | 'COUPON_NOT_FOUND'
  /** The user does not have enough points. */
  | 'INSUFFICIENT_POINTS'
  /** The coupon's fields are invalid: title 1 to 200 characters, stock 0 to 1,000,000, per-user limit 1 to 1,000, validUntil after validFrom. */
  | 'INVALID_COUPON'
  /** The idempotency key is empty or longer than 255 characters. */
  | 'INVALID_IDEMPOTENCY_KEY'
  /** A name is empty, longer than 200 characters, or taken. */
  | 'INVALID_NAME'
  /** Points must be a whole number from 1 to 1,000,000 (adjustments: -1,000,000 to 1,000,000, not 0). */
  | 'INVALID_POINTS'
  /** The reason is empty or longer than 500 characters. */
  | 'INVALID_REASON'
  /** The rule's fields do not fit its trigger (perAmountMinor for TRIP_PAID_RIDER, streakDays 2 to 365 for RIDE_STREAK, minRatings 1 to 1,000 for FIVE_STAR_WEEK), or key, badge or description is malformed. */
  | 'INVALID_RULE'
  /** The user has bought this coupon as many times as allowed. */
  | 'LIMIT_REACHED'
  /** A rule with this key is in force already. */
  | 'RULE_EXISTS'
  /** No rule version with this id is in force (unknown, retired or replaced). */
  | 'RULE_NOT_FOUND'
  /** No stock left. */
  | 'SOLD_OUT';

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Adds or removes a user's points with a reason, recorded with who did it (an ADJUSTED entry). The balance never goes
   * below zero: removing more is INSUFFICIENT_POINTS. Idempotent by `idempotencyKey`. Operations staff only.
   */
  adjustPoints: AdjustPointsPayload;
  /**
   * Changes a rule from now on: the version `id` is retired and a new version with the same key and the given values
   * is in force; entries already written keep their points. Operations staff only.
   */
  changeEarningRule: EarningRulePayload;
  /** Adds a coupon to the catalogue. Operations staff only. */
  createCoupon: CouponPayload;
  /** Adds a coupon category. Operations staff only. */
  createCouponCategory: CouponCategoryPayload;
  /** Adds an earning rule, in force from now on. Operations staff only. */
  createEarningRule: EarningRulePayload;
  /** Adds a partner company. Operations staff only. */
  createPartnerCompany: PartnerCompanyPayload;
  /**
   * Buys a coupon with the signed-in user's points and hands out a unique code. Points and stock move together or not
   * at all: never more sold than the stock, never more to one user than the per-user limit. Idempotent by
   * `idempotencyKey` (the same key for the same coupon returns the first redemption; for another coupon it is a
   * CONFLICT).
   */
  redeemCoupon: RedeemCouponPayload;
  /** Retires a rule from now on (no new version). Operations staff only. */
  retireEarningRule: EarningRulePayload;
  /** Changes a coupon (price, stock, limit, window, texts). Operations staff only. */
  updateCoupon: CouponPayload;
};


export type MutationAdjustPointsArgs = {
  input: AdjustPointsInput;
};


export type MutationChangeEarningRuleArgs = {
  id: Scalars['ID']['input'];
  input: ChangeEarningRuleInput;
};


export type MutationCreateCouponArgs = {
  input: CreateCouponInput;
};


export type MutationCreateCouponCategoryArgs = {
  name: Scalars['String']['input'];
};


export type MutationCreateEarningRuleArgs = {
  input: CreateEarningRuleInput;
};


export type MutationCreatePartnerCompanyArgs = {
  name: Scalars['String']['input'];
};


export type MutationRedeemCouponArgs = {
  couponId: Scalars['ID']['input'];
  idempotencyKey: Scalars['String']['input'];
};


export type MutationRetireEarningRuleArgs = {
  id: Scalars['ID']['input'];
};


export type MutationUpdateCouponArgs = {
  id: Scalars['ID']['input'];
  input: UpdateCouponInput;
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

/** A partner company whose coupons can be bought with points. */
export type PartnerCompany = {
  __typename?: 'PartnerCompany';
  /** Stable identifier of the company. */
  id: Scalars['ID']['output'];
  /** Its name (unique). */
  name: Scalars['String']['output'];
};

/** Result of `createPartnerCompany`. */
export type PartnerCompanyPayload = {
  __typename?: 'PartnerCompanyPayload';
  /** The company; null when `userErrors` is not empty. */
  company: Maybe<PartnerCompany>;
  /** Input problems; empty on success. */
  userErrors: Array<LoyaltyUserError>;
};

/** One movement of a user's points. */
export type PointsEntry = {
  __typename?: 'PointsEntry';
  /** When it was written (for rule awards: when the event that earned it occurred). */
  createdAt: Scalars['DateTime']['output'];
  /** Stable identifier of the entry. */
  id: Scalars['ID']['output'];
  /** What it did: earned, spent, reversed, expired or adjusted. */
  kind: PointsEntryKind;
  /** Words for a person: the rule's description, or the reason operations staff gave. */
  note: Maybe<Scalars['String']['output']>;
  /** Points added (positive) or removed (negative). */
  points: Scalars['Int']['output'];
  /** Why. */
  reason: PointsReason;
  /**
   * What it concerns: the trip id for trip reasons, the coupon redemption id for REDEMPTION, the referred user's id for
   * REFERRAL; null otherwise.
   */
  reference: Maybe<Scalars['String']['output']>;
};

/** A page of ledger entries, newest first. */
export type PointsEntryConnection = {
  __typename?: 'PointsEntryConnection';
  /** The entries of this page. */
  edges: Array<PointsEntryEdge>;
  /** Where this page is. */
  pageInfo: PageInfo;
};

/** An entry and its cursor. */
export type PointsEntryEdge = {
  __typename?: 'PointsEntryEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The entry. */
  node: PointsEntry;
};

/** What a ledger entry did to the balance. */
export type PointsEntryKind =
  /** Points added or removed by operations staff, with a reason. */
  | 'ADJUSTED'
  /** Points given by an earning rule or a promotion. */
  | 'EARNED'
  /** Points that expired. */
  | 'EXPIRED'
  /** Points taken back because the payment they were earned for was refunded. */
  | 'REVERSED'
  /** Points spent on a coupon. */
  | 'SPENT';

/** Why points moved. */
export type PointsReason =
  /** Operations staff adjusted the balance. */
  | 'ADJUSTMENT'
  /** Points expired. */
  | 'EXPIRY'
  /** The rider's first paid ride. */
  | 'FIRST_RIDE'
  /** The driver's ratings in a calendar week were all 5 stars. */
  | 'FIVE_STAR_WEEK'
  /** A promotion, e.g. the demo welcome bonus. */
  | 'PROMOTION'
  /** A coupon bought with points. */
  | 'REDEMPTION'
  /** A friend who signed up with the user's referral code completed a first paid ride. */
  | 'REFERRAL'
  /** The payment the points were earned for was refunded. */
  | 'REFUND'
  /** The driver rated the rider of a trip. */
  | 'RIDER_RATED'
  /** Paid rides on consecutive days. */
  | 'RIDE_STREAK'
  /** A completed trip (demo data written before earning rules existed). */
  | 'TRIP_COMPLETED'
  /** The driver completed a trip that was paid. */
  | 'TRIP_DRIVEN'
  /** The rider paid a trip's fare (points per amount spent). */
  | 'TRIP_PAID'
  /** The rider rated a trip. */
  | 'TRIP_RATED';

/** A user's loyalty points. */
export type PointsSummary = {
  __typename?: 'PointsSummary';
  /** Points available to redeem now. */
  balance: Scalars['Int']['output'];
  /** Tier reached by lifetime points. */
  level: LoyaltyLevel;
  /** All points ever earned (redemptions do not lower it). */
  lifetimeEarned: Scalars['Int']['output'];
  /** Lifetime points still needed for the next tier; null at the top tier. */
  pointsToNextLevel: Maybe<Scalars['Int']['output']>;
};

export type Query = {
  __typename?: 'Query';
  /** The coupon with this id, or null when there is none. */
  coupon: Maybe<Coupon>;
  /** Coupon categories, by name. Any signed-in user. */
  couponCategories: Array<CouponCategory>;
  /** The coupon catalogue, newest first, filtered. Any signed-in user. */
  coupons: CouponConnection;
  /** Earning rules in force (and, with `includeRetired`, every earlier version), by key. Operations staff only. */
  earningRules: Array<EarningRule>;
  /** A leaderboard, best first: users with points in the period, ranked by points (ties by user id). Any signed-in user. */
  leaderboard: LeaderboardConnection;
  /** The signed-in user's place on a leaderboard; null when they have no points in the period. */
  myRank: Maybe<LeaderboardEntry>;
  /** Partner companies, by name. Any signed-in user. */
  partnerCompanies: Array<PartnerCompany>;
};


export type QueryCouponArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCouponsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<CouponFilterInput>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryEarningRulesArgs = {
  includeRetired?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryLeaderboardArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  fleetId?: InputMaybe<Scalars['ID']['input']>;
  period?: InputMaybe<LeaderboardPeriod>;
  scope: LeaderboardScope;
};


export type QueryMyRankArgs = {
  fleetId?: InputMaybe<Scalars['ID']['input']>;
  period?: InputMaybe<LeaderboardPeriod>;
  scope: LeaderboardScope;
};

/** Result of `redeemCoupon`. */
export type RedeemCouponPayload = {
  __typename?: 'RedeemCouponPayload';
  /** The buyer's points after it; null when `userErrors` is not empty. */
  points: Maybe<PointsSummary>;
  /** The redemption with its code; null when `userErrors` is not empty. */
  redemption: Maybe<CouponRedemption>;
  /** Why it could not be bought; empty on success. */
  userErrors: Array<LoyaltyUserError>;
};

/** New values for a coupon; omitted fields stay. Redemptions already made are not affected. */
export type UpdateCouponInput = {
  /** Up to 2,000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** How many one user may buy, 1 to 1,000. */
  perUserLimit?: InputMaybe<Scalars['Int']['input']>;
  /** Points it costs from now on, 1 to 1,000,000. */
  pointsPrice?: InputMaybe<Scalars['Int']['input']>;
  /** How many are left to buy, 0 to 1,000,000. */
  stock?: InputMaybe<Scalars['Int']['input']>;
  /** 1 to 200 characters. */
  title?: InputMaybe<Scalars['String']['input']>;
  /** From when it can be bought. */
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
  /** Until when it can be bought; after validFrom. */
  validUntil?: InputMaybe<Scalars['DateTime']['input']>;
};

/** A person with an account: a rider, a driver or a member of staff. */
export type User = {
  __typename?: 'User';
  /** Badges the user earned, oldest first. The user themselves and operations staff only (FORBIDDEN for others). */
  badges: Maybe<Array<Badge>>;
  /**
   * Coupons the user bought, newest first, with their codes. The user themselves and operations staff only (null with
   * a FORBIDDEN error for others).
   */
  couponRedemptions: Maybe<CouponRedemptionConnection>;
  /** Stable identifier of the user. */
  id: Scalars['ID']['output'];
  /**
   * The user's loyalty points (zero for a new user). Only the user themselves and operations staff may read them: for
   * anyone else this field is null with a FORBIDDEN error at its path. Also null, with a SERVICE_UNAVAILABLE error at
   * its path, while the gamification service cannot be reached. The rest of the response is unaffected either way.
   */
  points: Maybe<PointsSummary>;
  /**
   * The user's points ledger, newest first: every entry that earned, spent, reversed, expired or adjusted points. Only
   * the user themselves and operations staff may read it: for anyone else null with a FORBIDDEN error at its path.
   */
  pointsHistory: Maybe<PointsEntryConnection>;
};


/** A person with an account: a rider, a driver or a member of staff. */
export type UserCouponRedemptionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A person with an account: a rider, a driver or a member of staff. */
export type UserPointsHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
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
  User: User;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AdjustPointsInput: AdjustPointsInput;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  AdjustPointsPayload: ResolverTypeWrapper<Omit<AdjustPointsPayload, 'entry'> & { entry?: Maybe<ResolversTypes['PointsEntry']> }>;
  Badge: ResolverTypeWrapper<BadgeModel>;
  ChangeEarningRuleInput: ChangeEarningRuleInput;
  Coupon: ResolverTypeWrapper<CouponModel>;
  CouponCategory: ResolverTypeWrapper<CouponCategoryModel>;
  CouponCategoryPayload: ResolverTypeWrapper<Omit<CouponCategoryPayload, 'category'> & { category?: Maybe<ResolversTypes['CouponCategory']> }>;
  CouponConnection: ResolverTypeWrapper<Omit<CouponConnection, 'edges'> & { edges: Array<ResolversTypes['CouponEdge']> }>;
  CouponEdge: ResolverTypeWrapper<Omit<CouponEdge, 'node'> & { node: ResolversTypes['Coupon'] }>;
  CouponFilterInput: CouponFilterInput;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CouponPayload: ResolverTypeWrapper<Omit<CouponPayload, 'coupon'> & { coupon?: Maybe<ResolversTypes['Coupon']> }>;
  CouponRedemption: ResolverTypeWrapper<CouponRedemptionModel>;
  CouponRedemptionConnection: ResolverTypeWrapper<Omit<CouponRedemptionConnection, 'edges'> & { edges: Array<ResolversTypes['CouponRedemptionEdge']> }>;
  CouponRedemptionEdge: ResolverTypeWrapper<Omit<CouponRedemptionEdge, 'node'> & { node: ResolversTypes['CouponRedemption'] }>;
  CreateCouponInput: CreateCouponInput;
  CreateEarningRuleInput: CreateEarningRuleInput;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  EarningRule: ResolverTypeWrapper<EarningRuleModel>;
  EarningRulePayload: ResolverTypeWrapper<Omit<EarningRulePayload, 'rule'> & { rule?: Maybe<ResolversTypes['EarningRule']> }>;
  EarningRuleTrigger: EarningRuleTrigger;
  LeaderboardConnection: ResolverTypeWrapper<Omit<LeaderboardConnection, 'edges'> & { edges: Array<ResolversTypes['LeaderboardEdge']> }>;
  LeaderboardEdge: ResolverTypeWrapper<Omit<LeaderboardEdge, 'node'> & { node: ResolversTypes['LeaderboardEntry'] }>;
  LeaderboardEntry: ResolverTypeWrapper<LeaderboardEntryModel>;
  LeaderboardPeriod: LeaderboardPeriod;
  LeaderboardScope: LeaderboardScope;
  LoyaltyLevel: LoyaltyLevel;
  LoyaltyUserError: ResolverTypeWrapper<LoyaltyUserError>;
  LoyaltyUserErrorCode: LoyaltyUserErrorCode;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PartnerCompany: ResolverTypeWrapper<PartnerCompanyModel>;
  PartnerCompanyPayload: ResolverTypeWrapper<Omit<PartnerCompanyPayload, 'company'> & { company?: Maybe<ResolversTypes['PartnerCompany']> }>;
  PointsEntry: ResolverTypeWrapper<PointsEntryModel>;
  PointsEntryConnection: ResolverTypeWrapper<Omit<PointsEntryConnection, 'edges'> & { edges: Array<ResolversTypes['PointsEntryEdge']> }>;
  PointsEntryEdge: ResolverTypeWrapper<Omit<PointsEntryEdge, 'node'> & { node: ResolversTypes['PointsEntry'] }>;
  PointsEntryKind: PointsEntryKind;
  PointsReason: PointsReason;
  PointsSummary: ResolverTypeWrapper<PointsSummaryModel>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RedeemCouponPayload: ResolverTypeWrapper<Omit<RedeemCouponPayload, 'points' | 'redemption'> & { points?: Maybe<ResolversTypes['PointsSummary']>, redemption?: Maybe<ResolversTypes['CouponRedemption']> }>;
  UpdateCouponInput: UpdateCouponInput;
  User: ResolverTypeWrapper<UserRef>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AdjustPointsInput: AdjustPointsInput;
  String: Scalars['String']['output'];
  Int: Scalars['Int']['output'];
  ID: Scalars['ID']['output'];
  AdjustPointsPayload: Omit<AdjustPointsPayload, 'entry'> & { entry?: Maybe<ResolversParentTypes['PointsEntry']> };
  Badge: BadgeModel;
  ChangeEarningRuleInput: ChangeEarningRuleInput;
  Coupon: CouponModel;
  CouponCategory: CouponCategoryModel;
  CouponCategoryPayload: Omit<CouponCategoryPayload, 'category'> & { category?: Maybe<ResolversParentTypes['CouponCategory']> };
  CouponConnection: Omit<CouponConnection, 'edges'> & { edges: Array<ResolversParentTypes['CouponEdge']> };
  CouponEdge: Omit<CouponEdge, 'node'> & { node: ResolversParentTypes['Coupon'] };
  CouponFilterInput: CouponFilterInput;
  Boolean: Scalars['Boolean']['output'];
  CouponPayload: Omit<CouponPayload, 'coupon'> & { coupon?: Maybe<ResolversParentTypes['Coupon']> };
  CouponRedemption: CouponRedemptionModel;
  CouponRedemptionConnection: Omit<CouponRedemptionConnection, 'edges'> & { edges: Array<ResolversParentTypes['CouponRedemptionEdge']> };
  CouponRedemptionEdge: Omit<CouponRedemptionEdge, 'node'> & { node: ResolversParentTypes['CouponRedemption'] };
  CreateCouponInput: CreateCouponInput;
  CreateEarningRuleInput: CreateEarningRuleInput;
  DateTime: Scalars['DateTime']['output'];
  EarningRule: EarningRuleModel;
  EarningRulePayload: Omit<EarningRulePayload, 'rule'> & { rule?: Maybe<ResolversParentTypes['EarningRule']> };
  LeaderboardConnection: Omit<LeaderboardConnection, 'edges'> & { edges: Array<ResolversParentTypes['LeaderboardEdge']> };
  LeaderboardEdge: Omit<LeaderboardEdge, 'node'> & { node: ResolversParentTypes['LeaderboardEntry'] };
  LeaderboardEntry: LeaderboardEntryModel;
  LoyaltyUserError: LoyaltyUserError;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  PartnerCompany: PartnerCompanyModel;
  PartnerCompanyPayload: Omit<PartnerCompanyPayload, 'company'> & { company?: Maybe<ResolversParentTypes['PartnerCompany']> };
  PointsEntry: PointsEntryModel;
  PointsEntryConnection: Omit<PointsEntryConnection, 'edges'> & { edges: Array<ResolversParentTypes['PointsEntryEdge']> };
  PointsEntryEdge: Omit<PointsEntryEdge, 'node'> & { node: ResolversParentTypes['PointsEntry'] };
  PointsSummary: PointsSummaryModel;
  Query: Record<PropertyKey, never>;
  RedeemCouponPayload: Omit<RedeemCouponPayload, 'points' | 'redemption'> & { points?: Maybe<ResolversParentTypes['PointsSummary']>, redemption?: Maybe<ResolversParentTypes['CouponRedemption']> };
  UpdateCouponInput: UpdateCouponInput;
  User: UserRef;
}>;

export type PublicDirectiveArgs = { };

export type PublicDirectiveResolver<Result, Parent, ContextType = GamificationContext, Args = PublicDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AdjustPointsPayloadResolvers<ContextType = GamificationContext, ParentType extends ResolversParentTypes['AdjustPointsPayload'] = ResolversParentTypes['AdjustPointsPayload']> = ResolversObject<{
  entry?: Resolver<Maybe<ResolversTypes['PointsEntry']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['LoyaltyUserError']>, ParentType, ContextType>;
}>;

export type BadgeResolvers<ContextType = GamificationContext, ParentType extends ResolversParentTypes['Badge'] = ResolversParentTypes['Badge']> = ResolversObject<{
  awardedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type CouponResolvers<ContextType = GamificationContext, ParentType extends ResolversParentTypes['Coupon'] = ResolversParentTypes['Coupon']> = ResolversObject<{
  category?: Resolver<ResolversTypes['CouponCategory'], ParentType, ContextType>;
  company?: Resolver<ResolversTypes['PartnerCompany'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  perUserLimit?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pointsPrice?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  redemptions?: Resolver<ResolversTypes['CouponRedemptionConnection'], ParentType, ContextType, RequireFields<CouponRedemptionsArgs, 'first'>>;
  redemptionsCsv?: Resolver<ResolversTypes['String'], ParentType, ContextType, Partial<CouponRedemptionsCsvArgs>>;
  stock?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  validUntil?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type CouponCategoryResolvers<ContextType = GamificationContext, ParentType extends ResolversParentTypes['CouponCategory'] = ResolversParentTypes['CouponCategory']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type CouponCategoryPayloadResolvers<ContextType = GamificationContext, ParentType extends ResolversParentTypes['CouponCategoryPayload'] = ResolversParentTypes['CouponCategoryPayload']> = ResolversObject<{
  category?: Resolver<Maybe<ResolversTypes['CouponCategory']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['LoyaltyUserError']>, ParentType, ContextType>;
}>;

export type CouponConnectionResolvers<ContextType = GamificationContext, ParentType extends ResolversParentTypes['CouponConnection'] = ResolversParentTypes['CouponConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['CouponEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type CouponEdgeResolvers<ContextType = GamificationContext, ParentType extends ResolversParentTypes['CouponEdge'] = ResolversParentTypes['CouponEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Coupon'], ParentType, ContextType>;
}>;

export type CouponPayloadResolvers<ContextType = GamificationContext, ParentType extends ResolversParentTypes['CouponPayload'] = ResolversParentTypes['CouponPayload']> = ResolversObject<{
  coupon?: Resolver<Maybe<ResolversTypes['Coupon']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['LoyaltyUserError']>, ParentType, ContextType>;
}>;

export type CouponRedemptionResolvers<ContextType = GamificationContext, ParentType extends ResolversParentTypes['CouponRedemption'] = ResolversParentTypes['CouponRedemption']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  coupon?: Resolver<ResolversTypes['Coupon'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  pointsSpent?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
}>;

export type CouponRedemptionConnectionResolvers<ContextType = GamificationContext, ParentType extends ResolversParentTypes['CouponRedemptionConnection'] = ResolversParentTypes['CouponRedemptionConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['CouponRedemptionEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type CouponRedemptionEdgeResolvers<ContextType = GamificationContext, ParentType extends ResolversParentTypes['CouponRedemptionEdge'] = ResolversParentTypes['CouponRedemptionEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['CouponRedemption'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type EarningRuleResolvers<ContextType = GamificationContext, ParentType extends ResolversParentTypes['EarningRule'] = ResolversParentTypes['EarningRule']> = ResolversObject<{
  badge?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  effectiveFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  minRatings?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  perAmountMinor?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  points?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  retiredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  streakDays?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  trigger?: Resolver<ResolversTypes['EarningRuleTrigger'], ParentType, ContextType>;
}>;

export type EarningRulePayloadResolvers<ContextType = GamificationContext, ParentType extends ResolversParentTypes['EarningRulePayload'] = ResolversParentTypes['EarningRulePayload']> = ResolversObject<{
  rule?: Resolver<Maybe<ResolversTypes['EarningRule']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['LoyaltyUserError']>, ParentType, ContextType>;
}>;

export type LeaderboardConnectionResolvers<ContextType = GamificationContext, ParentType extends ResolversParentTypes['LeaderboardConnection'] = ResolversParentTypes['LeaderboardConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['LeaderboardEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type LeaderboardEdgeResolvers<ContextType = GamificationContext, ParentType extends ResolversParentTypes['LeaderboardEdge'] = ResolversParentTypes['LeaderboardEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['LeaderboardEntry'], ParentType, ContextType>;
}>;

export type LeaderboardEntryResolvers<ContextType = GamificationContext, ParentType extends ResolversParentTypes['LeaderboardEntry'] = ResolversParentTypes['LeaderboardEntry']> = ResolversObject<{
  points?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rank?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
}>;

export type LoyaltyUserErrorResolvers<ContextType = GamificationContext, ParentType extends ResolversParentTypes['LoyaltyUserError'] = ResolversParentTypes['LoyaltyUserError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['LoyaltyUserErrorCode'], ParentType, ContextType>;
  field?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = GamificationContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  adjustPoints?: Resolver<ResolversTypes['AdjustPointsPayload'], ParentType, ContextType, RequireFields<MutationAdjustPointsArgs, 'input'>>;
  changeEarningRule?: Resolver<ResolversTypes['EarningRulePayload'], ParentType, ContextType, RequireFields<MutationChangeEarningRuleArgs, 'id' | 'input'>>;
  createCoupon?: Resolver<ResolversTypes['CouponPayload'], ParentType, ContextType, RequireFields<MutationCreateCouponArgs, 'input'>>;
  createCouponCategory?: Resolver<ResolversTypes['CouponCategoryPayload'], ParentType, ContextType, RequireFields<MutationCreateCouponCategoryArgs, 'name'>>;
  createEarningRule?: Resolver<ResolversTypes['EarningRulePayload'], ParentType, ContextType, RequireFields<MutationCreateEarningRuleArgs, 'input'>>;
  createPartnerCompany?: Resolver<ResolversTypes['PartnerCompanyPayload'], ParentType, ContextType, RequireFields<MutationCreatePartnerCompanyArgs, 'name'>>;
  redeemCoupon?: Resolver<ResolversTypes['RedeemCouponPayload'], ParentType, ContextType, RequireFields<MutationRedeemCouponArgs, 'couponId' | 'idempotencyKey'>>;
  retireEarningRule?: Resolver<ResolversTypes['EarningRulePayload'], ParentType, ContextType, RequireFields<MutationRetireEarningRuleArgs, 'id'>>;
  updateCoupon?: Resolver<ResolversTypes['CouponPayload'], ParentType, ContextType, RequireFields<MutationUpdateCouponArgs, 'id' | 'input'>>;
}>;

export type PageInfoResolvers<ContextType = GamificationContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type PartnerCompanyResolvers<ContextType = GamificationContext, ParentType extends ResolversParentTypes['PartnerCompany'] = ResolversParentTypes['PartnerCompany']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type PartnerCompanyPayloadResolvers<ContextType = GamificationContext, ParentType extends ResolversParentTypes['PartnerCompanyPayload'] = ResolversParentTypes['PartnerCompanyPayload']> = ResolversObject<{
  company?: Resolver<Maybe<ResolversTypes['PartnerCompany']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['LoyaltyUserError']>, ParentType, ContextType>;
}>;

export type PointsEntryResolvers<ContextType = GamificationContext, ParentType extends ResolversParentTypes['PointsEntry'] = ResolversParentTypes['PointsEntry']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['PointsEntryKind'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  points?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['PointsReason'], ParentType, ContextType>;
  reference?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type PointsEntryConnectionResolvers<ContextType = GamificationContext, ParentType extends ResolversParentTypes['PointsEntryConnection'] = ResolversParentTypes['PointsEntryConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['PointsEntryEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type PointsEntryEdgeResolvers<ContextType = GamificationContext, ParentType extends ResolversParentTypes['PointsEntryEdge'] = ResolversParentTypes['PointsEntryEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['PointsEntry'], ParentType, ContextType>;
}>;

export type PointsSummaryResolvers<ContextType = GamificationContext, ParentType extends ResolversParentTypes['PointsSummary'] = ResolversParentTypes['PointsSummary']> = ResolversObject<{
  balance?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  level?: Resolver<ResolversTypes['LoyaltyLevel'], ParentType, ContextType>;
  lifetimeEarned?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pointsToNextLevel?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = GamificationContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  coupon?: Resolver<Maybe<ResolversTypes['Coupon']>, ParentType, ContextType, RequireFields<QueryCouponArgs, 'id'>>;
  couponCategories?: Resolver<Array<ResolversTypes['CouponCategory']>, ParentType, ContextType>;
  coupons?: Resolver<ResolversTypes['CouponConnection'], ParentType, ContextType, RequireFields<QueryCouponsArgs, 'first'>>;
  earningRules?: Resolver<Array<ResolversTypes['EarningRule']>, ParentType, ContextType, RequireFields<QueryEarningRulesArgs, 'includeRetired'>>;
  leaderboard?: Resolver<ResolversTypes['LeaderboardConnection'], ParentType, ContextType, RequireFields<QueryLeaderboardArgs, 'first' | 'period' | 'scope'>>;
  myRank?: Resolver<Maybe<ResolversTypes['LeaderboardEntry']>, ParentType, ContextType, RequireFields<QueryMyRankArgs, 'period' | 'scope'>>;
  partnerCompanies?: Resolver<Array<ResolversTypes['PartnerCompany']>, ParentType, ContextType>;
}>;

export type RedeemCouponPayloadResolvers<ContextType = GamificationContext, ParentType extends ResolversParentTypes['RedeemCouponPayload'] = ResolversParentTypes['RedeemCouponPayload']> = ResolversObject<{
  points?: Resolver<Maybe<ResolversTypes['PointsSummary']>, ParentType, ContextType>;
  redemption?: Resolver<Maybe<ResolversTypes['CouponRedemption']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['LoyaltyUserError']>, ParentType, ContextType>;
}>;

export type UserResolvers<ContextType = GamificationContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  badges?: Resolver<Maybe<Array<ResolversTypes['Badge']>>, ParentType, ContextType>;
  couponRedemptions?: Resolver<Maybe<ResolversTypes['CouponRedemptionConnection']>, ParentType, ContextType, RequireFields<UserCouponRedemptionsArgs, 'first'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  points?: Resolver<Maybe<ResolversTypes['PointsSummary']>, ParentType, ContextType>;
  pointsHistory?: Resolver<Maybe<ResolversTypes['PointsEntryConnection']>, ParentType, ContextType, RequireFields<UserPointsHistoryArgs, 'first'>>;
}>;

export type Resolvers<ContextType = GamificationContext> = ResolversObject<{
  AdjustPointsPayload?: AdjustPointsPayloadResolvers<ContextType>;
  Badge?: BadgeResolvers<ContextType>;
  Coupon?: CouponResolvers<ContextType>;
  CouponCategory?: CouponCategoryResolvers<ContextType>;
  CouponCategoryPayload?: CouponCategoryPayloadResolvers<ContextType>;
  CouponConnection?: CouponConnectionResolvers<ContextType>;
  CouponEdge?: CouponEdgeResolvers<ContextType>;
  CouponPayload?: CouponPayloadResolvers<ContextType>;
  CouponRedemption?: CouponRedemptionResolvers<ContextType>;
  CouponRedemptionConnection?: CouponRedemptionConnectionResolvers<ContextType>;
  CouponRedemptionEdge?: CouponRedemptionEdgeResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  EarningRule?: EarningRuleResolvers<ContextType>;
  EarningRulePayload?: EarningRulePayloadResolvers<ContextType>;
  LeaderboardConnection?: LeaderboardConnectionResolvers<ContextType>;
  LeaderboardEdge?: LeaderboardEdgeResolvers<ContextType>;
  LeaderboardEntry?: LeaderboardEntryResolvers<ContextType>;
  LoyaltyUserError?: LoyaltyUserErrorResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PartnerCompany?: PartnerCompanyResolvers<ContextType>;
  PartnerCompanyPayload?: PartnerCompanyPayloadResolvers<ContextType>;
  PointsEntry?: PointsEntryResolvers<ContextType>;
  PointsEntryConnection?: PointsEntryConnectionResolvers<ContextType>;
  PointsEntryEdge?: PointsEntryEdgeResolvers<ContextType>;
  PointsSummary?: PointsSummaryResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RedeemCouponPayload?: RedeemCouponPayloadResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = GamificationContext> = ResolversObject<{
  public?: PublicDirectiveResolver<any, any, ContextType>;
}>;
