// The only code that reads and writes sessions and their refresh tokens.
import type { Db } from './store.js';
import type { DevicePlatform, Session, SessionRevocationReason } from './prisma/client.js';

export type SessionStore = ReturnType<typeof createSessionStore>;

export interface NewSession {
  userId: string;
  deviceName: string | null;
  devicePlatform: DevicePlatform | null;
  ip: string | null;
  now: Date;
  expiresAt: Date;
  /** SHA-256 of the session's first refresh token. */
  refreshTokenHash: string;
}

export interface LockedRefreshToken {
  id: string;
  sessionId: string;
  usedAt: Date | null;
}

export interface LockedSession {
  id: string;
  userId: string;
  expiresAt: Date;
  revokedAt: Date | null;
}

export function createSessionStore(db: Db) {
  return {
    /** A session with its first refresh token. */
    create(input: NewSession): Promise<Session> {
      return db.session.create({
        data: {
          userId: input.userId,
          deviceName: input.deviceName,
          devicePlatform: input.devicePlatform,
          ip: input.ip,
          createdAt: input.now,
          lastUsedAt: input.now,
          expiresAt: input.expiresAt,
          refreshTokens: { create: { tokenHash: input.refreshTokenHash, createdAt: input.now } },
        },
      });
    },

    /**
     * Run in a transaction. Locks the refresh token's row until the transaction ends: a concurrent refresh with
     * the same token waits here, then sees this one's outcome (the token used).
     */
    async lockRefreshToken(tokenHash: string): Promise<LockedRefreshToken | null> {
      const rows = await db.$queryRaw<LockedRefreshToken[]>`
        SELECT id::text AS "id", session_id::text AS "sessionId", used_at AS "usedAt"
        FROM "identity"."refresh_tokens" WHERE token_hash = ${tokenHash} FOR UPDATE`;
      return rows[0] ?? null;
    },

    /** When the session was opened (its sign-in; refreshes do not move it); null when there is no such session. */
    async openedAt(id: string): Promise<Date | null> {
      return (await db.session.findUnique({ where: { id }, select: { createdAt: true } }))?.createdAt ?? null;
    },

    /** Run in a transaction. Locks the session row, so sign-out and refresh of one session take turns. */
    async lockSession(id: string): Promise<LockedSession | null> {
      const rows = await db.$queryRaw<LockedSession[]>`
        SELECT id::text AS "id", user_id::text AS "userId", expires_at AS "expiresAt", revoked_at AS "revokedAt"
        FROM "identity"."sessions" WHERE id = ${id}::uuid FOR UPDATE`;
      return rows[0] ?? null;
    },

    /** Rotation: the presented token becomes used and its successor is issued, in the caller's transaction. */
    async rotate(input: { sessionId: string; usedTokenId: string; newTokenHash: string; now: Date; expiresAt: Date; ip: string | null }): Promise<Session> {
      await db.refreshToken.update({ where: { id: input.usedTokenId }, data: { usedAt: input.now } });
      await db.refreshToken.create({ data: { sessionId: input.sessionId, tokenHash: input.newTokenHash, createdAt: input.now } });
      return db.session.update({
        where: { id: input.sessionId },
        data: { lastUsedAt: input.now, expiresAt: input.expiresAt, ...(input.ip ? { ip: input.ip } : {}) },
      });
    },

    /** Ends one session if it is still live. @returns 1 when it ended now, 0 when it had already ended. */
    async revoke(id: string, now: Date, reason: SessionRevocationReason): Promise<number> {
      const { count } = await db.session.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now, revocationReason: reason } });
      return count;
    },

    /** Like `revoke`, but only when the session belongs to `userId`. */
    async revokeOwn(userId: string, id: string, now: Date, reason: SessionRevocationReason): Promise<number> {
      const { count } = await db.session.updateMany({ where: { id, userId, revokedAt: null }, data: { revokedAt: now, revocationReason: reason } });
      return count;
    },

    /** Ends every live session of a user. @returns how many ended now. */
    async revokeAllForUser(userId: string, now: Date, reason: SessionRevocationReason): Promise<number> {
      const { count } = await db.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now, revocationReason: reason } });
      return count;
    },

    // --- self-service account: password change, session limit ---
    /** Ends every live session of a user but one (changePassword keeps the session asking). @returns how many ended. */
    async revokeOthers(userId: string, keepSessionId: string, now: Date, reason: SessionRevocationReason): Promise<number> {
      const { count } = await db.session.updateMany({
        where: { userId, revokedAt: null, id: { not: keepSessionId } },
        data: { revokedAt: now, revocationReason: reason },
      });
      return count;
    },

    /**
     * Run in a transaction, after creating session `newSessionId`. Ends the user's least recently used other live
     * sessions so that `max` remain, the new one included. A per-user advisory lock makes concurrent sign-ins of one
     * user take turns, so together they never leave more than `max` live sessions. @returns how many ended.
     */
    async endBeyondLimit(userId: string, newSessionId: string, now: Date, max: number): Promise<number> {
      await db.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`identity:sessions:${userId}`}, 0))::text AS locked`;
      const surplus = await db.session.findMany({
        where: { userId, revokedAt: null, expiresAt: { gt: now }, id: { not: newSessionId } },
        orderBy: [{ lastUsedAt: 'desc' }, { createdAt: 'desc' }, { id: 'desc' }],
        skip: max - 1,
        select: { id: true },
      });
      if (surplus.length === 0) return 0;
      const { count } = await db.session.updateMany({
        where: { id: { in: surplus.map((session) => session.id) }, revokedAt: null },
        data: { revokedAt: now, revocationReason: 'SESSION_LIMIT' },
      });
      return count;
    },
    // --- end self-service account ---

    findOwn(userId: string, id: string): Promise<Session | null> {
      return db.session.findFirst({ where: { id, userId } });
    },

    /** Sessions not revoked and not expired, most recently used first. */
    listLive(userId: string, now: Date, limit: number): Promise<Session[]> {
      return db.session.findMany({
        where: { userId, revokedAt: null, expiresAt: { gt: now } },
        orderBy: [{ lastUsedAt: 'desc' }, { id: 'desc' }],
        take: limit,
      });
    },
  };
}
