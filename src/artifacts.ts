// What crosses from the builder to the runtime stage in the generic split: the outputs build commands
// name (-o, redirects, --wheel-dir, install prefixes), and the working directory of build commands
// whose outputs cannot be named. COPY --from keeps ownership and modes (moby/moby#38599).
import { addedFile, COMPILING, filePaths, type Analysis } from './analyze/index.js';
import { startedPrograms } from './runtime-contract.js';
import type { RunCommand } from './analyze/run.js';
import type { Finding } from './messages.js';
import type { Model } from './model.js';
import type { Artifact } from './preset.js';
import { enclosing, isInside, joinPath, PathIndex } from './paths.js';
import { compileSteps, copyPlacement, installsLanguagePackages, pathOperands, pathUse, projectInstall } from './commands/index.js';
import { imageDir, systemDir } from './knowledge/secrets.js';
import { DEFAULT_PATH } from './knowledge/images.js';
import { narrowUnpacked } from './unpacked.js';

const PRODUCING: ReadonlySet<string> = new Set(['build', 'generate', 'fetch', 'file-move']);

/**
 * The artifacts of a generic split, or a decline when an output cannot be located. With the model, an archive
 * unpacked straight into a system directory is narrowed to what the file names of it first (src/unpacked.ts).
 */
export function genericArtifacts(analysis: Analysis, skip: ReadonlySet<number> = new Set(), kinds: ReadonlySet<string> = PRODUCING, model?: Model): { artifacts: Artifact[]; declines: Finding[] } {
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
        const install = c.cwd === '/' ? projectInstall(c.words) : null;
        if (c.cwd.includes('$')) {
          declines.push({ id: 'output-not-located', data: { why: `\`${c.words.slice(0, 3).join(' ')}\` runs in ${c.cwd}, which depends on a variable dfsplit cannot resolve` }, line });
        } else if (install) {
          // an install of packages run in / puts them in one directory there (/node_modules), its output
          const path = joinPath('/', install.dir);
          found.push({ path, producer: index, why: { id: 'artifact-root-packages', data: { path, command: c.words.slice(0, 3).join(' '), named: install.named.join(' ') }, line } });
        } else if (c.cwd === '/') {
          declines.push({ id: 'output-not-located', data: { why: `\`${c.words.slice(0, 3).join(' ')}\` runs in / (no WORKDIR), so its outputs cannot be told from the rest of the system` }, line });
        } else {
          found.push({ path: c.cwd, producer: index, why: { id: 'artifact-workdir', data: { path: c.cwd }, line } });
        }
      }
    }
  }
  return { artifacts: withoutScratch(analysis, mergeArtifacts(model ? narrowUnpacked(model, analysis, found) : found)), declines };
}

