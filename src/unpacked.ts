// An archive unpacked straight into a system directory (`tar -xf x.tar.gz -C /opt`, `unzip x.zip` with no
// WORKDIR, `tar xzf x.tgz -C /tmp`) makes the whole directory the unpack's output, which is never copied (item 6
// of issue 23). What the file names of it afterwards stands for it instead, by how the directory is used:
// - `/opt`, `/home`: one entry per program; the entries the file names (a later mv/cp destination inside it,
//   a later command's directory, a WORKDIR, ENV or command path) are copied.
// - `/`: the same, of its entries that are no system directory (`/zookeeper-3.4.9`); and what a later mv/cp
//   carries out of such an entry into a system directory lands where it names (`mv linux-amd64/helm
//   /usr/local/bin/`: /usr/local/bin/helm), not the system directory around it.
// - `/tmp`: scratch. What is unpacked there is an intermediate: the products are what later commands carry out
//   of it (their destinations) or build and install elsewhere (install prefixes, src/staged-install.ts); an
//   entry stays copied only when the file names it at run time (WORKDIR, ENV, the command).
// An entry the file only names (`ENV HIVE_HOME=/opt/apache-hive-2.3.5-bin`) is copied whole, and what else
// the archive holds is not known without a build: `artifact-unpacked`, build level (src/proof.ts). A path a
// mv/cp puts in place is there because the build would fail otherwise: an ordinary `artifact-output`.
import { copiedPaths, type Analysis } from './analyze/index.js';
import { expandWord, installerScript, type RunCommand } from './analyze/run.js';
import { unpackLayout } from './commands/archive.js';
import { copyPlacement, familyOf, fileReplay, isNeutral, isShellOnly, pathOperands, pathUse } from './commands/index.js';
import { imageDir, systemDir } from './knowledge/secrets.js';
import type { Model } from './model.js';
import { isInside, joinPath } from './paths.js';
import { parseShell } from './shell.js';
import type { Artifact } from './preset.js';

/** How the entries of a system directory an archive was unpacked into are told: see the top of this file. */
type UnpackPolicy = 'per-program' | 'root' | 'scratch';

const UNPACK_DIRS: ReadonlyMap<string, UnpackPolicy> = new Map([
  ['/opt', 'per-program'],
  ['/home', 'per-program'],
  ['/', 'root'],
  ['/tmp', 'scratch'],
]);

interface Located {
  index: number;
  at: number;
  c: RunCommand;
}

/** What stands for one unpacked directory: the entries the file names (copied whole) and the paths a mv/cp put in place, with the command that did. */
interface Narrowed {
  named: Set<string>;
  landed: Map<string, Located>;
  /** The mv/cp that put their sources inside a directory every image has (`mv helm /usr/local/bin/`): that directory is not what they wrote. */
  into: Set<RunCommand>;
}

/**
 * The artifacts (not merged yet) with each archive unpacked straight into a directory of {@link UNPACK_DIRS}
 * replaced as the top of this file says. The directory stays (and the plan declines `copies-system-dir`) when
 * something else writes it too, when the archive is laid out for / (`-C /`, `--strip-components`), when a
 * path carried out of it cannot be named (`mv bin/* /usr/bin/`) or lands on a system directory, and when
 * nothing stands for it (in /tmp: when nothing else is copied either). The same list when nothing changes.
 */
