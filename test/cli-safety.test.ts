// Running dfsplit on a repository someone else wrote (issue 21): the configuration search stops at the
// repository's root and JavaScript configs can be refused; the markdown report cannot be made to inject
// HTML, mentions or a closing fence; a file named like a flag does not become one; a closed standard
// output ends the run quietly; --jobs is checked and capped, and results do not pile up behind a slow file.
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AHEAD_PER_WORKER, inOrder, maxJobs, poolSize, type PoolWorker } from '../src/convert-pool.js';
import { markdownCode, markdownFence } from '../src/report/formats.js';
import { dfsplit } from './shared.js';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'src', 'cli.js');
const GO = 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]\n';

const tmp = () => mkdtempSync(join(tmpdir(), 'dfsplit-safety-'));

/** In-process (test/shared.ts); the cases below that need a process of their own (a closed pipe, a FIFO, /dev/zero) spawn the built CLI. */
async function run(cwd: string, args: string[], env: Record<string, string> = {}) {
  const r = await dfsplit(cwd, args, { env });
  return { ...r, froms: r.stdout.split('\n').filter((l) => l.startsWith('FROM')) };
}

/** A config that leaves a marker file when it runs (as any JavaScript config could do anything). */
function jsConfig(dir: string, marker: string, name = 'dfsplit.config.cjs'): void {
  writeFileSync(join(dir, name), `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran');\nmodule.exports = { builderName: 'fromjs' };\n`);
}

describe('configuration search stops at the repository root', () => {
  it('a config above the directory holding .git is not loaded (nor run); one at the root is', async () => {
    const outer = tmp();
    const marker = join(outer, 'ran');
    jsConfig(outer, marker);
    const repo = join(outer, 'repo');
    mkdirSync(join(repo, '.git'), { recursive: true });
    mkdirSync(join(repo, 'svc'));
    writeFileSync(join(repo, 'svc', 'Dockerfile'), GO);
    const r = await run(join(repo, 'svc'), ['--stdout', 'Dockerfile']);
    expect(r.code).toBe(0);
    expect(r.froms[0]).toBe('FROM golang:1.22 AS builder');
    expect(existsSync(marker)).toBe(false);
    writeFileSync(join(repo, 'dfsplit.config.json'), JSON.stringify({ builderName: 'atroot' }));
    expect((await run(join(repo, 'svc'), ['--stdout', 'Dockerfile'])).froms[0]).toBe('FROM golang:1.22 AS atroot');
  });

  it('a .git file (worktree, submodule) is a root too', async () => {
    const outer = tmp();
    writeFileSync(join(outer, 'dfsplit.config.json'), JSON.stringify({ builderName: 'outer' }));
    const repo = join(outer, 'wt');
    mkdirSync(repo);
    writeFileSync(join(repo, '.git'), 'gitdir: /elsewhere\n');
    writeFileSync(join(repo, 'Dockerfile'), GO);
    expect((await run(repo, ['--stdout', 'Dockerfile'])).froms[0]).toBe('FROM golang:1.22 AS builder');
  });

  it.skipIf(process.getuid?.() !== 0)('a .git someone else owns (planted in a shared parent) is no root', async () => {
    const shared = tmp();
    writeFileSync(join(shared, 'dfsplit.config.json'), JSON.stringify({ builderName: 'planted' }));
    mkdirSync(join(shared, '.git'));
    chownSync(join(shared, '.git'), 12345, 12345);
    const work = join(shared, 'work');
    mkdirSync(work);
    writeFileSync(join(work, 'Dockerfile'), GO);
    expect((await run(work, ['--stdout', 'Dockerfile'])).froms[0]).toBe('FROM golang:1.22 AS builder');
    chownSync(join(shared, '.git'), 0, 0);
    expect((await run(work, ['--stdout', 'Dockerfile'])).froms[0]).toBe('FROM golang:1.22 AS planted');
  });

  it("without a repository, the search stops at the current directory, or at the file's own directory outside it", async () => {
    const outer = tmp();
    const marker = join(outer, 'ran');
    jsConfig(outer, marker);
    const work = join(outer, 'work');
    mkdirSync(join(work, 'svc'), { recursive: true });
    writeFileSync(join(work, 'svc', 'Dockerfile'), GO);
    expect((await run(work, ['--stdout', 'svc/Dockerfile'])).froms[0]).toBe('FROM golang:1.22 AS builder');
    // named from elsewhere: only its own directory
    expect((await run(tmp(), ['--stdout', join(work, 'svc', 'Dockerfile')])).froms[0]).toBe('FROM golang:1.22 AS builder');
    expect(existsSync(marker)).toBe(false);
    // the same config inside the current directory is found (and runs)
    jsConfig(work, marker);
    expect((await run(work, ['--stdout', 'svc/Dockerfile'])).froms[0]).toBe('FROM golang:1.22 AS fromjs');
    expect(existsSync(marker)).toBe(true);
  });
});

