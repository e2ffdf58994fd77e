// A small, explicit model of what each instruction creates, deletes or needs: paths, users and groups,
// programs, apt lists and the working directory. It runs over the builder (the original file) and over
// the runtime stage the plan wrote, side by side, and proves that every command replayed in the
// runtime stage finds there what it found in the original at the same point. It is differential: what
// neither stage made (the base image's own files) is assumed to be alike, except programs when the
// runtime base is another image, which must be known to be on it.
import type { Analysis } from './analyze/index.js';
import { containerWorkdir, copiesContextRoot, copyDestination } from './analyze/index.js';
import { homeOf, type RunCommand } from './analyze/run.js';
import { aptListsAfter } from './analyze/packages.js';
import { createdAccount, installsLanguagePackages, isInterpreter, isShellOnly, packagePrograms, packageProvides, pathOperands, readsPaths } from './commands/index.js';
import { operands } from './commands/options.js';
import { enclosing, insideAny, isInside } from './paths.js';
import type { ImageConfig } from './knowledge/image-config.js';
import { secretLike } from './knowledge/secrets.js';
import type { Finding } from './messages.js';
import type { Model } from './model.js';
import { entersDirectory, type RuntimeStep } from './runtime-stage.js';
import { joinPath } from './shell.js';

interface StageState {
  /** Paths instructions made (directories and files), absolute. */
  made: Set<string>;
  /** Programs instructions installed or copied in. */
  tools: Set<string>;
  /** Those of them that system packages installed (under /usr/bin: a COPY --from of another path does not bring them). */
  packageTools: Set<string>;
  users: Set<string>;
  groups: Set<string>;
  /** True while apt's package lists are present. */
  aptLists: boolean;
  /** True once a language package manager installed from a list dfsplit cannot read (pip -r, npm, bundle). */
  langInstall: boolean;
  /** Every path ever made, removed or not. */
  ever: Set<string>;
  /** Paths deleted (inside a made directory) and not made again. */
  gone: Set<string>;
  /** Directories a WORKDIR made, empty until a COPY, ADD or command puts something there. */
  empty: Set<string>;
}

function fresh(): StageState {
  return { made: new Set(), tools: new Set(), packageTools: new Set(), users: new Set(), groups: new Set(), aptLists: false, langInstall: false, ever: new Set(), gone: new Set(), empty: new Set() };
}

/**
 * A state that starts as `s` and takes its own changes without copying it (a copy for every command of a
 * split RUN made files with many such RUNs quadratic). `s` must not change while the layer is in use.
 */
function layered(s: StageState): StageState {
  return {
    made: new LayeredSet(s.made),
    tools: new LayeredSet(s.tools),
    packageTools: new LayeredSet(s.packageTools),
    users: new LayeredSet(s.users),
    groups: new LayeredSet(s.groups),
    aptLists: s.aptLists,
    langInstall: s.langInstall,
    ever: new LayeredSet(s.ever),
    gone: new LayeredSet(s.gone),
    empty: new LayeredSet(s.empty),
  };
}

/**
 * A set read through to another one, with additions and deletions of its own; it iterates in the order a
 * copy would. `has`, `add` and `delete` cost what a Set's do; `size` and iteration walk the base. Exported
 * for its test.
 */
export class LayeredSet extends Set<string> {
  private readonly added = new Set<string>();
  private readonly deleted = new Set<string>();
  constructor(private readonly base: ReadonlySet<string>) {
    super();
  }

  override has(x: string): boolean {
    return !this.deleted.has(x) && (this.added.has(x) || this.base.has(x));
  }

  override add(x: string): this {
    // already there: a Set keeps it where it was
    if (!this.has(x)) {
      this.deleted.delete(x);
      this.added.add(x);
    }
    return this;
  }

  override delete(x: string): boolean {
    const had = this.has(x);
    this.added.delete(x);
    if (this.base.has(x)) this.deleted.add(x);
    return had;
  }

  override clear(): void {
    this.added.clear();
    for (const x of this.base) this.deleted.add(x);
  }

  override get size(): number {
    let n = this.added.size;
    for (const x of this.base) if (!this.deleted.has(x) && !this.added.has(x)) n++;
    return n;
  }

  override *[Symbol.iterator](): SetIterator<string> {
    for (const x of this.base) if (!this.deleted.has(x) && !this.added.has(x)) yield x;
    yield* this.added;
  }

  override values(): SetIterator<string> {
    return this[Symbol.iterator]();
  }

  override keys(): SetIterator<string> {
    return this[Symbol.iterator]();
  }

  override *entries(): SetIterator<[string, string]> {
    for (const x of this) yield [x, x];
  }

  override forEach(fn: (value: string, key: string, set: Set<string>) => void, thisArg?: unknown): void {
    for (const x of this) fn.call(thisArg, x, x, this);
  }
}