export function narrowUnpacked(model: Model, analysis: Analysis, artifacts: Artifact[]): Artifact[] {
  if (!artifacts.some((a) => UNPACK_DIRS.has(a.path) && a.why.id === 'artifact-output')) return artifacts;
  const commands: Located[] = [...analysis.runs].flatMap(([index, run]) => run.commands.map((c, at) => ({ index, at, c })));
  const configured = configuredPaths(model, analysis, false);
  // what the running container names: scratch's entries are kept only for these
  const atRunTime = configuredPaths(model, analysis, true).filter((p) => p !== '/');
  // what the file's COPYs and ADDs put in place (`COPY tz-helper.sh /opt/`)
  const copied = model.instructions.flatMap((ins) => (ins.stage === 0 && (ins.keyword === 'COPY' || ins.keyword === 'ADD') ? (copiedPaths(ins, analysis.scopes.get(ins.index) ?? '/') ?? []) : []));
  // the directories a mkdir makes
  const made = new Set(commands.flatMap(({ c }) => (fileReplay(c.words[0] ?? '') === 'creates-dir' ? (pathOperands(c.words)?.makes ?? []).map((p) => joinPath(c.cwd, p)) : [])));
  const out: Artifact[] = [];
  const into = new Set<RunCommand>();
  // the paths a resolved mv/cp put in place (`/usr/local/bin/relayctl`), which stay whoever else names them
  const landedPaths = new Set<string>();
  const scratch: string[] = [];
  for (const a of artifacts) {
    const policy = UNPACK_DIRS.get(a.path);
    const writers = policy && a.why.id === 'artifact-output' ? commands.filter(({ c }) => c.outputs.includes(a.path) || (c.unnamedOutputs && c.cwd === a.path)) : [];
    const first = writers.find(({ c }) => unpacks(c.words[0] ?? '') || (policy === 'scratch' && SCRATCH_WRITERS.has(c.kind)));
    const found = policy && first ? narrow(policy, a.path, { first, writers, commands, configured: policy === 'scratch' ? atRunTime : configured }) : null;
    if (!found) {
      out.push(a);
      continue;
    }
    // an entry a COPY or ADD puts there (`COPY tz-helper.sh /opt/`) is not the archive's, nor one a mv/cp put in
    // place; under /, nor a directory a mkdir makes (`mkdir /exhibitor && cd /exhibitor`)
    for (const e of [...found.named]) if (copied.some((d) => isInside(e, d)) || [...found.landed.keys()].some((l) => isInside(e, l)) || (policy === 'root' && made.has(e))) found.named.delete(e);
    if (!found.named.size && !found.landed.size && policy !== 'scratch') {
      out.push(a);
      continue;
    }
    if (policy === 'scratch' || policy === 'root') scratch.push(a.path);
    const command = first!.c.words.slice(0, 3).join(' ');
    const line = a.why.line !== undefined ? { line: a.why.line } : {};
    for (const path of [...found.named].sort()) out.push({ path, producer: a.producer, why: { id: 'artifact-unpacked', data: { path, dir: a.path, command }, ...line } });
    for (const [path, { index, c }] of found.landed) {
      landedPaths.add(path);
      out.push({ path, producer: index, why: { id: 'artifact-output', data: { path, command: c.words.slice(0, 3).join(' ') }, line: model.instructions[index]!.line } });
    }
    for (const c of found.into) into.add(c);
  }
  const writersOf = (p: string) => commands.filter(({ c }) => c.outputs.includes(p));
  // the directory a resolved mv/cp wrote into (/usr/local/bin), when nothing else wrote it as a whole
  const resolvedDir = (p: string) => !landedPaths.has(p) && writersOf(p).length > 0 && writersOf(p).every(({ c }) => into.has(c));
  // what downloads and unpacks left in scratch, or beside what was unpacked in / (the archive itself, a second
  // unpack beside the first), goes with it unless the container names it
  const downloaded = (c: RunCommand, d: string) => c.kind === 'fetch' || unpacks(c.words[0] ?? '') || (d !== '/' && SCRATCH_WRITERS.has(c.kind));
  const leftInScratch = (p: string) => scratch.some((d) => isInside(p, d) && p !== d && (d !== '/' || entryOf('root', d, p) !== null) && writersOf(p).every(({ c }) => downloaded(c, d)) && !atRunTime.some((n) => n !== d && (isInside(p, n) || isInside(n, p))));
  const kept = out.filter((a) => !(a.why.id === 'artifact-output' && (resolvedDir(a.path) || leftInScratch(a.path))));
  // scratch with nothing carried out of it and nothing else copied: its products are not known
  return kept.length ? kept : artifacts;
}

