// Points expiry on PostgreSQL: what expires (old points not yet consumed by spending, capped by the balance), once
// per user and day however often and however concurrently the job runs, and later runs picking up what aged since.
import { randomUUID } from 'node:crypto';
import { readGamificationConfig } from '../src/config.js';
import { startLoyaltyFixture, type LoyaltyFixture } from './support/loyalty-fixture.js';

let fx: LoyaltyFixture;
beforeAll(async () => {
  fx = await startLoyaltyFixture();
});
afterAll(async () => {
  await fx?.stop();
});

const DAY = 86_400_000;
const now = new Date('2026-12-07T12:00:00.000Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);

async function entry(userId: string, delta: number, createdAt: Date, reason: 'PROMOTION' | 'REDEMPTION' = delta > 0 ? 'PROMOTION' : 'REDEMPTION') {
  await fx.prisma.pointsEntry.create({ data: { userId, delta, reason, createdAt, cause: `test:${randomUUID()}` } });
}
const balance = async (userId: string) => (await fx.prisma.pointsEntry.aggregate({ where: { userId }, _sum: { delta: true } }))._sum.delta ?? 0;
const expired = (userId: string) =>
  fx.prisma.pointsEntry.findMany({ where: { userId, reason: 'EXPIRY' }, orderBy: { createdAt: 'asc' }, select: { delta: true, note: true } });

test('points earned over 365 days ago and not spent expire once, even with runs racing; later runs take what aged since', async () => {
  const a = randomUUID(); // 100 old, 50 recent, 30 spent: 70 of the old ones are left to expire
  await entry(a, 100, daysAgo(400));
  await entry(a, 50, daysAgo(10));
  await entry(a, -30, daysAgo(5));
  const b = randomUUID(); // spent more than the old points: nothing old is left
  await entry(b, 100, daysAgo(400));
  await entry(b, 100, daysAgo(10));
  await entry(b, -150, daysAgo(5));
  const c = randomUUID(); // only recent points
  await entry(c, 80, daysAgo(3));

  const runs = await Promise.all([fx.built.services.expiry.run(now), fx.built.services.expiry.run(now), fx.built.services.expiry.run(now)]);
  expect(runs.reduce((sum, run) => sum + run.points, 0)).toBe(70);
  expect(await expired(a)).toEqual([{ delta: -70, note: 'points earned before 2025-12-07 expired' }]);
  expect(await balance(a)).toBe(50);
  expect(await expired(b)).toEqual([]);
  expect(await expired(c)).toEqual([]);

  // Later the same day and the next day: nothing new is due.
  expect((await fx.built.services.expiry.run(new Date(now.getTime() + 3_600_000))).points).toBe(0);
  expect((await fx.built.services.expiry.run(new Date(now.getTime() + DAY))).points).toBe(0);
  // A year on, the recent points have aged too; the expired 70 count as consumed.
  await fx.built.services.expiry.run(new Date(now.getTime() + 370 * DAY));
  expect((await expired(a)).map((e) => e.delta)).toEqual([-70, -50]);
  expect(await balance(a)).toBe(0);
  expect(await balance(b)).toBe(0);
  expect(await balance(c)).toBe(0);

  const history = await fx.prisma.pointsEntry.count({ where: { userId: { in: [a, b, c] }, reason: 'EXPIRY' } });
  expect(history).toBe(4); // a twice, b once (its remaining 50), c once
});

test('the period is configurable; 0 turns expiry off; bad values are refused', () => {
  expect(readGamificationConfig({}).pointsExpireDays).toBe(365);
  expect(readGamificationConfig({ LOYALTY_POINTS_EXPIRE_DAYS: '0' }).pointsExpireDays).toBe(0);
  expect(() => readGamificationConfig({ LOYALTY_POINTS_EXPIRE_DAYS: '-1' })).toThrow(/LOYALTY_POINTS_EXPIRE_DAYS/);
  expect(() => readGamificationConfig({ LOYALTY_EXPIRY_INTERVAL_MS: '10' })).toThrow(/LOYALTY_EXPIRY_INTERVAL_MS/);
});
