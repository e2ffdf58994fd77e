// Installable as a package (issue 25): `npm pack` of this repository, the tarball installed into an empty
// project as a user would (`npm install <tarball>`), then the bin (`npx dfsplit --version`, the main
// command on an example) and the library import run from there. A file missing from package.json's
// `files`, a `bin` or `exports` that points nowhere, or a runtime dependency left in devDependencies
// fails here before anyone publishes. Needs npm and its registry (or a warm npm cache: --prefer-offline).
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };

/** A command in `cwd`, its exit code and output; the npm ones quiet and offline first. */
function sh(cwd: string, cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false', NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let project = '';

beforeAll(() => {
  const work = mkdtempSync(join(tmpdir(), 'dfsplit-package-'));
  // dist/ as test/build-setup.ts built it: npm pack's own build (prepare) would rewrite it under the other
  // files' tests (pre-commit's install runs prepare, in its own copy); --json names the tarball
  const packed = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })) as { filename: string }[];
  const tarball = join(work, packed[0]!.filename);
  project = join(work, 'project');
  execFileSync('mkdir', [project]);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'empty-project', version: '1.0.0', private: true }));
  const install = sh(project, 'npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball]);
  expect(install.code, install.stderr).toBe(0);
  copyFileSync(join(ROOT, 'examples', 'go-module', 'Dockerfile'), join(project, 'Dockerfile'));
}, 300_000);

describe('the packed tarball, installed', () => {
  it('npx dfsplit --version prints the package version', () => {
    const r = sh(project, 'npx', ['--no-install', 'dfsplit', '--version']);
    expect(r.stderr).toBe('');
    expect(r).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
  });

  it('the main command proposes its diff for an example (the whole CLI loads: parsers, presets, workers)', () => {
    const r = sh(project, 'npx', ['--no-install', 'dfsplit', 'Dockerfile']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^diff --git a\/Dockerfile b\/Dockerfile\n--- a\/Dockerfile\n\+\+\+ b\/Dockerfile\n/);
    expect(r.stdout).toContain('+FROM golang:1.22 AS builder');
    expect(r.stdout).toMatch(/^\+COPY --from=builder /m);
    expect(r.stderr).toBe('Dockerfile: changed\n');
    // a tree goes through the walker; --check exits 1
    expect(sh(project, 'npx', ['--no-install', 'dfsplit', '--check', '--quiet', '.']).code).toBe(1);
  });

  it('the library import converts', () => {
    const script = `import('${pkg.name}').then((m) => { const r = m.convert(require('node:fs').readFileSync('Dockerfile', 'utf8'), { path: 'Dockerfile', context: m.directoryContext('.') }); console.log(r.status, r.stages.length, Object.keys(m.MESSAGES).length > 0); })`;
    const r = sh(project, 'node', ['-e', script]);
    expect(r.stderr).toBe('');
    expect(r).toMatchObject({ code: 0, stdout: 'changed 2 true\n' });
  });

  it('ships the JSON schema the documented $schema path names', () => {
    const schema = JSON.parse(readFileSync(join(project, 'node_modules', pkg.name, 'schema', 'dfsplit.schema.json'), 'utf8')) as { description: string };
    expect(schema.description).toBe('dfsplit configuration');
  });
});
