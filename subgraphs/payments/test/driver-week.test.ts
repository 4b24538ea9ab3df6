// A driver's week, simulated with an injectable clock on PostgreSQL (issue 12's proof): a driver on a weekly rental
// plan with a deposit taken from earnings completes a card trip and a cash trip every day, hands in the day's cash at
// each check-out — one day 150 short — and is paid out at the end (the batch submitted twice). A model of the rules written here (not the code's)
// predicts every balance, Driver.earnings, the shift differences, and the ledger sums to zero.
//
// Trip completions and shifts carry simulated instants (their events say when they happened); the rent job runs
// on the simulated clock. Postings are stamped by the database's clock, so `earnings` is read over the real window
// the test ran in.
/* eslint-disable @typescript-eslint/no-explicit-any -- responses are read loosely and pinned field by field */
import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '../../../platform/events/index.js';
import { DevelopmentPaymentProvider } from '../src/providers/development-provider.js';
import { balanceOf, completed, ledgerInvariants, startPaymentsFixture, type PaymentsFixture, type TripParty } from './support/payments-fixture.js';
import { balance, CREATE_PLAN, DAY, driverChanged, HOUR, newDriver, planInput, testClock, type TestDriver } from './support/rental-fixture.js';

const MONDAY = Date.parse('2026-03-02T06:00:00.000Z');
const clock = testClock(new Date(MONDAY).toISOString());
const WEEKLY_RENT = 3_500;
const DEPOSIT = 2_000;
const SHORT_DAY = 3;
const SHORT_BY = 150;

/** The rules as the issue and MONEY.md state them: the platform keeps 20 % (floored), the driver the rest. */
const commission = (fare: number) => Math.floor((fare * 2_000) / 10_000);
const net = (fare: number) => fare - commission(fare);
const cardFare = (day: number) => 1_000 + 37 * day;
const cashFare = (day: number) => 800 + 23 * day;
const deposited = (day: number) => cashFare(day) - (day === SHORT_DAY ? SHORT_BY : 0);
const DAYS = [0, 1, 2, 3, 4, 5, 6];

let f: PaymentsFixture;
/** The development provider, its webhooks handled in-process as the route would. */
let provider: DevelopmentPaymentProvider;
let payoutBatch: any;
let driver: TestDriver;
let riderUserId: string;
let cardId: string;
const realStart = new Date();
const ops = () => f.as(randomUUID(), ['OPERATIONS']);

async function gql(query: string, variables: Record<string, unknown>, who: { headers: Record<string, string> }): Promise<any> {
  const result = await f.api.execute<any>(query, variables, { headers: who.headers });
  expect(result.errors).toBeUndefined();
  return result.data;
}

const at = (day: number, hour: number) => new Date(MONDAY + day * DAY + (hour - 6) * HOUR);

function trip(day: number, hour: number, fare: number, method: 'CARD' | 'CASH'): EventEnvelope<'trip.completed'> {
  const party: TripParty = { tripId: randomUUID(), riderUserId, driverUserId: driver.userId, driverId: driver.driverId, fleetId: driver.fleetId };
  const event = completed(party, fare, { method, cardId: method === 'CARD' ? cardId : null });
  const when = at(day, hour).toISOString();
  return { ...event, occurredAt: when, payload: { ...event.payload, occurredAt: when } };
}

function checkOut(day: number, attendanceId: string): EventEnvelope<'shift.checked_out'> {
  const when = at(day, 16).toISOString();
  return {
    id: randomUUID(),
    type: 'shift.checked_out',
    source: 'fleet',
    occurredAt: when,
    payload: {
      attendanceId,
      driverId: driver.driverId,
      driverUserId: driver.userId,
      fleetId: driver.fleetId,
      checkedInAt: at(day, 8).toISOString(),
      checkedOutAt: when,
      cashDeposited: { amountMinor: deposited(day), currency: 'USD' },
      occurredAt: when,
    },
  };
}

