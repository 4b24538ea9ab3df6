// Trips' list reads, slim: the board's page (boardPageStatement) and the per-rider / per-driver pages (pagesStatement)
// return the trips, in the order, and the values of every field GraphQL shows that Prisma's findMany returned —
// nulls, enums and timestamp ties included, for every filter combination and a keyset cursor — on PostgreSQL and on
// PGlite, and the board's statement names only those columns.
import { randomUUID } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import { migrateSubgraphs, openEmbeddedPostgres } from '../../../platform/db/index.js';
import { afterCursorWhere, newestFirst, type PageRequest } from '../../../platform/graphql/index.js';
import type { Prisma, Trip } from '../src/store/prisma/client.js';
import { boardWhere, createTripStore, type BoardFilter } from '../src/store/trip-store.js';
import { startHarness, type Harness } from './harness.js';

let postgres: Harness;
let pglite: PGlite;
let embedded: Harness;

beforeAll(async () => {
  postgres = await startHarness();
  pglite = await openEmbeddedPostgres();
  const target = { kind: 'pglite' as const, pglite };
  await migrateSubgraphs(target);
  embedded = await startHarness({}, target);
}, 60_000);

afterAll(async () => {
  await embedded?.close();
  await pglite?.close();
  await postgres?.close();
});

const FLEET_A = randomUUID();
const FLEET_B = randomUUID();
const at = (minute: number) => new Date(Date.UTC(2026, 8, 1, 12, minute, 0, 250));

/** Twelve trips over two fleets and none, mixed statuses, two pairs requested at the same instant; one full row. */
async function createTrips(h: Harness): Promise<Trip[]> {
  const statuses = ['COMPLETED', 'CANCELLED', 'REQUESTED', 'COMPLETED'] as const;
  const trips: Trip[] = [];
  for (let i = 0; i < 11; i++) {
    trips.push(
      await h.prisma.trip.create({
        data: {
          riderUserId: randomUUID(),
          category: i % 2 ? 'COMFORT' : 'ECONOMY',
          status: statuses[i % 4]!,
          currency: 'USD',
          fleetId: [FLEET_A, FLEET_B, null][i % 3]!,
          // 3 and 4, 7 and 8 tie: the id breaks the tie.
          requestedAt: at(i === 4 ? 3 : i === 8 ? 7 : i),
        },
      }),
    );
  }
  trips.push(
    await h.prisma.trip.create({
      data: {
        riderUserId: randomUUID(),
        driverId: randomUUID(),
        driverUserId: randomUUID(),
        fleetId: FLEET_A,
        vehicleId: randomUUID(),
        category: 'XL',
        status: 'CANCELLED',
        fareMinor: 1234,
        currency: 'EUR',
        distanceMeters: 5678,
        requestedAt: at(20),
        completedAt: at(50),
        pickupLatitude: 40.712_8,
        pickupLongitude: -74.006,
        dropoffLatitude: 40.739_8,
        dropoffLongitude: -73.996,
        pricingRuleId: randomUUID(),
        quoteId: randomUUID(),
        estimatedFareMinor: 1200,
        estimatedDistanceMeters: 5600,
        estimatedDurationSeconds: 900,
        surgeTenths: 15,
        durationSeconds: 1000,
        assignedAt: at(21),
        arrivedAt: at(25),
        startedAt: at(26),
        cancelledAt: at(27),
        cancelledBy: 'DRIVER',
        cancelledByUserId: randomUUID(),
        cancellationReason: 'flat tyre',
        cancellationFeeMinor: 300,
        paymentMethod: 'CARD',
        paymentCardId: randomUUID(),
      },
    }),
  );
  return trips;
}

/** What Prisma's page read gave before (all columns), less the columns no Trip field shows. */
async function prismaPage(h: Harness, page: PageRequest, filter: BoardFilter) {
  return prismaRead(h, page, boardWhere(filter));
}

async function prismaRead(h: Harness, page: PageRequest, where: Prisma.TripWhereInput) {
  const rows = await h.prisma.trip.findMany({
    where: { AND: [where, afterCursorWhere(page.after, 'requestedAt')] },
    orderBy: newestFirst('requestedAt'),
    take: page.take + 1,
  });
  return rows.map(
    ({
      quoteId: _q,
      pricingRuleId: _p,
      estimatedDistanceMeters: _d,
      estimatedDurationSeconds: _s,
      activeRiderId: _r,
      activeDriverId: _a,
      cancelledByUserId: _c,
      paymentCardId: _card,
      updatedAt: _u,
      ...shown
    }) => shown,
  );
}

const NO_FILTER: BoardFilter = { status: null, fleetIds: null, requestedAfter: null, requestedBefore: null };

