// Payouts on PostgreSQL through payments' API: destinations (validated, encrypted at rest), preview vs create vs
// submit with exact amounts, a batch submitted twice, webhooks replayed and reordered, a failing payout returning
// the money, and a bulk CSV with bad rows.
/* eslint-disable @typescript-eslint/no-explicit-any -- responses are read loosely and pinned with toEqual */
import { randomUUID } from 'node:crypto';
import { ledgerInvariants, outboxOf } from './support/payments-fixture.js';
import { startPayoutsFixture, type PayoutsFixture, type TestDriver } from './support/payouts-fixture.js';

let f: PayoutsFixture;
const ops = randomUUID();
beforeAll(async () => {
  f = await startPayoutsFixture();
});
afterAll(async () => {
  f.provider.close();
  await f?.stop();
});

const asOps = () => f.as(ops, ['OPERATIONS']);

async function gql(query: string, variables: Record<string, unknown>, who: { headers: Record<string, string> }) {
  const result = await f.api.execute<any>(query, variables, who);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

const BATCH = `id status itemCount fleetId total { amountMinor currency } paid { amountMinor } inTransit { amountMinor } failed { amountMinor }`;
const create = async (fleetId: string, key: string = randomUUID()) =>
  (
    await gql(
      `mutation ($i: CreatePayoutBatchInput!) { createPayoutBatch(input: $i) { batch { ${BATCH} } userErrors { code message field } } }`,
      { i: { fleetId, idempotencyKey: key } },
      await asOps(),
    )
  ).createPayoutBatch;
const submit = async (batchId: string, key: string = randomUUID()) =>
  (
    await gql(
      `mutation ($b: ID!, $k: String!) { submitPayoutBatch(batchId: $b, idempotencyKey: $k) { batch { ${BATCH} } userErrors { code } } }`,
      { b: batchId, k: key },
      await asOps(),
    )
  ).submitPayoutBatch;
/** The batch's audit entries (platform/audit) in the order written: action and after. */
const auditOf = async (batchId: string) =>
  (
    await f.prisma.outboxEvent.findMany({ where: { type: 'audit.recorded', payload: { path: ['targetId'], equals: batchId } }, orderBy: { occurredAt: 'asc' } })
  ).map((row) => {
    const { action, after } = row.payload as { action: string; after: unknown };
    return { action, after };
  });
const itemsOf = (batchId: string) => f.prisma.payoutItem.findMany({ where: { batchId }, orderBy: { amountMinor: 'desc' } });
const payoutEntries = () => f.prisma.journalEntry.count({ where: { cause: { in: ['PAYOUT', 'PAYOUT_RETURNED'] } } });

/** Sends the pending items, then delivers the webhooks the provider sends for them (unless held). */
async function sendAndConfirm() {
  await f.built.services.payouts.sender.drain();
  await f.provider.webhooksSettled();
}

function payoutWebhook(type: 'payout.paid' | 'payout.failed', item: { id: string; providerPayoutId: string | null }, failureCode?: string) {
  return Buffer.from(
    JSON.stringify({
      id: `evt_test_${randomUUID()}`,
      type,
      created: Math.floor(Date.now() / 1000),
      data: {
        object: {
          id: item.providerPayoutId,
          object: 'payout',
          status: type === 'payout.paid' ? 'paid' : 'failed',
          failure_code: failureCode ?? null,
          metadata: { payoutItemId: item.id },
        },
      },
    }),
  );
}

describe('payout destinations', () => {
  test.each([
    ['a mistyped IBAN', { accountNumber: 'GB82WEST12345698765433', country: 'GB' }, ['INVALID_IBAN_CHECKSUM']],
    ['an IBAN of the wrong length', { accountNumber: 'GB82WEST1234569876543', country: 'GB' }, ['INVALID_ACCOUNT_NUMBER']],
    ['an IBAN of another country', { accountNumber: 'DE89370400440532013000', country: 'FR' }, ['IBAN_COUNTRY_MISMATCH']],
    ['an account number without routing code', { accountNumber: '12345678', country: 'US' }, ['ROUTING_CODE_REQUIRED']],
    ['letters in an account number', { accountNumber: '1234ABCD', routingCode: '110000000', country: 'US' }, ['INVALID_ACCOUNT_NUMBER']],
    ['a routing number with a bad checksum', { accountNumber: '12345678', routingCode: '110000001', country: 'US' }, ['INVALID_ROUTING_CODE']],
    [
      'a bad country and an empty name',
      { accountNumber: 'GB82WEST12345698765432', country: 'Britain', accountHolderName: ' ' },
      ['INVALID_ACCOUNT_HOLDER_NAME', 'INVALID_COUNTRY'],
    ],
  ])('%s is refused with its code, nothing stored', async (_name, input, codes) => {
    const d = await f.driver(randomUUID());
    const data = await gql(
      `mutation ($i: SetPayoutDestinationInput!) { setPayoutDestination(input: $i) { destination { last4 } userErrors { code field } } }`,
      { i: { accountHolderName: 'Ada Driver', ...input } },
      await f.as(d.userId, ['DRIVER']),
    );
    expect(data.setPayoutDestination.destination).toBeNull();
    expect(data.setPayoutDestination.userErrors.map((e: any) => e.code)).toEqual(codes);
    expect(await f.prisma.payoutDestination.count({ where: { userId: d.userId } })).toBe(0);
  });

  test('a user without a driver profile gets NOT_A_DRIVER', async () => {
    const data = await gql(
      `mutation { setPayoutDestination(input: { accountHolderName: "Rita Rider", accountNumber: "GB82WEST12345698765432", country: "GB" }) { destination { last4 } userErrors { code } } }`,
      {},
      await f.as(randomUUID(), ['RIDER']),
    );
    expect(data.setPayoutDestination).toEqual({ destination: null, userErrors: [{ code: 'NOT_A_DRIVER' }] });
  });

  test('stored with the number encrypted (the raw row has no clear number); the API shows the last 4 only', async () => {
    const d = await f.driver(randomUUID());
    const data = await gql(
      `mutation { setPayoutDestination(input: { accountHolderName: "Ada  Driver", accountNumber: "gb82 west 1234 5698 7654 32", country: "gb" }) { destination { accountHolderName last4 country } userErrors { code } } }`,
      {},
      await f.as(d.userId, ['DRIVER']),
    );
    expect(data.setPayoutDestination).toEqual({ destination: { accountHolderName: 'Ada Driver', last4: '5432', country: 'GB' }, userErrors: [] });
    const [raw] = await f.prisma.$queryRaw<Record<string, unknown>[]>`select * from payments.payout_destinations where user_id = ${d.userId}::uuid`;
    const text = JSON.stringify(raw);
    expect(text).not.toContain('12345698765432');
    expect(text).not.toContain('WEST1234');
    expect(raw!.account_number_encrypted).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(raw!.last4).toBe('5432');
    // The sender (the only reader of the number) decrypts it for the provider.
    const stored = await f.prisma.payoutDestination.findUniqueOrThrow({ where: { userId: d.userId } });
    expect(f.built.services.payouts.destinations.details(stored).accountNumber).toBe('GB82WEST12345698765432');
    // Copied onto another driver's row, the ciphertext does not decrypt (the owner is authenticated data).
    expect(() => f.built.services.payouts.destinations.details({ ...stored, userId: randomUUID() })).toThrow();
  });

  test('no field of the API returns the account number', async () => {
    const data = await gql(`{ __type(name: "PayoutDestination") { fields { name } } }`, {}, await asOps());
    expect(data.__type.fields.map((x: any) => x.name)).toEqual(['accountHolderName', 'last4', 'country', 'updatedAt']);
  });
});

describe('a fleet batch', () => {
  const fleetId = randomUUID();
  let a: TestDriver, b: TestDriver, c: TestDriver, d: TestDriver, e: TestDriver;

  beforeAll(async () => {
    a = await f.driver(fleetId, { earnings: 10_000n, cashHeld: -2_500n }); // payable 10,000 − 2,500 + 2,500 earned in cash … see below
    b = await f.driver(fleetId, { earnings: 3_000n }); // no destination
    c = await f.driver(fleetId); // nothing
    d = await f.driver(fleetId, { earnings: 1_000n, cashHeld: -1_500n }); // owes more cash than it earned
    e = await f.driver(fleetId, { earnings: 5_000n });
    for (const x of [a, c, d, e]) await f.setDestination(x);
  });

  test('preview lists what create writes and submit pays, to the minor unit', async () => {
    // a: earnings 10,000 + 2,500 (the cash fare's earnings) = 12,500, cash held −2,500 → payable 10,000.
    // d: earnings 1,000 + 1,500 = 2,500, cash held −1,500 → payable 1,000. e: 5,000.
    const preview = (
      await gql(
        `query ($i: PreviewPayoutBatchInput!) { previewPayoutBatch(input: $i) { items { driver { id } amount { amountMinor } } skipped { driver { id } reason } total { amountMinor } userErrors { code } } }`,
        { i: { fleetId } },
        await asOps(),
      )
    ).previewPayoutBatch;
    const byId = (list: any[]) => Object.fromEntries(list.map((x) => [x.driver.id, x.amount?.amountMinor ?? x.reason]));
    expect(byId(preview.items)).toEqual({ [a.driverId]: 10_000, [d.driverId]: 1_000, [e.driverId]: 5_000 });
    expect(byId(preview.skipped)).toEqual({ [b.driverId]: 'NO_DESTINATION', [c.driverId]: 'NOTHING_PAYABLE' });
    expect(preview.total.amountMinor).toBe(16_000);
    expect(await f.prisma.payoutBatch.count({ where: { fleetId } })).toBe(0);

    const created = await create(fleetId);
    expect(created.userErrors).toEqual([]);
    expect(created.batch).toMatchObject({ status: 'DRAFT', itemCount: 3, fleetId, total: { amountMinor: 16_000, currency: 'USD' } });
    expect((await itemsOf(created.batch.id)).map((i) => [i.driverId, i.amountMinor, i.status])).toEqual([
      [a.driverId, 10_000n, 'DRAFT'],
      [e.driverId, 5_000n, 'DRAFT'],
      [d.driverId, 1_000n, 'DRAFT'],
    ]);
    expect(await f.balance('DRIVER_EARNINGS', a.userId)).toBe(12_500n); // a draft moves nothing

    // Between create and submit: e is charged 1,200 rent (payable 3,800), d hands 1,500 more cash … as a deduction
    // of 1,000 (payable 0).
    await f.addEarnings(e.userId, -1_200n);
    await f.addEarnings(d.userId, -1_000n);
    const entriesBefore = await payoutEntries();
    const submitted = await submit(created.batch.id);
    expect(submitted.batch).toMatchObject({
      status: 'SUBMITTED',
      inTransit: { amountMinor: 13_800 },
      paid: { amountMinor: 0 },
      failed: { amountMinor: 1_000 },
    });
    expect((await itemsOf(created.batch.id)).map((i) => [i.driverId, i.amountMinor, i.status, i.failureCode])).toEqual([
      [a.driverId, 10_000n, 'PENDING', null],
      [e.driverId, 3_800n, 'PENDING', null],
      [d.driverId, 1_000n, 'FAILED', 'nothing_payable'],
    ]);
    expect(await payoutEntries()).toBe(entriesBefore + 2);
    expect(await f.balance('DRIVER_EARNINGS', a.userId)).toBe(2_500n);
    expect(await f.balance('DRIVER_EARNINGS', e.userId)).toBe(0n);
    expect(await f.balance('DRIVER_EARNINGS', d.userId)).toBe(1_500n);
    expect(await f.balance('PAYOUTS_IN_TRANSIT', null)).toBe(13_800n);

    await sendAndConfirm();
    const done = (await gql(`query ($id: ID!) { payoutBatch(id: $id) { ${BATCH} } }`, { id: created.batch.id }, await asOps())).payoutBatch;
    expect(done).toMatchObject({ status: 'COMPLETED', paid: { amountMinor: 13_800 }, inTransit: { amountMinor: 0 }, failed: { amountMinor: 1_000 } });
    expect((await itemsOf(created.batch.id)).map((i) => i.status)).toEqual(['PAID', 'PAID', 'FAILED']);
    expect(await f.balance('PAYOUTS_IN_TRANSIT', null)).toBe(0n);
    const paidEvents = (await outboxOf(f.prisma, 'payout.paid')).filter((p) => p.batchId === created.batch.id);
    expect(paidEvents.map((p) => [p.driverId, (p.amount as any).amountMinor]).sort()).toEqual(
      [
        [a.driverId, 10_000],
        [e.driverId, 3_800],
      ].sort(),
    );
    const invariants = await ledgerInvariants(f.prisma);
    expect(invariants).toMatchObject({ unbalancedEntries: 0, driftingAccounts: 0, totals: { USD: 0 } });
  });

  test('the driver reads their own payouts; nothing left to pay makes a new batch NOTHING_TO_PAY', async () => {
    const mine = await gql(
      `query ($id: ID!) { _entities(representations: [{ __typename: "Driver", id: $id }]) { ... on Driver { payouts { edges { node { status amount { amountMinor } } } } payoutDestination { last4 } } } }`,
      { id: a.driverId },
      await f.as(a.userId, ['DRIVER']),
    );
    expect(mine._entities[0]).toEqual({
      payouts: { edges: [{ node: { status: 'PAID', amount: { amountMinor: 10_000 } } }] },
      payoutDestination: { last4: '5432' },
    });
    const again = await create(fleetId);
    expect(again.userErrors.map((x: any) => x.code)).toEqual(['NOTHING_TO_PAY']);
  });
});

test('a batch submitted twice (same key, another key, at once) debits each item once', async () => {
  const fleetId = randomUUID();
  const drivers = await Promise.all([1_000n, 2_000n, 3_000n].map((earnings) => f.driver(fleetId, { earnings })));
  for (const x of drivers) await f.setDestination(x);
  f.hold = true;
  try {
    const key = randomUUID();
    const batch = (await create(fleetId, key)).batch;
    expect((await create(fleetId, key)).batch.id).toBe(batch.id); // the same create again: the same batch
    const before = await payoutEntries();
    const results = await Promise.all([submit(batch.id, 'k1'), submit(batch.id, 'k2'), submit(batch.id, 'k1')]);
    expect(results.map((r) => r.batch.status)).toEqual(['SUBMITTED', 'SUBMITTED', 'SUBMITTED']);
    expect(await payoutEntries()).toBe(before + 3);
    await submit(batch.id, 'k3');
    await f.built.services.payouts.sender.drain();
    await f.built.services.payouts.sender.drain();
    expect(await payoutEntries()).toBe(before + 3);
    for (const x of drivers) expect(await f.balance('DRIVER_EARNINGS', x.userId)).toBe(0n);
    // One entry per change: the repeated create and the three repeated submits record nothing.
    expect(await auditOf(batch.id)).toEqual([
      { action: 'payout_batch.create', after: { fleetId, periodEnd: expect.any(String), currency: 'USD', itemCount: 3, totalMinor: 6_000 } },
      { action: 'payout_batch.submit', after: { status: 'SUBMITTED', itemCount: 3, totalMinor: 6_000 } },
    ]);
    expect((await itemsOf(batch.id)).map((i) => [i.amountMinor, i.status, i.attempts])).toEqual([
      [3_000n, 'PENDING', 1],
      [2_000n, 'PENDING', 1],
      [1_000n, 'PENDING', 1],
    ]);
  } finally {
    f.hold = false;
    f.held.length = 0;
  }
});

describe('webhooks twice and out of order', () => {
  let items: Awaited<ReturnType<typeof itemsOf>>;
  let first: TestDriver, second: TestDriver;
  const fleetId = randomUUID();

  beforeAll(async () => {
    first = await f.driver(fleetId, { earnings: 4_000n });
    second = await f.driver(fleetId, { earnings: 6_000n });
    for (const x of [first, second]) await f.setDestination(x);
    f.hold = true;
    const batch = (await create(fleetId)).batch;
    await submit(batch.id);
    await f.built.services.payouts.sender.drain();
    await f.provider.webhooksSettled();
    f.hold = false;
    f.held.length = 0;
    items = await itemsOf(batch.id);
  });

  test('paid, paid again (replay), then failed: the first final state wins, nothing doubled', async () => {
    const item = items.find((i) => i.driverId === first.driverId)!;
    const paid = payoutWebhook('payout.paid', item);
    await f.deliver(paid);
    const after = {
      entries: await payoutEntries(),
      earnings: await f.balance('DRIVER_EARNINGS', first.userId),
      events: (await outboxOf(f.prisma, 'payout.paid')).length,
    };
    await f.deliver(paid);
    await f.deliver(payoutWebhook('payout.paid', item)); // the same payout, another event id
    await f.deliver(payoutWebhook('payout.failed', item, 'account_closed'));
    expect({
      entries: await payoutEntries(),
      earnings: await f.balance('DRIVER_EARNINGS', first.userId),
      events: (await outboxOf(f.prisma, 'payout.paid')).length,
    }).toEqual(after);
    expect(after.earnings).toBe(0n);
    expect(await f.prisma.payoutItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({ status: 'PAID', failureCode: null });
  });

  test('failed (the money comes back exactly), then paid: stays FAILED', async () => {
    const item = items.find((i) => i.driverId === second.driverId)!;
    expect(await f.balance('DRIVER_EARNINGS', second.userId)).toBe(0n);
    await f.deliver(payoutWebhook('payout.failed', item, 'account_closed'));
    expect(await f.balance('DRIVER_EARNINGS', second.userId)).toBe(6_000n);
    const failedEvents = (await outboxOf(f.prisma, 'payout.failed')).filter((p) => p.payoutItemId === item.id);
    expect(failedEvents).toEqual([
      expect.objectContaining({ driverId: second.driverId, failureCode: 'account_closed', amount: { amountMinor: 6_000, currency: 'USD' } }),
    ]);
    await f.deliver(payoutWebhook('payout.paid', item));
    await f.deliver(payoutWebhook('payout.failed', item, 'account_closed'));
    expect(await f.balance('DRIVER_EARNINGS', second.userId)).toBe(6_000n);
    expect(await f.prisma.payoutItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({ status: 'FAILED', failureCode: 'account_closed' });
    expect(await f.prisma.payoutBatch.findUniqueOrThrow({ where: { id: item.batchId } })).toMatchObject({ status: 'COMPLETED' });
    expect(await ledgerInvariants(f.prisma)).toMatchObject({ unbalancedEntries: 0, driftingAccounts: 0, totals: { USD: 0 } });
  });

  test('a webhook about no known payout is refused (answered 500: the provider sends it again)', async () => {
    await expect(f.deliver(payoutWebhook('payout.paid', { id: randomUUID(), providerPayoutId: 'po_unknown' }))).rejects.toThrow(/no payout item/);
  });
});

test('a payout the bank refuses (test account …0002) returns the money to the balance exactly', async () => {
  const fleetId = randomUUID();
  const driver = await f.driver(fleetId, { earnings: 7_777n });
  await f.setDestination(driver, '000123450002');
  const batch = (await create(fleetId)).batch;
  await submit(batch.id);
  expect(await f.balance('DRIVER_EARNINGS', driver.userId)).toBe(0n);
  await sendAndConfirm();
  const [item] = await itemsOf(batch.id);
  expect(item).toMatchObject({ status: 'FAILED', failureCode: 'account_closed', amountMinor: 7_777n });
  expect(item!.providerPayoutId).toMatch(/^po_dev_/);
  expect(await f.balance('DRIVER_EARNINGS', driver.userId)).toBe(7_777n);
  expect(await f.prisma.payoutBatch.findUniqueOrThrow({ where: { id: batch.id } })).toMatchObject({ status: 'COMPLETED' });
  // Paid again later: the driver is free for a new batch.
  expect((await create(fleetId)).batch.total.amountMinor).toBe(7_777);
});

test('an unreachable provider (test account …0119) keeps the payout PENDING for a later attempt, money in transit', async () => {
  const fleetId = randomUUID();
  const driver = await f.driver(fleetId, { earnings: 900n });
  await f.setDestination(driver, '000123450119');
  const batch = (await create(fleetId)).batch;
  await submit(batch.id);
  await f.built.services.payouts.sender.drain();
  const [item] = await itemsOf(batch.id);
  expect(item).toMatchObject({ status: 'PENDING', providerPayoutId: null, attempts: 1, failureCode: 'provider_unavailable' });
  expect(item!.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now() + 50_000);
  expect(await f.balance('DRIVER_EARNINGS', driver.userId)).toBe(0n);
});

describe('bulk CSV', () => {
  const fleetId = randomUUID();
  let x: TestDriver, y: TestDriver, w: TestDriver, noDestination: TestDriver;

  beforeAll(async () => {
    x = await f.driver(fleetId, { earnings: 5_000n });
    y = await f.driver(fleetId, { earnings: 2_000n });
    w = await f.driver(fleetId, { earnings: 2_000n });
    noDestination = await f.driver(fleetId, { earnings: 2_000n });
    for (const driver of [x, y, w]) await f.setDestination(driver);
  });

  const bulk = async (csv: string, key = randomUUID()) =>
    (
      await gql(
        `mutation ($i: CreateBulkPayoutBatchInput!) { createBulkPayoutBatch(input: $i) { batch { ${BATCH} } userErrors { code row column message } } }`,
        { i: { csv, idempotencyKey: key } },
        await asOps(),
      )
    ).createBulkPayoutBatch;

  test('bad rows: every problem with its line and column, nothing created', async () => {
    const unknown = randomUUID();
    const csv = [
      'driverId,amountMinor,reference',
      `${x.driverId},1000,week 49`,
      `${unknown},100,`,
      `not-a-driver,100,`,
      `${y.driverId},-5,`,
      `${x.driverId},200,again`,
      `${w.driverId},2001,`,
      `${noDestination.driverId},100,`,
      `${y.driverId},abc,`,
    ].join('\n');
    const batches = await f.prisma.payoutBatch.count();
    const result = await bulk(csv);
    expect(result.batch).toBeNull();
    expect(result.userErrors.map((e: any) => [e.row, e.column, e.code])).toEqual([
      [3, 'driverId', 'UNKNOWN_DRIVER'],
      [4, 'driverId', 'UNKNOWN_DRIVER'],
      [5, 'amountMinor', 'INVALID_AMOUNT'],
      [6, 'driverId', 'DUPLICATE_DRIVER'],
      [7, 'amountMinor', 'EXCEEDS_PAYABLE_BALANCE'],
      [8, 'driverId', 'NO_DESTINATION'],
      [9, 'driverId', 'DUPLICATE_DRIVER'],
      [9, 'amountMinor', 'INVALID_AMOUNT'],
    ]);
    expect(result.userErrors[3].message).toBe(`driver ${x.driverId} is already on line 2`);
    expect(await f.prisma.payoutBatch.count()).toBe(batches);
    expect(await f.balance('DRIVER_EARNINGS', x.userId)).toBe(5_000n);
  });

  test.each([
    ['no header', `${randomUUID()},100`, [[1, 'driverId', 'CSV_MISSING_COLUMN']]],
    ['an unclosed quote', 'driverId,amountMinor\n"abc,100', [[2, null, 'CSV_MALFORMED']]],
    ['a row with an extra field', `driverId,amountMinor\n${randomUUID()},100,x`, [[2, null, 'CSV_MALFORMED']]],
    ['only a header', 'driverId,amountMinor\n', [[1, null, 'CSV_NO_ROWS']]],
    ['10,001 rows', ['driverId,amountMinor', ...Array.from({ length: 10_001 }, () => `${randomUUID()},1`)].join('\n'), [[10_002, null, 'CSV_TOO_MANY_ROWS']]],
  ])('%s is refused', async (_name, csv, expected) => {
    const result = await bulk(csv);
    expect(result.batch).toBeNull();
    expect(result.userErrors.map((e: any) => [e.row, e.column, e.code])).toEqual(expected);
  });

  test('a good list becomes a DRAFT batch with those amounts; the same key returns it; submit pays them', async () => {
    const csv = `driverId,amountMinor,reference\n${x.driverId},1500,week 49\n${y.driverId},2000,\n`;
    const key = randomUUID();
    const created = await bulk(csv, key);
    expect(created.userErrors).toEqual([]);
    expect(created.batch).toMatchObject({ status: 'DRAFT', fleetId: null, itemCount: 2, total: { amountMinor: 3_500 } });
    expect((await bulk(csv, key)).batch.id).toBe(created.batch.id);
    expect(await auditOf(created.batch.id)).toEqual([{ action: 'payout_batch.create_bulk', after: { currency: 'USD', itemCount: 2, totalMinor: 3_500 } }]);
    expect((await itemsOf(created.batch.id)).map((i) => [i.driverId, i.amountMinor, i.reference])).toEqual([
      [y.driverId, 2_000n, null],
      [x.driverId, 1_500n, 'week 49'],
    ]);
    await submit(created.batch.id);
    await sendAndConfirm();
    expect(await f.balance('DRIVER_EARNINGS', x.userId)).toBe(3_500n);
    expect(await f.balance('DRIVER_EARNINGS', y.userId)).toBe(0n);
    expect(await f.prisma.payoutBatch.findUniqueOrThrow({ where: { id: created.batch.id } })).toMatchObject({ status: 'COMPLETED' });
  });
});

describe('faults', () => {
  test('a submission that died after SUBMITTED (items still DRAFT) is finished by the sender, each item debited once', async () => {
    const fleetId = randomUUID();
    const drivers = await Promise.all([1_100n, 2_200n].map((earnings) => f.driver(fleetId, { earnings })));
    for (const x of drivers) await f.setDestination(x);
    const batch = (await create(fleetId)).batch;
    // What the first transaction of submitPayoutBatch commits, and nothing after it (the process died).
    await f.prisma.payoutBatch.update({ where: { id: batch.id }, data: { status: 'SUBMITTED', submittedAt: new Date() } });
    const before = await payoutEntries();
    await sendAndConfirm();
    expect(await payoutEntries()).toBe(before + 4); // 2 debits, 2 paid
    expect((await itemsOf(batch.id)).map((i) => [i.amountMinor, i.status])).toEqual([
      [2_200n, 'PAID'],
      [1_100n, 'PAID'],
    ]);
    for (const x of drivers) expect(await f.balance('DRIVER_EARNINGS', x.userId)).toBe(0n);
    expect(await f.prisma.payoutBatch.findUniqueOrThrow({ where: { id: batch.id } })).toMatchObject({ status: 'COMPLETED' });
  });

  test('a webhook that outruns the sender’s commit is matched by the item id in its metadata', async () => {
    const fleetId = randomUUID();
    const driver = await f.driver(fleetId, { earnings: 3_300n });
    await f.setDestination(driver);
    const batch = (await create(fleetId)).batch;
    await submit(batch.id);
    const [item] = await itemsOf(batch.id);
    expect(item!.providerPayoutId).toBeNull();
    // The provider paid it and said so before the sender recorded its answer.
    await f.deliver(payoutWebhook('payout.paid', { id: item!.id, providerPayoutId: 'po_dev_early' }));
    expect(await f.prisma.payoutItem.findUniqueOrThrow({ where: { id: item!.id } })).toMatchObject({ status: 'PAID', providerPayoutId: 'po_dev_early' });
    expect(await f.balance('DRIVER_EARNINGS', driver.userId)).toBe(0n);
    expect(await f.prisma.payoutBatch.findUniqueOrThrow({ where: { id: batch.id } })).toMatchObject({ status: 'COMPLETED' });
  });

  test('two batches for one fleet created at once: each driver lands in at most one', async () => {
    const fleetId = randomUUID();
    const drivers = await Promise.all([500n, 600n, 700n].map((earnings) => f.driver(fleetId, { earnings })));
    for (const x of drivers) await f.setDestination(x);
    const results = await Promise.all([create(fleetId), create(fleetId)]);
    const items = await f.prisma.payoutItem.findMany({ where: { driverId: { in: drivers.map((x) => x.driverId) } } });
    expect(items).toHaveLength(3);
    expect(new Set(items.map((i) => i.driverId)).size).toBe(3);
    expect(results.flatMap((r) => (r.batch ? [r.batch.itemCount] : [])).reduce((a: number, b: number) => a + b, 0)).toBe(3);
  });
});

test('periodEnd: balances as they were then, never more than payable now; a future periodEnd is refused', async () => {
  const fleetId = randomUUID();
  const driver = await f.driver(fleetId, { earnings: 1_000n });
  await f.setDestination(driver);
  await new Promise((r) => setTimeout(r, 20));
  const periodEnd = new Date();
  await new Promise((r) => setTimeout(r, 20));
  await f.addEarnings(driver.userId, 500n); // after the period
  const preview = async (end: Date | null) =>
    (
      await gql(
        `query ($i: PreviewPayoutBatchInput!) { previewPayoutBatch(input: $i) { total { amountMinor } userErrors { code } } }`,
        { i: { fleetId, periodEnd: end?.toISOString() ?? null } },
        await asOps(),
      )
    ).previewPayoutBatch;
  expect(await preview(periodEnd)).toEqual({ total: { amountMinor: 1_000 }, userErrors: [] });
  expect(await preview(null)).toEqual({ total: { amountMinor: 1_500 }, userErrors: [] });
  // Rent charged after the period end takes the balance below what it was then: now's 700 is paid, not 1,000.
  await f.addEarnings(driver.userId, -800n);
  expect(await preview(periodEnd)).toEqual({ total: { amountMinor: 700 }, userErrors: [] });
  expect(await preview(new Date(Date.now() + 60_000))).toEqual({ total: { amountMinor: 0 }, userErrors: [{ code: 'INVALID_PERIOD_END' }] });
});
