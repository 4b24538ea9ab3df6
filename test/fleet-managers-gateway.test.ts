// Fleet managers through the gateway, on PostgreSQL and on embedded PGlite: identity's Fleet.managers joins fleet's Fleet entity. Operations make a user a
// manager of a demo fleet; the fleet lists them (and a manager of another fleet may not read the list); removed, the
// list is as before.
import { postGraphQL } from '../platform/testing/index.js';
import { gatewayData } from './support/gateway-apps.js';
import { startTestSupergraph, TEST_RUNTIMES, type TestSupergraph } from './support/test-supergraph.js';

let s: TestSupergraph;

describe.each(TEST_RUNTIMES)('on %s', (runtime) => {
  beforeAll(async () => {
    s = await startTestSupergraph({ runtime });
  }, 120_000);
  afterAll(async () => {
    await s?.stop();
  });

  const MANAGERS = `query ($id: ID!) { fleet(id: $id) { id name managers { id name } } }`;
  const ASSIGN = `mutation ($userId: ID!, $fleetId: ID!) { assignFleetManager(userId: $userId, fleetId: $fleetId) { user { id roles managedFleetIds } userErrors { code } } }`;
  const REMOVE = `mutation ($userId: ID!, $fleetId: ID!) { removeFleetManager(userId: $userId, fleetId: $fleetId) { user { id roles managedFleetIds } userErrors { code } } }`;

  test("operations assign and remove a manager; Fleet.managers follows and is hidden from another fleet's manager", async () => {
    const [downtown, other] = s.demo.fleets;
    const rider = s.demo.users.find((u) => u.roles.includes('RIDER') && !u.roles.includes('DRIVER'))!;
    const ops = s.personas.OPERATIONS.headers;
    const managerIds = async () => ((await gatewayData(s.gatewayUrl, MANAGERS, { id: downtown!.id }, ops)).fleet.managers as { id: string }[]).map((m) => m.id);
    const before = await managerIds();
    expect(before).not.toContain(rider.id);

    // identity learns the demo fleets from fleet's outbox within a second or so of start-up (FLEET_NOT_FOUND until then).
    await s.untilIdentityKnowsFleet(downtown!.id);
    const assigned = await gatewayData(s.gatewayUrl, ASSIGN, { userId: rider.id, fleetId: downtown!.id }, ops);
    expect(assigned.assignFleetManager).toEqual({
      user: { id: rider.id, roles: [...rider.roles, 'FLEET_MANAGER'], managedFleetIds: [downtown!.id] },
      userErrors: [],
    });
    expect(await managerIds()).toContain(rider.id);
    expect(await managerIds()).toHaveLength(before.length + 1);

    // The new manager (with the token of their next refresh) reads their fleet's managers; another fleet's manager may not.
    const asNewManager = await s.testAuth.headersFor({ userId: rider.id, roles: [...rider.roles, 'FLEET_MANAGER'], fleetIds: [downtown!.id] });
    const own = await gatewayData(s.gatewayUrl, MANAGERS, { id: downtown!.id }, asNewManager);
    expect(own.fleet.managers.map((m: { id: string }) => m.id)).toContain(rider.id);
    const asOtherManager = await s.testAuth.headersFor({ userId: rider.id, roles: ['FLEET_MANAGER'], fleetIds: [other!.id] });
    // fleet answers another fleet as null, so its managers are never asked for (identity's own FORBIDDEN for them is
    // pinned in subgraphs/identity/test/fleet-managers.test.ts).
    const hidden = await postGraphQL(s.gatewayUrl, MANAGERS, { id: downtown!.id }, asOtherManager);
    expect(JSON.stringify(hidden.data)).not.toContain(rider.id);
    expect(hidden.data?.fleet ?? null).toBeNull();

    const removed = await gatewayData(s.gatewayUrl, REMOVE, { userId: rider.id, fleetId: downtown!.id }, ops);
    expect(removed.removeFleetManager).toEqual({ user: { id: rider.id, roles: rider.roles, managedFleetIds: [] }, userErrors: [] });
    expect(await managerIds()).toEqual(before);
  });
});
