// Helpers of the rental tests: a settable clock, driver profiles fed as fleet's driver.status.changed events
// through the driver directory (so the auto-assignment listener runs as in production), and ledger balances.
import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '../../../../platform/events/index.js';
import { createDriverDirectory } from '../../src/services/driver-directory.js';
import type { PaymentsFixture } from './payments-fixture.js';

/** A clock the test moves by hand. */
export function testClock(start: string) {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    set: (at: Date | string) => {
      now = new Date(at);
    },
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
  };
}

export const DAY = 24 * 3600_000;
export const HOUR = 3600_000;

export interface TestDriver {
  driverId: string;
  userId: string;
  fleetId: string;
  version: number;
}

export const newDriver = (fleetId: string = randomUUID()): TestDriver => ({ driverId: randomUUID(), userId: randomUUID(), fleetId, version: 0 });

/** Feeds fleet's event for the driver's new vehicle (null: none) through payments' driver directory. */
export async function driverChanged(f: PaymentsFixture, driver: TestDriver, vehicle: { vehicleId: string; category: string } | null): Promise<void> {
  driver.version += 1;
  const occurredAt = new Date().toISOString();
  const event: EventEnvelope<'driver.status.changed'> = {
    id: randomUUID(),
    type: 'driver.status.changed',
    source: 'fleet',
    occurredAt,
    payload: {
      driverId: driver.driverId,
      userId: driver.userId,
      fleetId: driver.fleetId,
      status: 'AVAILABLE',
      vehicleId: vehicle?.vehicleId ?? null,
      category: (vehicle?.category ?? null) as never,
      position: null,
      version: driver.version,
      occurredAt,
    },
  };
  await createDriverDirectory(f.prisma, f.built.services.driverProfileListeners)(event);
}

/** The balance of an account (0 when it does not exist): the payments fixture's. */
export { balanceOf as balance } from './payments-fixture.js';

export const PLAN_FIELDS = `id name vehicleCategory period rent { amountMinor currency } deposit { amountMinor currency } depositCollection validFrom validTo autoAssign retiredAt`;

export const CREATE_PLAN = `mutation ($input: CreateRentalPlanInput!) { createRentalPlan(input: $input) { plan { ${PLAN_FIELDS} } userErrors { code field } } }`;

export function planInput(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Economy daily',
    vehicleCategory: 'ECONOMY',
    period: 'DAILY',
    rent: { amountMinor: 1500, currency: 'USD' },
    deposit: { amountMinor: 0, currency: 'USD' },
    depositCollection: 'FROM_EARNINGS',
    validFrom: '2026-01-01T00:00:00.000Z',
    autoAssign: false,
    ...overrides,
  };
}
