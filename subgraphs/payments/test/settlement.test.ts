// Settlement of trips' events on PostgreSQL: each method, the fallbacks, exactly once on redelivery, the split on the
// ledger, the events payments emits, and the ledger's invariants (also under racing charges on one wallet).
import { randomUUID } from 'node:crypto';
import { handleOnce } from '../../../platform/events/index.js';
import {
  balanceOf,
  cancelled,
  completed,
  creditWallet,
  ledgerInvariants,
  newParty,
  outboxOf,
  startPaymentsFixture,
  type PaymentsFixture,
} from './support/payments-fixture.js';

let f: PaymentsFixture;

beforeAll(async () => {
  f = await startPaymentsFixture();
});
afterAll(async () => {
  await f?.stop();
});

const paymentOfTrip = (tripId: string) => f.prisma.payment.findFirstOrThrow({ where: { tripId } });

/** Saves a development test card for the user (the provider's token, as the app would send it). */
async function addCard(userId: string, token: string): Promise<string> {
  const { headers } = await f.as(userId, ['RIDER']);
  const result = await f.api.execute<{ addCard: { paymentMethods: { id: string; type: string }[]; userErrors: unknown[] } }>(
    `mutation ($t: String!) { addCard(input: { providerToken: $t }) { paymentMethods { id type } userErrors { code } } }`,
    { t: token },
    { headers },
  );
  expect(result.errors).toBeUndefined();
  expect(result.data?.addCard.userErrors).toEqual([]);
  return result.data!.addCard.paymentMethods.find((m) => m.type === 'CARD')!.id;
}

test('a wallet fare: the rider pays once, the driver earns the fare minus 20 %, the platform keeps 20 %, one payment.succeeded', async () => {
  const party = newParty();
  await creditWallet(f.prisma, f.built, party.riderUserId, 5_000n);
  const revenueBefore = await balanceOf(f.prisma, 'PLATFORM_REVENUE', null);
  const event = completed(party, 1_234, { method: 'WALLET', cardId: null });

  expect(await f.built.services.settleTripEvent(event)).toBe(true);
  expect(await f.built.services.settleTripEvent(event)).toBe(false); // redelivered: nothing happens

  const payment = await paymentOfTrip(party.tripId);
  expect(payment).toMatchObject({ status: 'SUCCEEDED', method: 'WALLET', requestedMethod: 'WALLET', amountMinor: 1_234n, commissionBps: 2_000 });
  expect(payment.receiptNumber).toMatch(/^R-\d{4}-\d{6,}$/);
  expect(await balanceOf(f.prisma, 'RIDER_WALLET', party.riderUserId)).toBe(5_000 - 1_234);
  // 20 % of 1234 = 246.8 → the platform keeps 246, the driver gets the rounding: 988.
  expect(await balanceOf(f.prisma, 'DRIVER_EARNINGS', party.driverUserId)).toBe(988);
  expect((await balanceOf(f.prisma, 'PLATFORM_REVENUE', null)) - revenueBefore).toBe(246);
  const succeeded = (await outboxOf(f.prisma, 'payment.succeeded')).filter((e) => e.tripId === party.tripId);
  expect(succeeded).toEqual([
    expect.objectContaining({
      paymentId: payment.id,
      purpose: 'TRIP_FARE',
      method: 'WALLET',
      amount: { amountMinor: 1234, currency: 'USD' },
      driverUserId: party.driverUserId,
      receiptNumber: payment.receiptNumber,
    }),
  ]);
});

test('the same trip under a second event id (a replay by hand) is still charged once', async () => {
  const party = newParty();
  await creditWallet(f.prisma, f.built, party.riderUserId, 3_000n);
  await f.built.services.settleTripEvent(completed(party, 1_000, { method: 'WALLET', cardId: null }));
  await f.built.services.settleTripEvent(completed(party, 1_000, { method: 'WALLET', cardId: null }));
  expect(await f.prisma.payment.count({ where: { tripId: party.tripId } })).toBe(1);
  expect(await balanceOf(f.prisma, 'RIDER_WALLET', party.riderUserId)).toBe(2_000);
});

test('cash: recorded as collected by the driver (their cash held), the driver still earns the net', async () => {
  const party = newParty();
  await f.built.services.settleTripEvent(completed(party, 1_000, { method: 'CASH', cardId: null }));
  expect(await paymentOfTrip(party.tripId)).toMatchObject({ status: 'SUCCEEDED', method: 'CASH' });
  expect(await balanceOf(f.prisma, 'DRIVER_CASH_HELD', party.driverUserId)).toBe(-1_000);
  expect(await balanceOf(f.prisma, 'DRIVER_EARNINGS', party.driverUserId)).toBe(800);
});

