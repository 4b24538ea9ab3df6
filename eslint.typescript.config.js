// TypeScript lint (`npm run lint:ts`): typescript-eslint, type-aware, over every TypeScript file we write. The schema
// lint (`npm run lint:schema`) is eslint.config.js and stays a separate run: its graphql-eslint parser and this
// TypeScript program would otherwise be built for every run of either.
//
// Type-aware through the project service: each file is checked with the tsconfig.json nearest to it (the repo's, or
// sdk/tsconfig.json for the SDK), the same programs `npm run typecheck` and the SDK build use.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    // Generated code is not ours to lint (its generators are), nor is build output; JavaScript files are configs and
    // scripts that Prettier formats but no type information covers.
    ignores: [
      'node_modules/',
      'dist/',
      'sdk/dist/',
      '.data/',
      'coverage/',
      '.ci-results/',
      'subgraphs/*/src/store/prisma/',
      'subgraphs/*/src/generated/',
      'sdk/generated/',
      '**/*.{js,cjs,mjs}',
      '**/*.graphql',
    ],
  },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['codegen.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // The code marks a deliberately unused parameter or binding with a leading underscore (`_req`, `[_all]`), and
      // drops fields with a rest sibling (`const { id: _id, ...rest } = row`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // A type-only import says so: the reader, and ts-jest's transpiler that sees one file at a time, know it is erased.
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'inline-type-imports' }],
      // A variable assigned once but read earlier (a shutdown handler registered before the server it stops is
      // started) stays `let`: as `const` the early read would throw instead of seeing undefined.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // `any` only where a comment says why (eslint-disable-next-line ... -- reason).
      '@typescript-eslint/no-explicit-any': 'error',
      // An async iterator's throw(error) and a rethrow hand on whatever they were given: an `unknown` reason is
      // passed through as is, anything else must be an Error.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true }],

      // Off, with the number of findings when they were turned off and why they are not fixed mechanically:
      // - require-await (61): most are async functions that satisfy an interface returning a Promise, or resolvers
      //   kept async so that a throw becomes a rejected promise; dropping `async` changes when errors surface.
      '@typescript-eslint/require-await': 'off',
      // - no-base-to-string (8): String() of a ws message (a Buffer with the default binaryType) and of log fields
      //   typed unknown; the fix is a type for each, not a mechanical change.
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },
  {
    // Tests, test support and benchmarks read untyped JSON (GraphQL responses, whose `data` is `any` by design:
    // each test asserts the shape it expects with expect()). The no-unsafe-* rules flag every such read (305
    // findings); typing every response is not mechanical. Production code keeps them.
    files: ['**/test/**/*.ts', '**/*.test.ts', 'platform/testing/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
