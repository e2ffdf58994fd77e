// The analyzer: every instruction of a single-stage Dockerfile gets a phase (build, runtime or both),
// a reason id and the data for a sentence a human can read (`dfsplit explain`).
// Instruction reference: https://docs.docker.com/reference/dockerfile/
import type { ArgInstruction, CopyInstruction, Instruction, Model } from '../model.js';
import { describe, type Finding, type MessageId } from '../messages.js';
import { joinPath, parseShell, scanUnclosedQuote, unterminatedQuote } from '../shell.js';
import { analyzeRun, EnvHistory, expandWord, expansionBudget, removedPackages, type EnvView, type RunAnalysis, type RunCommand } from './run.js';
import { releaseOfImage } from '../tags.js';
import type { Release } from '../knowledge/releases.js';
import { imageConfig } from '../knowledge/image-config.js';
import { imageDir, systemDir } from '../knowledge/secrets.js';
import { copyPlacement } from '../commands/files.js';
import { checkoutOf, createdAccount, familyOf, fileReplay, installsLanguagePackages, isNeutral, isShellOnly, movesFiles, packageCommand, pathOperands, pathUse, registryInstall } from '../commands/index.js';
import { operands } from '../commands/options.js';
import { pipInstallReadsOnly } from '../commands/python.js';
import { isInside } from '../paths.js';
import { keepUnusedTools } from './kept-tools.js';
import { BUILD_TOOL_ARCHIVES } from '../knowledge/java.js';
import { packageName } from './packages.js';

export type Phase = 'build' | 'runtime' | 'both';

/** An instruction's classification. */
export interface Classification {
  index: number;
  line: number;
  keyword: string;
  phase: Phase;
  reason: MessageId;
  data: Record<string, string>;
  /** The English sentence for `reason`. */
  because: string;
}

/** The state the build is in when an instruction runs. */
interface Scope {
  workdir: string;
  env: EnvView;
  user: string | null;
  /** The USER's home when the file made the user with one of its own (`useradd -d`), else null. */
  home: string | null;
}

/** Everything later passes need to know about the original Dockerfile. */
export interface Analysis {
  classifications: Classification[];
  /** RUN instructions read command by command, by instruction index. */
  runs: ReadonlyMap<number, RunAnalysis>;
  /** Scope before each instruction, by instruction index. */
  scopes: ReadonlyMap<number, Scope>;
  /** True when at least one instruction builds something the runtime does not need. */
  hasBuildStep: boolean;
  /** The user of the final image (null: the base image's default). */
  finalUser: string | null;
  /**
   * Why the file cannot be read on, or null: its variables expand past the budget (`expansion-too-large`;
   * the analysis stops at that instruction), or a RUN ends inside a quote (`shell-unterminated-quote`).
   * The file is an error.
   */
  error: Finding | null;
}

const BUILDING: ReadonlySet<string> = new Set(['build', 'test', 'fetch', 'generate', 'file-move', 'system-compile']);
/** Shells that read quotes as /bin/sh does (a SHELL instruction may choose another, e.g. pwsh). */
const POSIX_SHELL = /(^|\/)(sh|bash|dash|ash|zsh|ksh|mksh)$/;
/** Commands that make something from sources (a fetch alone does not). */
export const COMPILING: ReadonlySet<string> = new Set(['build', 'test', 'generate', 'file-move', 'system-compile']);

