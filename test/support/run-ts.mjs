// `node --import ./test/support/run-ts.mjs some/entry.ts`: runs a TypeScript entry point straight from source as its
// own process, for tests that need a real process (signals, exit codes) without `npm run build` first. Each file is
// only transpiled (TypeScript's transpileModule, as ts-jest does with isolatedModules); `npm run typecheck` checks types.
import { register } from 'node:module';

register('./ts-hooks.mjs', import.meta.url);
