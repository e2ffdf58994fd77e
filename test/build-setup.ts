// vitest globalSetup: build dist/ once, before any test file runs. The CLI tests that need a process of
// their own (signals, a closed pipe, umask, another user; most run in-process) run dist/src/cli.js;
// when test files built it themselves, a build in one file rewrote dist/ while CLI processes started by
// another file (running at the same time) were loading it, and those failed at random with exit 1.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export default function setup(): void {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: join(import.meta.dirname, '..'), stdio: 'inherit' });
}
