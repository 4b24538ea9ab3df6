// The session a client holds, and the one refresh at a time it allows. identity rotates refresh tokens strictly:
// presenting a spent one revokes the whole session, so two refreshes with one token must never leave this client.
import { RefreshSessionDocument, type RefreshSessionMutation } from '../generated/graphql.js';
import { RidegraphError } from './errors.js';
import { postOperation, prepareOperation, type FetchLike } from './http.js';

/** The tokens of a signed-in session (from `signIn`, `register`, `verifyOtp` or `refreshSession`). */
export interface RidegraphSession {
  /** Sent as `Authorization: Bearer …`; lives at most 15 minutes. */
  accessToken: string;
  /** Single use, exchanged by the client when the access token is refused; null when the client must not refresh. */
  refreshToken: string | null;
}

export type SessionListener = (session: RidegraphSession | null) => void | Promise<void>;

export interface SessionKeeper {
  current(): RidegraphSession | null;
  /** Replaces the session (null: signed out) and tells the listener. */
  set(session: RidegraphSession | null): Promise<void>;
  /** While a refresh is in flight, its promise (requests wait for it instead of sending a stale token). */
  pending(): Promise<unknown> | undefined;
  /**
   * The session to retry with after `stale` was refused. Refreshes at most once per refresh token: a call while a
   * refresh is in flight joins it; a call after `stale` was already replaced gets the replacement.
   * @throws RidegraphError UNAUTHENTICATED when there is nothing to refresh with, or the refresh was refused (the
   *   session is then cleared); NETWORK_ERROR / BAD_RESPONSE / other codes when the refresh did not get a verdict
   *   (the session is kept: its refresh token may still be unspent).
   */
  renew(stale: RidegraphSession, refused: RidegraphError): Promise<RidegraphSession>;
}

const refreshOperation = prepareOperation(RefreshSessionDocument);

export function createSessionKeeper(options: { url: string; fetch: FetchLike; initial: RidegraphSession | null; onChange?: SessionListener }): SessionKeeper {
  let session = options.initial;
  let refreshing: Promise<RidegraphSession> | undefined;

  const set = async (next: RidegraphSession | null) => {
    session = next;
    await options.onChange?.(next);
  };

  const refresh = async (stale: RidegraphSession, refreshToken: string): Promise<RidegraphSession> => {
    let payload: RefreshSessionMutation['refreshSession'];
    try {
      // Without the Authorization header: the gateway refuses a request carrying an expired access token (401)
      // before it runs anything, and refreshSession is @public.
      const data = (await postOperation(options.fetch, options.url, refreshOperation, { refreshToken }, undefined)) as RefreshSessionMutation;
      payload = data.refreshSession;
    } catch (error) {
      // No verdict (network, 5xx, rate limit): keep the session, its refresh token may be unspent.
      if (!(error instanceof RidegraphError && error.hasCode('UNAUTHENTICATED'))) throw error;
      // Unknown, spent, expired or revoked: the session is over.
      return ended(
        stale,
        new RidegraphError({
          code: 'UNAUTHENTICATED',
          message: `Session ended; sign in again (${error.message})`,
          errors: error.errors,
          status: error.status,
          cause: error,
        }),
      );
    }
    if (!payload.accessToken || !payload.refreshToken) {
      const reasons = payload.userErrors.map((e) => e.message).join('; ') || 'no tokens';
      return ended(stale, new RidegraphError({ code: 'UNAUTHENTICATED', message: `Session not refreshed; sign in again (${reasons})` }));
    }
    const renewed = { accessToken: payload.accessToken, refreshToken: payload.refreshToken };
    // Replaced meanwhile (setSession/clearSession, e.g. a sign-out): keep what the app chose.
    if (session !== stale) return currentOr(signedOutMeanwhile());
    await set(renewed);
    return renewed;
  };

  /** The refresh of `stale` was refused: clear it — unless the app has set another session meanwhile, to retry with. */
  const ended = async (stale: RidegraphSession, failure: RidegraphError): Promise<RidegraphSession> => {
    if (session !== stale) return currentOr(failure);
    await set(null);
    throw failure;
  };

  const currentOr = (failure: RidegraphError): RidegraphSession => {
    if (!session) throw failure;
    return session;
  };

  return {
    current: () => session,
    set,
    pending: () => refreshing,
    async renew(stale, refused) {
      // Already replaced (an earlier refresh finished, or the app set/cleared the session): no new refresh.
      if (session !== stale) return currentOr(refused);
      if (refreshing) return refreshing;
      if (!stale.refreshToken) throw refused;
      refreshing = refresh(stale, stale.refreshToken).finally(() => {
        refreshing = undefined;
      });
      return refreshing;
    },
  };
}

function signedOutMeanwhile(): RidegraphError {
  return new RidegraphError({ code: 'UNAUTHENTICATED', message: 'Signed out while the session was being refreshed' });
}
