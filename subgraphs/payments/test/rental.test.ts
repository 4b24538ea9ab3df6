// Rental plans, rent accrual, deposits and exits on PostgreSQL, with a simulated clock: plan validation codes,
// auto-assignment when fleet assigns a vehicle, rent per day and per week charged exactly once (a restart that
// missed days catches up; two replicas on one database never double-charge), deposits and settleDriverExit.
/* eslint-disable @typescript-eslint/no-explicit-any -- responses are read loosely and pinned with toEqual, field by field */
import { randomUUID } from 'node:crypto';
import { testSubgraphDeps } from '../../../platform/testing/index.js';
import { buildPaymentsSubgraph } from '../src/server.js';
import { createRentAccrual } from '../src/services/rental/rent-accrual.js';
import { completed, ledgerInvariants, newParty, startPaymentsFixture, type PaymentsFixture } from './support/payments-fixture.js';
import { balance, CREATE_PLAN, DAY, driverChanged, HOUR, newDriver, planInput, testClock, type TestDriver } from './support/rental-fixture.js';

const T0 = '2026-03-02T08:00:00.000Z';
const clock = testClock(T0);
let f: PaymentsFixture;
let ops: { headers: Record<string, string> };
const opsId = randomUUID();

beforeAll(async () => {
  f = await startPaymentsFixture({ now: clock.now });
  ops = await f.as(opsId, ['OPERATIONS']);
});
afterAll(async () => {
  await f?.stop();
});
beforeEach(() => clock.set(T0));

async function gql<T = any>(query: string, variables: Record<string, unknown>, who: { headers: Record<string, string> } = ops) {
  return f.api.execute<T>(query, variables, { headers: who.headers });
}

async function createPlan(overrides: Record<string, unknown> = {}): Promise<string> {
  const result = await gql(CREATE_PLAN, { input: planInput(overrides) });
  expect(result.data?.createRentalPlan.userErrors).toEqual([]);
  return result.data.createRentalPlan.plan.id;
}

const ASSIGN = `mutation ($input: AssignRentalPlanInput!) { assignRentalPlan(input: $input) {
  rentalPlan { id since until periodsCharged nextChargeAt plan { id name } } userErrors { code field } } }`;

async function assign(driver: TestDriver, planId: string, startsAt?: string) {
  const result = await gql(ASSIGN, { input: { driverId: driver.driverId, planId, ...(startsAt ? { startsAt } : {}) } });
  expect(result.errors).toBeUndefined();
  return result.data.assignRentalPlan;
}

/** A driver payments knows (no vehicle: no auto-assignment). */
async function knownDriver(fleetId?: string): Promise<TestDriver> {
  const driver = newDriver(fleetId);
  await driverChanged(f, driver, null);
  return driver;
}

const rentCount = (driverId: string) => f.prisma.rentCharge.count({ where: { driverId } });

