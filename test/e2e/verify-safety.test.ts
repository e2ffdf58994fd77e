// `dfsplit verify` is safe to run on any repository, against the real engine: stopped with SIGINT in the
// middle of a build or SIGTERM in the middle of a run, it leaves no container, image or temporary
// directory behind; its containers run with a memory and a process limit; a secret the original deletes
// and the conversion keeps (outside the working directory) is a difference that names the file; and a
// difference (exit 1) is told apart from an original that does not build here (exit 3).
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verify } from '../../src/verify/index.js';
import { DOCKER, REPO_ROOT } from './lib.js';

const cli = join(REPO_ROOT, 'dist/src/cli.js');
const WORK = mkdtempSync(join(tmpdir(), 'dfsplit-verify-safety-'));
afterAll(() => rmSync(WORK, { recursive: true, force: true }));

// a Go program whose build takes a few seconds (the RUN sleeps), that can wait in a run, and that tells
// whether the Go toolchain is in its image (the original has it, the conversion does not)
const MAIN_GO = `package main

import (
\t"fmt"
\t"os"
\t"time"
)

func main() {
\tif len(os.Args) > 1 && os.Args[1] == "wait" {
\t\ttime.Sleep(60 * time.Second)
\t}
\tif _, err := os.Stat("/usr/local/go/VERSION"); err == nil && len(os.Args) > 1 && os.Args[1] == "toolchain" {
\t\tfmt.Println("toolchain")
\t}
\tfmt.Println("hello")
}
`;
const APP_DOCKERFILE = 'FROM golang:1.22\nWORKDIR /src\nCOPY main.go .\nRUN sleep 4 && CGO_ENABLED=0 go build -o /usr/local/bin/app main.go\nCMD ["app"]\n';

/** A build context with the program; `nonce` changes main.go so that no build step comes from the cache. */
function app(name: string, nonce = ''): string {
  const dir = join(WORK, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'main.go'), `${MAIN_GO}${nonce ? `// ${nonce}\n` : ''}`);
  writeFileSync(join(dir, 'Dockerfile'), APP_DOCKERFILE);
  return dir;
}

/** `dfsplit verify` in the background, with its own TMPDIR. */
function startVerify(dir: string, smoke: string, tmp: string) {
  const child = spawn('node', [cli, 'verify', 'Dockerfile', '--smoke', smoke, '--build-network', 'none'], { cwd: dir, env: { ...process.env, TMPDIR: tmp } });
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => {
    stderr += b.toString();
  });
  child.stdout.resume();
  const done = new Promise<{ code: number | null; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stderr })));
  return { child, done };
}

