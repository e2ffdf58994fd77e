// `--verify` against another engine than the default one (issue 25, "verification on a build farm"): a
// second dockerd, on its own socket, data-root and exec-root, stands in for a remote engine. It gets the
// stand-in base images by `docker save` from the suite's daemon and `docker load`; dfsplit then runs with
// DOCKER_HOST pointing at it, `--jobs 2`, over examples. The outcomes and the final table are asserted,
// that the builds happened on the second daemon (its build cache, its events) and not on the suite's, and
// that nothing dfsplit-verify made is left on either, also when SIGINT stops two verifications at once.
// `--builder NAME` needs `docker buildx`, which Debian's docker.io lacks: only its refusal is tested here
// (and in test/verify-farm.test.ts, with a fake docker that has buildx).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_DIR, DOCKER, REPO_ROOT } from './lib.js';

const cli = join(REPO_ROOT, 'dist/src/cli.js');
// short: a unix socket path has at most 107 bytes
const ROOT = mkdtempSync('/tmp/dfsplit-farm-');
const SOCK = `unix://${ROOT}/docker.sock`;
const FIRST = process.env.DOCKER_HOST!;
const WORK = join(CACHE_DIR, 'work', 'verify-farm');

/** A docker command on one daemon or the other. */
function docker(host: string, args: string[], input?: string) {
  return spawnSync(DOCKER, args, { encoding: 'utf8', env: { ...process.env, DOCKER_HOST: host }, input, maxBuffer: 64 * 1024 * 1024 });
}
const lines = (host: string, args: string[]) => docker(host, args).stdout.trim().split('\n').filter(Boolean);

let daemon: ReturnType<typeof spawn> | null = null;

