// `--verify` on a build farm (issue 25), without Docker: the progress it shows (the build step read from
// BuildKit's plain progress, lines rewritten in place on a terminal, one plain line per phase elsewhere),
// the table after all files, `--builder` (a buildx builder) and its refusals, `--jobs` verifications side
// by side, and the cleanup of every session when a signal stops several at once. A fake `docker` first
// on PATH stands in for the engine; test/e2e/verify-farm.test.ts runs the same against real daemons.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildStep, verifyProgress } from '../src/verify/progress.js';
import { verifyTable } from '../src/report/verify-table.js';
import { pidInContainer } from '../src/verify/probe.js';
import { dfsplit } from './shared.js';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'src', 'cli.js');
const GO = 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /app .\nCMD ["/app"]\n';

describe('buildStep', () => {
  it("reads the step BuildKit's plain progress starts, and the legacy builder's", () => {
    expect(buildStep('#7 [builder 3/5] RUN make')).toBe('#7 [builder 3/5] RUN make');
    expect(buildStep('#12 [2/4] COPY go.mod go.sum ./  ')).toBe('#12 [2/4] COPY go.mod go.sum ./');
    expect(buildStep('#5 [internal] load metadata for docker.io/library/golang:1.22')).toBe('#5 [internal] load metadata for docker.io/library/golang:1.22');
    expect(buildStep('Step 3/5 : RUN make')).toBe('Step 3/5 : RUN make');
  });

  it("passes over a step's output, timing and cache lines", () => {
    for (const line of ['#7 DONE 0.3s', '#7 CACHED', '#7 0.412 gcc -O2 -c main.c', '#7 sha256:4f4fb700ef54 32B / 32B done', '#7 ERROR: process "/bin/sh -c make" did not complete successfully', ' ---> Running in 2f1c', '', 'error: failed to solve']) {
      expect(buildStep(line), line).toBeNull();
    }
  });
});

describe('verifyTable', () => {
  it('lists each file with its outcome, both sizes where known and the first difference, and counts them', () => {
    const table = verifyTable([
      { path: 'api/Dockerfile', verify: { outcome: 'verified', detail: null, sizes: { original: 812_300_000, converted: 2_100_000 } } },
      { path: 'worker/Dockerfile', verify: { outcome: 'differs', detail: 'start: DIFFERENT (original: true 0, converted: false 127)', sizes: { original: 300_000_000, converted: 80_000_000 } } },
      { path: 'legacy/Dockerfile', verify: { outcome: 'unverifiable', detail: 'the original does not build here (error: failed to solve)', sizes: { original: null, converted: null } } },
    ]);
    expect(table.split('\n')).toEqual([
      'dfsplit --verify: 3 files: 1 verified, 1 differs, 1 unverifiable',
      '  FILE               OUTCOME       ORIGINAL  CONVERTED  DETAIL',
      '  api/Dockerfile     verified      812.3 MB     2.1 MB  99.7% smaller',
      '  worker/Dockerfile  differs       300.0 MB    80.0 MB  start: DIFFERENT (original: true 0, converted: false 127)',
      '  legacy/Dockerfile  unverifiable         -          -  the original does not build here (error: failed to solve)',
      '',
    ]);
  });

  it('is nothing when no file was verified', () => {
    expect(verifyTable([])).toBe('');
  });
});

describe('verifyProgress', () => {
  const sink = (isTTY: boolean, columns = 60) => {
    const writes: string[] = [];
    return { out: { isTTY, columns, write: (t: string) => writes.push(t) }, writes };
  };

  it('elsewhere than a terminal: one plain line per phase change, no carriage return or escape', () => {
    const { out, writes } = sink(false);
    const p = verifyProgress(out);
    p.update('a/Dockerfile', 'original');
    p.update('a/Dockerfile', 'original', '#5 [1/3] FROM docker.io/library/golang:1.22');
    p.update('b/Dockerfile', 'original');
    p.update('a/Dockerfile', 'converted', '#7 [builder 3/5] RUN make');
    p.update('a/Dockerfile', 'converted', '#8 [builder 4/5] RUN make test');
    p.done('a/Dockerfile');
    p.clear();
    p.redraw();
    expect(writes.join('')).toBe('dfsplit: verify a/Dockerfile: building the original\ndfsplit: verify b/Dockerfile: building the original\ndfsplit: verify a/Dockerfile: building the conversion\n');
  });

  it('on a terminal: one line per running verification, rewritten in place and cut to the width', async () => {
    const { out, writes } = sink(true, 50);
    const p = verifyProgress(out);
    p.update('a/Dockerfile', 'original');
    expect(writes).toEqual(['verify a/Dockerfile: building the original\n']);
    p.update('b/Dockerfile', 'converted', '#7 [builder 3/5] RUN make');
    // at most one rewrite every 100 ms
    expect(writes).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 150));
    expect(writes[1]).toBe('\x1b[1A\r\x1b[Jverify a/Dockerfile: building the original\nverify b/Dockerfile: building the conversion  #7…\n');
    // cleared for other output, then put back; a finished verification's line goes
    p.clear();
    expect(writes[2]).toBe('\x1b[2A\r\x1b[J');
    p.done('a/Dockerfile');
    p.redraw();
    expect(writes[3]).toBe('verify b/Dockerfile: building the conversion  #7…\n');
    p.clear();
    expect(writes.slice(4)).toEqual(['\x1b[1A\r\x1b[J']);
  });

  it('is silent when not wanted (--quiet)', () => {
    const { out, writes } = sink(true);
    const p = verifyProgress(out, false);
    p.update('a/Dockerfile', 'original');
    p.redraw();
    expect(writes).toEqual([]);
  });
});