const PATTERN = /[$*?~[]/;

/**
 * True when command `k` of a RUN's `commands` ran whenever the RUN succeeded: it is no nested one (a subshell,
 * a branch), not skipped when what came before succeeded (`a || k`), and its failure is not ignored by what
 * comes after it (`k; b`, `k || true`, a group after it whose operator is not read).
 */
export function ranIfBuilt(commands: readonly RunCommand[], k: number): boolean {
  const c = commands[k]!;
  // a nested command after it is read without the operator joining its group (`k || (echo failed)`): unknown
  return !c.nested && c.joinedBy !== '||' && commands.slice(k + 1).every((x) => !x.nested && x.joinedBy === '&&');
}

/**
 * Where `path`, written by command `at` of a RUN's `commands`, ends up when later commands of the same RUN carry
 * it off with mv or cp (`go build && mv app /usr/local/bin/`): the destination, or the file's own name inside it
 * when that is a directory every image has (`/usr/local/bin`) or one named with `-t`; followed through later moves
 * of that path, with the index of the command that put it there. Such a path is there because the build would
 * fail otherwise. Null when nothing carries it off, when a command that does may not run or its failure is
 * ignored (nested, after `||`, or followed by `;` or `||`), when a pattern or a directory around it may carry it unseen (`mv bin/* /usr/bin/`),
 * when it would land on a system directory, or when a later command of the RUN deletes or moves what it landed in.
 */
export function carriedOut(commands: readonly RunCommand[], at: number, path: string): { path: string; at: number } | null {
  let current = path;
  let landed: { path: string; at: number } | null = null;
  for (let k = at + 1; k < commands.length; k++) {
    const c = commands[k]!;
    // `-t DIR`: the destination is the option's value, and the last operand one more source
    const placed = pathUse(c.words[0] ?? '')?.copies ? copyPlacement(c.words, c.cwd) : null;
    if (!placed || (placed.intoTarget && !placed.sources.length)) continue;
    const sources = placed.sources.map((p) => joinPath(c.cwd, p));
    const byOption = placed.intoTarget;
    const dest = byOption || c.produced.length ? placed.dest : null;
    const unseen = sources.some((s) => s !== current && isInside(current, PATTERN.test(s) ? s.slice(0, s.search(PATTERN)).replace(/\/[^/]*$/, '') || '/' : s));
    if (!sources.includes(current)) {
      if (unseen) return null;
      continue;
    }
    if (unseen || dest === null || PATTERN.test(dest) || !ranIfBuilt(commands, k)) return null;
    const next = byOption || systemDir(dest) || imageDir(dest) ? joinPath(dest, current.split('/').pop()!) : dest;
    if (systemDir(next) || imageDir(next)) return null;
    current = next;
    landed = { path: next, at: k };
  }
  if (!landed) return null;
  const gone = commands.slice(landed.at + 1).some((c) => {
    const ops = pathOperands(c.words);
    return [...(ops?.removes ?? []), ...(ops?.moves ?? [])].some((p) => isInside(landed!.path, joinPath(c.cwd, p)));
  });
  return gone ? null : landed;
}

/** The files the builder keeps of its downloads (the RUNs the analyzer calls `run-download`): each download's file, made by its RUN. */
export function downloadArtifacts(analysis: Analysis): Artifact[] {
  return analysis.classifications.flatMap((c) =>
    c.reason !== 'run-download' ? [] : (analysis.runs.get(c.index)?.commands ?? []).filter((x) => x.kind === 'fetch').flatMap((x) => x.outputs.map((path): Artifact => ({ path, producer: c.index, why: { id: 'artifact-output', data: { path, command: x.words.slice(0, 3).join(' ') }, line: c.line } }))),
  );
}

/**
 * What the RUNs that carry a build's products out of its tree put in place (run-carry-off: `RUN mv tool
 * /usr/local/bin/` after `RUN make`), copied beside a preset's own artifacts too: a preset names its ecosystem's
 * products, not where a later RUN of the file moves them.
 */
export function carriedOffArtifacts(analysis: Analysis): Artifact[] {
  return analysis.classifications.flatMap((c) => (c.reason !== 'run-carry-off' ? [] : (analysis.runs.get(c.index)?.commands ?? []).flatMap((x) => x.outputs.map((path): Artifact => ({ path, producer: c.index, why: { id: 'artifact-output', data: { path, command: x.words.slice(0, 3).join(' ') }, line: c.line } })))));
}

/**
 * The files `ADD <url> /abs/path` downloads (add-url, build state) that the container starts or checks (ENTRYPOINT, CMD,
 * HEALTHCHECK: by their path, or by name where they land on the default PATH), or that a later RUN only works on
 * (`chmod +x /tini`, then ENTRYPOINT ["/tini", "--"]): copied from the builder, where the mode was set, as a RUN's
 * downloads are. Not an archive the build unpacks, which no start command names.
 */
export function addedFileArtifacts(model: Model, analysis: Analysis): Artifact[] {
  const started = new Set(startedPrograms(model).map((s) => s.word));
  const worked = new Set(analysis.classifications.filter((c) => c.reason === 'run-on-fetched').flatMap((c) => (analysis.runs.get(c.index)?.commands ?? []).flatMap((x) => filePaths(x) ?? [])));
  return analysis.classifications.flatMap((c) => {
    const ins = model.instructions[c.index]!;
    const path = c.reason === 'add-url' ? addedFile(ins) : null;
    if (!path || ins.keyword !== 'ADD') return [];
    const dir = path.slice(0, path.lastIndexOf('/')) || '/';
    const byName = DEFAULT_PATH.split(':').includes(dir) && started.has(path.slice(dir.length + 1));
    if (!started.has(path) && !byName && !worked.has(path)) return [];
    return [{ path, producer: c.index, why: { id: 'artifact-output', data: { path, command: `ADD ${ins.words[0]}` }, line: c.line } }];
  });
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