test('commission rules: the most specific rule (city + category) wins over the city rule and the default', async () => {
  await f.prisma.commissionRule.createMany({
    data: [
      { city: 'Ruleton', category: null, rateBps: 1_500 },
      { city: 'Ruleton', category: 'COMFORT', rateBps: 1_000 },
    ],
  });
  f.built.services.commission.reset(); // rules are cached for 30 s
  const comfort = newParty();
  const economy = newParty();
  await f.built.services.settleTripEvent(completed(comfort, 1_000, { method: 'CASH', cardId: null }, { city: 'Ruleton', category: 'COMFORT' }));
  await f.built.services.settleTripEvent(completed(economy, 1_000, { method: 'CASH', cardId: null }, { city: 'Ruleton', category: 'ECONOMY' }));
  expect((await paymentOfTrip(comfort.tripId)).commissionBps).toBe(1_000);
  expect((await paymentOfTrip(economy.tripId)).commissionBps).toBe(1_500);
  expect(await balanceOf(f.prisma, 'DRIVER_EARNINGS', comfort.driverUserId)).toBe(900);
});

test('a card fare is charged by the charger through the provider and paid; the clearing account holds it', async () => {
  const party = newParty();
  const cardId = await addCard(party.riderUserId, 'tok_visa');
  const clearingBefore = await balanceOf(f.prisma, 'PROVIDER_CLEARING', null);
  await f.built.services.settleTripEvent(completed(party, 2_000, { method: 'CARD', cardId }));
  expect(await paymentOfTrip(party.tripId)).toMatchObject({ status: 'PENDING', cardId, attempts: 0 });
  await f.built.services.charger.drain();
  const paid = await paymentOfTrip(party.tripId);
  expect(paid).toMatchObject({ status: 'SUCCEEDED', method: 'CARD', cardId, attempts: 1 });
  expect(paid.providerPaymentId).toEqual(expect.any(String));
  expect((await balanceOf(f.prisma, 'PROVIDER_CLEARING', null)) - clearingBefore).toBe(-2_000);
});

test('a declined card: no retry of that card, the wallet pays when it holds the fare', async () => {
  const party = newParty();
  const cardId = await addCard(party.riderUserId, 'tok_chargeDeclined');
  await creditWallet(f.prisma, f.built, party.riderUserId, 2_500n);
  await f.built.services.settleTripEvent(completed(party, 2_000, { method: 'CARD', cardId }));
  await f.built.services.charger.drain();
  expect(await paymentOfTrip(party.tripId)).toMatchObject({ status: 'SUCCEEDED', method: 'WALLET', failureCode: 'card_declined', attempts: 1 });
  expect(await balanceOf(f.prisma, 'RIDER_WALLET', party.riderUserId)).toBe(500);
});

test('a declined card and a short wallet: the trip stays visibly unpaid (OWED), the rider owes it, trips is told', async () => {
  const party = newParty();
  const cardId = await addCard(party.riderUserId, 'tok_chargeDeclinedInsufficientFunds');
  await f.built.services.settleTripEvent(completed(party, 2_000, { method: 'CARD', cardId }));
  await f.built.services.charger.drain();
  const owed = await paymentOfTrip(party.tripId);
  expect(owed).toMatchObject({ status: 'OWED', method: null, failureCode: 'insufficient_funds', receiptNumber: null });
  expect(await balanceOf(f.prisma, 'RIDER_BALANCE_DUE', party.riderUserId)).toBe(-2_000);
  expect(await balanceOf(f.prisma, 'DRIVER_EARNINGS', party.driverUserId)).toBe(1_600); // the driver is paid regardless
  const failed = (await outboxOf(f.prisma, 'payment.failed')).filter((e) => e.paymentId === owed.id);
  expect(failed).toEqual([expect.objectContaining({ outcome: 'OWED', failureCode: 'insufficient_funds' })]);
  const due = (await outboxOf(f.prisma, 'rider.balance_due.changed')).filter((e) => e.userId === party.riderUserId);
  expect(due).toEqual([expect.objectContaining({ due: { amountMinor: 2_000, currency: 'USD' }, sequence: 1 })]);
});

