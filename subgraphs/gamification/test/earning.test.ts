// Earning rules applied to durable events on PostgreSQL: exact points per default rule, redelivered and replayed
// events awarding once, refunds reversing in proportion (in any order, never below zero), streaks from reordered
// days, rule changes applying from then on without rewriting history, refunds handled before their payment, audited
// rule changes, and the events gamification emits.
import { randomUUID } from 'node:crypto';
import { ENTITIES_QUERY } from '../../../platform/testing/index.js';
import { deliver, envelope, headersAs, startLoyaltyFixture, waitFor, type LoyaltyFixture } from './support/loyalty-fixture.js';

let fx: LoyaltyFixture;
beforeAll(async () => {
  fx = await startLoyaltyFixture();
});
afterAll(async () => {
  await fx?.stop();
});

const paid = (o: { rider: string; driver?: string | null; amountMinor: number; at?: string; paymentId?: string; tripId?: string }) =>
  envelope('payment.succeeded', {
    paymentId: o.paymentId ?? randomUUID(),
    purpose: 'TRIP_FARE',
    payerUserId: o.rider,
    tripId: o.tripId ?? randomUUID(),
    driverUserId: o.driver ?? null,
    amount: { amountMinor: o.amountMinor, currency: 'USD' },
    method: 'CARD',
    receiptNumber: 'R-1',
    occurredAt: o.at ?? new Date().toISOString(),
  });

const refunded = (o: { rider: string; paymentId: string; tripId: string; amountMinor: number; refundedTotal: number; paid: number }) =>
  envelope('payment.refunded', {
    paymentId: o.paymentId,
    refundId: randomUUID(),
    purpose: 'TRIP_FARE',
    payerUserId: o.rider,
    tripId: o.tripId,
    amount: { amountMinor: o.amountMinor, currency: 'USD' },
    refundedTotal: { amountMinor: o.refundedTotal, currency: 'USD' },
    paid: { amountMinor: o.paid, currency: 'USD' },
    reason: 'test',
    occurredAt: new Date().toISOString(),
  });

async function balance(userId: string): Promise<number> {
  const rows = await fx.prisma.pointsEntry.aggregate({ where: { userId }, _sum: { delta: true } });
  return rows._sum.delta ?? 0;
}
const entriesOf = (userId: string) => fx.prisma.pointsEntry.findMany({ where: { userId }, orderBy: [{ createdAt: 'asc' }, { reason: 'asc' }] });

test('a paid fare: the rider earns 10 per 1.00 plus the first-ride 100 and badge, the driver 20; redelivery and replay add nothing', async () => {
  const rider = randomUUID();
  const driver = randomUUID();
  const event = paid({ rider, driver, amountMinor: 2350 });
  await deliver(fx, event);
  expect(await balance(rider)).toBe(230 + 100);
  expect(await balance(driver)).toBe(20);
  expect((await entriesOf(rider)).map((e) => [e.reason, e.delta, e.sourceId])).toEqual([
    ['TRIP_PAID', 230, event.payload.tripId],
    ['FIRST_RIDE', 100, event.payload.tripId],
  ]);
  expect(await fx.prisma.userBadge.findMany({ where: { userId: rider }, select: { badge: true, reason: true } })).toEqual([
    { badge: 'FIRST_RIDE', reason: '100 points and the FIRST_RIDE badge for a first paid ride' },
  ]);

  await deliver(fx, event); // the same event again (at-least-once delivery)
  await deliver(fx, { ...event, id: randomUUID() }); // the same payment under another event id (a manual replay)
  expect(await balance(rider)).toBe(330);
  expect(await balance(driver)).toBe(20);

  // A second ride: fare points only (one first ride per user).
  await deliver(fx, paid({ rider, driver, amountMinor: 999 }));
  expect(await balance(rider)).toBe(330 + 90);
  expect(await balance(driver)).toBe(40);

  await fx.built.relay.flush();
  await waitFor(async () => fx.emitted.filter((e) => (e.payload as { userId: string }).userId === rider).length === 4, 'rider events');
  // Events of one commit may share an instant, and the relay orders by instant only: compare them sorted.
  const mine = fx.emitted.filter((e) => (e.payload as { userId: string }).userId === rider);
  const summary = mine.map((e) => `${e.type}:${(e.payload as { points?: number }).points ?? ''}`).sort();
  expect(summary).toEqual(['badge.earned:', 'points.awarded:100', 'points.awarded:230', 'points.awarded:90']);
  expect(mine.find((e) => e.type === 'points.awarded' && (e.payload as { points: number }).points === 230)!.payload).toMatchObject({
    reason: 'TRIP_PAID',
    ruleKey: 'rider-fare',
    reference: event.payload.tripId,
    balance: 230,
  });
});

