import { defineConfig } from 'vitest/config';

// `npm run test:integrations` (test/all.sh runs it after the unit tests): the tests that run the tools
// dfsplit plugs into, each taking tens of seconds: the packed tarball installed with npm, the pre-commit
// hooks in a git repository, the GitHub Action's entry script. Not in the fast unit run.
export default defineConfig({
  test: {
    include: ['test/integrations/**/*.test.ts'],
    setupFiles: ['test/tmpdir-setup.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
