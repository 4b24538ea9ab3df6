// Vehicle payment QR codes on PostgreSQL, with the development provider over real HTTP: the code's payload and its
// images; a rider scans it after a cash trip and pays through the link, so the driver no longer owes that cash;
// an owed fare is repaid; what cannot be paid by QR is refused with its code; settlement records the vehicle on both
// of its paths and a redelivered trip event after the QR payment changes nothing.
/* eslint-disable @typescript-eslint/no-explicit-any -- responses are read loosely and pinned with toEqual, field by field */
import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '../../../platform/events/index.js';
import { serveSubgraph, type RunningSubgraph } from '../../../platform/graphql/index.js';
import { createLogger } from '../../../platform/logging/index.js';
import { DevelopmentPaymentProvider } from '../src/providers/development-provider.js';
import { vehicleIdOfPayload, vehicleQrPayload } from '../src/services/vehicle-qr.js';
import type { LedgerAccountKind } from '../src/store/prisma/client.js';
import {
  balanceOf,
  completed,
  creditWallet,
  ledgerInvariants,
  newParty,
  startPaymentsFixture,
  type PaymentsFixture,
  type TripParty,
} from './support/payments-fixture.js';

let f: PaymentsFixture;
let http: RunningSubgraph;
let provider: DevelopmentPaymentProvider;
const base = () => `http://127.0.0.1:${http.port}`;

