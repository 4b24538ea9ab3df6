// Sessions and their tokens: starting one at sign-in, rotating its refresh token, listing and ending sessions.
// The refresh rules, and why they are strict: ../../README.md ("Sessions and refresh tokens").
import type { AccessTokenSigner, Viewer } from '../../../../platform/auth/index.js';
import { AppError } from '../../../../platform/errors/index.js';
import { isUuid } from '../../../../platform/graphql/index.js';
import type { Logger } from '../../../../platform/logging/index.js';
import type { Clock } from '../clock.js';
import type { AuthPayload, DeviceInput, Session as SessionView } from '../generated/resolvers-types.js';
import type { Session, User } from '../store/prisma/client.js';
import type { IdentityStore } from '../store/store.js';
import { requireViewer } from './access.js';
import { newOpaqueToken, sha256Hex } from './secrets.js';
import { userError, type UserError } from './user-errors.js';

/** The viewer's sessions list is short by nature; a device that signs in in a loop cannot make it unbounded. */
export const MAX_LISTED_SESSIONS = 100;

export interface SessionServiceDeps {
  store: IdentityStore;
  signAccessToken: AccessTokenSigner;
  clock: Clock;
  refreshTokenTtlSeconds: number;
  /** Live sessions a user may hold; a sign-in beyond it ends the least recently used (IDENTITY_MAX_SESSIONS_PER_USER). */
  maxSessionsPerUser: number;
  logger: Logger;
}

export type SessionService = ReturnType<typeof createSessionService>;

/** A sign-in that did not happen, and why. */
export const authFailure = (errors: UserError[]): AuthPayload => ({
  accessToken: null,
  accessTokenExpiresAt: null,
  refreshToken: null,
  refreshTokenExpiresAt: null,
  sessionId: null,
  userId: null,
  roles: null,
  newUser: false,
  userErrors: errors,
});

type RefreshOutcome =
  | { kind: 'rotated'; user: User; session: Session; refreshToken: string }
  | { kind: 'refused'; reason: 'unknown' | 'reused' | 'revoked' | 'expired' | 'inactive' };