/** Classify every instruction of the model's only stage. */
export function analyze(model: Model): Analysis {
  const removedLater = new Set<string>();
  // the runtime stage's base is the builder's image or its slim variant, of the same release (the plan checks another)
  const release = releaseOfImage(model.stages[0]?.image ?? '');
  const scopes = new Map<number, Scope>();
  const runs = new Map<number, RunAnalysis>();
  const classifications: Classification[] = [];
  // what the base image sets is in effect before the first instruction (golang: WORKDIR /go, GOPATH)
  const inherited = imageConfig(model.stages[0]?.image ?? '');
  let workdir = inherited?.workdir ?? '/';
  let user: string | null = null;
  const env = new Map<string, string>(Object.entries(inherited?.env ?? {}));
  // global ARGs are visible inside a stage only when declared again there (ARG NAME takes the global default)
  const globals = new Map<string, string>();
  for (const a of model.globalArgs) {
    const ins = model.instructions[a]!;
    if (ins.keyword === 'ARG') setArgs(ins, globals);
  }
  // first pass: packages removed anywhere in the file were only ever build dependencies
  for (const ins of model.instructions) {
    if (ins.keyword !== 'RUN' || ins.json) continue;
    // a heredoc's body is the script, as for classifying it (its `<<EOF` line alone removes nothing)
    for (const c of parseShell(ins.script).commands) for (const r of removedPackages(c.words)) removedLater.add(r);
  }
  // each scope sees the environment of its instruction through one shared history (a copy per
  // instruction made long files quadratic); a view is made again only after an ENV or ARG
  const budget = expansionBudget(model.text.length);
  const history = new EnvHistory(env, budget);
  // what one RUN leaves for later ones (an install prefix a build system caches, as cmake does)
  const carry = { cachedPrefix: null as string | null };
  // the RUNs read as carrying a build's products off (run-carry-off), with how they were read before
  const carriedOffRuns = new Map<number, { run: RunAnalysis; verdict: Verdict }>();
  // the working directories of the builds so far whose outputs are not named (carriedOff)
  const builtDirs: { dir: string; line: number }[] = [];
  // the homes of the users the file makes with one of their own (`useradd -d`), by name
  const homes = new Map<string, string>();
  let snapshot: EnvView | null = null;
  let error: Finding | null = null;
  let posixShell = true;
  for (const ins of model.instructions) {
    if (ins.stage < 0) continue;
    snapshot ??= history.view();
    const home = user === null ? null : (homes.get(user.split(':')[0]!) ?? null);
    scopes.set(ins.index, { workdir, env: snapshot, user, home });
    const c = pragmaIgnored(model, ins) ?? classifyInstruction(ins, { workdir, env: snapshot, user, home }, removedLater, runs, release, carry, builtDirs, carriedOffRuns);
    // the homes the file gives the users it makes (`useradd -d /opt/app app`): HOME for that USER later
    for (const command of runs.get(ins.index)?.commands ?? []) {
      const account = createdAccount(command.words);
      if (account?.creates === 'user' && account.home) homes.set(account.name, joinPath(command.cwd, account.home));
    }
    // written out field by field: an object spread here cost more than the rest of the loop
    classifications.push({ index: ins.index, line: ins.line, keyword: ins.keyword, phase: c.phase, reason: c.reason, data: c.data, because: describe({ id: c.reason, data: c.data }) });
    if (ins.keyword === 'WORKDIR') workdir = joinPath(workdir, expandWord(ins.path, env, budget));
    if (ins.keyword === 'USER') user = ins.user;
    if (ins.keyword === 'SHELL') posixShell = POSIX_SHELL.test(ins.json?.[0] ?? '');
    const set = (k: string, v: string) => {
      env.set(k, v);
      history.set(k, v);
      snapshot = null;
    };
    if (ins.keyword === 'ENV') for (const [k, v] of ins.pairs) set(k, expandWord(v, env, budget));
    if (ins.keyword === 'ARG') setArgs(ins, env, globals, set);
    if (budget.exceeded) {
      error ??= { id: 'expansion-too-large', data: { limit: String(budget.limit) }, line: ins.line };
      break;
    }
    // the shell refuses a script that ends inside a quote: the original does not build (a heredoc may
    // feed another program, and an exec-form RUN has no shell). mvdan-sh refuses some scripts /bin/sh
    // reads (`"${A:-it's}"`), so a plain POSIX scan must end inside a quote too; else the RUN is read as
    // any other script the parser refuses
    const analysis = ins.keyword === 'RUN' && !ins.json && !ins.heredoc && posixShell ? runs.get(ins.index) : undefined;
    const quote = analysis ? unterminatedQuote(analysis.shellError) : null;
    if (quote && analysis && scanUnclosedQuote(analysis.script) !== null) error ??= { id: 'shell-unterminated-quote', data: { quote: quote === '`' ? 'backquote' : quote }, line: ins.line };
  }
  // a carry before another build in the same tree (`npm install`, `mv node_modules/.bin/x /usr/local/bin/`, `npm run
  // build`) is read as it was: what it moves may be the later build's input, and the tree's end state is not yet there
  for (const [index, was] of carriedOffRuns) {
    const at = classifications.findIndex((k) => k.index === index);
    const dir = classifications[at]!.data.dir ?? '/';
    if (![...runs].some(([i, r]) => i > index && r.commands.some((x) => (x.kind === 'build' || x.kind === 'generate') && isInside(x.cwd, dir)))) continue;
    runs.set(index, was.run);
    classifications[at] = { ...classifications[at]!, phase: was.verdict.phase, reason: was.verdict.reason, data: was.verdict.data, because: describe({ id: was.verdict.reason, data: was.verdict.data }) };
  }
  // a later RUN that only works on a checkout or a download (`git checkout v1` apart, `chmod +x bin/hubot`, `mkdir
  // build` in it) is build state too: the checkout is copied as it is at the end of the build, its work included.
  // A checkout stays build state only while nothing the runtime stage repeats after it works in it or writes over
  // it (a repeated `grunt build` there would run before the checkout is copied, on its end state): until nothing
  // changes, a checkout used later is repeated after all and takes back the work on it, which may then be a use
  // of another checkout
  const work = checkoutWork(model, runs, classifications);
  const classified = (index: number) => classifications.find((k) => k.index === index);
  classifications.forEach((c, i) => {
    const on = work.get(c.index);
    if (!on) return;
    const data = { path: on.path, commands: on.commands };
    classifications[i] = { ...c, phase: 'build', reason: 'run-on-fetched', data, because: describe({ id: 'run-on-fetched', data }) };
  });
  for (let changed = true; changed;) {
    changed = false;
    classifications.forEach((c, i) => {
      if ((c.reason === 'run-checkout' || c.reason === 'run-download') && checkoutUsedLater(model, c.index, runs, scopes, classifications)) {
        const data = { commands: c.data.commands ?? '' };
        classifications[i] = { ...c, phase: 'both', reason: 'run-fetch', data, because: describe({ id: 'run-fetch', data }) };
        changed = true;
      }
    });
    classifications.forEach((c, i) => {
      const on = work.get(c.index);
      if (c.reason !== 'run-on-fetched' || !on || on.checkouts.every((at) => classified(at)?.phase === 'build')) return;
      classifications[i] = on.was;
      changed = true;
    });
  }
  // a build-only package no later command uses was installed for run time: its RUN is read again with it as a
  // runtime package (the file still counts as installing build tools: a toolbox is told as one)
  // (a download and the work on it alone are no reason to split: the split pays off by what the build leaves behind)
  const hasBuildStep = classifications.some((c) => (c.phase === 'build' && c.reason !== 'run-download' && c.reason !== 'run-on-fetched') || c.reason === 'run-mixed' || c.reason === 'run-packages-mixed');
  const kept = keepUnusedTools(runs, removedLater);
  for (const index of kept) {
    const at = classifications.findIndex((c) => c.index === index);
    if (at < 0 || classifications[at]!.reason === 'pragma-ignored') continue;
    const v = classifyRun(runs.get(index)!);
    classifications[at] = { ...classifications[at]!, phase: v.phase, reason: v.reason, data: v.data, because: describe({ id: v.reason, data: v.data }) };
  }
  // a RUN that only refreshes the package lists (`RUN apt-get update`, then `RUN apt-get install ...` apart) is
  // repeated in the runtime stage when a later install that stays there needs the lists it leaves
  classifications.forEach((c, i) => {
    const manager = c.phase === 'build' && c.keyword === 'RUN' ? refreshOnly(runs.get(c.index)) : null;
    if (!manager) return;
    for (const later of classifications.slice(i + 1)) {
      if (later.keyword !== 'RUN') continue;
      const commands = runs.get(later.index)?.commands ?? [];
      if (refreshOnly(runs.get(later.index)) === manager) return;
      const at = commands.findIndex((x) => x.install?.manager === manager && !x.install.selfUpdating);
      if (at < 0) continue;
      if (commands.slice(0, at).some((x) => refreshes(x.words) === manager)) continue;
      if (later.phase === 'build') continue;
      const data = { command: commands.find((x) => refreshes(x.words))?.words.join(' ') ?? manager };
      classifications[i] = { ...c, phase: 'both', reason: 'run-lists', data, because: describe({ id: 'run-lists', data }) };
      return;
    }
  });
  // `RUN mkdir -p /go/src/app` right before `WORKDIR /go/src/app`, as root: the WORKDIR makes the same directory, so a
  // runtime stage that repeats the WORKDIR needs no RUN (and no shell) for it
  classifications.forEach((c, i) => {
    const path = c.keyword === 'RUN' && c.phase !== 'build' ? madeByNextWorkdir(model, runs.get(c.index), scopes, c.index) : null;
    if (path === null) return;
    classifications[i] = { ...c, phase: 'build', reason: 'run-mkdir-workdir', data: { path }, because: describe({ id: 'run-mkdir-workdir', data: { path } }) };
  });
  return { classifications, runs, scopes, hasBuildStep, finalUser: user, error };
}

