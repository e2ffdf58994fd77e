// Finding, reading and safely writing Dockerfiles. Reads refuse what is not UTF-8 text; writes go to
// a temporary file in the same directory and are renamed over the original (atomic on POSIX).
import { closeSync, fchmodSync, fchownSync, fstatSync, fsyncSync, readSync, lstatSync, openSync, readdirSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, accessSync, constants } from 'node:fs';
import { basename, dirname, join, relative, resolve, isAbsolute, sep } from 'node:path';
import { glob } from 'tinyglobby';
import ignore, { type Ignore } from 'ignore';
import { InputError } from './errors.js';
import { MAX_BYTES } from './parse.js';
import { isInside } from './paths.js';

// Names people give Dockerfiles (Renovate's dockerfile manager matches the same families): a
// `Dockerfile`/`Containerfile` stem with a suffix after `.`, `-` or `_`, or such a suffix on any name.
const STEM = /^(docker|container)file([._-].+)?$/i;
const SUFFIX = /[._-](docker|container)file$/i;
// Extensions that such patterns catch but that are never Dockerfiles: documentation, templates that
// still need rendering, BuildKit's per-Dockerfile ignore files, images, archives, scripts, patches.
const NOT_DOCKERFILE = /\.(md|markdown|rst|txt|adoc|html?|pdf|j2|jinja2?|tpl|tmpl|template|mustache|hbs|erb|ejs|in|m4|dockerignore|ignore|png|jpe?g|gif|svg|ico|webp|zip|t?gz|tar|xz|bz2|sh|bash|ps1|bat|py|js|mjs|ts|go|rb|json|ya?ml|toml|ini|cfg|conf|lock|log|patch|diff|sig|asc|sha256|md5)$/i;

/** True for names dfsplit treats as Dockerfiles when walking a directory. */
function isDockerfileName(name: string): boolean {
  // editor backups and leftovers (`Dockerfile.bak`, `Dockerfile~`, our own temp files) are not Dockerfiles
  if (/(~|\.(bak|orig|rej|swp|tmp|old))$/i.test(name) || name.startsWith('.')) return false;
  if (NOT_DOCKERFILE.test(name) && !SUFFIX.test(name)) return false;
  return STEM.test(name) || SUFFIX.test(name);
}

const INSTRUCTION = /^(FROM|ARG|RUN|CMD|LABEL|MAINTAINER|EXPOSE|ENV|ADD|COPY|ENTRYPOINT|VOLUME|USER|WORKDIR|ONBUILD|STOPSIGNAL|HEALTHCHECK|SHELL)(\s|$)/i;

/**
 * A quick look at a walked file's text: true when its first line that is not blank or a comment starts
 * with a Dockerfile instruction. A file with no instruction at all (empty, only comments) counts too:
 * it gets a clear error rather than being skipped in silence.
 */
function looksLikeDockerfile(text: string): boolean {
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const t = line.trim();
    if (t === '' || t.startsWith('#')) continue;
    return INSTRUCTION.test(t);
  }
  return true;
}

const SKIP_DIRS = new Set(['.git', 'node_modules']);

/** How walking a directory honours ignore files (gitignore syntax, read with the `ignore` package). */
export interface IgnoreOptions {
  /** False with --no-ignore: no ignore file or pattern is read, only .git is skipped. */
  enabled: boolean;
  /** --ignore-path: these files (relative to the current directory) instead of .gitignore/.dfsplitignore. */
  paths: readonly string[];
  /** --ignore-pattern: more patterns, relative to the current directory. */
  patterns: readonly string[];
}

export const DEFAULT_IGNORE: IgnoreOptions = { enabled: true, paths: [], patterns: [] };

/** The ignore files looked for in every walked directory, unless --ignore-path names others. */
const IGNORE_FILES = ['.gitignore', '.dfsplitignore'];

/** Rules of one ignore file (or the command line's patterns), relative to the directory they apply in. */
interface Rules {
  base: string;
  ig: Ignore;
}

