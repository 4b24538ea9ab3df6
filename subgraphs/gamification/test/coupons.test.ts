// Coupons on PostgreSQL: operations manage companies, categories and coupons; riders browse the catalogue and buy
// with points. Exactly-once under races (200 parallel purchases of 10 codes), every refusal with its code and
// nothing written, idempotent retries, and who may see which redemptions.
import { randomUUID } from 'node:crypto';
import { ENTITIES_QUERY } from '../../../platform/testing/index.js';
import { headersAs, startLoyaltyFixture, waitFor, type LoyaltyFixture } from './support/loyalty-fixture.js';

let fx: LoyaltyFixture;
let companyId: string;
let categoryId: string;
beforeAll(async () => {
  fx = await startLoyaltyFixture();
  const company = await fx.subgraph.execute<{ createPartnerCompany: { company: { id: string } } }>(
    `mutation { createPartnerCompany(name: "Cafe Nord") { company { id } userErrors { code } } }`,
  );
  const category = await fx.subgraph.execute<{ createCouponCategory: { category: { id: string } } }>(
    `mutation { createCouponCategory(name: "Food") { category { id } userErrors { code } } }`,
  );
  companyId = company.data!.createPartnerCompany.company.id;
  categoryId = category.data!.createCouponCategory.category.id;
});
afterAll(async () => {
  await fx?.stop();
});

const HOUR = 3_600_000;
interface CouponOptions {
  pointsPrice?: number;
  stock?: number;
  perUserLimit?: number;
  validFrom?: Date;
  validUntil?: Date;
  title?: string;
}
async function createCoupon(options: CouponOptions = {}): Promise<string> {
  const result = await fx.subgraph.execute<{ createCoupon: { coupon: { id: string } | null; userErrors: unknown[] } }>(
    `mutation ($input: CreateCouponInput!) { createCoupon(input: $input) { coupon { id } userErrors { code field } } }`,
    {
      input: {
        title: options.title ?? '10% off',
        companyId,
        categoryId,
        pointsPrice: options.pointsPrice ?? 300,
        stock: options.stock ?? 10,
        perUserLimit: options.perUserLimit ?? 1,
        validFrom: (options.validFrom ?? new Date(Date.now() - HOUR)).toISOString(),
        validUntil: (options.validUntil ?? new Date(Date.now() + HOUR)).toISOString(),
      },
    },
  );
  expect(result.data?.createCoupon.userErrors).toEqual([]);
  return result.data!.createCoupon.coupon!.id;
}

async function give(userId: string, points: number): Promise<string> {
  await fx.prisma.pointsEntry.create({ data: { userId, delta: points, reason: 'PROMOTION', cause: `test:${randomUUID()}` } });
  return userId;
}
const balance = async (userId: string) => (await fx.prisma.pointsEntry.aggregate({ where: { userId }, _sum: { delta: true } }))._sum.delta ?? 0;
const stock = async (couponId: string) => (await fx.prisma.coupon.findUniqueOrThrow({ where: { id: couponId } })).stock;

interface RedeemResult {
  redeemCoupon: {
    redemption: { id: string; code: string; pointsSpent: number } | null;
    points: { balance: number } | null;
    userErrors: { code: string; field: string[] | null }[];
  };
}
const REDEEM = `mutation ($couponId: ID!, $key: String!) { redeemCoupon(couponId: $couponId, idempotencyKey: $key) {
  redemption { id code pointsSpent } points { balance } userErrors { code field } } }`;
const redeem = async (userId: string, couponId: string, key: string = randomUUID()) =>
  fx.subgraph.execute<RedeemResult>(REDEEM, { couponId, key }, await headersAs(fx, userId, ['RIDER']));

test('200 parallel purchases of a coupon with stock 10 by 50 users (limit 1): exactly 10 codes, no user twice, points exact', async () => {
  const couponId = await createCoupon({ pointsPrice: 300, stock: 10, perUserLimit: 1 });
  const users = await Promise.all(Array.from({ length: 50 }, () => give(randomUUID(), 1000)));
  const attempts = users.flatMap((user) => Array.from({ length: 4 }, () => user));
  const results = await Promise.all(attempts.map((user) => redeem(user, couponId)));
  expect(results.filter((r) => r.errors).map((r) => r.errors)).toEqual([]);
  const won = results.filter((r) => r.data!.redeemCoupon.redemption);
  expect(won).toHaveLength(10);
  const refusals = new Set(results.flatMap((r) => r.data!.redeemCoupon.userErrors.map((e) => e.code)));
  expect([...refusals].every((code) => code === 'SOLD_OUT' || code === 'LIMIT_REACHED')).toBe(true);

  const redemptions = await fx.prisma.couponRedemption.findMany({ where: { couponId } });
  expect(redemptions).toHaveLength(10);
  expect(new Set(redemptions.map((r) => r.userId)).size).toBe(10);
  expect(new Set(redemptions.map((r) => r.code)).size).toBe(10);
  expect(await stock(couponId)).toBe(0);
  const winners = new Set(redemptions.map((r) => r.userId));
  for (const user of users) expect(await balance(user)).toBe(winners.has(user) ? 700 : 1000);
  expect(await fx.prisma.pointsEntry.count({ where: { reason: 'REDEMPTION', userId: { in: users } } })).toBe(10);
});

