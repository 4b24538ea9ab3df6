// The loyalty tier rule at every threshold boundary (pure; no database).
import { loyaltyStanding } from '../src/services/loyalty-level.js';

test.each([
  [0, 'BRONZE', 1000],
  [999, 'BRONZE', 1],
  [1000, 'SILVER', 4000],
  [4999, 'SILVER', 1],
  [5000, 'GOLD', 15000],
  [19999, 'GOLD', 1],
  [20000, 'PLATINUM', null],
  [3_000_000_000, 'PLATINUM', null],
])('%d lifetime points → %s, %p to the next tier', (lifetime, level, pointsToNextLevel) => {
  expect(loyaltyStanding(lifetime)).toEqual({ level, pointsToNextLevel });
});

test('a negative total (should never happen) counts as zero rather than inventing a tier', () => {
  expect(loyaltyStanding(-50)).toEqual({ level: 'BRONZE', pointsToNextLevel: 1000 });
});
