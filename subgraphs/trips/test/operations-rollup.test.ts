// The operations summary's rollups (migration operations_rollup): after a mix of real changes through the API —
// accepted, declined, expired and withdrawn offers, a completed trip, cancellations before and after assignment,
// trips the dispatcher gives up on, racing accepts — every rollup row equals a recomputation from trips and
// dispatch_offers, and the backfill (rebuild) gives the same rows. What a change costs in rollup rows, pinned; two
// transactions whose changes share rollup rows lock them in the same order instead of deadlocking.
import { randomUUID } from 'node:crypto';
import type { Prisma } from '../src/store/prisma/client.js';
import { ACCEPT, availableDriver, cityPatches, DECLINE, pendingOffer, requestTrip, TRIP, useHarness, type Harness } from './harness.js';

const harness = useHarness();
let h: Harness;
beforeAll(() => {
  h = harness();
});

const area = cityPatches(6_000, 7);
const NONE = '00000000-0000-0000-0000-000000000000';

const mutate = (name: string, args = '') => `mutation ($tripId: ID!) { ${name}(tripId: $tripId${args}) { trip { ${TRIP} } userErrors { code } } }`;

async function step(who: { headers: Record<string, string> }, query: string, tripId: string): Promise<void> {
  const result = await h.run<Record<string, { trip: unknown; userErrors: unknown[] }>>(who, query, { tripId });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  const payload = Object.values(result.data!)[0]!;
  if (!payload.trip) throw new Error(JSON.stringify(payload.userErrors));
}

/** A trip requested near an AVAILABLE driver and accepted by them. */
async function acceptedTrip() {
  const pickup = area();
  const driver = await availableDriver(h, pickup);
  const { trip, rider } = await requestTrip(h, pickup);
  const offer = (await pendingOffer(h, driver))!;
  const tripId = trip.id;
  const accepted = await h.run({ headers: driver.headers }, ACCEPT, { id: offer.id });
  if (accepted.errors) throw new Error(JSON.stringify(accepted.errors));
  return { tripId, rider, driver };
}

const query = <T>(sql: string) => h.prisma.$queryRawUnsafe<T[]>(sql);

/** The rollups' rows that hold anything (a bucket a trip moved out of stays as zeros), in key order, as text. */
const rollups = async () => ({
  hours: await query(
    `select hour, fleet_id::text as fleet, pricing_rule_id::text as rule, currency::text, status::text, trips, cancelled_by_rider as rider,
            cancelled_by_driver as driver, cancelled_by_operations as operations, cancelled_by_system as system,
            revenue_minor::text as revenue, pickups, pickup_ms::text as "pickupMs", on_trip_ms::text as "onTripMs"
     from "trips".trip_hourly_rollup
     where trips <> 0 or cancelled_by_rider <> 0 or cancelled_by_driver <> 0 or cancelled_by_operations <> 0 or cancelled_by_system <> 0
        or revenue_minor <> 0 or pickups <> 0 or pickup_ms <> 0 or on_trip_ms <> 0
     order by 1, 2, 3, 4, 5`,
  ),
  driverDays: await query(
    `select day, fleet_id::text as fleet, pricing_rule_id::text as rule, driver_id::text as driver, trips
     from "trips".trip_driver_day_rollup where trips <> 0 order by 1, 2, 3, 4`,
  ),
  offers: await query(
    `select hour, fleet_id::text as fleet, pricing_rule_id::text as rule, made, accepted, answered
     from "trips".offer_hourly_rollup where made <> 0 or accepted <> 0 or answered <> 0 order by 1, 2, 3`,
  ),
});

