// The audit log: identity stores every subgraph's `audit.recorded` events exactly once and serves them to
// SUPER_ADMIN (`auditLog`): filters, newest-first paging, who may read it; identity's own staff actions recorded.
import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import type { Role } from '../../../platform/auth/index.js';
import type { DomainEvents, EventEnvelope } from '../../../platform/events/index.js';
import { readUntil } from '../../../platform/testing/index.js';
import { createAuditEventHandler } from '../src/services/audit-events.js';
import type { User } from '../src/store/prisma/client.js';
import { errorCodes, newEmail, newPhone, startHarness, type Harness } from './harness.js';

let h: Harness;
let admin: User;
let adminToken: string;
let handle: ReturnType<typeof createAuditEventHandler>;

beforeAll(async () => {
  h = await startHarness();
  admin = await h.createUser({ roles: ['SUPER_ADMIN'], name: 'Sam Admin' });
  adminToken = await h.tokenFor(admin);
  handle = createAuditEventHandler({ prisma: h.prisma, logger: pino({ level: 'silent' }) });
});

afterAll(async () => {
  await h?.stop();
});

const ENTRY = 'id source actorId actor { id name } actorRoles action targetType targetId before after reason requestId occurredAt';
const AUDIT_LOG = `query ($filter: AuditLogFilterInput, $first: Int, $after: String) {
  auditLog(filter: $filter, first: $first, after: $after) { edges { cursor node { ${ENTRY} } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`;

type Payload = DomainEvents['audit.recorded'];

function auditEnvelope(overrides: Partial<Payload> = {}, id = randomUUID()): EventEnvelope<'audit.recorded'> {
  const payload: Payload = {
    source: 'fleet',
    actorId: admin.id,
    actorRoles: ['SUPER_ADMIN'],
    action: 'vehicle.update',
    targetType: 'Vehicle',
    targetId: randomUUID(),
    before: { status: 'ACTIVE' },
    after: { status: 'MAINTENANCE' },
    reason: null,
    requestId: 'req-00000001',
    occurredAt: new Date().toISOString(),
    ...overrides,
  };
  return { id, type: 'audit.recorded', source: payload.source, occurredAt: payload.occurredAt, payload };
}

async function auditLog(variables: Record<string, unknown>, token = adminToken) {
  const result = await h.execute(AUDIT_LOG, variables, { token });
  expect(result.errors).toBeUndefined();
  return result.data!.auditLog as { edges: { cursor: string; node: Record<string, unknown> }[]; pageInfo: Record<string, unknown> };
}

test('an audit event delivered twice is stored once', async () => {
  const event = auditEnvelope({ action: 'twice.delivered', reason: 'checked twice' });
  await handle(event);
  await handle(event);
  await Promise.all([handle(event), handle(event)]);
  expect(await h.prisma.auditEntry.count({ where: { action: 'twice.delivered' } })).toBe(1);
  // The entry's id is the event's: the insert alone is idempotent, no processed-event row is kept beside it.
  expect(await h.prisma.processedEvent.count({ where: { eventId: event.id } })).toBe(0);
  const page = await auditLog({ filter: { action: 'twice.delivered' } });
  expect(page.edges.map((edge) => edge.node)).toEqual([
    {
      id: event.id,
      source: 'FLEET',
      actorId: admin.id,
      actor: { id: admin.id, name: 'Sam Admin' },
      actorRoles: ['SUPER_ADMIN'],
      action: 'twice.delivered',
      targetType: 'Vehicle',
      targetId: event.payload.targetId,
      before: { status: 'ACTIVE' },
      after: { status: 'MAINTENANCE' },
      reason: 'checked twice',
      requestId: 'req-00000001',
      occurredAt: event.payload.occurredAt,
    },
  ]);
});

test('a malformed audit event is skipped, not retried', async () => {
  await handle(auditEnvelope({ action: 'malformed.actor', actorId: 'not-a-uuid' }));
  await handle(auditEnvelope({ action: 'malformed.time', occurredAt: 'yesterday' }));
  expect(await h.prisma.auditEntry.count({ where: { action: { startsWith: 'malformed.' } } })).toBe(0);
});

