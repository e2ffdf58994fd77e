// What crosses from the builder to the runtime stage in the generic split: the outputs build commands
// name (-o, redirects, --wheel-dir, install prefixes), and the working directory of build commands
// whose outputs cannot be named. COPY --from keeps ownership and modes (moby/moby#38599).
import { COMPILING, copiedPaths, type Analysis } from './analyze/index.js';
import type { Finding } from './messages.js';
import type { Model } from './model.js';
import { expandWord } from './analyze/run.js';
import type { Artifact } from './preset.js';
import { enclosing, isInside, joinPath, PathIndex } from './paths.js';
import { compileSteps, familyOf, installsLanguagePackages, pathOperands, pathUse, projectInstall } from './commands/index.js';
import { systemDir } from './knowledge/secrets.js';

const PRODUCING: ReadonlySet<string> = new Set(['build', 'generate', 'fetch', 'file-move']);

/** The artifacts of a generic split, or a decline when an output cannot be located. */
export function genericArtifacts(analysis: Analysis, skip: ReadonlySet<number> = new Set(), kinds: ReadonlySet<string> = PRODUCING): { artifacts: Artifact[]; declines: Finding[] } {
  const found: Artifact[] = [];
  const declines: Finding[] = [];
  const lines = new Map(analysis.classifications.map((c) => [c.index, c.line]));
  const checkouts = new Set(analysis.classifications.flatMap((c) => (c.reason === 'run-checkout' || c.reason === 'run-download' ? [c.index] : [])));
  for (const [index, run] of analysis.runs) {
    if (skip.has(index)) continue;
    const line = lines.get(index);
    // `make && make install` names its outputs: the compile step before it needs no working-directory copy
    const named = run.commands.some((c) => kinds.has(c.kind) && c.outputs.length > 0);
    const installsElsewhere = run.commands.some((c) => c.kind === 'build' && c.words.includes('install') && c.outputs.length > 0);
    // a RUN that only downloads is repeated in the runtime stage: its downloads are not artifacts (a checkout
    // of sources, or a download to files it names and nothing else, is build state: what it wrote is copied)
    if (!run.commands.some((c) => COMPILING.has(c.kind)) && !checkouts.has(index)) continue;
    for (const c of run.commands) {
      if (!kinds.has(c.kind)) continue;
      if (c.unnamedOutputs && named && compileSteps.has(c.words[0] ?? '')) continue;
      for (const path of c.outputs) {
        // sources unpacked, built in (`cd` into them) and installed elsewhere in the same RUN are intermediate
        if ((c.kind === 'file-move' || c.kind === 'fetch') && installsElsewhere && run.commands.some((x) => x !== c && isInside(x.cwd, path))) continue;
        if (path.includes('$')) declines.push({ id: 'output-not-located', data: { why: `\`${c.words.slice(0, 3).join(' ')}\` writes ${path}, which depends on a variable dfsplit cannot resolve` }, line });
        else found.push({ path, producer: index, why: { id: 'artifact-output', data: { path, command: c.words.slice(0, 3).join(' ') }, line } });
      }
      if (c.unnamedOutputs) {
        if (c.cwd.includes('$')) {
          declines.push({ id: 'output-not-located', data: { why: `\`${c.words.slice(0, 3).join(' ')}\` runs in ${c.cwd}, which depends on a variable dfsplit cannot resolve` }, line });
        } else if (c.cwd === '/' && projectInstall(c.words)) {
          // an install of packages run in / puts them in one directory there (/node_modules), its output
          const { dir, named } = projectInstall(c.words)!;
          const path = joinPath('/', dir);
          found.push({ path, producer: index, why: { id: 'artifact-root-packages', data: { path, command: c.words.slice(0, 3).join(' '), named: named.join(' ') }, line } });
        } else if (c.cwd === '/') {
          declines.push({ id: 'output-not-located', data: { why: `\`${c.words.slice(0, 3).join(' ')}\` runs in / (no WORKDIR), so its outputs cannot be told from the rest of the system` }, line });
        } else {
          found.push({ path: c.cwd, producer: index, why: { id: 'artifact-workdir', data: { path: c.cwd }, line } });
        }
      }
    }
  }
  return { artifacts: withoutScratch(analysis, mergeArtifacts(found)), declines };
}

/** The files the builder keeps of its downloads (the RUNs the analyzer calls `run-download`): each download's file, made by its RUN. */
export function downloadArtifacts(analysis: Analysis): Artifact[] {
  return analysis.classifications.flatMap((c) =>
    c.reason !== 'run-download' ? [] : (analysis.runs.get(c.index)?.commands ?? []).filter((x) => x.kind === 'fetch').flatMap((x) => x.outputs.map((path): Artifact => ({ path, producer: c.index, why: { id: 'artifact-output', data: { path, command: x.words.slice(0, 3).join(' ') }, line: c.line } }))),
  );
}