/** True when the state made `path` (or a directory it lies in). */
/**
 * True when `path` is `pattern` or inside it; `*` in the pattern matches within one name, as the shell's glob
 * does: not a leading dot (`rm -rf ~/*` leaves ~/.git).
 */
export function under(path: string, pattern: string): boolean {
  if (!pattern.includes('*')) return isInside(path, pattern);
  return new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/(\/?)\*/g, (_, slash: string) => (slash ? '/(?!\\.)[^/]*' : '[^/]*'))}(/|$)`).test(path);
}

function has(s: StageState, path: string): boolean {
  for (const g of s.gone) if (under(path, g)) return false;
  return insideAny(path, s.made);
}

/** True when the state has the directory `dir`: it made it (or a directory holding it), or something inside it that is still there. */
function hasDir(s: StageState, dir: string): boolean {
  if (has(s, dir)) return true;
  for (const m of s.made) if (isInside(m, dir) && has(s, m)) return true;
  return false;
}

/** The deepest path the state made that holds `path` (the clone, copy or write it comes from), or null when the state has none. */
function madeBy(s: StageState, path: string): string | null {
  if (!has(s, path)) return null;
  return (
    enclosing(path)
      .filter((d) => s.made.has(d))
      .sort((x, y) => y.length - x.length)[0] ?? null
  );
}

function make(s: StageState, path: string): void {
  s.made.add(path);
  s.ever.add(path);
  // making a deleted path (or something inside it) again; making its parent brings nothing back
  for (const g of [...s.gone]) if (under(path, g)) s.gone.delete(g);
}

/** Something written at `path` fills the directories made empty that hold it, and `path` itself. */
function fill(s: StageState, path: string): void {
  // the directories around the path (and the path itself), looked up: scanning every empty directory was quadratic
  for (const d of enclosing(path)) if (s.empty.has(d)) s.empty.delete(d);
}

function remove(s: StageState, pattern: string): void {
  for (const m of [...s.made]) if (under(m, pattern)) s.made.delete(m);
  s.gone.add(pattern);
}

/** Paths a command reads and needs to exist, absolute. */
function neededPaths(c: RunCommand): string[] {
  const w = c.words;
  const name = w[0] ?? '';
  const at = (p: string) => joinPath(c.cwd, p.replace(/\/?\*.*$/, '') || '.');
  const plain = (list: string[]) => list.filter((p) => !p.includes('$') && !p.startsWith('~')).map(at);
  // a file command's own (cd, chmod, cp, source: src/commands/)
  const ops = pathOperands(w);
  const own = ops?.needs;
  if (own) return plain(own);
  // a script an interpreter runs (the families' `interpreters`: sh, bash, python, node, ruby, perl, php)
  if (isInterpreter(name)) {
    const script = operands(w, ['-c', '-m', '-W', '-X'])[0];
    if (script && !w.includes('-c') && !w.includes('-m') && /[./]/.test(script)) return plain([script]);
    return [];
  }
  // what a family says the command reads (pip's requirement files)
  const reads = readsPaths(w);
  if (reads) return plain([...reads]);
  if (name.includes('/')) return plain([name]);
  // any other operand that names a path (the differential check only counts the builder's own paths); a package
  // named with its version (`elm@0.19.1-6`, `@scope/pkg@2`, RubyGems' `bundler:2.4.22`) is none
  // (not what the command makes itself: `mkdir -p /a/b` needs no /a/b)
  return plain(operands(w).filter((o) => !/^[a-z]+:\/\//i.test(o) && !o.includes('=') && /[/.]/.test(o) && !/^(@[\w.-]+\/)?[\w.-]+[@:][^/]+$/.test(o) && !(ops?.makes ?? []).includes(o)));
}

/**
 * A command whose effects and needs cannot be read: a script run by path, or by a shell (from a file or
 * from a pipe, as vendor installers are: `curl ... | sh -s -- --prefix /opt/x`).
 */
function opaqueScript(c: RunCommand): boolean {
  const name = c.words[0] ?? '';
  if (name.includes('/') && !/^\/(usr\/)?s?bin\//.test(name)) return true;
  if (!/^(ba|da|z|k)?sh$/.test(name)) return false;
  return !c.words.includes('-c');
}

/** The program a command runs, when it is looked up on PATH. */
function program(c: RunCommand): string | null {
  const name = c.words[0];
  if (!name || name.includes('/') || name.includes('$') || isShellOnly(name)) return null;
  return name;
}

/**
 * Apply one command's effects. In the runtime stage an install is replayed with its runtime packages
 * only (the printed line drops the build-only ones), so only their programs arrive.
 */
function apply(s: StageState, c: RunCommand, side: 'builder' | 'runtime' = 'builder'): void {
  const w = c.words;
  // what a file command removes and makes (rm, mkdir, cp: src/commands/)
  const paths = pathOperands(w);
  // the directories mkdir makes that were not there: empty until something is put there, as one a WORKDIR makes
  const made = (paths?.makes ?? []).map((p) => joinPath(c.cwd, p)).filter((d) => !has(s, d));
  for (const o of [...c.produced, ...c.outputs, ...c.writes]) {
    make(s, o);
    // what a command writes into a directory made empty fills it (`tar -xz -C dir` into a `mkdir -p dir`)
    fill(s, o);
  }
  if (c.install) {
    for (const p of side === 'runtime' ? [...c.install.runtime, ...c.install.keptDev, ...c.install.unresolved, ...c.install.implied.flatMap((i) => i.runtime)] : [...c.install.build, ...c.install.runtime])
      for (const t of packagePrograms(p)) {
        s.tools.add(t);
        s.packageTools.add(t);
      }
  }
  s.aptLists = aptListsAfter(s.aptLists, c);
  // what mv takes away is gone from where it was
  for (const p of [...(paths?.removes ?? []), ...(paths?.moves ?? [])]) remove(s, joinPath(c.cwd, p));
  for (const p of paths?.makes ?? []) make(s, joinPath(c.cwd, p));
  for (const d of made) if (!c.produced.concat(c.outputs, c.writes).some((o) => o !== d && isInside(o, d))) s.empty.add(d);
  const account = createdAccount(w);
  if (account?.creates === 'user') {
    s.users.add(account.name);
    s.groups.add(account.name);
    make(s, `/home/${account.name}`);
  }
  if (account?.creates === 'group') s.groups.add(account.name);
  if (installsLanguagePackages(w)) {
    s.langInstall = true;
    for (const o of operands(w).slice(1)) s.tools.add(o.replace(/[<>=~!@].*$/, ''));
  }
}

/**
 * A replayed `mkdir` without `-p` of a directory a COPY --from before it already brought (the builder made it, and
 * the copy holds the builder's end state): it fails with "File exists". Returns the path and the copy, or null.
 */
function collision(c: RunCommand, copied: readonly { from: string; to: string }[], builderEnd: StageState): { path: string; copy: string } | null {
  const paths = pathOperands(c.words);
  if (!paths?.failsIfExists) return null;
  for (const p of paths.makes) {
    const path = joinPath(c.cwd, p);
    if (path.includes('$') || !builderEnd.made.has(path) || !has(builderEnd, path)) continue;
    for (const k of copied) if (isInside(path, k.to) && k.from === k.to) return { path, copy: k.from };
  }
  return null;
}

/** The standard directories every Linux image has: an image's own directory is one below them. */
const STANDARD_DIRS: readonly string[] = ['/', '/usr', '/usr/local', '/opt', '/root', '/home', '/etc', '/var', '/tmp', '/srv', '/usr/share', '/usr/lib', '/var/lib'];

/** The directories an image's configuration names as its own: its WORKDIR and the absolute paths its ENV holds (GOPATH=/go). */
function configDirs(config: ImageConfig | null): string[] {
  if (!config) return [];
  const dirs = [config.workdir, ...Object.entries(config.env).flatMap(([k, v]) => (k !== 'PATH' && v.startsWith('/') && !/[:\s$]/.test(v) ? [v] : []))];
  return [...new Set(dirs.filter((d) => d && !STANDARD_DIRS.includes(d.replace(/\/+$/, '') || '/')))];
}

/**
 * A path a replayed command needs inside a directory of the builder's image (its WORKDIR, a path its ENV names:
 * golang's /go) that the runtime base does not have, and the runtime stage has not made or copied: `chown -R app
 * $GOPATH` replayed on debian:bookworm-slim fails, since the stage has no /go. Null when none.
 */
function builderImagePath(c: RunCommand, runtime: StageState, builderBase: ImageConfig | null, runtimeBase: ImageConfig | null, sameBase: boolean, copied: readonly { to: string }[]): string | null {
  if (sameBase || !builderBase) return null;
  const ours = configDirs(runtimeBase);
  const theirs = configDirs(builderBase).filter((d) => !ours.some((r) => isInside(d, r)));
  // (neededPaths leaves out what the command makes itself: `mkdir -p $GOPATH/src/x`)
  for (const p of neededPaths(c)) {
    const dir = theirs.find((d) => isInside(p, d));
    if (dir && !has(runtime, p) && !ours.some((r) => isInside(p, r)) && !copied.some((k) => isInside(p, k.to))) return `the path ${p}, in ${dir}, which the builder's image has and the runtime base does not`;
  }
  return null;
}

