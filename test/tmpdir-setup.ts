// Each test file gets its own temporary directory as TMPDIR (os.tmpdir() reads it on every call, and the
// CLI processes the tests start inherit it), removed after the file's tests: no test leaves files in /tmp,
// whether it cleans up after itself or not. Set in vitest.config.ts and vitest.corpus.config.ts.
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const outer = process.env.TMPDIR;
const dir = mkdtempSync(join(tmpdir(), 'dfsplit-test-'));
// other users must reach the tests' own directories inside (test/write-safety.test.ts runs dfsplit as uid 1234)
chmodSync(dir, 0o755);
process.env.TMPDIR = dir;

/** Give the owner write and search permission everywhere below, for a test that left a directory read-only. */
function unlock(path: string): void {
  try {
    chmodSync(path, 0o700);
  } catch {
    return;
  }
  for (const entry of readdirSync(path, { withFileTypes: true })) if (entry.isDirectory()) unlock(join(path, entry.name));
}

afterAll(() => {
  if (outer === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = outer;
  try {
    rmSync(dir, { recursive: true, force: true });
  } catch {
    unlock(dir);
    rmSync(dir, { recursive: true, force: true });
  }
});
