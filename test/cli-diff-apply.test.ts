// The dry-run diff applies with `git apply` and with `patch -p1` and gives what --write gives, also for
// paths with a space or a non-ASCII character (written as git writes them).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { dfsplit } from './shared.js';

const GO = 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /app .\nCMD ["/app"]\n';
const DIRS = ['my svc', 'café', 'plain'];

function tree(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dfsplit-apply-'));
  for (const d of DIRS) {
    mkdirSync(join(dir, d));
    writeFileSync(join(dir, d, 'Dockerfile'), GO);
  }
  return dir;
}
const read = (dir: string) => DIRS.map((d) => readFileSync(join(dir, d, 'Dockerfile'), 'utf8'));

it('applies with git apply and patch -p1, paths with spaces and accents included', async () => {
  const base = tree();
  const diff = (await dfsplit(base, ['--no-color', '.'])).stdout;
  expect(diff).toContain('--- a/my svc/Dockerfile\t\n');
  expect(diff).toContain('diff --git "a/caf\\303\\251/Dockerfile" "b/caf\\303\\251/Dockerfile"');
  const written = mkdtempSync(join(tmpdir(), 'dfsplit-apply-w-'));
  cpSync(base, written, { recursive: true });
  expect((await dfsplit(written, ['--write', '.'])).code).toBe(0);
  const want = read(written);
  expect(want.every((t) => t.includes(' AS builder'))).toBe(true);

  const viaGit = mkdtempSync(join(tmpdir(), 'dfsplit-apply-g-'));
  cpSync(base, viaGit, { recursive: true });
  execFileSync('git', ['init', '-q'], { cwd: viaGit });
  execFileSync('git', ['apply', '-'], { cwd: viaGit, input: diff });
  expect(read(viaGit)).toEqual(want);

  const viaPatch = mkdtempSync(join(tmpdir(), 'dfsplit-apply-p-'));
  cpSync(base, viaPatch, { recursive: true });
  execFileSync('patch', ['-p1', '-s'], { cwd: viaPatch, input: diff });
  expect(read(viaPatch)).toEqual(want);
});