/**
 * What a command needs that `runtime` lacks although `builder` had it at the same point; null when none. `later`: where
 * the stage's COPY --from steps after the command put what they copy.
 */
function missing(c: RunCommand, runtime: StageState, builder: StageState, runtimeBase: ImageConfig | null, sameBase: boolean, copied: readonly { to: string }[], later: () => readonly string[] = () => []): string | null {
  const tool = program(c);
  if (tool && !runtime.tools.has(tool) && !runtimeBase?.tools.has(tool)) {
    if (builder.tools.has(tool)) return `the program ${tool}, which only the builder has`;
    if (!sameBase && !runtime.langInstall) return `the program ${tool}, not known to be on the runtime base`;
  }
  // a directory named through a variable the analyzer could not resolve cannot be proven to exist
  if (c.cwd.includes('$') && !pathOperands(c.words)?.changesDirectory) return `the working directory ${c.cwd}, which depends on a variable dfsplit cannot resolve`;
  if (opaqueScript(c)) {
    // a script (a vendor installer piped to sh, ./install.sh) may call any program the builder had
    const lacking = [...builder.tools].filter((t) => !runtime.tools.has(t) && !runtimeBase?.tools.has(t)).sort();
    if (lacking.length) return `the programs the script may call (${lacking.slice(0, 4).join(', ')}${lacking.length > 4 ? ', ...' : ''}), which only the builder has`;
  }
  // (a path a later COPY --from brings into a directory the stage made empty is a matter of order, which src/proof.ts
  // leaves to a build: unproven-replay-order)
  for (const p of neededPaths(c)) if (has(builder, p) && (!has(runtime, p) || (madeInside(builder, runtime, p, copied) && !later().some((to) => isInside(p, to))))) return `the path ${p}, made only in the builder`;
  // (an install of packages the image has already, `apt-get install -y wget` on an image with wget, needs no lists: apt
  // finds them installed)
  const present = (p: string) => packagePrograms(p).length > 0 && packagePrograms(p).every((t) => runtime.tools.has(t) || (runtimeBase?.tools.has(t) ?? false));
  if (c.install && !c.install.selfUpdating && c.install.manager === 'apt' && !runtime.aptLists && !c.install.packages.every(present)) return 'apt package lists (no `apt-get update` before this install in the runtime stage)';
  for (const g of [flagValue(c.words, '-g', '--gid', '--ingroup'), ...(flagValue(c.words, '-G', '--groups')?.split(',') ?? [])]) {
    if (g && !/^\d+$/.test(g) && builder.groups.has(g) && !runtime.groups.has(g)) return `the group ${g}, created only in the builder`;
  }
  const owner = pathOperands(c.words)?.owner?.split(/[:.]/)[0];
  if (owner && builder.users.has(owner) && !runtime.users.has(owner) && !runtime.groups.has(owner)) return `the user ${owner}, created only in the builder`;
  return null;
}

