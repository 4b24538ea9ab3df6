// TypeScript lint (`npm run lint:ts`): typescript-eslint, type-aware, over every TypeScript file we write. The schema
// lint (`npm run lint:schema`) is eslint.config.js and stays a separate run: its graphql-eslint parser and this
// TypeScript program would otherwise be built for every run of either.
//
// Type-aware through the project service: each file is checked with the tsconfig.json nearest to it (the repo's, or
// sdk/tsconfig.json for the SDK), the same programs `npm run typecheck` and the SDK build use.
import tseslint from 'typescript-eslint';

export default tseslint.config(
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
    rules: {},
  },
);