/**
 * The directory a RUN of only `mkdir -p DIR` (no other option) makes, when the next instruction of its stage is a
 * WORKDIR of the same directory and both run as root (WORKDIR makes it as root, with the mode mkdir gives it); null
 * otherwise.
 */
function madeByNextWorkdir(model: Model, run: RunAnalysis | undefined, scopes: ReadonlyMap<number, Scope>, index: number): string | null {
  const ins = model.instructions[index]!;
  const next = model.instructions[index + 1];
  const c = run?.commands.length === 1 ? run.commands[0]! : null;
  if (!c || ins.keyword !== 'RUN' || ins.json || ins.heredoc || next?.keyword !== 'WORKDIR' || next.stage !== ins.stage || Object.keys(c.assigns).length) return null;
  // a command that makes directories (the files family's mkdir), allowed to find them there (`-p`), with no mode
  const ops = pathOperands(c.words);
  if (!ops || !pathUse(c.words[0] ?? '')?.directories || ops.failsIfExists || ops.valued) return null;
  const dirs = [...new Set(ops.makes.map((w) => joinPath(c.cwd, w)))];
  const scope = scopes.get(next.index);
  const root = (u: string | null | undefined) => u === null || u === undefined || u === 'root' || u === '0' || u === '0:0' || u === 'root:root';
  if (dirs.length !== 1 || dirs[0]!.includes('$') || !scope || !root(scopes.get(index)?.user) || !root(scope.user)) return null;
  const workdir = joinPath(scope.workdir, next.path);
  return workdir === dirs[0] ? workdir : null;
}

/** The package manager whose lists the command refreshes (`apt-get update`: apt), or null. */
function refreshes(words: readonly string[]): string | null {
  const command = packageCommand(words[0] ?? '');
  const sub = command?.packages.refreshesLists;
  return command && sub && words.includes(sub) && !words.some((w) => w === 'install' || w === 'upgrade' || w === 'dist-upgrade') ? command.packages.manager : null;
}

/** The package manager when every command of the RUN refreshes its lists (or leaves the image as it was), else null. */
function refreshOnly(run: RunAnalysis | undefined): string | null {
  const managers = new Set((run?.commands ?? []).map((c) => refreshes(c.words) ?? (isNeutral(c.words[0] ?? '') ? '' : '?')));
  managers.delete('');
  return managers.size === 1 && !managers.has('?') ? [...managers][0]! : null;
}

/**
 * `# dfsplit-ignore` on the comment lines right before a RUN, COPY or ADD keeps that instruction out of
 * the conversion: it stays in the builder as written and is not repeated in the runtime stage.
 */
function pragmaIgnored(model: Model, ins: Instruction): Verdict | null {
  if (!['RUN', 'COPY', 'ADD'].includes(ins.keyword)) return null;
  const before = model.instructions[ins.index - 1];
  const gap = model.text.slice(before ? before.end : 0, ins.start);
  return gap.includes('dfsplit-ignore') && /^[ \t]*#[ \t]*dfsplit-ignore[ \t]*\r?$/m.test(gap) ? { phase: 'build', reason: 'pragma-ignored', data: {} } : null;
}

interface Verdict {
  phase: Phase;
  reason: MessageId;
  data: Record<string, string>;
}

