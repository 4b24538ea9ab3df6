import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { WalletModel, WalletEntryModel, PaymentModel, RefundModel, PaymentMethodModel, CardModel, UserRef, TripRef, DriverRef, DriverStatementEntryModel, CashShiftModel, CashShiftTripModel, CashCorrectionModel, PaymentLinkModel, VehicleRef, PayoutDestinationModel, PayoutItemModel, PayoutBatchModel } from '../resolvers/mappers.js';
import type { PaymentsContext } from '../context.js';
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

/** A card to save. */
export type AddCardInput = {
  /** Make it the default method. Default false (the first card becomes the default anyway). */
  makeDefault?: InputMaybe<Scalars['Boolean']['input']>;
  /** The provider's token for the card, made by the provider's client SDK (Stripe: a PaymentMethod id `pm_…`); never card numbers. */
  providerToken: Scalars['String']['input'];
};

/** A driver to put on a plan. */
export type AssignRentalPlanInput = {
  /** The driver (fleet's driver profile id). */
  driverId: Scalars['ID']['input'];
  /** The plan. */
  planId: Scalars['ID']['input'];
  /** When rent starts (default: now); the plan must be valid then. */
  startsAt?: InputMaybe<Scalars['DateTime']['input']>;
};

/** Result of `assignRentalPlan`. */
export type AssignRentalPlanPayload = {
  __typename?: 'AssignRentalPlanPayload';
  /** The driver's new assignment; null when `userErrors` is not empty. */
  rentalPlan: Maybe<DriverRentalPlan>;
  /** Input problems; empty on success. */
  userErrors: Array<RentalUserError>;
};

/** A saved card as the provider describes it; card numbers never reach Ridegraph. */
export type CardDetails = {
  __typename?: 'CardDetails';
  /** Card network, e.g. visa, mastercard. */
  brand: Scalars['String']['output'];
  /** Expiry month, 1 to 12. */
  expMonth: Scalars['Int']['output'];
  /** Expiry year, e.g. 2029. */
  expYear: Scalars['Int']['output'];
  /** Last four digits. */
  last4: Scalars['String']['output'];
};

/** A recorded cash correction. */
export type CashCorrection = {
  __typename?: 'CashCorrection';
  /** The amount. */
  amount: Money;
  /** The shift it corrects (`CashShift.id`), if any. */
  attendanceId: Maybe<Scalars['ID']['output']>;
  /** When it was recorded. */
  createdAt: Scalars['DateTime']['output'];
  /** The driver. */
  driver: Driver;
  /** Stable identifier of the correction. */
  id: Scalars['ID']['output'];
  /** How it was settled. */
  kind: CashCorrectionKind;
  /** Why. */
  reason: Scalars['String']['output'];
};

/** How a cash shortfall is settled. */
export type CashCorrectionKind =
  /** Taken from the driver's earnings. */
  | 'DEDUCT_FROM_EARNINGS'
  /** The driver handed the cash in later: their cash held to the fleet's cash. */
  | 'LATE_HANDOVER'
  /** Given up: the platform's loss (its revenue). */
  | 'WRITE_OFF';

/** One problem with a `recordCashCorrection` input. */
export type CashCorrectionUserError = {
  __typename?: 'CashCorrectionUserError';
  /** Machine-readable kind of problem. */
  code: CashCorrectionUserErrorCode;
  /** Path to the offending argument or input field; null when it concerns the whole input. */
  field: Maybe<Array<Scalars['String']['output']>>;
  /** What is wrong, in words for a person. */
  message: Scalars['String']['output'];
};

/** What is wrong with a `recordCashCorrection` input. */
export type CashCorrectionUserErrorCode =
  /** More than the driver owes in cash now (their cash held, negated). */
  | 'CORRECTION_EXCEEDS_CASH_OWED'
  /** The currency is not the platform's. */
  | 'CURRENCY_MISMATCH'
  /** No driver payments knows has this id. */
  | 'DRIVER_NOT_FOUND'
  /** The amount is not a whole number from 1 to the largest allowed (default 1,000,000 minor units). */
  | 'INVALID_AMOUNT'
  /** The idempotency key is empty or longer than 255 characters. */
  | 'INVALID_IDEMPOTENCY_KEY'
  /** The reason is empty or longer than 500 characters. */
  | 'INVALID_REASON'
  /** No shift of this driver has this id (or payments has not received its check-out yet). */
  | 'SHIFT_NOT_FOUND';

/** Which shifts `cashDiscrepancies` lists. */
export type CashDiscrepancyFilterInput = {
  /** Only this driver's. */
  driverId?: InputMaybe<Scalars['ID']['input']>;
  /** Only this fleet's (a FLEET_MANAGER: one of theirs). Omitted: every fleet the viewer sees. */
  fleetId?: InputMaybe<Scalars['ID']['input']>;
  /** Only shifts that ended at or after this instant. */
  from?: InputMaybe<Scalars['DateTime']['input']>;
  /** Only shifts whose difference is not zero. Default true. */
  onlyUnbalanced?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only shifts that ended before this instant. */
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

/** A driver's shift and its cash: what cash trips brought in, what was handed in at check-out, and corrections since. */
export type CashShift = {
  __typename?: 'CashShift';
  /** When the shift started. */
  checkedInAt: Scalars['DateTime']['output'];
  /** When the shift ended (the cash was handed in). */
  checkedOutAt: Scalars['DateTime']['output'];
  /** Cash fares and fees of trips that ended within the shift (paid in cash, whatever was refunded later to the rider's wallet; not those the rider paid through the vehicle's QR code instead). */
  collected: Money;
  /** Corrections recorded against this shift (`recordCashCorrection` with its `attendanceId`), all kinds. */
  corrections: Money;
  /** Cash handed in at check-out. */
  deposited: Money;
  /** collected − deposited − corrections: positive when the driver is short, negative when they handed in more. */
  difference: Money;
  /** The driver. */
  driver: Driver;
  /** The fleet the shift was worked for. */
  fleetId: Scalars['ID']['output'];
  /** The shift: fleet's attendance id (`Attendance.id`). */
  id: Scalars['ID']['output'];
  /** The cash trips behind `collected`, in the order they ended. */
  trips: Array<CashShiftTrip>;
};

/** A page of shifts, latest check-out first. */
export type CashShiftConnection = {
  __typename?: 'CashShiftConnection';
  /** The shifts of this page. */
  edges: Array<CashShiftEdge>;
  /** Where this page is. */
  pageInfo: PageInfo;
};

/** A shift with a cursor, in a connection. */
export type CashShiftEdge = {
  __typename?: 'CashShiftEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The shift. */
  node: CashShift;
};

/** One cash trip of a shift. */
export type CashShiftTrip = {
  __typename?: 'CashShiftTrip';
  /** What the rider paid the driver in cash. */
  amount: Money;
  /** When the trip ended. */
  endedAt: Scalars['DateTime']['output'];
  /** A fare (TRIP_FARE) or a cancellation fee (CANCELLATION_FEE). */
  purpose: PaymentPurpose;
  /** The trip. */
  trip: Trip;
};

/** A bulk payout batch to create. */
export type CreateBulkPayoutBatchInput = {
  /** CSV text, header `driverId,amountMinor[,reference]` then one row per driver (at most 10,000), amounts in minor units. */
  csv: Scalars['String']['input'];
  /** A key unique to this batch: the same key and CSV returns the first batch; another CSV is a CONFLICT. */
  idempotencyKey: Scalars['String']['input'];
};

/** A payment link to make. */
export type CreatePaymentLinkInput = {
  /** How much, in the platform's currency. */
  amount: MoneyInput;
  /** How long it can be paid, 30 to 1440 minutes (Stripe Checkout's limits). Default 60. */
  expiresInMinutes?: InputMaybe<Scalars['Int']['input']>;
  /** A key unique to this link: retrying with the same key and input returns the first link; the same key with another input is a CONFLICT. */
  idempotencyKey: Scalars['String']['input'];
  /** The identity user id of who pays (the driver for DRIVER_*, the rider for RIDER_BALANCE). */
  payerId: Scalars['ID']['input'];
  /** What it collects (not TRIP_FARE). */
  purpose: PaymentLinkPurpose;
};

/** A fleet's payout batch to create. */
export type CreatePayoutBatchInput = {
  /** The fleet. */
  fleetId: Scalars['ID']['input'];
  /** A key unique to this batch: the same key and input returns the first batch; another input is a CONFLICT. */
  idempotencyKey: Scalars['String']['input'];
  /** Pay balances as of this instant (not in the future); default now. */
  periodEnd?: InputMaybe<Scalars['DateTime']['input']>;
};

/** A new rental plan. */
export type CreateRentalPlanInput = {
  /** Put drivers of its category on it when a vehicle is assigned to them (one such plan per category at a time). */
  autoAssign: Scalars['Boolean']['input'];
  /** Security deposit: 0 to the largest allowed amount, in the platform's currency. */
  deposit: MoneyInput;
  /** How the deposit is collected. */
  depositCollection: DepositCollection;
  /** 1 to 100 characters. */
  name: Scalars['String']['input'];
  /** How often rent is charged. */
  period: RentalPeriod;
  /** Rent per period: 1 to the largest allowed amount, in the platform's currency. */
  rent: MoneyInput;
  /** Drivers may be put on it from this instant. */
  validFrom: Scalars['DateTime']['input'];
  /** Until this instant (exclusive), after validFrom; omit for no end. */
  validTo?: InputMaybe<Scalars['DateTime']['input']>;
  /** The vehicles it is for. */
  vehicleCategory: VehicleCategory;
};

/** How a rental plan's deposit is collected. */
export type DepositCollection =
  /** Deducted in full from the driver's earnings when they are put on the plan (earnings may go negative). */
  | 'FROM_EARNINGS'
  /** The driver pays a payment link (purpose DEPOSIT); the deposit is held once it is paid. */
  | 'PAYMENT_LINK';

/** A driver's profile: the driving side of a user. */
export type Driver = {
  __typename?: 'Driver';
  /**
   * The driver's shifts with their cash: collected, handed in, corrected and the difference, latest check-out first,
   * balanced ones included. The driver themselves, managers of their fleet and operations staff (FORBIDDEN for anyone
   * else); empty for a driver payments has not heard of.
   */
  cashShifts: CashShiftConnection;
  /** The driver's security deposit: what their current plan requires and what is held. Same readers as `earnings`. */
  deposit: Maybe<DriverDeposit>;
  /**
   * What the driver earned in [from, to) and their balances now. The driver themselves, managers of their fleet and
   * operations staff (FORBIDDEN for anyone else); null for a driver payments has not heard of. At most 366 days.
   */
  earnings: Maybe<DriverEarnings>;
  /** Stable identifier of the driver profile (not the user id). */
  id: Scalars['ID']['output'];
  /**
   * Where the driver's payouts go (bank account, only its last four characters readable); null when none is set.
   * The driver themselves, managers of their fleet and operations staff (FORBIDDEN for anyone else).
   */
  payoutDestination: Maybe<PayoutDestination>;
  /** The driver's payouts, newest first; null for a driver payments has not heard of. Same readers as `payoutDestination`. */
  payouts: Maybe<PayoutItemConnection>;
  /** Rent charged to the driver, newest period first, on every plan they were on. Same readers as `earnings`. */
  rentCharges: Maybe<RentChargeConnection>;
  /** The rental plan the driver is on now (null when none). Same readers as `earnings`. */
  rentalPlan: Maybe<DriverRentalPlan>;
  /**
   * Every movement of the driver's earnings, cash held and deposit accounts, newest first, optionally within [from,
   * to). Same readers as `earnings`.
   */
  statement: Maybe<DriverStatementConnection>;
};


/** A driver's profile: the driving side of a user. */
export type DriverCashShiftsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
};


/** A driver's profile: the driving side of a user. */
export type DriverEarningsArgs = {
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
};


/** A driver's profile: the driving side of a user. */
export type DriverPayoutsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A driver's profile: the driving side of a user. */
export type DriverRentChargesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A driver's profile: the driving side of a user. */
export type DriverStatementArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

/** Which of a driver's ledger accounts an entry moved. */
export type DriverAccount =
  /** Cash collected from riders and not yet handed in (negative: the driver owes it). */
  | 'CASH_HELD'
  /** The security deposit held for the driver. */
  | 'DEPOSIT'
  /** Earnings not yet paid out (fares minus commission, minus rent, deductions and payouts). */
  | 'EARNINGS';

/** A driver's security deposit. */
export type DriverDeposit = {
  __typename?: 'DriverDeposit';
  /** How the current plan collects it; null without a plan. */
  collection: Maybe<DepositCollection>;
  /** What is held for the driver now (their deposit account's balance). */
  held: Money;
  /** What the driver's current plan requires (0 without a plan). */
  required: Money;
};

/** What a driver earned over a period, from the ledger. Amounts in the platform's currency. */
export type DriverEarnings = {
  __typename?: 'DriverEarnings';
  /** Other changes of the earnings in the period: refunds taking back part of a fare, corrections, adjustments (signed). */
  adjustments: Money;
  /** Cash the driver collected from riders in the period. */
  cashCollected: Money;
  /** What cleared the driver's cash held in the period: hand-ins at check-out and cash corrections (a late hand-in, a deduction from earnings, a write-off). */
  cashHandedIn: Money;
  /** Cash held now (negative while the driver owes cash). */
  cashHeld: Money;
  /** The platform's commission on them. */
  commission: Money;
  /** Deposit collected from earnings in the period. */
  depositDeducted: Money;
  /** Earnings balance now: positive, what the platform owes the driver; negative, what the driver owes. */
  earningsBalance: Money;
  /** Start of the period (inclusive). */
  from: Scalars['DateTime']['output'];
  /** What riders paid for those trips. */
  gross: Money;
  /** gross minus commission: what the trips added to the driver's earnings. */
  net: Money;
  /** Paid out to the driver's bank account in the period (net of failed payouts). */
  paidOut: Money;
  /** What a payout would pay now: earnings balance plus cash held, never below 0. */
  payableBalance: Money;
  /** Rent charged in the period (deducted from earnings). */
  rent: Money;
  /** End of the period (exclusive). */
  to: Scalars['DateTime']['output'];
  /** Trips whose fare or cancellation fee was settled in the period (refunds do not change the count). */
  trips: Scalars['Int']['output'];
};

