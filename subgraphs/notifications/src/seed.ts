// Writes notifications' part of the demo city: a welcome per user and a receipt per completed trip of a rider,
// each rider's two newest receipts left unread so the inbox badge has something to show. Idempotent: ids derive
// from what the notification is about, so a re-run finds the rows it wrote.
import { demoId, type DemoDataset, type DemoTrip } from '../../../platform/demo/index.js';
import type { NotificationsPrisma } from './store/database.js';

// Before the first demo trip (1 October 2026), so the welcome is the oldest notification of every user.
const WELCOME_AT = new Date(Date.UTC(2026, 8, 30));
const READ_AFTER_MS = 10 * 60_000;
const UNREAD_RECEIPTS_PER_RIDER = 2;

export async function seedNotifications(prisma: NotificationsPrisma, demo: DemoDataset): Promise<number> {
  const welcomes = demo.users.map((user) => ({
    id: demoId('notification', `welcome:${user.id}`),
    userId: user.id,
    kind: 'ACCOUNT' as const,
    // Typed, so the welcome that identity's user.registered asks for later finds it and is not sent twice.
    type: 'WELCOME' as const,
    title: 'Welcome to Ridegraph',
    body: `Hi ${user.name.split(' ')[0]}, your account is ready.`,
    createdAt: WELCOME_AT,
    readAt: new Date(WELCOME_AT.getTime() + READ_AFTER_MS),
  }));
  const receipts = [...completedTripsByRider(demo.trips).values()].flatMap((trips) =>
    trips.map(({ trip, completedAt, fareMinor }, i) => ({
      id: demoId('notification', `receipt:${trip.id}`),
      userId: trip.riderUserId,
      kind: 'PAYMENT' as const,
      type: 'PAYMENT_RECEIPT' as const,
      title: 'Your receipt',
      link: `ridegraph://trips/${trip.id}`,
      body: `Trip on ${completedAt.toISOString().slice(0, 10)}: ${trip.currency} ${(fareMinor / 100).toFixed(2)}. Thanks for riding!`,
      createdAt: completedAt,
      readAt: i < trips.length - UNREAD_RECEIPTS_PER_RIDER ? new Date(completedAt.getTime() + READ_AFTER_MS) : null,
    })),
  );
  const { count } = await prisma.notification.createMany({ data: [...welcomes, ...receipts], skipDuplicates: true });
  return count;
}

interface CompletedTrip {
  trip: DemoTrip;
  completedAt: Date;
  fareMinor: number;
}

/** Each rider's completed trips, oldest first. */
function completedTripsByRider(trips: readonly DemoTrip[]): Map<string, CompletedTrip[]> {
  const byRider = new Map<string, CompletedTrip[]>();
  for (const trip of trips) {
    if (trip.status !== 'COMPLETED' || !trip.completedAt || trip.fareMinor === null) continue;
    const list = byRider.get(trip.riderUserId) ?? [];
    list.push({ trip, completedAt: trip.completedAt, fareMinor: trip.fareMinor });
    byRider.set(trip.riderUserId, list);
  }
  for (const list of byRider.values()) list.sort((a, b) => a.completedAt.getTime() - b.completedAt.getTime());
  return byRider;
}