describe('port probing on the engine host only', () => {
  it("enters a process only when its cgroup names the container: another host's pid is refused", () => {
    expect(pidInContainer(String(process.pid), 'f'.repeat(64))).toBe(false);
    expect(pidInContainer('999999999', 'f'.repeat(64))).toBe(false);
  });
});

/** A directory with a fake `docker`: buildx builds that print BuildKit's plain progress, sleep, and fail as a missing file does; every call is logged. */
function fakeDocker(opts: { buildx: boolean; engine: boolean }): { bin: string; log: string } {
  const bin = mkdtempSync(join(tmpdir(), 'dfsplit-fake-docker-'));
  const log = join(bin, 'calls');
  const script = `#!/bin/sh
log='${log}'
case "$1" in
  info) ${opts.engine ? 'echo 20.10.24; exit 0' : 'echo "Cannot connect to the Docker daemon" >&2; exit 1'} ;;
  buildx)
    if [ "$2" = version ]; then ${opts.buildx ? 'echo "github.com/docker/buildx v0.12.1"; exit 0' : 'echo "docker: \'buildx\' is not a docker command." >&2; exit 1'}; fi
    echo "start $(date +%s.%N) $*" >> "$log"
    echo '#1 [internal] load build definition from Dockerfile' >&2
    echo '#5 [1/4] FROM docker.io/library/golang:1.22' >&2
    sleep 1
    echo '#6 [2/4] COPY . .' >&2
    echo '#6 ERROR: failed to calculate checksum of ref: "/go.mod": not found' >&2
    echo 'error: failed to solve: failed to compute cache key: "/go.mod": not found' >&2
    echo "end $(date +%s.%N) $*" >> "$log"
    exit 1 ;;
  *) echo "$*" >> "$log" ;;
esac
`;
  writeFileSync(join(bin, 'docker'), script);
  chmodSync(join(bin, 'docker'), 0o755);
  return { bin, log };
}

/** A tree of two Go services that convert (changed), with the built CLI run in it as a process of its own. */
function tree(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dfsplit-farm-'));
  for (const name of ['api', 'worker']) {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, 'Dockerfile'), GO);
  }
  return dir;
}