describe('filters and paging', () => {
  const otherActor = randomUUID();
  const target = randomUUID();
  const base = Date.parse('2026-01-01T00:00:00.000Z');
  const at = (minutes: number) => new Date(base + minutes * 60_000).toISOString();
  const ids: string[] = [];

  beforeAll(async () => {
    // Six entries a minute apart (index = minute), two actions, three sources, two actors, one shared target.
    const rows: Partial<Payload>[] = [
      { source: 'fleet', action: 'filter.a', occurredAt: at(0), targetType: 'Driver', targetId: target },
      { source: 'payments', action: 'filter.b', occurredAt: at(1), actorId: otherActor, actorRoles: ['OPERATIONS'] },
      { source: 'trips', action: 'filter.a', occurredAt: at(2), targetType: 'Driver', targetId: target },
      { source: 'fleet', action: 'filter.b', occurredAt: at(3), actorId: otherActor, actorRoles: ['OPERATIONS'] },
      { source: 'payments', action: 'filter.a', occurredAt: at(4) },
      { source: 'fleet', action: 'filter.a', occurredAt: at(5), targetType: 'Vehicle', targetId: target },
    ];
    for (const row of rows) {
      const event = auditEnvelope(row);
      ids.push(event.id);
      await handle(event);
    }
  });

  const idsOf = (page: { edges: { node: Record<string, unknown> }[] }) => page.edges.map((edge) => ids.indexOf(edge.node.id as string));
  const inRange = { from: at(0), to: at(6) };

  test('newest first, paged with cursors', async () => {
    const first = await auditLog({ filter: inRange, first: 4 });
    expect(idsOf(first)).toEqual([5, 4, 3, 2]);
    expect(first.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, endCursor: first.edges[3]!.cursor });
    const second = await auditLog({ filter: inRange, first: 4, after: first.pageInfo.endCursor });
    expect(idsOf(second)).toEqual([1, 0]);
    expect(second.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true, endCursor: second.edges[1]!.cursor });
  });

  test('each filter, and filters combined', async () => {
    expect(idsOf(await auditLog({ filter: { ...inRange, actorId: otherActor } }))).toEqual([3, 1]);
    expect(idsOf(await auditLog({ filter: { ...inRange, action: 'filter.b' } }))).toEqual([3, 1]);
    expect(idsOf(await auditLog({ filter: { ...inRange, source: 'FLEET' } }))).toEqual([5, 3, 0]);
    expect(idsOf(await auditLog({ filter: { ...inRange, target: { type: 'Driver', id: target } } }))).toEqual([2, 0]);
    expect(idsOf(await auditLog({ filter: { from: at(1), to: at(4) } }))).toEqual([3, 2, 1]);
    expect(idsOf(await auditLog({ filter: { ...inRange, source: 'FLEET', action: 'filter.a' } }))).toEqual([5, 0]);
    expect(idsOf(await auditLog({ filter: { ...inRange, source: 'NOTIFICATIONS' } }))).toEqual([]);
  });

  test("totalCount: the filter's entries across all pages, one COUNT per field and only when asked for", async () => {
    const statements: string[] = [];
    const observed = await h.startAnother({ onStatement: (sql) => statements.push(sql) });
    const counts = () => statements.filter((sql) => /\bcount\s*\(/i.test(sql));
    const TOTALS = `query ($all: AuditLogFilterInput, $fleet: AuditLogFilterInput) {
      page: auditLog(filter: $all, first: 2) { edges { node { id } } totalCount }
      again: auditLog(filter: $all, first: 5) { totalCount }
      fleet: auditLog(filter: $fleet) { totalCount }
    }`;
    const result = await observed.execute(TOTALS, { all: inRange, fleet: { ...inRange, source: 'FLEET' } }, { token: adminToken });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ page: { edges: [expect.anything(), expect.anything()], totalCount: 6 }, again: { totalCount: 6 }, fleet: { totalCount: 3 } });
    // One per field: `page` and `again` are two fields (two resolver calls), `fleet` the third.
    expect(counts()).toHaveLength(3);
    statements.length = 0;
    const uncounted = await observed.execute(AUDIT_LOG, { filter: inRange, first: 2 }, { token: adminToken });
    expect(uncounted.errors).toBeUndefined();
    expect(counts()).toEqual([]);
  });

  test('bad filters and paging arguments are BAD_USER_INPUT', async () => {
    for (const variables of [
      { filter: { actorId: 'nope' } },
      { filter: { from: at(3), to: at(3) } },
      { first: 0 },
      { first: 101 },
      { after: 'not-a-cursor' },
    ]) {
      const result = await h.execute(AUDIT_LOG, variables, { token: adminToken });
      expect([variables, errorCodes(result)]).toEqual([variables, ['BAD_USER_INPUT']]);
    }
  });
});

