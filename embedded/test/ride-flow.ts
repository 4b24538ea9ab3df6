// A whole ride through the gateway, as the rider app and the driver app do it with demo accounts: the driver
// checks in and streams a position, the rider gets a quote and requests, the offer reaches the driver through
// fleet's durable events and trips' dispatcher, then arrive → start → complete → both rate → check-out. The rider
// app follows the trip live (`tripUpdated` over graphql-ws at the gateway, driver name and plate joined per event).
// notifications turns the same durable events into inbox messages for both, which the rider then marks read.
// Part of the supergraph contract, so it runs on PGlite + in-process buses and on PostgreSQL + Redis.
import { DEMO_PHONES, type DemoDataset } from '../../platform/demo/index.js';
import { EVENT_WAIT_MS, postGraphQL, readUntil, type TestAuth } from '../../platform/testing/index.js';
import { checkIn, gatewayData, north } from '../../test/support/gateway-apps.js';
import { connectWs, eventually as until } from '../../test/support/subscriptions-stack.js';

export interface RideFlowContext {
  gatewayUrl: string;
  testAuth: TestAuth;
  demo: DemoDataset;
  /** Subscriptions open on the trips subgraph (the gateway's upstream ones), to know a live one has started. */
  tripsSubscriptions: () => number;
}

const DRIVER_SELF = `{ me { driverProfile {
  id status rating position { latitude longitude }
  vehicle { id plate category }
  pendingOffer { id expiresAt trip { id pickup { latitude longitude } } }
  activeTrip { id status }
} } }`;

const TRIP_FOR_RIDER = `query ($id: ID!) { trip(id: $id) {
  id status fare { amountMinor currency } estimatedFare { amountMinor currency } distanceMeters paymentMethod
  payment { id status method amount { amountMinor currency } receiptNumber refunded { amountMinor } }
  rider { name } driver { id name vehicle { plate } } riderRating { rating } driverRating { rating }
  history { to actorRole }
} }`;

interface LoyaltyEntry {
  kind: string;
  reason: string;
  points: number;
  reference: string | null;
}
interface LoyaltySelf {
  points: { balance: number };
  pointsHistory: { edges: { node: LoyaltyEntry }[] };
}

const INBOX = `{ me { notifications(first: 30) { edges { node { type title link readAt } } } } }`;

