// `dfsplit --verify --write` over a tree, against the real engine: a conversion that behaves like its
// original is written; one whose server answers differently on its exposed port (it shells out, and the
// static runtime has no shell) is declined as 'verify-failed' with the difference and left as it was;
// one whose original does not build here is declined as 'verify-unavailable' and left as it was.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_DIR, REPO_ROOT } from './lib.js';

const cli = join(REPO_ROOT, 'dist/src/cli.js');
const TREE = join(REPO_ROOT, 'test/e2e/verify-tree');

describe('dfsplit --verify', () => {
  it('writes only the conversions that build and behave like their originals, probing exposed ports', () => {
    const dir = join(CACHE_DIR, 'work', 'verify-tree');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    cpSync(TREE, dir, { recursive: true });
    const before = (name: string) => readFileSync(join(TREE, name, 'Dockerfile'), 'utf8');
    const after = (name: string) => readFileSync(join(dir, name, 'Dockerfile'), 'utf8');
    const r = spawnSync('node', [cli, '--verify', '--write', '--build-network', 'none', '--json', '.'], { cwd: dir, encoding: 'utf8', timeout: 20 * 60_000 });
    const report = JSON.parse(r.stdout) as { files: { path: string; status: string; reasons: { id: string; message: string }[] }[] };
    const byPath = new Map(report.files.map((f) => [f.path, f]));
    expect(r.status, r.stderr).toBe(0);

    expect(byPath.get('server-alike/Dockerfile')?.status).toBe('changed');
    expect(after('server-alike')).toMatch(/^FROM golang:1\.22 AS builder$/m);
    expect(after('server-alike')).toMatch(/^FROM gcr\.io\/distroless\/static-debian12$/m);

    const shells = byPath.get('server-shells-out/Dockerfile')!;
    expect(shells.status).toBe('declined');
    expect(shells.reasons.map((x) => x.id)).toEqual(['verify-failed']);
    expect(shells.reasons[0]!.message).toMatch(/port 8080: HTTP\/1\.[01] 200 vs HTTP\/1\.[01] 500/);
    expect(after('server-shells-out')).toBe(before('server-shells-out'));

    const missing = byPath.get('missing-source/Dockerfile')!;
    expect(missing.status).toBe('declined');
    expect(missing.reasons.map((x) => x.id)).toEqual(['verify-unavailable']);
    expect(missing.reasons[0]!.message).toContain('the original does not build here');
    expect(after('missing-source')).toBe(before('missing-source'));

    // the verify images are cleaned up
    const left = spawnSync('/usr/bin/docker', ['image', 'ls', '-q', 'dfsplit-verify/*'], { encoding: 'utf8' });
    expect(left.stdout.trim()).toBe('');
  });
});