test('an unreachable provider: retried with a growing delay, then handled as declined after 5 attempts', async () => {
  const party = newParty();
  const cardId = await addCard(party.riderUserId, 'tok_providerDown');
  await f.built.services.settleTripEvent(completed(party, 700, { method: 'CARD', cardId }));
  await f.built.services.charger.drain();
  const first = await paymentOfTrip(party.tripId);
  expect(first).toMatchObject({ status: 'PENDING', attempts: 1, failureCode: 'provider_unavailable' });
  expect(first.nextAttemptAt!.getTime() - Date.now()).toBeGreaterThan(50_000); // ~1 min
  for (let attempt = 2; attempt <= 5; attempt++) {
    await f.prisma.payment.update({ where: { id: first.id }, data: { nextAttemptAt: new Date(Date.now() - 1) } });
    await f.built.services.charger.drain();
    expect((await paymentOfTrip(party.tripId)).attempts).toBe(attempt);
  }
  expect(await paymentOfTrip(party.tripId)).toMatchObject({ status: 'OWED', attempts: 5, failureCode: 'provider_unavailable' });
  const retrying = (await outboxOf(f.prisma, 'payment.failed')).filter((e) => e.paymentId === first.id && e.outcome === 'RETRYING');
  expect(retrying).toHaveLength(4);
});

test('a cancellation fee is charged once; without a driver it is all revenue; a free cancellation charges nothing', async () => {
  const withDriver = newParty();
  await f.built.services.settleTripEvent(cancelled(withDriver, 300, true, { method: 'CASH', cardId: null }));
  await f.built.services.settleTripEvent(cancelled(withDriver, 300, true, { method: 'CASH', cardId: null }));
  expect(await f.prisma.payment.findMany({ where: { tripId: withDriver.tripId } })).toEqual([
    expect.objectContaining({ purpose: 'CANCELLATION_FEE', status: 'SUCCEEDED', method: 'CASH', amountMinor: 300n }),
  ]);
  expect(await balanceOf(f.prisma, 'DRIVER_EARNINGS', withDriver.driverUserId)).toBe(240);

  const noDriver = newParty();
  await creditWallet(f.prisma, f.built, noDriver.riderUserId, 1_000n);
  // Cash cannot be handed to nobody: the wallet pays.
  await f.built.services.settleTripEvent(cancelled(noDriver, 300, false, { method: 'CASH', cardId: null }));
  expect(await paymentOfTrip(noDriver.tripId)).toMatchObject({ status: 'SUCCEEDED', method: 'WALLET', commissionBps: 10_000, driverUserId: null });

  const free = newParty();
  await f.built.services.settleTripEvent(cancelled(free, null, true, null));
  expect(await f.prisma.payment.count({ where: { tripId: free.tripId } })).toBe(0);
});

test("no choice in the event: the rider's default method (CASH for a rider who never chose)", async () => {
  const party = newParty();
  await f.built.services.settleTripEvent(completed(party, 500, null));
  expect(await paymentOfTrip(party.tripId)).toMatchObject({ requestedMethod: 'CASH', method: 'CASH' });
});

test('50 charges racing for one wallet never overdraw it nor lose an update', async () => {
  const rider = randomUUID();
  await creditWallet(f.prisma, f.built, rider, 10_000n);
  const parties = Array.from({ length: 50 }, () => ({ ...newParty(), riderUserId: rider }));
  // 50 × 300 = 15,000 asked of 10,000: exactly 33 fit (9,900); the others are owed.
  await Promise.all(parties.map((party) => f.built.services.settleTripEvent(completed(party, 300, { method: 'WALLET', cardId: null }))));
  const payments = await f.prisma.payment.findMany({ where: { payerUserId: rider } });
  expect(payments.filter((p) => p.method === 'WALLET')).toHaveLength(33);
  expect(payments.filter((p) => p.status === 'OWED')).toHaveLength(17);
  expect(await balanceOf(f.prisma, 'RIDER_WALLET', rider)).toBe(100);
  expect(await balanceOf(f.prisma, 'RIDER_BALANCE_DUE', rider)).toBe(-17 * 300);
});

