// --write on any repository (issue 21): a full disk, a BOM, the file's mode, owner and hard links,
// signals in the write window, stale temporary files, symbolic links on the way, and the walk's order.
// Each case in its own temp dir; the CLI runs in-process (test/shared.ts) but where the process itself is
// what is tested (umask, another user, signals, its PID, the locale): there the built CLI (node dist/src/cli.js).
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeAtomic } from '../src/files.js';
import { dfsplit } from './shared.js';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'src', 'cli.js');
const IS_ROOT = process.getuid?.() === 0;

const GO = 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app/server .\nCMD ["/app/server"]\n';
const BOM = '\uFEFF';

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'dfsplit-write-'));
}

const ENV = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };

/** The built CLI in a process of its own: its environment, user, umask (`shell` runs first) and PID are what the case tests. */
function spawned(cwd: string, args: string[], opts: { env?: NodeJS.ProcessEnv; uid?: number; gid?: number; shell?: string } = {}) {
  const command = opts.shell ? (['sh', ['-c', `${opts.shell}; exec "$0" "$@"`, process.execPath, CLI, ...args]] as const) : ([process.execPath, [CLI, ...args]] as const);
  const r = spawnSync(command[0], [...command[1]], { cwd, encoding: 'utf8', env: { ...ENV, ...opts.env }, ...(opts.uid !== undefined ? { uid: opts.uid, gid: opts.gid ?? opts.uid } : {}) });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, errors: r.stderr.split('\n').filter((l) => l.startsWith('dfsplit: ')) };
}

async function run(cwd: string, args: string[]) {
  const r = await dfsplit(cwd, args);
  return { ...r, errors: r.lines.filter((l) => l.startsWith('dfsplit: ')) };
}

/** Bytes, mtime, mode, owner and inode: everything that shows a file was touched. */
function snapshot(path: string) {
  const st = statSync(path);
  return { bytes: readFileSync(path).toString('base64'), mtimeMs: st.mtimeMs, mode: st.mode, uid: st.uid, gid: st.gid, ino: st.ino };
}

function tempFilesIn(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.includes('.dfsplit-') || f.endsWith('.tmp'));
}

const conversions = new Map<string, string>();

/** What dfsplit makes of `text` (with --stdout, in a fresh directory). */
async function converted(text: string): Promise<string> {
  const known = conversions.get(text);
  if (known !== undefined) return known;
  const dir = tmp();
  writeFileSync(join(dir, 'Dockerfile'), text);
  const r = await run(dir, ['--stdout', 'Dockerfile']);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toMatch(/ AS builder/);
  conversions.set(text, r.stdout);
  return r.stdout;
}

describe('a nearly full disk (a real short write on a 64 KiB tmpfs)', () => {
  let mnt: string | null = null;
  afterAll(() => {
    if (mnt) spawnSync('umount', ['-l', mnt]);
  });

  it('--write fails with one line and exit 2, leaves the original as it was and no temporary file', async (ctx) => {
    if (!IS_ROOT) ctx.skip('mounting a tmpfs needs root');
    mnt = tmp();
    const m = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mnt], { encoding: 'utf8' });
    expect(m.status, m.stderr).toBe(0);
    // about 50 KB: 13 of the 16 pages; its conversion (a little longer) does not fit in the other 3
    const text = `${'# a long comment line that pads the file towards fifty kilobytes, as large real ones do\n'.repeat(560)}${GO}`;
    const file = join(mnt, 'Dockerfile');
    writeFileSync(file, text);
    expect(statSync(file).size).toBeGreaterThan(48_000);
    const before = snapshot(file);
    const r = await run(mnt, ['--write', 'Dockerfile']);
    // one line: no `Dockerfile: changed` before the error
    expect(r.stderr.split('\n').filter(Boolean)).toEqual(['dfsplit: Dockerfile: cannot write: no space left on device; left as it was']);
    expect(r.code).toBe(2);
    expect(snapshot(file)).toEqual(before);
    expect(tempFilesIn(mnt)).toEqual([]);
    // the same file is written where there is room: the failure was the disk's
    const roomy = tmp();
    writeFileSync(join(roomy, 'Dockerfile'), text);
    expect((await run(roomy, ['--write', 'Dockerfile'])).code).toBe(0);
    expect(readFileSync(join(roomy, 'Dockerfile'), 'utf8')).toBe(await converted(text));
  });
});