beforeAll(async () => {
  provider = new DevelopmentPaymentProvider({
    webhookSecret: 'whsec_test_only',
    webhookDelayMs: 20,
    webhookRetryDelayMs: 50,
    deliver: async (body, headers) => {
      const response = await fetch(`${base()}/webhooks/payments`, { method: 'POST', body: new Uint8Array(body), headers });
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

function completedOn(party: TripParty, vehicleId: string, fare: number, method: 'CASH' | 'WALLET' | 'CARD' = 'CASH'): EventEnvelope<'trip.completed'> {
  const event = completed(party, fare, { method, cardId: null });
  return { ...event, payload: { ...event.payload, vehicleId } };
}

const balance = (kind: LedgerAccountKind, ownerId: string | null) => balanceOf(f.prisma, kind, ownerId);

const SCAN = `mutation ($input: PayTripByVehicleQrInput!) {
  payTripByVehicleQr(input: $input) { paymentLink { id purpose status url amount { amountMinor currency } trip { id } payment { id method } } userErrors { code message } }
}`;

async function scan(riderUserId: string, vehicleId: string, key = randomUUID()) {
  const result = await f.api.execute<any>(
    SCAN,
    { input: { qrPayload: vehicleQrPayload('http://localhost:4004', vehicleId), idempotencyKey: key } },
    await f.as(riderUserId, ['RIDER']),
  );
  expect(result.errors).toBeUndefined();
  return result.data.payTripByVehicleQr;
}

async function pay(url: string) {
  const path = new URL(url).pathname;
  expect((await fetch(`${base()}${path}`)).status).toBe(200);
  const answer = await fetch(`${base()}${path}`, { method: 'POST', body: '' });
  expect(answer.status).toBe(200);
  await provider.webhooksSettled();
}

test('Vehicle.paymentQr: the payload names the vehicle and round-trips; SVG and PNG renderings; anyone signed in', async () => {
  const vehicleId = randomUUID();
  const query = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Vehicle { id paymentQr { payload svg pngDataUrl } } } }`;
  const result = await f.api.execute<any>(query, { r: [{ __typename: 'Vehicle', id: vehicleId }] }, await f.as(randomUUID(), ['RIDER']));
  expect(result.errors).toBeUndefined();
  const qr = result.data._entities[0].paymentQr;
  expect(qr.payload).toBe(`http://localhost:4004/pay/vehicles/${vehicleId}`);
  expect(vehicleIdOfPayload(qr.payload)).toBe(vehicleId);
  expect(qr.svg).toContain('<svg');
  expect(qr.pngDataUrl.startsWith('data:image/png;base64,')).toBe(true);
  const png = Buffer.from(qr.pngDataUrl.slice('data:image/png;base64,'.length), 'base64');
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  const anonymous = await f.api.execute<any>(query, { r: [{ __typename: 'Vehicle', id: vehicleId }] }, { headers: {} });
  expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
});

test('payloads that are not vehicle codes are refused: INVALID_QR', async () => {
  expect(vehicleIdOfPayload('https://elsewhere.example/pay/vehicles/not-an-id')).toBeNull();
  expect(vehicleIdOfPayload('javascript:alert(1)')).toBeNull();
  expect(vehicleIdOfPayload('hello')).toBeNull();
  const result = await f.api.execute<any>(
    SCAN,
    { input: { qrPayload: 'https://x.example/pay/trips/1', idempotencyKey: 'k' } },
    await f.as(randomUUID(), ['RIDER']),
  );
  expect(result.data.payTripByVehicleQr.userErrors.map((e: any) => e.code)).toEqual(['INVALID_QR']);
});

test('a cash trip paid by QR: the driver no longer owes that cash (cash held back to 0), provider clearing −F; a second scan is refused', async () => {
  const party = newParty();
  const vehicleId = randomUUID();
  const clearingBefore = await balance('PROVIDER_CLEARING', null);
  await f.built.services.settleTripEvent(completedOn(party, vehicleId, 1_800));
  expect(await balance('DRIVER_CASH_HELD', party.driverUserId)).toBe(-1_800);
  const payment = await f.prisma.payment.findFirstOrThrow({ where: { tripId: party.tripId } });
  expect(payment).toMatchObject({ vehicleId, method: 'CASH', status: 'SUCCEEDED' });

  const first = await scan(party.riderUserId, vehicleId);
  expect(first.userErrors).toEqual([]);
  const link = first.paymentLink;
  expect(link).toMatchObject({
    purpose: 'TRIP_FARE',
    status: 'PENDING',
    amount: { amountMinor: 1_800, currency: 'USD' },
    trip: { id: party.tripId },
    payment: { id: payment.id, method: 'CASH' },
  });
  // Scanning again before paying gives the same link: one page per fare.
  expect((await scan(party.riderUserId, vehicleId)).paymentLink.id).toBe(link.id);

  await pay(link.url);
  expect(await balance('DRIVER_CASH_HELD', party.driverUserId)).toBe(0);
  expect((await balance('PROVIDER_CLEARING', null)) - clearingBefore).toBe(-1_800);
  // The driver's earnings are the fare's, as settled (1800 − 20 % commission).
  expect(await balance('DRIVER_EARNINGS', party.driverUserId)).toBe(1_440);
  expect(await f.prisma.payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({ paidByLinkId: link.id, method: 'CASH' });
  const entries = await f.prisma.journalEntry.findMany({ where: { paymentId: payment.id }, orderBy: { createdAt: 'asc' } });
  expect(entries.map((e) => e.cause)).toEqual(['TRIP_FARE', 'LINK_PAYMENT']);

  const viewed = await f.api.execute<any>(
    `query ($id: ID!) { payment(id: $id) { paidByLink { id status } } }`,
    { id: payment.id },
    await f.as(party.riderUserId, ['RIDER']),
  );
  expect(viewed.data.payment.paidByLink).toEqual({ id: link.id, status: 'PAID' });

  const again = await scan(party.riderUserId, vehicleId);
  expect(again).toMatchObject({ paymentLink: null, userErrors: [{ code: 'LINK_ALREADY_PAID' }] });

  // The driver's shift around the trip: that fare was never cash in their hand, so it is not in `collected`.
  const attendanceId = randomUUID();
  const shiftAt = (offsetMs: number) => new Date(Date.parse(payment.tripCompletedAt!.toISOString()) + offsetMs).toISOString();
  await f.built.services.handleShiftCheckedOut({
    id: randomUUID(),
    type: 'shift.checked_out',
    source: 'fleet',
    occurredAt: shiftAt(3_600_000),
    payload: {
      attendanceId,
      driverId: party.driverId,
      driverUserId: party.driverUserId,
      fleetId: party.fleetId,
      checkedInAt: shiftAt(-3_600_000),
      checkedOutAt: shiftAt(3_600_000),
      cashDeposited: { amountMinor: 0, currency: 'USD' },
      occurredAt: shiftAt(3_600_000),
    },
  });
  const shifts = await f.api.execute<any>(
    `query ($d: ID!) { cashDiscrepancies(filter: { driverId: $d, onlyUnbalanced: false }) { edges { node { id collected { amountMinor } difference { amountMinor } trips { trip { id } } } } } }`,
    { d: party.driverId },
    await f.as(randomUUID(), ['OPERATIONS']),
  );
  expect(shifts.errors).toBeUndefined();
  expect(shifts.data.cashDiscrepancies.edges).toEqual([
    { node: { id: attendanceId, collected: { amountMinor: 0 }, difference: { amountMinor: 0 }, trips: [] } },
  ]);

  // trips' event delivered again after the QR payment: settled once, nothing moves.
  await f.built.services.settleTripEvent(completedOn(party, vehicleId, 1_800));
  expect(await f.prisma.journalEntry.count({ where: { paymentId: payment.id } })).toBe(2);
  expect(await balance('DRIVER_CASH_HELD', party.driverUserId)).toBe(0);
  expect(await ledgerInvariants(f.prisma)).toMatchObject({ unbalancedEntries: 0, driftingAccounts: 0, totals: { USD: 0 } });
});

test('an owed fare paid by QR repays the rider balance; the payment is paid and records the link', async () => {
  const party = newParty();
  const vehicleId = randomUUID();
  await f.built.services.settleTripEvent(completedOn(party, vehicleId, 650, 'WALLET'));
  const payment = await f.prisma.payment.findFirstOrThrow({ where: { tripId: party.tripId } });
  expect(payment.status).toBe('OWED');
  const { paymentLink } = await scan(party.riderUserId, vehicleId);
  await pay(paymentLink.url);
  expect(await balance('RIDER_BALANCE_DUE', party.riderUserId)).toBe(0);
  expect(await balance('RIDER_WALLET', party.riderUserId)).toBe(0);
  expect(await f.prisma.payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({ status: 'SUCCEEDED', paidByLinkId: paymentLink.id });
});

test('refused: no trip on that vehicle, another rider, a trip over an hour ago, a fare already paid by wallet', async () => {
  const party = newParty();
  const vehicleId = randomUUID();
  expect((await scan(party.riderUserId, vehicleId)).userErrors.map((e: any) => e.code)).toEqual(['NO_VEHICLE_TRIP']);

  await f.built.services.settleTripEvent(completedOn(party, vehicleId, 500));
  expect((await scan(randomUUID(), vehicleId)).userErrors.map((e: any) => e.code)).toEqual(['NO_VEHICLE_TRIP']);
  expect((await scan(party.riderUserId, randomUUID())).userErrors.map((e: any) => e.code)).toEqual(['NO_VEHICLE_TRIP']);
  await f.prisma.payment.updateMany({ where: { tripId: party.tripId }, data: { createdAt: new Date(Date.now() - 61 * 60_000) } });
  expect((await scan(party.riderUserId, vehicleId)).userErrors.map((e: any) => e.code)).toEqual(['NO_VEHICLE_TRIP']);

  const byWallet = newParty();
  await creditWallet(f.prisma, f.built, byWallet.riderUserId, 2_000n);
  await f.built.services.settleTripEvent(completedOn(byWallet, vehicleId, 700, 'WALLET'));
  expect((await scan(byWallet.riderUserId, vehicleId)).userErrors.map((e: any) => e.code)).toEqual(['ALREADY_PAID']);
  // A refused scan leaves its key free: nothing was made.
  expect(await f.prisma.paymentLink.count({ where: { payerUserId: { in: [party.riderUserId, byWallet.riderUserId] } } })).toBe(0);
});

test('settlement records the vehicle on the batch path too', async () => {
  const party = newParty();
  const vehicleId = randomUUID();
  expect(await f.built.services.settleTripEvents([completedOn(party, vehicleId, 900)])).toEqual([true]);
  expect(await f.prisma.payment.findFirstOrThrow({ where: { tripId: party.tripId } })).toMatchObject({ vehicleId, method: 'CASH' });
  const { paymentLink } = await scan(party.riderUserId, vehicleId);
  await pay(paymentLink.url);
  expect(await balance('DRIVER_CASH_HELD', party.driverUserId)).toBe(0);
});

test('two webhooks for one QR payment delivered at once: booked once', async () => {
  const party = newParty();
  const vehicleId = randomUUID();
  await f.built.services.settleTripEvent(completedOn(party, vehicleId, 1_000));
  const { paymentLink } = await scan(party.riderUserId, vehicleId);
  const row = await f.prisma.paymentLink.findUniqueOrThrow({ where: { id: paymentLink.id } });
  // Two provider events (distinct ids) both saying the session was paid, as a provider retrying after a timeout may.
  const body = (id: string) =>
    Buffer.from(
      JSON.stringify({
        id,
        type: 'checkout.session.completed',
        created: Math.floor(Date.now() / 1000),
        data: {
          object: { id: row.providerLinkId, object: 'checkout.session', status: 'complete', payment_status: 'paid', metadata: { paymentLinkId: row.id } },
        },
      }),
    );
  const [a, b] = [body(`evt_a_${randomUUID()}`), body(`evt_b_${randomUUID()}`)];
  const answers = await Promise.all(
    [a, b].map((raw) => fetch(`${base()}/webhooks/payments`, { method: 'POST', body: new Uint8Array(raw), headers: provider.signWebhook(raw) })),
  );
  expect(answers.map((r) => r.status)).toEqual([200, 200]);
  expect(await balance('DRIVER_CASH_HELD', party.driverUserId)).toBe(0);
  expect(await f.prisma.journalEntry.count({ where: { cause: 'LINK_PAYMENT', paymentId: row.paymentId } })).toBe(1);
});

test("the payload's URL opens a page that sends the rider to the app; the development checkout pages are off when configured so (production)", async () => {
  const vehicleId = randomUUID();
  const landing = await fetch(`${base()}${new URL(vehicleQrPayload('http://localhost:4004', vehicleId)).pathname}`);
  expect(landing.status).toBe(200);
  expect(await landing.text()).toContain('Scan to pay');
  expect((await fetch(`${base()}/pay/vehicles/not-a-vehicle`)).status).toBe(404);
  expect(Object.keys(f.built.pageRoutes ?? {}).sort()).toEqual(['/dev-pay/', '/pay/vehicles/']);

  const production = await startPaymentsFixture({ provider, config: { devPayPages: false } });
  try {
    expect(Object.keys(production.built.pageRoutes ?? {})).toEqual(['/pay/vehicles/']);
  } finally {
    await production.stop();
  }
});
