// Dispatch on real PostgreSQL: the nearest suitable driver gets the offer, a decline or an expiry moves it to the
// next one, no driver leaves the trip waiting until the dispatch timeout cancels it (SYSTEM). The supply read model
// is fed through the real consumer and applies newer versions only, once per event.
import { randomUUID } from 'node:crypto';
import { SUPPLY_CONSUMER } from '../src/services/supply-consumer.js';
import { cityPatches, ACCEPT, availableDriver, codes, DECLINE, newDriver, pendingOffer, requestTrip, useHarness, type Harness } from './harness.js';

const harness = useHarness();
let h: Harness;
beforeAll(() => {
  h = harness();
});

// Each test works in its own patch of the city, 15 km from the others (dispatch radius 5 km).
const area = cityPatches(15_000, 3);

test('the nearest available driver of the category gets the offer, with TRIP_OFFERED published to them', async () => {
  const pickup = area();
  const far = await availableDriver(h, { latitude: pickup.latitude + 0.02, longitude: pickup.longitude });
  const nearest = await availableDriver(h, { latitude: pickup.latitude + 0.005, longitude: pickup.longitude });
  await availableDriver(h, pickup, 'COMFORT'); // closest, but another category
  const offline = await newDriver(h);
  await h.supply(offline, { status: 'OFFLINE', position: pickup });
  const heard = h.pubsub.subscribe('TRIP_OFFERED', nearest.userId);
  await heard.ready;

  const { trip } = await requestTrip(h, pickup);

  expect(trip.status).toBe('REQUESTED');
  const offer = await pendingOffer(h, nearest);
  expect(offer).toMatchObject({ status: 'PENDING', trip: { id: trip.id, status: 'REQUESTED' } });
  expect(await pendingOffer(h, far)).toBeNull();
  const event = await heard.next();
  expect(event.value).toMatchObject({ offerId: offer!.id, tripId: trip.id, driverId: nearest.driverId });
  await heard.return();

  const row = await h.prisma.dispatchOffer.findUniqueOrThrow({ where: { id: offer!.id } });
  expect(row).toMatchObject({ pendingDriverId: nearest.driverId, pendingTripId: trip.id, status: 'PENDING' });
  expect(row.expiresAt.getTime() - row.offeredAt.getTime()).toBe(20_000);
});

test('a decline moves the trip to the next driver; the decliner is not asked again', async () => {
  const pickup = area();
  const first = await availableDriver(h, pickup);
  const second = await availableDriver(h, { latitude: pickup.latitude + 0.01, longitude: pickup.longitude });
  const { trip } = await requestTrip(h, pickup);
  const offer = (await pendingOffer(h, first))!;

  const declined = await h.run<{ declineTrip: { offer: { status: string } } }>({ headers: first.headers }, DECLINE, { id: offer.id });
  expect(declined.errors).toBeUndefined();
  expect(declined.data!.declineTrip.offer.status).toBe('DECLINED');
  expect((await pendingOffer(h, second))?.trip.id).toBe(trip.id);
  expect(await pendingOffer(h, first)).toBeNull();

  // Declining again is no longer possible; someone else's offer is not found.
  expect(codes((await h.run({ headers: first.headers }, DECLINE, { id: offer.id })).errors)).toEqual(['ILLEGAL_STATE_TRANSITION']);
  const secondOffer = (await pendingOffer(h, second))!;
  expect(codes((await h.run({ headers: first.headers }, ACCEPT, { id: secondOffer.id })).errors)).toEqual(['NOT_FOUND']);

  // The second declines too: nobody is left, the trip waits without an offer.
  await h.run({ headers: second.headers }, DECLINE, { id: secondOffer.id });
  expect(await h.prisma.dispatchOffer.count({ where: { tripId: trip.id, status: 'PENDING' } })).toBe(0);
  expect((await h.prisma.trip.findUniqueOrThrow({ where: { id: trip.id } })).status).toBe('REQUESTED');
});