function classifyInstruction(ins: Instruction, scope: Scope, removedLater: ReadonlySet<string>, runs: Map<number, RunAnalysis>, release: Release | null, carry: { cachedPrefix: string | null }, builtDirs: { dir: string; line: number }[], carriedOffRuns: Map<number, { run: RunAnalysis; verdict: Verdict }>): Verdict {
  switch (ins.keyword) {
    case 'FROM':
      return { phase: 'both', reason: 'from-base', data: {} };
    case 'ARG':
      return { phase: 'both', reason: 'arg', data: {} };
    case 'ENV':
      return { phase: 'both', reason: 'env', data: {} };
    case 'WORKDIR':
      return { phase: 'both', reason: 'workdir', data: {} };
    case 'USER':
      return { phase: 'both', reason: 'user', data: {} };
    case 'SHELL':
      return { phase: 'both', reason: 'shell', data: {} };
    case 'ONBUILD':
      return { phase: 'runtime', reason: 'onbuild', data: {} };
    case 'LABEL':
    case 'MAINTAINER':
    case 'EXPOSE':
    case 'VOLUME':
    case 'STOPSIGNAL':
      return { phase: 'runtime', reason: 'metadata', data: { keyword: ins.keyword } };
    case 'CMD':
    case 'ENTRYPOINT':
    case 'HEALTHCHECK':
      return { phase: 'runtime', reason: 'runtime-command', data: { keyword: ins.keyword } };
    case 'COPY':
    case 'ADD':
      if (ins.from !== null) return { phase: 'both', reason: 'copy-stage', data: {} };
      if (ins.keyword === 'ADD' && !ins.json && /^(https?|git@)/.test(ins.words[0] ?? '')) return { phase: 'build', reason: 'add-url', data: {} };
      return { phase: 'both', reason: 'copy-context', data: {} };
    case 'RUN': {
      const run = analyzeRun(ins.script, { workdir: scope.workdir, user: scope.user, home: scope.home, env: scope.env, removedLater, release, carry });
      configRemovals(run, runs);
      const read = classifyRun(run);
      // a RUN that carries a build's products out of its tree: its movers read as the build's, with their outputs
      const carried = read.phase === 'build' || ins.json || ins.heredoc ? null : carriedOff(run, builtDirs);
      // (the working directories of this RUN's builds with outputs they do not name, for the carries after it)
      for (const x of run.commands) if ((x.kind === 'build' || x.kind === 'generate') && x.unnamedOutputs && x.cwd !== '/' && !x.cwd.includes('$') && !systemDir(x.cwd)) builtDirs.push({ dir: x.cwd, line: ins.line });
      if (carried) {
        carriedOffRuns.set(ins.index, { run, verdict: read });
        runs.set(ins.index, analyzeRun(ins.script, { workdir: scope.workdir, user: scope.user, home: scope.home, env: scope.env, removedLater, release, building: true }));
        return { phase: 'build', reason: 'run-carry-off', data: carried };
      }
      runs.set(ins.index, run);
      return read;
    }
  }
}

/**
 * An `rm` of a package's own configuration or data (`rm /etc/nginx/sites-enabled/default` after installing nginx,
 * `rm -rf /var/lib/tomcat8/webapps/*` after installing tomcat8: every path in `/etc/<name>`, `/var/lib/<name>` or
 * `/usr/share/<name>` of a package the file installed before it) configures the image, it does not clean up: a runtime
 * stage that installs the package again brings the files back, so it repeats the removal (review local-2026-12-06o:
 * jekyll's and blohg's nginx default site; moved-2026-12-07q: Tomcat's default ROOT beside the copied ROOT.war). A
 * file the Dockerfile put there itself (`COPY pip.conf /etc/pip.conf`) is no package's, and its removal stays cleanup:
 * the runtime stage never copies it; nor are a package tool's own settings (`/etc/apt/sources.list.d`: a command
 * family's name), which a step only the builder runs may have added.
 */
function configRemovals(run: RunAnalysis, earlier: ReadonlyMap<number, RunAnalysis>): void {
  // (the file's packages are read only for a RUN that removes something: every RUN's own would make it quadratic)
  if (!run.commands.some((c) => c.kind === 'cleanup')) return;
  const installed = [...earlier.values(), run].flatMap((r) => r.commands.flatMap((c) => c.install?.packages.map(packageName) ?? []));
  const owns = (pkg: string, dir: string) => pkg === dir || pkg.startsWith(`${dir}-`) || (pkg.startsWith(dir) && /^[\d.]/.test(pkg.slice(dir.length)));
  for (const c of run.commands) {
    const paths = c.kind === 'cleanup' ? (pathOperands(c.words)?.removes ?? []) : [];
    const dirs = paths.map((p) => /^\/(?:etc|var\/lib|usr\/share)\/([^/]+)\/./.exec(p)?.[1] ?? null);
    if (paths.length && dirs.every((d): d is string => d !== null && !familyOf(d) && installed.some((pkg) => owns(pkg, d)))) c.kind = 'setup';
  }
}

