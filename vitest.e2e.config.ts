import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Real-Docker end-to-end suite: `bash test/e2e/run.sh` (sets up docker + stand-in images first).
// The suite talks only to its own dockerd: DOCKER_HOST (and the loopback mirrors' ports) come from the
// e2e.env that test/e2e/infra/setup.sh writes, for the tests and every process they start.
const cache = process.env.E2E_CACHE ?? fileURLToPath(new URL('.e2e-cache', import.meta.url));
const envFile = join(cache, 'e2e.env');
if (!existsSync(envFile)) throw new Error(`${envFile} is missing: run bash test/e2e/run.sh (or test/e2e/infra/setup.sh) first`);
const setupEnv = Object.fromEntries(
  readFileSync(envFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
);

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    env: { DFSPLIT_E2E: '1', ...setupEnv },
    fileParallelism: false,
    sequence: { concurrent: false },
    // the tests a file marks concurrent (examples.test.ts) run two at a time: the machines have 2 cores
    maxConcurrency: 2,
    testTimeout: 30 * 60_000,
    hookTimeout: 10 * 60_000,
    reporters: ['verbose'],
  },
});