describe('a UTF-8 BOM survives --write, --stdout and the diff', () => {
  it('--write writes the BOM and the conversion, with LF and with CRLF line ends', async () => {
    for (const text of [GO, GO.replace(/\n/g, '\r\n')]) {
      const dir = tmp();
      const file = join(dir, 'Dockerfile');
      writeFileSync(file, BOM + text);
      const r = await run(dir, ['--write', 'Dockerfile']);
      expect(r.errors).toEqual([]);
      expect(r.code).toBe(0);
      const written = readFileSync(file);
      expect([...written.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(written.toString('utf8')).toBe(BOM + (await converted(text)));
      if (text !== GO)
        expect(
          written
            .toString('utf8')
            .split('\r\n')
            .every((l) => !l.includes('\n')),
        ).toBe(true);
      // a fixed point, BOM included
      expect((await run(dir, ['--check', 'Dockerfile'])).code).toBe(0);
    }
  });

  it('--stdout prints the BOM', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'Dockerfile'), BOM + GO);
    const r = await run(dir, ['--stdout', 'Dockerfile']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(BOM + (await converted(GO)));
  });

  it('the diff applies with patch -p1 and git apply and gives what --write gives, BOM included', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'Dockerfile'), BOM + GO);
    const diff = (await run(dir, ['Dockerfile'])).stdout;
    expect(diff).toContain(`\n-${BOM}FROM golang:1.22\n+${BOM}FROM golang:1.22 AS builder\n`);
    for (const tool of [
      ['patch', '-p1', '-s'],
      ['git', 'apply', '-'],
    ]) {
      const copy = tmp();
      writeFileSync(join(copy, 'Dockerfile'), BOM + GO);
      const r = spawnSync(tool[0]!, tool.slice(1), { cwd: copy, input: diff, encoding: 'utf8' });
      expect(r.status, `${tool[0]}: ${r.stderr}`).toBe(0);
      expect(readFileSync(join(copy, 'Dockerfile'), 'utf8'), tool[0]).toBe(BOM + (await converted(GO)));
    }
  });
});

describe("the file's mode, owner and hard links", () => {
  it('keeps the mode exactly, whatever the umask (0664 and 0600 under umask 077, 0755 under 022)', async () => {
    for (const [mode, umask] of [
      [0o664, '077'],
      [0o600, '077'],
      [0o755, '022'],
    ] as const) {
      const dir = tmp();
      const file = join(dir, 'Dockerfile');
      writeFileSync(file, GO);
      chmodSync(file, mode);
      const r = spawned(dir, ['--write', 'Dockerfile'], { shell: `umask ${umask}` });
      expect(r.code, r.stderr).toBe(0);
      expect(readFileSync(file, 'utf8')).toBe(await converted(GO));
      expect((statSync(file).mode & 0o7777).toString(8), `mode ${mode.toString(8)}, umask ${umask}`).toBe(mode.toString(8));
    }
  });

  it("keeps the owner and group (root writing another user's file)", async (ctx) => {
    if (!IS_ROOT) ctx.skip('giving a file to another user needs root');
    const dir = tmp();
    const file = join(dir, 'Dockerfile');
    writeFileSync(file, GO);
    chownSync(file, 1234, 2345);
    const r = await run(dir, ['--write', 'Dockerfile']);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(await converted(GO));
    expect([statSync(file).uid, statSync(file).gid]).toEqual([1234, 2345]);
  });

  it('refuses a file whose owner the user running it cannot keep', (ctx) => {
    if (!IS_ROOT) ctx.skip('running as another user needs root');
    const dir = tmp();
    chmodSync(dir, 0o777);
    const file = join(dir, 'Dockerfile');
    writeFileSync(file, GO);
    chmodSync(file, 0o666);
    chownSync(file, 4321, 4321);
    const before = snapshot(file);
    const r = spawned(dir, ['--write', 'Dockerfile'], { uid: 1234 });
    expect(r.errors).toEqual(['dfsplit: Dockerfile: is owned by 4321:4321, which dfsplit cannot give the new file (operation not permitted); not writing it']);
    expect(r.code).toBe(2);
    expect(snapshot(file)).toEqual(before);
    expect(tempFilesIn(dir)).toEqual([]);
  });

  it('refuses a file with hard links, with one line, and leaves every name as it was', async () => {
    const dir = tmp();
    const file = join(dir, 'Dockerfile');
    writeFileSync(file, GO);
    mkdirSync(join(dir, 'other'));
    linkSync(file, join(dir, 'other', 'Dockerfile'));
    const before = snapshot(file);
    const r = await run(dir, ['--write', 'Dockerfile']);
    // one line: no `Dockerfile: changed` before the error
    expect(r.stderr.split('\n').filter(Boolean)).toEqual(['dfsplit: Dockerfile: has 2 hard links, which writing it would break; not writing it']);
    expect(r.code).toBe(2);
    expect(snapshot(file)).toEqual(before);
    expect(snapshot(join(dir, 'other', 'Dockerfile'))).toEqual(before);
    expect(tempFilesIn(dir)).toEqual([]);
  });
});

