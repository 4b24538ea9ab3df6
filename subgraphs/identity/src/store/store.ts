// identity's stores over one Prisma client, and transactions across them: `transaction(fn)` hands `fn` the same
// stores bound to one database transaction (committed when `fn` resolves, rolled back when it throws).
import type { IdentityPrisma } from './database.js';
import type { Prisma } from './prisma/client.js';
import { createAuditStore } from './audit-store.js';
import { createCleanupStore } from './cleanup-store.js';
import { createEmailVerificationStore } from './email-verification-store.js';
import { createKnownFleetStore } from './known-fleet-store.js';
import { createOtpStore } from './otp-store.js';
import { createOutboxStore } from './outbox-store.js';
import { createPasswordResetStore } from './password-reset-store.js';
import { createSessionStore } from './session-store.js';
import { createUserStore } from './user-store.js';

/** The client or an open transaction: every store method works on either. */
export type Db = IdentityPrisma | Prisma.TransactionClient;

export type IdentityStores = ReturnType<typeof bindStores>;

function bindStores(db: Db) {
  return {
    users: createUserStore(db),
    otp: createOtpStore(db),
    sessions: createSessionStore(db),
    resets: createPasswordResetStore(db),
    emailVerifications: createEmailVerificationStore(db),
    audit: createAuditStore(db),
    outbox: createOutboxStore(db),
    cleanup: createCleanupStore(db),
    knownFleets: createKnownFleetStore(db),
  };
}

export type IdentityStore = IdentityStores & {
  transaction<T>(work: (stores: IdentityStores) => Promise<T>): Promise<T>;
};

export function createIdentityStore(prisma: IdentityPrisma): IdentityStore {
  return {
    ...bindStores(prisma),
    // 10 s: a refresh waiting for a concurrent refresh of the same session holds a connection until it ends.
    transaction: (work) => prisma.$transaction((tx) => work(bindStores(tx)), { maxWait: 5000, timeout: 10_000 }),
  };
}
