// Issue 25: dfsplit's own container image (the repository's Dockerfile), built on the stand-ins under
// BuildKit against a loopback npm mirror (npm-mirror.ts), then run on a mounted directory as the user
// who owns it: --version, --check (exit 1 and the diff), --write (the file rewritten). The image must hold
// the compiled program and its production dependencies only: no TypeScript sources, no compiler, no test
// tools. dfsplit on that Dockerfile comes out unchanged (test/container-image.test.ts, in the unit run).
import { mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_DIR, REPO_ROOT, dockerBuild, dockerRun, exportImageFs, imageSize, mb, pathExistsInRoot, removeImage } from './lib.js';
import { startNpmMirror, type NpmMirror } from './npm-mirror.js';

const TAG = 'dfsplit-e2e/dfsplit-image:test';
const version = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const uid = `${process.getuid?.() ?? 0}:${process.getgid?.() ?? 0}`;

describe("dfsplit's container image", () => {
  let mirror: NpmMirror;
  let work: string;
  beforeAll(async () => {
    mirror = await startNpmMirror();
    work = mkdtempSync(join(tmpdir(), 'dfsplit-image-'));
    chmodSync(work, 0o777);
    await dockerBuild({ context: REPO_ROOT, tag: TAG, network: 'host', buildArgs: { NPM_CONFIG_REGISTRY: mirror.url }, logFile: join(CACHE_DIR, 'logs', 'dfsplit-image.log'), timeoutMs: 20 * 60_000 });
  });
  afterAll(async () => {
    await mirror?.close();
    if (work) rmSync(work, { recursive: true, force: true });
    if (process.env.E2E_KEEP_IMAGES !== '1') await removeImage(TAG);
  });

  it('was built through the loopback mirror and holds the program, not its sources or build tools', async () => {
    expect(mirror.requests()).toBeGreaterThan(0);
    const root = await exportImageFs(TAG, join(CACHE_DIR, 'work', 'dfsplit-image-fs'));
    expect(pathExistsInRoot(root, '/app/dist/src/cli.js')).toBe(true);
    expect(pathExistsInRoot(root, '/app/node_modules/dockerfile-ast')).toBe(true);
    for (const absent of ['/app/src', '/app/node_modules/typescript', '/app/node_modules/vitest', '/app/node_modules/prettier', '/app/test', '/usr/bin/gcc', '/usr/bin/make']) expect(pathExistsInRoot(root, absent), absent).toBe(false);
    rmSync(root, { recursive: true, force: true });
    console.log(`dfsplit image: ${mb(await imageSize(TAG))}`);
  });

  it('prints its version, checks and writes the mounted directory as the calling user', async () => {
    const v = await dockerRun(TAG, { args: ['--version'] });
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toContain(version);
    const input = 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app .\nCMD ["/out/app"]\n';
    writeFileSync(join(work, 'Dockerfile'), input);
    const check = await dockerRun(TAG, { args: ['--check', '.'], volumes: [[work, '/work']], user: uid });
    expect(check.code, check.stderr).toBe(1);
    expect(check.stderr).toContain('Dockerfile: changed');
    const diff = await dockerRun(TAG, { args: ['Dockerfile'], volumes: [[work, '/work']], user: uid });
    expect(diff.stdout).toContain('+FROM golang:1.22 AS builder');
    const write = await dockerRun(TAG, { args: ['--write', '.'], volumes: [[work, '/work']], user: uid });
    expect(write.code, write.stderr).toBe(0);
    expect(readFileSync(join(work, 'Dockerfile'), 'utf8')).toContain('COPY --from=builder /out/app');
    const again = await dockerRun(TAG, { args: ['--check', '.'], volumes: [[work, '/work']], user: uid });
    expect(again.code, again.stdout).toBe(0);
  });
});
