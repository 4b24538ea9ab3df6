// English, the default locale: every type's title, body and deep link. Another locale is a file of the same shape.
import type { EventMoney } from '../../../../platform/events/index.js';
import type { MessageData, RenderedMessage } from './messages.js';

export type Locale = { [T in MessageData['type']]: (data: Extract<MessageData, { type: T }>, format: Formatters) => RenderedMessage };

export interface Formatters {
  money(amount: EventMoney): string;
}

const trip = (tripId: string) => `ridegraph://trips/${tripId}`;
const payment = (paymentId: string) => `ridegraph://payments/${paymentId}`;
const METHOD = { CARD: 'your card', WALLET: 'your wallet', CASH: 'cash' } as const;

export const en: Locale = {
  WELCOME: () => ({ title: 'Welcome to Ridegraph', body: 'Your account is ready. Where to first?', link: null }),
  TRIP_ASSIGNED: (d) =>
    d.audience === 'RIDER'
      ? { title: 'Driver on the way', body: 'A driver accepted your trip and is heading to the pickup.', link: trip(d.tripId) }
      : { title: 'New trip', body: 'You have a new trip: head to the pickup.', link: trip(d.tripId) },
  DRIVER_ARRIVED: (d) => ({ title: 'Your driver is here', body: 'Your driver has arrived at the pickup.', link: trip(d.tripId) }),
  TRIP_STARTED: (d) => ({ title: 'Trip started', body: 'Enjoy the ride.', link: trip(d.tripId) }),
  TRIP_COMPLETED: (d, f) =>
    d.audience === 'RIDER'
      ? { title: 'Trip completed', body: `You have arrived. Fare: ${f.money(d.fare)}.`, link: trip(d.tripId) }
      : { title: 'Trip completed', body: `Trip completed. Fare: ${f.money(d.fare)}.`, link: trip(d.tripId) },
  TRIP_CANCELLED: (d, f) => {
    const by = d.cancelledBy === 'RIDER' ? 'the rider' : d.cancelledBy === 'DRIVER' ? 'the driver' : 'Ridegraph';
    const fee = d.audience === 'RIDER' && d.fee ? ` A cancellation fee of ${f.money(d.fee)} applies.` : '';
    return { title: 'Trip cancelled', body: `The trip was cancelled by ${by}.${fee}`, link: trip(d.tripId) };
  },
  PAYMENT_RECEIPT: (d, f) => ({
    title: 'Your receipt',
    body: `Paid ${f.money(d.amount)} with ${METHOD[d.method]}. Receipt ${d.receiptNumber}.`,
    link: d.tripId ? trip(d.tripId) : payment(d.paymentId),
  }),
  PAYMENT_FAILED: (d, f) => ({
    title: 'Payment failed',
    body:
      d.outcome === 'RETRYING'
        ? `We could not charge ${f.money(d.amount)}; we will try again.`
        : d.outcome === 'OWED'
          ? `We could not charge ${f.money(d.amount)}. Please pay it before your next trip.`
          : `Your top-up of ${f.money(d.amount)} was declined.`,
    link: payment(d.paymentId),
  }),
  PAYMENT_REFUNDED: (d, f) => ({
    title: d.fully ? 'Refund issued' : 'Partial refund issued',
    body: `${f.money(d.amount)} is on its way back to you.`,
    link: d.tripId ? trip(d.tripId) : payment(d.paymentId),
  }),
  SECURITY_NOTICE: (d) => {
    const notYou = 'If this was not you, change your password and sign out everywhere.';
    const link = 'ridegraph://account/sessions';
    if (d.notice === 'NEW_SIGN_IN') return { title: 'New sign-in', body: `Your account was signed in on ${d.deviceName ?? 'a new device'}. ${notYou}`, link };
    if (d.notice === 'PASSWORD_CHANGED') return { title: 'Password changed', body: `Your password was changed. ${notYou}`, link };
    return { title: 'Session ended', body: `We ended a session because its sign-in was used twice, which can mean it was copied. ${notYou}`, link };
  },
  ANNOUNCEMENT: (d) => ({ title: d.title, body: d.body, link: d.link }),
  PAYOUT_PAID: (d, f) => ({
    title: 'Payout sent',
    body: `${f.money(d.amount)} is on its way to your bank.`,
    link: `ridegraph://earnings/payouts/${d.payoutItemId}`,
  }),
  PAYOUT_FAILED: (d, f) => ({
    title: 'Payout failed',
    body: `Your payout of ${f.money(d.amount)} could not be paid (${d.failureCode}); the money is back in your earnings. Please check your bank details.`,
    link: `ridegraph://earnings/payouts/${d.payoutItemId}`,
  }),
  POINTS_AWARDED: (d) => ({ title: `+${d.points} points`, body: `You now have ${d.balance} points.`, link: 'ridegraph://rewards' }),
  LEVEL_REACHED: (d) => ({ title: 'New level', body: `You reached ${d.level.charAt(0)}${d.level.slice(1).toLowerCase()}.`, link: 'ridegraph://rewards' }),
  BADGE_EARNED: (d) => ({ title: 'Badge earned', body: `You earned the ${d.badge} badge.`, link: 'ridegraph://rewards/badges' }),
  COUPON_REDEEMED: (d) => ({ title: 'Your coupon', body: `${d.title}: your code is ${d.code}.`, link: `ridegraph://rewards/coupons/${d.redemptionId}` }),
  // The trip is another driver's now: nothing of it to open.
  OFFER_EXPIRED: () => ({ title: 'Trip offer expired', body: 'You did not answer a trip offer in time, so it went to another driver.', link: null }),
  ATTENDANCE_REVIEWED: (d) => {
    const link = `ridegraph://shifts/${d.attendanceId}`;
    if (d.approval === 'APPROVED') return { title: 'Shift approved', body: `Your shift was approved.${d.note ? ` Note: ${d.note}` : ''}`, link };
    return { title: 'Shift rejected', body: `Your shift was rejected. Reason: ${d.note ?? 'none given'}`, link };
  },
};
