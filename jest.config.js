// Tests are TypeScript run as ESM (Prisma's generated client and PGlite use dynamic import()). ts-jest only
// transpiles each file (isolatedModules in tsconfig.json); `npm run typecheck` does the type-checking.
// Why not @swc/jest or jest 30: their native bindings (@swc/core-*, unrs-resolver's @unrs/resolver-binding-*)
// cannot be locked for every platform from this machine's registry, and `npm ci` then refuses the lock file.
/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, diagnostics: false, tsconfig: 'tsconfig.json' }],
  },
  testMatch: ['<rootDir>/{platform,gateway,subgraphs,embedded,sdk,test}/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  globalSetup: '<rootDir>/platform/testing/global-setup.ts',
  // 2 cores on this machine kind; each worker boots servers and databases of its own.
  maxWorkers: 2,
  // A worker is replaced once its heap passes 1 GB after a test file. Without it, what each file leaves behind (its
  // ESM module registry, Prisma engines, a consumer's timers) piles up in the two long-lived workers: by the last
  // files of a full run each worker held ~4.5 GB near V8's 4.3 GB heap limit, and files ran 3-9x slower than alone
  // (test/account-gateway 186 s vs 21 s) until event waits timed out.
  workerIdleMemoryLimit: '1GB',
  // Above EVENT_WAIT_MS (platform/testing/read-until.ts), so a slow event names what it waited for instead of
  // failing as a bare test timeout.
  testTimeout: 90_000,
};