/** The artifacts (the generic split's or a preset's) with a scratch system directory replaced as {@link outOfScratch} says, merged again when one was. */
export function withoutScratch(analysis: Analysis, artifacts: Artifact[]): Artifact[] {
  const moved = outOfScratch(analysis, artifacts);
  return moved === artifacts ? artifacts : mergeArtifacts(moved);
}

/**
 * The artifacts with a scratch system directory replaced by where its packages were copied: a language
 * install run in /tmp (or another system directory) whose installed packages a later command copies into
 * the application's directory (`cd /tmp && npm install`, then `cp -a /tmp/node_modules /usr/app`, the
 * layer-caching idiom of old node images) leaves in that directory nothing but what the copy took, so the
 * application's directory is the artifact. Only when every build step run there is a language install
 * and every later copy out of it names its source and destination. The same list when nothing moves.
 */
function outOfScratch(analysis: Analysis, artifacts: Artifact[]): Artifact[] {
  if (!artifacts.some((a) => a.why.id === 'artifact-workdir' && systemDir(a.path))) return artifacts;
  const commands = [...analysis.runs].flatMap(([index, run]) => run.commands.map((c) => ({ index, c })));
  return artifacts.flatMap((a): Artifact[] => {
    if (a.why.id !== 'artifact-workdir' || !systemDir(a.path)) return [a];
    const there = commands.filter(({ c }) => COMPILING.has(c.kind) && isInside(c.cwd, a.path));
    if (there.some(({ c }) => !installsLanguagePackages(c.words))) return [a];
    const out: Artifact[] = [];
    for (const { index, c } of commands) {
      if (index <= a.producer || !pathUse(c.words[0] ?? '')?.copies) continue;
      const ops = pathOperands(c.words);
      const from = (ops?.needs ?? []).map((p) => joinPath(c.cwd, p));
      if (!from.some((p) => isInside(p, a.path))) continue;
      const to = (ops?.makes ?? []).map((p) => joinPath(c.cwd, p));
      if (c.nested || from.some((p) => !isInside(p, a.path) || /[$*?~]/.test(p)) || to.length !== 1 || /[$*?~]/.test(to[0]!) || systemDir(to[0]!) || isInside(to[0]!, a.path)) return [a];
      out.push({ path: to[0]!.replace(/\/+$/, ''), producer: index, why: { id: 'artifact-output', data: { path: to[0]!, command: c.words.slice(0, 3).join(' ') }, line: analysis.classifications.find((k) => k.index === index)?.line } });
    }
    return out.length ? out : [a];
  });
}

/** Drop paths inside other artifacts; the covering artifact moves to the latest producer. */
export function mergeArtifacts(list: readonly Artifact[]): Artifact[] {
  // looked up by path (each path's places in the list, its latest producer), not by scanning the list for
  // every artifact: a file with thousands of build steps made that quadratic
  const places = new Map<string, number[]>();
  const latest = new Map<string, number>();
  list.forEach((a, i) => {
    const at = places.get(a.path);
    if (at) at.push(i);
    else places.set(a.path, [i]);
    latest.set(a.path, Math.max(latest.get(a.path) ?? -Infinity, a.producer));
  });
  const paths = new PathIndex(places.keys());
  const out: Artifact[] = [];
  const taken = new Set<string>();
  list.forEach((a, i) => {
    // the first artifact of the list that holds this one: one whose path this one lies in, or the same
    // path earlier in the list; a different path drops this one
    let first = Infinity;
    for (const dir of enclosing(a.path)) {
      const at = places.get(dir);
      if (at && (dir !== a.path || at[0]! < i)) first = Math.min(first, at[0]!);
    }
    if (first !== Infinity && list[first]!.path !== a.path) return;
    if (taken.has(a.path)) return;
    taken.add(a.path);
    // a loop, not Math.max(...): a spread of tens of thousands of arguments overflows the stack
    let producer = -Infinity;
    for (const p of paths.within(a.path)) producer = Math.max(producer, latest.get(p)!);
    out.push({ ...a, producer });
  });
  return out.sort((x, y) => x.producer - y.producer || x.path.localeCompare(y.path));
}

/** System directories that hold one entry per program (`/opt/zookeeper`), whose named entries can stand for an unpack into them. */
const PER_PROGRAM_DIRS: ReadonlySet<string> = new Set(['/opt', '/home']);