export function createSessionService(deps: SessionServiceDeps) {
  const { store, clock, logger } = deps;
  const ttlMs = deps.refreshTokenTtlSeconds * 1000;

  async function tokensFor(user: User, session: Session, refreshToken: string, newUser: boolean): Promise<AuthPayload> {
    const access = await deps.signAccessToken({
      userId: user.id,
      roles: user.roles,
      sessionId: session.id,
      fleetIds: user.roles.includes('FLEET_MANAGER') ? user.fleetIds : [],
    });
    return {
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      refreshToken,
      refreshTokenExpiresAt: session.expiresAt,
      sessionId: session.id,
      userId: user.id,
      roles: user.roles,
      newUser,
      userErrors: [],
    };
  }

  return {
    /**
     * Opens a session for a user who just proved who they are (the caller checked `active`). Beyond
     * `maxSessionsPerUser` live sessions, the least recently used ones end (SESSION_LIMIT) in the same transaction.
     */
    async start(user: User, device: DeviceInput | null | undefined, ip: string | undefined, newUser: boolean): Promise<AuthPayload> {
      const now = clock.now();
      const refreshToken = newOpaqueToken();
      const session = await store.transaction(async (tx) => {
        const created = await tx.sessions.create({
          userId: user.id,
          deviceName: device?.name?.trim() || null,
          devicePlatform: device?.platform ?? null,
          ip: ip ?? null,
          now,
          expiresAt: new Date(now.getTime() + ttlMs),
          refreshTokenHash: sha256Hex(refreshToken),
        });
        await tx.sessions.endBeyondLimit(user.id, created.id, now, deps.maxSessionsPerUser);
        return created;
      });
      return tokensFor(user, session, refreshToken, newUser);
    },

    /**
     * Exchanges a refresh token for a new pair, in one transaction holding the token's and the session's row
     * locks. A token presented a second time ends its whole session.
     * @throws AppError UNAUTHENTICATED for an unknown, reused, revoked or expired token, or a deactivated user.
     */
    async refresh(refreshToken: string, ip: string | undefined): Promise<AuthPayload> {
      const now = clock.now();
      const outcome = await store.transaction<RefreshOutcome>(async (tx) => {
        const token = await tx.sessions.lockRefreshToken(sha256Hex(refreshToken));
        if (!token) return { kind: 'refused', reason: 'unknown' };
        const session = await tx.sessions.lockSession(token.sessionId);
        if (!session) return { kind: 'refused', reason: 'unknown' };
        if (token.usedAt) {
          // Committed together with the refusal: the family is dead whoever holds its newest token.
          await tx.sessions.revoke(session.id, now, 'REFRESH_TOKEN_REUSED');
          return { kind: 'refused', reason: 'reused' };
        }
        if (session.revokedAt) return { kind: 'refused', reason: 'revoked' };
        if (session.expiresAt <= now) return { kind: 'refused', reason: 'expired' };
        const user = await tx.users.findById(session.userId);
        if (!user?.active) return { kind: 'refused', reason: 'inactive' };
        const next = newOpaqueToken();
        const rotated = await tx.sessions.rotate({
          sessionId: session.id,
          usedTokenId: token.id,
          newTokenHash: sha256Hex(next),
          now,
          expiresAt: new Date(now.getTime() + ttlMs),
          ip: ip ?? null,
        });
        return { kind: 'rotated', user, session: rotated, refreshToken: next };
      });
      if (outcome.kind === 'rotated') return tokensFor(outcome.user, outcome.session, outcome.refreshToken, false);
      if (outcome.reason === 'reused') logger.warn({ ip }, 'a rotated refresh token was presented again; its session was revoked');
      throw new AppError('UNAUTHENTICATED', REFUSALS[outcome.reason]);
    },

    /** Ends the session of the viewer's access token. */
    async signOut(viewer: Viewer | null) {
      const signedIn = requireViewer(viewer, 'signOut');
      const count = await store.sessions.revokeOwn(signedIn.userId, signedIn.sessionId, clock.now(), 'SIGNED_OUT');
      return { revokedSessionCount: count, userErrors: [] };
    },

    async signOutEverywhere(viewer: Viewer | null) {
      const signedIn = requireViewer(viewer, 'signOutEverywhere');
      const count = await store.sessions.revokeAllForUser(signedIn.userId, clock.now(), 'SIGNED_OUT_EVERYWHERE');
      return { revokedSessionCount: count, userErrors: [] };
    },

    /** Another user's session id is answered exactly like an unknown one: nobody learns it exists. */
    async revoke(viewer: Viewer | null, sessionId: string) {
      const signedIn = requireViewer(viewer, 'revokeSession');
      const notFound = { revokedSessionCount: 0, userErrors: [userError('SESSION_NOT_FOUND', 'You have no session with this id', 'id')] };
      if (!isUuid(sessionId)) return notFound;
      const count = await store.sessions.revokeOwn(signedIn.userId, sessionId, clock.now(), 'REVOKED_BY_USER');
      if (count === 1) return { revokedSessionCount: 1, userErrors: [] };
      // Already ended is not an error; someone else's (or no) session is.
      return (await store.sessions.findOwn(signedIn.userId, sessionId)) ? { revokedSessionCount: 0, userErrors: [] } : notFound;
    },

    async list(viewer: Viewer | null): Promise<SessionView[]> {
      const signedIn = requireViewer(viewer, 'mySessions');
      const sessions = await store.sessions.listLive(signedIn.userId, clock.now(), MAX_LISTED_SESSIONS);
      return sessions.map((session) => ({
        id: session.id,
        deviceName: session.deviceName,
        devicePlatform: session.devicePlatform,
        ip: session.ip,
        createdAt: session.createdAt,
        lastUsedAt: session.lastUsedAt,
        expiresAt: session.expiresAt,
        current: session.id === signedIn.sessionId,
      }));
    },
  };
}

// One message per reason helps a client developer; none of them helps an attacker holding a guessed token.
const REFUSALS: Record<Exclude<RefreshOutcome, { kind: 'rotated' }>['reason'], string> = {
  unknown: 'Refresh token is not valid; sign in again',
  reused: 'Refresh token was already used; the session has been ended for safety. Sign in again',
  revoked: 'The session has ended; sign in again',
  expired: 'The session has expired; sign in again',
  inactive: 'The account is deactivated',
};
