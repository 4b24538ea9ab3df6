// Vehicle payment QR codes: every vehicle's code holds `<PAYMENTS_PUBLIC_URL>/pay/vehicles/<vehicle id>` (the only
// thing it reveals is the vehicle's id), rendered with the `qrcode` package. A rider who scans it pays their latest
// trip on that vehicle by payment link instead of cash (payTripByVehicleQr): the trip is found by the vehicle the
// fare's payment recorded at settlement (trips' trip.completed `vehicleId`), not by who drives the car now.
import QRCode from 'qrcode';
import type { Viewer } from '../../../../platform/auth/index.js';
import { isUuid } from '../../../../platform/graphql/index.js';
import { lockPayment } from '../store/payment-lock.js';
import { LINK_DEFAULT_EXPIRY_MINUTES, LinkRefusal, type PaymentLinkResult, type PaymentLinks } from './payment-links.js';
import { idempotencyKeyProblem, userError } from './user-errors.js';

export const VEHICLE_QR_PATH = '/pay/vehicles/';
/** How long after its settlement a trip can still be paid by scanning the car's code. */
export const VEHICLE_TRIP_WINDOW_MS = 60 * 60_000;

export interface VehiclePaymentQr {
  payload: string;
  svg: string;
  pngDataUrl: string;
}

export function vehicleQrPayload(publicUrl: string, vehicleId: string): string {
  return `${publicUrl}${VEHICLE_QR_PATH}${vehicleId}`;
}

/**
 * The vehicle id a scanned payload names, or null when it is not a vehicle payment code. Any http(s) origin is
 * accepted: a code printed before PAYMENTS_PUBLIC_URL changed still names the same vehicle.
 */
export function vehicleIdOfPayload(payload: string): string | null {
  let url: URL;
  try {
    url = new URL(payload.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const match = /^\/pay\/vehicles\/([^/]+)\/?$/.exec(url.pathname);
  const id = match?.[1];
  return id && isUuid(id) ? id.toLowerCase() : null;
}

export async function renderVehicleQr(publicUrl: string, vehicleId: string): Promise<VehiclePaymentQr> {
  const payload = vehicleQrPayload(publicUrl, vehicleId);
  // Error correction M: a printed sticker survives some wear; the payload is short, so the code stays small.
  const [svg, pngDataUrl] = await Promise.all([
    QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }),
    QRCode.toDataURL(payload, { errorCorrectionLevel: 'M', margin: 2, width: 512 }),
  ]);
  return { payload, svg, pngDataUrl };
}

export function createVehicleQrPayments(deps: { links: PaymentLinks; providerName: string; now?: () => Date }) {
  const { links } = deps;
  const now = deps.now ?? (() => new Date());
  return {
    /**
     * Finds the rider's latest fare on the vehicle settled within the last hour and returns a TRIP_FARE link for it:
     * the pending one when there is one (one page per fare), else a new one. Refused (user errors): INVALID_QR,
     * NO_VEHICLE_TRIP, ALREADY_PAID (card, wallet, being charged, refunded), LINK_ALREADY_PAID.
     */
    async payTrip(viewer: Viewer, input: { qrPayload: string; idempotencyKey: string }): Promise<PaymentLinkResult> {
      const keyProblem = idempotencyKeyProblem(input.idempotencyKey);
      if (keyProblem) return { paymentLink: null, userErrors: [keyProblem] };
      const vehicleId = vehicleIdOfPayload(input.qrPayload);
      if (!vehicleId) return { paymentLink: null, userErrors: [userError('INVALID_QR', 'this is not a vehicle payment code', ['input', 'qrPayload'])] };
      const at = now();
      return links.createOnce(viewer, 'payTripByVehicleQr', input.idempotencyKey, { vehicleId }, async (tx) => {
        const latest = await tx.payment.findFirst({
          where: { purpose: 'TRIP_FARE', payerUserId: viewer.userId, vehicleId, createdAt: { gte: new Date(at.getTime() - VEHICLE_TRIP_WINDOW_MS) } },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          select: { id: true },
        });
        if (!latest) throw new LinkRefusal(userError('NO_VEHICLE_TRIP', 'no trip of yours on this vehicle ended within the last hour'));
        // Locked: two scans of one fare make one link.
        const payment = (await lockPayment(tx, latest.id))!;
        if (payment.paidByLinkId) throw new LinkRefusal(userError('LINK_ALREADY_PAID', 'this trip was already paid by QR'));
        const payable = (payment.status === 'SUCCEEDED' && payment.method === 'CASH' && payment.refundedMinor === 0n) || payment.status === 'OWED';
        if (!payable) throw new LinkRefusal(userError('ALREADY_PAID', `this trip is already paid (${(payment.method ?? payment.status).toLowerCase()})`));
        const pending = await tx.paymentLink.findFirst({
          where: { paymentId: payment.id, purpose: 'TRIP_FARE', status: 'PENDING', expiresAt: { gt: at } },
          orderBy: { createdAt: 'desc' },
        });
        if (pending) return pending;
        return tx.paymentLink.create({
          data: {
            purpose: 'TRIP_FARE',
            payerUserId: viewer.userId,
            amountMinor: payment.amountMinor,
            currency: payment.currency,
            provider: deps.providerName,
            tripId: payment.tripId,
            paymentId: payment.id,
            vehicleId,
            driverUserId: payment.driverUserId,
            driverId: payment.driverId,
            expiresAt: new Date(at.getTime() + LINK_DEFAULT_EXPIRY_MINUTES * 60_000),
            createdByUserId: viewer.userId,
          },
        });
      });
    },
  };
}

export type VehicleQrPayments = ReturnType<typeof createVehicleQrPayments>;
