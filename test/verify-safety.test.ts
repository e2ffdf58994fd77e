// `dfsplit verify` is safe to run on any repository: what it compares outside the working directory
// (files the converted image has and the original does not), what limits its containers get, and what
// it removes on the way out. Without an engine: a stand-in `docker` script records what it is asked.
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { extraFiles, runtimeBaseDockerfile } from '../src/verify/files.js';
import { CONTAINER_LIMITS, LABEL, VerifySession } from '../src/verify/session.js';

describe('extraFiles', () => {
  it('names a secret the original deleted and the conversion kept, wherever it is', () => {
    const original = ['./', './etc/', './etc/passwd', './root/', './src/', './src/main.go', './usr/local/bin/app'];
    const base = ['etc/', 'etc/passwd', 'etc/os-release', 'root/'];
    const converted = ['etc/', 'etc/passwd', 'etc/os-release', 'root/', 'root/.netrc', 'root/.ssh/', 'root/.ssh/id_rsa', 'usr/local/bin/app'];
    expect(extraFiles(converted, original, base)).toEqual(['/root/.netrc', '/root/.ssh/id_rsa']);
  });

  it('counts a file named by the time a repeated command ran as the original one of that name, not a timed name the original lacks', () => {
    const original = ['root/.npm/_logs/2026-12-07T17_55_50_101Z-debug-0.log', 'app/dist/index.html'];
    const converted = ['root/.npm/_logs/2026-12-07T17_56_05_271Z-debug-0.log', 'root/.npm/_logs/2026-12-07T17_56_05_271Z-debug-1.log', 'app/dist/index.html'];
    expect(extraFiles(converted, original, [])).toEqual(['/root/.npm/_logs/2026-12-07T17_56_05_271Z-debug-1.log']);
  });

  it("does not count the runtime base's own files, directories, or what the engine adds to every container", () => {
    const converted = ['var/lib/dpkg/status.d/base', 'app/', 'proc/', 'dev/null', 'sys/x', '.dockerenv', 'etc/hosts', 'etc/hostname', 'etc/resolv.conf', 'usr/local/bin/app'];
    expect(extraFiles(converted, ['usr/local/bin/app'], ['var/lib/dpkg/status.d/base'])).toEqual([]);
  });
});

describe('runtimeBaseDockerfile', () => {
  it('keeps the global ARGs, the earlier stages and the last FROM as written, and nothing after it', () => {
    const text = 'ARG BASE=debian:bookworm-slim\nFROM golang:1.22 AS builder\nRUN go build -o /app .\n\nFROM --platform=linux/amd64 ${BASE} AS runtime\nCOPY --from=builder /app /app\nCMD ["/app"]\n';
    expect(runtimeBaseDockerfile(text)).toBe('ARG BASE=debian:bookworm-slim\nFROM golang:1.22 AS builder\nRUN go build -o /app .\n\nFROM --platform=linux/amd64 ${BASE} AS runtime\n');
    expect(runtimeBaseDockerfile('\uFEFFFROM a AS b\r\nRUN x\r\nFROM c\r\nCOPY --from=b /x /x\r\n')).toBe('\uFEFFFROM a AS b\r\nRUN x\r\nFROM c\r\n');
    expect(runtimeBaseDockerfile('RUN x\n')).toBeNull();
  });
});

describe('verification containers', () => {
  it('get a memory and a process limit, and the session label', async () => {
    expect(CONTAINER_LIMITS).toEqual(['--memory', '1g', '--pids-limit', '512']);
    const session = new VerifySession('true');
    try {
      expect(session.containerOptions()).toEqual(['--label', `${LABEL}=${session.id}`, '--memory', '1g', '--pids-limit', '512']);
      expect(session.id.startsWith(`${process.pid}-`)).toBe(true);
    } finally {
      await session.close();
    }
  });
});

describe('VerifySession cleanup', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  /** A `docker` that logs each call and answers `ps`/`image ls` with one id. */
  function fakeDocker(): { client: string; calls: () => string[] } {
    const dir = mkdtempSync(join(tmpdir(), 'dfsplit-fake-docker-'));
    dirs.push(dir);
    const log = join(dir, 'calls');
    const client = join(dir, 'docker');
    writeFileSync(client, `#!/bin/sh\necho "$*" >> '${log}'\ncase "$1 $2" in "ps -aq") echo c0ffee ;; "image ls") echo 5ca1ab1e ;; esac\n`);
    chmodSync(client, 0o755);
    return { client, calls: () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []) };
  }

  it('stops running commands and removes its containers, images and directory', async () => {
    const docker = fakeDocker();
    const listening = process.listenerCount('SIGINT');
    const session = new VerifySession(docker.client);
    session.images.add('dfsplit-verify/x:original');
    const pending = session.run('sleep', ['30']);
    let settled = false;
    void pending.then(() => {
      settled = true;
    });
    const started = Date.now();
    await session.close();
    expect(Date.now() - started).toBeLessThan(5000);
    const r = await pending;
    expect(settled).toBe(true);
    expect(r.status).toBeNull();
    expect(existsSync(session.dir)).toBe(false);
    expect(docker.calls()).toEqual([`ps -aq --filter label=${session.label}`, 'rm -f c0ffee', `image ls -q --filter label=${session.label}`, 'image rm -f dfsplit-verify/x:original 5ca1ab1e']);
    expect(process.listenerCount('SIGINT')).toBe(listening);
  });
});
