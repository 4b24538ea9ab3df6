// The clean-up job: deletes expired sign-in codes, expired reset and verification links, sessions ended or expired
// longer ago than the retention (with their refresh tokens), and refresh tokens rotated longer ago than it. Every
// replica may run it: deletes are idempotent and skip rows another replica is deleting, so nothing needs electing.
import { createPollingLoop, type PollingLoop } from '../../../../platform/jobs/index.js';
import type { Logger } from '../../../../platform/logging/index.js';
import type { Clock } from '../clock.js';
import type { IdentityStore } from '../store/store.js';

/** Rows per statement: short statements hold few locks and leave room for sign-ins between them. */
export const CLEANUP_BATCH = 500;

export interface CleanupDeps {
  store: IdentityStore;
  clock: Clock;
  /** How long ended or expired sessions and rotated refresh tokens are kept (IDENTITY_CLEANUP_RETENTION_DAYS). */
  retentionDays: number;
  /** Pause between runs once nothing is left to delete (IDENTITY_CLEANUP_INTERVAL_SECONDS). */
  pollIntervalMs: number;
  logger: Pick<Logger, 'error'>;
  batch?: number;
}

/** One pass deletes up to `batch` rows of each kind; the loop repeats passes until one deletes nothing. */
export function createIdentityCleanup(deps: CleanupDeps): PollingLoop & { pass: () => Promise<number> } {
  const batch = deps.batch ?? CLEANUP_BATCH;
  const { cleanup } = deps.store;
  async function pass(): Promise<number> {
    const now = deps.clock.now();
    const retained = new Date(now.getTime() - deps.retentionDays * 86_400_000);
    const counts = [
      await cleanup.expiredOtpChallenges(now, batch),
      await cleanup.expiredPasswordResets(now, batch),
      await cleanup.expiredEmailVerifications(now, batch),
      await cleanup.endedSessions(retained, batch),
      await cleanup.usedRefreshTokens(retained, batch),
    ];
    return counts.reduce((sum, count) => sum + count, 0);
  }
  return { ...createPollingLoop({ name: 'identity clean-up', pass, pollIntervalMs: deps.pollIntervalMs, logger: deps.logger }), pass };
}