beforeAll(async () => {
  daemon = spawn('dockerd', ['--bridge=none', '--iptables=false', '--ip6tables=false', '--ip-masq=false', '--ip-forward=false', '--data-root', join(ROOT, 'data'), '--exec-root', join(ROOT, 'exec'), '-H', SOCK, '--pidfile', join(ROOT, 'docker.pid'), '--config-file', writeConfig()], {
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  for (let i = 0; i < 90 && docker(SOCK, ['info']).status !== 0; i++) await new Promise((r) => setTimeout(r, 1000));
  expect(docker(SOCK, ['info', '-f', '{{.DockerRootDir}}']).stdout.trim()).toBe(join(ROOT, 'data'));
  // the stand-ins the examples and their conversions start from, from the suite's daemon into the second
  const load = spawnSync('bash', ['-c', 'set -o pipefail; DOCKER_HOST="$1" "$3" save "${@:4}" | DOCKER_HOST="$2" "$3" load', 'sh', FIRST, SOCK, DOCKER, 'golang:1.22', 'gcr.io/distroless/static-debian12', 'gcr.io/distroless/base-debian12'], { encoding: 'utf8' });
  expect(load.status, load.stderr).toBe(0);
});

afterAll(async () => {
  if (daemon?.pid) {
    daemon.kill('SIGTERM');
    await new Promise((r) => (daemon!.exitCode !== null ? r(null) : daemon!.once('exit', r)));
  }
  rmSync(ROOT, { recursive: true, force: true });
  rmSync(WORK, { recursive: true, force: true });
});

function writeConfig(): string {
  const file = join(ROOT, 'daemon.json');
  writeFileSync(file, '{}');
  return file;
}

/** A copy of examples and a tree of the verify test, to run dfsplit in. */
function tree(): string {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  for (const name of ['go-module', 'go-tests-in-build']) cpSync(join(REPO_ROOT, 'examples', name), join(WORK, name), { recursive: true });
  cpSync(join(REPO_ROOT, 'test/e2e/verify-tree/missing-source'), join(WORK, 'missing-source'), { recursive: true });
  return WORK;
}

/** dfsplit in a process of its own, on the second daemon (TMPDIR: where its temporary directories go). */
function dfsplit(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawn('node', [cli, ...args], { cwd, env: { ...process.env, DOCKER_HOST: SOCK, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

async function finished(child: ReturnType<typeof spawn>) {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (b: Buffer) => (stdout += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
  const code = await new Promise<number | null>((r) => child.on('close', r));
  return { code, stdout, stderr };
}

/** What one process's verifications left on a daemon: containers by label, images by tag and label. */
function leftovers(host: string, pid: number): string[] {
  const mine = (v: string | undefined) => v?.startsWith(`${pid}-`) === true;
  const containers = lines(host, ['ps', '-a', '--filter', 'label=dfsplit.verify', '--format', '{{.ID}} {{.Label "dfsplit.verify"}}']).filter((l) => mine(l.split(' ')[1]));
  const images = lines(host, ['image', 'ls', '--all', '--format', '{{.Repository}}', 'dfsplit-verify/*']).filter((r) => r.startsWith(`dfsplit-verify/${pid}-`));
  const labelled = lines(host, ['image', 'ls', '--all', '--filter', 'label=dfsplit.verify', '--format', '{{.ID}}']).filter((id) => mine(lines(host, ['image', 'inspect', '-f', '{{index .Config.Labels "dfsplit.verify"}}', id])[0]));
  return [...containers, ...images, ...labelled];
}

/** The events a daemon recorded since `since` (seconds) that name this process's verify images. */
function verifyEvents(host: string, since: number, pid: number): string[] {
  return lines(host, ['events', '--since', String(since), '--until', String(Math.ceil(Date.now() / 1000) + 1), '--format', '{{.Type}} {{.Action}} {{.Actor.Attributes.name}}']).filter((l) => l.includes(`dfsplit-verify/${pid}-`));
}

describe('--verify on another engine (DOCKER_HOST), two at a time', () => {
  it('verifies on the second daemon only, prints the outcomes and the table, and leaves nothing on either', async () => {
    const dir = tree();
    const since = Math.floor(Date.now() / 1000) - 1;
    const firstCache = lines(FIRST, ['system', 'df', '--format', '{{.Type}} {{.TotalCount}}']);
    const child = dfsplit(dir, ['--verify', '--jobs', '2', '--build-network', 'none', '.']);
    const r = await finished(child);
    expect(r.code, r.stderr).toBe(0);
    const err = r.stderr.split('\n');
    // one plain line per phase (stderr is no terminal here), never on standard output
    for (const name of ['go-module', 'go-tests-in-build']) {
      for (const phase of ['building the original', 'building the conversion', 'running both', 'comparing files', 'checking libraries']) expect(err).toContain(`dfsplit: verify ${name}/Dockerfile: ${phase}`);
    }
    expect(r.stderr.includes('\r') || r.stderr.includes('\u001b')).toBe(false);
    expect(r.stdout).not.toContain('dfsplit: verify');
    // the verified conversions are proposed (their diffs on standard output), the other is declined
    expect(r.stdout).toContain('+++ b/go-module/Dockerfile');
    expect(r.stdout).toContain('+++ b/go-tests-in-build/Dockerfile');
    expect(err).toContainEqual(expect.stringMatching(/^missing-source\/Dockerfile: declined: .*the original does not build here.*\[verify-unavailable\]$/));
    // the table, in the files' order
    const at = err.indexOf('dfsplit --verify: 3 files: 2 verified, 0 differs, 1 unverifiable');
    expect(at, r.stderr).toBeGreaterThan(-1);
    expect(err[at + 1]).toMatch(/^ {2}FILE +OUTCOME +ORIGINAL +CONVERTED +DETAIL$/);
    expect(err[at + 2]).toMatch(/^ {2}go-module\/Dockerfile +verified +\d+\.\d MB +\d+\.\d MB +\d+\.\d% smaller$/);
    expect(err[at + 3]).toMatch(/^ {2}go-tests-in-build\/Dockerfile +verified +\d+\.\d MB +\d+\.\d MB +\d+\.\d% smaller$/);
    expect(err[at + 4]).toMatch(/^ {2}missing-source\/Dockerfile +unverifiable +- +- +the original does not build here \(.+\)$/);

    // the second daemon built (its build cache holds the steps) and tagged the verify images; the first saw none of it
    const secondCache = lines(SOCK, ['system', 'df', '--format', '{{.Type}} {{.TotalCount}}']).find((l) => l.startsWith('Build Cache'));
    expect(Number(secondCache?.split(' ').pop())).toBeGreaterThan(0);
    const second = verifyEvents(SOCK, since, child.pid!);
    expect(second.some((e) => e.startsWith('image tag '))).toBe(true);
    expect(verifyEvents(FIRST, since, child.pid!)).toEqual([]);
    expect(firstCache.length).toBeGreaterThan(0);
    expect(leftovers(SOCK, child.pid!)).toEqual([]);
    expect(leftovers(FIRST, child.pid!)).toEqual([]);
    // nothing of any verify on the second daemon, whose only user is this test
    expect(lines(SOCK, ['ps', '-aq'])).toEqual([]);
    expect(lines(SOCK, ['image', 'ls', '-q', 'dfsplit-verify/*'])).toEqual([]);

    // json: each file with its verify outcome
    const json = await finished(dfsplit(dir, ['--verify', '--jobs', '2', '--build-network', 'none', '--format', 'json', '.']));
    const doc = JSON.parse(json.stdout) as { files: { path: string; status: string; verify?: { outcome: string; detail: string | null; sizes: { original: number | null; converted: number | null } } }[] };
    const by = new Map(doc.files.map((f) => [f.path, f]));
    for (const name of ['go-module', 'go-tests-in-build']) {
      const v = by.get(`${name}/Dockerfile`)!.verify!;
      expect(v.outcome).toBe('verified');
      expect(v.detail).toBeNull();
      expect(v.sizes.converted!).toBeLessThan(v.sizes.original!);
    }
    expect(by.get('missing-source/Dockerfile')!.verify).toMatchObject({ outcome: 'unverifiable', sizes: { original: null, converted: null } });
    expect(json.stderr).not.toContain('dfsplit --verify:');
  });

  it('SIGINT with two verifications building (--write): exit 130, and nothing is left on the second daemon or on disk', async () => {
    const dir = join(WORK, 'signal');
    rmSync(dir, { recursive: true, force: true });
    for (const name of ['a', 'b']) {
      mkdirSync(join(dir, name), { recursive: true });
      cpSync(join(REPO_ROOT, 'examples/go-module'), join(dir, name), { recursive: true });
      // a build step that takes its time and is never cached
      const file = join(dir, name, 'Dockerfile');
      writeFileSync(file, readFileSync(file, 'utf8').replace('RUN go mod download', `RUN go mod download && sleep 20 && echo ${process.pid}-${Date.now()}`));
    }
    const tmp = join(WORK, 'tmp');
    mkdirSync(tmp, { recursive: true });
    const child = dfsplit(dir, ['--verify', '--write', '--jobs', '2', '--build-network', 'none', '.'], { TMPDIR: tmp });
    const done = finished(child);
    // both builds run, and have reached the slow step
    const end = Date.now() + 120_000;
    while (
      spawnSync('pgrep', ['-f', `dfsplit-verify/${child.pid}-[^ ]*:original`])
        .stdout.toString()
        .trim()
        .split('\n')
        .filter(Boolean).length < 2
    ) {
      expect(Date.now()).toBeLessThan(end);
      await new Promise((r) => setTimeout(r, 200));
    }
    await new Promise((r) => setTimeout(r, 3000));
    child.kill('SIGINT');
    const r = await done;
    expect(r.stderr.match(/stopping verify/g)).toHaveLength(1);
    expect(r.code).toBe(130);
    expect(leftovers(SOCK, child.pid!)).toEqual([]);
    expect(lines(SOCK, ['ps', '-aq'])).toEqual([]);
    expect(readdirSync(tmp)).toEqual([]);
    // --write wrote nothing unverified
    for (const name of ['a', 'b']) expect(readFileSync(join(dir, name, 'Dockerfile'), 'utf8')).not.toContain(' AS builder');
    expect(existsSync(join(dir, 'a', 'Dockerfile'))).toBe(true);
  });

  // the `docker` on PATH is the client --builder uses
  it.skipIf(spawnSync('docker', ['buildx', 'version']).status === 0)('--builder NAME without docker buildx (Debian docker.io has none): one line, exit 2', async () => {
    const r = await finished(dfsplit(tree(), ['--verify', '--builder', 'farm', '.']));
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual(['dfsplit: --builder farm needs docker buildx, and `docker buildx version` fails here; install the buildx plugin or drop --builder']);
  });
});