test('only SUPER_ADMIN reads the audit log', async () => {
  const refused: Role[][] = [['OPERATIONS'], ['FLEET_MANAGER'], ['DRIVER'], ['RIDER'], ['OPERATIONS', 'FLEET_MANAGER']];
  for (const roles of refused) {
    const user = await h.createUser({ roles, fleetIds: roles.includes('FLEET_MANAGER') ? [randomUUID()] : [] });
    const result = await h.execute(AUDIT_LOG, {}, { token: await h.tokenFor(user) });
    expect([roles, result.data?.auditLog ?? null, errorCodes(result)]).toEqual([roles, null, ['FORBIDDEN']]);
  }
  const anonymous = await h.execute(AUDIT_LOG, {});
  expect([anonymous.data?.auditLog ?? null, errorCodes(anonymous)]).toEqual([null, ['UNAUTHENTICATED']]);
});

describe("identity's staff actions are recorded with before/after", () => {
  const USER_PAYLOAD = 'user { id } userErrors { code }';
  const entriesFor = (userId: string, count: number) =>
    readUntil(
      () => auditLog({ filter: { target: { type: 'User', id: userId } } }),
      (page) => page.edges.length >= count,
      `${count} audit entries for user ${userId}`,
    ).then((page) => page.edges.map((edge) => edge.node));
  const common = (requestId: string) => ({
    id: expect.any(String),
    source: 'IDENTITY',
    actorId: admin.id,
    actor: { id: admin.id, name: 'Sam Admin' },
    actorRoles: ['SUPER_ADMIN'],
    targetType: 'User',
    reason: null,
    requestId,
    occurredAt: expect.any(String),
  });

  test('createStaffUser, setUserRoles, deactivateUser', async () => {
    const email = newEmail('audited');
    const phone = newPhone();
    const fleet = randomUUID();
    const created = await h.execute(
      `mutation ($input: CreateStaffUserInput!) { createStaffUser(input: $input) { ${USER_PAYLOAD} } }`,
      { input: { name: 'Audited Staff', email, phone, roles: ['OPERATIONS'] } },
      { token: adminToken, requestId: 'req-create-0001' },
    );
    const userId = created.data?.createStaffUser.user.id as string;
    const setRoles = await h.execute(
      `mutation ($userId: ID!, $roles: [Role!]!, $fleetIds: [ID!]) { setUserRoles(userId: $userId, roles: $roles, fleetIds: $fleetIds) { ${USER_PAYLOAD} } }`,
      { userId, roles: ['FLEET_MANAGER'], fleetIds: [fleet] },
      { token: adminToken, requestId: 'req-roles-0001' },
    );
    expect(setRoles.data?.setUserRoles.userErrors).toEqual([]);
    const deactivated = await h.execute(
      `mutation ($userId: ID!) { deactivateUser(userId: $userId) { ${USER_PAYLOAD} } }`,
      { userId },
      { token: adminToken, requestId: 'req-deactivate-0001' },
    );
    expect(deactivated.data?.deactivateUser.userErrors).toEqual([]);

    expect(await entriesFor(userId, 3)).toEqual([
      { ...common('req-deactivate-0001'), action: 'user.deactivate', targetId: userId, before: { active: true }, after: { active: false } },
      {
        ...common('req-roles-0001'),
        action: 'user.set_roles',
        targetId: userId,
        before: { roles: ['OPERATIONS'], fleetIds: [] },
        after: { roles: ['FLEET_MANAGER'], fleetIds: [fleet] },
      },
      {
        ...common('req-create-0001'),
        action: 'user.create_staff',
        targetId: userId,
        before: null,
        after: { name: 'Audited Staff', email, phone, roles: ['OPERATIONS'], fleetIds: [] },
      },
    ]);
  });

  test('a refused change records nothing', async () => {
    const rider = await h.createUser({ roles: ['RIDER'] });
    const refused = await h.execute(
      `mutation ($userId: ID!) { setUserRoles(userId: $userId, roles: []) { ${USER_PAYLOAD} } }`,
      { userId: rider.id },
      { token: adminToken },
    );
    expect(refused.data?.setUserRoles.userErrors).toEqual([{ code: 'INVALID_ROLES' }]);
    expect(await h.prisma.outboxEvent.count({ where: { type: 'audit.recorded', payload: { path: ['targetId'], equals: rider.id } } })).toBe(0);
  });
});
