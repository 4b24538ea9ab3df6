// Which durable events notify whom, and with what: the one mapping from the event catalogue to messages.
// A person who caused the change is not told about it (the driver who arrived, the rider who cancelled).
import type { AnyEventEnvelope, DomainEventType } from '../../../../platform/events/index.js';
import type { MessageRequest } from '../templates/messages.js';

/** The event types the inbox consumer handles; the rest of the stream is acknowledged unseen. */
export const NOTIFYING_EVENT_TYPES = [
  'user.registered',
  'user.changed',
  'driver.status.changed',
  'trip.assigned',
  'trip.arrived',
  'trip.started',
  'trip.completed',
  'trip.cancelled',
  'payment.succeeded',
  'payment.failed',
  'payment.refunded',
  'user.contact.changed',
  'user.password.changed',
  'session.started',
  'session.ended',
  'payout.paid',
  'payout.failed',
  'points.awarded',
  'level.reached',
  'badge.earned',
  'coupon.redeemed',
  'offer.expired',
  'attendance.reviewed',
] as const satisfies readonly DomainEventType[];

export function messagesForEvent(event: AnyEventEnvelope): MessageRequest[] {
  switch (event.type) {
    case 'user.registered':
      return [{ userId: event.payload.userId, data: { type: 'WELCOME' } }];
    case 'trip.assigned': {
      const { tripId, riderUserId, driverUserId } = event.payload;
      return [
        { userId: riderUserId, data: { type: 'TRIP_ASSIGNED', tripId, audience: 'RIDER' } },
        { userId: driverUserId, data: { type: 'TRIP_ASSIGNED', tripId, audience: 'DRIVER' } },
      ];
    }
    case 'trip.arrived':
      return [{ userId: event.payload.riderUserId, data: { type: 'DRIVER_ARRIVED', tripId: event.payload.tripId } }];
    case 'trip.started':
      return [{ userId: event.payload.riderUserId, data: { type: 'TRIP_STARTED', tripId: event.payload.tripId } }];
    case 'trip.completed': {
      const { tripId, riderUserId, driverUserId, fare } = event.payload;
      return [
        { userId: riderUserId, data: { type: 'TRIP_COMPLETED', tripId, audience: 'RIDER', fare } },
        { userId: driverUserId, data: { type: 'TRIP_COMPLETED', tripId, audience: 'DRIVER', fare } },
      ];
    }
    case 'trip.cancelled': {
      const { tripId, riderUserId, driverUserId, cancelledBy, cancellationFee: fee } = event.payload;
      const messages: MessageRequest[] = [];
      // Whoever cancelled is not told they did; a rider who cancelled is still told about a fee (that is money).
      if (cancelledBy !== 'RIDER' || fee) messages.push({ userId: riderUserId, data: { type: 'TRIP_CANCELLED', tripId, audience: 'RIDER', cancelledBy, fee } });
      if (driverUserId && cancelledBy !== 'DRIVER') {
        messages.push({ userId: driverUserId, data: { type: 'TRIP_CANCELLED', tripId, audience: 'DRIVER', cancelledBy, fee: null } });
      }
      return messages;
    }
    case 'payment.succeeded': {
      const { paymentId, payerUserId, tripId, amount, method, receiptNumber } = event.payload;
      return [{ userId: payerUserId, data: { type: 'PAYMENT_RECEIPT', paymentId, tripId, amount, method, receiptNumber } }];
    }
    case 'payment.failed': {
      const { paymentId, payerUserId, tripId, amount, outcome } = event.payload;
      return [{ userId: payerUserId, data: { type: 'PAYMENT_FAILED', paymentId, tripId, amount, outcome } }];
    }
    case 'payment.refunded': {
      const { paymentId, payerUserId, tripId, amount, refundedTotal, paid } = event.payload;
      const fully = refundedTotal.amountMinor >= paid.amountMinor;
      return [{ userId: payerUserId, data: { type: 'PAYMENT_REFUNDED', paymentId, tripId, amount, fully } }];
    }
    case 'session.started': {
      const { userId, firstSession, deviceName } = event.payload;
      return firstSession ? [] : [{ userId, data: { type: 'SECURITY_NOTICE', notice: 'NEW_SIGN_IN', deviceName } }];
    }
    case 'user.password.changed':
      return [{ userId: event.payload.userId, data: { type: 'SECURITY_NOTICE', notice: 'PASSWORD_CHANGED' } }];
    case 'session.ended':
      // Signing out (one or everywhere) is the user's own act; a reused refresh token may be someone else's.
      return event.payload.reason === 'REFRESH_TOKEN_REUSED'
        ? [{ userId: event.payload.userId, data: { type: 'SECURITY_NOTICE', notice: 'SESSION_TAKEN_OVER' } }]
        : [];
    case 'payout.paid':
      return [{ userId: event.payload.driverUserId, data: { type: 'PAYOUT_PAID', payoutItemId: event.payload.payoutItemId, amount: event.payload.amount } }];
    case 'payout.failed': {
      const { driverUserId, payoutItemId, amount, failureCode } = event.payload;
      return [{ userId: driverUserId, data: { type: 'PAYOUT_FAILED', payoutItemId, amount, failureCode } }];
    }
    case 'points.awarded':
      return event.payload.points > 0
        ? [{ userId: event.payload.userId, data: { type: 'POINTS_AWARDED', points: event.payload.points, balance: event.payload.balance } }]
        : [];
    case 'level.reached':
      return [{ userId: event.payload.userId, data: { type: 'LEVEL_REACHED', level: event.payload.level } }];
    case 'badge.earned':
      return [{ userId: event.payload.userId, data: { type: 'BADGE_EARNED', badge: event.payload.badge } }];
    case 'coupon.redeemed': {
      const { userId, redemptionId, title, code } = event.payload;
      return [{ userId, data: { type: 'COUPON_REDEEMED', redemptionId, title, code } }];
    }
    case 'offer.expired':
      return [{ userId: event.payload.driverUserId, data: { type: 'OFFER_EXPIRED', offerId: event.payload.offerId } }];
    case 'attendance.reviewed': {
      const { driverUserId, attendanceId, approval, note } = event.payload;
      return [{ userId: driverUserId, data: { type: 'ATTENDANCE_REVIEWED', attendanceId, approval, note } }];
    }
    default:
      return [];
  }
}
