import { defineConfig } from 'vitest/config';

// `npm run test:unit`: everything that needs nothing beside the repository. The corpus tests
// (test/corpus/, vitest.corpus.config.ts) and the real-Docker suite (test/e2e/) have their own configs.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'test/corpus/**', 'node_modules/**'],
    setupFiles: ['test/tmpdir-setup.ts'],
    testTimeout: 120_000,
  },
});