test('non-fare payments and ratings by drivers gamification cannot map to a user award nothing; a rider rating a trip earns 5 once', async () => {
  const rider = randomUUID();
  await deliver(fx, { ...paid({ rider, amountMinor: 5000 }), payload: { ...paid({ rider, amountMinor: 5000 }).payload, purpose: 'TOP_UP', tripId: null } });
  const tripId = randomUUID();
  const rated = (by: 'RIDER' | 'DRIVER') =>
    envelope('trip.rated', { tripId, riderUserId: rider, driverId: randomUUID(), by, rating: 5, occurredAt: new Date().toISOString() });
  await deliver(fx, rated('DRIVER'));
  expect(await balance(rider)).toBe(0);
  const byRider = rated('RIDER');
  await deliver(fx, byRider);
  await deliver(fx, byRider);
  expect((await entriesOf(rider)).map((e) => [e.reason, e.delta, e.sourceId])).toEqual([['TRIP_RATED', 5, tripId]]);
});

test('refunds take the payment’s points back in proportion to the refunded total, in any order, never below zero', async () => {
  const rider = randomUUID();
  const driver = randomUUID();
  const payment = paid({ rider, driver, amountMinor: 2000 }); // rider 200 + first ride 100, driver 20
  await deliver(fx, payment);
  const ids = { rider, paymentId: payment.payload.paymentId, tripId: payment.payload.tripId!, paid: 2000 };
  // The full refund handled before the partial one it followed: the partial one then has nothing left to take.
  await deliver(fx, refunded({ ...ids, amountMinor: 1500, refundedTotal: 2000 }));
  await deliver(fx, refunded({ ...ids, amountMinor: 500, refundedTotal: 500 }));
  expect(await balance(rider)).toBe(100); // the first-ride bonus is not tied to the payment
  expect(await balance(driver)).toBe(0);
  expect((await entriesOf(driver)).map((e) => [e.reason, e.delta])).toEqual([
    ['TRIP_DRIVEN', 20],
    ['REFUND', -20],
  ]);

  // Half refunded: half of 200 back; the second half, after the rider spent most of their points, only what is left.
  const other = randomUUID();
  const second = paid({ rider: other, amountMinor: 2000 });
  await deliver(fx, second);
  const ids2 = { rider: other, paymentId: second.payload.paymentId, tripId: second.payload.tripId!, paid: 2000 };
  await deliver(fx, refunded({ ...ids2, amountMinor: 1000, refundedTotal: 1000 }));
  expect(await balance(other)).toBe(300 - 100);
  const spent = await fx.subgraph.execute<{ adjustPoints: { userErrors: unknown[] } }>(
    `mutation ($input: AdjustPointsInput!) { adjustPoints(input: $input) { userErrors { code } } }`,
    { input: { userId: other, points: -150, reason: 'test spend', idempotencyKey: randomUUID() } },
  );
  expect(spent.data?.adjustPoints.userErrors).toEqual([]);
  await deliver(fx, refunded({ ...ids2, amountMinor: 1000, refundedTotal: 2000 }));
  expect(await balance(other)).toBe(0);
  expect((await entriesOf(other)).filter((e) => e.reason === 'REFUND').map((e) => e.delta)).toEqual([-100, -50]);
});

