// payments' GraphQL API in-process on PostgreSQL: wallets and their history, top-ups with idempotency keys, refunds,
/* eslint-disable @typescript-eslint/no-explicit-any -- responses are read loosely and pinned with toEqual, field by field */
// the federated Trip.payment (batched), and who may see what.
import { randomUUID } from 'node:crypto';
import { ENTITIES_QUERY } from '../../../platform/testing/index.js';
import {
  balanceOf,
  completed,
  creditWallet,
  ledgerInvariants,
  newParty,
  outboxOf,
  startPaymentsFixture,
  type PaymentsFixture,
} from './support/payments-fixture.js';

let f: PaymentsFixture;
let staff: { headers: Record<string, string> };
const staffId = randomUUID();

beforeAll(async () => {
  f = await startPaymentsFixture();
  staff = await f.as(staffId, ['OPERATIONS']);
});
afterAll(async () => {
  await f?.stop();
});

async function gql<T = any>(query: string, variables: Record<string, unknown>, who: { headers: Record<string, string> }) {
  return f.api.execute<T>(query, variables, { headers: who.headers });
}

async function riderWithCard(token = 'tok_visa') {
  const userId = randomUUID();
  const me = await f.as(userId, ['RIDER']);
  const added = await gql(
    `mutation ($t: String!) { addCard(input: { providerToken: $t }) { paymentMethods { id type isDefault card { brand last4 } } userErrors { code } } }`,
    { t: token },
    me,
  );
  const cardId: string = added.data.addCard.paymentMethods.find((m: { type: string }) => m.type === 'CARD').id;
  return { userId, me, cardId, methods: added.data.addCard.paymentMethods };
}

const TOP_UP = `mutation ($input: TopUpWalletInput!) { topUpWallet(input: $input) {
  payment { id status method purpose amount { amountMinor currency } receiptNumber failureCode }
  wallet { balance { amountMinor } balanceDue { amountMinor } }
  userErrors { code field }
} }`;
const REFUND = `mutation ($input: RefundPaymentInput!) { refundPayment(input: $input) {
  refund { id amount { amountMinor } status method reason issuedBy { id } }
  payment { id status refunded { amountMinor } }
  userErrors { code field }
} }`;

test('the first card becomes the default; the list always offers the wallet and cash', async () => {
  const { methods, cardId } = await riderWithCard();
  expect(methods).toEqual([
    { id: cardId, type: 'CARD', isDefault: true, card: { brand: 'visa', last4: '4242' } },
    { id: 'wallet', type: 'WALLET', isDefault: false, card: null },
    { id: 'cash', type: 'CASH', isDefault: false, card: null },
  ]);
});

test("a card token the provider refuses is INVALID_CARD_TOKEN; another user's card cannot be made default or removed", async () => {
  const me = await f.as(randomUUID(), ['RIDER']);
  const bad = await gql(`mutation { addCard(input: { providerToken: "4242424242424242" }) { paymentMethods { id } userErrors { code field } } }`, {}, me);
  expect(bad.data.addCard).toEqual({ paymentMethods: null, userErrors: [{ code: 'INVALID_CARD_TOKEN', field: ['input', 'providerToken'] }] });
  const { cardId } = await riderWithCard();
  const steal = await gql(`mutation ($id: ID!) { setDefaultPaymentMethod(type: CARD, cardId: $id) { userErrors { code } } }`, { id: cardId }, me);
  expect(steal.data.setDefaultPaymentMethod.userErrors).toEqual([{ code: 'PAYMENT_METHOD_NOT_FOUND' }]);
  const remove = await gql(`mutation ($id: ID!) { removePaymentMethod(id: $id) { userErrors { code } } }`, { id: cardId }, me);
  expect(remove.data.removePaymentMethod.userErrors).toEqual([{ code: 'PAYMENT_METHOD_NOT_FOUND' }]);
});