/** What settling a driver's exit moved. */
export type DriverExit = {
  __typename?: 'DriverExit';
  /** Cash the driver still held, deducted from their earnings (DRIVER_EXIT). */
  cashNetted: Money;
  /** The deposit given back to the driver's earnings (DEPOSIT_RETURN). */
  depositReturned: Money;
  /** The driver. */
  driver: Driver;
  /** The driver's earnings balance after the exit: positive, to be paid out by a payout; negative, what the driver owes. */
  finalBalance: Money;
  /** Stable identifier of the exit. */
  id: Scalars['ID']['output'];
  /** Why the driver left, as staff gave it. */
  reason: Scalars['String']['output'];
  /** Rent charged at the exit: the periods that had started by then and were not charged yet. */
  rentChargedAtExit: Money;
  /** All rent charged on the plan the driver left, including `rentChargedAtExit`. */
  rentChargedTotal: Money;
  /** When it was settled (the plan ends at this instant). */
  settledAt: Scalars['DateTime']['output'];
};

/** A driver's time on a rental plan. */
export type DriverRentalPlan = {
  __typename?: 'DriverRentalPlan';
  /** Stable identifier of this assignment. */
  id: Scalars['ID']['output'];
  /** When the next period starts and its rent is charged; null once ended. */
  nextChargeAt: Maybe<Scalars['DateTime']['output']>;
  /** Periods charged so far. */
  periodsCharged: Scalars['Int']['output'];
  /** The plan. */
  plan: RentalPlan;
  /** When the driver was put on it: period n starts at since + n periods. */
  since: Scalars['DateTime']['output'];
  /** When the driver left it; null while current. */
  until: Maybe<Scalars['DateTime']['output']>;
};

/** A page of a driver's statement, newest first. */
export type DriverStatementConnection = {
  __typename?: 'DriverStatementConnection';
  /** The entries of this page. */
  edges: Array<DriverStatementEntryEdge>;
  /** Where this page is. */
  pageInfo: PageInfo;
};

/** One movement of one of a driver's accounts. */
export type DriverStatementEntry = {
  __typename?: 'DriverStatementEntry';
  /** Which account moved. */
  account: DriverAccount;
  /** Signed: positive, the platform owes the driver more; negative, less. */
  amount: Money;
  /** The account's balance right after it. */
  balanceAfter: Money;
  /** Why the money moved. */
  cause: LedgerCause;
  /** When it happened. */
  createdAt: Scalars['DateTime']['output'];
  /** In words, e.g. "Trip fare". */
  description: Scalars['String']['output'];
  /** Stable identifier (the ledger posting). */
  id: Scalars['ID']['output'];
  /** The payment it belongs to, if any. */
  payment: Maybe<Payment>;
  /** The trip it concerns, if any. */
  trip: Maybe<Trip>;
};

/** A statement entry with a cursor, in a connection. */
export type DriverStatementEntryEdge = {
  __typename?: 'DriverStatementEntryEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The entry. */
  node: DriverStatementEntry;
};

/** Why money moved. */
export type LedgerCause =
  /** A correction by staff. */
  | 'ADJUSTMENT'
  /** A fee for a late cancellation. */
  | 'CANCELLATION_FEE'
  /** A manager's correction of a driver's cash held (a late hand-in, a deduction from earnings, a write-off). */
  | 'CASH_CORRECTION'
  /** Cash a driver collected from riders, handed in to their fleet at check-out. */
  | 'CASH_HANDOVER'
  /** A driver's security deposit collected. */
  | 'DEPOSIT'
  /** A driver's security deposit given back (minus dues) when they leave. */
  | 'DEPOSIT_RETURN'
  /** What a leaving driver owed, settled from their deposit and earnings. */
  | 'DRIVER_EXIT'
  /** Money paid through a payment link or a vehicle's payment QR code. */
  | 'LINK_PAYMENT'
  /** Earnings paid out to a driver's bank account. */
  | 'PAYOUT'
  /** A payout that failed: the money is back on the driver's balance. */
  | 'PAYOUT_RETURNED'
  /** Credit given by the platform. */
  | 'PROMOTION'
  /** Money given back. */
  | 'REFUND'
  /** Rent for a fleet vehicle, accrued per day or week of a rental plan. */
  | 'RENT'
  /** Money added to a wallet. */
  | 'TOP_UP'
  /** A trip's fare. */
  | 'TRIP_FARE';

/** An amount of money: integer minor units (e.g. cents) of an ISO 4217 currency. Never a float. */
export type Money = {
  __typename?: 'Money';
  /** Amount in minor units, e.g. 1250 for 12.50. */
  amountMinor: Scalars['Int']['output'];
  /** ISO 4217 currency code, e.g. USD. */
  currency: Scalars['String']['output'];
};

/** An amount of money to move: positive integer minor units of an ISO 4217 currency. */
export type MoneyInput = {
  /** Amount in minor units, e.g. 1250 for 12.50; at least 1. */
  amountMinor: Scalars['Int']['input'];
  /** ISO 4217 currency code in capitals, e.g. USD; must be the currency of the wallet or payment it concerns. */
  currency: Scalars['String']['input'];
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
  /**
   * Saves a card for the signed-in user through the payment provider (`providerToken` from the provider's SDK). The
   * first card becomes the default. INVALID_CARD_TOKEN when the provider refuses the token.
   */
  addCard: PaymentMethodsPayload;
  /**
   * Puts a driver on a rental plan from `startsAt` (default now) and collects a FROM_EARNINGS deposit from their
   * earnings. Operations staff, and managers of the driver's fleet (DRIVER_NOT_FOUND for other drivers).
   */
  assignRentalPlan: AssignRentalPlanPayload;
  /**
   * Creates a DRAFT payout batch from a CSV list of drivers and amounts. Every row is checked; when any row is bad,
   * every problem is returned (each with its line and column) and nothing is created. Idempotent by `idempotencyKey`.
   * Operations staff only.
   */
  createBulkPayoutBatch: PayoutBatchPayload;
  /**
   * Makes a payment link: a page at the payment provider where the payer pays `amount`; the provider confirms by
   * webhook and the money is booked then (MONEY.md "Payment links and vehicle QR"). Operations staff for anyone;
   * a fleet manager DRIVER_DEPOSIT and DRIVER_DUES links for drivers of their fleet; a driver those two for
   * themselves; anyone RIDER_BALANCE for themselves (FORBIDDEN otherwise). Idempotent by `idempotencyKey`.
   */
  createPaymentLink: PaymentLinkPayload;
  /**
   * Creates a DRAFT payout batch of the fleet's drivers (those `previewPayoutBatch` lists, each for their payable
   * balance at `periodEnd`). Nothing is paid before `submitPayoutBatch`. Idempotent by `idempotencyKey`. Operations staff only.
   */
  createPayoutBatch: PayoutBatchPayload;
  /** Creates a rental plan. Operations staff only. */
  createRentalPlan: RentalPlanPayload;
  /**
   * Pays the signed-in rider's latest trip on the vehicle whose payment QR code was scanned, instead of cash: returns
   * a payment link for the fare (the same one while it is pending). NO_VEHICLE_TRIP, ALREADY_PAID, LINK_ALREADY_PAID,
   * INVALID_QR as user errors. Idempotent by `idempotencyKey`.
   */
  payTripByVehicleQr: PaymentLinkPayload;
  /**
   * Settles cash a driver owes (their cash held is negative): handed in late, deducted from their earnings, or written
   * off as the platform's loss; optionally against one shift, whose difference it reduces. Managers of the driver's
   * fleet and operations staff (FORBIDDEN otherwise); recorded with who did it. At most what the driver owes in cash
   * (CORRECTION_EXCEEDS_CASH_OWED). Idempotent by `idempotencyKey`.
   */
  recordCashCorrection: RecordCashCorrectionPayload;
  /**
   * Gives money back to the payer of a paid payment, in part or in full, to the method that paid (card through the
   * provider, wallet to the wallet, cash to the wallet); the driver's earnings and the platform's commission are
   * reversed in proportion. Operations staff only; recorded with who did it. Idempotent by `idempotencyKey`.
   */
  refundPayment: RefundPaymentPayload;
  /** Removes a saved card (payments made with it keep it). When it was the default, cash becomes the default. */
  removePaymentMethod: PaymentMethodsPayload;
  /** Retires a rental plan: it takes no new drivers; drivers on it stay until they leave. Operations staff only. */
  retireRentalPlan: RentalPlanPayload;
  /** Chooses how trips requested without a choice are paid: `cardId` with CARD, none for WALLET and CASH. */
  setDefaultPaymentMethod: PaymentMethodsPayload;
  /**
   * Sets the signed-in driver's payout destination (their bank account), replacing the previous one. Validated (IBAN
   * checksum, lengths, routing code); stored with the account number encrypted. NOT_A_DRIVER for a user without a
   * driver profile.
   */
  setPayoutDestination: SetPayoutDestinationPayload;
  /**
   * Settles a leaving driver: charges the rent periods started by now, ends their plan, gives the deposit back to
   * their earnings and deducts the cash they still hold from them. Operations staff only. Idempotent by
   * `idempotencyKey`; NO_CURRENT_PLAN for a driver on no plan.
   */
  settleDriverExit: SettleDriverExitPayload;
  /**
   * Sends a DRAFT batch: each item's amount (never more than the driver's payable balance now) leaves the driver's
   * earnings and is paid through the payment provider; items become PENDING, then PAID or FAILED (the money back on
   * the balance) as the provider confirms. Submitting a batch again, with any key, changes nothing. Operations staff only.
   */
  submitPayoutBatch: PayoutBatchPayload;
  /**
   * Adds money to the signed-in user's wallet by charging a saved card. What the user owes (`balanceDue`) is repaid
   * first, the rest goes to the wallet. Idempotent by `idempotencyKey`.
   */
  topUpWallet: TopUpWalletPayload;
  /** Renames a rental plan or changes its validity or auto-assignment (never its money terms). Operations staff only. */
  updateRentalPlan: RentalPlanPayload;
};


export type MutationAddCardArgs = {
  input: AddCardInput;
};


export type MutationAssignRentalPlanArgs = {
  input: AssignRentalPlanInput;
};


export type MutationCreateBulkPayoutBatchArgs = {
  input: CreateBulkPayoutBatchInput;
};


export type MutationCreatePaymentLinkArgs = {
  input: CreatePaymentLinkInput;
};


export type MutationCreatePayoutBatchArgs = {
  input: CreatePayoutBatchInput;
};


export type MutationCreateRentalPlanArgs = {
  input: CreateRentalPlanInput;
};


export type MutationPayTripByVehicleQrArgs = {
  input: PayTripByVehicleQrInput;
};


export type MutationRecordCashCorrectionArgs = {
  input: RecordCashCorrectionInput;
};


export type MutationRefundPaymentArgs = {
  input: RefundPaymentInput;
};


export type MutationRemovePaymentMethodArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRetireRentalPlanArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSetDefaultPaymentMethodArgs = {
  cardId?: InputMaybe<Scalars['ID']['input']>;
  type: PaymentMethodType;
};


export type MutationSetPayoutDestinationArgs = {
  input: SetPayoutDestinationInput;
};


export type MutationSettleDriverExitArgs = {
  input: SettleDriverExitInput;
};


export type MutationSubmitPayoutBatchArgs = {
  batchId: Scalars['ID']['input'];
  idempotencyKey: Scalars['String']['input'];
};


export type MutationTopUpWalletArgs = {
  input: TopUpWalletInput;
};


export type MutationUpdateRentalPlanArgs = {
  input: UpdateRentalPlanInput;
};

/**
 * The operations dashboard's numbers (trips' `Query.operationsSummary`); payments contributes what the platform
 * earned. Resolved by the summary's id (its range and scope), the viewer checked again as trips does: SUPER_ADMIN and
 * OPERATIONS any scope, a FLEET_MANAGER their fleets only.
 */