test('the database refuses what would break the ledger: an unbalanced entry, a posting changed or deleted, a wallet below zero', async () => {
  const rider = randomUUID();
  await creditWallet(f.prisma, f.built, rider, 100n);
  const wallet = await f.prisma.ledgerAccount.findFirstOrThrow({ where: { kind: 'RIDER_WALLET', ownerId: rider } });
  const posting = await f.prisma.posting.findFirstOrThrow({ where: { accountId: wallet.id } });
  await expect(f.prisma.$executeRawUnsafe(`update payments.postings set amount_minor = 1 where id = '${posting.id}'`)).rejects.toThrow(/immutable/);
  await expect(f.prisma.$executeRawUnsafe(`delete from payments.journal_entries where id = '${posting.entryId}'`)).rejects.toThrow(/immutable/);
  await expect(
    f.prisma.$transaction(async (tx) => {
      const entry = await tx.journalEntry.create({ data: { cause: 'ADJUSTMENT', description: 'one-legged' } });
      await tx.posting.create({ data: { entryId: entry.id, accountId: wallet.id, amountMinor: 5n, currency: 'USD', balanceAfterMinor: 0n } });
    }),
  ).rejects.toThrow(/does not balance/);
  await expect(
    f.prisma.$transaction((tx) =>
      f.built.services.ledger.post(tx, 'USD', {
        cause: 'ADJUSTMENT',
        description: 'overdraw',
        legs: [
          { kind: 'RIDER_WALLET', ownerId: rider, amountMinor: -101n },
          { kind: 'PROMOTIONS', ownerId: null, amountMinor: 101n },
        ],
      }),
    ),
  ).rejects.toThrow(/ledger_accounts_wallet_not_negative/);
  expect(await balanceOf(f.prisma, 'RIDER_WALLET', rider)).toBe(100);
});

test('the ledger holds its invariants after randomized operations', async () => {
  const riders = Array.from({ length: 5 }, () => randomUUID());
  let seed = 42;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  for (const rider of riders) await creditWallet(f.prisma, f.built, rider, BigInt(1 + Math.floor(random() * 5_000)));
  const methods = ['WALLET', 'CASH', 'WALLET'] as const;
  for (let i = 0; i < 60; i++) {
    const party = { ...newParty(), riderUserId: riders[Math.floor(random() * riders.length)]! };
    const fare = 1 + Math.floor(random() * 3_000);
    const choice = { method: methods[i % 3]!, cardId: null };
    const event = random() < 0.8 ? completed(party, fare, choice) : cancelled(party, fare, random() < 0.5, choice);
    await f.built.services.settleTripEvent(event);
    if (random() < 0.3) await f.built.services.settleTripEvent(event); // redelivery
  }
  const invariants = await ledgerInvariants(f.prisma);
  expect(invariants).toEqual({ unbalancedEntries: 0, driftingAccounts: 0, totals: { USD: 0 } });
});

test('handleOnce records the event in the same transaction: a failing settlement is retried, not lost', async () => {
  const party = newParty();
  const event = completed(party, 100, { method: 'CASH', cardId: null });
  await expect(
    handleOnce(f.prisma, { schema: 'payments', consumer: 'payments.settle-trips', event }, async () => Promise.reject(new Error('boom'))),
  ).rejects.toThrow('boom');
  expect(await f.built.services.settleTripEvent(event)).toBe(true);
  expect(await f.prisma.payment.count({ where: { tripId: party.tripId } })).toBe(1);
});

test('25 top-ups and 25 charges racing on one wallet: every top-up lands, no charge overdraws, no update is lost', async () => {
  const rider = randomUUID();
  const { headers } = await f.as(rider, ['RIDER']);
  const cardId = await addCard(rider, 'tok_visa');
  await creditWallet(f.prisma, f.built, rider, 1_000n);
  const topUps = Array.from({ length: 25 }, (_, i) =>
    f.api.execute(
      `mutation ($input: TopUpWalletInput!) { topUpWallet(input: $input) { payment { status } userErrors { code } } }`,
      {
        input: { amount: { amountMinor: 100, currency: 'USD' }, cardId, idempotencyKey: `race-${i}` },
      },
      { headers },
    ),
  );
  const charges = Array.from({ length: 25 }, () =>
    f.built.services.settleTripEvent(completed({ ...newParty(), riderUserId: rider }, 200, { method: 'WALLET', cardId: null })),
  );
  const results = await Promise.all([...topUps, ...charges]);
  expect(
    results.slice(0, 25).every((r) => (r as { data?: { topUpWallet: { payment: { status: string } } } }).data?.topUpWallet.payment.status === 'SUCCEEDED'),
  ).toBe(true);
  // Charges the wallet could not cover went to the default card (the charger is not run here): they stay PENDING.
  const fares = await f.prisma.payment.findMany({ where: { payerUserId: rider, purpose: 'TRIP_FARE' } });
  const byWallet = fares.filter((p) => p.method === 'WALLET').length;
  expect(byWallet + fares.filter((p) => p.status === 'PENDING').length).toBe(25);
  expect(await balanceOf(f.prisma, 'RIDER_WALLET', rider)).toBe(1_000 + 25 * 100 - byWallet * 200);
  expect(await balanceOf(f.prisma, 'RIDER_WALLET', rider)).toBeGreaterThanOrEqual(0);
  expect(await ledgerInvariants(f.prisma)).toMatchObject({ unbalancedEntries: 0, driftingAccounts: 0 });
});

