// Payment links on PostgreSQL through the API and the development provider over real HTTP: who may make which link
// (a fixed table of intent), each purpose's ledger entry once the provider's signed webhook arrives (and not again
// when it arrives twice, or an `expired` after `paid`), expiry, and the development checkout page.
/* eslint-disable @typescript-eslint/no-explicit-any -- responses are read loosely and pinned with toEqual, field by field */
import { randomUUID } from 'node:crypto';
import type { Role } from '../../../platform/auth/index.js';
import { serveSubgraph, type RunningSubgraph } from '../../../platform/graphql/index.js';
import { createLogger } from '../../../platform/logging/index.js';
import { DevelopmentPaymentProvider } from '../src/providers/development-provider.js';
import { ProviderUnavailableError } from '../src/providers/provider.js';
import { completed, ledgerInvariants, newParty, startPaymentsFixture, type PaymentsFixture } from './support/payments-fixture.js';

let f: PaymentsFixture;
let http: RunningSubgraph;
let provider: DevelopmentPaymentProvider;
const delivered: { body: Buffer; headers: Record<string, string> }[] = [];
const base = () => `http://127.0.0.1:${http.port}`;
const postWebhook = (body: Buffer | string, headers: Record<string, string>) =>
  fetch(`${base()}/webhooks/payments`, { method: 'POST', body: typeof body === 'string' ? body : new Uint8Array(body), headers });

beforeAll(async () => {
  provider = new DevelopmentPaymentProvider({
    webhookSecret: 'whsec_test_only',
    webhookDelayMs: 20,
    webhookRetryDelayMs: 50,
    deliver: async (body, headers) => {
      delivered.push({ body, headers });
      const response = await postWebhook(body, headers);
      if (!response.ok) throw new Error(`webhook answered ${response.status}`);
    },
  });
  f = await startPaymentsFixture({ provider });
  http = await serveSubgraph({ ...f.built, close: async () => {} }, { port: 0, logger: createLogger({ level: 'silent' }) });
});
afterAll(async () => {
  provider.close();
  await http?.stop();
  await f?.stop();
});

/** A driver payments knows (as fleet's driver.status.changed would have told it). */
async function newDriver() {
  const driver = { driverId: randomUUID(), userId: randomUUID(), fleetId: randomUUID(), vehicleId: randomUUID() };
  await f.prisma.driverProfile.create({ data: { ...driver, category: 'ECONOMY', version: 1n } });
  return driver;
}

async function as(userId: string, roles: Role[], fleetIds: string[] = []) {
  return { headers: await f.testAuth.headersFor({ userId, roles, fleetIds }) };
}

const CREATE = `mutation ($input: CreatePaymentLinkInput!) {
  createPaymentLink(input: $input) { paymentLink { id purpose status amount { amountMinor currency } url payer { id } expiresAt paidAt } userErrors { code field message } }
}`;

async function createLink(
  viewer: { headers: Record<string, string> },
  input: { purpose: string; payerId: string; amountMinor: number; key?: string; expiresInMinutes?: number },
) {
  return f.api.execute<any>(
    CREATE,
    {
      input: {
        amount: { amountMinor: input.amountMinor, currency: 'USD' },
        purpose: input.purpose,
        payerId: input.payerId,
        idempotencyKey: input.key ?? randomUUID(),
        ...(input.expiresInMinutes === undefined ? {} : { expiresInMinutes: input.expiresInMinutes }),
      },
    },
    viewer,
  );
}