function rulesFrom(file: string, base: string): Rules | null {
  try {
    return { base, ig: ignore().add(readFileSync(file, 'utf8')) };
  } catch {
    return null;
  }
}

/** Whether the rules, from the outermost directory in, leave `path` ignored (a deeper `!pattern` re-includes). */
function ignoredBy(rules: readonly Rules[], path: string, isDir: boolean): boolean {
  let ignored = false;
  for (const r of rules) {
    const rel = relative(r.base, path);
    if (!rel || rel.startsWith('..') || isAbsolute(rel)) continue;
    const t = r.ig.test(isDir ? `${rel}/` : rel);
    if (t.ignored) ignored = true;
    else if (t.unignored) ignored = false;
  }
  return ignored;
}

/**
 * `path` as the file system reads it from the directory `cwd`: joined by text, not by path.resolve, so
 * that `..` after a symbolic link climbs from where the link leads, as it does for a relative path.
 */
export function inDir(cwd: string, path: string): string {
  return isAbsolute(path) ? path : `${cwd}${cwd.endsWith(sep) ? '' : sep}${path}`;
}

/** The rules that apply from the current directory: --ignore-path files and --ignore-pattern. */
function rootRules(opts: IgnoreOptions, cwd: string): Rules[] {
  if (!opts.enabled) return [];
  const rules = opts.paths.map((p) => rulesFrom(resolve(cwd, p), cwd)).filter((r): r is Rules => r !== null);
  if (opts.patterns.length) rules.push({ base: cwd, ig: ignore().add([...opts.patterns]) });
  return rules;
}

/**
 * Expand the command line's paths, directories and globs into files, relative to `cwd` as they were
 * given (the paths returned are relative when the arguments were). `-` stays `-` (stdin).
 */
