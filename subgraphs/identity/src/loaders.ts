// Per-request DataLoaders for identity. Every User lookup — root fields and `_entities` — goes through these.
import { createByIdLoader } from '../../../platform/graphql/index.js';
import type { UserStore } from './store/user-store.js';

export type IdentityLoaders = ReturnType<typeof createIdentityLoaders>;

export function createIdentityLoaders(users: UserStore) {
  return {
    userById: createByIdLoader((ids) => users.findByIds(ids)),
  };
}
