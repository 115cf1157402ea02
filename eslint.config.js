// @ts-check
/**
 * Lint gate (`npm run lint`, part of `npm test`): ESLint over TypeScript (with type information) and Astro files,
 * with formatting left to Prettier (eslint-config-prettier turns off rules that would fight it).
 */
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

/** typescript-eslint's checks on values typed `any` (or unresolved), turned off where noted below. */
const unsafeAnyOff = /** @type {import('eslint').Linter.RulesRecord} */ (
  Object.fromEntries(
    ['no-unsafe-return', 'no-unsafe-assignment', 'no-unsafe-member-access', 'no-unsafe-call', 'no-unsafe-argument'].map(
      (rule) => [`@typescript-eslint/${rule}`, 'off'],
    ),
  )
);

export default tseslint.config(
  {
    ignores: [
      'dist/',
      '.astro/',
      '.cache/',
      'node_modules/',
      'src/generated/',
      'tests/fixtures/',
      // Left beside the output by a build that was killed (scripts/lib/leftovers.ts).
      '**/.*-staging-*/',
      '**/*.previous-*/',
      'email/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  ...astro.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname, extraFileExtensions: ['.astro'] },
    },
    rules: {
      // `_`-prefixed names mark parameters kept for a signature.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Template literals with numbers are how we build messages; other types still need an explicit String().
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    // .astro files get ESLint's and the Astro plugin's rules without type information; `astro check` (the type
    // check `npm test` runs) types them, markup included. astro-eslint-parser cannot use the project service: for
    // types it re-checks the whole program once per file, which made the 55 .astro files cost as much as every
    // .ts file together (about 14 of the gate's 42 CPU-seconds), while the logic they call is in .ts files,
    // linted with types.
    files: ['**/*.astro'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // .ts files that gather .astro components: the type-aware parser cannot type .astro imports.
    files: ['src/components/**/index.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    // Tests read emitted JSON and feed files whose shape is what they assert; `any` there is the point.
    files: ['tests/**/*.ts'],
    rules: unsafeAnyOff,
  },
  {
    files: ['src/client/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Plain JS config files have no type information.
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  prettier,
);