/**
 * The artifacts with an archive unpacked straight into a per-program system directory (`tar -xf x.tar.gz
 * -C /opt`, or in `WORKDIR /opt`) replaced by the entries of that directory the file names afterwards: the
 * destination of a later `mv`/`cp` inside it (`mv /opt/zookeeper-3.4.10 /opt/zookeeper`), the directory a
 * later command runs in (`cd insight-api && npm install`), and the paths the final WORKDIR, an ENV value or
 * the command names (`ENV HIVE_HOME=/opt/apache-hive-2.3.5-bin`). What else the archive holds is not known
 * without a build, so each such artifact says so (`artifact-unpacked`, which src/proof.ts makes build level):
 * `--verify` compares the images. The directory itself is never copied (item 6 of issue 23). The same list
 * when nothing is narrowed.
 */
export function narrowUnpacked(model: Model, analysis: Analysis, artifacts: Artifact[]): Artifact[] {
  if (!artifacts.some((a) => PER_PROGRAM_DIRS.has(a.path))) return artifacts;
  const commands = [...analysis.runs].flatMap(([index, run]) => run.commands.map((c, at) => ({ index, at, c })));
  const named = configuredPaths(model, analysis);
  // what the file's COPYs and ADDs put in place (`COPY tz-helper.sh /opt/`)
  const copied = model.instructions.flatMap((ins) => (ins.stage === 0 && (ins.keyword === 'COPY' || ins.keyword === 'ADD') ? (copiedPaths(ins, analysis.scopes.get(ins.index)?.workdir ?? '/') ?? []) : []));
  return mergeArtifacts(
    artifacts.flatMap((a): Artifact[] => {
      if (!PER_PROGRAM_DIRS.has(a.path) || a.why.id !== 'artifact-output') return [a];
      const writers = commands.filter(({ c }) => c.outputs.includes(a.path) || (c.unnamedOutputs && c.cwd === a.path));
      const unpack = writers.find(({ c }) => unpacks(c.words[0] ?? ''));
      // only an unpack wrote the directory as a whole: a `make install PREFIX=/opt` is not narrowed
      if (!unpack || writers.some(({ c }) => !unpacks(c.words[0] ?? ''))) return [a];
      const entries = new Set<string>();
      const entryOf = (p: string): string | null => (isInside(p, a.path) && p !== a.path && !/[$*?~]/.test(p) ? `${a.path}/${p.slice(a.path.length + 1).split('/')[0]}` : null);
      for (const { index, at, c } of commands) {
        if (index < unpack.index || (index === unpack.index && at <= unpack.at)) continue;
        const cwd = entryOf(c.cwd);
        if (cwd) entries.add(cwd);
        if (pathUse(c.words[0] ?? '')?.moves || pathUse(c.words[0] ?? '')?.copies) {
          const to = (pathOperands(c.words)?.makes ?? []).map((p) => entryOf(joinPath(c.cwd, p)));
          for (const e of to) if (e) entries.add(e);
        }
      }
      for (const p of named) {
        const e = entryOf(p);
        if (e) entries.add(e);
      }
      // an entry a COPY or ADD puts there (`COPY tz-helper.sh /opt/`) is not the archive's
      for (const e of [...entries]) if (copied.some((d) => isInside(e, d))) entries.delete(e);
      // entries the build deletes again are not outputs; an entry that is only moved away is not there
      if (!entries.size) return [a];
      return [...entries].sort().map((path) => ({ path, producer: a.producer, why: { id: 'artifact-unpacked', data: { path, dir: a.path, command: unpack.c.words.slice(0, 3).join(' ') }, ...(a.why.line !== undefined ? { line: a.why.line } : {}) } }));
    }),
  );
}

/** An unpack of an archive (tar, unzip: the archive family's commands that move files into place). */
const unpacks = (word: string): boolean => familyOf(word)?.id === 'archive' && (familyOf(word)?.movesFiles?.includes(word) ?? false);

/** Absolute paths the file's configuration names: the WORKDIRs, ENV values (each part of a `:` list) and the words of CMD and ENTRYPOINT, expanded. */
function configuredPaths(model: Model, analysis: Analysis): string[] {
  const out: string[] = [];
  for (const ins of model.instructions) {
    if (ins.stage !== 0) continue;
    const scope = analysis.scopes.get(ins.index);
    if (ins.keyword === 'WORKDIR') {
      const after = analysis.scopes.get(ins.index + 1)?.workdir;
      if (after) out.push(after);
    } else if (ins.keyword === 'ENV' && scope) {
      for (const [, v] of ins.pairs) out.push(...expandWord(v, scope.env).split(':'));
    } else if ((ins.keyword === 'CMD' || ins.keyword === 'ENTRYPOINT') && scope) {
      for (const w of ins.words) out.push(expandWord(w.replace(/^["']|["']$/g, ''), scope.env));
    }
  }
  return out.filter((p) => p.startsWith('/')).map((p) => joinPath('/', p).replace(/\/+$/, ''));
}