describe.each([
  ['PostgreSQL', () => postgres],
  ['PGlite', () => embedded],
])('on %s', (_name, harnessOf) => {
  test('every filter combination and cursor gives the rows, order and values Prisma gave', async () => {
    const h = harnessOf();
    const trips = await createTrips(h);
    const store = createTripStore(h.prisma);
    // A cursor on the first of a tied pair: the rest of the tie comes after it only when its id is smaller.
    const tied = trips[4]!;
    const after = { at: tied.requestedAt, id: tied.id };
    const cases: [PageRequest, BoardFilter][] = [
      [{ take: 5, after: null }, NO_FILTER],
      [{ take: 5, after }, NO_FILTER],
      [
        { take: 20, after: null },
        { ...NO_FILTER, status: 'COMPLETED' },
      ],
      [
        { take: 3, after: null },
        { ...NO_FILTER, fleetIds: [FLEET_A] },
      ],
      [
        { take: 20, after: null },
        { ...NO_FILTER, fleetIds: [FLEET_A, FLEET_B], status: 'CANCELLED' },
      ],
      [
        { take: 20, after: null },
        { ...NO_FILTER, fleetIds: [] },
      ],
      [
        { take: 20, after: null },
        { ...NO_FILTER, requestedAfter: at(3), requestedBefore: at(8) },
      ],
      [
        { take: 2, after },
        { status: 'COMPLETED', fleetIds: [FLEET_A, FLEET_B], requestedAfter: at(0), requestedBefore: at(30) },
      ],
    ];
    for (const [page, filter] of cases) {
      const expected = await prismaPage(h, page, filter);
      expect({ page, filter, rows: await store.findPage(page, filter) }).toEqual({ page, filter, rows: expected });
    }
    // The cases are not vacuous: the unfiltered page is full, and the full row comes back with every value set.
    expect(await store.findPage({ take: 20, after: null }, NO_FILTER)).toHaveLength(12);
    const [full] = await store.findPage({ take: 0, after: null }, NO_FILTER);
    expect(full).toMatchObject({ id: trips[11]!.id, status: 'CANCELLED', cancelledBy: 'DRIVER', paymentMethod: 'CARD', fareMinor: 1234, completedAt: at(50) });
    expect(full).not.toHaveProperty('paymentCardId');
  });

  test("each rider's and driver's page (one statement for all) gives what Prisma gave per parent", async () => {
    const h = harnessOf();
    const [rider, otherRider, driverId, driverUserId] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const trip = (riderUserId: string, minute: number, fleetId: string | null, drivenBy: string | null) =>
      h.prisma.trip.create({
        data: { riderUserId, driverId, driverUserId: drivenBy, fleetId, category: 'ECONOMY', status: 'COMPLETED', currency: 'USD', requestedAt: at(minute) },
      });
    const trips = [
      await trip(rider, 1, FLEET_A, driverUserId),
      await trip(rider, 2, FLEET_B, null),
      await trip(rider, 2, null, driverUserId),
      await trip(rider, 4, FLEET_B, null),
      await trip(otherRider, 5, FLEET_A, null),
    ];
    const store = createTripStore(h.prisma);
    const unknown = randomUUID();
    for (const page of [
      { take: 2, after: null },
      { take: 5, after: { at: trips[2]!.requestedAt, id: trips[2]!.id } },
    ]) {
      const byRider = await store.findPagesByRiderIds([rider, otherRider, unknown], page);
      expect(Object.fromEntries(byRider)).toEqual({
        [rider]: await prismaRead(h, page, { riderUserId: rider }),
        ...(page.after ? {} : { [otherRider]: await prismaRead(h, page, { riderUserId: otherRider }) }),
      });
      const visibility = { driverUserId, fleetIds: [FLEET_A] };
      const byDriver = await store.findPagesByDriverIds([driverId], page, visibility);
      const seen = await prismaRead(h, page, { driverId, OR: [{ driverUserId }, { fleetId: { in: [FLEET_A] } }] });
      expect(seen.length).toBeGreaterThan(0);
      expect(byDriver.get(driverId)).toEqual(seen);
    }
  });
});

test("the board's page is one statement naming only the columns GraphQL shows", async () => {
  const h = postgres;
  await createTrips(h);
  const operations = await h.as(randomUUID(), ['OPERATIONS']);
  h.statements.length = 0;
  const result = await h.run<{ trips: { edges: unknown[] } }>(operations, '{ trips(first: 3) { edges { node { id status fare { amountMinor } } } } }');
  expect(result.errors).toBeUndefined();
  expect(result.data?.trips.edges).toHaveLength(3);
  const page = h.statements.filter((sql) => /from "trips"."trips"/.test(sql));
  expect(page).toHaveLength(1);
  expect(page[0]).toMatch(/^select t\.id as "id", .* order by t\.requested_at desc, t\.id desc limit \$1::int$/s);
  expect(page[0]).not.toMatch(/quote_id|payment_card_id|active_rider_id|updated_at|\*/);
});