/** The phase of a RUN from its commands: build-only parts stay behind, the rest is repeated in the runtime stage. */
function classifyRun(run: RunAnalysis): Verdict {
  const cmds = run.commands;
  const names = (list: RunCommand[]) => [...new Set(list.map((c) => c.words.slice(0, 2).join(' ')))].join(', ');
  const installs = cmds.filter((c) => c.install);
  const buildPkgs = installs.flatMap((c) => c.install!.build);
  const runtimePkgs = installs.flatMap((c) => c.install!.runtime);
  const building = cmds.filter((c) => BUILDING.has(c.kind) && c.kind !== 'test');
  const tests = cmds.filter((c) => c.kind === 'test');
  // pip installs are repeated in the runtime stage unless a Python preset turns them into wheels
  // commands dfsplit does not know are part of the build when the RUN builds (patching sources, echo,
  // tee of a log); on their own they are repeated in the runtime stage
  const buildsSomething = cmds.some((c) => BUILDING.has(c.kind));
  const setup = cmds.filter((c) => c.kind === 'setup' || (c.kind === 'unknown' && !buildsSomething) || c.kind === 'toolchain-run' || c.kind === 'pip');
  // a JVM build tool installed from its release archive (Maven's tarball unpacked and linked into PATH, the official
  // maven image's way): only the build runs it, so the whole RUN stays in the builder, its links with it
  const tool = buildToolInstall(run);
  if (tool) return { phase: 'build', reason: 'run-build-tool', data: { tool, commands: names(cmds.filter((c) => c.kind === 'fetch' || c.kind === 'file-move')) } };
  // a checkout of sources (git clone) is build state: it stays in the builder and its directory is copied
  if (checksOutSources(run)) return { phase: 'build', reason: 'run-checkout', data: { commands: names(cmds.filter((c) => c.kind === 'fetch')) } };
  // a download to files it names and nothing else (`curl -o /usr/local/bin/gosu URL && chmod +x ...`) is build
  // state too: the files are copied
  const downloads = downloadsOnly(run);
  if (downloads) return { phase: 'build', reason: 'run-download', data: { paths: downloads.join(', '), commands: names(cmds.filter((c) => c.kind === 'fetch')) } };
  // downloads with nothing compiled from them (wget x.deb && dpkg -i x.deb, curl | sh) install things
  // for the runtime: the RUN is repeated as written
  if (!cmds.some((c) => COMPILING.has(c.kind)) && cmds.some((c) => c.kind === 'fetch')) {
    return { phase: 'both', reason: 'run-fetch', data: { commands: names(cmds.filter((c) => c.kind === 'fetch')) } };
  }
  const hasBuild = building.length > 0 || tests.length > 0 || buildPkgs.length > 0;
  const hasRuntime = setup.length > 0 || runtimePkgs.length > 0;
  if (!hasBuild) {
    // removing build dependencies or cleaning caches only matters in the builder
    if (cmds.length && cmds.every((c) => c.kind === 'cleanup' || (c.kind === 'package-maintenance' && !/upgrade/.test(c.words.join(' '))) || c.words[0] === 'set')) {
      return { phase: 'build', reason: 'run-packages-build', data: { packages: names(cmds) } };
    }
    if (runtimePkgs.length) return { phase: 'both', reason: 'run-packages-runtime', data: { packages: runtimePkgs.join(' ') } };
    if (cmds.some((c) => c.kind === 'unknown')) return { phase: 'both', reason: 'run-unknown', data: { commands: names(setup) } };
    return { phase: 'both', reason: 'run-setup', data: { commands: names(setup.length ? setup : cmds) } };
  }
  if (!hasRuntime) {
    if (building.length === 0 && tests.length === 0) return { phase: 'build', reason: 'run-packages-build', data: { packages: buildPkgs.join(' ') } };
    if (building.length === 0) return { phase: 'build', reason: 'run-test', data: { commands: names(tests) } };
    if (building.every((c) => c.kind === 'generate')) return { phase: 'build', reason: 'run-generate', data: { commands: names(building) } };
    return { phase: 'build', reason: 'run-build', data: { commands: names([...building, ...tests]) } };
  }
  if (installs.length && building.length === 0 && tests.length === 0 && setup.length === 0) {
    return { phase: 'both', reason: 'run-packages-mixed', data: { build: buildPkgs.join(' '), runtime: runtimePkgs.join(' ') } };
  }
  return { phase: 'both', reason: 'run-mixed', data: { build: names([...building, ...tests]) || buildPkgs.join(' '), setup: names(setup) || runtimePkgs.join(' ') } };
}

/**
 * The build tool (BUILD_TOOL_ARCHIVES) a RUN installs from its release archive, or null: a fetch names the archive, the
 * RUN unpacks it, and every other command checks, moves, links or removes (no package install, nothing else run).
 */
function buildToolInstall(run: RunAnalysis): string | null {
  if (run.shellError) return null;
  const fetched = run.commands.filter((c) => c.kind === 'fetch').flatMap((c) => c.words);
  const tool = BUILD_TOOL_ARCHIVES.find((t) => fetched.some((w) => t.archive.test(w)));
  if (!tool) return null;
  // (the checksums, `echo "$SHA  x.tar.gz" | sha256sum -c -`, are the shell family's neutral commands)
  const allowed = (c: RunCommand) => c.kind === 'fetch' || c.kind === 'file-move' || c.kind === 'cleanup' || isShellOnly(c.words[0] ?? '') || isNeutral(c.words[0] ?? '') || (c.kind === 'setup' && fileReplay(c.words[0] ?? '') !== null);
  // (unpacked in the same RUN: an archive only downloaded here is a file a later RUN unpacks, run-download)
  return run.commands.some((c) => c.kind === 'file-move') && run.commands.every((c) => !c.install && allowed(c)) ? tool.tool : null;
}

/**
 * True for a RUN that only checks sources out (`git clone URL dir && cd dir && git checkout v1`): every command
 * a checkout into a directory it names, work on that checkout, or one that only changes or prints the shell's
 * state (cd, echo). Its checkout is copied as an artifact (src/artifacts.ts) instead of being fetched again.
 */
function checksOutSources(run: RunAnalysis): boolean {
  const checkouts = run.commands.filter((c) => checkoutOf(c.words) === 'checkout');
  // a checkout inside a subshell, pipe or loop (`(cd /tmp && git clone URL)`) runs where a `cd` beside it went, which
  // the reading of nested commands does not follow: where it lands is not known (review moved-2026-12-07g: eschalot)
  if (!checkouts.length || run.shellError || checkouts.some((c) => c.nested || c.outputs.length !== 1 || /[$~*]/.test(c.outputs[0]!))) return false;
  return run.commands.every((c) => checkoutOf(c.words) !== null || isShellOnly(c.words[0] ?? '') || isNeutral(c.words[0] ?? ''));
}

/**
 * The files a RUN that only downloads writes (`wget -O /usr/local/bin/gosu URL && chmod +x /usr/local/bin/gosu`),
 * or null: every command a download (no checkout) to one file it names (-o, -O, the URL's name in its
 * directory; not to standard output, not a redirect), a chmod of downloaded files, or one that only prints or
 * looks with no file written (a checksum check); at least one download. Its files are copied as artifacts.
 */