describe('symbolic links on the way to the file', () => {
  function outside(): { dir: string; file: string; before: ReturnType<typeof snapshot> } {
    const dir = tmp();
    const file = join(dir, 'Dockerfile');
    writeFileSync(file, GO);
    return { dir, file, before: snapshot(file) };
  }

  it('a symlinked directory leading out of the current directory is refused, named or globbed', async () => {
    const elsewhere = outside();
    const dir = tmp();
    symlinkSync(elsewhere.dir, join(dir, 'lndir'));
    for (const arg of ['lndir/Dockerfile', 'lndir/*']) {
      const r = await run(dir, ['--write', arg]);
      expect(r.errors, arg).toEqual([`dfsplit: lndir/Dockerfile: leads through a symbolic link to ${elsewhere.file}, outside ${dir}; not writing through it`]);
      expect(r.code).toBe(2);
    }
    expect(snapshot(elsewhere.file)).toEqual(elsewhere.before);
    expect(tempFilesIn(elsewhere.dir)).toEqual([]);
  });

  it('a symlinked file leading out of the current directory is refused, also inside a symlinked directory', async () => {
    const elsewhere = outside();
    const dir = tmp();
    symlinkSync(elsewhere.file, join(dir, 'Dockerfile'));
    mkdirSync(join(dir, 'real'));
    symlinkSync(elsewhere.file, join(dir, 'real', 'Dockerfile'));
    symlinkSync('real', join(dir, 'inner'));
    for (const arg of ['Dockerfile', 'inner/Dockerfile']) {
      const r = await run(dir, ['--write', arg]);
      expect(r.errors, arg).toEqual([`dfsplit: ${arg}: is a symbolic link to ${elsewhere.file}, outside ${dir}; not writing through it`]);
      expect(r.code).toBe(2);
    }
    expect(snapshot(elsewhere.file)).toEqual(elsewhere.before);
  });

  it('links that stay inside are written through (the link stays a link); a path named without a link may lead anywhere', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'real'));
    writeFileSync(join(dir, 'real', 'Dockerfile'), GO);
    symlinkSync('real', join(dir, 'lndir'));
    symlinkSync('real/Dockerfile', join(dir, 'Dockerfile'));
    expect((await run(dir, ['--write', 'lndir/Dockerfile'])).code).toBe(0);
    expect(readFileSync(join(dir, 'real', 'Dockerfile'), 'utf8')).toBe(await converted(GO));
    writeFileSync(join(dir, 'real', 'Dockerfile'), GO);
    expect((await run(dir, ['--write', 'Dockerfile'])).code).toBe(0);
    expect(readFileSync(join(dir, 'real', 'Dockerfile'), 'utf8')).toBe(await converted(GO));
    expect(lstatSync(join(dir, 'lndir')).isSymbolicLink() && lstatSync(join(dir, 'Dockerfile')).isSymbolicLink()).toBe(true);
    const sibling = outside();
    const r = await run(dir, ['--write', join(sibling.dir, 'Dockerfile')]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(sibling.file, 'utf8')).toBe(await converted(GO));
  });

  // `..` after a symbolic link climbs from where the link leads, as the kernel reads the path, not as
  // path.resolve (or Node's JS realpathSync, which starts with it) collapses the text
  it('`..` after a symlinked directory: the file written is the one the kernel read, not the lexical one', async () => {
    const top = tmp();
    const dir = join(top, 'cwd');
    mkdirSync(join(dir, 'b', 'c'), { recursive: true });
    mkdirSync(join(dir, 'out'));
    mkdirSync(join(top, 'out'));
    symlinkSync('b/c', join(dir, 'a'));
    writeFileSync(join(dir, 'out', 'Dockerfile'), GO);
    writeFileSync(join(top, 'out', 'Dockerfile'), GO);
    const lexical = snapshot(join(top, 'out', 'Dockerfile'));
    // the kernel: a/../.. is b/c/../.. is the current directory
    const r = await run(dir, ['--write', 'a/../../out/Dockerfile']);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'out', 'Dockerfile'), 'utf8')).toBe(await converted(GO));
    expect(snapshot(join(top, 'out', 'Dockerfile'))).toEqual(lexical);
    expect(tempFilesIn(join(top, 'out'))).toEqual([]);
  });

  it('`..` after a symlinked directory that ends outside the current directory is refused, though the text stays inside', async () => {
    const top = tmp();
    const dir = join(top, 'cwd');
    mkdirSync(join(top, 'x', 'y'), { recursive: true });
    mkdirSync(dir);
    symlinkSync('../x/y', join(dir, 'a'));
    writeFileSync(join(top, 'x', 'Dockerfile'), GO);
    writeFileSync(join(dir, 'Dockerfile'), GO);
    const kernel = snapshot(join(top, 'x', 'Dockerfile'));
    const lexical = snapshot(join(dir, 'Dockerfile'));
    // the kernel: a/.. is x, outside; the text a/.. is the current directory
    const r = await run(dir, ['--write', 'a/../Dockerfile']);
    expect(r.errors).toEqual([`dfsplit: a/../Dockerfile: leads through a symbolic link to ${join(top, 'x', 'Dockerfile')}, outside ${dir}; not writing through it`]);
    expect(r.code).toBe(2);
    expect(snapshot(join(top, 'x', 'Dockerfile'))).toEqual(kernel);
    expect(snapshot(join(dir, 'Dockerfile'))).toEqual(lexical);
    expect(tempFilesIn(join(top, 'x'))).toEqual([]);
  });
});

