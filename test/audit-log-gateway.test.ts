// The audit log through the gateway: an operations user changes a vehicle (fleet) and creates a rental plan
// (payments); SUPER_ADMIN finds both in `auditLog` by the x-request-id each response carried, with before/after.
// Also: the gateway echoes a caller's acceptable x-request-id, makes one otherwise, and forwards it to subgraphs.
import { readUntil } from '../platform/testing/index.js';
import { startTestSupergraph, type TestSupergraph } from './support/test-supergraph.js';

let t: TestSupergraph;

beforeAll(async () => {
  t = await startTestSupergraph();
}, 180_000);

afterAll(async () => {
  await t?.stop();
});

/** POSTs to the gateway and returns the body with the response's x-request-id. */
async function post(query: string, variables: Record<string, unknown>, headers: Record<string, string>) {
  const response = await fetch(t.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test reads the fields it asserts on
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  return { status: response.status, requestId: response.headers.get('x-request-id'), ...body };
}

const ENTRY = 'source actorId actorRoles action targetType targetId before after reason requestId';

const auditByRequest = (requestId: string) =>
  readUntil(
    () => post(`{ auditLog(first: 100) { edges { node { ${ENTRY} } } } }`, {}, t.personas.SUPER_ADMIN.headers),
    (result) => ((result.data?.auditLog.edges ?? []) as { node: { requestId: string } }[]).some((edge) => edge.node.requestId === requestId),
    `the audit entry of request ${requestId}`,
  ).then((result) => (result.data.auditLog.edges as { node: { requestId: string } }[]).map((edge) => edge.node).filter((node) => node.requestId === requestId));

test("an operations user's staff actions in fleet and payments appear in the audit log with the request's id", async () => {
  const ops = t.personas.OPERATIONS;
  const vehicle = t.demo.vehicles.at(-1)!;
  const updated = await post(
    'mutation ($input: UpdateVehicleInput!) { updateVehicle(input: $input) { vehicle { id status } userErrors { code } } }',
    { input: { id: vehicle.id, status: 'MAINTENANCE' } },
    ops.headers,
  );
  expect(updated.data).toEqual({ updateVehicle: { vehicle: { id: vehicle.id, status: 'MAINTENANCE' }, userErrors: [] } });
  expect(updated.requestId).toMatch(/^[0-9a-f-]{36}$/);

  const planned = await post(
    'mutation ($input: CreateRentalPlanInput!) { createRentalPlan(input: $input) { plan { id } userErrors { code } } }',
    {
      input: {
        name: 'Audited weekly',
        vehicleCategory: 'ECONOMY',
        period: 'WEEKLY',
        rent: { amountMinor: 15000, currency: t.demo.currency },
        deposit: { amountMinor: 20000, currency: t.demo.currency },
        depositCollection: 'PAYMENT_LINK',
        validFrom: '2026-01-01T00:00:00.000Z',
        autoAssign: false,
      },
    },
    ops.headers,
  );
  expect(planned.data.createRentalPlan.userErrors).toEqual([]);
  const planId = planned.data.createRentalPlan.plan.id as string;
  expect(planned.requestId).not.toBe(updated.requestId);

  const common = { actorId: ops.userId, actorRoles: ['OPERATIONS'], reason: null };
  expect(await auditByRequest(updated.requestId!)).toEqual([
    {
      ...common,
      source: 'FLEET',
      action: 'vehicle.update',
      targetType: 'Vehicle',
      targetId: vehicle.id,
      before: { status: 'ACTIVE' },
      after: { status: 'MAINTENANCE' },
      requestId: updated.requestId,
    },
  ]);
  expect(await auditByRequest(planned.requestId!)).toEqual([
    {
      ...common,
      source: 'PAYMENTS',
      action: 'rental_plan.create',
      targetType: 'RentalPlan',
      targetId: planId,
      before: null,
      after: {
        name: 'Audited weekly',
        vehicleCategory: 'ECONOMY',
        period: 'WEEKLY',
        rentMinor: 15000,
        depositMinor: 20000,
        currency: t.demo.currency,
        depositCollection: 'PAYMENT_LINK',
        validFrom: '2026-01-01T00:00:00.000Z',
        validTo: null,
        autoAssign: false,
      },
      requestId: planned.requestId,
    },
  ]);

  // Every other role is refused the log through the gateway.
  for (const persona of ['anonymous', 'OPERATIONS', 'FLEET_MANAGER', 'DRIVER', 'RIDER'] as const) {
    const refused = await post('{ auditLog { edges { node { id } } } }', {}, t.personas[persona].headers);
    expect([persona, refused.data?.auditLog ?? null]).toEqual([persona, null]);
  }
}, 120_000);

test("the gateway echoes the caller's x-request-id and forwards it to the subgraph that records it", async () => {
  const requestId = 'client-chosen-id-0001';
  const vehicle = t.demo.vehicles.at(-2)!;
  const updated = await post(
    'mutation ($input: UpdateVehicleInput!) { updateVehicle(input: $input) { vehicle { id } userErrors { code } } }',
    { input: { id: vehicle.id, homeHubId: null } },
    { ...t.personas.OPERATIONS.headers, 'x-request-id': requestId },
  );
  expect(updated.data.updateVehicle.userErrors).toEqual([]);
  expect(updated.requestId).toBe(requestId);
  // fleet received it from the gateway: its audit entry carries it.
  expect((await auditByRequest(requestId)).map((entry) => (entry as unknown as { action: string }).action)).toEqual(['vehicle.update']);

  // An id that could smuggle text into log lines is replaced by a fresh one.
  const replaced = await post('{ __typename }', {}, { 'x-request-id': 'bad id\twith spaces' });
  expect(replaced.requestId).toMatch(/^[0-9a-f-]{36}$/);
}, 60_000);