export async function expandInputs(args: readonly string[], opts: IgnoreOptions = DEFAULT_IGNORE, cwd: string = process.cwd()): Promise<{ files: string[]; errors: InputError[]; skipped: string[] }> {
  const base = rootRules(opts, cwd);
  const files: string[] = [];
  const errors: InputError[] = [];
  // walked files whose name looks like a Dockerfile but whose text does not: skipped, and counted
  const skipped: string[] = [];
  for (const arg of args) {
    if (arg === '-') {
      files.push('-');
      continue;
    }
    let st;
    try {
      st = statSync(inDir(cwd, arg));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') {
        errors.push(new InputError('symlink-loop', 'symbolic link loop', undefined, arg));
        continue;
      }
      if (code === 'ENOENT' && /[*?[{]/.test(arg)) {
        const matches = (await glob(arg, { cwd, ignore: ['**/node_modules/**', '**/.git/**'], onlyFiles: true })).sort(byCodePoint).filter((m) => !ignoredBy(base, resolve(cwd, m), false));
        if (matches.length) files.push(...matches);
        else errors.push(new InputError('no-match', 'no file matches this pattern', undefined, arg));
        continue;
      }
      errors.push(new InputError('unreadable', code === 'ENOENT' ? 'no such file or directory' : `cannot read (${code ?? 'error'})`, undefined, arg));
      continue;
    }
    if (st.isDirectory()) files.push(...walk(arg, skipped, base, opts, cwd));
    else files.push(arg);
  }
  return { files: [...new Set(files)], errors, skipped };
}

function walk(dir: string, skipped: string[], inherited: readonly Rules[], opts: IgnoreOptions, cwd: string): string[] {
  const out: string[] = [];
  let entries;
  try {
    entries = readdirSync(inDir(cwd, dir), { withFileTypes: true });
  } catch {
    return out;
  }
  const abs = resolve(cwd, dir);
  const rules = opts.enabled && !opts.paths.length ? [...inherited, ...IGNORE_FILES.map((f) => rulesFrom(join(abs, f), abs)).filter((r): r is Rules => r !== null)] : inherited;
  for (const e of entries.sort((a, b) => byCodePoint(a.name, b.name))) {
    const path = join(dir, e.name);
    // symbolic links are not followed while walking: no loops, no escaping the tree
    if (e.isDirectory()) {
      if (e.name === '.git' || (opts.enabled && SKIP_DIRS.has(e.name)) || ignoredBy(rules, join(abs, e.name), true)) continue;
      out.push(...walk(path, skipped, rules, opts, cwd));
    } else if (e.isFile() && isDockerfileName(e.name) && !ignoredBy(rules, join(abs, e.name), false)) {
      (sniff(inDir(cwd, path)) ? out : skipped).push(path);
    }
  }
  return out;
}

/**
 * Names in code point order (the order of their UTF-8 bytes): the same list in every locale, unlike
 * localeCompare, and unlike `<`, which compares UTF-16 units and puts U+10000 and above before U+E000-U+FFFF.
 */
function byCodePoint(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** The content check on a walked file: its first 8 KiB (unreadable files pass, to get their own error). */
function sniff(path: string): boolean {
  let fd: number | null = null;
  try {
    fd = openSync(path, 'r');
    const buf = Buffer.alloc(8192);
    const n = readSync(fd, buf, 0, buf.length, 0);
    // UTF-16 text passes, to get its own clear error; other bytes with NUL are binary, not Dockerfiles
    if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) return true;
    if (buf.subarray(0, n).includes(0)) return false;
    return looksLikeDockerfile(buf.subarray(0, n).toString('utf8'));
  } catch {
    return true;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** Read a Dockerfile (`path` from the directory `cwd`) as UTF-8 text, or throw an InputError naming what is wrong. */
export function readDockerfile(path: string, cwd: string = process.cwd()): string {
  let buf: Buffer;
  try {
    const st = statSync(inDir(cwd, path));
    if (st.isDirectory()) throw new InputError('is-directory', 'is a directory, not a Dockerfile', undefined, path);
    // a FIFO would block the run for good, a device (/dev/zero) never ends: only regular files are read
    if (!st.isFile()) throw new InputError('not-regular', 'is not a regular file (a FIFO, device or socket); not reading it', undefined, path);
    if (st.size > MAX_BYTES) throw new InputError('too-large', `file is ${st.size} bytes; dfsplit reads Dockerfiles up to ${MAX_BYTES} bytes`, undefined, path);
    buf = readFileSync(inDir(cwd, path));
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' ? 'permission denied' : code === 'ELOOP' ? 'symbolic link loop' : code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? 'error'})`;
    throw new InputError('unreadable', why, undefined, path);
  }
  return decode(buf, path);
}

/**
 * Standard input, read up to one byte past the size limit: `dfsplit - </dev/zero` (or an endless pipe)
 * ends with `too-large` instead of filling memory.
 */
export function readStdinBounded(): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.alloc(65536);
  for (;;) {
    let n: number;
    try {
      n = readSync(0, chunk, 0, chunk.length, null);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
        continue;
      }
      if (code === 'EOF') break;
      throw new InputError('unreadable', `cannot read (${code ?? 'error'})`, undefined, '<stdin>');
    }
    if (n === 0) break;
    chunks.push(Buffer.from(chunk.subarray(0, n)));
    total += n;
    if (total > MAX_BYTES) throw new InputError('too-large', `input is more than ${MAX_BYTES} bytes; dfsplit reads Dockerfiles up to ${MAX_BYTES} bytes`, undefined, '<stdin>');
  }
  return Buffer.concat(chunks);
}

/** Decode bytes as UTF-8, refusing binary, UTF-16 and invalid UTF-8 with the line where it goes wrong. */
export function decode(buf: Buffer, path: string): string {
  if (buf.length > MAX_BYTES) throw new InputError('too-large', `input is ${buf.length} bytes; dfsplit reads Dockerfiles up to ${MAX_BYTES} bytes`, undefined, path);
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) throw new InputError('utf16', 'UTF-16 encoded; save it as UTF-8', 1, path);
  const nul = buf.indexOf(0);
  if (nul >= 0) throw new InputError('binary', 'binary file (contains NUL bytes), not a Dockerfile', lineAt(buf, nul), path);
  try {
    // ignoreBOM keeps a BOM in the text: the parser notes it, the printer writes it back, and --write
    // compares the file's bytes with this text
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buf);
  } catch {
    throw new InputError('invalid-utf8', 'invalid UTF-8', lineAt(buf, firstInvalidUtf8(buf)), path);
  }
}