describe('temporary files', () => {
  /**
   * `--write a b` with the test-only delay between writing a temporary file and renaming it
   * (DFSPLIT_TEST_WRITE_DELAY_MS); `signal` is sent once a/'s temporary file exists.
   */
  async function interrupted(signal: NodeJS.Signals) {
    const dir = tmp();
    for (const d of ['a', 'b']) {
      mkdirSync(join(dir, d));
      writeFileSync(join(dir, d, 'Dockerfile'), GO);
    }
    const child = spawn(process.execPath, [CLI, '--write', 'a', 'b'], { cwd: dir, env: { ...ENV, DFSPLIT_TEST_WRITE_DELAY_MS: '1500' }, stdio: 'ignore' });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.on('exit', (code, sig) => r({ code, signal: sig })));
    const a = join(dir, 'a');
    const deadline = Date.now() + 20_000;
    while (tempFilesIn(a).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(tempFilesIn(a), 'the temporary file never appeared').toHaveLength(1);
    child.kill(signal);
    return { dir, ...(await exited) };
  }

  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    it(`${signal} in the write window leaves no temporary file, the file whole, the next file untouched, and dfsplit dies of it`, async () => {
      const r = await interrupted(signal);
      expect(r).toMatchObject({ code: null, signal });
      expect(tempFilesIn(join(r.dir, 'a'))).toEqual([]);
      expect(readFileSync(join(r.dir, 'a', 'Dockerfile'), 'utf8')).toBe(await converted(GO));
      expect(readFileSync(join(r.dir, 'b', 'Dockerfile'), 'utf8')).toBe(GO);
      expect(tempFilesIn(join(r.dir, 'b'))).toEqual([]);
    });
  }

  it('a later run removes the temporary files of runs that died, and no others', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'Dockerfile'), GO);
    const dead = spawnSync('true').pid;
    const stale = `.Dockerfile.dfsplit-${dead}-1700000000000.tmp`;
    const live = `.Dockerfile.dfsplit-${process.pid}-1700000000000.tmp`;
    const otherFile = `.Other.dfsplit-${dead}-1700000000000.tmp`;
    const notOurs = `.Dockerfile.dfsplit-backup.tmp`;
    for (const f of [stale, live, otherFile, notOurs]) writeFileSync(join(dir, f), 'half a file');
    const r = spawned(dir, ['--write', 'Dockerfile']);
    expect(r.code, r.stderr).toBe(0);
    expect(tempFilesIn(dir).sort()).toEqual([live, otherFile, notOurs].sort());
  });

  it("a stale temporary file with this process's own PID (a PID used again) is removed too", () => {
    const dir = tmp();
    const file = join(dir, 'Dockerfile');
    writeFileSync(file, GO);
    writeFileSync(join(dir, `.Dockerfile.dfsplit-${process.pid}-1700000000000.tmp`), 'half a file');
    writeAtomic(file, 'FROM x\n', GO, dir);
    expect(readFileSync(file, 'utf8')).toBe('FROM x\n');
    expect(tempFilesIn(dir)).toEqual([]);
  });
});

describe("the walk's order", () => {
  it("lists files in code point order in every locale, not localeCompare's or UTF-16's", () => {
    const dir = tmp();
    const names = ['a', 'B', '_x', '\uFF21', '\u{1F600}'];
    for (const n of names) {
      mkdirSync(join(dir, n));
      writeFileSync(join(dir, n, 'Dockerfile'), GO);
    }
    const want = ['B', '_x', 'a', '\uFF21', '\u{1F600}'].map((n) => `${n}/Dockerfile`);
    for (const locale of ['en_US.UTF-8', 'sv_SE.UTF-8', 'C']) {
      for (const arg of ['.', '*/Dockerfile']) {
        const r = spawned(dir, ['--json', arg], { env: { LC_ALL: locale, LANG: locale } });
        expect(r.code, r.stderr).toBe(0);
        expect(
          (JSON.parse(r.stdout) as { files: { path: string }[] }).files.map((f) => f.path),
          `${locale} ${arg}`,
        ).toEqual(want);
      }
    }
  });
});