test('a batch settles like one event at a time: wallets that hold the fare and cash at once, the rest through the flow, duplicates once', async () => {
  const rich = newParty();
  const poor = newParty();
  const cash = newParty();
  const cashNoDriver = newParty();
  const invalid = newParty();
  await creditWallet(f.prisma, f.built, rich.riderUserId, 1_000n);
  // Two fares of 600 on one wallet of 1,000: the first is paid from it, the second is owed (no card).
  const richSecond = { ...newParty(), riderUserId: rich.riderUserId };
  const e1 = completed(rich, 600, { method: 'WALLET', cardId: null });
  const e2 = completed(richSecond, 600, { method: 'WALLET', cardId: null });
  const e3 = completed(poor, 700, { method: 'WALLET', cardId: null });
  const e4 = completed(cash, 900, { method: 'CASH', cardId: null });
  const e5 = cancelled(cashNoDriver, 300, false, { method: 'CASH', cardId: null });
  const e6 = completed(invalid, -5, { method: 'CASH', cardId: null });
  const replayOfE4 = { ...completed(cash, 900, { method: 'CASH', cardId: null }) }; // the same trip under a new event id
  const alreadyDone = completed(newParty(), 100, { method: 'CASH', cardId: null });
  await f.built.services.settleTripEvent(alreadyDone);
  const revenueBefore = await balanceOf(f.prisma, 'PLATFORM_REVENUE', null);

  const results = await f.built.services.settleTripEvents([e1, e2, e3, e4, e4, e5, e6, replayOfE4, alreadyDone]);
  expect(results).toEqual([true, true, true, true, false, true, true, true, false]);

  const status = async (tripId: string) => {
    const p = await f.prisma.payment.findFirst({ where: { tripId } });
    return p && { status: p.status, method: p.method, receipt: p.receiptNumber !== null };
  };
  expect(await status(rich.tripId)).toEqual({ status: 'SUCCEEDED', method: 'WALLET', receipt: true });
  expect(await status(richSecond.tripId)).toEqual({ status: 'OWED', method: null, receipt: false });
  expect(await status(poor.tripId)).toEqual({ status: 'OWED', method: null, receipt: false });
  expect(await status(cash.tripId)).toEqual({ status: 'SUCCEEDED', method: 'CASH', receipt: true });
  expect(await status(cashNoDriver.tripId)).toEqual({ status: 'OWED', method: null, receipt: false });
  expect(await status(invalid.tripId)).toBeNull();
  expect(await f.prisma.payment.count({ where: { tripId: cash.tripId } })).toBe(1);
  expect(await balanceOf(f.prisma, 'RIDER_WALLET', rich.riderUserId)).toBe(400);
  expect(await balanceOf(f.prisma, 'RIDER_BALANCE_DUE', rich.riderUserId)).toBe(-600);
  expect(await balanceOf(f.prisma, 'DRIVER_CASH_HELD', cash.driverUserId)).toBe(-900);
  // Commission of the paid fares (120 + 180), the owed ones (120 + 140) and the fee without a driver (300).
  expect((await balanceOf(f.prisma, 'PLATFORM_REVENUE', null)) - revenueBefore).toBe(120 + 180 + 120 + 140 + 300);
  const succeeded = (await outboxOf(f.prisma, 'payment.succeeded')).filter((e) => [rich.tripId, cash.tripId].includes(e.tripId as string));
  // Written by one statement in the same millisecond: compared in a fixed order, not the outbox's.
  expect(succeeded.map((e) => [e.method, (e.amount as { amountMinor: number }).amountMinor]).sort()).toEqual([
    ['CASH', 900],
    ['WALLET', 600],
  ]);
  expect(await ledgerInvariants(f.prisma)).toMatchObject({ unbalancedEntries: 0, driftingAccounts: 0 });
});
