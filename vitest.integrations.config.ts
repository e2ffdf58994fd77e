import { defineConfig } from 'vitest/config';

// `npm run test:integrations` (test/all.sh runs it after the unit tests): the tests that run the tools
// dfsplit plugs into, each taking tens of seconds: the packed tarball installed with npm, the pre-commit
// hooks in a git repository, the GitHub Action's entry script. Not in the fast unit run.
export default defineConfig({
  test: {
    include: ['test/integrations/**/*.test.ts'],
    // dist/ built once before any file runs (the action's script runs dist/src/cli.js): the package test
    // packs it as built (npm pack --ignore-scripts), so no build rewrites dist/ under a running test
    globalSetup: ['test/build-setup.ts'],
    setupFiles: ['test/tmpdir-setup.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
