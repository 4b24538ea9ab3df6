// Payout test helpers: a fleet's drivers with profiles, balances posted straight to the ledger, destinations, and
// webhooks from the development provider delivered on demand (held, replayed, reordered).
import { randomUUID } from 'node:crypto';
import { DevelopmentPaymentProvider } from '../../src/providers/development-provider.js';
import { owned, platform } from '../../src/services/ledger.js';
import { startPaymentsFixture, type PaymentsFixture } from './payments-fixture.js';

export interface TestDriver {
  driverId: string;
  userId: string;
  fleetId: string;
}

export interface PayoutsFixture extends PaymentsFixture {
  provider: DevelopmentPaymentProvider;
  /** Webhooks the provider sent while `hold` was true, in order. */
  held: Buffer[];
  hold: boolean;
  /** Verifies and handles a webhook body as the route would. */
  deliver(body: Buffer): Promise<void>;
  driver(fleetId: string, balances?: { earnings?: bigint; cashHeld?: bigint }): Promise<TestDriver>;
  /** Posts to a driver's earnings (positive: more owed to them; negative: rent, a deduction). */
  addEarnings(userId: string, amount: bigint): Promise<void>;
  setDestination(d: TestDriver, accountNumber?: string): Promise<void>;
  balance(kind: 'DRIVER_EARNINGS' | 'DRIVER_CASH_HELD' | 'PAYOUTS_IN_TRANSIT' | 'PROVIDER_CLEARING', ownerId: string | null): Promise<bigint>;
}

export async function startPayoutsFixture(): Promise<PayoutsFixture> {
  let fixture!: PayoutsFixture;
  const provider = new DevelopmentPaymentProvider({
    webhookSecret: 'whsec_test_payouts',
    webhookDelayMs: 10,
    webhookRetryDelayMs: 10,
    webhookMaxAttempts: 1,
    deliver: async (body) => {
      if (fixture.hold) fixture.held.push(body);
      else await fixture.deliver(body);
    },
  });
  const base = await startPaymentsFixture({ provider });
  fixture = {
    ...base,
    provider,
    held: [],
    hold: false,
    async deliver(body) {
      const event = provider.verifyWebhook(body, provider.signWebhook(body));
      await base.built.services.handleWebhook(event);
    },
    async driver(fleetId, balances = {}) {
      const d = { driverId: randomUUID(), userId: randomUUID(), fleetId };
      await base.prisma.driverProfile.create({ data: { driverId: d.driverId, userId: d.userId, fleetId, version: 1n } });
      if (balances.earnings) await fixture.addEarnings(d.userId, balances.earnings);
      if (balances.cashHeld) {
        // A cash fare without commission: the driver holds the cash (negative) and earned it.
        await base.prisma.$transaction((tx) =>
          base.built.services.ledger.post(tx, 'USD', {
            cause: 'TRIP_FARE',
            description: 'Test cash fare',
            legs: [owned('DRIVER_CASH_HELD', d.userId, balances.cashHeld!), owned('DRIVER_EARNINGS', d.userId, -balances.cashHeld!)],
          }),
        );
      }
      return d;
    },
    async addEarnings(userId, amount) {
      await base.prisma.$transaction((tx) =>
        base.built.services.ledger.post(tx, 'USD', {
          cause: 'ADJUSTMENT',
          description: 'Test earnings',
          legs: [owned('DRIVER_EARNINGS', userId, amount), platform('PROMOTIONS', -amount)],
        }),
      );
    },
    async setDestination(d, accountNumber = 'GB82WEST12345698765432') {
      const { headers } = await base.as(d.userId, ['DRIVER']);
      const result = await base.api.execute<{ setPayoutDestination: { userErrors: unknown[] } }>(
        `mutation ($input: SetPayoutDestinationInput!) { setPayoutDestination(input: $input) { userErrors { code message } } }`,
        {
          input: {
            accountHolderName: 'Test Driver',
            accountNumber,
            routingCode: accountNumber.startsWith('GB') ? null : '110000000',
            country: accountNumber.startsWith('GB') ? 'GB' : 'US',
          },
        },
        { headers },
      );
      if (result.errors || result.data!.setPayoutDestination.userErrors.length) throw new Error(JSON.stringify(result));
    },
    async balance(kind, ownerId) {
      const accounts = await base.prisma.ledgerAccount.findMany({ where: { kind, ownerId, currency: 'USD' } });
      return accounts.reduce((sum, a) => sum + a.balanceMinor, 0n);
    },
  };
  return fixture;
}