test('an unanswered offer expires at the next dispatcher pass and goes to the next driver; accepting it late fails', async () => {
  const pickup = area();
  const slow = await availableDriver(h, pickup);
  const next = await availableDriver(h, { latitude: pickup.latitude + 0.01, longitude: pickup.longitude });
  const { trip } = await requestTrip(h, pickup);
  const offer = (await pendingOffer(h, slow))!;

  h.clock.advance(21_000);
  expect(codes((await h.run({ headers: slow.headers }, ACCEPT, { id: offer.id })).errors)).toEqual(['ILLEGAL_STATE_TRANSITION']);
  // The test clock runs on from where it was moved: the pass reads it once, somewhere between these two readings.
  const passFrom = h.clock.now().getTime();
  const pass = await h.built.services.dispatch.runPass();
  const passTo = h.clock.now().getTime();
  expect(pass.expiredOffers).toBeGreaterThanOrEqual(1);
  const expired = await h.prisma.dispatchOffer.findUniqueOrThrow({ where: { id: offer.id } });
  expect(expired.status).toBe('EXPIRED');
  expect((await pendingOffer(h, next))?.trip.id).toBe(trip.id);

  // The driver whose offer lapsed is told, through one offer.expired written with the expiry; a later pass adds none.
  const expiredEvents = () => h.prisma.outboxEvent.findMany({ where: { type: 'offer.expired', payload: { path: ['offerId'], equals: offer.id } } });
  const events = await expiredEvents();
  expect(events).toHaveLength(1);
  expect(events[0]!.payload).toEqual({
    offerId: offer.id,
    tripId: trip.id,
    driverId: slow.driverId,
    driverUserId: slow.userId,
    fleetId: slow.fleetId,
    offeredAt: expired.offeredAt.toISOString(),
    expiresAt: expired.expiresAt.toISOString(),
    occurredAt: expect.any(String),
  });
  const occurredAt = Date.parse((events[0]!.payload as { occurredAt: string }).occurredAt);
  expect(occurredAt).toBeGreaterThanOrEqual(passFrom);
  expect(occurredAt).toBeLessThanOrEqual(passTo);
  await h.built.services.dispatch.runPass();
  expect(await expiredEvents()).toHaveLength(1);
  const late = await h.run<{ acceptTrip: unknown }>({ headers: slow.headers }, ACCEPT, { id: offer.id });
  expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'ILLEGAL_STATE_TRANSITION', currentStatus: 'EXPIRED' });
});

test('a driver going OFFLINE (checked out, suspended) loses their pending offer at once; it cannot be accepted and goes to the next driver', async () => {
  const pickup = area();
  const suspended = await availableDriver(h, pickup);
  const next = await availableDriver(h, { latitude: pickup.latitude + 0.01, longitude: pickup.longitude });
  const { trip } = await requestTrip(h, pickup);
  const offer = (await pendingOffer(h, suspended))!;

  const event = await h.supply(suspended, { status: 'OFFLINE' });
  expect((await h.prisma.dispatchOffer.findUniqueOrThrow({ where: { id: offer.id } })).status).toBe('WITHDRAWN');
  const late = await h.run({ headers: suspended.headers }, ACCEPT, { id: offer.id });
  expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'ILLEGAL_STATE_TRANSITION', currentStatus: 'WITHDRAWN' });
  // Redelivered: handled once, nothing else withdrawn.
  await h.built.handleEvent(event);
  expect(await h.prisma.dispatchOffer.count({ where: { driverId: suspended.driverId, status: 'WITHDRAWN' } })).toBe(1);

  await h.built.services.dispatch.runPass();
  expect((await pendingOffer(h, next))?.trip.id).toBe(trip.id);
});

test('no candidate: the trip stays REQUESTED, a driver coming online later gets it, and the dispatch timeout cancels the rest', async () => {
  const pickup = area();
  const { trip } = await requestTrip(h, pickup);
  expect(await h.prisma.dispatchOffer.count({ where: { tripId: trip.id } })).toBe(0);

  // Too far away (beyond 5 km), stale position, busy: none qualifies.
  await availableDriver(h, { latitude: pickup.latitude + 0.06, longitude: pickup.longitude });
  await h.built.services.dispatch.runPass();
  expect(await h.prisma.dispatchOffer.count({ where: { tripId: trip.id } })).toBe(0);

  const late = await availableDriver(h, pickup);
  await h.built.services.dispatch.runPass();
  expect((await pendingOffer(h, late))?.trip.id).toBe(trip.id);
  await h.run({ headers: late.headers }, DECLINE, { id: (await pendingOffer(h, late))!.id });

  const updates = h.pubsub.subscribe('TRIP_UPDATED', trip.id);
  await updates.ready;
  h.clock.advance(301_000);
  const pass = await h.built.services.dispatch.runPass();
  expect(pass.cancelledTrips).toBeGreaterThanOrEqual(1);
  const cancelled = await h.prisma.trip.findUniqueOrThrow({ where: { id: trip.id } });
  expect(cancelled).toMatchObject({
    status: 'CANCELLED',
    cancelledBy: 'SYSTEM',
    cancellationReason: 'NO_DRIVER_AVAILABLE',
    cancellationFeeMinor: null,
    activeRiderId: null,
  });
  expect((await updates.next()).value).toMatchObject({ tripId: trip.id, status: 'CANCELLED' });
  await updates.return();
  const history = await h.prisma.tripStatusChange.findMany({ where: { tripId: trip.id }, orderBy: { at: 'asc' } });
  expect(history.map((c) => [c.fromStatus, c.toStatus, c.actorRole, c.actorUserId])).toEqual([
    [null, 'REQUESTED', 'RIDER', expect.any(String)],
    ['REQUESTED', 'CANCELLED', 'SYSTEM', null],
  ]);
  const event = await h.prisma.outboxEvent.findFirstOrThrow({ where: { type: 'trip.cancelled', payload: { path: ['tripId'], equals: trip.id } } });
  expect(event.payload).toMatchObject({ cancelledBy: 'SYSTEM', reason: 'NO_DRIVER_AVAILABLE', cancellationFee: null, driverId: null });
  h.clock.advance(-301_000 - 21_000);
});

