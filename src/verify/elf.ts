// Shared-library checks on an image's extracted filesystem: the ELF interpreter and every DT_NEEDED
// library (transitively) must resolve inside the image, the way ld.so would look for them.
// ELF format: https://refspecs.linuxfoundation.org/elf/gabi4+/ch5.dynamic.html
import { closeSync, existsSync, lstatSync, openSync, readdirSync, readFileSync, readlinkSync, readSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
/**
 * Resolve `p` (absolute inside the image) against an extracted root, following symlinks the way the
 * kernel would inside the container (absolute links are relative to the root). Returns the host path
 * of the final target, or null when it does not exist.
 * @public bench/realworld/run.mjs loads it from dist/, out of knip's sight
 */
export function resolveInRoot(root: string, p: string, maxLinks = 40): string | null {
  const todo = posix
    .normalize('/' + p)
    .split('/')
    .filter(Boolean);
  let cur: string[] = [];
  let links = 0;
  while (todo.length) {
    const part = todo.shift()!;
    if (part === '.') continue;
    if (part === '..') {
      cur.pop();
      continue;
    }
    const host = join(root, ...cur, part);
    let st;
    try {
      st = lstatSync(host);
    } catch {
      return null;
    }
    if (st.isSymbolicLink()) {
      if (++links > maxLinks) return null;
      const target = readlinkSync(host);
      if (target.startsWith('/')) cur = [];
      todo.unshift(...target.split('/').filter(Boolean));
    } else {
      cur.push(part);
    }
  }
  const final = join(root, ...cur);
  return existsSync(final) ? final : null;
}

export function pathExistsInRoot(root: string, p: string): boolean {
  return resolveInRoot(root, p) !== null;
}

// ------------------------------------------------------------------ ELF
interface ElfInfo {
  interp?: string;
  needed: string[];
  rpath: string[];
  runpath: string[];
  bits: 32 | 64;
}

/** Parse interpreter and DT_NEEDED/RPATH/RUNPATH of an ELF file; null when not an ELF file. */
function readElf(file: string): ElfInfo | null {
  let buf: Buffer;
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(4);
    if (readSync(fd, head, 0, 4, 0) < 4 || head.toString('latin1') !== '\x7fELF') return null;
    buf = readFileSync(file);
  } finally {
    closeSync(fd);
  }
  const is64 = buf[4] === 2;
  const le = buf[5] === 1;
  const u16 = (o: number) => (le ? buf.readUInt16LE(o) : buf.readUInt16BE(o));
  const u32 = (o: number) => (le ? buf.readUInt32LE(o) : buf.readUInt32BE(o));
  const u64 = (o: number) => Number(le ? buf.readBigUInt64LE(o) : buf.readBigUInt64BE(o));
  const word = is64 ? u64 : u32;
  const phoff = is64 ? u64(0x20) : u32(0x1c);
  const phentsize = u16(is64 ? 0x36 : 0x2a);
  const phnum = u16(is64 ? 0x38 : 0x2c);
  const info: ElfInfo = { needed: [], rpath: [], runpath: [], bits: is64 ? 64 : 32 };
  const loads: { vaddr: number; off: number; filesz: number }[] = [];
  let dyn: { off: number; size: number } | undefined;
  const cstr = (o: number) => {
    let e = o;
    while (e < buf.length && buf[e] !== 0) e++;
    return buf.toString('utf8', o, e);
  };
  for (let i = 0; i < phnum; i++) {
    const ph = phoff + i * phentsize;
    if (ph + phentsize > buf.length) break;
    const type = u32(ph);
    const off = is64 ? u64(ph + 8) : u32(ph + 4);
    const vaddr = is64 ? u64(ph + 16) : u32(ph + 8);
    const filesz = is64 ? u64(ph + 32) : u32(ph + 16);
    if (type === 1) loads.push({ vaddr, off, filesz });
    else if (type === 2) dyn = { off, size: filesz };
    else if (type === 3) info.interp = cstr(off);
  }
  if (!dyn) return info;
  const ent = is64 ? 16 : 8;
  const entries: [number, number][] = [];
  let strtab: number | undefined;
  for (let o = dyn.off; o + ent <= dyn.off + dyn.size && o + ent <= buf.length; o += ent) {
    const tag = word(o);
    const val = word(o + ent / 2);
    if (tag === 0) break;
    if (tag === 5) strtab = val;
    entries.push([tag, val]);
  }
  if (strtab === undefined) return info;
  const seg = loads.find((l) => strtab! >= l.vaddr && strtab! < l.vaddr + l.filesz);
  const strOff = seg ? strtab - seg.vaddr + seg.off : strtab;
  for (const [tag, val] of entries) {
    if (tag === 1) info.needed.push(cstr(strOff + val));
    else if (tag === 15)
      info.rpath.push(
        ...cstr(strOff + val)
          .split(':')
          .filter(Boolean),
      );
    else if (tag === 29)
      info.runpath.push(
        ...cstr(strOff + val)
          .split(':')
          .filter(Boolean),
      );
  }
  return info;
}

