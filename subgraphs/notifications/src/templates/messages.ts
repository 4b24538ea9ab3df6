// What a message says, before it is put into words: the type and the facts its template needs. Built from events
// (services/event-messages.ts), rendered per locale (render.ts).
import type { EventMoney } from '../../../../platform/events/index.js';
import type { DeliveryChannel } from '../store/prisma/client.js';

export type MessageData =
  | { type: 'WELCOME' }
  | { type: 'TRIP_ASSIGNED'; tripId: string; audience: 'RIDER' | 'DRIVER' }
  | { type: 'DRIVER_ARRIVED'; tripId: string }
  | { type: 'TRIP_STARTED'; tripId: string }
  | { type: 'TRIP_COMPLETED'; tripId: string; audience: 'RIDER' | 'DRIVER'; fare: EventMoney }
  | { type: 'TRIP_CANCELLED'; tripId: string; audience: 'RIDER' | 'DRIVER'; cancelledBy: string; fee: EventMoney | null }
  | { type: 'PAYMENT_RECEIPT'; paymentId: string; tripId: string | null; amount: EventMoney; method: 'CARD' | 'WALLET' | 'CASH'; receiptNumber: string }
  | { type: 'PAYMENT_FAILED'; paymentId: string; tripId: string | null; amount: EventMoney; outcome: 'RETRYING' | 'OWED' | 'DECLINED' }
  | { type: 'PAYMENT_REFUNDED'; paymentId: string; tripId: string | null; amount: EventMoney; fully: boolean }
  | { type: 'SECURITY_NOTICE'; notice: 'NEW_SIGN_IN'; deviceName: string | null }
  | { type: 'SECURITY_NOTICE'; notice: 'PASSWORD_CHANGED' | 'SESSION_TAKEN_OVER' }
  | { type: 'ANNOUNCEMENT'; title: string; body: string; link: string | null }
  | { type: 'PAYOUT_PAID'; payoutItemId: string; amount: EventMoney }
  | { type: 'PAYOUT_FAILED'; payoutItemId: string; amount: EventMoney; failureCode: string }
  | { type: 'POINTS_AWARDED'; points: number; balance: number }
  | { type: 'LEVEL_REACHED'; level: string }
  | { type: 'BADGE_EARNED'; badge: string }
  | { type: 'COUPON_REDEEMED'; redemptionId: string; title: string; code: string }
  | { type: 'OFFER_EXPIRED'; offerId: string }
  | { type: 'ATTENDANCE_REVIEWED'; attendanceId: string; approval: 'APPROVED' | 'REJECTED'; note: string | null };

/** A message for one person. */
export interface MessageRequest {
  userId: string;
  data: MessageData;
  /** Only these channels (an announcement's choice; no delivery row on the others), still subject to the user's explicit opt-outs. */
  channels?: readonly DeliveryChannel[];
}

/** A message put into words. */
export interface RenderedMessage {
  title: string;
  body: string;
  /** Deep link into the app, null when the message opens nothing in particular. */
  link: string | null;
}
