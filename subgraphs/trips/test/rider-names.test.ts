// Riders' names in trips (`Trip.rider @provides(fields: "name")`): the copy kept from identity's `user.name.changed`
// — newest wins whatever the order, redelivery changes nothing, a malformed event is skipped — and `rider { name }`
// answered from it: one statement for any number of riders, and SERVICE_UNAVAILABLE at the path of a rider trips has
// not heard of yet (never a guessed name).
import { randomUUID } from 'node:crypto';
import type { AnyEventEnvelope } from '../../../platform/events/index.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
}, 60_000);

afterAll(async () => {
  await h?.close();
});

function nameChanged(userId: string, name: string, occurredAt: string, id = randomUUID()): AnyEventEnvelope {
  return { id, type: 'user.name.changed', source: 'identity', occurredAt, payload: { userId, name, occurredAt } };
}

const copyOf = async (userId: string) => (await h.prisma.userName.findUnique({ where: { userId } }))?.name ?? null;

describe('the copy of identity’s names', () => {
  test('the newest name wins in any order; the same event twice changes nothing', async () => {
    const userId = randomUUID();
    const renamed = nameChanged(userId, 'Ada Lovelace', '2026-12-01T10:00:00.000Z');
    await h.built.handleUserNameEvent(renamed);
    await h.built.handleUserNameEvent(nameChanged(userId, 'Ada Byron', '2026-12-01T09:00:00.000Z')); // older, late
    expect(await copyOf(userId)).toBe('Ada Lovelace');
    await h.built.handleUserNameEvent(renamed); // redelivered
    expect(await copyOf(userId)).toBe('Ada Lovelace');
    await h.built.handleUserNameEvent(nameChanged(userId, 'Ada King', '2026-12-01T11:00:00.000Z'));
    expect(await copyOf(userId)).toBe('Ada King');
  });

  test('a malformed event is skipped, not retried', async () => {
    const userId = randomUUID();
    await expect(h.built.handleUserNameEvent(nameChanged(userId, 'No Time', 'not a time'))).resolves.toBeUndefined();
    await expect(h.built.handleUserNameEvent(nameChanged('not-a-uuid', 'No Id', '2026-12-01T10:00:00.000Z'))).resolves.toBeUndefined();
    expect(await copyOf(userId)).toBeNull();
  });
});

describe('`rider { name }` from the copy', () => {
  async function tripsOf(riders: string[]): Promise<string> {
    const fleetId = randomUUID();
    for (const [i, riderUserId] of riders.entries()) {
      await h.prisma.trip.create({
        data: { riderUserId, fleetId, category: 'ECONOMY', status: 'COMPLETED', currency: 'USD', requestedAt: new Date(Date.UTC(2026, 10, 1, 12, 0, i)) },
      });
    }
    return fleetId;
  }

  const staff = () => h.as(randomUUID(), ['OPERATIONS']);
  const board = (fleetId: string, first: number) => `{ trips(first: ${first}, fleetId: "${fleetId}") { edges { node { rider { id name } } } } }`;

  test('names every rider in one statement, for 5 trips as for 50', async () => {
    const riders = Array.from({ length: 50 }, () => randomUUID());
    for (const [i, rider] of riders.entries()) await h.built.handleUserNameEvent(nameChanged(rider, `Rider ${i}`, '2026-12-01T10:00:00.000Z'));
    const fleetId = await tripsOf(riders);
    const who = await staff();
    const statementsFor = async (first: number) => {
      h.statements.length = 0;
      const result = await h.run<{ trips: { edges: { node: { rider: { id: string; name: string } } }[] } }>(who, board(fleetId, first));
      expect(result.errors).toBeUndefined();
      // Newest first: the last rider created is the first on the board.
      expect(result.data!.trips.edges.map((edge) => edge.node.rider)).toEqual(
        riders
          .map((id, i) => ({ id, name: `Rider ${i}` }))
          .reverse()
          .slice(0, first),
      );
      return h.statements.filter((sql) => /user_names/.test(sql)).length;
    };
    expect(await statementsFor(5)).toBe(1);
    expect(await statementsFor(50)).toBe(1);
  });

  test('a rider trips has not heard of: SERVICE_UNAVAILABLE at that rider’s name, the other trips stand', async () => {
    const known = randomUUID();
    const unknown = randomUUID();
    await h.built.handleUserNameEvent(nameChanged(known, 'Known Rider', '2026-12-01T10:00:00.000Z'));
    const fleetId = await tripsOf([known, unknown]);
    const result = await h.run<{ trips: { edges: { node: { rider: { id: string; name: string } | null } }[] } }>(await staff(), board(fleetId, 2));
    expect(result.data!.trips.edges.map((edge) => edge.node.rider)).toEqual([null, { id: known, name: 'Known Rider' }]);
    expect(result.errors?.map((error) => [error.extensions?.code, (error as { path?: unknown }).path])).toEqual([
      ['SERVICE_UNAVAILABLE', ['trips', 'edges', 0, 'node', 'rider', 'name']],
    ]);
  });
});