/**
 * True when the builder made `p` itself (or a directory inside the one holding it) while the runtime stage has
 * only a directory around it that it made empty (a WORKDIR, a `mkdir`): `ADD x.tar.gz` into /home/node,
 * then `chown node x.tar.gz`, replayed after only the WORKDIR; or the builder's COPY filled the directory the
 * stage's WORKDIR made (`COPY . .`, left in the builder, then `mv config/x.sample config/x`). A directory the
 * stage copied holds what the builder made in it.
 */
function madeInside(builder: StageState, runtime: StageState, p: string, copied: readonly { to: string }[]): boolean {
  const there = madeBy(runtime, p);
  const made = madeBy(builder, p);
  // the builder filled the very directory the stage's WORKDIR made empty (`COPY . .` into it, left in the builder)
  const filledThere = made === there && there !== null && p !== there && runtime.empty.has(there) && !builder.empty.has(there);
  return there !== null && made !== null && (made.length > there.length || filledThere) && isInside(made, there) && !copied.some((k) => isInside(there, k.to) || isInside(k.to, there));
}

function flagValue(words: readonly string[], ...names: string[]): string | null {
  for (let i = 0; i < words.length; i++) if (names.includes(words[i]!)) return words[i + 1] ?? null;
  return null;
}

/** True when the stage made `path` (or a directory it lies in) and no longer has it at its end. */
function deletedAtEnd(s: StageState, path: string): boolean {
  return insideAny(path, s.ever) && !has(s, path);
}

/**
 * Of `paths`, those the builder makes and deletes again by its end (`rm -rf /tmp/redis-stable*` after
 * building in it, `rm v3.4.1.tar.gz` after unpacking it): the original image does not hold them, so they
 * are no artifact (the plan leaves them out rather than copy what the build deleted on purpose).
 */
export function deletedByBuilder(model: Model, analysis: Analysis, paths: readonly string[]): Set<string> {
  const b = fresh();
  for (const index of model.stages[0]!.instructions) applyInstruction(b, model, analysis, index);
  return new Set(paths.filter((p) => !/[$~]/.test(p) && deletedAtEnd(b, p)));
}

/** Where the COPY --from steps after step `at` put what they copy. */
function laterCopies(steps: readonly RuntimeStep[], at: number): string[] {
  return steps.slice(at + 1).flatMap((s) => (s.artifact ? [s.artifact.to ?? s.artifact.path] : []));
}