test('a purchase: the code, the REDEMPTION entry, the events; a retry with the same key returns it and changes nothing', async () => {
  const couponId = await createCoupon({ pointsPrice: 250, stock: 3, perUserLimit: 2, title: 'Free coffee' });
  const rider = await give(randomUUID(), 600);
  const key = randomUUID();
  const first = (await redeem(rider, couponId, key)).data!.redeemCoupon;
  expect(first.userErrors).toEqual([]);
  expect(first.redemption!.code).toMatch(/^RG-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
  expect(first.points).toEqual({ balance: 350 });
  const again = (await redeem(rider, couponId, key)).data!.redeemCoupon;
  expect(again.redemption).toEqual(first.redemption);
  expect(await balance(rider)).toBe(350);
  expect(await stock(couponId)).toBe(2);

  const other = await createCoupon();
  const conflict = await redeem(rider, other, key);
  expect(conflict.errors?.map((e) => e.extensions?.code)).toEqual(['CONFLICT']);

  const history = await fx.subgraph.execute<{
    _entities: { couponRedemptions: { edges: { node: unknown }[] }; pointsHistory: { edges: { node: unknown }[] } }[];
  }>(
    ENTITIES_QUERY(
      '... on User { couponRedemptions { edges { node { id code pointsSpent coupon { title company { name } category { name } } user { id } } } } pointsHistory(first: 1) { edges { node { kind reason points reference note } } } }',
    ),
    { representations: [{ __typename: 'User', id: rider }] },
    await headersAs(fx, rider, ['RIDER']),
  );
  expect(history.errors).toBeUndefined();
  const mine = history.data!._entities[0]!;
  expect(mine.couponRedemptions.edges.map((e) => e.node)).toEqual([
    {
      id: first.redemption!.id,
      code: first.redemption!.code,
      pointsSpent: 250,
      coupon: { title: 'Free coffee', company: { name: 'Cafe Nord' }, category: { name: 'Food' } },
      user: { id: rider },
    },
  ]);
  expect(mine.pointsHistory.edges[0]!.node).toEqual({
    kind: 'SPENT',
    reason: 'REDEMPTION',
    points: -250,
    reference: first.redemption!.id,
    note: 'Free coffee',
  });

  await fx.built.relay.flush();
  await waitFor(async () => fx.emitted.filter((e) => (e.payload as { userId: string }).userId === rider).length === 2, 'redemption events');
  // One commit, one instant: the relay's order between them is not defined.
  const events = fx.emitted.filter((e) => (e.payload as { userId: string }).userId === rider).sort((a, b) => b.type.localeCompare(a.type));
  expect(events.map((e) => e.type)).toEqual(['points.redeemed', 'coupon.redeemed']);
  expect(events[1]!.payload).toMatchObject({ couponId, code: first.redemption!.code, pointsSpent: 250, title: 'Free coffee' });
  expect(events[0]!.payload).toMatchObject({ points: 250, balance: 350, redemptionId: first.redemption!.id });
});

test('refusals: too few points, not yet / no longer valid, sold out, limit reached, unknown coupon, bad key — nothing written', async () => {
  const rider = await give(randomUUID(), 100);
  const cases: [string, string][] = [
    [await createCoupon({ pointsPrice: 101 }), 'INSUFFICIENT_POINTS'],
    [await createCoupon({ pointsPrice: 10, validFrom: new Date(Date.now() + HOUR), validUntil: new Date(Date.now() + 2 * HOUR) }), 'COUPON_NOT_AVAILABLE'],
    [await createCoupon({ pointsPrice: 10, validFrom: new Date(Date.now() - 2 * HOUR), validUntil: new Date(Date.now() - HOUR) }), 'COUPON_NOT_AVAILABLE'],
    [await createCoupon({ pointsPrice: 10, stock: 0 }), 'SOLD_OUT'],
    [randomUUID(), 'COUPON_NOT_FOUND'],
    ['not-an-id', 'COUPON_NOT_FOUND'],
  ];
  for (const [couponId, code] of cases) {
    const result = (await redeem(rider, couponId)).data!.redeemCoupon;
    expect([result.redemption, result.userErrors.map((e) => e.code)]).toEqual([null, [code]]);
  }
  const limited = await createCoupon({ pointsPrice: 10, perUserLimit: 1 });
  expect((await redeem(rider, limited)).data!.redeemCoupon.userErrors).toEqual([]);
  expect((await redeem(rider, limited)).data!.redeemCoupon.userErrors).toEqual([{ code: 'LIMIT_REACHED', field: ['couponId'] }]);
  expect((await redeem(rider, limited, '')).data!.redeemCoupon.userErrors).toEqual([{ code: 'INVALID_IDEMPOTENCY_KEY', field: ['idempotencyKey'] }]);
  expect(await balance(rider)).toBe(90);
  expect(await fx.prisma.couponRedemption.count({ where: { userId: rider } })).toBe(1);
  for (const [couponId] of cases.slice(0, 3)) expect(await stock(couponId)).toBe(10);
});

test('the catalogue: filtered and paginated for riders; staff see a coupon’s redemptions, riders may not; bad coupon input is refused', async () => {
  const drinks = (
    await fx.subgraph.execute<{ createCouponCategory: { category: { id: string } } }>(`mutation { createCouponCategory(name: "Drinks") { category { id } } }`)
  ).data!.createCouponCategory.category.id;
  const taken = await fx.subgraph.execute(`mutation { createCouponCategory(name: "Drinks") { category { id } userErrors { code field } } }`);
  expect(taken.data).toEqual({ createCouponCategory: { category: null, userErrors: [{ code: 'INVALID_NAME', field: ['name'] }] } });
  const ids: string[] = [];
  for (let i = 0; i < 3; i += 1) {
    const result = await fx.subgraph.execute<{ createCoupon: { coupon: { id: string } } }>(
      `mutation ($input: CreateCouponInput!) { createCoupon(input: $input) { coupon { id } userErrors { code } } }`,
      {
        input: {
          title: `Drink ${i}`,
          companyId,
          categoryId: drinks,
          pointsPrice: 50,
          stock: 5,
          validFrom: new Date(Date.now() - HOUR).toISOString(),
          validUntil: new Date(Date.now() + HOUR).toISOString(),
        },
      },
    );
    ids.push(result.data!.createCoupon.coupon.id);
  }
  const rider = await headersAs(fx, randomUUID(), ['RIDER']);
  const PAGE = `query ($filter: CouponFilterInput, $after: String) { coupons(filter: $filter, first: 2, after: $after) {
    edges { node { id title pointsPrice stock perUserLimit category { name } } } pageInfo { hasNextPage endCursor } } }`;
  type Page = { coupons: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
  const first = await fx.subgraph.execute<Page>(PAGE, { filter: { categoryId: drinks } }, rider);
  expect(first.data!.coupons.edges.map((e) => e.node.id)).toEqual([ids[2], ids[1]]);
  expect(first.data!.coupons.pageInfo.hasNextPage).toBe(true);
  const second = await fx.subgraph.execute<Page>(PAGE, { filter: { categoryId: drinks }, after: first.data!.coupons.pageInfo.endCursor }, rider);
  expect(second.data!.coupons.edges.map((e) => e.node.id)).toEqual([ids[0]]);

  // Sold out and expired coupons are hidden unless asked for.
  const soldOut = await createCoupon({ stock: 0 });
  const available = await fx.subgraph.execute<{ coupons: { edges: { node: { id: string } }[] } }>(
    `query { coupons(first: 100) { edges { node { id } } } }`,
    undefined,
    rider,
  );
  expect(available.data!.coupons.edges.map((e) => e.node.id)).not.toContain(soldOut);
  const all = await fx.subgraph.execute<{ coupons: { edges: { node: { id: string } }[] } }>(
    `query { coupons(first: 100, filter: { availableOnly: false }) { edges { node { id } } } }`,
    undefined,
    rider,
  );
  expect(all.data!.coupons.edges.map((e) => e.node.id)).toContain(soldOut);

  const buyer = await give(randomUUID(), 100);
  expect((await redeem(buyer, ids[0]!)).data!.redeemCoupon.userErrors).toEqual([]);
  const STAFF = `query ($id: ID!) { coupon(id: $id) { stock redemptions { edges { node { user { id } pointsSpent } } } } }`;
  const staff = await fx.subgraph.execute(STAFF, { id: ids[0] });
  expect(staff.data).toEqual({ coupon: { stock: 4, redemptions: { edges: [{ node: { user: { id: buyer }, pointsSpent: 50 } }] } } });
  const refused = await fx.subgraph.execute(STAFF, { id: ids[0] }, rider);
  expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  const someoneElses = await fx.subgraph.execute(
    ENTITIES_QUERY('... on User { couponRedemptions { edges { node { code } } } }'),
    { representations: [{ __typename: 'User', id: buyer }] },
    rider,
  );
  expect(someoneElses.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);

  const bad = async (input: Record<string, unknown>) =>
    (
      await fx.subgraph.execute<{ createCoupon: { coupon: null; userErrors: { code: string; field: string[] }[] } }>(
        `mutation ($input: CreateCouponInput!) { createCoupon(input: $input) { coupon { id } userErrors { code field } } }`,
        {
          input: {
            title: 'x',
            companyId,
            categoryId,
            pointsPrice: 10,
            stock: 1,
            validFrom: new Date(Date.now()).toISOString(),
            validUntil: new Date(Date.now() + HOUR).toISOString(),
            ...input,
          },
        },
      )
    ).data!.createCoupon.userErrors;
  const before = await fx.prisma.coupon.count();
  expect(await bad({ pointsPrice: 0 })).toEqual([{ code: 'INVALID_POINTS', field: ['input', 'pointsPrice'] }]);
  expect(await bad({ stock: -1 })).toEqual([{ code: 'INVALID_COUPON', field: ['input', 'stock'] }]);
  expect(await bad({ perUserLimit: 0 })).toEqual([{ code: 'INVALID_COUPON', field: ['input', 'perUserLimit'] }]);
  expect(await bad({ title: '' })).toEqual([{ code: 'INVALID_COUPON', field: ['input', 'title'] }]);
  expect(await bad({ validUntil: new Date(Date.now() - HOUR).toISOString() })).toEqual([{ code: 'INVALID_COUPON', field: ['input', 'validUntil'] }]);
  expect(await bad({ companyId: randomUUID() })).toEqual([{ code: 'COMPANY_NOT_FOUND', field: ['input', 'companyId'] }]);
  expect(await bad({ categoryId: 'nope' })).toEqual([{ code: 'CATEGORY_NOT_FOUND', field: ['input', 'categoryId'] }]);
  expect(await fx.prisma.coupon.count()).toBe(before);

  const updated = await fx.subgraph.execute(
    `mutation ($id: ID!) { updateCoupon(id: $id, input: { stock: 7, pointsPrice: 60 }) { coupon { stock pointsPrice } userErrors { code } } }`,
    { id: ids[1] },
  );
  expect(updated.data).toEqual({ updateCoupon: { coupon: { stock: 7, pointsPrice: 60 }, userErrors: [] } });
  const missing = await fx.subgraph.execute(`mutation { updateCoupon(id: "${randomUUID()}", input: { stock: 1 }) { coupon { id } userErrors { code } } }`);
  expect(missing.data).toEqual({ updateCoupon: { coupon: null, userErrors: [{ code: 'COUPON_NOT_FOUND' }] } });
});

test('staff catalogue changes are audited: companies, categories, coupons created and updated (only the fields given); refusals record nothing', async () => {
  const audits = async (targetId: string) =>
    (await fx.prisma.outboxEvent.findMany({ where: { type: 'audit.recorded', payload: { path: ['targetId'], equals: targetId } } })).map((row) => row.payload);
  const common = { source: 'gamification', actorRoles: ['OPERATIONS'], reason: null, requestId: expect.any(String), occurredAt: expect.any(String) };
  expect(await audits(companyId)).toEqual([
    {
      ...common,
      actorId: expect.any(String),
      action: 'partner_company.create',
      targetType: 'PartnerCompany',
      targetId: companyId,
      before: null,
      after: { name: 'Cafe Nord' },
    },
  ]);
  expect(await audits(categoryId)).toEqual([
    {
      ...common,
      actorId: expect.any(String),
      action: 'coupon_category.create',
      targetType: 'CouponCategory',
      targetId: categoryId,
      before: null,
      after: { name: 'Food' },
    },
  ]);
  const before = await fx.prisma.outboxEvent.count({ where: { type: 'audit.recorded' } });
  const taken = await fx.subgraph.execute<{ createPartnerCompany: { userErrors: { code: string }[] } }>(
    `mutation { createPartnerCompany(name: "Cafe Nord") { company { id } userErrors { code } } }`,
  );
  expect(taken.data?.createPartnerCompany.userErrors).toEqual([{ code: 'INVALID_NAME' }]);
  expect(await fx.prisma.outboxEvent.count({ where: { type: 'audit.recorded' } })).toBe(before);

  const validFrom = new Date(Date.now() - HOUR);
  const validUntil = new Date(Date.now() + HOUR);
  const couponId = await createCoupon({ pointsPrice: 120, stock: 4, perUserLimit: 2, title: 'Audited', validFrom, validUntil });
  const updated = await fx.subgraph.execute<{ updateCoupon: { userErrors: unknown[] } }>(
    `mutation ($id: ID!) { updateCoupon(id: $id, input: { stock: 9, title: "Audited too" }) { userErrors { code } } }`,
    { id: couponId },
  );
  expect(updated.data?.updateCoupon.userErrors).toEqual([]);
  const refused = await fx.subgraph.execute<{ updateCoupon: { userErrors: { code: string }[] } }>(
    `mutation ($id: ID!) { updateCoupon(id: $id, input: { stock: -1 }) { userErrors { code } } }`,
    { id: couponId },
  );
  expect(refused.data?.updateCoupon.userErrors).toEqual([{ code: 'INVALID_COUPON' }]);
  const entries = await audits(couponId);
  expect(entries.map((entry) => (entry as { action: string }).action).sort()).toEqual(['coupon.create', 'coupon.update']);
  expect(entries.find((entry) => (entry as { action: string }).action === 'coupon.create')).toEqual({
    ...common,
    actorId: expect.any(String),
    action: 'coupon.create',
    targetType: 'Coupon',
    targetId: couponId,
    before: null,
    after: {
      title: 'Audited',
      description: null,
      pointsPrice: 120,
      stock: 4,
      perUserLimit: 2,
      validFrom: validFrom.toISOString(),
      validUntil: validUntil.toISOString(),
      companyId,
      categoryId,
    },
  });
  expect(entries.find((entry) => (entry as { action: string }).action === 'coupon.update')).toMatchObject({
    targetType: 'Coupon',
    before: { title: 'Audited', stock: 4 },
    after: { title: 'Audited too', stock: 9 },
  });
  expect(Object.keys((entries.find((entry) => (entry as { action: string }).action === 'coupon.update') as { after: object }).after).sort()).toEqual([
    'stock',
    'title',
  ]);
});

test('operations export a coupon’s redemptions as CSV, oldest first, from `since`; riders may not', async () => {
  const couponId = await createCoupon({ pointsPrice: 40, stock: 5, perUserLimit: 2 });
  const [ana, ben] = [await give(randomUUID(), 500), await give(randomUUID(), 500)];
  const bought: { id: string; code: string; userId: string }[] = [];
  for (const userId of [ana, ben, ana]) {
    const result = await redeem(userId, couponId);
    expect(result.data!.redeemCoupon.userErrors).toEqual([]);
    bought.push({ ...result.data!.redeemCoupon.redemption!, userId });
  }
  const stored = await fx.prisma.couponRedemption.findMany({ where: { couponId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  const EXPORT = 'query ($id: ID!, $since: DateTime) { coupon(id: $id) { redemptionsCsv(since: $since) } }';

  const all = await fx.subgraph.execute<{ coupon: { redemptionsCsv: string } }>(EXPORT, { id: couponId });
  expect(all.errors).toBeUndefined();
  expect(all.data!.coupon.redemptionsCsv).toBe(
    [
      'redemption_id,user_id,code,points_spent,redeemed_at',
      ...stored.map((row) => `${row.id},${row.userId},${row.code},40,${row.createdAt.toISOString()}`),
      '',
    ].join('\r\n'),
  );
  expect(stored.map((row) => row.code).sort()).toEqual(bought.map((b) => b.code).sort());

  const later = await fx.subgraph.execute<{ coupon: { redemptionsCsv: string } }>(EXPORT, { id: couponId, since: stored[2]!.createdAt.toISOString() });
  expect(
    later
      .data!.coupon.redemptionsCsv.split('\r\n')
      .filter(Boolean)
      .slice(1)
      .map((line) => line.split(',')[0]),
  ).toEqual(stored.filter((row) => row.createdAt >= stored[2]!.createdAt).map((row) => row.id));

  const asRider = await fx.subgraph.execute(EXPORT, { id: couponId }, await headersAs(fx, ana, ['RIDER']));
  expect(asRider.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
});