/** The kinds of command whose writes into scratch are intermediate: downloads, unpacks and moves. */
const SCRATCH_WRITERS: ReadonlySet<string> = new Set(['fetch', 'file-move']);

/**
 * What stands for directory `dir`, unpacked into by `first`, or null when it must stay: a writer of it that is no
 * unpack (in /tmp: no download, unpack or move), an archive laid out for its target, a path carried out of it
 * that cannot be named or lands on a system directory.
 */
function narrow(policy: UnpackPolicy, dir: string, at: { first: Located; writers: Located[]; commands: Located[]; configured: string[] }): Narrowed | null {
  const { first, writers, commands, configured } = at;
  for (const { c } of writers) {
    if (unpacks(c.words[0] ?? '')) {
      const layout = unpackLayout(c.words);
      // an archive unpacked into / on purpose, or with its top directory stripped, spills into system directories
      if (layout.strips && policy !== 'scratch') return null;
      if (layout.named && policy === 'root') return null;
    } else if (policy !== 'scratch' || !SCRATCH_WRITERS.has(c.kind)) return null;
  }
  const entry = (p: string) => entryOf(policy, dir, p);
  const found: Narrowed = { named: new Set(), landed: new Map(), into: new Set() };
  const name = (e: string | null) => {
    if (e !== null && !GLOB.test(e)) found.named.add(e);
  };
  for (const loc of commands) {
    const { index, at: k, c } = loc;
    if (index < first.index || (index === first.index && k <= first.at)) continue;
    // a later command's directory: in scratch, where sources are built to be installed elsewhere
    if (policy !== 'scratch') name(entry(c.cwd));
    // under / and in scratch, a command that uses what was unpacked in a way dfsplit cannot follow (`rsync -a
    // /tmp/grav/ /var/www/html`, `ln -s`, an installer script) may carry anything anywhere
    if (policy !== 'per-program' && !followed(c) && [c.cwd, ...pathWords(c)].some((p) => entry(p) !== null)) return null;
    const use = pathUse(c.words[0] ?? '');
    // `-t DIR`: the family's destination is not the last operand, which is a source then
    const placed = use?.moves || use?.copies ? copyPlacement(c.words, c.cwd) : null;
    if (!placed || (placed.intoTarget && !placed.sources.length)) continue;
    const { dest, intoTarget: byOption } = placed;
    const sources = placed.sources.map((p) => joinPath(c.cwd, p));
    const from = sources.filter((s) => entry(s) !== null);
    // what the build would fail without: a mv/cp that runs whatever came before and whose failure is not ignored
    const next = commands.find((x) => x.index === index && x.at === k + 1);
    const certain = !c.nested && c.joinedBy !== '||' && next?.c.joinedBy !== '||' && from.length === sources.length;
    const put = (path: string) => (certain ? found.landed.set(path, loc) : found.named.add(path));
    const destEntry = entry(dest);
    if (destEntry !== null) {
      // moves inside scratch are intermediate; a move inside one of the entries uses the entry
      if (policy === 'scratch') continue;
      if (destEntry !== dest || GLOB.test(dest) || !from.length) name(destEntry);
      else put(dest);
      continue;
    }
    if (!from.length) continue;
    // a command that carries the archive's files and others out at once
    if (from.length !== sources.length) return null;
    if (!(systemDir(dest) || imageDir(dest) || byOption)) {
      if (GLOB.test(dest) || systemDir(dest)) return null;
      put(dest);
      continue;
    }
    // into a directory that is there: each source lands inside it by its own name; sources that cannot be
    // named (`mv docker/* /usr/local/bin/`) leave the directory itself, when it is no system directory
    if (sources.some((s) => GLOB.test(s)) && !systemDir(dest) && !GLOB.test(dest)) {
      put(dest);
      continue;
    }
    for (const s of sources) {
      const base = s.split('/').pop() ?? '';
      const path = joinPath(dest, base);
      if (GLOB.test(s) || base === '' || base === '.' || base === '..' || systemDir(path) || imageDir(path)) return null;
      put(path);
    }
    found.into.add(c);
  }
  for (const p of configured) name(entry(p));
  // more than one archive unpacked into /: which of them a path came from, and so what else each left, is not known
  if (policy === 'root' && writers.length > 1) {
    for (const p of found.landed.keys()) found.named.add(p);
    found.landed.clear();
  }
  return found;
}

