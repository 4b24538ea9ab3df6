import type { AnyEventEnvelope } from '../index.js';
import { createEventBatcher } from '../index.js';

const silent = { info: () => {}, warn: () => {}, error: () => {} };
const event = (id: string) => ({ id, type: 'trip.rated', source: 'test', occurredAt: new Date(0).toISOString(), payload: {} }) as unknown as AnyEventEnvelope;

test('events handed over together are handled in one batch, each member getting its own result', async () => {
  const batches: string[][] = [];
  const handle = createEventBatcher<string>({
    batch: async (events) => (batches.push(events.map((e) => e.id)), events.map((e) => `done ${e.id}`)),
    one: () => Promise.reject(new Error('not expected')),
    logger: silent,
  });
  expect(await Promise.all([handle(event('a')), handle(event('b')), handle(event('c'))])).toEqual(['done a', 'done b', 'done c']);
  expect(batches).toEqual([['a', 'b', 'c']]);
});

test('a batch never holds more than maxBatch events', async () => {
  const batches: number[] = [];
  const handle = createEventBatcher<boolean>({
    batch: async (events) => (batches.push(events.length), events.map(() => true)),
    one: () => Promise.reject(new Error('not expected')),
    logger: silent,
    maxBatch: 2,
  });
  await Promise.all(['a', 'b', 'c', 'd', 'e'].map((id) => handle(event(id))));
  expect(batches).toEqual([2, 2, 1]);
});

test('a batch that fails is handled one event at a time, so a bad event fails alone', async () => {
  const seen: string[] = [];
  const warnings: string[] = [];
  const handle = createEventBatcher<boolean>({
    batch: () => Promise.reject(new Error('batch broke')),
    one: (e) => (e.id === 'bad' ? Promise.reject(new Error('bad event')) : (seen.push(e.id), Promise.resolve(true))),
    logger: { ...silent, warn: (_fields, message) => warnings.push(message) },
    name: 'settlement',
  });
  const outcomes = await Promise.allSettled([handle(event('a')), handle(event('bad')), handle(event('c'))]);
  expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  expect((outcomes[1] as PromiseRejectedResult).reason).toEqual(new Error('bad event'));
  expect(seen).toEqual(['a', 'c']);
  expect(warnings).toEqual(['settlement batch failed; handling its events one at a time']);
});
