// ESLint for dfsplit. It lives in the tools/lint package because typescript-eslint 8 parses with the
// TypeScript JavaScript API, which TypeScript 7 (the native compiler the build uses) no longer has: that
// package brings TypeScript 6.0, the last release with that API, for the linters alone (README.md,
// "Development tools").
// The import layering and cycles are dependency-cruiser's (tools/lint/dependency-cruiser.cjs): ESLint's
// import plugins skip type-only imports, and both of today's cycles are type-only.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default defineConfig(
  {
    ignores: ['dist/**', 'examples/**', '.e2e-cache/**', '.realworld-cache/**', '**/node_modules/**', 'test/fixtures/*/context/**'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    rules: {
      // `const { seconds: _seconds, ...counts } = summary` leaves a field out on purpose
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
);
