// Payment links: a page at the provider where one payer pays one amount (a driver's deposit or dues, a rider's
// balance, a trip's fare through the vehicle's QR code). The link row and its idempotency key commit first; the
// provider's page is made right after, outside the transaction, with the provider idempotency key `link:<id>` (a
// retry with the same key finishes a link whose page was not made). Money moves only when the provider confirms by
// webhook (`onProviderEvent`, in the webhook's transaction, once per provider event id): MONEY.md "Payment links
// and vehicle QR".
import { isUuid } from '../../../../platform/graphql/index.js';
import { seesEverything, type Viewer } from '../../../../platform/auth/index.js';
import { AppError } from '../../../../platform/errors/index.js';
import type { Logger } from '../../../../platform/logging/index.js';
import { ProviderRejectedError, ProviderUnavailableError, type PaymentProvider, type ProviderWebhookEvent } from '../providers/provider.js';
import type { PaymentsPrisma } from '../store/database.js';
import type { Tx } from '../store/db.js';
import { findDriverProfileByUserId } from '../store/driver-profiles.js';
import { lockLink } from '../store/link-store.js';
import { lockPayment } from '../store/payment-lock.js';
import type { PaymentLink, PaymentLinkPurpose } from '../store/prisma/client.js';
import { canManageDriverMoney } from './driver-access.js';
import { claimKey, recordResult, requestHash } from './idempotency.js';
import { owned, platform, type Ledger, type Leg } from './ledger.js';
import type { Settler } from './settle.js';
import { amountProblem, idempotencyKeyProblem, userError, type PaymentUserError } from './user-errors.js';

export interface CreatePaymentLinkInput {
  amount: { amountMinor: number; currency: string };
  purpose: PaymentLinkPurpose;
  payerId: string;
  idempotencyKey: string;
  expiresInMinutes?: number | null;
}

export type PaymentLinkResult = { paymentLink: PaymentLink | null; userErrors: PaymentUserError[] };

/** Stripe Checkout's limits for `expires_at`: 30 minutes to 24 hours from now. */
export const LINK_MIN_EXPIRY_MINUTES = 30;
export const LINK_MAX_EXPIRY_MINUTES = 1440;
export const LINK_DEFAULT_EXPIRY_MINUTES = 60;

/** A webhook about a link not known (yet): answered 500, so the provider delivers it again later. */
export class UnknownPaymentLinkError extends Error {
  override readonly name = 'UnknownPaymentLinkError';
}

/** Thrown inside a transaction to roll it back (the idempotency key with it) and answer with a user error. */
export class LinkRefusal extends Error {
  constructor(readonly userError: PaymentUserError) {
    super(userError.message);
  }
}

const DESCRIPTIONS: Record<PaymentLinkPurpose, string> = {
  DRIVER_DEPOSIT: 'Driver deposit',
  DRIVER_DUES: 'Driver dues',
  RIDER_BALANCE: 'Balance payment',
  TRIP_FARE: 'Trip fare',
};

/**
 * Who may make a link for whom (the table of intent in test/payment-links.test.ts):
 *   operations staff (SUPER_ADMIN, OPERATIONS) — any purpose, any payer;
 *   a fleet manager — DRIVER_DEPOSIT and DRIVER_DUES for drivers of the fleets they manage;
 *   a driver — DRIVER_DEPOSIT and DRIVER_DUES for themselves;
 *   anyone — RIDER_BALANCE for themselves.
 * TRIP_FARE links are made only by payTripByVehicleQr.
 */
export function mayCreateLink(viewer: Viewer, purpose: PaymentLinkPurpose, payerId: string, driver: { fleetId: string } | null): boolean {
  if (seesEverything(viewer)) return true;
  if (purpose === 'RIDER_BALANCE') return viewer.userId === payerId;
  if (purpose === 'DRIVER_DEPOSIT' || purpose === 'DRIVER_DUES') return driver !== null && (viewer.userId === payerId || canManageDriverMoney(viewer, driver));
  return false;
}