describe('driver supply from driver.status.changed', () => {
  test('applies newer versions only, and each event once', async () => {
    const driver = await newDriver(h);
    const first = await h.supply(driver, { status: 'AVAILABLE', version: 2 });
    expect(await h.prisma.driverSupply.findUniqueOrThrow({ where: { driverId: driver.driverId } })).toMatchObject({
      status: 'AVAILABLE',
      version: 2,
      userId: driver.userId,
    });

    // An older version arriving late changes nothing.
    await h.supply(driver, { status: 'OFFLINE', version: 1 });
    expect(await h.prisma.driverSupply.findUniqueOrThrow({ where: { driverId: driver.driverId } })).toMatchObject({ status: 'AVAILABLE', version: 2 });

    await h.supply(driver, { status: 'ON_BREAK', version: 3, position: null });
    expect(await h.prisma.driverSupply.findUniqueOrThrow({ where: { driverId: driver.driverId } })).toMatchObject({
      status: 'ON_BREAK',
      version: 3,
      latitude: null,
    });

    // The same event delivered again is recorded once and not applied again.
    await h.built.handleEvent(first);
    expect(await h.prisma.processedEvent.count({ where: { consumer: SUPPLY_CONSUMER, eventId: first.id } })).toBe(1);
    expect((await h.prisma.driverSupply.findUniqueOrThrow({ where: { driverId: driver.driverId } })).version).toBe(3);
  });

  test('other event types are ignored', async () => {
    await h.built.handleEvent({
      id: randomUUID(),
      type: 'trip.arrived',
      source: 'trips',
      occurredAt: new Date().toISOString(),
      payload: { tripId: randomUUID(), riderUserId: randomUUID(), driverId: randomUUID(), occurredAt: new Date().toISOString() },
    });
    expect(await h.prisma.processedEvent.count({ where: { consumer: SUPPLY_CONSUMER } })).toBeGreaterThan(0);
  });
});

describe('the durable event path', () => {
  const until = async (check: () => boolean | Promise<boolean>, ms = 5000) => {
    const end = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > end) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  test('committed outbox rows reach the bus once, as envelopes from trips', async () => {
    const seen: { type: string; tripId: string; source: string }[] = [];
    const consumer = h.events.consume({
      group: `listener-${randomUUID()}`,
      types: ['trip.requested', 'trip.assigned'],
      handle: async (event) => void seen.push({ type: event.type, tripId: (event.payload as { tripId: string }).tripId, source: event.source }),
    });
    await consumer.ready;
    const pickup = area();
    const driver = await availableDriver(h, pickup);
    const { trip } = await requestTrip(h, pickup);
    await h.run({ headers: driver.headers }, ACCEPT, { id: (await pendingOffer(h, driver))!.id });
    await h.built.relay.flush();
    await until(() => seen.filter((e) => e.tripId === trip.id).length === 2);
    expect(seen.filter((e) => e.tripId === trip.id)).toEqual([
      { type: 'trip.requested', tripId: trip.id, source: 'trips' },
      { type: 'trip.assigned', tripId: trip.id, source: 'trips' },
    ]);
    await consumer.stop();
  });

  test('driver.status.changed appended to the bus updates supply through the subgraph’s own consumer', async () => {
    const driver = await newDriver(h);
    const now = h.clock.now().toISOString();
    await h.events.append([
      {
        id: randomUUID(),
        type: 'driver.status.changed',
        source: 'fleet',
        occurredAt: now,
        payload: {
          driverId: driver.driverId,
          userId: driver.userId,
          fleetId: driver.fleetId,
          status: 'AVAILABLE',
          vehicleId: driver.vehicleId,
          category: 'XL',
          position: area(),
          version: 7,
          occurredAt: now,
        },
      },
    ]);
    await until(async () => (await h.prisma.driverSupply.findUnique({ where: { driverId: driver.driverId } }))?.version === 7);
  });
});