test('a top-up charges the card, lands in the wallet with its history entry, and is idempotent by key', async () => {
  const { userId, me, cardId } = await riderWithCard();
  const input = { amount: { amountMinor: 2_500, currency: 'USD' }, cardId, idempotencyKey: 'topup-1' };
  const first = await gql(TOP_UP, { input }, me);
  expect(first.errors).toBeUndefined();
  const payment = first.data.topUpWallet.payment;
  expect(first.data.topUpWallet).toEqual({
    payment: {
      id: payment.id,
      status: 'SUCCEEDED',
      method: 'CARD',
      purpose: 'TOP_UP',
      amount: { amountMinor: 2_500, currency: 'USD' },
      receiptNumber: expect.stringMatching(/^R-/),
      failureCode: null,
    },
    wallet: { balance: { amountMinor: 2_500 }, balanceDue: { amountMinor: 0 } },
    userErrors: [],
  });
  const again = await gql(TOP_UP, { input }, me);
  expect(again.data.topUpWallet.payment.id).toBe(payment.id);
  expect(again.data.topUpWallet.wallet.balance.amountMinor).toBe(2_500);
  const conflict = await gql(TOP_UP, { input: { ...input, amount: { amountMinor: 999, currency: 'USD' } } }, me);
  expect(conflict.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  expect(await f.prisma.payment.count({ where: { payerUserId: userId } })).toBe(1);

  const history = await gql(
    `query ($r: [_Any!]!) { _entities(representations: $r) { ... on User { wallet { history(first: 5) { edges { node { amount { amountMinor } balanceAfter { amountMinor } cause description payment { id } } } pageInfo { hasNextPage } } } } } }`,
    { r: [{ __typename: 'User', id: userId }] },
    me,
  );
  expect(history.data._entities[0].wallet.history).toEqual({
    edges: [
      {
        node: {
          amount: { amountMinor: 2_500 },
          balanceAfter: { amountMinor: 2_500 },
          cause: 'TOP_UP',
          description: 'Wallet top-up',
          payment: { id: payment.id },
        },
      },
    ],
    pageInfo: { hasNextPage: false },
  });
});

test('two concurrent top-ups with one key charge once', async () => {
  const { userId, me, cardId } = await riderWithCard();
  const input = { amount: { amountMinor: 700, currency: 'USD' }, cardId, idempotencyKey: 'same-key' };
  const [a, b] = await Promise.all([gql(TOP_UP, { input }, me), gql(TOP_UP, { input }, me)]);
  expect(a.data.topUpWallet.payment.id).toBe(b.data.topUpWallet.payment.id);
  expect(await balanceOf(f.prisma, 'RIDER_WALLET', userId)).toBe(700);
});

test.each([
  [{ amountMinor: 0, currency: 'USD' }, 'INVALID_AMOUNT', ['input', 'amount', 'amountMinor']],
  [{ amountMinor: -5, currency: 'USD' }, 'INVALID_AMOUNT', ['input', 'amount', 'amountMinor']],
  [{ amountMinor: 1_000_001, currency: 'USD' }, 'INVALID_AMOUNT', ['input', 'amount', 'amountMinor']],
  [{ amountMinor: 100, currency: 'EUR' }, 'CURRENCY_MISMATCH', ['input', 'amount', 'currency']],
  [{ amountMinor: 100, currency: 'usd' }, 'CURRENCY_MISMATCH', ['input', 'amount', 'currency']],
])('a top-up of %j is refused with %s and writes nothing', async (amount, code, field) => {
  const { userId, me, cardId } = await riderWithCard();
  const result = await gql(TOP_UP, { input: { amount, cardId, idempotencyKey: randomUUID() } }, me);
  expect(result.data.topUpWallet).toEqual({ payment: null, wallet: null, userErrors: [{ code, field }] });
  expect(await f.prisma.payment.count({ where: { payerUserId: userId } })).toBe(0);
});

test("a top-up with someone else's card, or a declined card", async () => {
  const { cardId: foreignCard } = await riderWithCard();
  const { me, cardId: declining } = await riderWithCard('tok_chargeDeclined');
  const foreign = await gql(TOP_UP, { input: { amount: { amountMinor: 100, currency: 'USD' }, cardId: foreignCard, idempotencyKey: 'k1' } }, me);
  expect(foreign.data.topUpWallet.userErrors).toEqual([{ code: 'PAYMENT_METHOD_NOT_FOUND', field: ['input', 'cardId'] }]);
  const declined = await gql(TOP_UP, { input: { amount: { amountMinor: 100, currency: 'USD' }, cardId: declining, idempotencyKey: 'k2' } }, me);
  expect(declined.data.topUpWallet.payment).toMatchObject({ status: 'FAILED', failureCode: 'card_declined', receiptNumber: null });
  expect(declined.data.topUpWallet.userErrors).toEqual([{ code: 'CARD_DECLINED', field: ['input', 'cardId'] }]);
  expect(declined.data.topUpWallet.wallet.balance.amountMinor).toBe(0);
});

test('a top-up repays what the rider owes first and marks the owed fare paid', async () => {
  const { userId, me, cardId } = await riderWithCard();
  const party = { ...newParty(), riderUserId: userId };
  await f.built.services.settleTripEvent(completed(party, 1_500, { method: 'WALLET', cardId: null }));
  // The wallet is empty and the default card is scheduled; make the charger decline by removing the card first.
  await gql(`mutation ($id: ID!) { removePaymentMethod(id: $id) { userErrors { code } } }`, { id: cardId }, me);
  await f.built.services.charger.drain();
  expect(await f.prisma.payment.findFirstOrThrow({ where: { tripId: party.tripId } })).toMatchObject({ status: 'OWED' });
  const card2 = (
    await gql(`mutation { addCard(input: { providerToken: "tok_mastercard" }) { paymentMethods { id type } } }`, {}, me)
  ).data.addCard.paymentMethods.find((m: { type: string }) => m.type === 'CARD').id;
  const topUp = await gql(TOP_UP, { input: { amount: { amountMinor: 2_000, currency: 'USD' }, cardId: card2, idempotencyKey: 'repay' } }, me);
  expect(topUp.data.topUpWallet.wallet).toEqual({ balance: { amountMinor: 500 }, balanceDue: { amountMinor: 0 } });
  expect(await f.prisma.payment.findFirstOrThrow({ where: { tripId: party.tripId } })).toMatchObject({ status: 'SUCCEEDED', method: 'CARD' });
  const due = (await outboxOf(f.prisma, 'rider.balance_due.changed')).filter((e) => e.userId === userId);
  expect(due.map((e) => (e.due as { amountMinor: number }).amountMinor)).toEqual([1_500, 0]);
});

test('refunds: partial, then more than the rest is refused, then the rest; earnings and commission reversed in proportion', async () => {
  const party = newParty();
  await creditWallet(f.prisma, f.built, party.riderUserId, 1_000n);
  await f.built.services.settleTripEvent(completed(party, 1_000, { method: 'WALLET', cardId: null }));
  const payment = await f.prisma.payment.findFirstOrThrow({ where: { tripId: party.tripId } });
  const revenueBefore = await balanceOf(f.prisma, 'PLATFORM_REVENUE', null);

  const partial = await gql(
    REFUND,
    { input: { paymentId: payment.id, amount: { amountMinor: 250, currency: 'USD' }, reason: 'detour', idempotencyKey: 'r1' } },
    staff,
  );
  expect(partial.data.refundPayment).toEqual({
    refund: { id: expect.any(String), amount: { amountMinor: 250 }, status: 'SUCCEEDED', method: 'WALLET', reason: 'detour', issuedBy: { id: staffId } },
    payment: { id: payment.id, status: 'PARTIALLY_REFUNDED', refunded: { amountMinor: 250 } },
    userErrors: [],
  });
  expect(await balanceOf(f.prisma, 'RIDER_WALLET', party.riderUserId)).toBe(250);
  expect(await balanceOf(f.prisma, 'DRIVER_EARNINGS', party.driverUserId)).toBe(800 - 200);
  expect((await balanceOf(f.prisma, 'PLATFORM_REVENUE', null)) - revenueBefore).toBe(-50);

  const replay = await gql(
    REFUND,
    { input: { paymentId: payment.id, amount: { amountMinor: 250, currency: 'USD' }, reason: 'detour', idempotencyKey: 'r1' } },
    staff,
  );
  expect(replay.data.refundPayment.refund.id).toBe(partial.data.refundPayment.refund.id);
  const tooMuch = await gql(
    REFUND,
    { input: { paymentId: payment.id, amount: { amountMinor: 751, currency: 'USD' }, reason: 'x', idempotencyKey: 'r2' } },
    staff,
  );
  expect(tooMuch.data.refundPayment.userErrors).toEqual([{ code: 'REFUND_EXCEEDS_PAYMENT', field: ['input', 'amount', 'amountMinor'] }]);
  const rest = await gql(REFUND, { input: { paymentId: payment.id, amount: { amountMinor: 750, currency: 'USD' }, reason: 'x', idempotencyKey: 'r3' } }, staff);
  expect(rest.data.refundPayment.payment).toEqual({ id: payment.id, status: 'REFUNDED', refunded: { amountMinor: 1_000 } });
  const again = await gql(REFUND, { input: { paymentId: payment.id, amount: { amountMinor: 1, currency: 'USD' }, reason: 'x', idempotencyKey: 'r4' } }, staff);
  expect(again.data.refundPayment.userErrors).toEqual([{ code: 'NOT_REFUNDABLE', field: ['input', 'paymentId'] }]);
  expect(await balanceOf(f.prisma, 'RIDER_WALLET', party.riderUserId)).toBe(1_000);
  expect(await balanceOf(f.prisma, 'DRIVER_EARNINGS', party.driverUserId)).toBe(0);
  const refunded = (await outboxOf(f.prisma, 'payment.refunded')).filter((e) => e.paymentId === payment.id);
  expect(refunded.map((e) => [(e.amount as { amountMinor: number }).amountMinor, (e.refundedTotal as { amountMinor: number }).amountMinor])).toEqual([
    [250, 250],
    [750, 1_000],
  ]);
  expect(await ledgerInvariants(f.prisma)).toMatchObject({ unbalancedEntries: 0, driftingAccounts: 0 });
});

test('a card payment is refunded through the provider to the card; bad refund input writes nothing', async () => {
  const { userId, cardId } = await riderWithCard();
  const party = { ...newParty(), riderUserId: userId };
  await f.built.services.settleTripEvent(completed(party, 900, { method: 'CARD', cardId }));
  await f.built.services.charger.drain();
  const payment = await f.prisma.payment.findFirstOrThrow({ where: { tripId: party.tripId } });
  const clearingBefore = await balanceOf(f.prisma, 'PROVIDER_CLEARING', null);
  for (const [input, code] of [
    [{ amount: { amountMinor: 0, currency: 'USD' }, reason: 'x' }, 'INVALID_AMOUNT'],
    [{ amount: { amountMinor: 10, currency: 'EUR' }, reason: 'x' }, 'CURRENCY_MISMATCH'],
    [{ amount: { amountMinor: 10, currency: 'USD' }, reason: '  ' }, 'INVALID_REASON'],
    [{ amount: { amountMinor: 10, currency: 'USD' }, reason: 'x', paymentId: randomUUID() }, 'PAYMENT_NOT_FOUND'],
    [{ amount: { amountMinor: 10, currency: 'USD' }, reason: 'x', paymentId: 'nope' }, 'PAYMENT_NOT_FOUND'],
  ] as const) {
    const bad = await gql(REFUND, { input: { paymentId: payment.id, idempotencyKey: randomUUID(), ...input } }, staff);
    expect(bad.data.refundPayment.userErrors[0].code).toBe(code);
  }
  expect(await f.prisma.refund.count({ where: { paymentId: payment.id } })).toBe(0);
  const ok = await gql(
    REFUND,
    { input: { paymentId: payment.id, amount: { amountMinor: 900, currency: 'USD' }, reason: 'lost item', idempotencyKey: 'card-r' } },
    staff,
  );
  expect(ok.data.refundPayment.refund).toMatchObject({ status: 'SUCCEEDED', method: 'CARD' });
  expect((await balanceOf(f.prisma, 'PROVIDER_CLEARING', null)) - clearingBefore).toBe(900);
  expect(await balanceOf(f.prisma, 'RIDER_WALLET', userId)).toBe(0);
});

test('refunds are for operations staff only (schema rule); a rider gets FORBIDDEN', async () => {
  const rider = await f.as(randomUUID(), ['RIDER']);
  const result = await gql(
    REFUND,
    { input: { paymentId: randomUUID(), amount: { amountMinor: 1, currency: 'USD' }, reason: 'x', idempotencyKey: 'k' } },
    rider,
  );
  expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
});

test('Trip.payment: its rider and driver and staff see it, anyone else null; the SQL statements do not grow with the trips (5 vs 50)', async () => {
  const parties = Array.from({ length: 50 }, () => newParty());
  for (const party of parties) await f.built.services.settleTripEvent(completed(party, 400, { method: 'CASH', cardId: null }));
  const selection = '... on Trip { payment { status method amount { amountMinor } receiptNumber refunds { id } card { last4 } } }';
  const countFor = async (n: number) => {
    f.statements.length = 0;
    const result = await f.api.execute<{ _entities: { payment: unknown }[] }>(
      ENTITIES_QUERY(selection),
      { representations: parties.slice(0, n).map((p) => ({ __typename: 'Trip', id: p.tripId })) },
      { headers: staff.headers },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities.every((e) => (e.payment as { status: string }).status === 'SUCCEEDED')).toBe(true);
    return f.statements.length;
  };
  // One statement for the payments of every trip, one for their refunds (no cards: all cash).
  expect(await countFor(5)).toBe(2);
  expect(await countFor(50)).toBe(2);

  const [party] = parties;
  const asRider = await f.as(party!.riderUserId, ['RIDER']);
  const asDriver = await f.as(party!.driverUserId, ['DRIVER']);
  const stranger = await f.as(randomUUID(), ['RIDER']);
  const read = async (who: { headers: Record<string, string> }) =>
    (
      await f.api.execute<{ _entities: { payment: unknown }[] }>(
        ENTITIES_QUERY('... on Trip { payment { amount { amountMinor } } }'),
        { representations: [{ __typename: 'Trip', id: party!.tripId }] },
        { headers: who.headers },
      )
    ).data!._entities[0]!.payment;
  expect(await read(asRider)).toEqual({ amount: { amountMinor: 400 } });
  expect(await read(asDriver)).toEqual({ amount: { amountMinor: 400 } });
  expect(await read(stranger)).toBeNull();
});

test("User.wallet: a new user has an empty wallet with a stable id; another user's wallet is FORBIDDEN", async () => {
  const userId = randomUUID();
  const me = await f.as(userId, ['RIDER']);
  const query = ENTITIES_QUERY('... on User { wallet { id balance { amountMinor currency } balanceDue { amountMinor } } }');
  const first = await f.api.execute<any>(query, { representations: [{ __typename: 'User', id: userId }] }, { headers: me.headers });
  const second = await f.api.execute<any>(query, { representations: [{ __typename: 'User', id: userId }] }, { headers: me.headers });
  expect(first.data._entities[0].wallet).toEqual({ id: expect.any(String), balance: { amountMinor: 0, currency: 'USD' }, balanceDue: { amountMinor: 0 } });
  expect(second.data._entities[0].wallet.id).toBe(first.data._entities[0].wallet.id);
  const other = await f.api.execute<any>(query, { representations: [{ __typename: 'User', id: randomUUID() }] }, { headers: me.headers });
  expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
});

test('payments(filter) lists for operations staff, newest first, filtered by status and payer', async () => {
  const party = newParty();
  await f.built.services.settleTripEvent(completed(party, 321, { method: 'CASH', cardId: null }));
  const result = await gql(
    `query ($payer: ID!) { payments(filter: { payerId: $payer, status: [SUCCEEDED] }, first: 5) { edges { node { amount { amountMinor } payer { id } trip { id } } } } }`,
    { payer: party.riderUserId },
    staff,
  );
  expect(result.data.payments.edges).toEqual([{ node: { amount: { amountMinor: 321 }, payer: { id: party.riderUserId }, trip: { id: party.tripId } } }]);
  const asRider = await gql(`{ payments { edges { node { id } } } }`, {}, await f.as(party.riderUserId, ['RIDER']));
  expect(asRider.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
});