function spawned(cwd: string, args: string[], bin: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', PATH: `${bin}:/usr/bin:/bin`, DOCKER_HOST: 'unix:///nonexistent/dfsplit-farm.sock' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('--builder and --jobs with --verify', () => {
  it('refuses --builder without --verify, a name that is no builder name, and a docker without buildx: one line, exit 2', async () => {
    const dir = tree();
    const alone = await dfsplit(dir, ['--builder', 'farm', '.']);
    expect(alone.code).toBe(2);
    expect(alone.lines).toEqual(['dfsplit: --builder applies only to --verify: it names the buildx builder that builds both images']);
    const option = await dfsplit(dir, ['--verify', '--builder=--load', '.']);
    expect(option.code).toBe(2);
    expect(option.lines).toEqual(["dfsplit: --builder --load: not a buildx builder name (letters, digits, '_', '.', '-')"]);
    const { bin, log } = fakeDocker({ buildx: false, engine: true });
    for (const args of [
      ['--verify', '--builder', 'farm', '.'],
      ['verify', '--builder', 'farm', 'api/Dockerfile'],
    ]) {
      const r = spawned(dir, args, bin);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr.trim().split('\n')).toEqual(['dfsplit: --builder farm needs docker buildx, and `docker buildx version` fails here; install the buildx plugin or drop --builder']);
      expect(r.stdout).toBe('');
    }
    // refused before any build
    expect(existsSync(log) ? readFileSync(log, 'utf8') : '').not.toContain('build');
  });

  it('builds with the named buildx builder, shows each phase, and ends with the table; json has each outcome', () => {
    const dir = tree();
    const { bin, log } = fakeDocker({ buildx: true, engine: true });
    const r = spawned(dir, ['--verify', '--builder', 'farm', '--jobs', '2', '.'], bin);
    expect(r.code, r.stderr).toBe(0);
    // nothing unverified is proposed: no diff on standard output
    expect(r.stdout).toBe('');
    const builds = readFileSync(log, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('start '));
    expect(builds).toHaveLength(2);
    for (const b of builds) expect(b).toMatch(/^start \S+ buildx build --builder farm --load --progress plain --label dfsplit\.verify=\S+ -t dfsplit-verify\/\S+:original -f \S+\/original\.Dockerfile \S+\/(api|worker)$/);
    const lines = r.stderr.split('\n');
    expect(lines).toContain('dfsplit: verify api/Dockerfile: building the original');
    expect(lines).toContain('dfsplit: verify worker/Dockerfile: building the original');
    expect(r.stderr.includes('\r') || r.stderr.includes('\u001b')).toBe(false);
    const table = lines.slice(lines.indexOf('dfsplit --verify: 2 files: 0 verified, 0 differs, 2 unverifiable'));
    expect(table.slice(0, 4)).toEqual([
      'dfsplit --verify: 2 files: 0 verified, 0 differs, 2 unverifiable',
      '  FILE               OUTCOME       ORIGINAL  CONVERTED  DETAIL',
      '  api/Dockerfile     unverifiable         -          -  the original does not build here (error: failed to solve: failed to compute cache key: "/go.mod": not found)',
      '  worker/Dockerfile  unverifiable         -          -  the original does not build here (error: failed to solve: failed to compute cache key: "/go.mod": not found)',
    ]);
    // the cleanup of each session, on the same client
    expect(readFileSync(log, 'utf8').match(/^image rm -f dfsplit-verify\/\S+:original$/gm)).toHaveLength(2);

    const json = spawned(dir, ['--verify', '--builder', 'farm', '--format', 'json', '.'], bin);
    const doc = JSON.parse(json.stdout) as { files: { path: string; status: string; verify?: unknown }[] };
    expect(doc.files.map((f) => [f.path, f.status, f.verify])).toEqual(
      ['api/Dockerfile', 'worker/Dockerfile'].map((p) => [p, 'declined', { outcome: 'unverifiable', detail: 'the original does not build here (error: failed to solve: failed to compute cache key: "/go.mod": not found)', sizes: { original: null, converted: null } }]),
    );
    // the table is the text output's: json alone on standard output, the progress on standard error
    expect(json.stderr).not.toContain('dfsplit --verify:');
  });

  it('runs up to --jobs verifications at once, one at a time by default', () => {
    const spans = (jobs: string[]) => {
      const dir = tree();
      const { bin, log } = fakeDocker({ buildx: true, engine: true });
      expect(spawned(dir, ['--verify', '--builder', 'farm', ...jobs, '.'], bin).code).toBe(0);
      const times = readFileSync(log, 'utf8')
        .split('\n')
        .filter((l) => /^(start|end) /.test(l))
        .map((l) => l.split(' ')[0]);
      return times.join(' ');
    };
    expect(spans(['--jobs', '2'])).toBe('start start end end');
    expect(spans([])).toBe('start end start end');
  });
});

describe('a signal while several verifications run', () => {
  it('removes what every session made before the process exits', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dfsplit-signal-'));
    const log = join(dir, 'calls');
    // removing the second session's image takes a second: the first session's cleanup ends well before it
    const client = join(dir, 'docker');
    writeFileSync(client, `#!/bin/sh\ncase "$*" in *slow*) sleep 1 ;; esac\necho "$*" >> '${log}'\n`);
    chmodSync(client, 0o755);
    const script = join(dir, 'two.mjs');
    writeFileSync(
      script,
      `import { VerifySession } from ${JSON.stringify(join(ROOT, 'dist/src/verify/session.js'))};
const a = new VerifySession(${JSON.stringify(client)});
const b = new VerifySession(${JSON.stringify(client)});
a.images.add('dfsplit-verify/fast:original');
b.images.add('dfsplit-verify/slow:original');
void a.run('sleep', ['30']);
void b.run('sleep', ['30']);
console.log(JSON.stringify([a.dir, b.dir]));
`,
    );
    const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'pipe'] });
    const dirs = await new Promise<string[]>((resolve) => child.stdout.once('data', (b: Buffer) => resolve(JSON.parse(b.toString()) as string[])));
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(130);
    const calls = readFileSync(log, 'utf8');
    expect(calls).toContain('image rm -f dfsplit-verify/fast:original');
    expect(calls).toContain('image rm -f dfsplit-verify/slow:original');
    expect(dirs.filter((d) => existsSync(d))).toEqual([]);
    // one message, not one per session
    expect(stderr.match(/stopping verify/g)).toHaveLength(1);
  });
});