export type OperationsSummary = {
  __typename?: 'OperationsSummary';
  /**
   * The platform's commission per currency (ascending by code) on the trip fares and cancellation fees of the trips
   * that ended in the range (`from` inclusive, `to` exclusive, by the trip's end as trips announced it), of the scope's
   * fleets (the trip's driver's fleet) and city (the trip's service area, as trips named it): for each payment
   * booked in the ledger (paid, owed by the rider, or refunded since; not a card charge still pending) the commission
   * fixed when it was created, floor(amount × rate / 10,000), the whole fee of a cancellation without a driver.
   * Before refunds: a refund reverses its share of the commission in the ledger but not here. Empty when there is none;
   * null (with the error at this path, the summary's other numbers standing) when payments cannot answer.
   */
  commission: Maybe<Array<MoneyTotal>>;
  /** Opaque and stable: the range and scope asked for (written by trips). */
  id: Scalars['ID']['output'];
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

/** A scanned vehicle payment QR code. */
export type PayTripByVehicleQrInput = {
  /** A key unique to this scan: retrying with the same key and input returns the first result. */
  idempotencyKey: Scalars['String']['input'];
  /** What the QR code holds (`VehiclePaymentQr.payload`). */
  qrPayload: Scalars['String']['input'];
};

/** A charge to a user: a trip's fare, a cancellation fee or a wallet top-up. Visible to the payer, the trip's driver and operations staff. */
export type Payment = {
  __typename?: 'Payment';
  /** The amount charged. */
  amount: Money;
  /** Charge attempts through the provider so far. */
  attempts: Scalars['Int']['output'];
  /** The card charged, for CARD. */
  card: Maybe<CardDetails>;
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Why the last charge attempt failed (provider's code, e.g. card_declined); null when none failed. */
  failureCode: Maybe<Scalars['String']['output']>;
  /** Stable identifier of the payment. */
  id: Scalars['ID']['output'];
  /** What paid it in the end (a fallback may differ from the choice); null while pending or owed. */
  method: Maybe<PaymentMethodType>;
  /** When the next attempt is due; null when none is. */
  nextAttemptAt: Maybe<Scalars['DateTime']['output']>;
  /** When it was paid; null before. */
  paidAt: Maybe<Scalars['DateTime']['output']>;
  /** The payment link (a vehicle's payment QR code) that paid this fare instead of the cash it was settled as; null otherwise. */
  paidByLink: Maybe<PaymentLink>;
  /** Who pays. */
  payer: User;
  /** What it was for. */
  purpose: PaymentPurpose;
  /** Unique receipt number, e.g. R-2026-000042; null until paid. */
  receiptNumber: Maybe<Scalars['String']['output']>;
  /** Refunded so far (0 when nothing was). */
  refunded: Money;
  /** Money given back, oldest first. */
  refunds: Array<Refund>;
  /** What the payer chose (or their default then). */
  requestedMethod: PaymentMethodType;
  /** Where it is. */
  status: PaymentStatus;
  /** The trip it pays for; null for top-ups. */
  trip: Maybe<Trip>;
};

/** A page of payments, newest first. */
export type PaymentConnection = {
  __typename?: 'PaymentConnection';
  /** The payments of this page. */
  edges: Array<PaymentEdge>;
  /** Where this page is. */
  pageInfo: PageInfo;
};

/** A payment with a cursor, in a connection. */
export type PaymentEdge = {
  __typename?: 'PaymentEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The payment. */
  node: Payment;
};

/** Which payments to list. */
export type PaymentFilterInput = {
  /** Created at or after this instant. */
  from?: InputMaybe<Scalars['DateTime']['input']>;
  /** Only this payer's. */
  payerId?: InputMaybe<Scalars['ID']['input']>;
  /** Only these purposes. */
  purpose?: InputMaybe<Array<PaymentPurpose>>;
  /** Only these statuses. */
  status?: InputMaybe<Array<PaymentStatus>>;
  /** Created before this instant. */
  to?: InputMaybe<Scalars['DateTime']['input']>;
  /** Only this trip's. */
  tripId?: InputMaybe<Scalars['ID']['input']>;
};

/** A page at the payment provider where one payer pays one amount. Visible to its payer, who made it, managers of a DRIVER_* link's driver's fleet and operations staff. */
export type PaymentLink = {
  __typename?: 'PaymentLink';
  /** How much. */
  amount: Money;
  /** When it was made. */
  createdAt: Scalars['DateTime']['output'];
  /** After this instant the link can no longer be paid. */
  expiresAt: Scalars['DateTime']['output'];
  /** Stable identifier of the link. */
  id: Scalars['ID']['output'];
  /** When the provider confirmed the payment; null before. */
  paidAt: Maybe<Scalars['DateTime']['output']>;
  /** Who is to pay. */
  payer: User;
  /** TRIP_FARE: the trip's payment (settled as cash or owed) it pays instead. */
  payment: Maybe<Payment>;
  /** What it collects. */
  purpose: PaymentLinkPurpose;
  /** Where it is. */
  status: PaymentLinkStatus;
  /** TRIP_FARE: the trip it pays. */
  trip: Maybe<Trip>;
  /** The provider's payment page to open (Stripe Checkout; the development provider's /dev-pay page). Null while the page is not made yet (the provider was unreachable: `createPaymentLink` or `payTripByVehicleQr` again with the same key makes it). */
  url: Maybe<Scalars['String']['output']>;
};

/** A page of payment links, newest first. */
export type PaymentLinkConnection = {
  __typename?: 'PaymentLinkConnection';
  /** The links of this page. */
  edges: Array<PaymentLinkEdge>;
  /** Where this page is. */
  pageInfo: PageInfo;
};

/** A payment link with a cursor, in a connection. */
export type PaymentLinkEdge = {
  __typename?: 'PaymentLinkEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The link. */
  node: PaymentLink;
};

/** The result of making a payment link. */
export type PaymentLinkPayload = {
  __typename?: 'PaymentLinkPayload';
  /** The link; null when there are user errors. */
  paymentLink: Maybe<PaymentLink>;
  /** What is wrong with the input; empty on success. */
  userErrors: Array<PaymentUserError>;
};

/** What a payment link collects, and where the money goes when it is paid. */
export type PaymentLinkPurpose =
  /** A driver's security deposit: held for the driver (their deposit account). */
  | 'DRIVER_DEPOSIT'
  /** What a driver owes (e.g. rent): credited to the driver's earnings. */
  | 'DRIVER_DUES'
  /** A rider repaying what they owe (`Wallet.balanceDue`); the rest goes to their wallet. */
  | 'RIDER_BALANCE'
  /** A trip's fare paid through the vehicle's payment QR code instead of cash (made by `payTripByVehicleQr`). */
  | 'TRIP_FARE';

/** Where a payment link is. */
export type PaymentLinkStatus =
  /** Withdrawn; nothing moved. */
  | 'CANCELED'
  /** Nobody paid it in time; nothing moved. */
  | 'EXPIRED'
  /** The provider confirmed the payment; the ledger holds the entry. */
  | 'PAID'
  /** Waiting for the payer (until `expiresAt`). */
  | 'PENDING';

/** One way a user can pay: a saved card, their wallet, or cash. */
export type PaymentMethod = {
  __typename?: 'PaymentMethod';
  /** The card, for CARD; null otherwise. */
  card: Maybe<CardDetails>;
  /** Card id for CARD (pass it as `cardId`); `wallet` or `cash` for the others. */
  id: Scalars['ID']['output'];
  /** Whether trips requested without a choice are paid with it. */
  isDefault: Scalars['Boolean']['output'];
  /** What kind of method it is. */
  type: PaymentMethodType;
};

/** How a rider pays. */
export type PaymentMethodType =
  /** A card saved through the payment provider, charged when the trip ends. */
  | 'CARD'
  /** Cash handed to the driver. */
  | 'CASH'
  /** The rider's prepaid wallet. */
  | 'WALLET';

/** Result of `addCard`, `removePaymentMethod` and `setDefaultPaymentMethod`: the user's methods as they are now. */
export type PaymentMethodsPayload = {
  __typename?: 'PaymentMethodsPayload';
  /** The user's payment methods after the change; null when `userErrors` is not empty. */
  paymentMethods: Maybe<Array<PaymentMethod>>;
  /** Input problems; empty on success. */
  userErrors: Array<PaymentUserError>;
};

/** What a payment was for. */
export type PaymentPurpose =
  /** A late cancellation's fee. */
  | 'CANCELLATION_FEE'
  /** Money added to the payer's wallet. */
  | 'TOP_UP'
  /** A completed trip's fare. */
  | 'TRIP_FARE';

/** Where a payment is. */
export type PaymentStatus =
  /** A top-up the provider declined; nothing moved. */
  | 'FAILED'
  /** No method could pay it: the payer owes it (`Wallet.balanceDue`) and cannot request rides until it is repaid. */
  | 'OWED'
  /** Paid, then refunded in part. */
  | 'PARTIALLY_REFUNDED'
  /** Being charged: waiting for the provider's answer or for the next retry (see `nextAttemptAt`). */
  | 'PENDING'
  /** Paid, then refunded in full. */
  | 'REFUNDED'
  /** Paid. */
  | 'SUCCEEDED';

/** One problem with a payment mutation's input. */
export type PaymentUserError = {
  __typename?: 'PaymentUserError';
  /** Machine-readable kind of problem. */
  code: PaymentUserErrorCode;
  /** Path to the offending argument or input field; null when it concerns the whole input. */
  field: Maybe<Array<Scalars['String']['output']>>;
  /** What is wrong, in words for a person. */
  message: Scalars['String']['output'];
};

/** What is wrong with a payment mutation's input. */
export type PaymentUserErrorCode =
  /** The trip's fare is already paid by card or wallet (or being charged to a card, or refunded). */
  | 'ALREADY_PAID'
  /** The card was declined; `message` gives the provider's reason. */
  | 'CARD_DECLINED'
  /** The currency is not an ISO 4217 code, or not the one of the wallet or payment. */
  | 'CURRENCY_MISMATCH'
  /** The wallet does not hold enough to give this top-up back. */
  | 'INSUFFICIENT_FUNDS'
  /** The amount is not a whole number from 1 to the largest allowed (default 1,000,000 minor units). */
  | 'INVALID_AMOUNT'
  /** The provider did not accept the card token. */
  | 'INVALID_CARD_TOKEN'
  /** `expiresInMinutes` is not from 30 to 1440. */
  | 'INVALID_EXPIRY'
  /** The idempotency key is empty or longer than 255 characters. */
  | 'INVALID_IDEMPOTENCY_KEY'
  /** TRIP_FARE links are made by `payTripByVehicleQr`, not `createPaymentLink`. */
  | 'INVALID_PURPOSE'
  /** The QR payload is not a vehicle payment code of this platform. */
  | 'INVALID_QR'
  /** The reason is empty or longer than 500 characters. */
  | 'INVALID_REASON'
  /** The trip's fare was already paid through a payment link. */
  | 'LINK_ALREADY_PAID'
  /** The payment is not paid (pending, owed or failed) or already refunded in full. */
  | 'NOT_REFUNDABLE'
  /** No trip of yours on this vehicle completed within the last hour (or payments has not recorded it yet: try again in a moment). */
  | 'NO_VEHICLE_TRIP'
  /** The payer is not someone this link can be for (DRIVER_* links: not a driver payments knows). */
  | 'PAYER_NOT_FOUND'
  /** No such card of yours (unknown, someone else's or removed). */
  | 'PAYMENT_METHOD_NOT_FOUND'
  /** No such payment. */
  | 'PAYMENT_NOT_FOUND'
  /** The payment provider cannot be reached; try again. */
  | 'PROVIDER_UNAVAILABLE'
  /** More than is left to refund (paid minus refunded so far). */
  | 'REFUND_EXCEEDS_PAYMENT';

/** Payouts created together: a fleet's drivers' payable balances, or a bulk CSV list. */
export type PayoutBatch = {
  __typename?: 'PayoutBatch';
  /** When its last item became final; null before. */
  completedAt: Maybe<Scalars['DateTime']['output']>;
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Who created it (identity user id). */
  createdBy: Scalars['ID']['output'];
  /** Amount of the FAILED items (as planned or as taken; what was taken is back on the drivers' earnings). */
  failed: Money;
  /** The fleet it pays; null for a bulk batch. */
  fleetId: Maybe<Scalars['ID']['output']>;
  /** Stable identifier of the batch. */
  id: Scalars['ID']['output'];
  /** Sent and not confirmed yet (items PENDING). */
  inTransit: Money;
  /** How many items it has. */
  itemCount: Scalars['Int']['output'];
  /** Its items, newest first. */
  items: PayoutItemConnection;
  /** Paid so far (items PAID). */
  paid: Money;
  /** Balances as of this instant were paid (never more than payable at submission). */
  periodEnd: Scalars['DateTime']['output'];
  /** Where it is. */
  status: PayoutBatchStatus;
  /** When it was submitted; null while DRAFT. */
  submittedAt: Maybe<Scalars['DateTime']['output']>;
  /** The items' amounts as created. */
  total: Money;
};


/** Payouts created together: a fleet's drivers' payable balances, or a bulk CSV list. */
export type PayoutBatchItemsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of payout batches, newest first. */
export type PayoutBatchConnection = {
  __typename?: 'PayoutBatchConnection';
  /** The batches of this page. */
  edges: Array<PayoutBatchEdge>;
  /** Where this page is. */
  pageInfo: PageInfo;
};

/** A payout batch with a cursor, in a connection. */
export type PayoutBatchEdge = {
  __typename?: 'PayoutBatchEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The batch. */
  node: PayoutBatch;
};

/** Which payout batches. */
export type PayoutBatchFilterInput = {
  /** Only this fleet's. */
  fleetId?: InputMaybe<Scalars['ID']['input']>;
  /** Only batches in one of these statuses. */
  status?: InputMaybe<Array<PayoutBatchStatus>>;
};

/** Result of `createPayoutBatch`, `createBulkPayoutBatch` and `submitPayoutBatch`. */
export type PayoutBatchPayload = {
  __typename?: 'PayoutBatchPayload';
  /** The batch as it is now; null when `userErrors` is not empty. */
  batch: Maybe<PayoutBatch>;
  /** Input problems (for a CSV, one per bad row and column); empty on success. */
  userErrors: Array<PayoutUserError>;
};

/** What `createPayoutBatch` would create now. */
export type PayoutBatchPreview = {
  __typename?: 'PayoutBatchPreview';
  /** The payouts it would make, by driver id. */
  items: Array<PayoutPreviewItem>;
  /** The drivers of the fleet it would skip. */
  skipped: Array<PayoutPreviewSkip>;
  /** Sum of the items' amounts. */
  total: Money;
  /** Input problems; empty when the preview is valid. */
  userErrors: Array<PayoutUserError>;
};

/** Where a payout batch is. */
export type PayoutBatchStatus =
  /** Every item is PAID or FAILED. */
  | 'COMPLETED'
  /** Created, not submitted: nothing moved. */
  | 'DRAFT'
  /** Submitted: its items are being paid. */
  | 'SUBMITTED';

/** Where a driver's payouts go: a bank account of which only the last four characters are readable. */
export type PayoutDestination = {
  __typename?: 'PayoutDestination';
  /** The account holder's name, as the bank knows it. */
  accountHolderName: Scalars['String']['output'];
  /** Country of the account, ISO 3166-1 alpha-2. */
  country: Scalars['String']['output'];
  /** The last four characters of the account number or IBAN. */
  last4: Scalars['String']['output'];
  /** When it was last set. */
  updatedAt: Scalars['DateTime']['output'];
};

/** One payout to one driver. */
export type PayoutItem = {
  __typename?: 'PayoutItem';
  /** How much: planned while DRAFT; what was taken from the earnings from PENDING on (never more than the payable balance at submission). */
  amount: Money;
  /** The batch it belongs to. */
  batchId: Scalars['ID']['output'];
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Who is paid. */
  driver: Driver;
  /** Why it failed, e.g. account_closed, nothing_payable (nothing was payable at submission: nothing moved), no_destination; null otherwise. */
  failureCode: Maybe<Scalars['String']['output']>;
  /** Stable identifier of the payout. */
  id: Scalars['ID']['output'];
  /** The reference given in a bulk CSV, if any. */
  reference: Maybe<Scalars['String']['output']>;
  /** Where it is. */
  status: PayoutItemStatus;
  /** When its status last changed. */
  updatedAt: Scalars['DateTime']['output'];
};

/** A page of payouts, newest first. */
export type PayoutItemConnection = {
  __typename?: 'PayoutItemConnection';
  /** The payouts of this page. */
  edges: Array<PayoutItemEdge>;
  /** Where this page is. */
  pageInfo: PageInfo;
};

/** A payout with a cursor, in a connection. */
export type PayoutItemEdge = {
  __typename?: 'PayoutItemEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The payout. */
  node: PayoutItem;
};

/** Where a payout is. */
export type PayoutItemStatus =
  /** In a batch not yet submitted: nothing moved. */
  | 'DRAFT'
  /** Not paid (`failureCode` says why); any amount taken is back on the driver's earnings. */
  | 'FAILED'
  /** The provider paid it to the driver's bank. */
  | 'PAID'
  /** Taken from the driver's earnings and sent to the provider, which has not confirmed it yet. */
  | 'PENDING';

/** A payout a batch would make. */
export type PayoutPreviewItem = {
  __typename?: 'PayoutPreviewItem';
  /** How much: the payable balance at the period's end (and now, if less). */
  amount: Money;
  /** Who would be paid. */
  driver: Driver;
};

/** A driver a batch would skip. */
export type PayoutPreviewSkip = {
  __typename?: 'PayoutPreviewSkip';
  /** The driver. */
  driver: Driver;
  /** Why. */
  reason: PayoutSkipReason;
};

/** Why a driver of the fleet would not be paid. */
export type PayoutSkipReason =
  /** The payable balance (earnings plus cash held) is 0 or less. */
  | 'NOTHING_PAYABLE'
  /** The driver has not set a payout destination. */
  | 'NO_DESTINATION'
  /** The driver has a payout not yet final (DRAFT or PENDING). */
  | 'OPEN_PAYOUT';

/** One problem with a payout mutation's input. */
export type PayoutUserError = {
  __typename?: 'PayoutUserError';
  /** Machine-readable kind of problem. */
  code: PayoutUserErrorCode;
  /** For a bulk CSV: the column of the problem (driverId, amountMinor, reference); null when it concerns the whole row or otherwise. */
  column: Maybe<Scalars['String']['output']>;
  /** Path to the offending argument or input field; null when it concerns the whole input. */
  field: Maybe<Array<Scalars['String']['output']>>;
  /** What is wrong, in words for a person. */
  message: Scalars['String']['output'];
  /** For a bulk CSV: the line of the problem (the header is line 1); null otherwise. */
  row: Maybe<Scalars['Int']['output']>;
};

/** What is wrong with a payout mutation's input. */
export type PayoutUserErrorCode =
  /** No such payout batch. */
  | 'BATCH_NOT_FOUND'
  /** The CSV cannot be read (unclosed quote, a row with another number of fields than the header). */
  | 'CSV_MALFORMED'
  /** The first line is not the header driverId,amountMinor[,reference]. */
  | 'CSV_MISSING_COLUMN'
  /** The CSV has no rows after its header. */
  | 'CSV_NO_ROWS'
  /** More than 2,000,000 bytes. */
  | 'CSV_TOO_LARGE'
  /** More than 10,000 rows. */
  | 'CSV_TOO_MANY_ROWS'
  /** The driver is on an earlier line of the CSV. */
  | 'DUPLICATE_DRIVER'
  /** The amount is more than the driver's payable balance. */
  | 'EXCEEDS_PAYABLE_BALANCE'
  /** The IBAN is of another country than `country`. */
  | 'IBAN_COUNTRY_MISMATCH'
  /** The holder's name is not 2 to 140 characters. */
  | 'INVALID_ACCOUNT_HOLDER_NAME'
  /** Neither an IBAN of the right length nor an account number of 4 to 17 digits. */
  | 'INVALID_ACCOUNT_NUMBER'
  /** The amount is not a whole number from 1 on. */
  | 'INVALID_AMOUNT'
  /** The country is not an ISO 3166-1 alpha-2 code. */
  | 'INVALID_COUNTRY'
  /** The IBAN's check digits do not match (a mistyped character). */
  | 'INVALID_IBAN_CHECKSUM'
  /** The idempotency key is empty or longer than 255 characters. */
  | 'INVALID_IDEMPOTENCY_KEY'
  /** The period's end is in the future. */
  | 'INVALID_PERIOD_END'
  /** The provider account is not a Stripe connected account id (acct_…). */
  | 'INVALID_PROVIDER_ACCOUNT'
  /** The reference is longer than 140 characters. */
  | 'INVALID_REFERENCE'
  /** The routing code is not a sort code (6 digits), an ABA routing number (9 digits, valid checksum) or a BIC. */
  | 'INVALID_ROUTING_CODE'
  /** No driver of the fleet would be paid. */
  | 'NOTHING_TO_PAY'
  /** The signed-in user has no driver profile. */
  | 'NOT_A_DRIVER'
  /** The driver has no payout destination. */
  | 'NO_DESTINATION'
  /** The driver has a payout not yet final (DRAFT or PENDING). */
  | 'OPEN_PAYOUT'
  /** An account number that is not an IBAN needs its routing code. */
  | 'ROUTING_CODE_REQUIRED'
  /** No driver with this id. */
  | 'UNKNOWN_DRIVER';

/** Which fleet and period to preview. */
export type PreviewPayoutBatchInput = {
  /** The fleet. */
  fleetId: Scalars['ID']['input'];
  /** Pay balances as of this instant (not in the future); default now. */
  periodEnd?: InputMaybe<Scalars['DateTime']['input']>;
};

export type Query = {
  __typename?: 'Query';
  /**
   * Drivers' shifts whose cash does not add up (or all of them with `onlyUnbalanced: false`), latest check-out first,
   * each with the cash trips behind it. Operations staff see every fleet; a FLEET_MANAGER only the fleets they manage
   * (their fleets when `filter.fleetId` is omitted, FORBIDDEN for another fleet); FORBIDDEN for anyone else.
   */
  cashDiscrepancies: CashShiftConnection;
  /** The payment with this id, or null when there is none or the viewer may not see it (its payer, its trip's driver and operations staff may). */
  payment: Maybe<Payment>;
  /** The payment link with this id, or null when there is none or the viewer may not see it (its payer, who made it, managers of a DRIVER_* link's driver's fleet and operations staff may). */
  paymentLink: Maybe<PaymentLink>;
  /** Payments newest first, filtered. Operations staff only. */
  payments: PaymentConnection;
  /** The payout batch with this id, or null when there is none. Operations staff only. */
  payoutBatch: Maybe<PayoutBatch>;
  /** Payout batches newest first, filtered. Operations staff only. */
  payoutBatches: PayoutBatchConnection;
  /**
   * What a payout batch for the fleet would pay, without writing anything: each driver with a payable balance, a payout
   * destination and no payout still open, and the drivers skipped with the reason. Operations staff only.
   */
  previewPayoutBatch: PayoutBatchPreview;
  /** Rental plans, newest first. Operations staff and fleet managers. */
  rentalPlans: Array<RentalPlan>;
};


export type QueryCashDiscrepanciesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<CashDiscrepancyFilterInput>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryPaymentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPaymentLinkArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPaymentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PaymentFilterInput>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryPayoutBatchArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPayoutBatchesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PayoutBatchFilterInput>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryPreviewPayoutBatchArgs = {
  input: PreviewPayoutBatchInput;
};


export type QueryRentalPlansArgs = {
  filter?: InputMaybe<RentalPlanFilterInput>;
};

/** A correction of the cash a driver owes. */
export type RecordCashCorrectionInput = {
  /** How much, positive, in the platform's currency: at most what the driver owes in cash. */
  amount: MoneyInput;
  /** The shift it corrects (`CashShift.id`, fleet's attendance id), one of this driver's; omitted: the driver's cash in general. */
  attendanceId?: InputMaybe<Scalars['ID']['input']>;
  /** The driver (Driver.id). */
  driverId: Scalars['ID']['input'];
  /** A key unique to this correction: the same key and input returns the first correction; another input is a CONFLICT. */
  idempotencyKey: Scalars['String']['input'];
  /** How it is settled. */
  kind: CashCorrectionKind;
  /** Why, 1 to 500 characters (kept with the correction and in the ledger). */
  reason: Scalars['String']['input'];
};

/** Result of `recordCashCorrection`. */
export type RecordCashCorrectionPayload = {
  __typename?: 'RecordCashCorrectionPayload';
  /** The correction; null when `userErrors` is not empty. */
  correction: Maybe<CashCorrection>;
  /** The shift it corrects, as it is now; null without `attendanceId` or when `userErrors` is not empty. */
  shift: Maybe<CashShift>;
  /** Input problems; empty on success. */
  userErrors: Array<CashCorrectionUserError>;
};

/** Money given back to the payer of a payment. */
export type Refund = {
  __typename?: 'Refund';
  /** How much. */
  amount: Money;
  /** When it was made. */
  createdAt: Scalars['DateTime']['output'];
  /** Stable identifier of the refund. */
  id: Scalars['ID']['output'];
  /** The staff member who refunded. Visible to operations staff only (null for anyone else). */
  issuedBy: Maybe<User>;
  /** Where the money went: the payment's method (cash is refunded to the wallet). */
  method: PaymentMethodType;
  /** Why, as staff gave it. */
  reason: Scalars['String']['output'];
  /** Where it is. */
  status: RefundStatus;
};

/** Money to give back. */
export type RefundPaymentInput = {
  /** How much: at most what is left (paid minus refunded so far), in the payment's currency. */
  amount: MoneyInput;
  /** A key unique to this refund: the same key and input returns the first refund; another input is a CONFLICT. */
  idempotencyKey: Scalars['String']['input'];
  /** The payment. */
  paymentId: Scalars['ID']['input'];
  /** Why, 1 to 500 characters (kept in the ledger and shown to the payer). */
  reason: Scalars['String']['input'];
};

/** Result of `refundPayment`. */
export type RefundPaymentPayload = {
  __typename?: 'RefundPaymentPayload';
  /** The payment after it; null when `userErrors` is not empty. */
  payment: Maybe<Payment>;
  /** The refund; null when `userErrors` is not empty. */
  refund: Maybe<Refund>;
  /** Input problems; empty on success. */
  userErrors: Array<PaymentUserError>;
};

/** Where a refund is. */
export type RefundStatus =
  /** The provider refused it; nothing moved. */
  | 'FAILED'
  /** Sent to the provider, not confirmed yet. */
  | 'PENDING'
  /** The money is back with the payer. */
  | 'SUCCEEDED';

/** One period's rent, charged once. */
export type RentCharge = {
  __typename?: 'RentCharge';
  /** The rent, deducted from the driver's earnings. */
  amount: Money;
  /** When it was charged. */
  chargedAt: Scalars['DateTime']['output'];
  /** Stable identifier of the charge. */
  id: Scalars['ID']['output'];
  /** End of the period (exclusive). */
  periodEnd: Scalars['DateTime']['output'];
  /** Start of the period (inclusive). */
  periodStart: Scalars['DateTime']['output'];
  /** The plan it was charged on. */
  plan: RentalPlan;
};

/** A page of rent charges, newest period first. */
export type RentChargeConnection = {
  __typename?: 'RentChargeConnection';
  /** The charges of this page. */
  edges: Array<RentChargeEdge>;
  /** Where this page is. */
  pageInfo: PageInfo;
};

/** A rent charge with a cursor, in a connection. */
export type RentChargeEdge = {
  __typename?: 'RentChargeEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The charge. */
  node: RentCharge;
};

/** How often a rental plan's rent is charged. */
export type RentalPeriod =
  /** Every 24 hours from the moment the driver was put on the plan (UTC). */
  | 'DAILY'
  /** Every 7 × 24 hours from the moment the driver was put on the plan (UTC). */
  | 'WEEKLY';

/**
 * A rental plan for fleet vehicles of one category. Its money terms (period, rent, deposit) never change: a new price
 * is a new plan, and the old one is retired. Visible to operations staff and fleet managers, and to a driver through
 * their own `Driver.rentalPlan`.
 */
export type RentalPlan = {
  __typename?: 'RentalPlan';
  /** Whether drivers of its category are put on it when a vehicle is assigned to them. */
  autoAssign: Scalars['Boolean']['output'];
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Security deposit (0 when none). */
  deposit: Money;
  /** How the deposit is collected. */
  depositCollection: DepositCollection;
  /** Stable identifier of the plan. */
  id: Scalars['ID']['output'];
  /** Its name, e.g. "Economy weekly". */
  name: Scalars['String']['output'];
  /** How often rent is charged. */
  period: RentalPeriod;
  /** Rent per period. */
  rent: Money;
  /** When it was retired (it takes no new drivers; drivers on it stay); null while active. */
  retiredAt: Maybe<Scalars['DateTime']['output']>;
  /** Drivers may be put on it from this instant. */
  validFrom: Scalars['DateTime']['output'];
  /** Drivers may be put on it until this instant (exclusive); null: no end. */
  validTo: Maybe<Scalars['DateTime']['output']>;
  /** The vehicles it is for. */
  vehicleCategory: VehicleCategory;
};

/** Which rental plans to list. */
export type RentalPlanFilterInput = {
  /** Include retired plans (default false). */
  includeRetired?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only plans valid at this instant (and not retired). */
  validAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Only this category's. */
  vehicleCategory?: InputMaybe<VehicleCategory>;
};

/** Result of `createRentalPlan`, `updateRentalPlan` and `retireRentalPlan`. */
export type RentalPlanPayload = {
  __typename?: 'RentalPlanPayload';
  /** The plan as it is now; null when `userErrors` is not empty. */
  plan: Maybe<RentalPlan>;
  /** Input problems; empty on success. */
  userErrors: Array<RentalUserError>;
};

/** One problem with a rental mutation's input. */
export type RentalUserError = {
  __typename?: 'RentalUserError';
  /** Machine-readable kind of problem. */
  code: RentalUserErrorCode;
  /** Path to the offending argument or input field; null when it concerns the whole input. */
  field: Maybe<Array<Scalars['String']['output']>>;
  /** What is wrong, in words for a person. */
  message: Scalars['String']['output'];
};

/** What is wrong with a rental mutation's input. */
export type RentalUserErrorCode =
  /** The driver is already on a rental plan. */
  | 'ALREADY_ON_PLAN'
  /** Another auto-assigned plan of the same category is valid in an overlapping period. */
  | 'AUTO_ASSIGN_OVERLAP'
  /** The driver drives a vehicle of another category than the plan's. */
  | 'CATEGORY_MISMATCH'
  /** The currency is not the platform's. */
  | 'CURRENCY_MISMATCH'
  /** No such driver (payments has not heard of them), or not one you manage. */
  | 'DRIVER_NOT_FOUND'
  /** The deposit is negative, not a whole number, or above the largest allowed amount. */
  | 'INVALID_DEPOSIT'
  /** The idempotency key is empty or longer than 255 characters. */
  | 'INVALID_IDEMPOTENCY_KEY'
  /** The name is empty (after trimming) or longer than 100 characters. */
  | 'INVALID_NAME'
  /** The reason is empty or longer than 500 characters. */
  | 'INVALID_REASON'
  /** The rent is not a whole number from 1 to the largest allowed amount (default 1,000,000 minor units). */
  | 'INVALID_RENT'
  /** validTo is not after validFrom. */
  | 'INVALID_VALIDITY'
  /** The driver is on no rental plan (for an exit: they already left). */
  | 'NO_CURRENT_PLAN'
  /** No such rental plan. */
  | 'PLAN_NOT_FOUND'
  /** The plan is not valid at the start (before validFrom or from validTo on), or startsAt is more than 31 days in the past. */
  | 'PLAN_NOT_VALID'
  /** The plan is retired. */
  | 'PLAN_RETIRED';

/** A bank account to pay the signed-in driver's payouts to. */
export type SetPayoutDestinationInput = {
  /** The account holder's name, as the bank knows it (2 to 140 characters). */
  accountHolderName: Scalars['String']['input'];
  /** An IBAN (checked), or an account number of 4 to 17 digits; spaces and hyphens are ignored. Never readable again: only its last four characters are. */
  accountNumber: Scalars['String']['input'];
  /** Country of the account, ISO 3166-1 alpha-2, e.g. GB. */
  country: Scalars['String']['input'];
  /** The driver's Stripe connected account (acct_…) when payouts go through Stripe Connect; ignored by the development provider. */
  providerAccountId?: InputMaybe<Scalars['String']['input']>;
  /** UK sort code, US ABA routing number or BIC; required unless `accountNumber` is an IBAN. */
  routingCode?: InputMaybe<Scalars['String']['input']>;
};

/** Result of `setPayoutDestination`. */
export type SetPayoutDestinationPayload = {
  __typename?: 'SetPayoutDestinationPayload';
  /** The destination as stored; null when `userErrors` is not empty. */
  destination: Maybe<PayoutDestination>;
  /** Input problems; empty on success. */
  userErrors: Array<PayoutUserError>;
};

/** A driver leaving the fleet. */
export type SettleDriverExitInput = {
  /** The driver (fleet's driver profile id). */
  driverId: Scalars['ID']['input'];
  /** A key unique to this exit: the same key and input returns the first result; another input is a CONFLICT. */
  idempotencyKey: Scalars['String']['input'];
  /** Why, 1 to 500 characters. */
  reason: Scalars['String']['input'];
};

/** Result of `settleDriverExit`. */
export type SettleDriverExitPayload = {
  __typename?: 'SettleDriverExitPayload';
  /** What the exit moved; null when `userErrors` is not empty. */
  exit: Maybe<DriverExit>;
  /** Input problems; empty on success. */
  userErrors: Array<RentalUserError>;
};

/** Money to add to the signed-in rider's wallet. */
export type TopUpWalletInput = {
  /** How much, in the wallet's currency (at most 1,000,000 minor units by default). */
  amount: MoneyInput;
  /** The saved card to charge. */
  cardId: Scalars['ID']['input'];
  /** A key unique to this top-up (e.g. a UUID made by the app): retrying with the same key and input returns the first result; the same key with another input is a CONFLICT. */
  idempotencyKey: Scalars['String']['input'];
};

/** Result of `topUpWallet`. */
export type TopUpWalletPayload = {
  __typename?: 'TopUpWalletPayload';
  /**
   * The top-up: SUCCEEDED, PENDING (the provider confirms later) or FAILED (the card was declined: `userErrors` then
   * holds CARD_DECLINED); null when the input was refused.
   */
  payment: Maybe<Payment>;
  /** Input problems, and CARD_DECLINED for a declined card; empty on success. */
  userErrors: Array<PaymentUserError>;
  /** The wallet after it; null when the input was refused. */
  wallet: Maybe<Wallet>;
};

/** A ride from pickup to drop-off. Visible to its rider, its driver, operations staff and the manager of its fleet. */
export type Trip = {
  __typename?: 'Trip';
  /** Stable identifier of the trip. */
  id: Scalars['ID']['output'];
  /** How the trip was paid: the fare once completed, or the cancellation fee. Null before settlement, for free cancellations, and for viewers other than its rider, its driver and operations staff. */
  payment: Maybe<Payment>;
};

/** Changes to a rental plan: only what does not change its money terms. Omitted fields stay as they are. */
export type UpdateRentalPlanInput = {
  /** Whether drivers are put on it with a vehicle. */
  autoAssign?: InputMaybe<Scalars['Boolean']['input']>;
  /** Set true to remove the end of validity. */
  clearValidTo?: InputMaybe<Scalars['Boolean']['input']>;
  /** The plan. */
  id: Scalars['ID']['input'];
  /** 1 to 100 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** New start of validity. */
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
  /** New end of validity (exclusive). */
  validTo?: InputMaybe<Scalars['DateTime']['input']>;
};

/** A person with an account: a rider, a driver or a member of staff. */
export type User = {
  __typename?: 'User';
  /** Stable identifier of the user. */
  id: Scalars['ID']['output'];
  /**
   * Payment links this user is to pay, newest first. Only the user themselves and operations staff (FORBIDDEN
   * otherwise).
   */
  paymentLinks: Maybe<PaymentLinkConnection>;
  /** Saved cards, the wallet and cash, the default marked. Only the user themselves and operations staff (FORBIDDEN otherwise). */
  paymentMethods: Maybe<Array<PaymentMethod>>;
  /** The user's wallet (a zero balance before the first money moves). Only the user themselves and operations staff may read it (FORBIDDEN otherwise). */
  wallet: Maybe<Wallet>;
};


/** A person with an account: a rider, a driver or a member of staff. */
export type UserPaymentLinksArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A vehicle of a fleet. */
export type Vehicle = {
  __typename?: 'Vehicle';
  /** Stable identifier of the vehicle. */
  id: Scalars['ID']['output'];
  /** The vehicle's payment QR code. Anyone signed in: it is printed in the car and holds only the vehicle's id. */
  paymentQr: VehiclePaymentQr;
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

/** A vehicle's payment QR code, printed in the car: a rider scans it to pay their trip's fare instead of cash. */
export type VehiclePaymentQr = {
  __typename?: 'VehiclePaymentQr';
  /** What the code holds: a URL `<PAYMENTS_PUBLIC_URL>/pay/vehicles/<vehicle id>` (it reveals only the vehicle's id). */
  payload: Scalars['String']['output'];
  /** The code as a PNG image, a `data:image/png;base64,` URL. */
  pngDataUrl: Scalars['String']['output'];
  /** The code as an SVG document. */
  svg: Scalars['String']['output'];
};

/** A user's stored balance with the platform: top-ups, refunds and credit, spent on rides. Never negative. */
export type Wallet = {
  __typename?: 'Wallet';
  /** What the wallet holds now: the sum of its history. */
  balance: Money;
  /** What the user owes after rides no method could pay (0 when nothing is owed). While above 0, `requestTrip` is refused; a top-up repays it first. */
  balanceDue: Money;
  /** Every change of the balance, newest first. */
  history: WalletEntryConnection;
  /** Stable identifier of the wallet (its ledger account). */
  id: Scalars['ID']['output'];
  /** When the balance last changed. */
  updatedAt: Scalars['DateTime']['output'];
};


/** A user's stored balance with the platform: top-ups, refunds and credit, spent on rides. Never negative. */
export type WalletHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** One change of a wallet's balance. */
export type WalletEntry = {
  __typename?: 'WalletEntry';
  /** Signed: positive adds to the wallet, negative takes from it. */
  amount: Money;
  /** The balance right after this change. */
  balanceAfter: Money;
  /** Why the money moved. */
  cause: LedgerCause;
  /** When it happened. */
  createdAt: Scalars['DateTime']['output'];
  /** In words, e.g. "Trip fare". */
  description: Scalars['String']['output'];
  /** Stable identifier of the change. */
  id: Scalars['ID']['output'];
  /** The payment it belongs to, if any. */
  payment: Maybe<Payment>;
};

/** A page of wallet entries, newest first. */
export type WalletEntryConnection = {
  __typename?: 'WalletEntryConnection';
  /** The entries of this page. */
  edges: Array<WalletEntryEdge>;
  /** Where this page is. */
  pageInfo: PageInfo;
};

/** A wallet entry with a cursor, in a connection. */
export type WalletEntryEdge = {
  __typename?: 'WalletEntryEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The entry. */
  node: WalletEntry;
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
  Driver: Driver;
  OperationsSummary: OperationsSummary;
  Payment: Payment;
  Trip: Trip;
  User: User;
  Vehicle: Vehicle;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Driver:
    ( { __typename: 'Driver' }
    & GraphQLRecursivePick<FederationTypes['Driver'], {"id":true}> );
  OperationsSummary:
    ( { __typename: 'OperationsSummary' }
    & GraphQLRecursivePick<FederationTypes['OperationsSummary'], {"id":true}> );
  Payment:
    ( { __typename: 'Payment' }
    & GraphQLRecursivePick<FederationTypes['Payment'], {"id":true}> );
  Trip:
    ( { __typename: 'Trip' }
    & GraphQLRecursivePick<FederationTypes['Trip'], {"id":true}> );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
  Vehicle:
    ( { __typename: 'Vehicle' }
    & GraphQLRecursivePick<FederationTypes['Vehicle'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AddCardInput: AddCardInput;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  AssignRentalPlanInput: AssignRentalPlanInput;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  AssignRentalPlanPayload: ResolverTypeWrapper<AssignRentalPlanPayload>;
  CardDetails: ResolverTypeWrapper<CardModel>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  CashCorrection: ResolverTypeWrapper<CashCorrectionModel>;
  CashCorrectionKind: CashCorrectionKind;
  CashCorrectionUserError: ResolverTypeWrapper<CashCorrectionUserError>;
  CashCorrectionUserErrorCode: CashCorrectionUserErrorCode;
  CashDiscrepancyFilterInput: CashDiscrepancyFilterInput;
  CashShift: ResolverTypeWrapper<CashShiftModel>;
  CashShiftConnection: ResolverTypeWrapper<Omit<CashShiftConnection, 'edges'> & { edges: Array<ResolversTypes['CashShiftEdge']> }>;
  CashShiftEdge: ResolverTypeWrapper<Omit<CashShiftEdge, 'node'> & { node: ResolversTypes['CashShift'] }>;
  CashShiftTrip: ResolverTypeWrapper<CashShiftTripModel>;
  CreateBulkPayoutBatchInput: CreateBulkPayoutBatchInput;
  CreatePaymentLinkInput: CreatePaymentLinkInput;
  CreatePayoutBatchInput: CreatePayoutBatchInput;
  CreateRentalPlanInput: CreateRentalPlanInput;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DepositCollection: DepositCollection;
  Driver: ResolverTypeWrapper<DriverRef>;
  DriverAccount: DriverAccount;
  DriverDeposit: ResolverTypeWrapper<DriverDeposit>;
  DriverEarnings: ResolverTypeWrapper<DriverEarnings>;
  DriverExit: ResolverTypeWrapper<Omit<DriverExit, 'driver'> & { driver: ResolversTypes['Driver'] }>;
  DriverRentalPlan: ResolverTypeWrapper<DriverRentalPlan>;
  DriverStatementConnection: ResolverTypeWrapper<Omit<DriverStatementConnection, 'edges'> & { edges: Array<ResolversTypes['DriverStatementEntryEdge']> }>;
  DriverStatementEntry: ResolverTypeWrapper<DriverStatementEntryModel>;
  DriverStatementEntryEdge: ResolverTypeWrapper<Omit<DriverStatementEntryEdge, 'node'> & { node: ResolversTypes['DriverStatementEntry'] }>;
  LedgerCause: LedgerCause;
  Money: ResolverTypeWrapper<Money>;
  MoneyInput: MoneyInput;
  MoneyTotal: ResolverTypeWrapper<MoneyTotal>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  OperationsSummary: ResolverTypeWrapper<OperationsSummary>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PayTripByVehicleQrInput: PayTripByVehicleQrInput;
  Payment: ResolverTypeWrapper<PaymentModel>;
  PaymentConnection: ResolverTypeWrapper<Omit<PaymentConnection, 'edges'> & { edges: Array<ResolversTypes['PaymentEdge']> }>;
  PaymentEdge: ResolverTypeWrapper<Omit<PaymentEdge, 'node'> & { node: ResolversTypes['Payment'] }>;
  PaymentFilterInput: PaymentFilterInput;
  PaymentLink: ResolverTypeWrapper<PaymentLinkModel>;
  PaymentLinkConnection: ResolverTypeWrapper<Omit<PaymentLinkConnection, 'edges'> & { edges: Array<ResolversTypes['PaymentLinkEdge']> }>;
  PaymentLinkEdge: ResolverTypeWrapper<Omit<PaymentLinkEdge, 'node'> & { node: ResolversTypes['PaymentLink'] }>;
  PaymentLinkPayload: ResolverTypeWrapper<Omit<PaymentLinkPayload, 'paymentLink'> & { paymentLink?: Maybe<ResolversTypes['PaymentLink']> }>;
  PaymentLinkPurpose: PaymentLinkPurpose;
  PaymentLinkStatus: PaymentLinkStatus;
  PaymentMethod: ResolverTypeWrapper<PaymentMethodModel>;
  PaymentMethodType: PaymentMethodType;
  PaymentMethodsPayload: ResolverTypeWrapper<Omit<PaymentMethodsPayload, 'paymentMethods'> & { paymentMethods?: Maybe<Array<ResolversTypes['PaymentMethod']>> }>;
  PaymentPurpose: PaymentPurpose;
  PaymentStatus: PaymentStatus;
  PaymentUserError: ResolverTypeWrapper<PaymentUserError>;
  PaymentUserErrorCode: PaymentUserErrorCode;
  PayoutBatch: ResolverTypeWrapper<PayoutBatchModel>;
  PayoutBatchConnection: ResolverTypeWrapper<Omit<PayoutBatchConnection, 'edges'> & { edges: Array<ResolversTypes['PayoutBatchEdge']> }>;
  PayoutBatchEdge: ResolverTypeWrapper<Omit<PayoutBatchEdge, 'node'> & { node: ResolversTypes['PayoutBatch'] }>;
  PayoutBatchFilterInput: PayoutBatchFilterInput;
  PayoutBatchPayload: ResolverTypeWrapper<Omit<PayoutBatchPayload, 'batch'> & { batch?: Maybe<ResolversTypes['PayoutBatch']> }>;
  PayoutBatchPreview: ResolverTypeWrapper<Omit<PayoutBatchPreview, 'items' | 'skipped'> & { items: Array<ResolversTypes['PayoutPreviewItem']>, skipped: Array<ResolversTypes['PayoutPreviewSkip']> }>;
  PayoutBatchStatus: PayoutBatchStatus;
  PayoutDestination: ResolverTypeWrapper<PayoutDestinationModel>;
  PayoutItem: ResolverTypeWrapper<PayoutItemModel>;
  PayoutItemConnection: ResolverTypeWrapper<Omit<PayoutItemConnection, 'edges'> & { edges: Array<ResolversTypes['PayoutItemEdge']> }>;
  PayoutItemEdge: ResolverTypeWrapper<Omit<PayoutItemEdge, 'node'> & { node: ResolversTypes['PayoutItem'] }>;
  PayoutItemStatus: PayoutItemStatus;
  PayoutPreviewItem: ResolverTypeWrapper<Omit<PayoutPreviewItem, 'driver'> & { driver: ResolversTypes['Driver'] }>;
  PayoutPreviewSkip: ResolverTypeWrapper<Omit<PayoutPreviewSkip, 'driver'> & { driver: ResolversTypes['Driver'] }>;
  PayoutSkipReason: PayoutSkipReason;
  PayoutUserError: ResolverTypeWrapper<PayoutUserError>;
  PayoutUserErrorCode: PayoutUserErrorCode;
  PreviewPayoutBatchInput: PreviewPayoutBatchInput;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RecordCashCorrectionInput: RecordCashCorrectionInput;
  RecordCashCorrectionPayload: ResolverTypeWrapper<Omit<RecordCashCorrectionPayload, 'correction' | 'shift'> & { correction?: Maybe<ResolversTypes['CashCorrection']>, shift?: Maybe<ResolversTypes['CashShift']> }>;
  Refund: ResolverTypeWrapper<RefundModel>;
  RefundPaymentInput: RefundPaymentInput;
  RefundPaymentPayload: ResolverTypeWrapper<Omit<RefundPaymentPayload, 'payment' | 'refund'> & { payment?: Maybe<ResolversTypes['Payment']>, refund?: Maybe<ResolversTypes['Refund']> }>;
  RefundStatus: RefundStatus;
  RentCharge: ResolverTypeWrapper<RentCharge>;
  RentChargeConnection: ResolverTypeWrapper<RentChargeConnection>;
  RentChargeEdge: ResolverTypeWrapper<RentChargeEdge>;
  RentalPeriod: RentalPeriod;
  RentalPlan: ResolverTypeWrapper<RentalPlan>;
  RentalPlanFilterInput: RentalPlanFilterInput;
  RentalPlanPayload: ResolverTypeWrapper<RentalPlanPayload>;
  RentalUserError: ResolverTypeWrapper<RentalUserError>;
  RentalUserErrorCode: RentalUserErrorCode;
  SetPayoutDestinationInput: SetPayoutDestinationInput;
  SetPayoutDestinationPayload: ResolverTypeWrapper<Omit<SetPayoutDestinationPayload, 'destination'> & { destination?: Maybe<ResolversTypes['PayoutDestination']> }>;
  SettleDriverExitInput: SettleDriverExitInput;
  SettleDriverExitPayload: ResolverTypeWrapper<Omit<SettleDriverExitPayload, 'exit'> & { exit?: Maybe<ResolversTypes['DriverExit']> }>;
  TopUpWalletInput: TopUpWalletInput;
  TopUpWalletPayload: ResolverTypeWrapper<Omit<TopUpWalletPayload, 'payment' | 'wallet'> & { payment?: Maybe<ResolversTypes['Payment']>, wallet?: Maybe<ResolversTypes['Wallet']> }>;
  Trip: ResolverTypeWrapper<TripRef>;
  UpdateRentalPlanInput: UpdateRentalPlanInput;
  User: ResolverTypeWrapper<UserRef>;
  Vehicle: ResolverTypeWrapper<VehicleRef>;
  VehicleCategory: VehicleCategory;
  VehiclePaymentQr: ResolverTypeWrapper<VehiclePaymentQr>;
  Wallet: ResolverTypeWrapper<WalletModel>;
  WalletEntry: ResolverTypeWrapper<WalletEntryModel>;
  WalletEntryConnection: ResolverTypeWrapper<Omit<WalletEntryConnection, 'edges'> & { edges: Array<ResolversTypes['WalletEntryEdge']> }>;
  WalletEntryEdge: ResolverTypeWrapper<Omit<WalletEntryEdge, 'node'> & { node: ResolversTypes['WalletEntry'] }>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AddCardInput: AddCardInput;
  Boolean: Scalars['Boolean']['output'];
  String: Scalars['String']['output'];
  AssignRentalPlanInput: AssignRentalPlanInput;
  ID: Scalars['ID']['output'];
  AssignRentalPlanPayload: AssignRentalPlanPayload;
  CardDetails: CardModel;
  Int: Scalars['Int']['output'];
  CashCorrection: CashCorrectionModel;
  CashCorrectionUserError: CashCorrectionUserError;
  CashDiscrepancyFilterInput: CashDiscrepancyFilterInput;
  CashShift: CashShiftModel;
  CashShiftConnection: Omit<CashShiftConnection, 'edges'> & { edges: Array<ResolversParentTypes['CashShiftEdge']> };
  CashShiftEdge: Omit<CashShiftEdge, 'node'> & { node: ResolversParentTypes['CashShift'] };
  CashShiftTrip: CashShiftTripModel;
  CreateBulkPayoutBatchInput: CreateBulkPayoutBatchInput;
  CreatePaymentLinkInput: CreatePaymentLinkInput;
  CreatePayoutBatchInput: CreatePayoutBatchInput;
  CreateRentalPlanInput: CreateRentalPlanInput;
  DateTime: Scalars['DateTime']['output'];
  Driver: DriverRef;
  DriverDeposit: DriverDeposit;
  DriverEarnings: DriverEarnings;
  DriverExit: Omit<DriverExit, 'driver'> & { driver: ResolversParentTypes['Driver'] };
  DriverRentalPlan: DriverRentalPlan;
  DriverStatementConnection: Omit<DriverStatementConnection, 'edges'> & { edges: Array<ResolversParentTypes['DriverStatementEntryEdge']> };
  DriverStatementEntry: DriverStatementEntryModel;
  DriverStatementEntryEdge: Omit<DriverStatementEntryEdge, 'node'> & { node: ResolversParentTypes['DriverStatementEntry'] };
  Money: Money;
  MoneyInput: MoneyInput;
  MoneyTotal: MoneyTotal;
  Mutation: Record<PropertyKey, never>;
  OperationsSummary: OperationsSummary | FederationReferenceTypes['OperationsSummary'];
  PageInfo: PageInfo;
  PayTripByVehicleQrInput: PayTripByVehicleQrInput;
  Payment: PaymentModel;
  PaymentConnection: Omit<PaymentConnection, 'edges'> & { edges: Array<ResolversParentTypes['PaymentEdge']> };
  PaymentEdge: Omit<PaymentEdge, 'node'> & { node: ResolversParentTypes['Payment'] };
  PaymentFilterInput: PaymentFilterInput;
  PaymentLink: PaymentLinkModel;
  PaymentLinkConnection: Omit<PaymentLinkConnection, 'edges'> & { edges: Array<ResolversParentTypes['PaymentLinkEdge']> };
  PaymentLinkEdge: Omit<PaymentLinkEdge, 'node'> & { node: ResolversParentTypes['PaymentLink'] };
  PaymentLinkPayload: Omit<PaymentLinkPayload, 'paymentLink'> & { paymentLink?: Maybe<ResolversParentTypes['PaymentLink']> };
  PaymentMethod: PaymentMethodModel;
  PaymentMethodsPayload: Omit<PaymentMethodsPayload, 'paymentMethods'> & { paymentMethods?: Maybe<Array<ResolversParentTypes['PaymentMethod']>> };
  PaymentUserError: PaymentUserError;
  PayoutBatch: PayoutBatchModel;
  PayoutBatchConnection: Omit<PayoutBatchConnection, 'edges'> & { edges: Array<ResolversParentTypes['PayoutBatchEdge']> };
  PayoutBatchEdge: Omit<PayoutBatchEdge, 'node'> & { node: ResolversParentTypes['PayoutBatch'] };
  PayoutBatchFilterInput: PayoutBatchFilterInput;
  PayoutBatchPayload: Omit<PayoutBatchPayload, 'batch'> & { batch?: Maybe<ResolversParentTypes['PayoutBatch']> };
  PayoutBatchPreview: Omit<PayoutBatchPreview, 'items' | 'skipped'> & { items: Array<ResolversParentTypes['PayoutPreviewItem']>, skipped: Array<ResolversParentTypes['PayoutPreviewSkip']> };
  PayoutDestination: PayoutDestinationModel;
  PayoutItem: PayoutItemModel;
  PayoutItemConnection: Omit<PayoutItemConnection, 'edges'> & { edges: Array<ResolversParentTypes['PayoutItemEdge']> };
  PayoutItemEdge: Omit<PayoutItemEdge, 'node'> & { node: ResolversParentTypes['PayoutItem'] };
  PayoutPreviewItem: Omit<PayoutPreviewItem, 'driver'> & { driver: ResolversParentTypes['Driver'] };
  PayoutPreviewSkip: Omit<PayoutPreviewSkip, 'driver'> & { driver: ResolversParentTypes['Driver'] };
  PayoutUserError: PayoutUserError;
  PreviewPayoutBatchInput: PreviewPayoutBatchInput;
  Query: Record<PropertyKey, never>;
  RecordCashCorrectionInput: RecordCashCorrectionInput;
  RecordCashCorrectionPayload: Omit<RecordCashCorrectionPayload, 'correction' | 'shift'> & { correction?: Maybe<ResolversParentTypes['CashCorrection']>, shift?: Maybe<ResolversParentTypes['CashShift']> };
  Refund: RefundModel;
  RefundPaymentInput: RefundPaymentInput;
  RefundPaymentPayload: Omit<RefundPaymentPayload, 'payment' | 'refund'> & { payment?: Maybe<ResolversParentTypes['Payment']>, refund?: Maybe<ResolversParentTypes['Refund']> };
  RentCharge: RentCharge;
  RentChargeConnection: RentChargeConnection;
  RentChargeEdge: RentChargeEdge;
  RentalPlan: RentalPlan;
  RentalPlanFilterInput: RentalPlanFilterInput;
  RentalPlanPayload: RentalPlanPayload;
  RentalUserError: RentalUserError;
  SetPayoutDestinationInput: SetPayoutDestinationInput;
  SetPayoutDestinationPayload: Omit<SetPayoutDestinationPayload, 'destination'> & { destination?: Maybe<ResolversParentTypes['PayoutDestination']> };
  SettleDriverExitInput: SettleDriverExitInput;
  SettleDriverExitPayload: Omit<SettleDriverExitPayload, 'exit'> & { exit?: Maybe<ResolversParentTypes['DriverExit']> };
  TopUpWalletInput: TopUpWalletInput;
  TopUpWalletPayload: Omit<TopUpWalletPayload, 'payment' | 'wallet'> & { payment?: Maybe<ResolversParentTypes['Payment']>, wallet?: Maybe<ResolversParentTypes['Wallet']> };
  Trip: TripRef;
  UpdateRentalPlanInput: UpdateRentalPlanInput;
  User: UserRef;
  Vehicle: VehicleRef;
  VehiclePaymentQr: VehiclePaymentQr;
  Wallet: WalletModel;
  WalletEntry: WalletEntryModel;
  WalletEntryConnection: Omit<WalletEntryConnection, 'edges'> & { edges: Array<ResolversParentTypes['WalletEntryEdge']> };
  WalletEntryEdge: Omit<WalletEntryEdge, 'node'> & { node: ResolversParentTypes['WalletEntry'] };
}>;

export type PublicDirectiveArgs = { };

export type PublicDirectiveResolver<Result, Parent, ContextType = PaymentsContext, Args = PublicDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AssignRentalPlanPayloadResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['AssignRentalPlanPayload'] = ResolversParentTypes['AssignRentalPlanPayload']> = ResolversObject<{
  rentalPlan?: Resolver<Maybe<ResolversTypes['DriverRentalPlan']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['RentalUserError']>, ParentType, ContextType>;
}>;

export type CardDetailsResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['CardDetails'] = ResolversParentTypes['CardDetails']> = ResolversObject<{
  brand?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expMonth?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  expYear?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  last4?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type CashCorrectionResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['CashCorrection'] = ResolversParentTypes['CashCorrection']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  attendanceId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  driver?: Resolver<ResolversTypes['Driver'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['CashCorrectionKind'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type CashCorrectionUserErrorResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['CashCorrectionUserError'] = ResolversParentTypes['CashCorrectionUserError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['CashCorrectionUserErrorCode'], ParentType, ContextType>;
  field?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type CashShiftResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['CashShift'] = ResolversParentTypes['CashShift']> = ResolversObject<{
  checkedInAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  checkedOutAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  collected?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  corrections?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  deposited?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  difference?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  driver?: Resolver<ResolversTypes['Driver'], ParentType, ContextType>;
  fleetId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  trips?: Resolver<Array<ResolversTypes['CashShiftTrip']>, ParentType, ContextType>;
}>;

export type CashShiftConnectionResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['CashShiftConnection'] = ResolversParentTypes['CashShiftConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['CashShiftEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type CashShiftEdgeResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['CashShiftEdge'] = ResolversParentTypes['CashShiftEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['CashShift'], ParentType, ContextType>;
}>;

export type CashShiftTripResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['CashShiftTrip'] = ResolversParentTypes['CashShiftTrip']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  endedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  purpose?: Resolver<ResolversTypes['PaymentPurpose'], ParentType, ContextType>;
  trip?: Resolver<ResolversTypes['Trip'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DriverResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['Driver'] = ResolversParentTypes['Driver'], FederationReferenceType extends FederationReferenceTypes['Driver'] = FederationReferenceTypes['Driver']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Driver']> | FederationReferenceType, FederationReferenceType, ContextType>;
  cashShifts?: Resolver<ResolversTypes['CashShiftConnection'], ParentType, ContextType, RequireFields<DriverCashShiftsArgs, 'first'>>;
  deposit?: Resolver<Maybe<ResolversTypes['DriverDeposit']>, ParentType, ContextType>;
  earnings?: Resolver<Maybe<ResolversTypes['DriverEarnings']>, ParentType, ContextType, RequireFields<DriverEarningsArgs, 'from' | 'to'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  payoutDestination?: Resolver<Maybe<ResolversTypes['PayoutDestination']>, ParentType, ContextType>;
  payouts?: Resolver<Maybe<ResolversTypes['PayoutItemConnection']>, ParentType, ContextType, RequireFields<DriverPayoutsArgs, 'first'>>;
  rentCharges?: Resolver<Maybe<ResolversTypes['RentChargeConnection']>, ParentType, ContextType, RequireFields<DriverRentChargesArgs, 'first'>>;
  rentalPlan?: Resolver<Maybe<ResolversTypes['DriverRentalPlan']>, ParentType, ContextType>;
  statement?: Resolver<Maybe<ResolversTypes['DriverStatementConnection']>, ParentType, ContextType, RequireFields<DriverStatementArgs, 'first'>>;
}>;

export type DriverDepositResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['DriverDeposit'] = ResolversParentTypes['DriverDeposit']> = ResolversObject<{
  collection?: Resolver<Maybe<ResolversTypes['DepositCollection']>, ParentType, ContextType>;
  held?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  required?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
}>;

export type DriverEarningsResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['DriverEarnings'] = ResolversParentTypes['DriverEarnings']> = ResolversObject<{
  adjustments?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  cashCollected?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  cashHandedIn?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  cashHeld?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  commission?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  depositDeducted?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  earningsBalance?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  gross?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  net?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  paidOut?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  payableBalance?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  rent?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  trips?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type DriverExitResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['DriverExit'] = ResolversParentTypes['DriverExit']> = ResolversObject<{
  cashNetted?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  depositReturned?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  driver?: Resolver<ResolversTypes['Driver'], ParentType, ContextType>;
  finalBalance?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rentChargedAtExit?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  rentChargedTotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  settledAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type DriverRentalPlanResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['DriverRentalPlan'] = ResolversParentTypes['DriverRentalPlan']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  nextChargeAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  periodsCharged?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  plan?: Resolver<ResolversTypes['RentalPlan'], ParentType, ContextType>;
  since?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  until?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
}>;

export type DriverStatementConnectionResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['DriverStatementConnection'] = ResolversParentTypes['DriverStatementConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['DriverStatementEntryEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type DriverStatementEntryResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['DriverStatementEntry'] = ResolversParentTypes['DriverStatementEntry']> = ResolversObject<{
  account?: Resolver<ResolversTypes['DriverAccount'], ParentType, ContextType>;
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  balanceAfter?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  cause?: Resolver<ResolversTypes['LedgerCause'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  payment?: Resolver<Maybe<ResolversTypes['Payment']>, ParentType, ContextType>;
  trip?: Resolver<Maybe<ResolversTypes['Trip']>, ParentType, ContextType>;
}>;

export type DriverStatementEntryEdgeResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['DriverStatementEntryEdge'] = ResolversParentTypes['DriverStatementEntryEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['DriverStatementEntry'], ParentType, ContextType>;
}>;

export type MoneyResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = ResolversObject<{
  amountMinor?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type MoneyTotalResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['MoneyTotal'] = ResolversParentTypes['MoneyTotal']> = ResolversObject<{
  amountMinor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  addCard?: Resolver<ResolversTypes['PaymentMethodsPayload'], ParentType, ContextType, RequireFields<MutationAddCardArgs, 'input'>>;
  assignRentalPlan?: Resolver<ResolversTypes['AssignRentalPlanPayload'], ParentType, ContextType, RequireFields<MutationAssignRentalPlanArgs, 'input'>>;
  createBulkPayoutBatch?: Resolver<ResolversTypes['PayoutBatchPayload'], ParentType, ContextType, RequireFields<MutationCreateBulkPayoutBatchArgs, 'input'>>;
  createPaymentLink?: Resolver<ResolversTypes['PaymentLinkPayload'], ParentType, ContextType, RequireFields<MutationCreatePaymentLinkArgs, 'input'>>;
  createPayoutBatch?: Resolver<ResolversTypes['PayoutBatchPayload'], ParentType, ContextType, RequireFields<MutationCreatePayoutBatchArgs, 'input'>>;
  createRentalPlan?: Resolver<ResolversTypes['RentalPlanPayload'], ParentType, ContextType, RequireFields<MutationCreateRentalPlanArgs, 'input'>>;
  payTripByVehicleQr?: Resolver<ResolversTypes['PaymentLinkPayload'], ParentType, ContextType, RequireFields<MutationPayTripByVehicleQrArgs, 'input'>>;
  recordCashCorrection?: Resolver<ResolversTypes['RecordCashCorrectionPayload'], ParentType, ContextType, RequireFields<MutationRecordCashCorrectionArgs, 'input'>>;
  refundPayment?: Resolver<ResolversTypes['RefundPaymentPayload'], ParentType, ContextType, RequireFields<MutationRefundPaymentArgs, 'input'>>;
  removePaymentMethod?: Resolver<ResolversTypes['PaymentMethodsPayload'], ParentType, ContextType, RequireFields<MutationRemovePaymentMethodArgs, 'id'>>;
  retireRentalPlan?: Resolver<ResolversTypes['RentalPlanPayload'], ParentType, ContextType, RequireFields<MutationRetireRentalPlanArgs, 'id'>>;
  setDefaultPaymentMethod?: Resolver<ResolversTypes['PaymentMethodsPayload'], ParentType, ContextType, RequireFields<MutationSetDefaultPaymentMethodArgs, 'type'>>;
  setPayoutDestination?: Resolver<ResolversTypes['SetPayoutDestinationPayload'], ParentType, ContextType, RequireFields<MutationSetPayoutDestinationArgs, 'input'>>;
  settleDriverExit?: Resolver<ResolversTypes['SettleDriverExitPayload'], ParentType, ContextType, RequireFields<MutationSettleDriverExitArgs, 'input'>>;
  submitPayoutBatch?: Resolver<ResolversTypes['PayoutBatchPayload'], ParentType, ContextType, RequireFields<MutationSubmitPayoutBatchArgs, 'batchId' | 'idempotencyKey'>>;
  topUpWallet?: Resolver<ResolversTypes['TopUpWalletPayload'], ParentType, ContextType, RequireFields<MutationTopUpWalletArgs, 'input'>>;
  updateRentalPlan?: Resolver<ResolversTypes['RentalPlanPayload'], ParentType, ContextType, RequireFields<MutationUpdateRentalPlanArgs, 'input'>>;
}>;

export type OperationsSummaryResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['OperationsSummary'] = ResolversParentTypes['OperationsSummary'], FederationReferenceType extends FederationReferenceTypes['OperationsSummary'] = FederationReferenceTypes['OperationsSummary']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['OperationsSummary']> | FederationReferenceType, FederationReferenceType, ContextType>;
  commission?: Resolver<Maybe<Array<ResolversTypes['MoneyTotal']>>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type PaymentResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['Payment'] = ResolversParentTypes['Payment'], FederationReferenceType extends FederationReferenceTypes['Payment'] = FederationReferenceTypes['Payment']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Payment']> | FederationReferenceType, FederationReferenceType, ContextType>;
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  card?: Resolver<Maybe<ResolversTypes['CardDetails']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  failureCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  method?: Resolver<Maybe<ResolversTypes['PaymentMethodType']>, ParentType, ContextType>;
  nextAttemptAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  paidAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  paidByLink?: Resolver<Maybe<ResolversTypes['PaymentLink']>, ParentType, ContextType>;
  payer?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  purpose?: Resolver<ResolversTypes['PaymentPurpose'], ParentType, ContextType>;
  receiptNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  refunded?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  refunds?: Resolver<Array<ResolversTypes['Refund']>, ParentType, ContextType>;
  requestedMethod?: Resolver<ResolversTypes['PaymentMethodType'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PaymentStatus'], ParentType, ContextType>;
  trip?: Resolver<Maybe<ResolversTypes['Trip']>, ParentType, ContextType>;
}>;

export type PaymentConnectionResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['PaymentConnection'] = ResolversParentTypes['PaymentConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['PaymentEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type PaymentEdgeResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['PaymentEdge'] = ResolversParentTypes['PaymentEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Payment'], ParentType, ContextType>;
}>;

export type PaymentLinkResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['PaymentLink'] = ResolversParentTypes['PaymentLink']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  paidAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  payer?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  payment?: Resolver<Maybe<ResolversTypes['Payment']>, ParentType, ContextType>;
  purpose?: Resolver<ResolversTypes['PaymentLinkPurpose'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PaymentLinkStatus'], ParentType, ContextType>;
  trip?: Resolver<Maybe<ResolversTypes['Trip']>, ParentType, ContextType>;
  url?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type PaymentLinkConnectionResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['PaymentLinkConnection'] = ResolversParentTypes['PaymentLinkConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['PaymentLinkEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type PaymentLinkEdgeResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['PaymentLinkEdge'] = ResolversParentTypes['PaymentLinkEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['PaymentLink'], ParentType, ContextType>;
}>;

export type PaymentLinkPayloadResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['PaymentLinkPayload'] = ResolversParentTypes['PaymentLinkPayload']> = ResolversObject<{
  paymentLink?: Resolver<Maybe<ResolversTypes['PaymentLink']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['PaymentUserError']>, ParentType, ContextType>;
}>;

export type PaymentMethodResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['PaymentMethod'] = ResolversParentTypes['PaymentMethod']> = ResolversObject<{
  card?: Resolver<Maybe<ResolversTypes['CardDetails']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isDefault?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['PaymentMethodType'], ParentType, ContextType>;
}>;

export type PaymentMethodsPayloadResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['PaymentMethodsPayload'] = ResolversParentTypes['PaymentMethodsPayload']> = ResolversObject<{
  paymentMethods?: Resolver<Maybe<Array<ResolversTypes['PaymentMethod']>>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['PaymentUserError']>, ParentType, ContextType>;
}>;

export type PaymentUserErrorResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['PaymentUserError'] = ResolversParentTypes['PaymentUserError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['PaymentUserErrorCode'], ParentType, ContextType>;
  field?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type PayoutBatchResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['PayoutBatch'] = ResolversParentTypes['PayoutBatch']> = ResolversObject<{
  completedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  createdBy?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  failed?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  fleetId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inTransit?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  itemCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  items?: Resolver<ResolversTypes['PayoutItemConnection'], ParentType, ContextType, RequireFields<PayoutBatchItemsArgs, 'first'>>;
  paid?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  periodEnd?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PayoutBatchStatus'], ParentType, ContextType>;
  submittedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
}>;

export type PayoutBatchConnectionResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['PayoutBatchConnection'] = ResolversParentTypes['PayoutBatchConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['PayoutBatchEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type PayoutBatchEdgeResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['PayoutBatchEdge'] = ResolversParentTypes['PayoutBatchEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['PayoutBatch'], ParentType, ContextType>;
}>;

export type PayoutBatchPayloadResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['PayoutBatchPayload'] = ResolversParentTypes['PayoutBatchPayload']> = ResolversObject<{
  batch?: Resolver<Maybe<ResolversTypes['PayoutBatch']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['PayoutUserError']>, ParentType, ContextType>;
}>;

export type PayoutBatchPreviewResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['PayoutBatchPreview'] = ResolversParentTypes['PayoutBatchPreview']> = ResolversObject<{
  items?: Resolver<Array<ResolversTypes['PayoutPreviewItem']>, ParentType, ContextType>;
  skipped?: Resolver<Array<ResolversTypes['PayoutPreviewSkip']>, ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['PayoutUserError']>, ParentType, ContextType>;
}>;

export type PayoutDestinationResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['PayoutDestination'] = ResolversParentTypes['PayoutDestination']> = ResolversObject<{
  accountHolderName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  country?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  last4?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type PayoutItemResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['PayoutItem'] = ResolversParentTypes['PayoutItem']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  batchId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  driver?: Resolver<ResolversTypes['Driver'], ParentType, ContextType>;
  failureCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reference?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PayoutItemStatus'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type PayoutItemConnectionResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['PayoutItemConnection'] = ResolversParentTypes['PayoutItemConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['PayoutItemEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type PayoutItemEdgeResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['PayoutItemEdge'] = ResolversParentTypes['PayoutItemEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['PayoutItem'], ParentType, ContextType>;
}>;

export type PayoutPreviewItemResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['PayoutPreviewItem'] = ResolversParentTypes['PayoutPreviewItem']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  driver?: Resolver<ResolversTypes['Driver'], ParentType, ContextType>;
}>;

export type PayoutPreviewSkipResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['PayoutPreviewSkip'] = ResolversParentTypes['PayoutPreviewSkip']> = ResolversObject<{
  driver?: Resolver<ResolversTypes['Driver'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['PayoutSkipReason'], ParentType, ContextType>;
}>;

export type PayoutUserErrorResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['PayoutUserError'] = ResolversParentTypes['PayoutUserError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['PayoutUserErrorCode'], ParentType, ContextType>;
  column?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  field?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  row?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  cashDiscrepancies?: Resolver<ResolversTypes['CashShiftConnection'], ParentType, ContextType, RequireFields<QueryCashDiscrepanciesArgs, 'first'>>;
  payment?: Resolver<Maybe<ResolversTypes['Payment']>, ParentType, ContextType, RequireFields<QueryPaymentArgs, 'id'>>;
  paymentLink?: Resolver<Maybe<ResolversTypes['PaymentLink']>, ParentType, ContextType, RequireFields<QueryPaymentLinkArgs, 'id'>>;
  payments?: Resolver<ResolversTypes['PaymentConnection'], ParentType, ContextType, RequireFields<QueryPaymentsArgs, 'first'>>;
  payoutBatch?: Resolver<Maybe<ResolversTypes['PayoutBatch']>, ParentType, ContextType, RequireFields<QueryPayoutBatchArgs, 'id'>>;
  payoutBatches?: Resolver<ResolversTypes['PayoutBatchConnection'], ParentType, ContextType, RequireFields<QueryPayoutBatchesArgs, 'first'>>;
  previewPayoutBatch?: Resolver<ResolversTypes['PayoutBatchPreview'], ParentType, ContextType, RequireFields<QueryPreviewPayoutBatchArgs, 'input'>>;
  rentalPlans?: Resolver<Array<ResolversTypes['RentalPlan']>, ParentType, ContextType, Partial<QueryRentalPlansArgs>>;
}>;

export type RecordCashCorrectionPayloadResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['RecordCashCorrectionPayload'] = ResolversParentTypes['RecordCashCorrectionPayload']> = ResolversObject<{
  correction?: Resolver<Maybe<ResolversTypes['CashCorrection']>, ParentType, ContextType>;
  shift?: Resolver<Maybe<ResolversTypes['CashShift']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['CashCorrectionUserError']>, ParentType, ContextType>;
}>;

export type RefundResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['Refund'] = ResolversParentTypes['Refund']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  issuedBy?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  method?: Resolver<ResolversTypes['PaymentMethodType'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['RefundStatus'], ParentType, ContextType>;
}>;

export type RefundPaymentPayloadResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['RefundPaymentPayload'] = ResolversParentTypes['RefundPaymentPayload']> = ResolversObject<{
  payment?: Resolver<Maybe<ResolversTypes['Payment']>, ParentType, ContextType>;
  refund?: Resolver<Maybe<ResolversTypes['Refund']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['PaymentUserError']>, ParentType, ContextType>;
}>;

export type RentChargeResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['RentCharge'] = ResolversParentTypes['RentCharge']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  chargedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  periodEnd?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  periodStart?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  plan?: Resolver<ResolversTypes['RentalPlan'], ParentType, ContextType>;
}>;

export type RentChargeConnectionResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['RentChargeConnection'] = ResolversParentTypes['RentChargeConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['RentChargeEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type RentChargeEdgeResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['RentChargeEdge'] = ResolversParentTypes['RentChargeEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['RentCharge'], ParentType, ContextType>;
}>;

export type RentalPlanResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['RentalPlan'] = ResolversParentTypes['RentalPlan']> = ResolversObject<{
  autoAssign?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  deposit?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  depositCollection?: Resolver<ResolversTypes['DepositCollection'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  period?: Resolver<ResolversTypes['RentalPeriod'], ParentType, ContextType>;
  rent?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  retiredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  validTo?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  vehicleCategory?: Resolver<ResolversTypes['VehicleCategory'], ParentType, ContextType>;
}>;

export type RentalPlanPayloadResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['RentalPlanPayload'] = ResolversParentTypes['RentalPlanPayload']> = ResolversObject<{
  plan?: Resolver<Maybe<ResolversTypes['RentalPlan']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['RentalUserError']>, ParentType, ContextType>;
}>;

export type RentalUserErrorResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['RentalUserError'] = ResolversParentTypes['RentalUserError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['RentalUserErrorCode'], ParentType, ContextType>;
  field?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type SetPayoutDestinationPayloadResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['SetPayoutDestinationPayload'] = ResolversParentTypes['SetPayoutDestinationPayload']> = ResolversObject<{
  destination?: Resolver<Maybe<ResolversTypes['PayoutDestination']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['PayoutUserError']>, ParentType, ContextType>;
}>;

export type SettleDriverExitPayloadResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['SettleDriverExitPayload'] = ResolversParentTypes['SettleDriverExitPayload']> = ResolversObject<{
  exit?: Resolver<Maybe<ResolversTypes['DriverExit']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['RentalUserError']>, ParentType, ContextType>;
}>;

export type TopUpWalletPayloadResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['TopUpWalletPayload'] = ResolversParentTypes['TopUpWalletPayload']> = ResolversObject<{
  payment?: Resolver<Maybe<ResolversTypes['Payment']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['PaymentUserError']>, ParentType, ContextType>;
  wallet?: Resolver<Maybe<ResolversTypes['Wallet']>, ParentType, ContextType>;
}>;

export type TripResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['Trip'] = ResolversParentTypes['Trip'], FederationReferenceType extends FederationReferenceTypes['Trip'] = FederationReferenceTypes['Trip']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Trip']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  payment?: Resolver<Maybe<ResolversTypes['Payment']>, ParentType, ContextType>;
}>;

export type UserResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  paymentLinks?: Resolver<Maybe<ResolversTypes['PaymentLinkConnection']>, ParentType, ContextType, RequireFields<UserPaymentLinksArgs, 'first'>>;
  paymentMethods?: Resolver<Maybe<Array<ResolversTypes['PaymentMethod']>>, ParentType, ContextType>;
  wallet?: Resolver<Maybe<ResolversTypes['Wallet']>, ParentType, ContextType>;
}>;

export type VehicleResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['Vehicle'] = ResolversParentTypes['Vehicle'], FederationReferenceType extends FederationReferenceTypes['Vehicle'] = FederationReferenceTypes['Vehicle']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Vehicle']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  paymentQr?: Resolver<ResolversTypes['VehiclePaymentQr'], ParentType, ContextType>;
}>;

export type VehiclePaymentQrResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['VehiclePaymentQr'] = ResolversParentTypes['VehiclePaymentQr']> = ResolversObject<{
  payload?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  pngDataUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  svg?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type WalletResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['Wallet'] = ResolversParentTypes['Wallet']> = ResolversObject<{
  balance?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  balanceDue?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  history?: Resolver<ResolversTypes['WalletEntryConnection'], ParentType, ContextType, RequireFields<WalletHistoryArgs, 'first'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type WalletEntryResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['WalletEntry'] = ResolversParentTypes['WalletEntry']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  balanceAfter?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  cause?: Resolver<ResolversTypes['LedgerCause'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  payment?: Resolver<Maybe<ResolversTypes['Payment']>, ParentType, ContextType>;
}>;

export type WalletEntryConnectionResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['WalletEntryConnection'] = ResolversParentTypes['WalletEntryConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['WalletEntryEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type WalletEntryEdgeResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['WalletEntryEdge'] = ResolversParentTypes['WalletEntryEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['WalletEntry'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = PaymentsContext> = ResolversObject<{
  AssignRentalPlanPayload?: AssignRentalPlanPayloadResolvers<ContextType>;
  CardDetails?: CardDetailsResolvers<ContextType>;
  CashCorrection?: CashCorrectionResolvers<ContextType>;
  CashCorrectionUserError?: CashCorrectionUserErrorResolvers<ContextType>;
  CashShift?: CashShiftResolvers<ContextType>;
  CashShiftConnection?: CashShiftConnectionResolvers<ContextType>;
  CashShiftEdge?: CashShiftEdgeResolvers<ContextType>;
  CashShiftTrip?: CashShiftTripResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Driver?: DriverResolvers<ContextType>;
  DriverDeposit?: DriverDepositResolvers<ContextType>;
  DriverEarnings?: DriverEarningsResolvers<ContextType>;
  DriverExit?: DriverExitResolvers<ContextType>;
  DriverRentalPlan?: DriverRentalPlanResolvers<ContextType>;
  DriverStatementConnection?: DriverStatementConnectionResolvers<ContextType>;
  DriverStatementEntry?: DriverStatementEntryResolvers<ContextType>;
  DriverStatementEntryEdge?: DriverStatementEntryEdgeResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  MoneyTotal?: MoneyTotalResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  OperationsSummary?: OperationsSummaryResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Payment?: PaymentResolvers<ContextType>;
  PaymentConnection?: PaymentConnectionResolvers<ContextType>;
  PaymentEdge?: PaymentEdgeResolvers<ContextType>;
  PaymentLink?: PaymentLinkResolvers<ContextType>;
  PaymentLinkConnection?: PaymentLinkConnectionResolvers<ContextType>;
  PaymentLinkEdge?: PaymentLinkEdgeResolvers<ContextType>;
  PaymentLinkPayload?: PaymentLinkPayloadResolvers<ContextType>;
  PaymentMethod?: PaymentMethodResolvers<ContextType>;
  PaymentMethodsPayload?: PaymentMethodsPayloadResolvers<ContextType>;
  PaymentUserError?: PaymentUserErrorResolvers<ContextType>;
  PayoutBatch?: PayoutBatchResolvers<ContextType>;
  PayoutBatchConnection?: PayoutBatchConnectionResolvers<ContextType>;
  PayoutBatchEdge?: PayoutBatchEdgeResolvers<ContextType>;
  PayoutBatchPayload?: PayoutBatchPayloadResolvers<ContextType>;
  PayoutBatchPreview?: PayoutBatchPreviewResolvers<ContextType>;
  PayoutDestination?: PayoutDestinationResolvers<ContextType>;
  PayoutItem?: PayoutItemResolvers<ContextType>;
  PayoutItemConnection?: PayoutItemConnectionResolvers<ContextType>;
  PayoutItemEdge?: PayoutItemEdgeResolvers<ContextType>;
  PayoutPreviewItem?: PayoutPreviewItemResolvers<ContextType>;
  PayoutPreviewSkip?: PayoutPreviewSkipResolvers<ContextType>;
  PayoutUserError?: PayoutUserErrorResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RecordCashCorrectionPayload?: RecordCashCorrectionPayloadResolvers<ContextType>;
  Refund?: RefundResolvers<ContextType>;
  RefundPaymentPayload?: RefundPaymentPayloadResolvers<ContextType>;
  RentCharge?: RentChargeResolvers<ContextType>;
  RentChargeConnection?: RentChargeConnectionResolvers<ContextType>;
  RentChargeEdge?: RentChargeEdgeResolvers<ContextType>;
  RentalPlan?: RentalPlanResolvers<ContextType>;
  RentalPlanPayload?: RentalPlanPayloadResolvers<ContextType>;
  RentalUserError?: RentalUserErrorResolvers<ContextType>;
  SetPayoutDestinationPayload?: SetPayoutDestinationPayloadResolvers<ContextType>;
  SettleDriverExitPayload?: SettleDriverExitPayloadResolvers<ContextType>;
  TopUpWalletPayload?: TopUpWalletPayloadResolvers<ContextType>;
  Trip?: TripResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  Vehicle?: VehicleResolvers<ContextType>;
  VehiclePaymentQr?: VehiclePaymentQrResolvers<ContextType>;
  Wallet?: WalletResolvers<ContextType>;
  WalletEntry?: WalletEntryResolvers<ContextType>;
  WalletEntryConnection?: WalletEntryConnectionResolvers<ContextType>;
  WalletEntryEdge?: WalletEntryEdgeResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = PaymentsContext> = ResolversObject<{
  public?: PublicDirectiveResolver<any, any, ContextType>;
}>;
