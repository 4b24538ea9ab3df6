// trips' part of rider payments: the payment choice at request (stored, shown as Trip.paymentMethod, carried in
// trip.requested/completed/cancelled), its validation, the refusal of riders who owe money (fed by payments'
// rider.balance_due.changed, idempotent and order-proof), and what trip.completed and trip.cancelled tell payments.
import { randomUUID } from 'node:crypto';
import type { AnyEventEnvelope, EventPoint } from '../../../platform/events/index.js';
import { BALANCE_CONSUMER } from '../src/services/balance-consumer.js';
import { ACCEPT, availableDriver, cityPatches, pendingOffer, useHarness, type Harness } from './harness.js';

const harness = useHarness();
let h: Harness;
beforeAll(() => {
  h = harness();
});

/** A fresh patch of the city for each scenario, 6 km from the others (dispatch radius 5 km, drivers at the pickup). */
const area = cityPatches(6_000, 7);

const REQUEST_PAYING = `mutation ($input: RequestTripInput!) {
  requestTrip(input: $input) { trip { id status paymentMethod } userErrors { field message code } }
}`;
const TRIP_AS_SEEN = `query ($id: ID!) { trip(id: $id) { id paymentMethod } }`;

interface RequestResult {
  trip: { id: string; status: string; paymentMethod: string | null } | null;
  userErrors: { field: string[] | null; message: string; code: string }[];
}

const rideFrom = (pickup: EventPoint) => ({ pickup, dropoff: { latitude: pickup.latitude + 0.027, longitude: pickup.longitude }, category: 'ECONOMY' });

/** requestTrip as `riderUserId` from a fresh patch, with `payment` (undefined: the field omitted). */
async function request(payment: unknown, riderUserId: string = randomUUID(), pickup: EventPoint = area()) {
  const rider = await h.as(riderUserId, ['RIDER']);
  const input = payment === undefined ? rideFrom(pickup) : { ...rideFrom(pickup), payment };
  const result = await h.run<{ requestTrip: RequestResult }>(rider, REQUEST_PAYING, { input });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return { rider, riderUserId, ...result.data!.requestTrip };
}

const eventPayload = async (type: string, tripId: string) =>
  (await h.prisma.outboxEvent.findFirstOrThrow({ where: { type, payload: { path: ['tripId'], equals: tripId } } })).payload as Record<string, unknown>;
const tripsOf = (riderUserId: string) => h.prisma.trip.count({ where: { riderUserId } });

let sequence = 0;
/** A rider.balance_due.changed envelope as payments emits it (a fresh event id each time). */
function balanceEvent(userId: string, amountMinor: number, seq: number = ++sequence): Extract<AnyEventEnvelope, { type: 'rider.balance_due.changed' }> {
  const occurredAt = h.clock.now().toISOString();
  return {
    id: randomUUID(),
    type: 'rider.balance_due.changed',
    source: 'payments',
    occurredAt,
    payload: { userId, due: { amountMinor, currency: 'USD' }, sequence: seq, occurredAt },
  };
}
const dueRow = (userId: string) => h.prisma.riderBalanceDue.findUnique({ where: { userId } });