function lineAt(buf: Buffer, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < buf.length; i++) if (buf[i] === 0x0a) line++;
  return line;
}

function firstInvalidUtf8(buf: Buffer): number {
  const dec = new TextDecoder('utf-8', { fatal: true });
  let lo = 0;
  let hi = buf.length;
  // binary search for the shortest invalid prefix (a prefix ending mid-character may look invalid; good enough for a line number)
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    try {
      dec.decode(buf.subarray(0, mid + 1), { stream: true });
      lo = mid + 1;
    } catch {
      hi = mid;
    }
  }
  return lo;
}

/**
 * Replace `path` with `text` atomically: write a temporary file in the same directory with the file's
 * mode and owner, check that every byte is there, fsync, rename. Refuses read-only files, files with
 * more than one hard link, files changed since `expected` was read, and paths that pass through a
 * symbolic link and end outside `root`. Leaves no temporary file behind on failure. A relative `path`
 * is read from `root` (the current directory of the run).
 */
export function writeAtomic(path: string, text: string, expected: string, root: string = process.cwd()): void {
  let fd: number | null = null;
  let tmp: string | null = null;
  try {
    const target = realTarget(path, root);
    const st = statSync(target);
    // root passes access(W_OK) on any file: a file without write bits is read-only by intent, so refuse it too
    const writable = (() => {
      try {
        accessSync(target, constants.W_OK);
        return true;
      } catch {
        return false;
      }
    })();
    if (!writable || (st.mode & 0o222) === 0) throw new InputError('read-only', 'is read-only; not writing it', undefined, path);
    // the rename gives the path a new file: its other names would keep the old text
    if (st.nlink > 1) throw new InputError('hard-link', `has ${st.nlink} hard links, which writing it would break; not writing it`, undefined, path);
    const current = readFileSync(target);
    if (!current.equals(Buffer.from(expected, 'utf8'))) throw new InputError('changed-meanwhile', 'changed since dfsplit read it; run dfsplit again', undefined, path);
    removeStaleTemps(target);
    const name = join(dirname(target), `.${basename(target)}.dfsplit-${process.pid}-${Date.now()}.tmp`);
    fd = openSync(name, 'wx', 0o600);
    tmp = name;
    const made = fstatSync(fd);
    if (made.uid !== st.uid || made.gid !== st.gid) {
      try {
        fchownSync(fd, st.uid, st.gid);
      } catch (err) {
        throw new InputError('owner', `is owned by ${st.uid}:${st.gid}, which dfsplit cannot give the new file (${reason(err)}); not writing it`, undefined, path);
      }
    }
    // after the chown (which clears set-id bits), and not through open's mode, which the umask trims
    fchmodSync(fd, st.mode & 0o7777);
    // writeSync may write fewer bytes than asked (a nearly full disk): write the rest, or fail on the error that stops it
    const bytes = Buffer.from(text, 'utf8');
    for (let done = 0; done < bytes.length;) {
      const n = writeSync(fd, bytes, done, bytes.length - done);
      if (n <= 0) throw new Error(`wrote ${done} of ${bytes.length} bytes`);
      done += n;
    }
    const size = fstatSync(fd).size;
    if (size !== bytes.length) throw new Error(`the temporary file has ${size} of ${bytes.length} bytes`);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    if (WRITE_DELAY_MS > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, WRITE_DELAY_MS);
    renameSync(tmp, target);
  } catch (err) {
    if (fd !== null) closeSync(fd);
    if (tmp !== null) {
      try {
        unlinkSync(tmp);
      } catch {
        /* already gone */
      }
    }
    if (err instanceof InputError) throw err;
    throw new InputError('write-failed', `cannot write: ${reason(err)}; left as it was`, undefined, path);
  }
}