beforeAll(async () => {
  provider = new DevelopmentPaymentProvider({
    webhookSecret: 'whsec_test_week',
    webhookDelayMs: 10,
    webhookRetryDelayMs: 10,
    deliver: async (body) => {
      await f.built.services.handleWebhook(provider.verifyWebhook(body, provider.signWebhook(body)));
    },
  });
  f = await startPaymentsFixture({ now: clock.now, provider });
  driver = newDriver();
  await driverChanged(f, driver, { vehicleId: randomUUID(), category: 'ECONOMY' });
  riderUserId = randomUUID();
  const saved = await gql(`mutation { addCard(input: { providerToken: "tok_visa" }) { paymentMethods { id type } } }`, {}, await f.as(riderUserId, ['RIDER']));
  cardId = saved.addCard.paymentMethods.find((m: { type: string }) => m.type === 'CARD').id;

  // Monday 06:00: operations put the driver on a weekly plan whose deposit comes from earnings.
  const asOps = await ops();
  const plan = await gql(
    CREATE_PLAN,
    {
      input: planInput({
        name: 'Economy weekly',
        period: 'WEEKLY',
        rent: { amountMinor: WEEKLY_RENT, currency: 'USD' },
        deposit: { amountMinor: DEPOSIT, currency: 'USD' },
        depositCollection: 'FROM_EARNINGS',
        validFrom: '2026-03-01T00:00:00.000Z',
      }),
    },
    asOps,
  );
  expect(plan.createRentalPlan.userErrors).toEqual([]);
  const assigned = await gql(
    `mutation ($input: AssignRentalPlanInput!) { assignRentalPlan(input: $input) { userErrors { code } } }`,
    { input: { driverId: driver.driverId, planId: plan.createRentalPlan.plan.id } },
    asOps,
  );
  expect(assigned.assignRentalPlan.userErrors).toEqual([]);

  // The week: the rent job runs every few hours (on the simulated clock); a card and a cash trip per day.
  for (const day of DAYS) {
    clock.set(at(day, 7));
    await f.built.services.rent.accrueDue();
    await f.built.services.settleTripEvent(trip(day, 9, cardFare(day), 'CARD'));
    await f.built.services.charger.drain();
    await f.built.services.settleTripEvent(trip(day, 11, cashFare(day), 'CASH'));
    clock.set(at(day, 16));
    await f.built.services.handleShiftCheckedOut(checkOut(day, randomUUID()));
    await f.built.services.rent.accrueDue();
  }

  // Sunday evening: the driver has a bank account on file; operations pay the fleet out.
  clock.set(at(6, 18));
  const destination = await gql(
    `mutation { setPayoutDestination(input: { accountHolderName: "Week Driver", accountNumber: "GB82WEST12345698765432", country: "GB" }) { userErrors { code } } }`,
    {},
    await f.as(driver.userId, ['DRIVER']),
  );
  expect(destination.setPayoutDestination.userErrors).toEqual([]);
  const created = await gql(
    `mutation ($i: CreatePayoutBatchInput!) { createPayoutBatch(input: $i) { batch { id } userErrors { code } } }`,
    { i: { fleetId: driver.fleetId, idempotencyKey: 'week-1' } },
    asOps,
  );
  expect(created.createPayoutBatch.userErrors).toEqual([]);
  const submit = () =>
    gql(
      `mutation ($b: ID!) { submitPayoutBatch(batchId: $b, idempotencyKey: "week-1-submit") { batch { id status } userErrors { code } } }`,
      { b: created.createPayoutBatch.batch.id },
      asOps,
    );
  await submit();
  await submit(); // submitted twice: nothing doubled
  await f.built.services.payouts.sender.drain();
  await provider.webhooksSettled();
  payoutBatch = (
    await gql(
      `query ($b: ID!) { payoutBatch(id: $b) { status itemCount total { amountMinor } paid { amountMinor } } }`,
      { b: created.createPayoutBatch.batch.id },
      asOps,
    )
  ).payoutBatch;
}, 120_000);
afterAll(async () => {
  provider?.close();
  await f?.stop();
});

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const model = {
  gross: sum(DAYS.map((d) => cardFare(d) + cashFare(d))),
  commission: sum(DAYS.map((d) => commission(cardFare(d)) + commission(cashFare(d)))),
  net: sum(DAYS.map((d) => net(cardFare(d)) + net(cashFare(d)))),
  cash: sum(DAYS.map(cashFare)),
  handedIn: sum(DAYS.map(deposited)),
  card: sum(DAYS.map(cardFare)),
};
/** One weekly period started in the week (Monday 06:00; the next starts the following Monday). */
const earningsBeforePayout = model.net - WEEKLY_RENT - DEPOSIT;
/** A payout pays earnings plus cash held (the 150 the driver still holds is netted), never below 0. */
const payout = Math.max(0, earningsBeforePayout - SHORT_BY);

test('the model is not trivial: the driver has something to be paid', () => {
  expect(payout).toBeGreaterThan(0);
});

