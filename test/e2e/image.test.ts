// Issue 25: dfsplit's own container image (the repository's Dockerfile), built on the stand-ins under
// BuildKit against a loopback npm mirror (npm-mirror.ts), then run on a mounted directory as the user
// who owns it: --version, --check (exit 1 and the diff), --write (the file rewritten). The image must hold
// the compiled program and its production dependencies only: no TypeScript sources, no compiler, no test
// tools. dfsplit on that Dockerfile comes out unchanged (test/container-image.test.ts, in the unit run).
// The campaign step (campaign/run.sh --commit, what docs/campaigns.md's recipes run) over three local git
// repositories: a commit on the branch only where the Dockerfile converts, nothing else touched.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_DIR, REPO_ROOT, dockerBuild, runOk, run, dockerRun, exportImageFs, imageSize, mb, pathExistsInRoot, removeImage } from './lib.js';
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

  it('runs the campaign step over local repositories: a commit on the branch only where a Dockerfile converts', async () => {
    const git = async (cwd: string, ...args: string[]) => (await runOk('git', args, { cwd })).stdout.trim();
    const single = 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app .\nCMD ["/out/app"]\n';
    const multi = 'FROM golang:1.22 AS builder\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /bin/app .\n\nFROM scratch\nCOPY --from=builder /bin/app /app\nCMD ["/app"]\n';
    const repos: Record<string, string | undefined> = { converts: single, 'multi-stage': multi, 'no-dockerfile': undefined };
    const base = new Map<string, string>();
    for (const [name, dockerfile] of Object.entries(repos)) {
      const dir = join(work, 'repos', name);
      mkdirSync(join(dir, 'src'), { recursive: true });
      writeFileSync(join(dir, 'README.md'), `# ${name}\n`);
      writeFileSync(join(dir, 'src', 'main.go'), 'package main\n\nfunc main() {}\n');
      if (dockerfile !== undefined) writeFileSync(join(dir, 'Dockerfile'), dockerfile);
      await git(dir, 'init', '-q', '-b', 'main');
      await git(dir, 'config', 'user.email', 'campaign@example.invalid');
      await git(dir, 'config', 'user.name', 'campaign');
      await git(dir, 'add', '-A');
      await git(dir, 'commit', '-q', '-m', 'initial');
      base.set(name, await git(dir, 'rev-parse', 'HEAD'));
      const step = await run('sh', [join(REPO_ROOT, 'campaign', 'run.sh'), '--commit'], { cwd: dir, env: { DFSPLIT_IMAGE: TAG }, timeoutMs: 120_000 });
      expect(step.code, `${name}: ${step.stderr}`).toBe(0);
      expect(await git(dir, 'status', '--porcelain'), name).toBe('');
      if (name === 'converts') expect(step.stdout).toContain('**1 would change**');
    }
    const converted = join(work, 'repos', 'converts');
    expect(await git(converted, 'rev-parse', '--abbrev-ref', 'HEAD')).toBe('dfsplit/multi-stage');
    expect(await git(converted, 'rev-parse', 'HEAD~1')).toBe(base.get('converts'));
    expect(await git(converted, 'diff', '--name-only', base.get('converts') ?? '', 'HEAD')).toBe('Dockerfile');
    const committed = await git(converted, 'show', 'HEAD:Dockerfile');
    expect(committed).toContain('FROM golang:1.22 AS builder');
    expect(committed).toContain('COPY --from=builder /out/app /out/app');
    for (const name of ['multi-stage', 'no-dockerfile']) {
      const dir = join(work, 'repos', name);
      expect(await git(dir, 'rev-parse', 'HEAD'), name).toBe(base.get(name));
      expect(await git(dir, 'rev-parse', '--abbrev-ref', 'HEAD'), name).toBe('main');
      expect(await git(dir, 'branch', '--list', 'dfsplit/multi-stage'), name).toBe('');
      expect(await git(dir, 'log', '--all', '--format=%H'), name).toBe(base.get(name));
    }
    expect(readFileSync(join(work, 'repos', 'multi-stage', 'Dockerfile'), 'utf8')).toBe(multi);
  });

  it("runs the campaign step inside the image, as a batch spec's step does (the script mounted, DFSPLIT set)", async () => {
    const step = ['-c', 'DFSPLIT="node /app/dist/src/cli.js" sh /tmp/dfsplit-run.sh'];
    const script: [string, string] = [join(REPO_ROOT, 'campaign', 'run.sh'), '/tmp/dfsplit-run.sh:ro'];
    const dir = join(work, 'in-image');
    mkdirSync(join(dir, 'empty'), { recursive: true });
    writeFileSync(join(dir, 'Dockerfile'), 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app .\nCMD ["/out/app"]\n');
    const converts = await dockerRun(TAG, { entrypoint: '/bin/sh', args: step, volumes: [[dir, '/work'], script], user: uid });
    expect(converts.code, converts.stderr).toBe(0);
    expect(converts.stdout).toContain('**1 would change**');
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toContain('FROM golang:1.22 AS builder');
    const none = await dockerRun(TAG, { entrypoint: '/bin/sh', args: step, volumes: [[join(dir, 'empty'), '/work'], script], user: uid });
    expect(none.code, none.stderr).toBe(0);
    expect(none.stderr).toContain('no Dockerfiles found');
  });
});
