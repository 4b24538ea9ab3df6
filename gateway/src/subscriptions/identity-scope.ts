// Who a subscription runs as, for sharing. Authorization in Ridegraph depends only on the token's user, roles and
// fleets, so subscriptions of one identity — even from several devices, each with its own token — share one
// upstream connection per subgraph and, when identical, one upstream subscription. The upstream connection
// presents the freshest token any current member holds, chosen again at every (re)connection, so it outlives
// the expiry of the token it started with.
import type { Viewer } from '../../../platform/auth/index.js';

/** The part of a viewer authorization depends on. */
export function scopeKeyOf(viewer: Viewer): string {
  return `${viewer.userId}|${[...viewer.roles].sort().join(',')}|${[...viewer.fleetIds].sort().join(',')}`;
}

export class IdentityScope {
  /** Authorization header → when it expires and how many subscriptions hold it. */
  readonly #tokens = new Map<string, { expiresAt: number; holders: number }>();

  constructor(
    readonly key: string,
    readonly viewer: Viewer,
  ) {}

  /** A subscription holding `authorization` joined; @returns its release (idempotent). */
  hold(authorization: string, expiresAt: Date): () => void {
    const entry = this.#tokens.get(authorization) ?? { expiresAt: expiresAt.getTime(), holders: 0 };
    entry.holders++;
    this.#tokens.set(authorization, entry);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (--entry.holders === 0) this.#tokens.delete(authorization);
    };
  }

  /** Whether any subscription still holds a token of this scope. */
  get held(): boolean {
    return this.#tokens.size > 0;
  }

  /** The Authorization value expiring last (upstream connections and per-event fetches use it). */
  authorization(): string | undefined {
    let best: [string, number] | undefined;
    for (const [authorization, { expiresAt }] of this.#tokens) if (!best || expiresAt > best[1]) best = [authorization, expiresAt];
    return best?.[0];
  }
}