describe('--no-js-config and DFSPLIT_NO_JS_CONFIG refuse JavaScript configs without running them', () => {
  for (const [what, args, env] of [
    ['--no-js-config', ['--no-js-config'], {}],
    ['--no-js-config --check', ['--no-js-config', '--check'], {}],
    ['DFSPLIT_NO_JS_CONFIG=1', [], { DFSPLIT_NO_JS_CONFIG: '1' }],
  ] as const) {
    it(what, async () => {
      const repo = tmp();
      mkdirSync(join(repo, '.git'));
      writeFileSync(join(repo, 'Dockerfile'), GO);
      const marker = join(repo, 'ran');
      jsConfig(repo, marker);
      const r = await run(repo, [...args, 'Dockerfile'], env);
      expect(r.code).toBe(2);
      expect(r.lines).toHaveLength(1);
      expect(r.lines[0]).toMatch(/^dfsplit: dfsplit\.config\.cjs: a JavaScript configuration runs code/);
      expect(existsSync(marker)).toBe(false);
      // the same config runs when allowed: the refusal above is what kept it from running
      expect((await run(repo, ['--check', 'Dockerfile'])).code).toBe(1);
      expect(existsSync(marker)).toBe(true);
    });
  }

  it('refuses a JavaScript --config too, and still reads JSON ones', async () => {
    const repo = tmp();
    writeFileSync(join(repo, 'Dockerfile'), GO);
    const marker = join(repo, 'ran');
    writeFileSync(join(repo, 'c.mjs'), `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(marker)}, 'ran');\nexport default {};\n`);
    const r = await run(repo, ['--no-js-config', '--config', 'c.mjs', 'Dockerfile']);
    expect(r.code).toBe(2);
    expect(r.lines[0]).toMatch(/^dfsplit: c\.mjs: a JavaScript configuration/);
    expect(existsSync(marker)).toBe(false);
    writeFileSync(join(repo, 'dfsplit.config.json'), JSON.stringify({ builderName: 'json' }));
    expect((await run(repo, ['--no-js-config', '--stdout', 'Dockerfile'])).froms[0]).toBe('FROM golang:1.22 AS json');
  });
});

