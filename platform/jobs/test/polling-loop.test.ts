// The polling loop behind payments' charger and payout sender: passes run until one finds nothing, a wake during a
// pass runs another right after it, a failing pass is logged and the loop goes on, stop waits for the pass under way.
import { createPollingLoop } from '../index.js';

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(check()).toBe(true);
};

test('drain runs passes until one handles nothing; wake is a no-op before start', async () => {
  const queue = [3, 2, 0, 5];
  let passes = 0;
  const loop = createPollingLoop({ name: 't', pass: async () => (passes++, queue.shift() ?? 0), pollIntervalMs: 60_000, logger: { error: () => {} } });
  loop.wake();
  expect(passes).toBe(0);
  await loop.drain();
  expect(passes).toBe(3);
});

test('a wake during a pass runs another pass after it; a failing pass is logged and the loop goes on; stop waits', async () => {
  const errors: string[] = [];
  let release!: () => void;
  let passes = 0;
  const loop = createPollingLoop({
    name: 'sender',
    pass: async () => {
      passes++;
      if (passes === 1) await new Promise<void>((resolve) => (release = resolve));
      if (passes === 2) throw new Error('provider down');
      return 0;
    },
    pollIntervalMs: 60_000,
    logger: { error: (_obj: unknown, message?: string) => void errors.push(String(message)) },
  });
  loop.start();
  await until(() => passes === 1);
  loop.wake(); // during the first pass
  release();
  await until(() => passes === 2); // the pass after the wake fails: logged, then the loop sleeps until woken
  await until(() => errors.length === 1);
  expect(errors).toEqual(['sender pass failed']);
  loop.wake();
  await until(() => passes === 3);
  await loop.stop();
  loop.wake();
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(passes).toBe(3);
});