/** Input of {@link proveRuntimeStage}. */
export interface ProofInput {
  model: Model;
  analysis: Analysis;
  steps: readonly RuntimeStep[];
  builderBase: ImageConfig | null;
  runtimeBase: ImageConfig | null;
  sameBase: boolean;
  /** The programs CMD, ENTRYPOINT and HEALTHCHECK start, with their lines. */
  started: readonly { word: string; line: number; keyword: string; names?: string; helper?: { also: readonly string[] } }[];
}

/**
 * Prove every replayed command's preconditions in the runtime stage, that every COPY --from copies a
 * path the builder still has at its end, and that what the container starts is there. Returns the
 * reasons to decline (empty when proven).
 */
export function proveRuntimeStage(input: ProofInput): Finding[] {
  const { model, analysis } = input;
  // the builder: the original file, instruction by instruction, to its end
  const order = model.stages[0]!.instructions;
  const builderStart = (): StageState => {
    const s = fresh();
    if (input.builderBase) s.tools = new Set(input.builderBase.tools);
    return s;
  };
  const b = builderStart();
  for (const index of order) applyInstruction(b, model, analysis, index);
  // and a second walk that stops right before each replayed RUN: the runtime steps come in the
  // original's order, so it only moves forward (a copy of the state per instruction made long files
  // quadratic); a step out of order starts it again
  let walk = builderStart();
  let next = 0;
  const afterAll = (before: StageState, commands: readonly RunCommand[]): StageState => {
    const state = layered(before);
    for (const o of commands) apply(state, o);
    return state;
  };
  const stateBefore = (index: number): StageState => {
    if (next > 0 && order[next - 1]! >= index) {
      walk = builderStart();
      next = 0;
    }
    while (next < order.length && order[next]! < index) applyInstruction(walk, model, analysis, order[next++]!);
    return walk;
  };
  for (const step of input.steps) {
    const a = step.artifact;
    if (!a || a.byPreset) continue;
    const removed = deletedAtEnd(b, a.path);
    if (/[$~]/.test(a.path) || removed) return [{ id: 'copy-missing', data: { path: a.path, why: removed ? 'a later command deletes it' : 'it depends on a variable or ~ that a COPY cannot expand' }, line: a.why.line }];
  }
  const r = fresh();
  let builderToolsCopied = false;
  // the COPY --from steps so far: they bring what the builder has at its end
  const copied: { from: string; to: string }[] = [];
  for (const [at, step] of input.steps.entries()) {
    // the programs the runtime stage installs for CMD/HEALTHCHECK and the code (procps gives free)
    for (const p of step.packages ?? []) for (const t of [p, ...(packageProvides(p) ?? [])]) r.tools.add(t);
    const line = step.source !== null ? model.instructions[step.source]!.line : undefined;
    const builderThen = step.source !== null && step.keyword === 'RUN' ? stateBefore(step.source) : b;
    if (step.keyword === 'RUN') {
      const original = step.source !== null && !step.verbatim ? (analysis.runs.get(step.source)?.commands ?? []) : [];
      const ofOriginal = new Set(original);
      // when the RUN's commands are listed in the order they start (no substitution inside), the commands
      // before each kept one are a prefix of the list: applied once each over one layer, not again per command
      const ordered = original.every((o, i) => i === 0 || original[i - 1]!.start < o.start);
      let layer: StageState | null = null;
      let afterRun: StageState | null = null;
      let applied = 0;
      let lastStart = -1;
      for (const c of step.commands) {
        // inside a split RUN the builder had also run the commands before this one (a download, a clone)
        let then = builderThen;
        // where a command enters: for one written in place of the RUN (src/local-copy.ts' runtime half), the builder
        // after the RUN's commands that the runtime stage does not repeat (a clone the repeated `cd` then enters is
        // the builder's alone; installs are repeated in their runtime part)
        let entered = builderThen;
        if (!ofOriginal.has(c) && original.length) {
          entered = afterRun ??= afterAll(
            builderThen,
            original.filter((o) => !o.install && !step.commands.some((k) => k.words.join(' ') === o.words.join(' '))),
          );
        } else if (ofOriginal.has(c)) {
          if (ordered && c.start >= lastStart) {
            lastStart = c.start;
            while (applied < original.length && original[applied]!.start < c.start) apply((layer ??= layered(builderThen)), original[applied++]!);
            if (layer) then = entered = layer;
          } else {
            const earlier = original.filter((o) => o.start < c.start);
            if (earlier.length) {
              then = entered = layered(builderThen);
              for (const o of earlier) apply(then, o);
            }
          }
        }
        const clash = collision(c, copied, b);
        if (clash) return [{ id: 'replay-collides', data: { command: c.words.slice(0, 3).join(' '), path: clash.path, copy: clash.copy }, line }];
        // a RUN repeated in part enters each command's directory first (`cd /tmp/src && ...`, src/runtime-stage.ts)
        const enters = !step.verbatim && step.source !== null && entersDirectory(c, analysis.scopes.get(step.source)?.workdir ?? '/');
        const gap =
          enters && hasDir(entered, c.cwd) && (!hasDir(r, c.cwd) || madeInside(entered, r, c.cwd, copied))
            ? `the working directory ${c.cwd}, made only in the builder`
            : (missing(c, r, then, input.runtimeBase, input.sameBase, copied, () => laterCopies(input.steps, at)) ?? builderImagePath(c, r, input.builderBase, input.runtimeBase, input.sameBase, copied));
        if (gap) return [{ id: 'replay-needs-builder-state', data: { thing: gap, command: c.words.slice(0, 3).join(' ') }, line }];
        apply(r, c, 'runtime');
      }
    } else if (step.artifact) {
      const to = step.artifact.to ?? step.artifact.path;
      // a staged install's directory brings the paths the installs wrote, each where the builder has it
      const lands = step.artifact.brings?.map((p) => ({ from: p, to: p })) ?? [{ from: step.artifact.path, to }];
      for (const land of lands) {
        make(r, land.to);
        copied.push(land);
        // the copy holds what the builder has at its end: not what it deleted inside the copied path
        for (const g of b.gone) if (isInside(g.replace(/\/?\*.*$/, ''), land.from) && g.startsWith(land.from)) r.gone.add(land.to + g.slice(land.from.length));
      }
      // a copied language install (site-packages, ~/.local, a venv, node_modules) brings its programs
      if (b.langInstall || step.artifact.byPreset) r.langInstall = true;
      const base = to.split('/').pop() ?? '';
      if (/\/s?bin\/[^/]+$/.test(to)) r.tools.add(base);
      // (the builder's own programs: the same ones for every copy, and nothing takes a program away, so once)
      else if (!builderToolsCopied) {
        builderToolsCopied = true;
        for (const t of b.tools) if (!input.builderBase?.tools.has(t) && !b.packageTools.has(t)) r.tools.add(t);
      }
    } else if (step.source !== null && step.verbatim) {
      // the account USER names must exist where the container runs: one the builder's base image made
      // (node's `node`, gradle's `gradle`) is not on another runtime base unless the stage creates it
      const ins = model.instructions[step.source]!;
      const user = ins.keyword === 'USER' ? ins.user : '';
      const name = user.split(':')[0]!;
      if (name && !input.sameBase && input.builderBase?.users.includes(name) && !input.runtimeBase?.users.includes(name) && !r.users.has(name))
        return [{ id: 'replay-needs-builder-state', data: { command: `USER ${user}`, thing: `the user ${name}, which the builder's base image creates and the runtime base has not` }, line: ins.line }];
      applyInstruction(r, model, analysis, step.source);
    }
  }
  // a file the original copies in or writes and then deletes with a command that stays in the builder
  // (`rm -rf .git` after `COPY . .`, `rm /root/.netrc` after `COPY .netrc /root/.netrc`, `rm -rf /go`
  // after building in it): the runtime stage repeats the COPY or the write but not the deletion, so it
  // would hold files the original has not: a token, a key, sources
  const keeps = keptRemovals(input, b);
  if (keeps) return [keeps];
  const lastIndex = model.stages[0]!.instructions.at(-1)!;
  const path = (analysis.scopes.get(lastIndex)?.env.get('PATH') ?? input.runtimeBase?.env.PATH ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin').split(':').filter((d) => d.startsWith('/'));
  // the directories build steps wrote into without naming their outputs: read once, for the programs started by path
  let buildDirs: ReturnType<typeof unnamedBuildDirs> | undefined;
  for (const s of input.started) {
    if (!/^[\w./+@-]+$/.test(s.word)) continue; // not a program name (`["hello",` of invalid JSON)
    if (s.helper) {
      // a program the image's code runs (a package that shells out, a script's interpreter): on another base
      // image the runtime stage has it only from the base or from what it installs or copies (a system program:
      // not one a copied directory on PATH, a venv's bin, happens to hold)
      const names = [s.word, ...s.helper.also];
      const there = (n: string) => isShellOnly(n) || r.tools.has(n) || input.runtimeBase?.tools.has(n);
      if (input.sameBase || !input.runtimeBase || names.some(there)) continue;
      return [{ id: 'command-missing', data: { keyword: s.keyword, command: s.word, why: `the runtime base has no ${names.join(' or ')}, which the full image or the build provided, and the runtime stage does not install it` }, line: s.line }];
    }
    if (s.word.includes('/')) {
      const path = joinPath(containerWorkdir(model, analysis), s.word);
      const maker = madeBy(b, path);
      // the runtime stage has it when it made the same path (a replayed COPY, clone or write) or copied one holding it
      // from the builder: a directory it made around it (a WORKDIR) is empty
      if (maker && !(has(r, path) && (r.made.has(maker) || copied.some((k) => k.from === k.to && (isInside(maker, k.to) || (isInside(k.to, maker) && isInside(path, k.to)))))))
        return [{ id: 'command-missing', data: { keyword: s.keyword, command: s.names ?? s.word, why: s.names ? `it names ${s.word}, which the builder makes (${maker}) and the runtime stage neither copies nor makes` : 'the builder makes it and the runtime stage does not copy it' }, line: s.line }];
      // a program started from a directory a build step wrote into without naming what it wrote (`cd tool-1.0 &&
      // make` then `CMD ["/src/tool-1.0/tool"]`): the build's output, which the runtime stage has only when it
      // copies that directory (the context's COPY brings the sources, not what make built from them)
      const built = (buildDirs ??= unnamedBuildDirs(model, analysis)).find((d) => d.test(path));
      if (built && !r.made.has(path) && !copied.some((k) => isInside(path, k.to))) return [{ id: 'command-missing', data: { keyword: s.keyword, command: s.names ?? s.word, why: `a build step writes into ${built.dir} without naming its outputs, and the runtime stage does not copy that directory` }, line: s.line }];
      // a program started by a path no step of either stage is known to make (a clone into "$GOPATH/src/..." whose
      // path a variable hides): on another base image it is there only when that image has it or the stage copies or
      // makes it (a WORKDIR around it is empty)
      const name = s.word.split('/').pop()!;
      if (!maker && !s.names && !input.sameBase && input.runtimeBase && !r.made.has(path) && !copied.some((k) => isInside(path, k.to)) && !isShellOnly(name) && !r.tools.has(name) && !input.runtimeBase.tools.has(name))
        return [{ id: 'command-missing', data: { keyword: s.keyword, command: s.word, why: 'no step is known to make it, and the runtime base does not have it' }, line: s.line }];
      continue;
    }
    if (isShellOnly(s.word) || s.word.includes('$') || r.tools.has(s.word) || input.runtimeBase?.tools.has(s.word)) continue;
    // a program installed under a PATH directory the runtime stage copied (make install into /usr/local); not a
    // program of the builder's base image that no step installs (the golang image's go-wrapper): where that image
    // keeps it is not known, and a build that writes into a directory on PATH (`go install` into /go/bin) makes
    // its own programs, not that one
    const baseProgram = input.builderBase?.tools.has(s.word) === true && !b.packageTools.has(s.word);
    if (!baseProgram && path.some((d) => has(b, `${d}/${s.word}`) && has(r, `${d}/${s.word}`))) continue;
    if (b.tools.has(s.word)) return [{ id: 'command-missing', data: { keyword: s.keyword, command: s.word, why: 'only the builder has it' }, line: s.line }];
    if (!input.sameBase && !r.langInstall && !has(r, joinPath('/', s.word))) return [{ id: 'command-missing', data: { keyword: s.keyword, command: s.word, why: 'it is not known to be on the runtime base' }, line: s.line }];
  }
  return [];
}

/**
 * The directories build steps of the builder write into without naming their outputs (`make`, `npm run
 * build`, a compiler without -o), as patterns matching the paths inside them: a part of the directory a
 * variable the analyzer cannot resolve names (`cd tool-${TOOL_VERSION}`) matches any name.
 */
function unnamedBuildDirs(model: Model, analysis: Analysis): { dir: string; test: (path: string) => boolean }[] {
  const dirs = new Set<string>();
  for (const index of model.stages[0]!.instructions) for (const c of analysis.runs.get(index)?.commands ?? []) if ((c.kind === 'build' || c.kind === 'system-compile') && c.outputs.length === 0 && c.produced.length === 0) dirs.add(c.cwd);
  // not the root, nor a directory whose first part a variable names: they would hold every path
  return [...dirs]
    .filter((dir) => /^\/[^/$]+(\/|$)/.test(dir))
    .map((dir) => {
      const parts = dir.replace(/\/+$/, '').split(/(\$\{[^}]*\}|\$\w+)/);
      const body = parts.map((p, i) => (i % 2 ? '[^/]*' : p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
      const re = new RegExp(`^${body}(/|$)`);
      return { dir, test: (path: string) => re.test(path) };
    });
}

/**
 * True when deleting `path` takes a part of the build context copied into `dest`, not only what a build command made
 * below it (node_modules/.cache): no path the builder made inside `dest` holds it, but `dest` itself and the
 * directories a WORKDIR names, which may hold the context's files too (as may one holding what a build made).
 */
function contextPart(b: StageState, workdirs: ReadonlySet<string>, dest: string, path: string): boolean {
  return !path.includes('*') && isInside(path, dest) && path !== dest && ![...b.ever].some((m) => m !== dest && isInside(m, dest) && isInside(path, m) && !workdirs.has(m));
}

/** The directories the WORKDIRs of the builder name, absolute. */
function workdirsOf(model: Model, analysis: Analysis): Set<string> {
  return new Set(
    model.stages[0]!.instructions.flatMap((i) => {
      const ins = model.instructions[i]!;
      return ins.keyword === 'WORKDIR' ? [joinPath(analysis.scopes.get(i)?.workdir ?? '/', ins.path)] : [];
    }),
  );
}

/**
 * True when deleting `path` (absolute, no glob) takes a part of the build context the builder copies into `dest`
 * rather than only what its build made there (the test keptRemovals declines by: src/runtime-removed.ts asks it).
 */
export function deletesContextPart(model: Model, analysis: Analysis, dest: string, path: string): boolean {
  const b = fresh();
  for (const index of model.stages[0]!.instructions) applyInstruction(b, model, analysis, index);
  return contextPart(b, workdirsOf(model, analysis), dest, path);
}

function keptRemovals(input: ProofInput, b: StageState): Finding | null {
  const { model, analysis } = input;
  // what the runtime stage repeats of the original and could hold after the original deleted it: the
  // destinations of COPYs from the build context, and the files replayed commands write
  const kept: { index: number; start: number; path: string; how: string; step: string; context: boolean }[] = [];
  for (const st of input.steps) {
    if (st.source === null) continue;
    const ins = model.instructions[st.source]!;
    if (st.verbatim && (ins.keyword === 'COPY' || ins.keyword === 'ADD') && ins.from === null) {
      const dest = copyDestination(ins, analysis.scopes.get(st.source) ?? '/');
      const context = copiesContextRoot(ins);
      if (dest === null) continue;
      kept.push({ index: st.source, start: -1, path: dest, how: context ? 'copying the build context into' : 'copying into', step: ins.keyword, context });
      // a file copied into a directory lands under its own name (`COPY id_rsa /root/.ssh/`)
      if (!context) for (const src of ins.sources) if (!/[$*?[]/.test(src)) kept.push({ index: st.source, start: -1, path: joinPath(dest, src.split('/').filter(Boolean).pop() ?? '.'), how: 'copying into', step: ins.keyword, context: false });
    } else if (st.keyword === 'RUN') {
      for (const c of st.verbatim ? (analysis.runs.get(st.source)?.commands ?? []) : st.commands) for (const w of [...c.writes, ...c.produced]) kept.push({ index: st.source, start: c.start, path: w, how: 'writing', step: 'write', context: false });
    }
  }
  if (!kept.length) return null;
  const workdirs = workdirsOf(model, analysis);
  const replayed = new Set(input.steps.flatMap((st) => (st.keyword === 'RUN' && st.source !== null ? (st.verbatim ? (analysis.runs.get(st.source)?.commands ?? []) : st.commands).map((c) => `${st.source}:${c.start}`) : [])));
  for (const [index, run] of analysis.runs)
    for (const c of run.commands) {
      const removes = pathOperands(c.words)?.removes;
      if (!removes?.length || replayed.has(`${index}:${c.start}`)) continue;
      const scope = analysis.scopes.get(index);
      const home = homeOf(scope?.user ?? null, scope?.env ?? new Map(), scope?.home);
      for (const operand of removes) {
        const resolved = operand.replace(/^~(?=\/|$)/, home);
        if (/[$~?[]/.test(resolved)) continue;
        const path = joinPath(c.cwd, resolved);
        for (const k of kept) {
          if (k.index > index || (k.index === index && k.start >= c.start)) continue;
          // the deletion takes all of it (`rm -rf /root/.ssh` after `COPY id_rsa /root/.ssh/id_rsa`), or, for
          // a copy of the whole context, a part of it: paths a build command made below the copy's destination
          // are the build's (node_modules/.cache), not the context's
          const all = under(k.path, path);
          const part = !all && k.context && contextPart(b, workdirs, k.path, path);
          if (!all && !part) continue;
          const line = model.instructions[index]!.line;
          // a credential (`.netrc`, a key) is named as such: the runtime image would leak it
          const secret = secretLike(k.path) ?? secretLike(path);
          if (secret) return { id: 'runtime-copies-secret', data: { path: all ? k.path : path, pattern: secret, what: `the ${k.step} ${k.step === 'write' ? 'of' : 'into'} ${k.path}` }, line };
          return { id: 'runtime-keeps-removed', data: { path, how: k.how, dest: k.path, step: k.step }, line };
        }
      }
    }
  return null;
}

/** The effects of one original instruction (RUN commands, COPY/ADD destinations, WORKDIR). */
function applyInstruction(s: StageState, model: Model, analysis: Analysis, index: number): void {
  const ins = model.instructions[index]!;
  const scope = analysis.scopes.get(index);
  if (!scope) return;
  if (ins.keyword === 'RUN') for (const c of analysis.runs.get(index)?.commands ?? []) apply(s, c);
  if (ins.keyword === 'WORKDIR') {
    const dir = joinPath(scope.workdir, ins.path);
    // a directory inside one the stage filled (a checkout `go get` made, a COPY) may hold what was put there
    const holder = madeBy(s, dir);
    if (!s.made.has(dir) && (holder === null || s.empty.has(holder))) s.empty.add(dir);
    make(s, dir);
  }
  if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && ins.from === null) {
    const dest = copyDestination(ins, scope);
    if (dest) {
      make(s, dest);
      fill(s, dest);
    }
  }
}