const GLOB = /[$*?~[]/;

/** The paths a command's words name: its words with a slash that are no option or URL, against its directory. */
function pathWords(c: RunCommand): string[] {
  return c.words.filter((w, i) => w.includes('/') && (i === 0 || !w.startsWith('-')) && !w.includes('://')).map((w) => joinPath(c.cwd, w));
}

/** The kinds of command whose use of unpacked files is followed: builds install where they name, or leave their working directory (an artifact of its own). */
const FOLLOWED_KINDS: ReadonlySet<string> = new Set(['build', 'test', 'generate', 'system-compile', 'fetch', 'cleanup']);

/** True when what command `c` does with unpacked files is known: a file command but `ln` (mv and cp are read as such), an unpack, a shell builtin, a build that is no installer script. */
function followed(c: RunCommand): boolean {
  const name = c.words[0] ?? '';
  if (isShellOnly(name) || isNeutral(name) || unpacks(name)) return true;
  if (pathUse(name)) return fileReplay(name) !== 'links';
  return FOLLOWED_KINDS.has(c.kind) && !installerScript(c.words);
}

/** The entry of `dir` that `path` lies in (its first component below `dir`; under /, one that is no system directory nor one every image has), or null. */
function entryOf(policy: UnpackPolicy, dir: string, path: string): string | null {
  if (!isInside(path, dir) || path === dir) return null;
  const e = dir === '/' ? `/${path.slice(1).split('/')[0]}` : `${dir}/${path.slice(dir.length + 1).split('/')[0]}`;
  // under /, the directories every image has (/usr, /mnt) are no archive's
  return policy === 'root' && (systemDir(e) || imageDir(e)) ? null : e;
}

/** An unpack of an archive (tar, unzip: the archive family's commands that move files into place). */
const unpacks = (word: string): boolean => familyOf(word)?.id === 'archive' && (familyOf(word)?.movesFiles?.includes(word) ?? false);

/**
 * Absolute paths the file's configuration names: the WORKDIRs (with `runTime`, only the one the container
 * starts in), ENV values (each part of a `:` list) and the words of CMD and ENTRYPOINT, expanded.
 */
function configuredPaths(model: Model, analysis: Analysis, runTime: boolean): string[] {
  const out: string[] = [];
  let workdir: string | null = null;
  for (const ins of model.instructions) {
    if (ins.stage !== 0) continue;
    const scope = analysis.scopes.get(ins.index);
    if (ins.keyword === 'WORKDIR' && scope) {
      workdir = analysis.scopes.get(ins.index + 1)?.workdir ?? joinPath(scope.workdir, expandWord(ins.path, scope.env));
      if (!runTime) out.push(workdir);
    } else if (ins.keyword === 'ENV' && scope) {
      for (const [, v] of ins.pairs) out.push(...expandWord(v, scope.env).split(':'));
    } else if ((ins.keyword === 'CMD' || ins.keyword === 'ENTRYPOINT') && scope) {
      // the shell form read as the shell reads it: quotes go (`"/opt/zeppelin-"$V"-bin-all/bin/zeppelin.sh"`)
      const words = ins.form === 'exec' ? ins.words : parseShell(ins.command).commands.flatMap((c) => c.words);
      for (const w of words) out.push(expandWord(w, scope.env));
    }
  }
  if (runTime && workdir) out.push(workdir);
  // (a quote left in a path is not one a COPY can name)
  return out.filter((p) => p.startsWith('/') && !/["']/.test(p)).map((p) => joinPath('/', p).replace(/\/+$/, '') || '/');
}