async function until<T>(what: string, probe: () => T | null | undefined, ms = 90_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const docker = (args: string[]) => spawnSync(DOCKER, args, { encoding: 'utf8' }).stdout.trim().split('\n').filter(Boolean);

/** Containers and images a process's verify made, by label and by tag. */
function leftovers(pid: number): string[] {
  const mine = (value: string) => value.startsWith(`${pid}-`);
  const containers = docker(['ps', '-a', '--filter', 'label=dfsplit.verify', '--format', '{{.ID}} {{.Label "dfsplit.verify"}}']).filter((l) => mine(l.split(' ')[1] ?? ''));
  const labelled = docker(['image', 'ls', '-q', '--filter', 'label=dfsplit.verify']).filter((id) => mine(docker(['image', 'inspect', '-f', '{{index .Config.Labels "dfsplit.verify"}}', id])[0] ?? ''));
  const tagged = docker(['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}', 'dfsplit-verify/*']).filter((t) => t.startsWith(`dfsplit-verify/${pid}-`));
  return [...containers.map((c) => `container ${c}`), ...labelled.map((i) => `image ${i}`), ...tagged.map((t) => `image ${t}`)];
}

describe('dfsplit verify, interrupted', () => {
  it('SIGINT during a build: exits 130 and leaves no container, image or temporary directory', async () => {
    const tmp = mkdtempSync(join(WORK, 'tmp-'));
    const { child, done } = startVerify(app('mid-build', `${process.pid}-${Date.now()}`), 'app', tmp);
    // the original's Dockerfile is written right before its build starts; the build sleeps 4 s
    await until('the original build to start', () => readdirSync(tmp).some((d) => readdirSync(join(tmp, d)).includes('original.Dockerfile')));
    await until('docker build to run', () => spawnSync('pgrep', ['-f', `dfsplit-verify/${child.pid}-[^ ]*:original`]).status === 0);
    await new Promise((r) => setTimeout(r, 1000));
    child.kill('SIGINT');
    const r = await done;
    expect(leftovers(child.pid!)).toEqual([]);
    expect(readdirSync(tmp)).toEqual([]);
    expect(r.stderr).toContain('dfsplit: SIGINT: stopping verify');
    expect(r.code).toBe(130);
  });

  it('SIGTERM during a run: the running container had the limits, and is gone with the images and the directory', async () => {
    const tmp = mkdtempSync(join(WORK, 'tmp-'));
    const { child, done } = startVerify(app('app'), 'app wait', tmp);
    const running = await until('a verify container to run', () => docker(['ps', '--filter', 'label=dfsplit.verify', '--format', '{{.ID}} {{.Label "dfsplit.verify"}}']).find((l) => l.split(' ')[1]?.startsWith(`${child.pid}-`)));
    const id = running.split(' ')[0]!;
    expect(docker(['inspect', '-f', '{{.HostConfig.Memory}} {{.HostConfig.PidsLimit}}', id])).toEqual([`${1024 ** 3} 512`]);
    child.kill('SIGTERM');
    const r = await done;
    expect(leftovers(child.pid!)).toEqual([]);
    expect(readdirSync(tmp)).toEqual([]);
    expect(r.stderr).toContain('dfsplit: SIGTERM: stopping verify');
    expect(r.code).toBe(143);
  });
});

describe('dfsplit verify, what it finds', () => {
  it('exits 1 when the conversion behaves differently, 3 when the original does not build here', () => {
    const dir = app('app');
    const run = (cwd: string, smoke: string) => spawnSync('node', [cli, 'verify', 'Dockerfile', '--smoke', smoke, '--build-network', 'none'], { cwd, encoding: 'utf8' });
    const differs = run(dir, 'app toolchain');
    expect(differs.stdout).toContain('smoke: DIFFERENT');
    expect(differs.status).toBe(1);
    const broken = join(WORK, 'broken');
    mkdirSync(broken, { recursive: true });
    writeFileSync(join(broken, 'main.go'), MAIN_GO);
    writeFileSync(join(broken, 'Dockerfile'), APP_DOCKERFILE.replace('COPY main.go .', 'COPY main.go missing.go ./'));
    const unavailable = run(broken, 'app');
    expect(unavailable.stdout).toContain('original: build failed');
    expect(unavailable.status).toBe(3);
  });

  it('names a secret the original deletes and the conversion keeps, outside the working directory', async () => {
    const dir = join(WORK, 'secrets');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, '.netrc'), 'machine example.com login me password s3cret\n');
    writeFileSync(join(dir, 'id_rsa'), 'not a real key\n');
    const original = 'FROM debian:bookworm-slim\nWORKDIR /app\nCOPY .netrc /root/.netrc\nCOPY id_rsa /root/.ssh/id_rsa\nRUN test -s /root/.netrc && echo built > /app/out && rm -rf /root/.netrc /root/.ssh\nCMD ["cat", "/app/out"]\n';
    const stages = (runtime: string) => `${original.replace('FROM debian:bookworm-slim', 'FROM debian:bookworm-slim AS builder').replace(/CMD .*\n/, '')}\nFROM debian:bookworm-slim\nWORKDIR /app\n${runtime}COPY --from=builder /app/out /app/out\nCMD ["cat", "/app/out"]\n`;
    const check = async (converted: string) => {
      const lines: string[] = [];
      const code = await verify({ original, converted, context: dir, smoke: null, buildNetwork: 'none', log: (l) => lines.push(l) });
      return { code, out: lines.join('\n') };
    };
    // the mistake: the secrets copied again into the runtime stage, where nothing deletes them
    const leaky = await check(stages('COPY .netrc /root/.netrc\nCOPY id_rsa /root/.ssh/id_rsa\n'));
    expect(leaky.out).toContain('config: same ENTRYPOINT, CMD, USER, WORKDIR and ENV');
    expect(leaky.out).toMatch(/^files: DIFFERENT: 2 files in the converted image that the original does not have:\n {2}\/root\/\.netrc\n {2}\/root\/\.ssh\/id_rsa$/m);
    expect(leaky.out).toContain('verify: DIFFERENT');
    expect(leaky.code).toBe(1);
    // the same without them: nothing else is counted (the runtime base's own files included)
    const clean = await check(stages(''));
    expect(clean.out).toContain('files: every file of the converted image is in the original or in its runtime base');
    expect(clean.code).toBe(0);
  });
});