describe('hostile configuration files', () => {
  /**
   * A repository holding a Dockerfile, run in-process; with `bounded`, in a process of its own whose run is
   * bounded, so that a read that would never end (a device, a FIFO) fails instead of stalling the suite.
   */
  async function hostile(plant: (repo: string) => void, args: string[] = [], bounded = false) {
    const repo = tmp();
    mkdirSync(join(repo, '.git'));
    writeFileSync(join(repo, 'Dockerfile'), GO);
    plant(repo);
    if (!bounded) return await run(repo, [...args, 'Dockerfile']);
    const started = Date.now();
    const r = spawnSync(process.execPath, [CLI, ...args, 'Dockerfile'], { cwd: repo, encoding: 'utf8', timeout: 10_000, env: { ...process.env, NO_COLOR: '1' } });
    expect(r.error).toBeUndefined(); // not ETIMEDOUT
    expect(Date.now() - started).toBeLessThan(10_000);
    return { code: r.status, lines: r.stderr.split('\n').filter(Boolean) };
  }

  it.skipIf(!existsSync('/dev/zero'))('a package.json that is a link to /dev/zero is refused at once, not read', async () => {
    const r = await hostile((repo) => symlinkSync('/dev/zero', join(repo, 'package.json')), [], true);
    expect(r.code).toBe(2);
    expect(r.lines).toEqual(['dfsplit: package.json: not a regular file']);
  });

  it.skipIf(process.platform === 'win32')('a .dfsplitrc that is a FIFO does not hang the run (with or without --no-js-config)', async () => {
    for (const args of [[], ['--no-js-config']]) {
      const r = await hostile((repo) => expect(spawnSync('mkfifo', [join(repo, '.dfsplitrc')]).status).toBe(0), args, true);
      expect(r.code).toBe(2);
      expect(r.lines).toEqual(['dfsplit: .dfsplitrc: not a regular file']);
    }
  });

  it('a config larger than 1 MiB is refused', async () => {
    const r = await hostile((repo) => writeFileSync(join(repo, 'dfsplit.config.json'), `{"builderName": "big"${' '.repeat(1024 * 1024)}}`));
    expect(r.code).toBe(2);
    expect(r.lines).toEqual(['dfsplit: dfsplit.config.json: larger than 1 MiB']);
  });

  it('a package.json that is a directory is a config error, not an internal error', async () => {
    const r = await hostile((repo) => mkdirSync(join(repo, 'package.json')));
    expect(r.code).toBe(2);
    expect(r.lines).toEqual(['dfsplit: package.json: not a regular file']);
  });

  it('a package.json of whitespace only, or a .dfsplitrc that is not JSON, is a one-line config error naming the file', async () => {
    for (const [name, text] of [
      ['package.json', '  \n\t\n'],
      ['.dfsplitrc', '{ builderName: oops'],
    ] as const) {
      const r = await hostile((repo) => writeFileSync(join(repo, name), text));
      expect(r.code).toBe(2);
      expect(r.lines).toHaveLength(1);
      expect(r.lines[0]).toMatch(new RegExp(`^dfsplit: ${name.replace('.', '\\.')}: cannot be loaded: \\S`));
      expect(r.lines[0]).not.toMatch(/internal error/);
    }
  });

  it('a package.json without a "dfsplit" key is passed over, as before', async () => {
    const r = await hostile(
      (repo) => {
        writeFileSync(join(repo, 'package.json'), '{"name": "x"}');
        writeFileSync(join(repo, '.dfsplitrc'), '{"builderName": "rc"}');
      },
      ['--stdout'],
    );
    expect(r.code).toBe(0);
  });
});

/** The text of every <code> element, references decoded. */
const codes = (md: string) => [...md.matchAll(/<code>(.*?)<\/code>/g)].map((m) => m[1]!.replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n))));