/** Opens the link's development checkout page and presses Pay, then waits for the provider's webhook. */
async function payThroughPage(url: string) {
  const path = new URL(url).pathname;
  const page = await fetch(`${base()}${path}`);
  const html = await page.text();
  const paid = await fetch(`${base()}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
  await provider.webhooksSettled();
  return { page: { status: page.status, html }, paid: { status: paid.status, html: await paid.text() } };
}

/** The balance of an account kind: an owner's, or the platform's (all shards). */
async function balance(kind: string, ownerId: string | null): Promise<number> {
  const rows = await f.prisma.$queryRaw<{ total: bigint | null }[]>`select sum(balance_minor) as total from payments.ledger_accounts
    where kind = ${kind}::payments."LedgerAccountKind" and currency = 'USD' and owner_id is not distinct from ${ownerId}::uuid`;
  return Number(rows[0]!.total ?? 0n);
}

const linkRow = (id: string) => f.prisma.paymentLink.findUniqueOrThrow({ where: { id } });
const eventsOfSession = (sessionId: string) => delivered.filter((d) => JSON.parse(d.body.toString()).data.object.id === sessionId);

describe('who may make a payment link (table of intent)', () => {
  // For each purpose and viewer: may they make a link for the payer? The payer is the driver for DRIVER_*, the
  // rider for RIDER_BALANCE.
  type Who = 'operations' | 'managerOfFleet' | 'managerOfOtherFleet' | 'theDriver' | 'anotherDriver' | 'theRider' | 'anotherRider';
  const intent: Record<'DRIVER_DEPOSIT' | 'DRIVER_DUES' | 'RIDER_BALANCE', Record<Who, boolean>> = {
    DRIVER_DEPOSIT: {
      operations: true,
      managerOfFleet: true,
      managerOfOtherFleet: false,
      theDriver: true,
      anotherDriver: false,
      theRider: false,
      anotherRider: false,
    },
    DRIVER_DUES: {
      operations: true,
      managerOfFleet: true,
      managerOfOtherFleet: false,
      theDriver: true,
      anotherDriver: false,
      theRider: false,
      anotherRider: false,
    },
    RIDER_BALANCE: {
      operations: true,
      managerOfFleet: false,
      managerOfOtherFleet: false,
      theDriver: false,
      anotherDriver: false,
      theRider: true,
      anotherRider: false,
    },
  };
  const cases = Object.entries(intent).flatMap(([purpose, row]) => Object.entries(row).map(([who, allowed]) => [purpose, who as Who, allowed] as const));

  test.each(cases)('%s by %s: allowed %s', async (purpose, who, allowed) => {
    const driver = await newDriver();
    const other = await newDriver();
    const riderId = randomUUID();
    const viewers: Record<Who, () => Promise<{ headers: Record<string, string> }>> = {
      operations: () => as(randomUUID(), ['OPERATIONS']),
      managerOfFleet: () => as(randomUUID(), ['FLEET_MANAGER'], [driver.fleetId]),
      managerOfOtherFleet: () => as(randomUUID(), ['FLEET_MANAGER'], [other.fleetId]),
      theDriver: () => as(driver.userId, ['DRIVER']),
      anotherDriver: () => as(other.userId, ['DRIVER']),
      theRider: () => as(riderId, ['RIDER']),
      anotherRider: () => as(randomUUID(), ['RIDER']),
    };
    const payerId = purpose === 'RIDER_BALANCE' ? riderId : driver.userId;
    const result = await createLink(await viewers[who](), { purpose, payerId, amountMinor: 1000 });
    if (allowed) {
      expect(result.errors).toBeUndefined();
      expect(result.data.createPaymentLink.userErrors).toEqual([]);
      expect(result.data.createPaymentLink.paymentLink).toMatchObject({ purpose, status: 'PENDING', payer: { id: payerId } });
    } else {
      expect(result.errors?.map((e: any) => e.extensions.code)).toEqual(['FORBIDDEN']);
    }
  });
});

test('DRIVER_DEPOSIT: the page shows the amount, paying it books provider clearing −A and the driver deposit +A once', async () => {
  const driver = await newDriver();
  const clearingBefore = await balance('PROVIDER_CLEARING', null);
  const made = await createLink(await as(randomUUID(), ['FLEET_MANAGER'], [driver.fleetId]), {
    purpose: 'DRIVER_DEPOSIT',
    payerId: driver.userId,
    amountMinor: 5_000,
  });
  const link = made.data.createPaymentLink.paymentLink;
  expect(link).toMatchObject({ status: 'PENDING', amount: { amountMinor: 5_000, currency: 'USD' }, paidAt: null });
  expect(link.url).toMatch(/^http:\/\/localhost:4004\/dev-pay\/cs_dev_[0-9a-f]+$/);
  expect(new Date(link.expiresAt).getTime() - Date.now()).toBeGreaterThan(59 * 60_000);

  const { page, paid } = await payThroughPage(link.url);
  expect(page.status).toBe(200);
  expect(page.html).toContain('<strong id="amount">50.00 USD</strong>');
  expect(page.html).toContain('<form method="post"');
  expect(paid.status).toBe(200);
  expect(paid.html).toContain('Paid.');

  const row = await linkRow(link.id);
  expect(row).toMatchObject({ status: 'PAID', driverUserId: driver.userId, driverId: driver.driverId });
  expect(row.paidAt).not.toBeNull();
  expect(await balance('DRIVER_DEPOSIT', driver.userId)).toBe(5_000);
  expect((await balance('PROVIDER_CLEARING', null)) - clearingBefore).toBe(-5_000);
  const entry = await f.prisma.journalEntry.findUniqueOrThrow({ where: { id: row.entryId! } });
  expect(entry.cause).toBe('DEPOSIT');

  // The same webhook again, and both at once: nothing more.
  const [event] = eventsOfSession(row.providerLinkId!);
  const replays = await Promise.all([postWebhook(event!.body, event!.headers), postWebhook(event!.body, event!.headers)]);
  expect(replays.map((r) => r.status)).toEqual([200, 200]);
  expect(await balance('DRIVER_DEPOSIT', driver.userId)).toBe(5_000);
  // Paying the page again charges nothing more.
  const again = await payThroughPage(link.url);
  expect(again.paid.html).toContain('already paid');
  expect(await f.prisma.journalEntry.count({ where: { cause: 'DEPOSIT', postings: { some: { account: { ownerId: driver.userId } } } } })).toBe(1);

  // An `expired` for the paid link (late, reordered) changes nothing.
  const expired = Buffer.from(
    JSON.stringify({
      id: `evt_late_${randomUUID()}`,
      type: 'checkout.session.expired',
      created: Math.floor(Date.now() / 1000),
      data: {
        object: { id: row.providerLinkId, object: 'checkout.session', status: 'expired', payment_status: 'unpaid', metadata: { paymentLinkId: row.id } },
      },
    }),
  );
  expect((await postWebhook(expired, provider.signWebhook(expired))).status).toBe(200);
  expect((await linkRow(link.id)).status).toBe('PAID');
  expect(await ledgerInvariants(f.prisma)).toMatchObject({ unbalancedEntries: 0, driftingAccounts: 0, totals: { USD: 0 } });
});

test('DRIVER_DUES by the driver themselves: credited to their earnings, cause LINK_PAYMENT', async () => {
  const driver = await newDriver();
  const made = await createLink(await as(driver.userId, ['DRIVER']), { purpose: 'DRIVER_DUES', payerId: driver.userId, amountMinor: 1_200 });
  const link = made.data.createPaymentLink.paymentLink;
  await payThroughPage(link.url);
  const row = await linkRow(link.id);
  expect(row.status).toBe('PAID');
  expect(await balance('DRIVER_EARNINGS', driver.userId)).toBe(1_200);
  expect((await f.prisma.journalEntry.findUniqueOrThrow({ where: { id: row.entryId! } })).cause).toBe('LINK_PAYMENT');
});

test('RIDER_BALANCE: repays what the rider owes first (their owed fare marked paid), the rest to the wallet', async () => {
  const party = newParty();
  // WALLET chosen, an empty wallet and no card: the fare is owed.
  await f.built.services.settleTripEvent(completed(party, 700, { method: 'WALLET', cardId: null }));
  const owed = await f.prisma.payment.findFirstOrThrow({ where: { tripId: party.tripId } });
  expect(owed.status).toBe('OWED');
  expect(await balance('RIDER_BALANCE_DUE', party.riderUserId)).toBe(-700);

  const made = await createLink(await as(party.riderUserId, ['RIDER']), { purpose: 'RIDER_BALANCE', payerId: party.riderUserId, amountMinor: 1_000 });
  await payThroughPage(made.data.createPaymentLink.paymentLink.url);

  expect(await balance('RIDER_BALANCE_DUE', party.riderUserId)).toBe(0);
  expect(await balance('RIDER_WALLET', party.riderUserId)).toBe(300);
  expect(await f.prisma.payment.findUniqueOrThrow({ where: { id: owed.id } })).toMatchObject({ status: 'SUCCEEDED', method: 'CARD' });
  const dueEvents = await f.prisma.outboxEvent.findMany({ where: { type: 'rider.balance_due.changed' }, orderBy: { occurredAt: 'asc' } });
  const mine = dueEvents.map((e) => e.payload as any).filter((p) => p.userId === party.riderUserId);
  expect(mine.at(-1).due).toEqual({ amountMinor: 0, currency: 'USD' });

  const listed = await f.api.execute<any>(
    `query ($id: ID!) { _entities(representations: [{ __typename: "User", id: $id }]) { ... on User { paymentLinks(first: 5) { edges { node { purpose status } } } } } }`,
    { id: party.riderUserId },
    await as(party.riderUserId, ['RIDER']),
  );
  expect(listed.data._entities[0].paymentLinks.edges).toEqual([{ node: { purpose: 'RIDER_BALANCE', status: 'PAID' } }]);
});

test('expiry: the provider expires an unpaid link, nothing moves, the page says so; a second expiry changes nothing', async () => {
  const driver = await newDriver();
  const made = await createLink(await as(randomUUID(), ['OPERATIONS']), {
    purpose: 'DRIVER_DUES',
    payerId: driver.userId,
    amountMinor: 900,
    expiresInMinutes: 30,
  });
  const link = made.data.createPaymentLink.paymentLink;
  const row = await linkRow(link.id);
  expect(provider.expireLinkNow(row.providerLinkId!)).toBe(true);
  await provider.webhooksSettled();
  expect((await linkRow(link.id)).status).toBe('EXPIRED');
  expect(provider.expireLinkNow(row.providerLinkId!)).toBe(false);
  const [event] = eventsOfSession(row.providerLinkId!);
  expect((await postWebhook(event!.body, event!.headers)).status).toBe(200);
  expect(await linkRow(link.id)).toMatchObject({ status: 'EXPIRED', entryId: null });
  expect(await balance('DRIVER_EARNINGS', driver.userId)).toBe(0);
  const page = await fetch(`${base()}${new URL(link.url).pathname}`);
  expect(page.status).toBe(410);
});

test('bad input is refused with codes; the same key returns the first link, another input under it is a CONFLICT', async () => {
  const driver = await newDriver();
  const ops = await as(randomUUID(), ['OPERATIONS']);
  const codes = async (input: Parameters<typeof createLink>[1]) => (await createLink(ops, input)).data.createPaymentLink.userErrors.map((e: any) => e.code);
  expect(await codes({ purpose: 'TRIP_FARE', payerId: driver.userId, amountMinor: 100 })).toEqual(['INVALID_PURPOSE']);
  expect(await codes({ purpose: 'DRIVER_DUES', payerId: driver.userId, amountMinor: 100, expiresInMinutes: 10 })).toEqual(['INVALID_EXPIRY']);
  expect(await codes({ purpose: 'DRIVER_DUES', payerId: driver.userId, amountMinor: 0 })).toEqual(['INVALID_AMOUNT']);
  expect(await codes({ purpose: 'DRIVER_DUES', payerId: randomUUID(), amountMinor: 100 })).toEqual(['PAYER_NOT_FOUND']);

  const key = randomUUID();
  const first = await createLink(ops, { purpose: 'DRIVER_DUES', payerId: driver.userId, amountMinor: 400, key });
  const second = await createLink(ops, { purpose: 'DRIVER_DUES', payerId: driver.userId, amountMinor: 400, key });
  expect(second.data.createPaymentLink.paymentLink.id).toBe(first.data.createPaymentLink.paymentLink.id);
  expect(second.data.createPaymentLink.paymentLink.url).toBe(first.data.createPaymentLink.paymentLink.url);
  const conflict = await createLink(ops, { purpose: 'DRIVER_DUES', payerId: driver.userId, amountMinor: 401, key });
  expect(conflict.errors?.map((e: any) => e.extensions.code)).toEqual(['CONFLICT']);
  expect(await f.prisma.paymentLink.count({ where: { payerUserId: driver.userId } })).toBe(1);
});

test('paymentLink(id): its payer, who made it, the manager of the fleet and operations see it; others get null', async () => {
  const driver = await newDriver();
  const manager = randomUUID();
  const made = await createLink(await as(manager, ['FLEET_MANAGER'], [driver.fleetId]), { purpose: 'DRIVER_DUES', payerId: driver.userId, amountMinor: 300 });
  const id = made.data.createPaymentLink.paymentLink.id;
  const read = async (viewer: { headers: Record<string, string> }) =>
    (await f.api.execute<any>(`query ($id: ID!) { paymentLink(id: $id) { id } }`, { id }, viewer)).data.paymentLink?.id ?? null;
  expect(await read(await as(driver.userId, ['DRIVER']))).toBe(id);
  expect(await read(await as(manager, ['FLEET_MANAGER'], [driver.fleetId]))).toBe(id);
  expect(await read(await as(randomUUID(), ['FLEET_MANAGER'], [driver.fleetId]))).toBe(id);
  expect(await read(await as(randomUUID(), ['OPERATIONS']))).toBe(id);
  expect(await read(await as(randomUUID(), ['FLEET_MANAGER'], [randomUUID()]))).toBeNull();
  expect(await read(await as(randomUUID(), ['RIDER']))).toBeNull();
});

test('a development provider restart forgets its links: the page takes a pending link back from payments and it can still be paid', async () => {
  const driver = await newDriver();
  const made = await createLink(await as(randomUUID(), ['OPERATIONS']), { purpose: 'DRIVER_DUES', payerId: driver.userId, amountMinor: 750 });
  const link = made.data.createPaymentLink.paymentLink;
  const row = await linkRow(link.id);
  // What a restart does to the provider's memory.
  (provider as unknown as { links: Map<string, unknown> }).links.delete(row.providerLinkId!);
  expect(provider.checkoutLink(row.providerLinkId!)).toBeUndefined();
  const { page } = await payThroughPage(link.url);
  expect(page.status).toBe(200);
  expect(page.html).toContain('7.50 USD');
  expect((await linkRow(link.id)).status).toBe('PAID');
  expect(await balance('DRIVER_EARNINGS', driver.userId)).toBe(750);
  expect((await fetch(`${base()}/dev-pay/cs_dev_0123abcd`)).status).toBe(404);
});

test('the provider unreachable when the link is made: PROVIDER_UNAVAILABLE, and a retry with the same key finishes the same link', async () => {
  const driver = await newDriver();
  const ops = await as(randomUUID(), ['OPERATIONS']);
  const original = provider.createPaymentLink.bind(provider);
  provider.createPaymentLink = () => Promise.reject(new ProviderUnavailableError('down for the test'));
  const key = randomUUID();
  try {
    const failed = await createLink(ops, { purpose: 'DRIVER_DUES', payerId: driver.userId, amountMinor: 450, key });
    expect(failed.data.createPaymentLink).toMatchObject({ paymentLink: null, userErrors: [{ code: 'PROVIDER_UNAVAILABLE' }] });
  } finally {
    provider.createPaymentLink = original;
  }
  const rows = await f.prisma.paymentLink.findMany({ where: { payerUserId: driver.userId } });
  expect(rows).toMatchObject([{ status: 'PENDING', url: null, providerLinkId: null }]);
  const retried = await createLink(ops, { purpose: 'DRIVER_DUES', payerId: driver.userId, amountMinor: 450, key });
  expect(retried.data.createPaymentLink.paymentLink).toMatchObject({ id: rows[0]!.id, status: 'PENDING' });
  expect(retried.data.createPaymentLink.paymentLink.url).toMatch(/\/dev-pay\/cs_dev_/);
});

test("the PaymentIntent events behind a link's checkout (Stripe sends them too) are answered 200 and change nothing", async () => {
  const body = Buffer.from(
    JSON.stringify({
      id: `evt_pi_${randomUUID()}`,
      type: 'payment_intent.succeeded',
      created: Math.floor(Date.now() / 1000),
      data: { object: { id: `pi_checkout_${randomUUID()}`, object: 'payment_intent', status: 'succeeded', metadata: { paymentLinkId: randomUUID() } } },
    }),
  );
  const entries = await f.prisma.journalEntry.count();
  expect((await postWebhook(body, provider.signWebhook(body))).status).toBe(200);
  expect(await f.prisma.journalEntry.count()).toBe(entries);
});
