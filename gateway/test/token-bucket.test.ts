// The per-socket message budget: a burst, then the refill rate, on a clock the test moves.
import { TokenBucket } from '../src/rate-limit/index.js';

test('takes a burst at once, then refills at its rate up to the burst, never beyond', () => {
  let now = 0;
  const bucket = new TokenBucket({ perSecond: 10, burst: 5 }, () => now);
  const takes = (n: number) => Array.from({ length: n }, () => bucket.take()).filter(Boolean).length;
  expect(takes(8)).toBe(5);
  now += 250; // 2.5 tokens
  expect(takes(5)).toBe(2);
  now += 50; // 0.5 left over + 0.5 = 1 token
  expect(takes(5)).toBe(1);
  now += 60_000; // a long silence refills to the burst, not to 600
  expect(takes(100)).toBe(5);
});