describe('the payment choice at request', () => {
  test.each([
    ['CARD', { method: 'CARD', cardId: '3f2a7c1e-9b4d-4e8a-8c6f-1d2e3f4a5b6c' }],
    ['WALLET', { method: 'WALLET' }],
    ['CASH', { method: 'CASH', cardId: null }],
  ])('%s is stored, shown as Trip.paymentMethod and carried in trip.requested', async (method, payment) => {
    const cardId = method === 'CARD' ? (payment as { cardId: string }).cardId : null;
    const { trip, userErrors, rider } = await request(payment);
    expect(userErrors).toEqual([]);
    expect(trip).toMatchObject({ status: 'REQUESTED', paymentMethod: method });
    expect(await h.prisma.trip.findUniqueOrThrow({ where: { id: trip!.id } })).toMatchObject({ paymentMethod: method, paymentCardId: cardId });
    expect((await h.run<{ trip: { paymentMethod: string } }>(rider, TRIP_AS_SEEN, { id: trip!.id })).data!.trip.paymentMethod).toBe(method);
    expect((await eventPayload('trip.requested', trip!.id)).payment).toEqual({ method, cardId });
  });

  test('omitted (or null): no choice stored, paymentMethod null, the event says payment null (the default at settlement)', async () => {
    for (const payment of [undefined, null]) {
      const { trip, userErrors } = await request(payment);
      expect(userErrors).toEqual([]);
      expect(trip!.paymentMethod).toBeNull();
      expect(await h.prisma.trip.findUniqueOrThrow({ where: { id: trip!.id } })).toMatchObject({ paymentMethod: null, paymentCardId: null });
      expect((await eventPayload('trip.requested', trip!.id)).payment).toBeNull();
    }
  });

  test.each([
    ['CARD without a card id', { method: 'CARD' }],
    ['CARD with a null card id', { method: 'CARD', cardId: null }],
    ['CARD with a card id that is not an id', { method: 'CARD', cardId: 'pm_123' }],
    ['WALLET with a card id', { method: 'WALLET', cardId: '3f2a7c1e-9b4d-4e8a-8c6f-1d2e3f4a5b6c' }],
    ['CASH with a card id', { method: 'CASH', cardId: '3f2a7c1e-9b4d-4e8a-8c6f-1d2e3f4a5b6c' }],
  ])('%s: INVALID_PAYMENT at input.payment.cardId, no trip', async (_case, payment) => {
    const { trip, userErrors, riderUserId } = await request(payment);
    expect(trip).toBeNull();
    expect(userErrors).toEqual([{ code: 'INVALID_PAYMENT', field: ['input', 'payment', 'cardId'], message: expect.any(String) }]);
    expect(await tripsOf(riderUserId)).toBe(0);
  });

  test('an unknown method is refused by GraphQL validation before trips runs', async () => {
    const rider = await h.as(randomUUID(), ['RIDER']);
    const result = await h.run(rider, REQUEST_PAYING, { input: { ...rideFrom(area()), payment: { method: 'BITCOIN' } } });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  test('the driver sees how the rider pays (to collect cash); trip.completed carries the choice, city and category', async () => {
    const pickup = area();
    const driver = await availableDriver(h, pickup);
    const { trip } = await request({ method: 'CASH' }, randomUUID(), pickup);
    await h.run({ headers: driver.headers }, ACCEPT, { id: (await pendingOffer(h, driver))!.id });
    const seen = await h.run<{ trip: { paymentMethod: string } }>({ headers: driver.headers }, TRIP_AS_SEEN, { id: trip!.id });
    expect(seen.data!.trip.paymentMethod).toBe('CASH');

    for (const step of ['arriveAtPickup', 'startTrip']) {
      const moved = await h.run({ headers: driver.headers }, `mutation ($id: ID!) { ${step}(tripId: $id) { trip { id } } }`, { id: trip!.id });
      expect(moved.errors).toBeUndefined();
    }
    const completed = await h.run({ headers: driver.headers }, `mutation ($id: ID!) { completeTrip(tripId: $id, distanceMeters: 2000) { trip { id } } }`, {
      id: trip!.id,
    });
    expect(completed.errors).toBeUndefined();
    expect(await eventPayload('trip.completed', trip!.id)).toMatchObject({
      driverId: driver.driverId,
      driverUserId: driver.userId,
      fleetId: driver.fleetId,
      city: 'Metro City',
      category: 'ECONOMY',
      payment: { method: 'CASH', cardId: null },
    });
  });
});

describe('what trip.cancelled tells payments', () => {
  const CANCEL = `mutation ($id: ID!) { cancelTrip(tripId: $id, reason: "changed plans") { trip { id status } userErrors { code } } }`;

  test('cancelled by the driver after assignment: the driver, their fleet, the city, the category and the choice', async () => {
    const pickup = area();
    const driver = await availableDriver(h, pickup);
    const cardId = randomUUID();
    const { trip } = await request({ method: 'CARD', cardId }, randomUUID(), pickup);
    await h.run({ headers: driver.headers }, ACCEPT, { id: (await pendingOffer(h, driver))!.id });
    const cancelled = await h.run({ headers: driver.headers }, CANCEL, { id: trip!.id });
    expect(cancelled.errors).toBeUndefined();
    expect(await eventPayload('trip.cancelled', trip!.id)).toMatchObject({
      driverId: driver.driverId,
      driverUserId: driver.userId,
      fleetId: driver.fleetId,
      cancelledBy: 'DRIVER',
      cancellationFee: null,
      city: 'Metro City',
      category: 'ECONOMY',
      payment: { method: 'CARD', cardId },
    });
  });

  test('cancelled by the rider before assignment: no driver, no fleet, still the city', async () => {
    const { trip, rider } = await request({ method: 'WALLET' });
    const cancelled = await h.run(rider, CANCEL, { id: trip!.id });
    expect(cancelled.errors).toBeUndefined();
    expect(await eventPayload('trip.cancelled', trip!.id)).toMatchObject({
      driverId: null,
      driverUserId: null,
      fleetId: null,
      cancelledBy: 'RIDER',
      city: 'Metro City',
      category: 'ECONOMY',
      payment: { method: 'WALLET', cardId: null },
    });
  });

  test('cancelled by the dispatcher (no driver in time): SYSTEM, with the city', async () => {
    const { trip } = await request(undefined);
    h.clock.advance(301_000); // past the dispatch timeout (300 s in the tests)
    try {
      await h.built.services.dispatch.runPass();
    } finally {
      h.clock.advance(-301_000);
    }
    expect(await eventPayload('trip.cancelled', trip!.id)).toMatchObject({ cancelledBy: 'SYSTEM', driverUserId: null, city: 'Metro City', payment: null });
  });
});

describe('riders who owe money', () => {
  test('refused with BALANCE_DUE while the due is above 0, accepted again once it is 0', async () => {
    const riderUserId = randomUUID();
    await h.built.handleBalanceEvent(balanceEvent(riderUserId, 1250));
    const refused = await request({ method: 'CASH' }, riderUserId);
    expect(refused.trip).toBeNull();
    expect(refused.userErrors).toEqual([{ code: 'BALANCE_DUE', field: null, message: expect.any(String) }]);
    expect(await tripsOf(riderUserId)).toBe(0);

    await h.built.handleBalanceEvent(balanceEvent(riderUserId, 0));
    const accepted = await request({ method: 'CASH' }, riderUserId);
    expect(accepted.userErrors).toEqual([]);
    expect(accepted.trip).toMatchObject({ status: 'REQUESTED' });
  });

  test('a rider payments never reported on owes nothing', async () => {
    expect((await request(undefined)).userErrors).toEqual([]);
  });

  test('an older sequence delivered after a newer one changes nothing', async () => {
    const riderUserId = randomUUID();
    await h.built.handleBalanceEvent(balanceEvent(riderUserId, 0, 10));
    await h.built.handleBalanceEvent(balanceEvent(riderUserId, 900, 9));
    expect(await dueRow(riderUserId)).toMatchObject({ dueMinor: 0n, sequence: 10n });
    expect((await request(undefined, riderUserId)).userErrors).toEqual([]);
  });

  test('the same event delivered twice is applied once', async () => {
    const riderUserId = randomUUID();
    const owes = balanceEvent(riderUserId, 400, 20);
    await h.built.handleBalanceEvent(owes);
    await h.built.handleBalanceEvent(balanceEvent(riderUserId, 0, 21));
    await h.built.handleBalanceEvent(owes);
    expect(await h.prisma.processedEvent.count({ where: { consumer: BALANCE_CONSUMER, eventId: owes.id } })).toBe(1);
    expect(await dueRow(riderUserId)).toMatchObject({ dueMinor: 0n, sequence: 21n });
  });

  test('other event types are ignored by the balance handler', async () => {
    const driverEvent: AnyEventEnvelope = {
      id: randomUUID(),
      type: 'trip.arrived',
      source: 'trips',
      occurredAt: new Date().toISOString(),
      payload: { tripId: randomUUID(), riderUserId: randomUUID(), driverId: randomUUID(), occurredAt: new Date().toISOString() },
    };
    await h.built.handleBalanceEvent(driverEvent);
    expect(await h.prisma.processedEvent.count({ where: { consumer: BALANCE_CONSUMER, eventId: driverEvent.id } })).toBe(0);
  });

  test('rider.balance_due.changed appended to the bus reaches the subgraph’s own consumer (group trips.balances)', async () => {
    const riderUserId = randomUUID();
    await h.events.append([balanceEvent(riderUserId, 300)]);
    const end = Date.now() + 5000;
    while (!(await dueRow(riderUserId))) {
      if (Date.now() > end) throw new Error('timed out waiting for the balance consumer');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await dueRow(riderUserId)).toMatchObject({ dueMinor: 300n, currency: 'USD' });
    expect((await request(undefined, riderUserId)).userErrors.map((e) => e.code)).toEqual(['BALANCE_DUE']);
  });
});