/** The same rows computed from trips and dispatch_offers with plain GROUP BYs (not the share functions). */
const recomputed = async () => ({
  hours: await query(
    `select date_trunc('hour', requested_at at time zone 'UTC') at time zone 'UTC' as hour, coalesce(fleet_id, '${NONE}')::text as fleet,
            coalesce(pricing_rule_id, '${NONE}')::text as rule, currency::text, status::text, count(*)::int as trips,
            (count(*) filter (where cancelled_by = 'RIDER'))::int as rider, (count(*) filter (where cancelled_by = 'DRIVER'))::int as driver,
            (count(*) filter (where cancelled_by = 'OPERATIONS'))::int as operations, (count(*) filter (where cancelled_by = 'SYSTEM'))::int as system,
            (coalesce(sum(fare_minor) filter (where status = 'COMPLETED'), 0) + coalesce(sum(cancellation_fee_minor) filter (where status = 'CANCELLED'), 0))::text as revenue,
            count(arrived_at)::int as pickups,
            coalesce(sum(extract(epoch from arrived_at - requested_at) * 1000), 0)::bigint::text as "pickupMs",
            coalesce(sum(extract(epoch from coalesce(completed_at, cancelled_at) - assigned_at) * 1000), 0)::bigint::text as "onTripMs"
     from "trips".trips group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`,
  ),
  driverDays: await query(
    `select date_trunc('day', requested_at at time zone 'UTC') at time zone 'UTC' as day, coalesce(fleet_id, '${NONE}')::text as fleet,
            coalesce(pricing_rule_id, '${NONE}')::text as rule, driver_id::text as driver, count(*)::int as trips
     from "trips".trips where driver_id is not null group by 1, 2, 3, 4 order by 1, 2, 3, 4`,
  ),
  offers: await query(
    `select date_trunc('hour', o.offered_at at time zone 'UTC') at time zone 'UTC' as hour, o.fleet_id::text as fleet,
            coalesce(t.pricing_rule_id, '${NONE}')::text as rule, count(*)::int as made,
            (count(*) filter (where o.status = 'ACCEPTED'))::int as accepted,
            (count(*) filter (where o.status in ('ACCEPTED', 'DECLINED', 'EXPIRED')))::int as answered
     from "trips".dispatch_offers o join "trips".trips t on t.id = o.trip_id group by 1, 2, 3 order by 1, 2, 3`,
  ),
});