/**
 * Test only (test/write-safety.test.ts): milliseconds to wait between writing the temporary file and
 * renaming it, to send a signal into that window.
 */
const WRITE_DELAY_MS = Number(process.env.DFSPLIT_TEST_WRITE_DELAY_MS ?? 0);

/** Node's errno message without the code and the system call: `no space left on device`. */
function reason(err: unknown): string {
  const message = (err as Error).message ?? String(err);
  return /^[A-Z0-9]+: ([^,]+),/.exec(message)?.[1] ?? message;
}

/**
 * The file that writing `path` replaces: its real path. A path that passes through a symbolic link (the
 * file itself or any directory on the way) must end inside `root`; a path without one is the user's choice.
 */
function realTarget(path: string, root: string): string {
  // realpath(3), as the kernel resolves the path when dfsplit reads it: `..` after a symbolic link climbs
  // from where the link leads. Node's JS realpathSync first collapses `..` with path.resolve, so
  // `lnk/../x` (lnk -> b/c) would give `./x` where the kernel reads `b/x`: another file than the one read
  const target = realpathSync.native(inDir(root, path));
  if (target === resolve(root, path) || isInside(target, realpathSync.native(root))) return target;
  const how = lstatSync(inDir(root, path)).isSymbolicLink() ? 'is a symbolic link to' : 'leads through a symbolic link to';
  throw new InputError('symlink-escape', `${how} ${target}, outside ${root}; not writing through it`, undefined, path);
}

/**
 * Remove the temporary files that dfsplit runs which died uncleanly (SIGKILL, a power cut) left next to
 * `target`: those whose process is gone, or is this one (a PID used again, as in containers).
 */
function removeStaleTemps(target: string): void {
  const dir = dirname(target);
  const prefix = `.${basename(target)}.dfsplit-`;
  let names: string[];
  // best effort: a directory that cannot be listed can still be written
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = /^(\d+)-\d+\.tmp$/.exec(name.slice(prefix.length))?.[1];
    if (pid === undefined || (Number(pid) !== process.pid && alive(Number(pid)))) continue;
    try {
      unlinkSync(join(dir, name));
    } catch {
      /* removed meanwhile */
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const HELD = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let holding = false;

/**
 * From now on SIGINT, SIGTERM and SIGHUP do not kill the process at once. Node runs a signal's handler
 * only between tasks, and writeAtomic is one synchronous task, so a signal that comes while a file is
 * written is acted on after the rename (or the clean-up), never between the temporary file and the
 * rename. The handler then dies of the same signal, unless another handler takes the signal on (a running
 * `--verify` removes what it made first, then exits). Call signalsAct() where a signal may stop the run.
 */
export function holdSignals(): void {
  if (holding) return;
  holding = true;
  const die = (signal: NodeJS.Signals) => {
    for (const s of HELD) process.off(s, die);
    // raised again, the signal would reach that handler a second time, which means "exit now"
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  for (const s of HELD) process.on(s, die);
}

/**
 * Let a held signal act: signals are read in the event loop's poll phase, and setImmediate runs after
 * it; the first may still run in the current turn's check phase, the second runs after a poll.
 */
export async function signalsAct(): Promise<void> {
  for (let i = 0; i < 2; i++) await new Promise<void>((r) => setImmediate(r));
}

/** How a file is named in messages and reports: relative to the run's current directory. */
export function displayPath(path: string, cwd: string = process.cwd()): string {
  return path === '-' ? '<stdin>' : relative(cwd, resolve(cwd, path)) || path;
}
