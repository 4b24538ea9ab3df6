// Rental plans, rent and deposits, wired once per subgraph instance (MONEY.md "Rent and deposits").
import type { Logger } from '../../../../../platform/logging/index.js';
import type { PaymentsPrisma } from '../../store/database.js';
import { findDriverProfile } from '../../store/driver-profiles.js';
import { findCurrentAssignment, rentChargesPage } from '../../store/rental-store.js';
import type { Ledger } from '../ledger.js';
import { createRentalAssignments } from './assignments.js';
import { createDriverExits } from './driver-exit.js';
import { createRentalPlans } from './plans.js';
import { createRentAccrual } from './rent-accrual.js';

export interface RentalDeps {
  prisma: PaymentsPrisma;
  ledger: Ledger;
  currency: string;
  maxAmountMinor: number;
  logger: Logger;
  /** The clock of rent periods, assignments and exits (tests simulate weeks with it). */
  now: () => Date;
  rentIntervalMs?: number;
}

export function createRental(deps: RentalDeps) {
  const { prisma, ledger, currency } = deps;
  const accrual = createRentAccrual({ prisma, ledger, currency, logger: deps.logger, now: deps.now, intervalMs: deps.rentIntervalMs });
  return {
    plans: createRentalPlans(deps),
    assignments: createRentalAssignments(deps),
    exits: createDriverExits(deps),
    /** The rent job: `accrueDue(now?)` runs one pass by hand; `start`/`stop` the background loop. */
    accrual,
    reads: {
      profile: (driverId: string) => findDriverProfile(prisma, driverId),
      currentAssignment: (driverId: string) => findCurrentAssignment(prisma, driverId),
      rentChargesPage: (driverId: string, page: Parameters<typeof rentChargesPage>[2]) => rentChargesPage(prisma, driverId, page),
      /** The driver's deposit account balance (0 before any deposit). */
      async depositHeld(userId: string): Promise<bigint> {
        const account = await prisma.ledgerAccount.findFirst({ where: { kind: 'DRIVER_DEPOSIT', ownerId: userId, currency, shard: 0 } });
        return account?.balanceMinor ?? 0n;
      },
    },
  };
}

export type Rental = ReturnType<typeof createRental>;