test('a refund handled before its payment is applied when the payment arrives; each delivered twice (and replayed) reverses once', async () => {
  const rider = randomUUID();
  const driver = randomUUID();
  // An hour before the refunds, so the entries' order is by time.
  const payment = paid({ rider, driver, amountMinor: 3000, at: new Date(Date.now() - 3_600_000).toISOString() }); // rider 300 + first ride 100, driver 20
  const ids = { rider, paymentId: payment.payload.paymentId, tripId: payment.payload.tripId!, paid: 3000 };
  const half = refunded({ ...ids, amountMinor: 1500, refundedTotal: 1500 });
  await deliver(fx, half);
  await deliver(fx, half);
  expect(await fx.prisma.pointsEntry.count({ where: { userId: { in: [rider, driver] } } })).toBe(0);
  expect(await fx.prisma.paymentRefund.count({ where: { paymentId: ids.paymentId } })).toBe(1);

  await deliver(fx, payment);
  await deliver(fx, payment);
  await deliver(fx, { ...payment, id: randomUUID() }); // the payment replayed under another event id
  await deliver(fx, { ...half, id: randomUUID() }); // and the refund
  expect(await balance(rider)).toBe(300 + 100 - 150);
  expect(await balance(driver)).toBe(10);
  expect((await entriesOf(driver)).map((e) => [e.reason, e.delta, e.cause])).toEqual([
    ['TRIP_DRIVEN', 20, expect.stringMatching(/^driven:/)],
    ['REFUND', -10, expect.stringMatching(new RegExp(`^refund:${half.payload.refundId}:`))],
  ]);

  // The rest refunded (the payment known now): the remaining half, once.
  const rest = refunded({ ...ids, amountMinor: 1500, refundedTotal: 3000 });
  await deliver(fx, rest);
  await deliver(fx, rest);
  expect(await balance(rider)).toBe(100); // the first-ride bonus stays
  expect(await balance(driver)).toBe(0);
  expect((await entriesOf(rider)).filter((e) => e.reason === 'REFUND').map((e) => e.delta)).toEqual([-150, -150]);
});

test('three consecutive ride days, delivered out of order, give the streak points and badge once', async () => {
  const rider = randomUUID();
  const day = (d: number) => `2026-11-${String(d).padStart(2, '0')}T12:00:00.000Z`;
  for (const d of [12, 10, 11, 11]) await deliver(fx, paid({ rider, amountMinor: 100, at: day(d) }));
  const entries = await entriesOf(rider);
  expect(entries.filter((e) => e.reason === 'RIDE_STREAK').map((e) => e.delta)).toEqual([50]);
  expect(await balance(rider)).toBe(4 * 10 + 100 + 50);
  expect((await fx.prisma.userBadge.findMany({ where: { userId: rider }, orderBy: { badge: 'asc' } })).map((b) => b.badge)).toEqual(['FIRST_RIDE', 'STREAK_3']);
});