const DRIVER_RENTAL = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Driver {
  rentalPlan { since periodsCharged nextChargeAt plan { name period rent { amountMinor } } }
  rentCharges(first: 20) { edges { node { periodStart periodEnd amount { amountMinor currency } plan { name } } } pageInfo { hasNextPage } }
  deposit { required { amountMinor } held { amountMinor } collection }
} } }`;

async function driverRental(driver: TestDriver, who = ops) {
  const result = await gql(DRIVER_RENTAL, { r: [{ __typename: 'Driver', id: driver.driverId }] }, who);
  return result;
}

describe('plans', () => {
  test('nonsense is refused with codes, nothing created', async () => {
    const cases: [Record<string, unknown>, string, string[]][] = [
      [{ name: '   ' }, 'INVALID_NAME', ['input', 'name']],
      [{ name: 'x'.repeat(101) }, 'INVALID_NAME', ['input', 'name']],
      [{ rent: { amountMinor: 0, currency: 'USD' } }, 'INVALID_RENT', ['input', 'rent', 'amountMinor']],
      [{ rent: { amountMinor: -5, currency: 'USD' } }, 'INVALID_RENT', ['input', 'rent', 'amountMinor']],
      [{ rent: { amountMinor: 1_000_001, currency: 'USD' } }, 'INVALID_RENT', ['input', 'rent', 'amountMinor']],
      [{ rent: { amountMinor: 1500, currency: 'EUR' } }, 'CURRENCY_MISMATCH', ['input', 'rent', 'currency']],
      [{ deposit: { amountMinor: -1, currency: 'USD' } }, 'INVALID_DEPOSIT', ['input', 'deposit', 'amountMinor']],
      [{ deposit: { amountMinor: 100, currency: 'GBP' } }, 'CURRENCY_MISMATCH', ['input', 'deposit', 'currency']],
      [{ validTo: '2026-01-01T00:00:00.000Z' }, 'INVALID_VALIDITY', ['input', 'validTo']],
      [{ validTo: '2025-12-31T00:00:00.000Z' }, 'INVALID_VALIDITY', ['input', 'validTo']],
    ];
    const before = await f.prisma.rentalPlan.count();
    for (const [overrides, code, field] of cases) {
      const result = await gql(CREATE_PLAN, { input: planInput({ vehicleCategory: 'BIKE', ...overrides }) });
      expect({ overrides, errors: result.data?.createRentalPlan.userErrors, plan: result.data?.createRentalPlan.plan }).toEqual({
        overrides,
        errors: [{ code, field }],
        plan: null,
      });
    }
    expect(await f.prisma.rentalPlan.count()).toBe(before);
  });

  test('a plan is created as given; a deposit of 0 is allowed', async () => {
    const result = await gql(CREATE_PLAN, {
      input: planInput({
        name: '  Bike weekly  ',
        vehicleCategory: 'BIKE',
        period: 'WEEKLY',
        rent: { amountMinor: 7000, currency: 'USD' },
        validTo: '2027-01-01T00:00:00Z',
      }),
    });
    expect(result.data.createRentalPlan).toEqual({
      userErrors: [],
      plan: {
        id: expect.any(String),
        name: 'Bike weekly',
        vehicleCategory: 'BIKE',
        period: 'WEEKLY',
        rent: { amountMinor: 7000, currency: 'USD' },
        deposit: { amountMinor: 0, currency: 'USD' },
        depositCollection: 'FROM_EARNINGS',
        validFrom: '2026-01-01T00:00:00.000Z',
        validTo: '2027-01-01T00:00:00.000Z',
        autoAssign: false,
        retiredAt: null,
      },
    });
  });

  test('two auto-assigned plans of one category may not overlap; adjacent validity and other categories may', async () => {
    await createPlan({ vehicleCategory: 'XL', autoAssign: true, validFrom: '2026-01-01T00:00:00Z', validTo: '2026-06-01T00:00:00Z' });
    const overlapping = await gql(CREATE_PLAN, { input: planInput({ vehicleCategory: 'XL', autoAssign: true, validFrom: '2026-05-01T00:00:00Z' }) });
    expect(overlapping.data.createRentalPlan.userErrors).toEqual([{ code: 'AUTO_ASSIGN_OVERLAP', field: ['input', 'autoAssign'] }]);
    const adjacent = await createPlan({ vehicleCategory: 'XL', autoAssign: true, validFrom: '2026-06-01T00:00:00Z' });
    // Not auto-assigned: no overlap rule.
    await createPlan({ vehicleCategory: 'XL', autoAssign: false, validFrom: '2026-05-01T00:00:00Z' });
    // Stretching the first one over the second is an overlap too.
    const UPDATE = `mutation ($input: UpdateRentalPlanInput!) { updateRentalPlan(input: $input) { plan { name validFrom validTo autoAssign rent { amountMinor } } userErrors { code field } } }`;
    const stretched = await gql(UPDATE, { input: { id: adjacent, validFrom: '2026-05-15T00:00:00Z' } });
    expect(stretched.data.updateRentalPlan.userErrors).toEqual([{ code: 'AUTO_ASSIGN_OVERLAP', field: ['input', 'autoAssign'] }]);
    const renamed = await gql(UPDATE, { input: { id: adjacent, name: 'XL from June', validTo: '2026-09-01T00:00:00Z' } });
    expect(renamed.data.updateRentalPlan).toEqual({
      userErrors: [],
      plan: { name: 'XL from June', validFrom: '2026-06-01T00:00:00.000Z', validTo: '2026-09-01T00:00:00.000Z', autoAssign: true, rent: { amountMinor: 1500 } },
    });
    const badValidity = await gql(UPDATE, { input: { id: adjacent, validTo: '2026-05-01T00:00:00Z' } });
    expect(badValidity.data.updateRentalPlan.userErrors).toEqual([{ code: 'INVALID_VALIDITY', field: ['input', 'validTo'] }]);
    const unknown = await gql(UPDATE, { input: { id: randomUUID(), name: 'x' } });
    expect(unknown.data.updateRentalPlan.userErrors).toEqual([{ code: 'PLAN_NOT_FOUND', field: ['input', 'id'] }]);
  });

  test('a retired plan takes no new drivers and no changes; retiring twice returns it as it is', async () => {
    const planId = await createPlan({ vehicleCategory: 'AUTO' });
    const RETIRE = `mutation ($id: ID!) { retireRentalPlan(id: $id) { plan { retiredAt } userErrors { code } } }`;
    const retired = await gql(RETIRE, { id: planId });
    expect(retired.data.retireRentalPlan).toEqual({ plan: { retiredAt: T0 }, userErrors: [] });
    clock.advance(HOUR);
    expect((await gql(RETIRE, { id: planId })).data.retireRentalPlan).toEqual({ plan: { retiredAt: T0 }, userErrors: [] });
    const driver = await knownDriver();
    expect((await assign(driver, planId)).userErrors).toEqual([{ code: 'PLAN_RETIRED', field: ['input', 'planId'] }]);
    const listed = await gql(`query { rentalPlans(filter: { vehicleCategory: AUTO }) { id } }`, {});
    expect(listed.data.rentalPlans).toEqual([]);
    const withRetired = await gql(`query { rentalPlans(filter: { vehicleCategory: AUTO, includeRetired: true }) { id } }`, {});
    expect(withRetired.data.rentalPlans).toEqual([{ id: planId }]);
  });

  test('assignment refusals: unknown driver or plan, plan not valid yet, category mismatch, already on a plan', async () => {
    const planId = await createPlan({ vehicleCategory: 'AUTO', validFrom: '2026-04-01T00:00:00Z' });
    const driver = await knownDriver();
    expect((await assign(newDriver(), planId)).userErrors).toEqual([{ code: 'DRIVER_NOT_FOUND', field: ['input', 'driverId'] }]);
    expect((await assign(driver, randomUUID())).userErrors).toEqual([{ code: 'PLAN_NOT_FOUND', field: ['input', 'planId'] }]);
    expect((await assign(driver, planId)).userErrors).toEqual([{ code: 'PLAN_NOT_VALID', field: ['input', 'startsAt'] }]);
    const comfortDriver = newDriver();
    await driverChanged(f, comfortDriver, { vehicleId: randomUUID(), category: 'COMFORT' });
    expect((await assign(comfortDriver, planId, '2026-04-02T00:00:00Z')).userErrors).toEqual([{ code: 'CATEGORY_MISMATCH', field: ['input', 'planId'] }]);
    expect((await assign(driver, planId, '2026-04-02T00:00:00Z')).userErrors).toEqual([]);
    expect((await assign(driver, planId, '2026-04-03T00:00:00Z')).userErrors).toEqual([{ code: 'ALREADY_ON_PLAN', field: ['input', 'driverId'] }]);
  });
});

describe('auto-assignment when fleet assigns a vehicle', () => {
  test('a driver on no plan goes on the auto plan of the vehicle category; a second vehicle, no vehicle or another category change nothing', async () => {
    const planId = await createPlan({ name: 'Economy auto', vehicleCategory: 'ECONOMY', autoAssign: true, rent: { amountMinor: 1200, currency: 'USD' } });
    const driver = newDriver();
    await driverChanged(f, driver, null);
    expect(await f.prisma.driverRentalPlan.count({ where: { driverId: driver.driverId } })).toBe(0);
    await driverChanged(f, driver, { vehicleId: randomUUID(), category: 'ECONOMY' });
    const current = await f.prisma.driverRentalPlan.findMany({ where: { driverId: driver.driverId } });
    expect(current.map((a) => ({ planId: a.planId, startsAt: a.startsAt.toISOString(), endsAt: a.endsAt, charged: a.chargedPeriods }))).toEqual([
      { planId, startsAt: T0, endsAt: null, charged: 1 },
    ]);
    // The first period starts at once: charged in the assignment's transaction.
    expect(await balance(f.prisma, 'DRIVER_EARNINGS', driver.userId)).toBe(-1200);
    expect(await balance(f.prisma, 'RENT_INCOME', driver.fleetId)).toBe(1200);
    clock.advance(HOUR);
    await driverChanged(f, driver, { vehicleId: randomUUID(), category: 'ECONOMY' });
    await driverChanged(f, driver, null);
    expect(await f.prisma.driverRentalPlan.count({ where: { driverId: driver.driverId } })).toBe(1);
    // No auto plan for COMFORT.
    const comfort = newDriver();
    await driverChanged(f, comfort, { vehicleId: randomUUID(), category: 'COMFORT' });
    expect(await f.prisma.driverRentalPlan.count({ where: { driverId: comfort.driverId } })).toBe(0);

    const read = await driverRental(driver);
    expect(read.data._entities[0].rentalPlan).toEqual({
      since: T0,
      periodsCharged: 1,
      nextChargeAt: '2026-03-03T08:00:00.000Z',
      plan: { name: 'Economy auto', period: 'DAILY', rent: { amountMinor: 1200 } },
    });
  });
});

describe('rent accrual', () => {
  test('daily plan over 9 days: 9 charges of 1500, one per day, each once however often the job runs', async () => {
    const planId = await createPlan({ name: 'Comfort daily', vehicleCategory: 'COMFORT' });
    const driver = await knownDriver();
    expect((await assign(driver, planId)).rentalPlan).toMatchObject({ since: T0, periodsCharged: 1, nextChargeAt: '2026-03-03T08:00:00.000Z' });
    for (let day = 0; day < 9; day++) {
      for (const hour of [0, 1, 23]) {
        await f.built.services.rent.accrueDue(new Date(Date.parse(T0) + day * DAY + hour * HOUR));
      }
    }
    // Just before the 10th day starts.
    await f.built.services.rent.accrueDue(new Date(Date.parse(T0) + 9 * DAY - 1));
    expect(await rentCount(driver.driverId)).toBe(9);
    expect(await balance(f.prisma, 'DRIVER_EARNINGS', driver.userId)).toBe(-9 * 1500);
    expect(await balance(f.prisma, 'RENT_INCOME', driver.fleetId)).toBe(9 * 1500);
    const charges = (await driverRental(driver)).data._entities[0].rentCharges;
    expect(charges.edges.map((e: any) => [e.node.periodStart, e.node.periodEnd, e.node.amount.amountMinor])).toEqual(
      Array.from({ length: 9 }, (_, i) => {
        const n = 8 - i;
        return [new Date(Date.parse(T0) + n * DAY).toISOString(), new Date(Date.parse(T0) + (n + 1) * DAY).toISOString(), 1500];
      }),
    );
    const entries = await f.prisma.journalEntry.findMany({ where: { cause: 'RENT', postings: { some: { account: { ownerId: driver.userId } } } } });
    expect(entries).toHaveLength(9);
    // The 10th day starts exactly 9 days after: charged then.
    await f.built.services.rent.accrueDue(new Date(Date.parse(T0) + 9 * DAY));
    expect(await rentCount(driver.driverId)).toBe(10);
  });

  test('weekly plan over 15 days: 3 charges of 7000 (days 0, 7 and 14)', async () => {
    const planId = await createPlan({ name: 'Comfort weekly', vehicleCategory: 'COMFORT', period: 'WEEKLY', rent: { amountMinor: 7000, currency: 'USD' } });
    const driver = await knownDriver();
    await assign(driver, planId);
    const counts: number[] = [];
    for (let day = 0; day < 15; day++) {
      clock.set(new Date(Date.parse(T0) + day * DAY + 2 * HOUR));
      await f.built.services.rent.accrueDue();
      counts.push(await rentCount(driver.driverId));
    }
    expect(counts).toEqual([1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 3]);
    await f.built.services.rent.accrueDue(new Date(Date.parse(T0) + 15 * DAY - 1));
    expect(await rentCount(driver.driverId)).toBe(3);
    expect(await balance(f.prisma, 'DRIVER_EARNINGS', driver.userId)).toBe(-21000);
    expect(await balance(f.prisma, 'RENT_INCOME', driver.fleetId)).toBe(21000);
  });

  test('a restarted process that missed 3 days catches them up at its first pass, each once', async () => {
    const planId = await createPlan({ name: 'Comfort daily (restart)', vehicleCategory: 'COMFORT' });
    const driver = await knownDriver();
    await assign(driver, planId);
    await f.built.services.rent.accrueDue(new Date(Date.parse(T0) + 5 * HOUR));
    expect(await rentCount(driver.driverId)).toBe(1);
    // The process was down for 3 days; a new one starts its background loop.
    const later = testClock(new Date(Date.parse(T0) + 3 * DAY + 5 * HOUR).toISOString());
    const restarted = await buildPaymentsSubgraph(await testSubgraphDeps(f.db.target, undefined, f.testAuth), {
      background: false,
      now: later.now,
      rentIntervalMs: 1000,
    });
    try {
      restarted.services.rent.start();
      for (let i = 0; i < 100 && (await rentCount(driver.driverId)) < 4; i++) await new Promise((resolve) => setTimeout(resolve, 50));
      await restarted.services.rent.stop();
    } finally {
      await restarted.close();
    }
    expect(await rentCount(driver.driverId)).toBe(4);
    const starts = await f.prisma.rentCharge.findMany({ where: { driverId: driver.driverId }, orderBy: { periodIndex: 'asc' } });
    expect(starts.map((c) => [c.periodIndex, c.periodStart.toISOString()])).toEqual([
      [0, T0],
      [1, '2026-03-03T08:00:00.000Z'],
      [2, '2026-03-04T08:00:00.000Z'],
      [3, '2026-03-05T08:00:00.000Z'],
    ]);
    expect(await balance(f.prisma, 'DRIVER_EARNINGS', driver.userId)).toBe(-6000);
  });

  test('two replicas running passes at once, repeatedly: every period charged exactly once', async () => {
    const planId = await createPlan({ name: 'Comfort daily (replicas)', vehicleCategory: 'COMFORT', rent: { amountMinor: 1000, currency: 'USD' } });
    const fleetId = randomUUID();
    const drivers: TestDriver[] = [];
    for (let i = 0; i < 25; i++) drivers.push(await knownDriver(fleetId));
    for (const driver of drivers) await assign(driver, planId);
    const replica = await buildPaymentsSubgraph(await testSubgraphDeps(f.db.target, undefined, f.testAuth), { background: false, now: clock.now });
    try {
      for (let day = 1; day <= 4; day++) {
        const at = new Date(Date.parse(T0) + day * DAY + HOUR);
        const a = f.built.services.rent;
        const b = replica.services.rent;
        await Promise.all([a.accrueDue(at), b.accrueDue(at), a.accrueDue(at), b.accrueDue(at)]);
      }
    } finally {
      await replica.close();
    }
    const counts = await f.prisma.rentCharge.groupBy({ by: ['driverId'], where: { driverId: { in: drivers.map((d) => d.driverId) } }, _count: true });
    expect(counts.map((c) => c._count).sort()).toEqual(Array(25).fill(5));
    const duplicates = await f.prisma.$queryRaw<
      { n: bigint }[]
    >`select count(*) as n from (select assignment_id, period_index from payments.rent_charges group by 1, 2 having count(*) > 1) x`;
    expect(Number(duplicates[0]!.n)).toBe(0);
    expect(await balance(f.prisma, 'RENT_INCOME', fleetId)).toBe(25 * 5 * 1000);
    for (const driver of drivers.slice(0, 3)) expect(await balance(f.prisma, 'DRIVER_EARNINGS', driver.userId)).toBe(-5000);
    const unlinked = await f.prisma.rentCharge.count({ where: { entryId: null } });
    expect(unlinked).toBe(0);
    expect(await ledgerInvariants(f.prisma)).toMatchObject({ unbalancedEntries: 0, driftingAccounts: 0 });

    // A pass that reads 7 assignments per page reaches all 25.
    const paged = createRentAccrual({
      prisma: f.prisma,
      ledger: f.built.services.ledger,
      currency: 'USD',
      logger: f.built.services.logger,
      now: clock.now,
      pageSize: 7,
    });
    await paged.accrueDue(new Date(Date.parse(T0) + 5 * DAY + HOUR));
    // (The pass also charges other tests' drivers in this database: counted per driver here.)
    const day5 = await f.prisma.rentCharge.groupBy({ by: ['driverId'], where: { driverId: { in: drivers.map((d) => d.driverId) } }, _count: true });
    expect(day5.map((c) => c._count)).toEqual(Array(25).fill(6));
    expect(await balance(f.prisma, 'RENT_INCOME', fleetId)).toBe(25 * 6 * 1000);
    await f.prisma.driverRentalPlan.updateMany({ where: { driverId: drivers[0]!.driverId }, data: { chargedPeriods: 0 } });
    // The database is the last word: with the counter wrong (as if a pass had lost its update), the periods already
    // charged are refused by UNIQUE (assignment, period start) and nothing is posted again.
    await f.built.services.rent.accrueDue(new Date(Date.parse(T0) + 5 * DAY + 2 * HOUR));
    expect(await rentCount(drivers[0]!.driverId)).toBe(6);
    expect(await balance(f.prisma, 'DRIVER_EARNINGS', drivers[0]!.userId)).toBe(-6000);
    expect(await f.prisma.driverRentalPlan.findFirst({ where: { driverId: drivers[0]!.driverId } })).toMatchObject({ chargedPeriods: 6 });
  });
});

describe('deposits and exits', () => {
  const EXIT = `mutation ($input: SettleDriverExitInput!) { settleDriverExit(input: $input) {
    exit { id driver { id } reason depositReturned { amountMinor } rentChargedAtExit { amountMinor } rentChargedTotal { amountMinor }
      cashNetted { amountMinor } finalBalance { amountMinor currency } settledAt }
    userErrors { code field } } }`;

  test('FROM_EARNINGS deposit taken at assignment; exit charges due rent, returns the deposit, nets cash: exact numbers', async () => {
    const planId = await createPlan({
      name: 'Comfort daily with deposit',
      vehicleCategory: 'COMFORT',
      deposit: { amountMinor: 20000, currency: 'USD' },
      depositCollection: 'FROM_EARNINGS',
    });
    const driver = await knownDriver();
    // A cash trip of 10000: earnings +8000 (20 % commission), cash held −10000.
    const party = { ...newParty(), driverId: driver.driverId, driverUserId: driver.userId, fleetId: driver.fleetId };
    await f.built.services.settleTripEvent(completed(party, 10000, { method: 'CASH', cardId: null }));
    expect(await balance(f.prisma, 'DRIVER_EARNINGS', driver.userId)).toBe(8000);

    await assign(driver, planId);
    // 8000 − deposit 20000 − first day's rent 1500.
    expect(await balance(f.prisma, 'DRIVER_EARNINGS', driver.userId)).toBe(-13500);
    expect(await balance(f.prisma, 'DRIVER_DEPOSIT', driver.userId)).toBe(20000);
    const read = await driverRental(driver);
    expect(read.data._entities[0].deposit).toEqual({ required: { amountMinor: 20000 }, held: { amountMinor: 20000 }, collection: 'FROM_EARNINGS' });
    const depositEntries = await f.prisma.journalEntry.findMany({
      where: { cause: 'DEPOSIT', postings: { some: { account: { ownerId: driver.userId } } } },
      select: { actorUserId: true },
    });
    expect(depositEntries).toEqual([{ actorUserId: opsId }]);

    // Day 1 charged by the job; days 2 (started at +2 d) is charged at the exit, 2 d 3 h after the start.
    await f.built.services.rent.accrueDue(new Date(Date.parse(T0) + DAY + HOUR));
    clock.set(new Date(Date.parse(T0) + 2 * DAY + 3 * HOUR));
    const input = { driverId: driver.driverId, idempotencyKey: `exit-${driver.driverId}`, reason: 'Moved to another city' };
    const first = await gql(EXIT, { input });
    expect(first.errors).toBeUndefined();
    expect(first.data.settleDriverExit).toEqual({
      userErrors: [],
      exit: {
        id: expect.any(String),
        driver: { id: driver.driverId },
        reason: 'Moved to another city',
        depositReturned: { amountMinor: 20000 },
        rentChargedAtExit: { amountMinor: 1500 },
        rentChargedTotal: { amountMinor: 4500 },
        cashNetted: { amountMinor: 10000 },
        // 8000 − 20000 − 4500 + 20000 − 10000: the driver owes 6500.
        finalBalance: { amountMinor: -6500, currency: 'USD' },
        settledAt: '2026-03-04T11:00:00.000Z',
      },
    });
    expect(await balance(f.prisma, 'DRIVER_EARNINGS', driver.userId)).toBe(-6500);
    expect(await balance(f.prisma, 'DRIVER_CASH_HELD', driver.userId)).toBe(0);
    expect(await balance(f.prisma, 'DRIVER_DEPOSIT', driver.userId)).toBe(0);
    expect(await balance(f.prisma, 'RENT_INCOME', driver.fleetId)).toBe(4500);

    // The same key again: the first summary, nothing moves.
    clock.advance(5 * DAY);
    const again = await gql(EXIT, { input });
    expect(again.data.settleDriverExit).toEqual(first.data.settleDriverExit);
    // No rent after the exit, whatever the job does.
    await f.built.services.rent.accrueDue();
    expect(await rentCount(driver.driverId)).toBe(3);
    // Another key: the driver is on no plan.
    const second = await gql(EXIT, { input: { ...input, idempotencyKey: `exit-2-${driver.driverId}` } });
    expect(second.data.settleDriverExit).toEqual({ exit: null, userErrors: [{ code: 'NO_CURRENT_PLAN', field: ['input', 'driverId'] }] });
    // The same key with another input: CONFLICT.
    const conflict = await gql(EXIT, { input: { ...input, reason: 'Something else' } });
    expect(conflict.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const after = await driverRental(driver);
    expect(after.data._entities[0].rentalPlan).toBeNull();
    expect(after.data._entities[0].deposit).toEqual({ required: { amountMinor: 0 }, held: { amountMinor: 0 }, collection: null });
    expect(await ledgerInvariants(f.prisma)).toMatchObject({ unbalancedEntries: 0, driftingAccounts: 0 });
  });

  test('PAYMENT_LINK deposit: required is recorded, nothing taken from earnings; an exit returns nothing not held', async () => {
    const planId = await createPlan({
      name: 'Comfort weekly, deposit by link',
      vehicleCategory: 'COMFORT',
      period: 'WEEKLY',
      rent: { amountMinor: 7000, currency: 'USD' },
      deposit: { amountMinor: 15000, currency: 'USD' },
      depositCollection: 'PAYMENT_LINK',
    });
    const driver = await knownDriver();
    await assign(driver, planId);
    expect((await driverRental(driver)).data._entities[0].deposit).toEqual({
      required: { amountMinor: 15000 },
      held: { amountMinor: 0 },
      collection: 'PAYMENT_LINK',
    });
    expect(await balance(f.prisma, 'DRIVER_EARNINGS', driver.userId)).toBe(-7000);
    // Exit exactly at the start of week 2: that week has not started before the exit, so it is not charged.
    clock.set(new Date(Date.parse(T0) + 7 * DAY));
    const result = await gql(EXIT, { input: { driverId: driver.driverId, idempotencyKey: 'k1', reason: 'Contract ended' } });
    expect(result.data.settleDriverExit.exit).toMatchObject({
      depositReturned: { amountMinor: 0 },
      rentChargedAtExit: { amountMinor: 0 },
      rentChargedTotal: { amountMinor: 7000 },
      cashNetted: { amountMinor: 0 },
      finalBalance: { amountMinor: -7000 },
    });
  });

  test('two exits of one driver at once with different keys: one settles, the other is NO_CURRENT_PLAN', async () => {
    const planId = await createPlan({ name: 'Comfort (race)', vehicleCategory: 'COMFORT', deposit: { amountMinor: 3000, currency: 'USD' } });
    const driver = await knownDriver();
    await assign(driver, planId);
    const results = await Promise.all(
      ['a', 'b', 'c'].map((key) => gql(EXIT, { input: { driverId: driver.driverId, idempotencyKey: `race-${key}`, reason: 'race' } })),
    );
    const outcomes = results.map((r) => (r.data.settleDriverExit.exit ? 'settled' : r.data.settleDriverExit.userErrors[0].code)).sort();
    expect(outcomes).toEqual(['NO_CURRENT_PLAN', 'NO_CURRENT_PLAN', 'settled']);
    expect(await f.prisma.journalEntry.count({ where: { cause: 'DEPOSIT_RETURN', postings: { some: { account: { ownerId: driver.userId } } } } })).toBe(1);
    // −3000 deposit −1500 rent +3000 deposit back.
    expect(await balance(f.prisma, 'DRIVER_EARNINGS', driver.userId)).toBe(-1500);
  });

  test('exit input problems', async () => {
    const base = { driverId: randomUUID(), idempotencyKey: 'k', reason: 'r' };
    const cases: [Record<string, unknown>, string][] = [
      [{ reason: '  ' }, 'INVALID_REASON'],
      [{ reason: 'x'.repeat(501) }, 'INVALID_REASON'],
      [{ idempotencyKey: '' }, 'INVALID_IDEMPOTENCY_KEY'],
      [{ idempotencyKey: 'x'.repeat(256) }, 'INVALID_IDEMPOTENCY_KEY'],
      [{ idempotencyKey: 'unknown-driver' }, 'DRIVER_NOT_FOUND'],
    ];
    for (const [overrides, code] of cases) {
      const result = await gql(EXIT, { input: { ...base, ...overrides } });
      expect([overrides, result.data.settleDriverExit.userErrors.map((e: any) => e.code)]).toEqual([overrides, [code]]);
    }
    // A refused exit does not burn its key: it works once the driver is on a plan... and is known.
    const driver = await knownDriver();
    const refused = await gql(EXIT, { input: { driverId: driver.driverId, idempotencyKey: 'retry-me', reason: 'r' } });
    expect(refused.data.settleDriverExit.userErrors).toEqual([{ code: 'NO_CURRENT_PLAN', field: ['input', 'driverId'] }]);
    await assign(driver, await createPlan({ name: 'Comfort (retry)', vehicleCategory: 'COMFORT' }));
    const retried = await gql(EXIT, { input: { driverId: driver.driverId, idempotencyKey: 'retry-me', reason: 'r' } });
    expect(retried.data.settleDriverExit.userErrors).toEqual([]);
  });
});
