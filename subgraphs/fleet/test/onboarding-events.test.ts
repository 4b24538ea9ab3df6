// identity's driver.onboarded becomes a driver profile exactly once (redelivery changes nothing), with the rules of
// createDriverProfile for what fleet owns (the fleet, one profile per user, one driver per licence); and fleet
// announces its fleets (fleet.changed, a trigger on fleet.fleets) so identity knows which exist.
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { AnyEventEnvelope, DomainEvents, EventEnvelope } from '../../../platform/events/index.js';
import { createOnboardingEventHandler, ONBOARDING_EVENTS_CONSUMER } from '../src/services/onboarding-events.js';
import { createFleet, startFleetHarness, type FleetHarness } from './support/fleet-harness.js';

let h: FleetHarness;
const warnings: string[] = [];
let handle: (event: AnyEventEnvelope) => Promise<void>;
const NOW = new Date('2026-12-07T09:00:00.000Z');

beforeAll(async () => {
  h = await startFleetHarness({ consumeEvents: false });
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        const parsed = JSON.parse(line) as { level: number; msg: string };
        if (parsed.level === 40) warnings.push(parsed.msg);
      }
      done();
    },
  });
  handle = createOnboardingEventHandler({ prisma: h.prisma, outbox: { wake: () => undefined }, logger: pino({ level: 'warn' }, stream), now: () => NOW });
});

afterAll(async () => {
  await h?.stop();
});

function onboarded(payload: Partial<DomainEvents['driver.onboarded']> & { fleetId: string }, userId: string = randomUUID()): EventEnvelope<'driver.onboarded'> {
  const occurredAt = NOW.toISOString();
  return {
    id: randomUUID(),
    type: 'driver.onboarded',
    source: 'identity',
    occurredAt,
    payload: { userId, licenceNumber: `OB-${randomUUID().slice(0, 8)}`, licenceExpiresOn: null, onboardedBy: randomUUID(), occurredAt, ...payload },
  };
}

const statusEvents = (driverId: string) =>
  h.prisma.outboxEvent.findMany({ where: { type: 'driver.status.changed', payload: { path: ['driverId'], equals: driverId } } });

test('the profile is made in the fleet, OFFLINE, with its licence, announced to trips once; a redelivery changes nothing', async () => {
  const { fleet } = await createFleet(h.prisma, { drivers: 0 });
  const event = onboarded({ fleetId: fleet.id, licenceNumber: 'ob-2030-x', licenceExpiresOn: '2030-06-30' });
  await handle(event);
  await handle(event);

  const drivers = await h.prisma.driver.findMany({ where: { userId: event.payload.userId } });
  expect(
    drivers.map(({ fleetId, licenceNumber, licenceExpiresOn, status, version }) => ({ fleetId, licenceNumber, licenceExpiresOn, status, version })),
  ).toEqual([{ fleetId: fleet.id, licenceNumber: 'OB-2030-X', licenceExpiresOn: new Date('2030-06-30T00:00:00.000Z'), status: 'OFFLINE', version: 1 }]);
  const announced = await statusEvents(drivers[0]!.id);
  expect(announced.map((row) => row.payload as { status: string; version: number; fleetId: string })).toEqual([
    expect.objectContaining({ status: 'OFFLINE', version: 1, fleetId: fleet.id }),
  ]);
  expect(await h.prisma.processedEvent.count({ where: { consumer: ONBOARDING_EVENTS_CONSUMER, eventId: event.id } })).toBe(1);
});

test('a fleet fleet does not know, a user with a profile already, a licence another driver holds: no profile, a warning', async () => {
  const { fleet, drivers } = await createFleet(h.prisma, { drivers: 1 });
  const existing = await h.prisma.driver.findUniqueOrThrow({ where: { id: drivers[0]!.id } });
  const before = await h.prisma.driver.count();
  warnings.length = 0;

  await handle(onboarded({ fleetId: randomUUID() }));
  await handle(onboarded({ fleetId: fleet.id }, existing.userId));
  await handle(onboarded({ fleetId: fleet.id, licenceNumber: existing.licenceNumber }));
  await handle(onboarded({ fleetId: fleet.id, licenceExpiresOn: '2030-02-30' }));

  expect(await h.prisma.driver.count()).toBe(before);
  expect(warnings).toEqual([
    'driver.onboarded: no driver profile made: unknown fleet',
    'driver.onboarded: no driver profile made: the user has a driver profile already',
    'driver.onboarded: no driver profile made: another driver has this licence number',
    'driver.onboarded: no driver profile made: malformed event',
  ]);
});

test('fleet.changed is written with every new fleet and every change of its name or city, not for other changes', async () => {
  const fleet = await h.prisma.fleet.create({ data: { name: `Announced ${randomUUID().slice(0, 8)}`, city: 'Metro City' } });
  await h.prisma.fleet.update({ where: { id: fleet.id }, data: { city: 'Harbour Town' } });
  await h.prisma.fleet.update({ where: { id: fleet.id }, data: { city: 'Harbour Town' } });
  await h.prisma.fleet.update({ where: { id: fleet.id }, data: { managerUserId: randomUUID() } });
  const rows = await h.prisma.outboxEvent.findMany({ where: { type: 'fleet.changed', payload: { path: ['fleetId'], equals: fleet.id } } });
  const payloads = rows.map((row) => row.payload as DomainEvents['fleet.changed']).sort((a, b) => b.city.localeCompare(a.city));
  expect(payloads).toEqual([
    { fleetId: fleet.id, name: fleet.name, city: 'Metro City', occurredAt: expect.any(String) },
    { fleetId: fleet.id, name: fleet.name, city: 'Harbour Town', occurredAt: expect.any(String) },
  ]);
});
