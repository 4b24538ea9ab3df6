// The per-request context of identity's resolvers.
import type { Viewer } from '../../../platform/auth/index.js';
import type { Logger } from '../../../platform/logging/index.js';
import type { IdentityLoaders } from './loaders.js';
import type { IdentityServices } from './services/index.js';

export interface IdentityContext {
  /** Who is asking; null when the request carries no access token. */
  viewer: Viewer | null;
  loaders: IdentityLoaders;
  logger: Logger;
  /** Shared by every request (stateless). */
  services: IdentityServices;
  /** The client's address as platform/http/client-ip.ts determines it; undefined when unknown. */
  clientIp: string | undefined;
}
