import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// `npm run test:unit`: everything that needs nothing beside the repository. The corpus tests
// (test/corpus/, vitest.corpus.config.ts), the integrations (test/integrations/, vitest.integrations.config.ts)
// and the real-Docker suite (test/e2e/) have their own configs.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'test/corpus/**', 'test/integrations/**', 'node_modules/**'],
    // the CLI tests run dfsplit in-process (test/shared.ts) but for the cases that need a process, which
    // the slowest files wait on: one file per core, not vitest's default of one fewer (a single file at a
    // time on a 2-core machine)
    maxWorkers: availableParallelism(),
    // dist/ is built once here (test/build-setup.ts): the CLI tests that need a process run dist/src/cli.js
    globalSetup: ['test/build-setup.ts'],
    setupFiles: ['test/tmpdir-setup.ts'],
    testTimeout: 120_000,
  },
});