export function createPaymentLinks(deps: {
  prisma: PaymentsPrisma;
  provider: PaymentProvider;
  ledger: Ledger;
  settler: Settler;
  currency: string;
  maxAmountMinor: number;
  logger: Logger;
}) {
  const { prisma, provider, ledger, settler, currency, logger } = deps;

  /**
   * Makes the provider's page for a link that has none yet (just created, or a first attempt that did not reach
   * the provider); the same provider idempotency key every time, so it is made once.
   */
  async function ensureAtProvider(link: PaymentLink): Promise<PaymentLinkResult> {
    if (link.url) return { paymentLink: link, userErrors: [] };
    if (link.status !== 'PENDING') return { paymentLink: null, userErrors: [userError('PROVIDER_UNAVAILABLE', `the link is ${link.status.toLowerCase()}`)] };
    try {
      const made = await provider.createPaymentLink({
        idempotencyKey: `link:${link.id}`,
        amountMinor: Number(link.amountMinor),
        currency: link.currency,
        description: DESCRIPTIONS[link.purpose],
        metadata: { paymentLinkId: link.id },
        expiresAt: link.expiresAt,
      });
      const updated = await prisma.paymentLink.update({ where: { id: link.id }, data: { providerLinkId: made.providerLinkId, url: made.url } });
      return { paymentLink: updated, userErrors: [] };
    } catch (error) {
      if (error instanceof ProviderUnavailableError) {
        logger.warn({ err: error, paymentLinkId: link.id }, 'payment link: provider unavailable');
        return { paymentLink: null, userErrors: [userError('PROVIDER_UNAVAILABLE', 'the payment provider cannot be reached; try again with the same key')] };
      }
      if (error instanceof ProviderRejectedError) {
        // Nothing can be paid through it: withdrawn, so a retry with the same key says so rather than calling again.
        await prisma.paymentLink.updateMany({ where: { id: link.id, status: 'PENDING' }, data: { status: 'CANCELED' } });
        return { paymentLink: null, userErrors: [userError('PROVIDER_UNAVAILABLE', `the payment provider refused the link: ${error.message}`)] };
      }
      throw error;
    }
  }

  /**
   * Claims the idempotency key and makes the link row with `build` in one transaction (a refusal thrown by `build`
   * rolls both back), then makes its page at the provider.
   */
  async function createOnce(
    viewer: Viewer,
    operation: string,
    key: string,
    hashed: unknown,
    build: (tx: Tx) => Promise<PaymentLink>,
  ): Promise<PaymentLinkResult> {
    const scope = { userId: viewer.userId, operation, key };
    let link: PaymentLink;
    try {
      link = await prisma.$transaction(async (tx) => {
        const firstId = await claimKey(tx, scope, requestHash(hashed));
        if (firstId) return tx.paymentLink.findUniqueOrThrow({ where: { id: firstId } });
        const made = await build(tx);
        await recordResult(tx, scope, made.id);
        return made;
      });
    } catch (error) {
      if (error instanceof LinkRefusal) return { paymentLink: null, userErrors: [error.userError] };
      throw error;
    }
    return ensureAtProvider(link);
  }

  /** Books a paid link: one ledger entry by purpose. @returns the entry's id. */
  async function book(tx: Tx, link: PaymentLink, at: Date): Promise<string> {
    const amount = link.amountMinor;
    const ref = { paymentId: null, tripId: link.tripId, actorUserId: link.createdByUserId, shardKey: link.id };
    switch (link.purpose) {
      case 'DRIVER_DEPOSIT':
        return ledger.post(tx, link.currency, {
          ...ref,
          cause: 'DEPOSIT',
          description: 'Driver deposit by payment link',
          legs: [platform('PROVIDER_CLEARING', -amount), owned('DRIVER_DEPOSIT', link.driverUserId!, amount)],
        });
      case 'DRIVER_DUES':
        return ledger.post(tx, link.currency, {
          ...ref,
          cause: 'LINK_PAYMENT',
          description: 'Driver dues by payment link',
          legs: [platform('PROVIDER_CLEARING', -amount), owned('DRIVER_EARNINGS', link.driverUserId!, amount)],
        });
      case 'RIDER_BALANCE':
        return repay(tx, link, null, 'Balance payment by payment link', at);
      case 'TRIP_FARE':
        return bookTripFare(tx, link, at);
    }
  }

  /** The rider's money: what they owe first, the rest to the wallet (as a top-up: settler.repaymentLegs). */
  async function repay(tx: Tx, link: PaymentLink, paymentId: string | null, description: string, at: Date): Promise<string> {
    const { legs, repaid } = await settler.repaymentLegs(tx, link.payerUserId, link.currency, link.amountMinor);
    const entryId = await ledger.post(tx, link.currency, {
      cause: 'LINK_PAYMENT',
      description,
      paymentId,
      tripId: link.tripId,
      actorUserId: link.createdByUserId,
      shardKey: link.id,
      legs,
    });
    await settler.afterRepayment(tx, link.payerUserId, link.currency, repaid, 'CARD', at);
    return entryId;
  }

  /**
   * A trip's fare paid by QR. Settled as cash: the driver no longer owes that cash (provider clearing −F, driver's
   * cash held +F) and the payment records the link. Owed: a repayment of the rider's balance. Anything else (paid by
   * card or wallet meanwhile, refunded, paid by another link): the rider's money is not lost, it repays their
   * balance and the rest goes to their wallet.
   */
  async function bookTripFare(tx: Tx, link: PaymentLink, at: Date): Promise<string> {
    const payment = link.paymentId ? await lockPayment(tx, link.paymentId) : null;
    if (
      payment &&
      payment.paidByLinkId === null &&
      payment.status === 'SUCCEEDED' &&
      payment.method === 'CASH' &&
      payment.driverUserId &&
      payment.amountMinor === link.amountMinor
    ) {
      const legs: Leg[] = [platform('PROVIDER_CLEARING', -link.amountMinor), owned('DRIVER_CASH_HELD', payment.driverUserId, link.amountMinor)];
      const entryId = await ledger.post(tx, link.currency, {
        cause: 'LINK_PAYMENT',
        description: 'Trip fare by vehicle QR instead of cash',
        paymentId: payment.id,
        tripId: payment.tripId,
        actorUserId: link.createdByUserId,
        shardKey: link.id,
        legs,
      });
      await tx.payment.update({ where: { id: payment.id }, data: { paidByLinkId: link.id } });
      return entryId;
    }
    if (payment && payment.status === 'OWED') {
      const entryId = await repay(tx, link, payment.id, 'Owed trip fare by vehicle QR', at);
      // The repayment pays owed fares oldest first: this one records the link when it is among them.
      await tx.payment.updateMany({ where: { id: payment.id, status: 'SUCCEEDED', paidByLinkId: null }, data: { paidByLinkId: link.id } });
      return entryId;
    }
    logger.warn(
      { paymentLinkId: link.id, paymentId: link.paymentId, status: payment?.status },
      'vehicle QR paid for a fare already paid: credited to the rider',
    );
    return repay(tx, link, null, 'Vehicle QR payment for a fare already paid', at);
  }

  return {
    ensureAtProvider,
    createOnce,

    /** A PENDING link by its provider id as the development provider describes links (dev-pay-route.ts restores it). */
    async openDevLink(providerLinkId: string) {
      const link = await prisma.paymentLink.findUnique({ where: { providerLinkId } });
      if (!link || link.status !== 'PENDING') return null;
      return {
        id: providerLinkId,
        amountMinor: Number(link.amountMinor),
        currency: link.currency,
        description: DESCRIPTIONS[link.purpose],
        metadata: { paymentLinkId: link.id },
        expiresAt: link.expiresAt,
      };
    },

    async create(viewer: Viewer, input: CreatePaymentLinkInput): Promise<PaymentLinkResult> {
      const problem =
        idempotencyKeyProblem(input.idempotencyKey) ??
        amountProblem(input.amount, currency, deps.maxAmountMinor, ['input', 'amount']) ??
        (input.purpose === 'TRIP_FARE' ? userError('INVALID_PURPOSE', 'TRIP_FARE links are made by payTripByVehicleQr', ['input', 'purpose']) : null) ??
        expiryProblem(input.expiresInMinutes);
      if (problem) return { paymentLink: null, userErrors: [problem] };
      if (!isUuid(input.payerId)) return { paymentLink: null, userErrors: [userError('PAYER_NOT_FOUND', 'payerId is not an id', ['input', 'payerId'])] };
      const forDriver = input.purpose === 'DRIVER_DEPOSIT' || input.purpose === 'DRIVER_DUES';
      const driver = forDriver ? await findDriverProfileByUserId(prisma, input.payerId) : null;
      if (forDriver && driver === null) {
        // Only operations and the user themselves learn that the payer is not a driver; anyone else is refused.
        if (seesEverything(viewer) || viewer.userId === input.payerId) {
          return { paymentLink: null, userErrors: [userError('PAYER_NOT_FOUND', 'no driver payments knows has this user id', ['input', 'payerId'])] };
        }
        throw new AppError('FORBIDDEN', `you may not make a ${input.purpose} payment link for this payer`);
      }
      if (!mayCreateLink(viewer, input.purpose, input.payerId, driver)) {
        throw new AppError('FORBIDDEN', `you may not make a ${input.purpose} payment link for this payer`);
      }
      const minutes = input.expiresInMinutes ?? LINK_DEFAULT_EXPIRY_MINUTES;
      return createOnce(viewer, 'createPaymentLink', input.idempotencyKey, { ...input, expiresInMinutes: minutes }, (tx) =>
        tx.paymentLink.create({
          data: {
            purpose: input.purpose,
            payerUserId: input.payerId,
            amountMinor: BigInt(input.amount.amountMinor),
            currency,
            provider: provider.name,
            driverUserId: driver?.userId ?? null,
            driverId: driver?.driverId ?? null,
            expiresAt: new Date(Date.now() + minutes * 60_000),
            createdByUserId: viewer.userId,
          },
        }),
      );
    },

    /**
     * A link webhook, in the webhook's transaction (its provider event id already recorded as new). Paid: the entry
     * is booked once — a link already PAID changes nothing; an EXPIRED or CANCELED one the provider says was paid is
     * booked all the same (the money arrived). Expired: a PENDING link becomes EXPIRED; any other changes nothing.
     * @throws UnknownPaymentLinkError for a link not known (yet).
     */
    async onProviderEvent(tx: Tx, event: ProviderWebhookEvent): Promise<void> {
      const byProviderId = event.providerLinkId
        ? await tx.paymentLink.findUnique({ where: { providerLinkId: event.providerLinkId }, select: { id: true } })
        : null;
      // The webhook can outrun our commit of the provider's id: the metadata names our link.
      const metadataId = event.metadata?.paymentLinkId;
      const linkId = byProviderId?.id ?? (metadataId && isUuid(metadataId) ? metadataId : null);
      const link = linkId ? await lockLink(tx, linkId) : null;
      if (!link) throw new UnknownPaymentLinkError(`no payment link with provider id ${event.providerLinkId ?? '(none)'} yet`);
      if (link.providerLinkId && event.providerLinkId && link.providerLinkId !== event.providerLinkId) return;
      if (event.kind === 'link.expired') {
        if (link.status === 'PENDING') await tx.paymentLink.update({ where: { id: link.id }, data: { status: 'EXPIRED' } });
        return;
      }
      if (link.status === 'PAID') return;
      const at = new Date();
      const entryId = await book(tx, link, at);
      await tx.paymentLink.update({
        where: { id: link.id },
        data: { status: 'PAID', paidAt: at, entryId, providerLinkId: link.providerLinkId ?? event.providerLinkId ?? null },
      });
    },
  };
}

export type PaymentLinks = ReturnType<typeof createPaymentLinks>;

function expiryProblem(minutes: number | null | undefined): PaymentUserError | null {
  if (minutes === null || minutes === undefined) return null;
  if (!Number.isInteger(minutes) || minutes < LINK_MIN_EXPIRY_MINUTES || minutes > LINK_MAX_EXPIRY_MINUTES) {
    return userError('INVALID_EXPIRY', `expiresInMinutes must be a whole number from ${LINK_MIN_EXPIRY_MINUTES} to ${LINK_MAX_EXPIRY_MINUTES}`, [
      'input',
      'expiresInMinutes',
    ]);
  }
  return null;
}