test('history: a Relay connection of the user’s entries with kind, reason, reference and note; others are FORBIDDEN', async () => {
  const rider = randomUUID();
  const payment = paid({ rider, amountMinor: 1000, at: '2026-11-20T10:00:00.000Z' });
  await deliver(fx, payment);
  await deliver(
    fx,
    refunded({ rider, paymentId: payment.payload.paymentId, tripId: payment.payload.tripId!, amountMinor: 1000, refundedTotal: 1000, paid: 1000 }),
  );
  const query = ENTITIES_QUERY(
    '... on User { pointsHistory(first: 2) { edges { node { kind reason points reference note } } pageInfo { hasNextPage endCursor } } badges { code reason } }',
  );
  const page = await fx.subgraph.execute<{ _entities: { pointsHistory: HistoryPage; badges: unknown[] }[] }>(
    query,
    { representations: [{ __typename: 'User', id: rider }] },
    await headersAs(fx, rider, ['RIDER']),
  );
  expect(page.errors).toBeUndefined();
  const history = page.data!._entities[0]!.pointsHistory;
  expect(history.edges[0]!.node).toEqual({ kind: 'REVERSED', reason: 'REFUND', points: -100, reference: payment.payload.tripId, note: 'refund of 1000 USD' });
  expect(history.pageInfo.hasNextPage).toBe(true);
  const next = await fx.subgraph.execute<{ _entities: { pointsHistory: HistoryPage }[] }>(
    ENTITIES_QUERY(
      '... on User { pointsHistory(first: 2, after: $after) { edges { node { kind reason points reference note } } pageInfo { hasNextPage } } }',
    ).replace('query ($representations', 'query ($after: String, $representations'),
    { representations: [{ __typename: 'User', id: rider }], after: history.pageInfo.endCursor },
    await headersAs(fx, rider, ['RIDER']),
  );
  expect(next.data!._entities[0]!.pointsHistory.pageInfo.hasNextPage).toBe(false);
  // The fare and first-ride entries share their instant (the payment's): their order is by id, so compare them sorted.
  const earned = [history.edges[1]!.node, ...next.data!._entities[0]!.pointsHistory.edges.map((e) => e.node)].sort((a, b) =>
    String(a.reason).localeCompare(String(b.reason)),
  );
  expect(earned).toEqual([
    { kind: 'EARNED', reason: 'FIRST_RIDE', points: 100, reference: payment.payload.tripId, note: '100 points and the FIRST_RIDE badge for a first paid ride' },
    { kind: 'EARNED', reason: 'TRIP_PAID', points: 100, reference: payment.payload.tripId, note: '10 points per 1.00 of fare paid' },
  ]);
  expect(page.data!._entities[0]!.badges).toEqual([{ code: 'FIRST_RIDE', reason: '100 points and the FIRST_RIDE badge for a first paid ride' }]);

  const refused = await fx.subgraph.execute(query, { representations: [{ __typename: 'User', id: rider }] }, await headersAs(fx, randomUUID(), ['RIDER']));
  expect(new Set(refused.errors?.map((e) => e.extensions?.code))).toEqual(new Set(['FORBIDDEN']));
  const bad = await fx.subgraph.execute(ENTITIES_QUERY('... on User { pointsHistory(first: 101) { edges { cursor } } }'), {
    representations: [{ __typename: 'User', id: rider }],
  });
  expect(bad.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
});

test('histories, badges and purchases of 20 users cost the same SELECTs as of 2 (one statement per list)', async () => {
  const users = Array.from({ length: 20 }, () => randomUUID());
  for (const [i, user] of users.entries()) {
    await fx.prisma.pointsEntry.createMany({
      data: [0, 1, 2].map((n) => ({
        userId: user,
        delta: 10 + i + n,
        reason: 'PROMOTION' as const,
        cause: `batch:${user}:${n}`,
        createdAt: new Date(Date.UTC(2026, 10, 1, n)),
      })),
    });
  }
  const query = ENTITIES_QUERY(
    '... on User { pointsHistory(first: 2) { edges { node { points } } pageInfo { hasNextPage } } badges { code } couponRedemptions { edges { node { code } } } }',
  );
  const selectsFor = async (count: number) => {
    fx.statements.length = 0;
    const result = await fx.subgraph.execute<{ _entities: { pointsHistory: HistoryPage }[] }>(query, {
      representations: users.slice(0, count).map((id) => ({ __typename: 'User', id })),
    });
    expect(result.errors).toBeUndefined();
    // Each user's own newest two, in order: the rows of one statement are handed back to the right users.
    expect(result.data!._entities.map((e) => e.pointsHistory.edges.map((edge) => edge.node.points))).toEqual(
      users.slice(0, count).map((_, i) => [12 + i, 11 + i]),
    );
    expect(result.data!._entities.every((e) => e.pointsHistory.pageInfo.hasNextPage)).toBe(true);
    return fx.statements.filter((sql) => /select/i.test(sql)).length;
  };
  const two = await selectsFor(2);
  expect(two).toBe(3);
  expect(await selectsFor(20)).toBe(two);
});

interface RuleRow {
  id: string;
  key: string;
  trigger: string;
  points: number;
  perAmountMinor: number | null;
  streakDays: number | null;
  minRatings: number | null;
  badge: string | null;
  description: string;
  retiredAt: string | null;
}
interface HistoryPage {
  edges: { node: Record<string, unknown> }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const RULE_FIELDS = 'id key trigger points perAmountMinor streakDays minRatings badge description retiredAt';
const rules = async (includeRetired = false) =>
  (
    await fx.subgraph.execute<{ earningRules: RuleRow[] }>(`query ($all: Boolean) { earningRules(includeRetired: $all) { ${RULE_FIELDS} } }`, {
      all: includeRetired,
    })
  ).data!.earningRules;

test('the default rules are seeded; bad rule input is refused with codes and writes nothing', async () => {
  expect((await rules()).map((r) => [r.key, r.trigger, r.points, r.perAmountMinor, r.streakDays, r.minRatings, r.badge])).toEqual([
    ['driver-rating-given', 'DRIVER_RATING_GIVEN', 5, null, null, null, null],
    ['driver-trip', 'TRIP_PAID_DRIVER', 20, null, null, null, null],
    ['first-ride', 'FIRST_RIDE', 100, null, null, null, 'FIRST_RIDE'],
    ['five-star-week', 'FIVE_STAR_WEEK', 100, null, null, 5, 'FIVE_STAR_WEEK'],
    ['rating-given', 'RATING_GIVEN', 5, null, null, null, null],
    ['referral', 'REFERRAL', 200, null, null, null, null],
    ['rider-fare', 'TRIP_PAID_RIDER', 10, 100, null, null, null],
    ['streak-3', 'RIDE_STREAK', 50, null, 3, null, 'STREAK_3'],
  ]);
  const create = (input: Record<string, unknown>) =>
    fx.subgraph.execute<{ createEarningRule: { rule: unknown; userErrors: { code: string; field: string[] }[] } }>(
      `mutation ($input: CreateEarningRuleInput!) { createEarningRule(input: $input) { rule { key } userErrors { code field } } }`,
      { input: { key: 'promo', trigger: 'RATING_GIVEN', points: 3, description: 'promo', ...input } },
    );
  const cases: [Record<string, unknown>, string, string][] = [
    [{ points: 0 }, 'INVALID_POINTS', 'points'],
    [{ key: 'Bad Key' }, 'INVALID_RULE', 'key'],
    [{ trigger: 'TRIP_PAID_RIDER' }, 'INVALID_RULE', 'perAmountMinor'],
    [{ streakDays: 3 }, 'INVALID_RULE', 'streakDays'],
    [{ trigger: 'RIDE_STREAK', streakDays: 1 }, 'INVALID_RULE', 'streakDays'],
    [{ trigger: 'FIVE_STAR_WEEK' }, 'INVALID_RULE', 'minRatings'],
    [{ trigger: 'FIVE_STAR_WEEK', minRatings: 0 }, 'INVALID_RULE', 'minRatings'],
    [{ minRatings: 3 }, 'INVALID_RULE', 'minRatings'],
    [{ badge: 'lower' }, 'INVALID_RULE', 'badge'],
    [{ description: ' ' }, 'INVALID_RULE', 'description'],
    [{ key: 'rider-fare' }, 'RULE_EXISTS', 'key'],
  ];
  for (const [input, code, field] of cases) {
    const result = await create(input);
    expect(result.data?.createEarningRule).toEqual({ rule: null, userErrors: [{ code, field: ['input', field] }] });
  }
  expect(await fx.prisma.earningRule.count()).toBe(8);
  // Refused rule mutations record no audit entry.
  expect(await fx.prisma.outboxEvent.count({ where: { type: 'audit.recorded', payload: { path: ['targetType'], equals: 'EarningRule' } } })).toBe(0);
  const unknown = await fx.subgraph.execute<{ retireEarningRule: unknown }>(
    `mutation { retireEarningRule(id: "${randomUUID()}") { rule { id } userErrors { code } } }`,
  );
  expect(unknown.data?.retireEarningRule).toEqual({ rule: null, userErrors: [{ code: 'RULE_NOT_FOUND' }] });
  const rider = await fx.subgraph.execute(`query { earningRules { id } }`, undefined, await headersAs(fx, randomUUID(), ['RIDER']));
  expect(rider.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
});

test('adjustments: audited, idempotent by key, never below zero', async () => {
  const user = randomUUID();
  const adjust = (points: number, idempotencyKey: string, reason = 'goodwill') =>
    fx.subgraph.execute<{ adjustPoints: { entry: { points: number } | null; userErrors: { code: string }[] } }>(
      `mutation ($input: AdjustPointsInput!) { adjustPoints(input: $input) { entry { kind reason points note } userErrors { code } } }`,
      { input: { userId: user, points, reason, idempotencyKey } },
    );
  const key = randomUUID();
  expect((await adjust(70, key)).data?.adjustPoints).toEqual({
    entry: { kind: 'ADJUSTED', reason: 'ADJUSTMENT', points: 70, note: 'goodwill' },
    userErrors: [],
  });
  expect((await adjust(70, key)).data?.adjustPoints.entry?.points).toBe(70);
  expect((await adjust(-71, randomUUID())).data?.adjustPoints).toEqual({ entry: null, userErrors: [{ code: 'INSUFFICIENT_POINTS' }] });
  expect((await adjust(0, randomUUID())).data?.adjustPoints.userErrors).toEqual([{ code: 'INVALID_POINTS' }]);
  expect((await adjust(5, randomUUID(), '')).data?.adjustPoints.userErrors).toEqual([{ code: 'INVALID_REASON' }]);
  expect((await adjust(5, '')).data?.adjustPoints.userErrors).toEqual([{ code: 'INVALID_IDEMPOTENCY_KEY' }]);
  expect(await balance(user)).toBe(70);
  const entry = await fx.prisma.pointsEntry.findFirstOrThrow({ where: { userId: user } });
  expect(entry.actorUserId).not.toBeNull();
  // One audit entry: the replayed key and the refused adjustments record nothing.
  const audited = await fx.prisma.outboxEvent.findMany({ where: { type: 'audit.recorded', payload: { path: ['targetId'], equals: user } } });
  expect(audited.map((row) => row.payload)).toEqual([
    {
      source: 'gamification',
      actorId: entry.actorUserId,
      actorRoles: ['OPERATIONS'],
      action: 'points.adjust',
      targetType: 'User',
      targetId: user,
      before: { balance: 0 },
      after: { balance: 70, entryId: entry.id },
      reason: 'goodwill',
      requestId: expect.any(String),
      occurredAt: expect.any(String),
    },
  ]);
});

test('creating, changing and retiring a rule are audited with the versions before and after', async () => {
  const created = await fx.subgraph.execute<{ createEarningRule: { rule: RuleRow } }>(
    `mutation { createEarningRule(input: { key: "audit-week", trigger: FIVE_STAR_WEEK, points: 30, minRatings: 8, description: "30 for 8 fives" }) { rule { ${RULE_FIELDS} } } }`,
  );
  const v1 = created.data!.createEarningRule.rule;
  const changed = await fx.subgraph.execute<{ changeEarningRule: { rule: RuleRow } }>(
    `mutation ($id: ID!) { changeEarningRule(id: $id, input: { minRatings: 10 }) { rule { ${RULE_FIELDS} } } }`,
    { id: v1.id },
  );
  const v2 = changed.data!.changeEarningRule.rule;
  expect(v2).toMatchObject({ key: 'audit-week', points: 30, minRatings: 10, retiredAt: null });
  const retired = await fx.subgraph.execute<{ retireEarningRule: { rule: RuleRow } }>(
    `mutation ($id: ID!) { retireEarningRule(id: $id) { rule { ${RULE_FIELDS} } } }`,
    {
      id: v2.id,
    },
  );
  expect(retired.data!.retireEarningRule.rule.retiredAt).not.toBeNull();

  const audited = await fx.prisma.outboxEvent.findMany({ where: { type: 'audit.recorded', payload: { path: ['targetType'], equals: 'EarningRule' } } });
  const byAction = Object.fromEntries(audited.map((row) => [(row.payload as { action: string }).action, row.payload]));
  expect(Object.keys(byAction).sort()).toEqual(['earning_rule.change', 'earning_rule.create', 'earning_rule.retire']);
  expect(audited).toHaveLength(3);
  const version = (rule: RuleRow, minRatings: number) => ({
    id: rule.id,
    key: 'audit-week',
    trigger: 'FIVE_STAR_WEEK',
    points: 30,
    perAmountMinor: null,
    streakDays: null,
    minRatings,
    badge: null,
    description: '30 for 8 fives',
    effectiveFrom: expect.any(String),
  });
  const common = { source: 'gamification', actorRoles: ['OPERATIONS'], targetType: 'EarningRule', reason: null, requestId: expect.any(String) };
  expect(byAction['earning_rule.create']).toMatchObject({ ...common, targetId: v1.id, before: null, after: version(v1, 8) });
  expect(byAction['earning_rule.change']).toMatchObject({ ...common, targetId: v1.id, before: version(v1, 8), after: version(v2, 10) });
  expect(byAction['earning_rule.retire']).toMatchObject({
    ...common,
    targetId: v2.id,
    before: { key: 'audit-week', retiredAt: null },
    after: { key: 'audit-week', retiredAt: retired.data!.retireEarningRule.rule.retiredAt },
  });
});

// Last: it changes the shared default rule.
test('a rule change applies to events from then on: earlier events keep the old rate, entries are never rewritten', async () => {
  const current = (await rules()).find((r) => r.key === 'rider-fare');
  const before = randomUUID();
  await deliver(fx, paid({ rider: before, amountMinor: 1000 }));
  const changedAt = Date.now();
  const changed = await fx.subgraph.execute<{ changeEarningRule: { rule: RuleRow | null; userErrors: unknown[] } }>(
    `mutation ($id: ID!) { changeEarningRule(id: $id, input: { points: 25, description: "25 points per 1.00" }) { rule { ${RULE_FIELDS} } userErrors { code } } }`,
    { id: current!.id },
  );
  expect(changed.data?.changeEarningRule.userErrors).toEqual([]);
  expect(changed.data?.changeEarningRule.rule).toMatchObject({ key: 'rider-fare', points: 25, perAmountMinor: 100, retiredAt: null });
  // The old version is retired, not edited.
  expect((await rules(true)).filter((r) => r.key === 'rider-fare').map((r) => [r.points, r.retiredAt === null])).toEqual([
    [10, false],
    [25, true],
  ]);
  expect((await entriesOf(before)).find((e) => e.reason === 'TRIP_PAID')?.delta).toBe(100);

  const after = randomUUID();
  const late = randomUUID();
  await deliver(fx, paid({ rider: after, amountMinor: 1000 }));
  // Occurred before the change, delivered after: the version then in force.
  await deliver(fx, paid({ rider: late, amountMinor: 1000, at: new Date(changedAt - 60_000).toISOString() }));
  expect((await entriesOf(after)).find((e) => e.reason === 'TRIP_PAID')?.delta).toBe(250);
  expect((await entriesOf(late)).find((e) => e.reason === 'TRIP_PAID')?.delta).toBe(100);
  // Changing a retired version is RULE_NOT_FOUND.
  const stale = await fx.subgraph.execute<{ changeEarningRule: unknown }>(
    `mutation ($id: ID!) { changeEarningRule(id: $id, input: { points: 1 }) { rule { id } userErrors { code } } }`,
    { id: current!.id },
  );
  expect(stale.data?.changeEarningRule).toEqual({ rule: null, userErrors: [{ code: 'RULE_NOT_FOUND' }] });
});
