// The pre-commit hooks of .pre-commit-hooks.yaml (issue 25), run for real by Debian's pre-commit in a
// temporary git repository whose .pre-commit-config.yaml names a snapshot of this working tree (a local
// git repository at a commit, as pre-commit accepts). pre-commit builds the hook's node environment once
// (npm install, npm pack, npm install -g: the same as a user's first run), under a PRE_COMMIT_HOME of its own.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const GO = 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app/server .\nCMD ["/app/server"]\n';
const PLAIN = 'FROM alpine:3.19\nRUN apk add --no-cache curl\nCMD ["sh"]\n';

let work = '';
let project = '';
let env: NodeJS.ProcessEnv = {};

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env, encoding: 'utf8' }).trim();

/** `pre-commit run HOOK` in the project: exit code and everything it printed. */
function preCommit(hook: string, ...args: string[]) {
  const r = spawnSync('pre-commit', ['run', hook, '--color', 'never', ...args], { cwd: project, env, encoding: 'utf8' });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

/** pre-commit's log of a failure (where it says what npm printed), if any. */
function readLog(): string {
  try {
    return readFileSync(join(work, 'pre-commit-home', 'pre-commit.log'), 'utf8');
  } catch {
    return '';
  }
}

function write(dir: string, file: string, text: string): void {
  mkdirSync(dirname(join(dir, file)), { recursive: true });
  writeFileSync(join(dir, file), text);
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'dfsplit-pre-commit-'));
  env = {
    ...process.env,
    PRE_COMMIT_HOME: join(work, 'pre-commit-home'),
    GIT_AUTHOR_NAME: 'test',
    GIT_AUTHOR_EMAIL: 'test@example.invalid',
    GIT_COMMITTER_NAME: 'test',
    GIT_COMMITTER_EMAIL: 'test@example.invalid',
    GIT_CONFIG_NOSYSTEM: '1',
    HOME: work,
    npm_config_prefer_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  // this working tree as it is (tracked and new files, not the ignored ones), committed in a repository of its own
  const source = join(work, 'dfsplit');
  mkdirSync(source);
  for (const file of git(ROOT, 'ls-files', '-co', '--exclude-standard', '-z').split('\0').filter(Boolean)) {
    mkdirSync(dirname(join(source, file)), { recursive: true });
    copyFileSync(join(ROOT, file), join(source, file));
  }
  git(source, 'init', '-q');
  git(source, 'add', '-A');
  git(source, 'commit', '-q', '-m', 'snapshot');
  const rev = git(source, 'rev-parse', 'HEAD');

  project = join(work, 'project');
  mkdirSync(project);
  git(project, 'init', '-q');
  write(project, '.pre-commit-config.yaml', `repos:\n  - repo: ${source}\n    rev: ${rev}\n    hooks:\n      - id: dfsplit-check\n      - id: dfsplit-write\n`);
  write(project, 'Dockerfile', GO);
  write(project, 'services/api.Dockerfile', PLAIN);
  // matched by the names but not a Dockerfile: excluded by the hooks
  write(project, 'Dockerfile.dockerignore', 'node_modules\n');
  git(project, 'add', '-A');
  git(project, 'commit', '-q', '-m', 'start');
  // pre-commit's own first run: builds the hook environment (the slow part)
  const install = spawnSync('pre-commit', ['install-hooks'], { cwd: project, env, encoding: 'utf8' });
  expect(install.status, `${install.stdout}${install.stderr}${readLog()}`).toBe(0);
}, 600_000);

describe('pre-commit hooks', () => {
  it('dfsplit-check fails on a Dockerfile that would change, dfsplit-write rewrites it, then both pass', () => {
    const check = preCommit('dfsplit-check', '--all-files');
    expect(check.code, check.out).toBe(1);
    expect(check.out).toContain('Dockerfile: changed');
    expect(check.out).not.toContain('services/api.Dockerfile: changed');
    expect(check.out).not.toContain('dockerignore');

    const written = preCommit('dfsplit-write', '--all-files');
    // a hook that modifies files fails, so that the change is reviewed and staged
    expect(written.code, written.out).toBe(1);
    expect(written.out).toContain('files were modified by this hook');
    const converted = readFileSync(join(project, 'Dockerfile'), 'utf8');
    expect(converted).toContain('FROM golang:1.22 AS builder');
    expect(converted).toMatch(/^COPY --from=builder /m);
    expect(readFileSync(join(project, 'services/api.Dockerfile'), 'utf8')).toBe(PLAIN);

    expect(preCommit('dfsplit-check', '--all-files')).toMatchObject({ code: 0 });
    expect(preCommit('dfsplit-write', '--all-files')).toMatchObject({ code: 0 });
    git(project, 'commit', '-q', '-am', 'multi-stage');
  });

  it('without --all-files only the staged Dockerfiles are checked', () => {
    write(project, 'tools/Dockerfile.dev', GO);
    write(project, 'unstaged/Dockerfile', GO);
    git(project, 'add', 'tools/Dockerfile.dev');
    const r = preCommit('dfsplit-check');
    expect(r.code, r.out).toBe(1);
    expect(r.out).toContain('tools/Dockerfile.dev: changed');
    expect(r.out).not.toContain('unstaged/');
    git(project, 'rm', '-q', '--cached', 'tools/Dockerfile.dev');
    // nothing staged that matches: the hook is skipped and passes
    expect(preCommit('dfsplit-check')).toMatchObject({ code: 0 });
  });
});