test('after a mix of changes through the API the rollups equal a recomputation from the rows, and so does the backfill', async () => {
  const ops = await h.as(randomUUID(), ['OPERATIONS']);
  // completed
  const done = await acceptedTrip();
  await step({ headers: done.driver.headers }, mutate('arriveAtPickup'), done.tripId);
  await step({ headers: done.driver.headers }, mutate('startTrip'), done.tripId);
  await step({ headers: done.driver.headers }, mutate('completeTrip', ', distanceMeters: 4200'), done.tripId);
  // cancelled after assignment: by the driver, and by the rider after the driver arrived (a fee)
  const dropped = await acceptedTrip();
  await step({ headers: dropped.driver.headers }, mutate('cancelTrip', ', reason: "VEHICLE_PROBLEM"'), dropped.tripId);
  const late = await acceptedTrip();
  await step({ headers: late.driver.headers }, mutate('arriveAtPickup'), late.tripId);
  h.clock.advance(5 * 60_000);
  await step(late.rider, mutate('cancelTrip'), late.tripId);
  // declined, then the offer to the next driver expires; operations cancel the trip (its pending offer is withdrawn)
  const pickup = area();
  const first = await availableDriver(h, pickup);
  const unlucky = (await requestTrip(h, pickup)).trip.id;
  const second = await availableDriver(h, pickup);
  const declined = await h.run({ headers: first.headers }, DECLINE, { id: (await pendingOffer(h, first))!.id });
  expect(declined.errors).toBeUndefined();
  await h.built.services.dispatch.runPass();
  expect((await pendingOffer(h, second))!.trip.id).toBe(unlucky);
  h.clock.advance(21_000);
  await h.built.services.dispatch.runPass();
  const third = await availableDriver(h, pickup);
  await h.built.services.dispatch.runPass();
  expect((await pendingOffer(h, third))!.trip.id).toBe(unlucky);
  await step(ops, mutate('cancelTrip', ', reason: "DUPLICATE"'), unlucky);
  // nobody near: the dispatcher gives up after the dispatch timeout (SYSTEM)
  const lonely = await requestTrip(h, area());
  // two riders' trips accepted at the same moment by their drivers
  const racing = await Promise.all(
    [0, 1].map(async () => {
      const spot = area();
      const driver = await availableDriver(h, spot);
      const { trip } = await requestTrip(h, spot);
      return { driver, offerId: (await pendingOffer(h, driver))!.id, tripId: trip.id };
    }),
  );
  const accepts = await Promise.all(racing.map((r) => h.run({ headers: r.driver.headers }, ACCEPT, { id: r.offerId })));
  expect(accepts.map((a) => a.errors)).toEqual([undefined, undefined]);
  h.clock.advance(301_000);
  await h.built.services.dispatch.runPass();
  expect((await h.prisma.trip.findUniqueOrThrow({ where: { id: lonely.trip.id } })).cancelledBy).toBe('SYSTEM');

  const statuses = await query<{ status: string; n: number }>(`select status::text, count(*)::int as n from "trips".trips group by 1 order by 1`);
  expect(statuses).toEqual([
    { status: 'CANCELLED', n: 4 },
    { status: 'COMPLETED', n: 1 },
    { status: 'DRIVER_ASSIGNED', n: 2 },
  ]);
  const offerStatuses = await query<{ status: string; n: number }>(
    `select status::text, count(*)::int as n from "trips".dispatch_offers group by 1 order by 1`,
  );
  expect(offerStatuses).toEqual([
    { status: 'ACCEPTED', n: 5 },
    { status: 'DECLINED', n: 1 },
    { status: 'EXPIRED', n: 1 },
    { status: 'WITHDRAWN', n: 1 },
  ]);

  const expected = await recomputed();
  expect(expected.hours.length).toBeGreaterThan(0);
  expect(await rollups()).toEqual(expected);
  await h.prisma.$executeRawUnsafe('select "trips".rebuild_operations_rollups()');
  expect(await rollups()).toEqual(expected);
});

/**
 * Rows inserted or updated in each rollup as this connection's statistics count them so far (they may still hold
 * earlier transactions' counts not flushed yet: compare two readings in one transaction).
 */
async function rollupRowsWritten(tx: Prisma.TransactionClient): Promise<Record<string, number>> {
  const rows = await tx.$queryRawUnsafe<{ table: string; written: number }[]>(
    `select relname as table, (n_tup_ins + n_tup_upd)::int as written from pg_stat_xact_user_tables
     where schemaname = 'trips' and relname in ('trip_hourly_rollup', 'trip_driver_day_rollup', 'offer_hourly_rollup')`,
  );
  return Object.fromEntries(rows.map((r) => [r.table, r.written]));
}