/** Directories listed in the image's /etc/ld.so.conf (following include globs of the form dir/*.conf). */
function ldSoConfDirs(root: string): string[] {
  const dirs: string[] = [];
  const seen = new Set<string>();
  const readConf = (p: string) => {
    const host = resolveInRoot(root, p);
    if (!host || seen.has(host)) return;
    seen.add(host);
    for (const raw of readFileSync(host, 'utf8').split('\n')) {
      const line = raw.replace(/#.*/, '').trim();
      if (!line) continue;
      const inc = /^include\s+(.+)$/.exec(line);
      if (inc) {
        const pat = inc[1]!.trim();
        const d = posix.dirname(pat);
        const re = new RegExp(
          '^' +
            posix
              .basename(pat)
              .replace(/[.+^${}()|[\]\\]/g, '\\$&')
              .replace(/\*/g, '.*') +
            '$',
        );
        const hostDir = resolveInRoot(root, d);
        if (!hostDir) continue;
        for (const f of readdirSync(hostDir).sort()) if (re.test(f)) readConf(posix.join(d, f));
      } else dirs.push(line);
    }
  };
  readConf('/etc/ld.so.conf');
  return dirs;
}

const DEFAULT_LIB_DIRS = ['/lib/x86_64-linux-gnu', '/usr/lib/x86_64-linux-gnu', '/lib64', '/usr/lib64', '/lib', '/usr/lib'];

export interface ElfProblem {
  file: string;
  problem: string;
}

/**
 * For every ELF file under `paths` (files or directories, inside the image), check that its program
 * interpreter and all DT_NEEDED libraries (transitively) resolve inside the extracted root, using
 * RPATH/RUNPATH ($ORIGIN), LD_LIBRARY_PATH from the image env, /etc/ld.so.conf and the default dirs.
 */
export function checkElfDeps(root: string, paths: string[], env: Record<string, string> = {}): { checked: string[]; problems: ElfProblem[] } {
  const checked: string[] = [];
  const problems: ElfProblem[] = [];
  const confDirs = ldSoConfDirs(root);
  const ldPath = (env.LD_LIBRARY_PATH ?? '').split(':').filter(Boolean);
  const done = new Set<string>();
  const elfHosts = new Set<string>();

  const files: string[] = [];
  const walk = (inImage: string) => {
    const host = resolveInRoot(root, inImage);
    if (!host) {
      problems.push({ file: inImage, problem: 'path does not exist in image' });
      return;
    }
    const st = statSync(host);
    if (st.isDirectory()) {
      for (const f of readdirSync(host)) {
        const child = posix.join(inImage, f);
        const lst = lstatSync(join(host, f));
        if (lst.isSymbolicLink()) continue;
        if (lst.isDirectory()) walk(child);
        else if (lst.isFile()) files.push(child);
      }
    } else if (st.isFile()) files.push(inImage);
  };
  for (const p of paths) walk(posix.normalize('/' + p));

  const checkOne = (inImage: string, top: boolean) => {
    const host = resolveInRoot(root, inImage);
    if (!host) return;
    if (done.has(host)) {
      if (top && elfHosts.has(host)) checked.push(inImage);
      return;
    }
    done.add(host);
    let info: ElfInfo | null;
    try {
      info = readElf(host);
    } catch (e) {
      problems.push({ file: inImage, problem: `unreadable ELF: ${String(e)}` });
      return;
    }
    if (!info) return;
    elfHosts.add(host);
    if (top) checked.push(inImage);
    if (info.interp && !resolveInRoot(root, info.interp)) {
      problems.push({ file: inImage, problem: `missing interpreter ${info.interp}` });
    }
    const origin = posix.dirname(inImage);
    const expand = (d: string) => d.replace(/\$\{?ORIGIN\}?/g, origin);
    const search = [...(info.runpath.length ? [] : info.rpath.map(expand)), ...ldPath, ...info.runpath.map(expand), ...confDirs, ...DEFAULT_LIB_DIRS];
    for (const lib of info.needed) {
      let found: string | undefined;
      if (lib.includes('/')) found = resolveInRoot(root, lib) ? lib : undefined;
      else found = search.map((d) => posix.join(d, lib)).find((p) => resolveInRoot(root, p));
      if (!found) problems.push({ file: inImage, problem: `missing library ${lib}` });
      else checkOne(found, false);
    }
  };
  for (const f of files) checkOne(f, true);
  return { checked, problems };
}
