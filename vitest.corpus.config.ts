import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { corpusArchive } from './test/corpus/files.js';

// `npm run test:corpus`: the tests over the 20,000 Docker Hub files (test/corpus/). Without the corpus
// they are skipped with one line and exit 0, so that a fresh clone's `npm test` passes; with
// DFSPLIT_CORPUS_REQUIRED=1 (.ci/run sets it) a missing corpus fails instead.
const archive = corpusArchive();
if (!existsSync(archive)) {
  if (process.env.DFSPLIT_CORPUS_REQUIRED === '1') {
    console.error(`corpus not found at ${archive}: corpus tests required (DFSPLIT_CORPUS_REQUIRED=1); set DFSPLIT_CORPUS`);
    process.exit(1);
  }
  console.log(`corpus not found at ${archive}: corpus tests skipped; set DFSPLIT_CORPUS`);
  process.exit(0);
}

export default defineConfig({
  test: {
    include: ['test/corpus/**/*.test.ts'],
    setupFiles: ['test/tmpdir-setup.ts'],
    testTimeout: 30 * 60_000,
  },
});
