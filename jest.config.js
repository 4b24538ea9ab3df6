// Tests are TypeScript compiled by SWC (fast, no type-check: `npm run typecheck` does that) and run as ESM,
// which Prisma's generated client and PGlite need (they use dynamic import()).
/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } }],
  },
  testMatch: ['<rootDir>/{platform,gateway,subgraphs,embedded,sdk,test}/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  globalSetup: '<rootDir>/platform/testing/global-setup.ts',
  // 2 cores on this machine kind; each worker boots servers and databases of its own.
  maxWorkers: 2,
  testTimeout: 30000,
};