test('what a change costs: rollup rows written by each kind of change (the application sends no statement for them)', async () => {
  const pickup = area();
  const driver = await availableDriver(h, pickup);
  h.statements.length = 0;
  const tripId = (await requestTrip(h, pickup)).trip.id;
  const offer = (await pendingOffer(h, driver))!;
  expect(h.statements.filter((sql) => /rollup/i.test(sql))).toEqual([]);
  const costOf = async (change: (tx: Prisma.TransactionClient) => Promise<unknown>) =>
    h.prisma
      .$transaction(async (tx) => {
        const before = await rollupRowsWritten(tx);
        await change(tx);
        const after = await rollupRowsWritten(tx);
        const written = Object.fromEntries(Object.entries(after).map(([table, n]) => [table, n - (before[table] ?? 0)]));
        // leave the database as it was: the cost is the same whichever order the cases run in
        throw Object.assign(new Error('rollback'), { written });
      })
      .catch((error: { written?: Record<string, number> }) => {
        if (!error.written) throw error;
        return error.written;
      });
  const zero = { trip_hourly_rollup: 0, trip_driver_day_rollup: 0, offer_hourly_rollup: 0 };
  // accepting: the offer's hour (accepted, answered), the trip's old and new hour bucket, the driver's day
  expect(
    await costOf(async (tx) => {
      await tx.dispatchOffer.update({ where: { id: offer.id }, data: { status: 'ACCEPTED', pendingDriverId: null, pendingTripId: null } });
      await tx.trip.update({
        where: { id: tripId },
        data: { status: 'DRIVER_ASSIGNED', driverId: driver.driverId, driverUserId: driver.userId, fleetId: driver.fleetId, assignedAt: new Date() },
      });
    }),
  ).toEqual({ ...zero, offer_hourly_rollup: 1, trip_hourly_rollup: 2, trip_driver_day_rollup: 1 });
  // a status change without a driver: two buckets of one hour
  expect(await costOf((tx) => tx.trip.update({ where: { id: tripId }, data: { status: 'CANCELLED', cancelledBy: 'RIDER', cancelledAt: new Date() } }))).toEqual(
    {
      ...zero,
      trip_hourly_rollup: 2,
    },
  );
  // a withdrawn offer changes no number: nothing written
  expect(
    await costOf((tx) => tx.dispatchOffer.update({ where: { id: offer.id }, data: { status: 'WITHDRAWN', pendingDriverId: null, pendingTripId: null } })),
  ).toEqual(zero);
  // a write the summary does not see (no column it reads): nothing written
  expect(await costOf((tx) => tx.trip.update({ where: { id: tripId }, data: { distanceMeters: 1234 } }))).toEqual(zero);
});

test('two transactions whose changes share rollup rows: each statement locks them in key order, so they queue, not deadlock', async () => {
  const rule = (await h.prisma.pricingRule.findFirstOrThrow({ where: { category: 'ECONOMY', city: { name: 'Metro City' } } })).id;
  const hour1 = new Date('2026-03-01T08:10:00Z');
  const hour2 = new Date('2026-03-01T09:10:00Z');
  const requested = (requestedAt: Date): Prisma.TripCreateManyInput => ({
    id: randomUUID(),
    riderUserId: randomUUID(),
    category: 'ECONOMY',
    currency: 'USD',
    pricingRuleId: rule,
    requestedAt,
  });
  const [a, b, c, d] = [requested(hour1), requested(hour2), requested(hour2), requested(hour1)];
  await h.prisma.trip.createMany({ data: [a, b, c, d] });
  const cancel = `update "trips".trips set status = 'CANCELLED', cancelled_by = 'SYSTEM', cancelled_at = requested_at + interval '5 minutes' where id = any($1::uuid[])`;
  const waitingForLock = async () => {
    for (let i = 0; i < 200; i++) {
      const [row] = await query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
      );
      if (row!.n > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('the second transaction never waited');
  };
  let second: Promise<unknown> | null = null;
  // First: hour 1's rows (trip A), then — while the second waits — hour 2's rows (trip C).
  await h.prisma.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(cancel, [a.id]);
      // Second, one statement over B (hour 2) and D (hour 1): it must wait for hour 1 before taking hour 2.
      // (then(): a Prisma query is sent only once something waits for it)
      second = h.prisma.$executeRawUnsafe(cancel, [b.id, d.id]).then((count) => count);
      await waitingForLock();
      await tx.$executeRawUnsafe(cancel, [c.id]);
    },
    { timeout: 20_000 },
  );
  await expect(second).resolves.toBe(2);
  const expected = await recomputed();
  expect(await rollups()).toEqual(expected);
  const cancelled = await query<{ hour: Date; trips: number; system: number }>(
    `select hour, trips, cancelled_by_system as system from "trips".trip_hourly_rollup
     where pricing_rule_id = '${rule}' and hour in ('2026-03-01T08:00:00Z', '2026-03-01T09:00:00Z') and status = 'CANCELLED' order by hour`,
  );
  expect(cancelled).toEqual([
    { hour: new Date('2026-03-01T08:00:00Z'), trips: 2, system: 2 },
    { hour: new Date('2026-03-01T09:00:00Z'), trips: 2, system: 2 },
  ]);
});
