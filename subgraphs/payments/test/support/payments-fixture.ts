// A payments subgraph in-process on a fresh PostgreSQL database, with helpers to feed it trip events and to read
// the ledger's invariants. Background work (consumer, charger) is off: tests drive it.
import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '../../../../platform/events/index.js';
import type { Role } from '../../../../platform/auth/index.js';
import {
  createTestAuth,
  createTestDatabase,
  startInProcess,
  testSubgraphDeps,
  type InProcessSubgraph,
  type TestAuth,
  type TestDatabase,
} from '../../../../platform/testing/index.js';
import { buildPaymentsSubgraph, type PaymentsBuildOptions, type PaymentsSubgraph } from '../../src/server.js';
import { owned, platform } from '../../src/services/ledger.js';
import { openPaymentsDatabase, type PaymentsPrisma } from '../../src/store/database.js';
import type { LedgerAccountKind } from '../../src/store/prisma/client.js';

export interface PaymentsFixture {
  db: TestDatabase;
  prisma: PaymentsPrisma;
  built: PaymentsSubgraph;
  api: InProcessSubgraph;
  testAuth: TestAuth;
  statements: string[];
  as(userId: string, roles: Role[]): Promise<{ headers: Record<string, string> }>;
  stop(): Promise<void>;
}

export async function startPaymentsFixture(options: PaymentsBuildOptions = {}): Promise<PaymentsFixture> {
  const db = await createTestDatabase();
  const prisma = openPaymentsDatabase(db.target);
  const testAuth = await createTestAuth();
  const statements: string[] = [];
  const built = await buildPaymentsSubgraph(await testSubgraphDeps(db.target, (sql) => statements.push(sql), testAuth), { background: false, ...options });
  const api = await startInProcess(built);
  return {
    db,
    prisma,
    built,
    api,
    testAuth,
    statements,
    as: async (userId, roles) => ({ headers: await testAuth.headersFor({ userId, roles }) }),
    async stop() {
      await api.stop();
      await prisma.$disconnect();
      await db.drop();
    },
  };
}

/** Gives a user wallet money as platform credit (PROMOTION), as the demo seed does. */
export async function creditWallet(prisma: PaymentsPrisma, built: PaymentsSubgraph, userId: string, amountMinor: bigint, currency = 'USD'): Promise<void> {
  await prisma.$transaction((tx) =>
    built.services.ledger.post(tx, currency, {
      cause: 'PROMOTION',
      description: 'Test credit',
      legs: [owned('RIDER_WALLET', userId, amountMinor), platform('PROMOTIONS', -amountMinor)],
    }),
  );
}

export interface TripParty {
  tripId: string;
  riderUserId: string;
  driverUserId: string;
  driverId: string;
  fleetId: string;
}

export function newParty(): TripParty {
  return { tripId: randomUUID(), riderUserId: randomUUID(), driverUserId: randomUUID(), driverId: randomUUID(), fleetId: randomUUID() };
}

export function completed(
  party: TripParty,
  fare: number,
  payment: { method: 'CARD' | 'WALLET' | 'CASH'; cardId: string | null } | null,
  extra: { city?: string; category?: 'ECONOMY' | 'COMFORT' } = {},
): EventEnvelope<'trip.completed'> {
  const occurredAt = new Date().toISOString();
  return {
    id: randomUUID(),
    type: 'trip.completed',
    source: 'trips',
    occurredAt,
    payload: {
      ...party,
      fare: { amountMinor: fare, currency: 'USD' },
      distanceMeters: 3000,
      durationSeconds: 600,
      city: extra.city ?? 'Testville',
      category: extra.category ?? 'ECONOMY',
      payment,
      occurredAt,
    },
  };
}

export function cancelled(
  party: TripParty,
  fee: number | null,
  withDriver: boolean,
  payment: { method: 'CARD' | 'WALLET' | 'CASH'; cardId: string | null } | null,
): EventEnvelope<'trip.cancelled'> {
  const occurredAt = new Date().toISOString();
  return {
    id: randomUUID(),
    type: 'trip.cancelled',
    source: 'trips',
    occurredAt,
    payload: {
      tripId: party.tripId,
      riderUserId: party.riderUserId,
      driverId: withDriver ? party.driverId : null,
      driverUserId: withDriver ? party.driverUserId : null,
      fleetId: withDriver ? party.fleetId : null,
      cancelledBy: 'RIDER',
      reason: 'changed my mind',
      cancellationFee: fee === null ? null : { amountMinor: fee, currency: 'USD' },
      city: 'Testville',
      category: 'ECONOMY',
      payment,
      occurredAt,
    },
  };
}

/** The ledger's invariants, read with SQL: every entry balances, every balance is the sum of its postings, all sums to zero. */
export async function ledgerInvariants(prisma: PaymentsPrisma) {
  const [unbalancedEntries] = await prisma.$queryRaw<
    { n: bigint }[]
  >`select count(*) as n from (select entry_id from payments.postings group by entry_id, currency having sum(amount_minor) <> 0) x`;
  const [driftingAccounts] = await prisma.$queryRaw<{ n: bigint }[]>`select count(*) as n from payments.ledger_accounts a
      where a.balance_minor <> coalesce((select sum(p.amount_minor) from payments.postings p where p.account_id = a.id), 0)`;
  const totals = await prisma.$queryRaw<
    { currency: string; total: bigint }[]
  >`select currency, sum(balance_minor) as total from payments.ledger_accounts group by currency`;
  return {
    unbalancedEntries: Number(unbalancedEntries!.n),
    driftingAccounts: Number(driftingAccounts!.n),
    totals: Object.fromEntries(totals.map((t) => [t.currency.trim(), Number(t.total)])),
  };
}

/** An account's balance, 0 when it does not exist; for the platform's accounts (no owner), the sum of their shards. */
export async function balanceOf(prisma: PaymentsPrisma, kind: LedgerAccountKind, ownerId: string | null): Promise<number> {
  const accounts = await prisma.ledgerAccount.findMany({ where: { kind, ownerId, currency: 'USD' } });
  return accounts.reduce((sum, account) => sum + Number(account.balanceMinor), 0);
}

/** Payments' outbox rows of one type, oldest first. */
export async function outboxOf(prisma: PaymentsPrisma, type: string) {
  const rows = await prisma.outboxEvent.findMany({ where: { type }, orderBy: { occurredAt: 'asc' } });
  return rows.map((row) => row.payload as Record<string, unknown>);
}