function downloadsOnly(run: RunAnalysis): string[] | null {
  if (run.shellError) return null;
  const files = run.commands.filter((c) => c.kind === 'fetch');
  if (!files.length || files.some((c) => checkoutOf(c.words) !== null || c.outputs.length !== 1 || c.writes.length || /[$*?~`]/.test(c.outputs[0]!))) return null;
  const paths = files.map((c) => c.outputs[0]!);
  const ok = run.commands.every((c) => {
    if (c.kind === 'fetch') return true;
    if (c.writes.length || Object.keys(c.assigns).length) return false;
    if (isNeutral(c.words[0] ?? '') && !pathOperands(c.words)) return true;
    if (pathOperands(c.words)?.changesDirectory) return true;
    const ops = fileReplay(c.words[0] ?? '') === 'changes-mode' ? pathOperands(c.words) : undefined;
    return !!ops && ops.owner === null && (ops.needs ?? []).length > 0 && (ops.needs ?? []).every((p) => paths.includes(joinPath(c.cwd, p)));
  });
  return ok ? paths : null;
}

/** The paths a build-state RUN leaves for the runtime stage to copy: a checkout's directories, a download's files. */
function buildStatePaths(run: RunAnalysis | undefined, reason: MessageId): string[] {
  if (reason === 'run-checkout') return (run?.commands ?? []).filter((c) => checkoutOf(c.words) === 'checkout').flatMap((c) => c.outputs);
  if (reason === 'run-download') return (run?.commands ?? []).filter((c) => c.kind === 'fetch').flatMap((c) => c.outputs);
  return [];
}

/** A RUN that only works on what earlier checkout or download RUNs fetched: those RUNs, the paths it works in, its commands, and its classification before. */
interface CheckoutWork {
  checkouts: number[];
  path: string;
  commands: string;
  was: Classification;
}

/**
 * What a RUN whose every command carries files out of the working directory of a build step of an earlier RUN (a build
 * with outputs it does not name: `RUN make`, `RUN sh build.sh`) carries: `mv tool /usr/local/bin/`, `cp -r build/bin/*
 * /opt/tool/` (a cd between them aside), each source inside that directory and named without a variable, each
 * destination outside it. What it puts in place is the build's product, copied to the runtime stage; the runtime
 * stage does not move it again from a tree it does not have, and a checkout of the sources is used by the build alone
 * (review recall-2026-12-07r: net-speeder, whose `git clone` was repeated for the mv without git). The directory the
 * build ran in is copied as before (artifact-workdir). Null when the RUN is no such carry.
 */
function carriedOff(run: RunAnalysis, built: readonly { dir: string; line: number }[]): { dir: string; line: string; paths: string } | null {
  if (!built.length || run.shellError || !run.commands.length) return null;
  let from: { dir: string; line: number } | undefined;
  const paths: string[] = [];
  const carries = run.commands.every((x) => {
    if (x.nested || Object.keys(x.assigns).length) return false;
    if (pathOperands(x.words)?.changesDirectory) return x.writes.length === 0;
    if (!movesFiles(x.words[0] ?? '')) return false;
    const placed = copyPlacement(x.words, x.cwd);
    // (a relative path from `/` may be from the base image's own WORKDIR, unknown here: canardmouton's `cp x.war
    // wildfly/standalone/deployments/` on an image that works in /project)
    if (
      !placed?.sources.length ||
      /[$`]/.test(placed.dest) ||
      (x.cwd === '/' &&
        operands(x.words)
          .slice(1)
          .some((w) => !w.startsWith('/')))
    )
      return false;
    const sources = placed.sources.map((p) => joinPath(x.cwd, p));
    const holder = [...built].reverse().find((b) => sources.every((p) => !/[$`]/.test(p) && isInside(p, b.dir) && p !== b.dir));
    const dest = joinPath(x.cwd, placed.dest);
    if (!holder || (from && from !== holder) || isInside(dest, holder.dir)) return false;
    from = holder;
    paths.push(dest);
    return true;
  });
  return carries && from ? { dir: from.dir, line: String(from.line), paths: [...new Set(paths)].join(', ') } : null;
}

/**
 * The RUNs after a checkout RUN whose every command works inside a checkout it made, by instruction index: git
 * work on the checkout in its directory (`git checkout v1`, `git submodule update`), a file command whose every
 * path lies in a checkout (`chmod +x bin/hubot`, `mkdir -p build`, `rm -rf docs`, `sed -i` of a file in it; not
 * chown or chgrp, whose owner the runtime stage must have), a command that only prints, writing into a checkout
 * if anywhere, and the shell's own commands (cd). What they do is in the checkout the runtime stage copies.
 */
function checkoutWork(model: Model, runs: ReadonlyMap<number, RunAnalysis>, classifications: readonly Classification[]): Map<number, CheckoutWork> {
  const out = new Map<number, CheckoutWork>();
  const dirs: { at: number; dir: string }[] = [];
  for (const c of classifications) {
    // a file ADD downloads to an absolute path it names (`ADD https://.../tini /tini`): a later `chmod +x /tini` works on
    // the download, which the runtime stage copies with its mode
    if (c.reason === 'add-url') {
      const file = addedFile(model.instructions[c.index]!);
      if (file) dirs.push({ at: c.index, dir: file });
      continue;
    }
    const run = runs.get(c.index);
    if (!run) continue;
    if (c.reason === 'run-checkout' || c.reason === 'run-download') {
      for (const dir of buildStatePaths(run, c.reason)) dirs.push({ at: c.index, dir });
      continue;
    }
    const ins = model.instructions[c.index]!;
    if (!dirs.length || c.phase === 'build' || ins.keyword !== 'RUN' || ins.json || ins.heredoc || run.shellError || !run.commands.length) continue;
    const used = new Set<number>();
    const touched: string[] = [];
    // the checkout that holds every path given, or null (a variable, a wildcard or a path outside every checkout)
    const holder = (paths: readonly string[]): { at: number; dir: string } | null => {
      const found = paths.map((p) => (/[$*?~`]/.test(p) ? undefined : dirs.find((d) => isInside(p, d.dir))));
      return found.length && found.every((d) => d !== undefined) && found.every((d) => d === found[0]) ? found[0]! : null;
    };
    const works = run.commands.every((x) => {
      const name = x.words[0] ?? '';
      if (x.nested || Object.keys(x.assigns).length) return false;
      const files = filePaths(x);
      let paths: readonly string[];
      if (checkoutOf(x.words) === 'on-checkout') paths = [x.words.includes('-C') ? joinPath(x.cwd, x.words[x.words.indexOf('-C') + 1] ?? '$') : x.cwd];
      else if (pathOperands(x.words)?.changesDirectory) return x.writes.length === 0;
      else if (isNeutral(name) && !pathOperands(x.words)) {
        if (!x.writes.length) return true;
        paths = x.writes;
      } else if (files && pathOperands(x.words)?.owner === null) paths = files;
      else return false;
      const d = holder(paths);
      if (!d) return false;
      used.add(d.at);
      touched.push(d.dir);
      return true;
    });
    if (works && used.size) out.set(c.index, { checkouts: [...used], path: [...new Set(touched)].join(', '), commands: [...new Set(run.commands.map((x) => x.words.slice(0, 2).join(' ')))].join(', '), was: c });
  }
  return out;
}

/**
 * Every path a file command (files, editors: cp, mkdir, chmod, `sed -i`) makes, removes, moves or needs, and the
 * files its redirections write, absolute; null for any other command, or when its family does not say what it
 * needs. The mode or owner before chmod's and chown's files is no path.
 */
export function filePaths(x: RunCommand): string[] | null {
  const name = x.words[0] ?? '';
  const family = familyOf(name)?.id;
  const ops = family === 'files' || family === 'editors' ? pathOperands(x.words) : undefined;
  if (!ops) return null;
  const use = pathUse(name);
  if (ops.needs === null && use?.makes !== 'each' && use?.removes !== 'each' && fileReplay(name) !== 'links') return null;
  // a link named by its target alone lands in the working directory; a hard link needs its target, so a link's
  // target counts as a path it names
  if (fileReplay(name) === 'links') {
    const all = operands(x.words, use?.valueOptions);
    return all.length < 2 ? null : [...all, ...x.writes].map((p) => joinPath(x.cwd, p));
  }
  return [...ops.makes, ...ops.removes, ...ops.moves, ...(ops.needs ?? []), ...x.writes].map((p) => joinPath(x.cwd, p));
}

/** True when an instruction after the checkout RUN `at` that the runtime stage repeats works in its checkout, names a path in it or copies over it. */
function checkoutUsedLater(model: Model, at: number, runs: ReadonlyMap<number, RunAnalysis>, scopes: ReadonlyMap<number, Scope>, classifications: readonly Classification[]): boolean {
  const dirs = buildStatePaths(runs.get(at), classifications.find((c) => c.index === at)?.reason ?? 'run-checkout');
  const inside = (p: string) => dirs.some((d) => isInside(p, d));
  for (const c of classifications) {
    if (c.index <= at || c.phase === 'build') continue;
    const ins = model.instructions[c.index]!;
    // a file command uses the checkout only through the paths it names (`chmod a+x /root/run.sh` run in it does not)
    const uses = (x: RunCommand) => {
      // a build step of a RUN that also sets up stays in the builder, and a command that only prints, looks or changes
      // directory is not repeated on its own (src/runtime-stage.ts runtimePart): the runtime stage does not run them
      if (COMPILING.has(x.kind) || (isNeutral(x.words[0] ?? '') && !x.writes.length)) return false;
      const files = filePaths(x);
      // a file command the runtime stage may repeat with no build to prove it (mkdir, chmod, rm, ln: the files family's
      // `replay`) that works only inside the checkout, `mkdir build` in it, did what the copied checkout holds at its end already
      const within = !!fileReplay(x.words[0] ?? '') && pathOperands(x.words)?.owner === null && files?.every((p) => !/[$*?~`]/.test(p) && inside(p));
      if (files) return !within && !readsOnly(x, inside) && files.some((p) => p.includes('$') || inside(p));
      // a pip install of the checkout or its requirements reads it, and installs into site-packages, also when it runs
      // in the checkout (`WORKDIR /app` then `pip install -r requirements.txt`): the copy is where the clone was
      if (x.kind === 'pip' && pipInstallReadsOnly(x.words.slice(x.words.indexOf('install') + 1))) return false;
      // an install of registry packages by name (`gem install bundler:2.0.2` run in the checkout) reads nothing of it, and
      // a language install whose every output lies outside the checkout (`bundle install` into /usr/local/bundle) only
      // reads its manifest there, which the copy holds in the same state: the runtime stage repeats it after the copy
      if (registryInstall(x.words)) return false;
      if (installsLanguagePackages(x.words) && !x.unnamedOutputs && x.outputs.length > 0 && x.outputs.every((o) => !o.includes('$') && !inside(o) && !dirs.some((d) => isInside(d, o)))) return false;
      return inside(x.cwd) || x.words.slice(1).some((w) => !w.startsWith('-') && inside(joinPath(x.cwd, w)));
    };
    if (ins.keyword === 'RUN' && (ins.json || (runs.get(c.index)?.commands ?? []).some(uses))) return true;
    if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && ins.from === null) {
      const dest = copyDestination(ins, scopes.get(c.index) ?? '/');
      // a plain COPY of context files into the checkout is part of its end state: the runtime stage copies the
      // checkout as the build left it, and leaves such a COPY out unless a step between reads it (src/runtime-stage.ts,
      // withoutCoveredCopies; src/runtime-idle.ts, `context-copy-dropped`)
      // So is such a COPY into a directory that holds the checkout (`COPY . /src/app/` over `/src/app/nodes`): the runtime
      // stage repeats it after the checkout's copy, as the build ran it after the clone, so the files end as they did;
      // and an ADD of context files no archive can be (a `.json` or `.conf`: ADD unpacks local tar archives), which
      // copies as COPY does (review recall-2026-12-07f's git-clone replays)
      const plain = ins.flags.length === 0 && (ins.keyword === 'COPY' || ins.sources.every((src) => TEXT_SOURCE.test(src)));
      if (dest !== null && plain && (inside(dest) || dirs.some((d) => isInside(d, dest)))) continue;
      if (dest === null || inside(dest) || dirs.some((d) => isInside(d, dest))) return true;
    }
  }
  return false;
}

/** Context files an ADD copies as COPY does: a name whose extension no archive has, and no URL. */
const TEXT_SOURCE = /^(?![a-z]+:\/\/)[^*?[]*\.(json|js|ts|py|rb|php|conf|cfg|ini|ya?ml|xml|txt|md|sh|properties|html|css|env)$/i;

/**
 * True for a file command that only reads in a checkout: what it makes, removes or moves lies outside (`cp
 * /app/conf/tool.conf /etc/`), and no option changes the files it reads. The runtime stage repeats it after the
 * copy of the checkout, whose end state holds the same files: it reads what it read in the builder.
 */
function readsOnly(x: RunCommand, inside: (p: string) => boolean): boolean {
  const ops = pathOperands(x.words);
  if (!ops || ops.needs === null || ops.owner !== null || x.nested) return false;
  const changed = [...ops.makes, ...ops.removes, ...ops.moves, ...x.writes].map((p) => joinPath(x.cwd, p));
  return changed.length > 0 && changed.every((p) => !/[$*?~`]/.test(p) && !inside(p)) && ops.needs.every((p) => !/[$*?~`]/.test(p));
}

/** The classification of instruction `index` (a RUN, COPY, ...), or undefined for an instruction of another stage. */
export function classificationOf(analysis: Pick<Analysis, 'classifications'>, index: number): Classification | undefined {
  return analysis.classifications.find((c) => c.index === index);
}

/** True for a COPY/ADD of the build context's root (`COPY . /app`), not from another stage or image. */
export function copiesContextRoot(ins: Instruction): boolean {
  return (ins.keyword === 'COPY' || ins.keyword === 'ADD') && ins.from === null && ins.sources.some((w) => w === '.' || w === './');
}

/**
 * The file an `ADD <url> /abs/path` of one URL downloads (add-url), or null: several sources, a relative destination, or
 * a directory every image has, which the download lands in under a name dfsplit does not derive (`ADD <url> /usr/bin`).
 */
export function addedFile(ins: Instruction): string | null {
  if (ins.keyword !== 'ADD' || ins.words.length !== 2 || !ins.destination?.startsWith('/')) return null;
  const to = copiedPaths(ins, '/');
  return to?.length === 1 && !imageDir(to[0]!) ? to[0]! : null;
}

/** Where a COPY's destination is read: the scope before the instruction, or a working directory alone (copyDestination). */
export type DestinationScope = string | Pick<Scope, 'workdir' | 'env'>;

/** The working directory the container starts in: the final stage's after its last instruction ('/' when none is known). */
export function containerWorkdir(model: Model, analysis: Analysis): string {
  const last = model.stages[0]?.instructions.at(-1);
  return (last === undefined ? undefined : analysis.scopes.get(last)?.workdir) ?? '/';
}

/**
 * The absolute destination of a COPY/ADD, or null for heredocs and variables. Given the scope before the instruction
 * (its working directory and environment), the variables of the destination are expanded as Docker expands them
 * there (`COPY . $APP_DIR` after `ENV APP_DIR /go/src/app`), the way a RUN's words are; one whose value is not known
 * leaves the destination unknown (null). Given a working directory alone, a destination with a variable is null.
 */
export function copyDestination(ins: CopyInstruction, at: DestinationScope): string | null {
  if (ins.heredoc) return null;
  const dest = ins.destination && typeof at !== 'string' ? expandWord(ins.destination, at.env) : ins.destination;
  if (!dest || dest.includes('$')) return null;
  return joinPath(typeof at === 'string' ? at : at.workdir, dest);
}

/**
 * The paths a COPY or ADD puts in place: into a directory (a destination ending in `/` or naming `.` or `..`, or several sources), each
 * source under its own name there (`COPY tz-helper.sh /opt/` makes /opt/tz-helper.sh); else the destination itself.
 * Null when {@link copyDestination} cannot say.
 */
export function copiedPaths(ins: CopyInstruction, at: DestinationScope): string[] | null {
  const dest = copyDestination(ins, at);
  if (dest === null) return null;
  // `.` (the working directory) and `..` name directories that exist, so a file lands inside them
  const last = ins.words.at(-1) ?? '';
  const intoDir = last.endsWith('/') || /(^|\/)\.\.?$/.test(last) || ins.sources.length > 1;
  return intoDir ? ins.sources.map((src) => joinPath(dest, src.replace(/\/+$/, '').split('/').pop() ?? '.')) : [dest];
}

function setArgs(ins: ArgInstruction, env: Map<string, string>, globals?: ReadonlyMap<string, string>, set: (k: string, v: string) => void = (k, v) => env.set(k, v)): void {
  for (const { name, value } of ins.pairs) {
    if (env.has(name)) continue;
    if (value !== null) set(name, value);
    else if (globals?.has(name)) set(name, globals.get(name)!);
  }
}