describe('--format markdown escapes what the repository controls', () => {
  it('paths render as written: no HTML, mention, link, image, pipe or line break gets through', async () => {
    const dir = tmp();
    const nasty = '@octocat <img src=x onerror=alert(1)> ![i](http:x) [l](http:y) a|b `c` _e_ *f* &amp;\nnext';
    mkdirSync(join(dir, nasty));
    writeFileSync(join(dir, nasty, 'Dockerfile'), GO);
    const out = (await run(dir, ['--format', 'markdown', '.'])).stdout;
    // the diff's own headers name the path too, inside the fenced block, where nothing renders
    const outside = out.replace(/^(`{3,})diff\n[\s\S]*?\n\1$/m, '');
    expect(outside.length).toBeLessThan(out.length);
    for (const raw of ['@octocat', '<img', '![', '](', '`c`', '_e_', '*f*', '&amp;', 'a|b']) expect(outside).not.toContain(raw);
    const row = out.split('\n').find((l) => l.includes('| changed |'))!;
    // four cells (file, status, stages, saves): no pipe of the path adds one
    expect(row.split('|')).toHaveLength(6);
    expect(codes(out)).toContain(`${nasty}/Dockerfile`);
    expect(out).toContain(`<details><summary>${markdownCode(`${nasty}/Dockerfile`)}</summary>`);
  });

  it('a diff line of backticks cannot close the fence', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'Dockerfile'), GO.replace('CMD', '# ```\n# ``````\nCMD'));
    const out = (await run(dir, ['--format', 'markdown', '.'])).stdout;
    const open = out.match(/^(`{3,})diff$/m)!;
    expect(open[1]!.length).toBe(7);
    // CommonMark: a closing fence is up to 3 spaces, then at least as many backticks as the opening
    const body = out.slice(out.indexOf(open[0]) + open[0].length);
    const closing = body.split('\n').findIndex((l) => /^ {0,3}`+\s*$/.test(l) && l.trim().length >= open[1]!.length);
    expect(body.split('\n').slice(0, closing).join('\n')).toContain(' # ``````');
    expect(markdownFence('a\n```\nb', 'diff')).toBe('````diff\na\n```\nb\n````');
    expect(markdownFence('plain', '')).toBe('```\nplain\n```');
  });
});

describe('paths named like flags', () => {
  it('`dfsplit *` with a file called --write refuses, and writes nothing', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'Dockerfile'), GO);
    writeFileSync(join(dir, '--write'), GO);
    const glob = readdirSync(dir).sort();
    expect(glob[0]).toBe('--write');
    const r = await run(dir, glob);
    expect(r.code).toBe(2);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatch(/^dfsplit: --write: .*named like an option.*-- .*\.\//);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(GO);
    expect(readFileSync(join(dir, '--write'), 'utf8')).toBe(GO);
  });

  it('after --, such a name is a path (and so are the others)', async () => {
    const dir = tmp();
    writeFileSync(join(dir, '--write'), GO);
    const r = await run(dir, ['--check', '--', '--write']);
    expect(r.code).toBe(1);
    expect(r.lines).toEqual(['--write: changed']);
    expect(readFileSync(join(dir, '--write'), 'utf8')).toBe(GO);
    expect((await run(dir, ['--stdout', '--', '--write'])).froms).toHaveLength(2);
  });
});

describe('a closed standard output', () => {
  it('`dfsplit . | head` ends the run quietly: exit 0, nothing on stderr', async () => {
    const dir = tmp();
    for (let i = 0; i < 200; i++) {
      mkdirSync(join(dir, `s${i}`));
      writeFileSync(join(dir, `s${i}`, 'Dockerfile'), GO.replaceAll('/app', `/app${i}`));
    }
    for (const args of [
      ['--quiet', '.'],
      ['--quiet', '--jobs', '1', '.'],
      ['explain', '.'],
    ]) {
      const child = spawn(process.execPath, [CLI, ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
      });
      // like head: read the first chunk, then close the pipe
      child.stdout.once('data', () => child.stdout.destroy());
      const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
      expect(stderr, args.join(' ')).toBe('');
      expect(code, args.join(' ')).toBe(0);
    }
    // the run ends there: the status lines stop short of the 200 files, and no summary line follows
    const r = spawn(process.execPath, [CLI, '.'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    r.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    r.stdout.once('data', () => r.stdout.destroy());
    expect(await new Promise<number | null>((resolve) => r.on('close', (c) => resolve(c)))).toBe(0);
    const lines = stderr.split('\n').filter(Boolean);
    expect(
      lines.every((l) => /^s\d+\/Dockerfile: changed$/.test(l)),
      stderr,
    ).toBe(true);
    expect(lines.length).toBeLessThan(200);
  }, 60_000);

  it('--check still gives its verdict on every file when the reader stops early', async () => {
    const dir = tmp();
    // 199 files that stay as they are, and the last one walked (s99) would change
    for (let i = 0; i < 200; i++) {
      mkdirSync(join(dir, `s${i}`));
      writeFileSync(join(dir, `s${i}`, 'Dockerfile'), i === 99 ? GO : 'FROM alpine:3.19\nCMD ["sh"]\n');
    }
    const child = spawn(process.execPath, [CLI, '--check', '--format', 'ndjson', '--jobs', '1', '.'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.stdout.once('data', () => child.stdout.destroy());
    expect(await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)))).toBe(1);
    expect(stderr).toBe('');
  }, 60_000);
});

describe('--jobs', () => {
  for (const bad of ['abc', '-1', '1.5', '', ' ', '1e9', '0x10', '0b1']) {
    it(`--jobs ${JSON.stringify(bad)}: a usage error, exit 2`, async () => {
      const dir = tmp();
      writeFileSync(join(dir, 'Dockerfile'), GO);
      const r = await run(dir, ['--jobs', bad, 'Dockerfile']);
      expect(r.code).toBe(2);
      expect(r.lines).toEqual(['dfsplit: --jobs takes a whole number of worker threads, 0 or more (0: automatic)']);
      expect(r.stdout).toBe('');
    });
  }

  it('is capped at twice the cores (at most 64)', () => {
    expect(maxJobs()).toBe(Math.min(64, 2 * availableParallelism()));
    expect(poolSize(1000, 10_000)).toBe(maxJobs());
    expect(poolSize(3, 10_000)).toBe(Math.min(3, maxJobs()));
    expect(poolSize(1000, 2)).toBe(2);
    expect(poolSize(0, 10)).toBe(1);
  });
});

describe('the pool keeps results in order without piling them up behind a slow one', () => {
  it(`at most ${AHEAD_PER_WORKER} finished or running results per worker wait for a slow first item`, async () => {
    let finished = 0;
    let consumed = 0;
    let mostWaiting = 0;
    const worker = (): PoolWorker<number> => {
      let answer: (id: number, r: number) => void = () => {};
      return {
        send(id) {
          setTimeout(
            () => {
              finished++;
              mostWaiting = Math.max(mostWaiting, finished - consumed);
              answer(id, id * 10);
            },
            id === 0 ? 300 : 1,
          );
        },
        onResult(h) {
          answer = h;
        },
        onError() {},
      };
    };
    const workers = [worker(), worker()];
    const got: number[] = [];
    for await (const r of inOrder(200, workers)) {
      got.push(r);
      consumed++;
    }
    expect(got).toEqual(Array.from({ length: 200 }, (_, i) => i * 10));
    expect(mostWaiting).toBeGreaterThan(1);
    expect(mostWaiting).toBeLessThanOrEqual(AHEAD_PER_WORKER * workers.length);
  });
});

describe('inputs that never end or block', () => {
  it('a FIFO, named or as the file to write, is refused at once instead of blocking the run', () => {
    const dir = tmp();
    expect(spawnSync('mkfifo', [join(dir, 'Dockerfile')]).status).toBe(0);
    for (const args of [['Dockerfile'], ['--write', 'Dockerfile']]) {
      const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
      expect(r.error, 'it blocked').toBeUndefined();
      expect(r.status).toBe(2);
      expect(r.stderr.split('\n').filter(Boolean)).toEqual(['dfsplit: Dockerfile: is not a regular file (a FIFO, device or socket); not reading it']);
    }
  });

  it('/dev/zero, named or on standard input, ends with too-large instead of filling memory', () => {
    const named = spawnSync(process.execPath, [CLI, '/dev/zero'], { encoding: 'utf8', timeout: 20_000 });
    expect(named.error, 'it did not end').toBeUndefined();
    expect(named.status).toBe(2);
    expect(named.stderr).toMatch(/is not a regular file/);
    const piped = spawnSync('sh', ['-c', `exec "$0" "$1" - </dev/zero`, process.execPath, CLI], { encoding: 'utf8', timeout: 20_000 });
    expect(piped.error, 'it did not end').toBeUndefined();
    expect(piped.status).toBe(2);
    expect(piped.stderr.split('\n').filter(Boolean)).toEqual([`dfsplit: <stdin>: input is more than ${2 * 1024 * 1024} bytes; dfsplit reads Dockerfiles up to ${2 * 1024 * 1024} bytes`]);
  });
});
