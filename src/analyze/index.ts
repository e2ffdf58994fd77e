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
import { checkoutOf, createdAccount, isNeutral, isShellOnly, packageCommand } from '../commands/index.js';
import { isInside } from '../paths.js';
import { keepUnusedTools } from './kept-tools.js';

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
    const c = pragmaIgnored(model, ins) ?? classifyInstruction(ins, { workdir, env: snapshot, user, home }, removedLater, runs, release, carry);
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
  // a checkout stays build state only while nothing the runtime stage repeats after it works in it or writes
  // over it: a repeated `chmod +x bin/hubot` or `grunt build` there would run before the checkout is copied
  classifications.forEach((c, i) => {
    if (c.reason !== 'run-checkout' || !checkoutUsedLater(model, c.index, runs, scopes, classifications)) return;
    const data = { commands: c.data.commands ?? '' };
    classifications[i] = { ...c, phase: 'both', reason: 'run-fetch', data, because: describe({ id: 'run-fetch', data }) };
  });
  // a build-only package no later command uses was installed for run time: its RUN is read again with it as a
  // runtime package (the file still counts as installing build tools: a toolbox is told as one)
  const hasBuildStep = classifications.some((c) => c.phase === 'build' || c.reason === 'run-mixed' || c.reason === 'run-packages-mixed');
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
  return { classifications, runs, scopes, hasBuildStep, finalUser: user, error };
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

function classifyInstruction(ins: Instruction, scope: Scope, removedLater: ReadonlySet<string>, runs: Map<number, RunAnalysis>, release: Release | null, carry: { cachedPrefix: string | null }): Verdict {
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
      runs.set(ins.index, run);
      return classifyRun(run);
    }
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
  // a checkout of sources (git clone) is build state: it stays in the builder and its directory is copied
  if (checksOutSources(run)) return { phase: 'build', reason: 'run-checkout', data: { commands: names(cmds.filter((c) => c.kind === 'fetch')) } };
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
 * True for a RUN that only checks sources out (`git clone URL dir && cd dir && git checkout v1`): every command
 * a checkout into a directory it names, work on that checkout, or one that only changes or prints the shell's
 * state (cd, echo). Its checkout is copied as an artifact (src/artifacts.ts) instead of being fetched again.
 */
function checksOutSources(run: RunAnalysis): boolean {
  const checkouts = run.commands.filter((c) => checkoutOf(c.words) === 'checkout');
  if (!checkouts.length || run.shellError || checkouts.some((c) => c.outputs.length !== 1 || /[$~*]/.test(c.outputs[0]!))) return false;
  return run.commands.every((c) => checkoutOf(c.words) !== null || isShellOnly(c.words[0] ?? '') || isNeutral(c.words[0] ?? ''));
}

/** True when an instruction after the checkout RUN `at` that the runtime stage repeats works in its checkout, names a path in it or copies over it. */
function checkoutUsedLater(model: Model, at: number, runs: ReadonlyMap<number, RunAnalysis>, scopes: ReadonlyMap<number, Scope>, classifications: readonly Classification[]): boolean {
  const dirs = (runs.get(at)?.commands ?? []).filter((c) => checkoutOf(c.words) === 'checkout').flatMap((c) => c.outputs);
  const inside = (p: string) => dirs.some((d) => isInside(p, d));
  for (const c of classifications) {
    if (c.index <= at || c.phase === 'build') continue;
    const ins = model.instructions[c.index]!;
    if (ins.keyword === 'RUN' && (ins.json || (runs.get(c.index)?.commands ?? []).some((x) => inside(x.cwd) || x.words.slice(1).some((w) => !w.startsWith('-') && inside(joinPath(x.cwd, w)))))) return true;
    if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && ins.from === null) {
      const dest = copyDestination(ins, scopes.get(c.index)?.workdir ?? '/');
      if (dest === null || inside(dest) || dirs.some((d) => isInside(d, dest))) return true;
    }
  }
  return false;
}

/** True for a COPY/ADD of the build context's root (`COPY . /app`), not from another stage or image. */
export function copiesContextRoot(ins: Instruction): boolean {
  return (ins.keyword === 'COPY' || ins.keyword === 'ADD') && ins.from === null && ins.sources.some((w) => w === '.' || w === './');
}

/** The absolute destination of a COPY/ADD, or null for heredocs and variables. */
export function copyDestination(ins: CopyInstruction, workdir: string): string | null {
  if (ins.heredoc) return null;
  const dest = ins.destination;
  if (!dest || dest.includes('$')) return null;
  return joinPath(workdir, dest);
}

/**
 * The paths a COPY or ADD puts in place: into a directory (a destination ending in `/`, or several sources), each
 * source under its own name there (`COPY tz-helper.sh /opt/` makes /opt/tz-helper.sh); else the destination itself.
 * Null when {@link copyDestination} cannot say.
 */
export function copiedPaths(ins: CopyInstruction, workdir: string): string[] | null {
  const dest = copyDestination(ins, workdir);
  if (dest === null) return null;
  const intoDir = (ins.words.at(-1) ?? '').endsWith('/') || ins.sources.length > 1;
  return intoDir ? ins.sources.map((src) => joinPath(dest, src.replace(/\/+$/, '').split('/').pop() ?? '.')) : [dest];
}

function setArgs(ins: ArgInstruction, env: Map<string, string>, globals?: ReadonlyMap<string, string>, set: (k: string, v: string) => void = (k, v) => env.set(k, v)): void {
  for (const { name, value } of ins.pairs) {
    if (env.has(name)) continue;
    if (value !== null) set(name, value);
    else if (globals?.has(name)) set(name, globals.get(name)!);
  }
}