export function describeRideFlow(context: () => RideFlowContext): void {
  // Driver 7 and rider 7: no other test of the contract touches them.
  test('a demo rider and a demo driver complete a trip from check-in to rating through the gateway', async () => {
    const { gatewayUrl, testAuth, demo, tripsSubscriptions } = context();
    const userId = (phone: string) => demo.users.find((u) => u.phone === phone)!.id;
    const driverUserId = userId(DEMO_PHONES.driver(7));
    const riderUserId = userId(DEMO_PHONES.rider(7));
    const asDriver = await testAuth.headersFor({ userId: driverUserId, roles: ['DRIVER'] });
    const asRider = await testAuth.headersFor({ userId: riderUserId, roles: ['RIDER'] });
    const gql = (query: string, variables: Record<string, unknown> | undefined, headers: Record<string, string>) =>
      gatewayData(gatewayUrl, query, variables, headers);
    const driverSelf = async () => (await gql(DRIVER_SELF, undefined, asDriver)).me.driverProfile;

    // The seed gives every demo driver a vehicle and a last position near their hub: check in there.
    const before = await driverSelf();
    expect(before.status).toBe('OFFLINE');
    expect(before.vehicle).not.toBeNull();
    const start = before.position;
    const checkedIn = await checkIn(gatewayUrl, asDriver, start, 42_000, 'https://example.com/selfie/7.jpg');
    expect(checkedIn.userErrors).toEqual([]);
    expect(checkedIn.driver.status).toBe('AVAILABLE');
    const located = await gql(
      `mutation ($lat: Float!, $lng: Float!) { updateDriverLocation(latitude: $lat, longitude: $lng, heading: 90, speed: 0) { recordedAt } }`,
      { lat: start.latitude, lng: start.longitude },
      asDriver,
    );
    expect(located.updateDriverLocation.recordedAt).toEqual(expect.any(String));

    // The rider saves a card (the development provider's test token) and tops up the wallet with it; the ride is
    // then paid from the wallet.
    const WALLET = `{ me { wallet { balance { amountMinor currency } history(first: 3) { edges { node { amount { amountMinor } cause } } } } } }`;
    const saved = await gql(
      `mutation { addCard(input: { providerToken: "tok_visa" }) { paymentMethods { id type isDefault card { last4 } } userErrors { code } } }`,
      undefined,
      asRider,
    );
    expect(saved.addCard.userErrors).toEqual([]);
    const card = saved.addCard.paymentMethods.find((m: { type: string }) => m.type === 'CARD');
    expect(card).toMatchObject({ isDefault: true, card: { last4: '4242' } });
    const walletBefore = (await gql(WALLET, undefined, asRider)).me.wallet.balance.amountMinor as number;
    const POINTS = `{ me { points { balance } pointsHistory(first: 10) { edges { node { kind reason points reference } } } } }`;
    const pointsOf = async (headers: Record<string, string>) => (await gql(POINTS, undefined, headers)).me as LoyaltySelf;
    const riderPointsBefore = (await pointsOf(asRider)).points.balance;
    const driverPointsBefore = (await pointsOf(asDriver)).points.balance;
    const toppedUp = await gql(
      `mutation ($input: TopUpWalletInput!) { topUpWallet(input: $input) { payment { status method } wallet { balance { amountMinor } } userErrors { code } } }`,
      { input: { amount: { amountMinor: 5_000, currency: 'USD' }, cardId: card.id, idempotencyKey: `ride-flow-${Date.now()}` } },
      asRider,
    );
    expect(toppedUp.topUpWallet).toEqual({
      payment: { status: 'SUCCEEDED', method: 'CARD' },
      wallet: { balance: { amountMinor: walletBefore + 5_000 } },
      userErrors: [],
    });

    // The rider asks for a price 300 m from the driver and requests at that price.
    const pickup = north(start, 300);
    const dropoff = north(start, 3300);
    const quote = await gql(
      `mutation ($input: EstimateFareInput!) { estimateFare(input: $input) { estimate { id amount { amountMinor currency } distanceMeters surge } userErrors { code } } }`,
      { input: { pickup, dropoff, category: before.vehicle.category } },
      asRider,
    );
    expect(quote.estimateFare.userErrors).toEqual([]);
    const estimate = quote.estimateFare.estimate;
    expect(Number.isInteger(estimate.amount.amountMinor)).toBe(true);
    expect(estimate.amount.amountMinor).toBeGreaterThan(0);
    const requested = await gql(
      `mutation ($input: RequestTripInput!) { requestTrip(input: $input) { trip { id status estimatedFare { amountMinor } paymentMethod } userErrors { code message } } }`,
      { input: { pickup, dropoff, category: before.vehicle.category, quoteId: estimate.id, payment: { method: 'WALLET' } } },
      asRider,
    );
    expect(requested.requestTrip.userErrors).toEqual([]);
    const tripId: string = requested.requestTrip.trip.id;
    expect(requested.requestTrip.trip.estimatedFare.amountMinor).toBe(estimate.amount.amountMinor);
    expect(requested.requestTrip.trip.paymentMethod).toBe('WALLET');

    // The rider app follows the trip live from here on.
    const live = connectWs(gatewayUrl.replace(/^http/, 'ws'), { authorization: asRider.authorization });
    const followed = live.subscribe<{ tripUpdated: { status: string; driver: { name: string; vehicle: { plate: string } } | null } }>(
      'subscription ($id: ID!) { tripUpdated(id: $id) { status driver { name vehicle { plate } } } }',
      { id: tripId },
    );
    const upstreamBefore = tripsSubscriptions();
    await until(() => expect(tripsSubscriptions()).toBeGreaterThan(upstreamBefore), EVENT_WAIT_MS);

    // The offer reaches the driver once fleet's "driver available" event fed trips' dispatch supply.
    const offered = await readUntil(driverSelf, (d) => d.pendingOffer?.trip.id === tripId, 'the offer to reach the driver');
    const accepted = await gql(
      `mutation ($id: ID!) { acceptTrip(offerId: $id) { trip { id status } userErrors { code } } }`,
      { id: offered.pendingOffer.id },
      asDriver,
    );
    expect(accepted.acceptTrip).toEqual({ trip: { id: tripId, status: 'DRIVER_ASSIGNED' }, userErrors: [] });

    // The rider sees who is coming, joined from identity and fleet.
    const assigned = (await gql(TRIP_FOR_RIDER, { id: tripId }, asRider)).trip;
    const driverUser = demo.users.find((u) => u.id === driverUserId)!;
    expect(assigned.driver).toEqual({ id: before.id, name: driverUser.name, vehicle: { plate: before.vehicle.plate } });
    const assignedLive = await followed.next(EVENT_WAIT_MS);
    expect(assignedLive.errors).toBeUndefined();
    expect(assignedLive.data?.tripUpdated).toEqual({ status: 'DRIVER_ASSIGNED', driver: { name: driverUser.name, vehicle: { plate: before.vehicle.plate } } });
    // fleet hears trip.assigned and marks the driver ON_TRIP.
    await readUntil(driverSelf, (d) => d.status === 'ON_TRIP' && d.activeTrip?.id === tripId, 'the driver to be ON_TRIP');

    for (const step of ['arriveAtPickup', 'startTrip']) {
      const moved = await gql(`mutation ($id: ID!) { ${step}(tripId: $id) { trip { status } userErrors { code } } }`, { id: tripId }, asDriver);
      expect(moved[step].userErrors).toEqual([]);
    }
    const completed = await gql(
      `mutation ($id: ID!) { completeTrip(tripId: $id, distanceMeters: 3400) { trip { status fare { amountMinor currency } distanceMeters } userErrors { code } } }`,
      { id: tripId },
      asDriver,
    );
    expect(completed.completeTrip.userErrors).toEqual([]);
    expect(completed.completeTrip.trip.status).toBe('COMPLETED');
    expect(completed.completeTrip.trip.distanceMeters).toBe(3400);
    expect(Number.isInteger(completed.completeTrip.trip.fare.amountMinor)).toBe(true);
    expect(completed.completeTrip.trip.fare.currency).toBe(estimate.amount.currency);
    // Live, in order: arrived, started, completed.
    for (const status of ['DRIVER_ARRIVED', 'IN_PROGRESS', 'COMPLETED']) expect((await followed.next(EVENT_WAIT_MS)).data?.tripUpdated.status).toBe(status);
    await live.dispose();

    // Both rate once; a second rating is refused. (3 stars: any seeded average of 4.2–5 moves.)
    const rateAs = (headers: Record<string, string>, rating: number) =>
      postGraphQL(
        gatewayUrl,
        `mutation ($id: ID!, $r: Int!) { rateTrip(tripId: $id, rating: $r) { trip { id } userErrors { code } } }`,
        { id: tripId, r: rating },
        headers,
      );
    expect((await rateAs(asRider, 3)).data.rateTrip.userErrors).toEqual([]);
    expect((await rateAs(asDriver, 4)).data.rateTrip.userErrors).toEqual([]);
    const again = await rateAs(asRider, 1);
    expect(again.errors?.[0]?.extensions?.code ?? again.data?.rateTrip?.userErrors?.[0]?.code).toBeDefined();

    const done = (await gql(TRIP_FOR_RIDER, { id: tripId }, asRider)).trip;
    expect(done).toMatchObject({
      status: 'COMPLETED',
      riderRating: { rating: 3 },
      driverRating: { rating: 4 },
      rider: { name: demo.users.find((u) => u.id === riderUserId)!.name },
    });
    expect(done.history.map((h: { to: string }) => h.to)).toEqual(['REQUESTED', 'DRIVER_ASSIGNED', 'DRIVER_ARRIVED', 'IN_PROGRESS', 'COMPLETED']);
    expect(done.history.map((h: { actorRole: string }) => h.actorRole)).toEqual(['RIDER', 'DRIVER', 'DRIVER', 'DRIVER', 'DRIVER']);

    // fleet hears trip.completed (driver free again) and trip.rated (rating moves), then the shift ends.
    await readUntil(driverSelf, (d) => d.status === 'AVAILABLE' && d.activeTrip === null, 'the driver to be AVAILABLE again');
    await readUntil(driverSelf, (d) => d.rating !== before.rating, 'the rating to include the new one');
    const checkOut = await gql(
      `mutation ($input: CheckOutInput!) { checkOut(input: $input) { driver { status } userErrors { code } } }`,
      { input: { odometerKm: 42_004, cashDeposited: { amountMinor: 0, currency: estimate.amount.currency } } },
      asDriver,
    );
    expect(checkOut.checkOut).toEqual({ driver: { status: 'OFFLINE' }, userErrors: [] });

    // payments heard trip.completed: the fare was charged once, from the wallet, with a receipt.
    const fare = completed.completeTrip.trip.fare.amountMinor as number;
    const paid = await readUntil(
      async () => (await gql(TRIP_FOR_RIDER, { id: tripId }, asRider)).trip,
      (t) => t.payment?.status === 'SUCCEEDED',
      'the trip to be paid',
    );
    expect(paid.paymentMethod).toBe('WALLET');
    expect(paid.payment).toEqual({
      id: expect.any(String),
      status: 'SUCCEEDED',
      method: 'WALLET',
      amount: { amountMinor: fare, currency: 'USD' },
      receiptNumber: expect.stringMatching(/^R-\d{4}-\d{6,}$/),
      refunded: { amountMinor: 0 },
    });
    const charged = (await gql(WALLET, undefined, asRider)).me.wallet;
    expect(charged.balance.amountMinor).toBe(walletBefore + 5_000 - fare);
    expect(charged.history.edges.slice(0, 2).map((e: { node: unknown }) => e.node)).toEqual([
      { amount: { amountMinor: -fare }, cause: 'TRIP_FARE' },
      { amount: { amountMinor: 5_000 }, cause: 'TOP_UP' },
    ]);

    // Operations staff refund part of it, back to the wallet; a retry with the same key changes nothing.
    const asAdmin = await testAuth.headersFor({ userId: userId(DEMO_PHONES.superAdmin), roles: ['SUPER_ADMIN'] });
    const refund = (key: string) =>
      gql(
        `mutation ($input: RefundPaymentInput!) { refundPayment(input: $input) { refund { status method amount { amountMinor } } payment { status refunded { amountMinor } } userErrors { code } } }`,
        { input: { paymentId: paid.payment.id, amount: { amountMinor: 100, currency: 'USD' }, reason: 'Longer route than needed', idempotencyKey: key } },
        asAdmin,
      );
    const refundKey = `ride-flow-refund-${tripId}`;
    const refunded = await refund(refundKey);
    expect(refunded.refundPayment).toEqual({
      refund: { status: 'SUCCEEDED', method: 'WALLET', amount: { amountMinor: 100 } },
      payment: { status: 'PARTIALLY_REFUNDED', refunded: { amountMinor: 100 } },
      userErrors: [],
    });
    expect((await refund(refundKey)).refundPayment.payment.refunded).toEqual({ amountMinor: 100 });
    expect((await gql(WALLET, undefined, asRider)).me.wallet.balance.amountMinor).toBe(walletBefore + 5_000 - fare + 100);

    // gamification heard payment.succeeded, trip.rated and payment.refunded (default earning rules): the rider earned
    // 10 points per 1.00 of fare and 5 for rating, the driver 20 for the paid trip and 5 for rating the rider (the
    // driver's user known from fleet's driver.status.changed), and the refund of 1.00 took back its share of both. (Demo rider 7 rode before — the seed records it — so this is no first ride.)
    const farePoints = Math.floor(fare / 100) * 10;
    const tripEntries = (self: LoyaltySelf) => self.pointsHistory.edges.map((e) => e.node).filter((n) => n.reference === tripId);
    const sorted = (entries: LoyaltyEntry[]) => entries.map((n) => `${n.kind}:${n.reason}:${n.points}`).sort();
    const rider = await readUntil(
      () => pointsOf(asRider),
      (self) => tripEntries(self).length === 3,
      'the rider’s points for the trip',
    );
    expect(sorted(tripEntries(rider))).toEqual(
      sorted([
        { kind: 'EARNED', reason: 'TRIP_PAID', points: farePoints, reference: tripId },
        { kind: 'EARNED', reason: 'TRIP_RATED', points: 5, reference: tripId },
        { kind: 'REVERSED', reason: 'REFUND', points: -Math.floor((farePoints * 100) / fare), reference: tripId },
      ]),
    );
    expect(rider.points.balance).toBe(riderPointsBefore + farePoints + 5 - Math.floor((farePoints * 100) / fare));
    const driver = await readUntil(
      () => pointsOf(asDriver),
      (self) => tripEntries(self).length === 3,
      'the driver’s points for the trip',
    );
    expect(sorted(tripEntries(driver))).toEqual(
      sorted([
        { kind: 'EARNED', reason: 'TRIP_DRIVEN', points: 20, reference: tripId },
        { kind: 'EARNED', reason: 'RIDER_RATED', points: 5, reference: tripId },
        { kind: 'REVERSED', reason: 'REFUND', points: -Math.floor((20 * 100) / fare), reference: tripId },
      ]),
    );
    expect(driver.points.balance).toBe(driverPointsBefore + 20 + 5 - Math.floor((20 * 100) / fare));

    // The rider is on this week's leaderboard with those points, under their public name (joined from identity).
    const weekly = (await gql(
      `{ myRank(scope: RIDERS) { rank points user { id name } } leaderboard(scope: RIDERS, first: 100) { edges { node { rank points user { id name } } } } }`,
      undefined,
      asRider,
    )) as {
      myRank: { rank: number; points: number; user: { id: string; name: string } };
      leaderboard: { edges: { node: { rank: number; user: { id: string } } }[] };
    };
    const riderName = demo.users.find((u) => u.id === riderUserId)!.name;
    expect(weekly.myRank).toMatchObject({ user: { id: riderUserId, name: riderName } });
    expect(weekly.myRank.points).toBe(farePoints + 5 - Math.floor((farePoints * 100) / fare));
    const listed = weekly.leaderboard.edges.find((e) => e.node.user.id === riderUserId);
    if (listed) expect(listed.node.rank).toBe(weekly.myRank.rank);

    // notifications heard every step: the rider and the driver each hold the trip's messages in their inbox.
    const tripLink = `ridegraph://trips/${tripId}`;
    const inboxOfTrip = async (headers: Record<string, string>) =>
      ((await gql(INBOX, undefined, headers)).me.notifications.edges as { node: { type: string; title: string; link: string; readAt: string | null } }[])
        .map((e) => e.node)
        .filter((n) => n.link === tripLink);
    const riderInbox = await readUntil(
      () => inboxOfTrip(asRider),
      (list) => list.length >= 6,
      'the rider’s notifications',
    );
    expect(riderInbox.map((n) => [n.type, n.title, n.readAt]).sort()).toEqual([
      ['DRIVER_ARRIVED', 'Your driver is here', null],
      ['PAYMENT_RECEIPT', 'Your receipt', null],
      ['PAYMENT_REFUNDED', 'Partial refund issued', null],
      ['TRIP_ASSIGNED', 'Driver on the way', null],
      ['TRIP_COMPLETED', 'Trip completed', null],
      ['TRIP_STARTED', 'Trip started', null],
    ]);
    const driverInbox = await readUntil(
      () => inboxOfTrip(asDriver),
      (list) => list.length >= 2,
      'the driver’s notifications',
    );
    expect(driverInbox.map((n) => [n.type, n.title]).sort()).toEqual([
      ['TRIP_ASSIGNED', 'New trip'],
      ['TRIP_COMPLETED', 'Trip completed'],
    ]);
    const markedAll = await gql('mutation { markAllNotificationsRead { markedCount } }', undefined, asRider);
    expect(markedAll.markAllNotificationsRead.markedCount).toBeGreaterThanOrEqual(6);
    expect((await gql('{ me { unreadNotificationCount } }', undefined, asRider)).me.unreadNotificationCount).toBe(0);
  }, 180_000);
}