test('the payout batch paid the driver exactly the payable balance, once, though submitted twice', () => {
  expect(payoutBatch).toEqual({ status: 'COMPLETED', itemCount: 1, total: { amountMinor: payout }, paid: { amountMinor: payout } });
});

test('every balance after the week and its payout is the model’s: earnings, cash held, deposit, rent income, fleet cash, revenue, provider clearing; the ledger sums to zero', async () => {
  expect(await balance(f.prisma, 'DRIVER_EARNINGS', driver.userId)).toBe(earningsBeforePayout - payout);
  expect(await balance(f.prisma, 'DRIVER_CASH_HELD', driver.userId)).toBe(-SHORT_BY);
  expect(await balance(f.prisma, 'DRIVER_DEPOSIT', driver.userId)).toBe(DEPOSIT);
  expect(await balance(f.prisma, 'RENT_INCOME', driver.fleetId)).toBe(WEEKLY_RENT);
  const fleetCash = await f.prisma.ledgerAccount.findFirst({ where: { kind: 'FLEET_CASH', ownerId: driver.fleetId } });
  expect(Number(fleetCash?.balanceMinor)).toBe(-model.handedIn);
  expect(await balanceOf(f.prisma, 'PLATFORM_REVENUE', null)).toBe(model.commission);
  expect(await balanceOf(f.prisma, 'PROVIDER_CLEARING', null)).toBe(-model.card + payout);
  const inTransit = await f.prisma.ledgerAccount.findMany({ where: { kind: 'PAYOUTS_IN_TRANSIT' } });
  expect(inTransit.reduce((sum, a) => sum + Number(a.balanceMinor), 0)).toBe(0);
  expect(await f.prisma.rentCharge.count({ where: { driverId: driver.driverId } })).toBe(1);
  expect(await ledgerInvariants(f.prisma)).toEqual({ unbalancedEntries: 0, driftingAccounts: 0, totals: { USD: 0 } });
});

test('Driver.earnings for the week, as the fleet manager reads it', async () => {
  const manager = await f.testAuth.headersFor({ userId: randomUUID(), roles: ['FLEET_MANAGER'], fleetIds: [driver.fleetId] });
  const data = await gql(
    `query ($r: [_Any!]!, $from: DateTime!, $to: DateTime!) { _entities(representations: $r) { ... on Driver { earnings(from: $from, to: $to) {
      trips gross { amountMinor } commission { amountMinor } net { amountMinor } adjustments { amountMinor } cashCollected { amountMinor }
      cashHandedIn { amountMinor } rent { amountMinor } depositDeducted { amountMinor } paidOut { amountMinor }
      earningsBalance { amountMinor } cashHeld { amountMinor } payableBalance { amountMinor } } } } }`,
    { r: [{ __typename: 'Driver', id: driver.driverId }], from: realStart.toISOString(), to: new Date(Date.now() + 60_000).toISOString() },
    { headers: manager },
  );
  expect(data._entities[0].earnings).toEqual({
    trips: 14,
    gross: { amountMinor: model.gross },
    commission: { amountMinor: model.commission },
    net: { amountMinor: model.net },
    adjustments: { amountMinor: 0 },
    cashCollected: { amountMinor: model.cash },
    cashHandedIn: { amountMinor: model.handedIn },
    rent: { amountMinor: WEEKLY_RENT },
    depositDeducted: { amountMinor: DEPOSIT },
    paidOut: { amountMinor: payout },
    earningsBalance: { amountMinor: earningsBeforePayout - payout },
    cashHeld: { amountMinor: -SHORT_BY },
    payableBalance: { amountMinor: 0 },
  });
});

test('cashDiscrepancies shows the one short shift, with its cash trip', async () => {
  const data = await gql(
    `query ($driverId: ID!) { cashDiscrepancies(filter: { driverId: $driverId }) { edges { node {
      checkedInAt collected { amountMinor } deposited { amountMinor } difference { amountMinor } trips { amount { amountMinor } } } } } }`,
    { driverId: driver.driverId },
    await ops(),
  );
  expect(data.cashDiscrepancies.edges.map((e: any) => e.node)).toEqual([
    {
      checkedInAt: at(SHORT_DAY, 8).toISOString(),
      collected: { amountMinor: cashFare(SHORT_DAY) },
      deposited: { amountMinor: cashFare(SHORT_DAY) - SHORT_BY },
      difference: { amountMinor: SHORT_BY },
      trips: [{ amount: { amountMinor: cashFare(SHORT_DAY) } }],
    },
  ]);
});
