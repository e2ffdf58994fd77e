// The runtime stage as the plan decides it, step by step: runtime instructions verbatim, the runtime
// halves of mixed RUNs, a COPY --from for each artifact right after the instruction that made it, and
// the preset's replacements. The plan owns this list; the state model proves it, the carry pass
// prints it and `explain` reports it. https://docs.docker.com/build/building/multi-stage/
import { COMPILING, copyDestination, type Analysis, type Classification } from './analyze/index.js';
import { installCommand } from './analyze/packages.js';
import { analyzeRun, type RunAnalysis, type RunCommand } from './analyze/run.js';
import { fileReplay, ignoresDirectory, installsLanguagePackages, isNeutral, isShellOnly, pathOperands, readsPaths, registryInstall } from './commands/index.js';
import { isVenv } from './commands/python.js';
import { enclosing, isInside, joinPath } from './paths.js';
import type { Finding } from './messages.js';
import type { Instruction, Model } from './model.js';
import type { Artifact, PresetDecision, PresetStep } from './preset.js';
import { stepKeyword, stepScript, stepText } from './step-printer.js';

/** One line (or multi-line instruction) of the runtime stage, with what it runs. */
export interface RuntimeStep {
  /** The original instruction it comes from (verbatim or in part); null for lines dfsplit writes. */
  source: number | null;
  keyword: string;
  text: string;
  /** True when `text` is the original instruction as written. */
  verbatim: boolean;
  /** For RUN steps: the commands it runs, as the state model reads them. */
  commands: readonly RunCommand[];
  /** For COPY --from steps: the artifact. */
  artifact?: Artifact;
  /** For ENV steps: the variables it sets, as `[name, value]`. */
  env?: readonly (readonly [string, string])[];
  /**
   * For a COPY of the build context into a directory the stage copies from the builder later: where it lands. Left out
   * when nothing between reads it (withoutCoveredCopies).
   */
  covers?: string;
  /** For an install dfsplit or a preset writes (the tools the runtime commands and the code call, src/plan-runtime.ts; a preset's `install` step): its packages, all of which the stage then has. */
  packages?: readonly string[];
}

/** Where the stage's artifacts (its `COPY --from` steps) put what they copy, in order. */
export function artifactDestinations(steps: readonly RuntimeStep[]): string[] {
  return steps.flatMap((s) => (s.artifact ? landsAt(s.artifact) : []));
}

/** Where an artifact puts what it copies: its destination, or the paths a staged install's directory brings (`brings`). */
export function landsAt(a: Artifact): readonly string[] {
  return a.brings ?? [a.to ?? a.path];
}

interface StageInput {
  model: Model;
  analysis: Analysis;
  classifications: readonly Classification[];
  artifacts: readonly Artifact[];
  decision: PresetDecision;
  builderName: string;
  /** Steps that restore configuration the builder's base image had and the runtime base lacks. */
  restore: readonly PresetStep[];
  /** The CMD or ENTRYPOINT the preset replaces, and the line written in its place. */
  command?: { index: number; keyword: string; text: string } | null;
}

/** The runtime stage's steps after its FROM, or the reasons it cannot be written. */
export function runtimeSteps(input: StageInput): { steps: RuntimeStep[]; declines: Finding[]; findings: Finding[] } {
  const { model, analysis, decision } = input;
  const steps: RuntimeStep[] = input.restore.map((step) => ({ source: null, keyword: stepKeyword(step), text: stepText(step, input.builderName), verbatim: false, commands: [], ...(step.kind === 'env' ? { env: step.pairs } : {}) }));
  const declines: Finding[] = [];
  const byIndex = new Map(input.classifications.map((c) => [c.index, c]));
  const drop = decision.dropFromRuntime ?? new Set<number>();
  const replacements = decision.runtimeReplacements ?? new Map<number, readonly PresetStep[]>();
  // artifacts by the instruction that makes them, and the latest maker of each destination: looked up per
  // instruction, not scanned (a file with thousands of build steps made that quadratic)
  const madeBy = new Map<number, Artifact[]>();
  const latestAt = new Map<string, number>();
  for (const a of input.artifacts) {
    const list = madeBy.get(a.producer);
    if (list) list.push(a);
    else madeBy.set(a.producer, [a]);
    // (a staged install's directory brings only what the installs wrote, not the builder's end state of a directory)
    if (a.brings) continue;
    const to = a.to ?? a.path;
    latestAt.set(to, Math.max(latestAt.get(to) ?? -Infinity, a.producer));
  }
  for (const index of model.stages[0]!.instructions) {
    const ins = model.instructions[index]!;
    const c = byIndex.get(index);
    if (!c || ins.keyword === 'FROM' || ins.keyword === 'ARG') continue;
    const scope = analysis.scopes.get(index)!;
    // artifacts first: the RUN's own runtime part (chmod, chown of what it built) may touch them
    for (const a of madeBy.get(index) ?? []) steps.push(copyFrom(a, input.builderName));
    const replacement = ins.keyword === 'RUN' ? replacements.get(index) : undefined;
    if (replacement) {
      // a preset handles this RUN's pip/venv commands; its other runtime commands still run, unless the
      // preset classed the whole RUN as build-only: then its replacement is all the runtime stage runs
      const run = c.phase === 'build' ? undefined : analysis.runs.get(index);
      const rest = run
        ? splitRuntime(
            run.script,
            run.commands.filter((x) => x.kind !== 'pip' && !isVenv(x.words)),
            run.shellError,
            scope.workdir,
            ins.line,
            index,
          )
        : null;
      if (rest?.decline) declines.push(rest.decline);
      // the RUN's other commands go where they ran: after the install when they came after it in the RUN
      // (`pip install ipykernel && python -m ipykernel.kernelspec` needs the package installed first)
      const firstPip = run?.commands.find((x) => x.kind === 'pip' || isVenv(x.words));
      const after = rest?.step !== undefined && firstPip !== undefined && rest.step.commands.every((x) => x.start > firstPip.start);
      if (rest?.step && !after) steps.push(rest.step);
      for (const r of replacement) {
        const keyword = stepKeyword(r);
        const text = stepText(r, input.builderName);
        if (r.kind === 'copy') {
          // the preset's own COPY --from (wheels): an artifact the builder edits make
          steps.push({ source: index, keyword, text, verbatim: false, commands: [], artifact: { path: r.source, to: r.dest, producer: index, why: { id: 'run-preset', data: { preset: 'preset', detail: text } }, byPreset: true, ...(r.gathered ? { gathered: true as const } : {}) } });
          continue;
        }
        const script = stepScript(r);
        const commands = script === null ? [] : analyzeRun(script, { workdir: scope.workdir, user: scope.user, env: scope.env, removedLater: new Set() }).commands;
        steps.push({ source: index, keyword, text, verbatim: false, commands, ...(r.kind === 'install' ? { packages: r.packages } : {}) });
      }
      if (rest?.step && after) steps.push(rest.step);
    } else if (input.command?.index === index) {
      steps.push({ source: index, keyword: input.command.keyword, text: input.command.text, verbatim: false, commands: [] });
    } else if (drop.has(index) || c.phase === 'build') {
      // nothing of it runs in the runtime stage
    } else if (ins.keyword === 'RUN') {
      const run = analysis.runs.get(index);
      if (run && !wholeRuntime(run.commands)) {
        const part = splitRuntime(run.script, run.commands, run.shellError, scope.workdir, ins.line, index);
        if (part.decline) declines.push(part.decline);
        if (part.step) steps.push(part.step);
      } else {
        steps.push({ ...verbatim(ins), commands: run?.commands ?? [] });
      }
    } else if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && ins.from === null) {
      const dest = copyDestination(ins, scope);
      // a COPY into a directory the stage copies from the builder later brings nothing that copy does not, unless a
      // step the stage runs before that copy reads or names what it put there (withoutCoveredCopies)
      const covered = dest !== null && enclosing(dest).some((d) => (latestAt.get(d) ?? -Infinity) > index);
      steps.push(covered ? { ...verbatim(ins), covers: dest } : verbatim(ins));
    } else {
      steps.push(verbatim(ins));
    }
  }
  return { ...withoutRepeatedCopies(steps), declines };
}

/**
 * The steps without the context COPYs whose destination lies in a directory a later `COPY --from` of the stage brings
 * as the build left it (`COPY . $APP_HOME` before the copy of the project directory `npm install` filled): that copy
 * holds the same files. Kept when a RUN the stage runs between the two works in the destination or names a path in it,
 * above it (`chown -R app $HOME/*`, a glob over its parent) or through a variable: it would miss what it read, or
 * fail (a `pip install -r requirements.txt` there, review moved-2026-12-07z). Asked after the steps that do nothing
 * there are gone (src/runtime-idle.ts: a `mv` of a file inside the copied directory is no reader then).
 */
export function withoutCoveredCopies(steps: readonly RuntimeStep[]): RuntimeStep[] {
  return steps.filter((step, at) => {
    const dest = step.covers;
    if (dest === undefined) return true;
    // (any later copy of that directory brings the builder's end state of it: the one of its latest maker may be gone
    // as a repeat of an earlier one, withoutRepeatedCopies)
    const end = steps.findIndex((s, k) => k > at && s.artifact !== undefined && !s.artifact.brings && isInside(dest, s.artifact.to ?? s.artifact.path));
    if (end < 0) return true;
    return steps.slice(at + 1, end).some((s) => s.keyword === 'RUN' && (s.commands.length === 0 || s.commands.some((x) => namesPath(x, dest))));
  });
}

/**
 * Whether a command names a path in `dest`, above it, or one it cannot place (a variable, a glob's directory), or reads
 * what lies there from its working directory: a language install of the directory's own lists (`pip install -r
 * requirements.txt`, `npm install`; not a global one), a script or command dfsplit does not know, a file named relative
 * to it (`chmod +x start.sh`). A `mkdir -p` there, a global install, a cache or configuration command reads nothing of it.
 */
function namesPath(c: RunCommand, dest: string): boolean {
  // (`mkdir -p` of the directory, of one above it or in it makes what is missing and reads nothing)
  if (fileReplay(c.words[0] ?? '') === 'creates-dir' && c.words.includes('-p')) return false;
  if (isInside(c.cwd, dest) && readsWorkdir(c)) return true;
  return c.words.slice(1).some((w) => {
    if (w.startsWith('-') || !/[/$*?[]/.test(w)) return false;
    // a variable the analysis could not expand may name any path
    if (w.includes('$')) return true;
    const fixed = w.replace(/[*?[].*$/, '');
    if (fixed === w) {
      const path = joinPath(c.cwd, w);
      return isInside(path, dest) || isInside(dest, path);
    }
    // a glob reads the directory its fixed part names (`/home/app/*`: /home/app), and may match anything in it
    const dir = joinPath(c.cwd, fixed.includes('/') ? fixed.slice(0, fixed.lastIndexOf('/')) || '/' : '.');
    return isInside(dest, dir) || isInside(dir, dest);
  });
}

/** Whether a command run in a directory reads what lies there (namesPath). */
function readsWorkdir(c: RunCommand): boolean {
  const args = c.words.slice(1);
  // (the shell's own state, `set -ex`, `cd`, `export`, and commands that only print or look at the system)
  if (isShellOnly(c.words[0] ?? '') || (isNeutral(c.words[0] ?? '') && !args.some((w) => !w.startsWith('-')))) return false;
  // (a global install, `npm install -g`, is the family's setup, not a build: it installs outside the directory)
  if (installsLanguagePackages(c.words)) return c.kind === 'build' || c.kind === 'pip';
  if (c.kind === 'unknown') return true;
  return args.some((w) => !w.startsWith('-') && !w.startsWith('/') && /^[\w.-]*[./][\w./-]*$/.test(w) && !/^\d/.test(w));
}

/**
 * The steps without a COPY --from that repeats an earlier one word for word: both copy the builder's end
 * state, so the second brings the same files again (a program built twice to the same path, `go build -o /app`
 * in two RUNs). Kept when a RUN, or a COPY or ADD into the same place, comes between: it may have changed or
 * removed what the first brought (`pip install ... && rm -rf /wheels` before the next copy of /wheels).
 */
function withoutRepeatedCopies(steps: readonly RuntimeStep[]): { steps: RuntimeStep[]; findings: Finding[] } {
  const out: RuntimeStep[] = [];
  const findings: Finding[] = [];
  // the last kept copy of each text, by its index in `out` (looked up, not scanned: thousands of artifacts)
  const lastCopy = new Map<string, number>();
  for (const step of steps) {
    const same = step.artifact ? (lastCopy.get(step.text) ?? -1) : -1;
    // (another artifact's copy between, into other places, changes nothing of it)
    const dest = step.artifact ? (step.artifact.to ?? step.artifact.path) : '';
    const elsewhere = (s: RuntimeStep) => s.artifact !== undefined && !isInside(s.artifact.to ?? s.artifact.path, dest) && !isInside(dest, s.artifact.to ?? s.artifact.path);
    const touched = same >= 0 && out.slice(same + 1).some((s) => ['RUN', 'COPY', 'ADD'].includes(s.keyword) && !elsewhere(s));
    if (step.artifact && same >= 0 && !touched) {
      findings.push({ id: 'artifact-copied-once', data: { path: step.artifact.to ?? step.artifact.path }, ...(step.artifact.why.line === undefined ? {} : { line: step.artifact.why.line }) });
      continue;
    }
    if (step.artifact) lastCopy.set(step.text, out.length);
    out.push(step);
  }
  // a copy of the builder's end state to the same place (not an image file), by its path: the indexes in `list`, in order
  const plainCopies = (list: readonly RuntimeStep[]) => {
    const at = new Map<string, number[]>();
    list.forEach((s, i) => {
      const a = s.artifact;
      if (a && !a.fromImage && (a.to ?? a.path) === a.path) at.set(a.path, [...(at.get(a.path) ?? []), i]);
    });
    return at;
  };
  // how many steps of `list` before index i are of the `keywords` (a count per index: any between two indexes in one subtraction)
  const counts = (list: readonly RuntimeStep[], keywords: readonly string[]) => {
    const c = [0];
    for (const s of list) c.push(c[c.length - 1]! + (keywords.includes(s.keyword) ? 1 : 0));
    return (from: number, to: number) => c[to]! - c[from]!;
  };
  // an artifact a later copy of the builder's end state brings again, with no RUN between that could use it (`go build`
  // in a checkout, then the checkout copied whole): the later copy alone ends the same
  // the nearest copy of a directory around `path` in `copies`, after index `at` (the first) or before it (the last); -1 when none
  const holderOf = (copies: ReadonlyMap<string, number[]>, path: string, at: number, later: boolean) => {
    const found = enclosing(path).flatMap((d) => (d === path ? [] : (copies.get(d) ?? []).filter((i) => (later ? i > at : i < at))));
    return found.length === 0 ? -1 : later ? Math.min(...found) : Math.max(...found);
  };
  const outCopies = plainCopies(out);
  const runsIn = counts(out, ['RUN']);
  const kept = out.filter((step, at) => {
    const a = step.artifact;
    if (!a || a.fromImage || (a.to ?? a.path) !== a.path) return true;
    const holder = holderOf(outCopies, a.path, at, true);
    if (holder < 0 || runsIn(at + 1, holder) > 0) return true;
    findings.push({ id: 'artifact-copied-once', data: { path: a.path }, ...(a.why.line === undefined ? {} : { line: a.why.line }) });
    return false;
  });
  // and one an earlier copy of the builder's end state brought already, with nothing between that writes there (pip's
  // /usr/local/bin, then the program a later RUN moved into it): the earlier copy holds it as the later one would
  const keptCopies = plainCopies(kept);
  const writesIn = counts(kept, ['RUN', 'COPY', 'ADD']);
  const once = kept.filter((step, at) => {
    const a = step.artifact;
    if (!a || a.fromImage || (a.to ?? a.path) !== a.path) return true;
    const holder = holderOf(keptCopies, a.path, at, false);
    if (holder < 0 || writesIn(holder + 1, at) > 0) return true;
    findings.push({ id: 'artifact-copied-once', data: { path: a.path }, ...(a.why.line === undefined ? {} : { line: a.why.line }) });
    return false;
  });
  return { steps: once, findings };
}

function verbatim(ins: Instruction): RuntimeStep {
  return { text: ins.raw, source: ins.index, keyword: ins.keyword, verbatim: true, commands: [], ...(ins.keyword === 'ENV' ? { env: ins.pairs } : {}) };
}

function copyFrom(a: Artifact, builder: string): RuntimeStep {
  return { source: null, keyword: 'COPY', text: stepText({ kind: 'copy', source: a.path, dest: a.to ?? a.path }, builder), verbatim: false, commands: [], artifact: a };
}

/**
 * The runtime half of a RUN as a new RUN line, or a decline when a runtime command sits inside a pipe,
 * control flow, a subshell or a heredoc and cannot be lifted out on its own.
 */
function splitRuntime(script: string, commands: readonly RunCommand[], shellError: string | null, workdir: string, line: number, index: number): { step?: RuntimeStep; decline?: Finding } {
  const tangled = commands.find((c) => c.nested && (c.kind === 'setup' || c.kind === 'pip' || (c.install?.runtime.length ?? 0) > 0));
  if (tangled || shellError) return { decline: { id: 'complex-run', data: { command: (tangled?.words ?? ['the script']).slice(0, 2).join(' ') }, line } };
  const part = runtimePart(script, commands, workdir);
  return part.text ? { step: { source: index, keyword: 'RUN', text: `RUN ${part.text}`, verbatim: false, commands: part.commands } } : {};
}

/**
 * The commands of a RUN (of `phase`, not replaced by a preset) that the runtime stage runs again: none of a
 * build RUN, every one of a RUN repeated whole, else its runtime half's (an install there keeps only its
 * runtime packages). A preset that must know what the generic split leaves behind asks this, not a copy of it.
 */
export function repeatedCommands(run: RunAnalysis, phase: Classification['phase'], workdir: string): readonly RunCommand[] {
  if (phase === 'build') return [];
  if (wholeRuntime(run.commands)) return run.commands;
  return runtimePart(run.script, run.commands, workdir).commands;
}

/** True when the runtime stage repeats a RUN (of `phase`, not replaced by a preset) as written, every package its installs name included. */
export function repeatedWhole(run: RunAnalysis, phase: Classification['phase']): boolean {
  return phase !== 'build' && wholeRuntime(run.commands);
}

/** A RUN whose every command is needed at runtime, or that downloads for the runtime, is repeated as written. */
function wholeRuntime(commands: readonly RunCommand[]): boolean {
  if (commands.some((c) => COMPILING.has(c.kind))) return false;
  if (commands.some((c) => c.kind === 'fetch')) return true;
  return commands.every((c) => !c.install || c.install.build.length === 0);
}

/**
 * True when the runtime half of a RUN enters the command's working directory before it (`cd /src && ...`): it
 * runs elsewhere than the stage's WORKDIR and may read a path relative to it. Not a file command whose every
 * path is absolute (`chmod a+rw /usr/local/bin/ices`, `mkdir /music`, run in a source tree the build deleted):
 * where it starts does not matter, and the directory may be the builder's alone.
 */
export function entersDirectory(c: RunCommand, workdir: string): boolean {
  if (c.cwd === workdir || ignoresDirectory(c.words)) return false;
  // a package install by names (`apt install -y flex bison` after a `cd` into a source tree) reads no file there: the
  // runtime stage prints it without a cd (runtimePart), and the state model asks for no directory
  if (c.install && c.install.packages.every((p) => !p.includes('/'))) return false;
  // nor does a language install of registry packages by name (`easy_install supervisor`, `gem install rake`)
  if (registryInstall(c.words)) return false;
  // every word of mkdir, rm and ln past the options is a path (an option's value too: `mkdir -m 700` keeps it);
  // chmod's and chown's first is the mode or the owner
  const replay = fileReplay(c.words[0] ?? '');
  const paths = replay === 'changes-mode' ? (pathOperands(c.words)?.needs ?? []) : replay ? c.words.slice(1).filter((w) => !w.startsWith('-')) : [];
  return paths.length === 0 || paths.some((p) => !p.startsWith('/'));
}

/**
 * The runtime half of a mixed RUN: runtime packages and setup commands, each after its own separator
 * (`;` stays `;`, anything else becomes `&&`), without the separator a command's text may end with.
 */
export function runtimePart(script: string, commands: readonly RunCommand[], workdir: string): { text: string; commands: RunCommand[] } {
  let text = '';
  const kept: RunCommand[] = [];
  let last: string | null = null;
  const add = (part: string, joinedBy: RunCommand['joinedBy']) => {
    text += text ? `${joinedBy === ';' ? ';' : ' &&'} ${part}` : part;
  };
  const idle = idleSubstitutions(script, commands);
  const repeats = (c: RunCommand): boolean => !idle.has(c) && !c.nested && (c.install ? c.install.runtime.length > 0 : ['setup', 'unknown', 'pip'].includes(c.kind) && !(isNeutral(c.words[0] ?? '') && c.writes.length === 0));
  const removed = printedThenRemoved(script, commands, repeats);
  // the text between two commands when only `||` joins them (a line continuation aside): the second runs when the first fails
  const orElse = (a: RunCommand, b: RunCommand) => b.joinedBy === '||' && /^(\s|\\\n)*\|\|(\s|\\\n)*$/.test(script.slice(a.end, b.start));
  let lastCommand: RunCommand | null = null;
  for (const [i, c] of commands.entries()) {
    if (idle.has(c) || removed.has(c)) {
      last = null;
      continue;
    }
    // a check that only reads (`grep -q '^x=' /etc/app.conf || echo 'x=1' >> /etc/app.conf`) stays before the command
    // its failure runs: without it that command would run every time (or after whatever came before the check)
    const next = commands[i + 1];
    const condition = !c.install && !c.nested && isNeutral(c.words[0] ?? '') && c.writes.length === 0 && next !== undefined && orElse(c, next) && !idle.has(next) && !removed.has(next) && repeats(next);
    // an install whose packages a command substitution gives (`apt-get install $(apt-cache depends texlive-full | ...)`)
    // cannot be written again from its words, which hold only a placeholder for it: it is repeated as written, and
    // needs what it needed there (apt's lists: the state model says whether the stage has them)
    if (c.install && c.install.runtime.some((p) => p.includes('$(') || p.includes('`'))) {
      add(script.slice(c.start, c.end).replace(/\s*;\s*$/, ''), c.joinedBy);
      kept.push(c);
      last = null;
      continue;
    }
    if (c.install) {
      if (c.install.runtime.length) {
        add(installCommand(c.install.tool, c.install.manager, c.install.runtime, c.install.recommends, c.install.sourceOptions), '&&');
        // the generated install runs its own update and removes the lists after itself
        kept.push({ ...c, install: { ...c.install, build: [], selfUpdating: true } });
      }
      last = null;
      continue;
    }
    if (!condition && (!['setup', 'unknown', 'pip'].includes(c.kind) || (isNeutral(c.words[0] ?? '') && c.writes.length === 0))) {
      last = null;
      continue;
    }
    const own = script.slice(c.start, c.end).replace(/\s*;\s*$/, '');
    if (c.nested) continue;
    // `||` joins it to the command printed last only when that one came right before it in the RUN (a caller may
    // pass some of the RUN's commands only)
    if (last !== null && lastCommand !== null && orElse(lastCommand, c)) text += ` || ${own}`;
    else add(entersDirectory(c, workdir) ? `cd ${c.cwd} && ${own}` : own, c.joinedBy);
    kept.push(c);
    last = own;
    lastCommand = c;
  }
  return { text, commands: kept };
}

/**
 * Commands that only print into files (`echo "$SUM  statsd.tar.gz" > sha1sums.txt`: echo and printf, which read no
 * path and change nothing but their redirections) whose every file a later command of the same RUN deletes (`rm
 * sha1sums.txt`), a command the runtime half does not repeat, surely run after them (not nested, not after `||`), with
 * no repeated command between naming the file: the original image does not hold what they wrote, and repeating them
 * without the deletion would keep it (`runtime-keeps-removed`).
 */
function printedThenRemoved(script: string, commands: readonly RunCommand[], repeats: (c: RunCommand) => boolean): ReadonlySet<RunCommand> {
  const out = new Set<RunCommand>();
  for (const [i, c] of commands.entries()) {
    const name = c.words[0] ?? '';
    if (c.nested || c.writes.length === 0 || !isNeutral(name) || readsPaths(c.words)?.length !== 0 || c.writes.some((w) => /[$*?~`[]/.test(w))) continue;
    const later = commands.slice(i + 1);
    const ends = c.writes.map((w) => later.findIndex((x) => !repeats(x) && surelyDeletes(x, w)));
    if (ends.some((e) => e < 0)) continue;
    const names = (x: RunCommand) => c.writes.some((w) => script.slice(x.start, x.end).includes(w.split('/').pop()!));
    if (later.slice(0, Math.max(...ends)).some((x) => repeats(x) && names(x))) continue;
    out.add(c);
  }
  return out;
}

/** True when a command of a RUN surely deletes `path` when it runs (`rm sha1sums.txt`): not nested, not after `||`, naming it or a directory holding it plainly. */
export function surelyDeletes(x: RunCommand, path: string): boolean {
  return !x.nested && x.joinedBy !== '||' && (pathOperands(x.words)?.removes ?? []).some((r) => !/[$*?~`[]/.test(r) && isInside(path, joinPath(x.cwd, r)));
}

/**
 * Assignments alone whose values run programs (`VERSION="$(git describe)"`, read by the build's `go build
 * -ldflags`) that no command the runtime half repeats reads, directly or through another assignment it reads:
 * the runtime stage leaves them out, as it may lack the programs, and an assignment fails with its substitution.
 */
function idleSubstitutions(script: string, commands: readonly RunCommand[]): ReadonlySet<RunCommand> {
  const alone = (c: RunCommand) => c.words.length === 0 && Object.keys(c.assigns).length > 0;
  if (!commands.some((c) => alone(c) && /\$\(|`/.test(script.slice(c.start, c.end)))) return NONE;
  const repeated = (c: RunCommand) => !alone(c) && !c.nested && ((c.install?.runtime.length ?? 0) > 0 || (!c.install && ['setup', 'unknown', 'pip'].includes(c.kind) && !(isNeutral(c.words[0] ?? '') && c.writes.length === 0)));
  const reads = (c: RunCommand, names: string[]) => names.some((n) => new RegExp(`\\$\\{?${n}\\b`).test(script.slice(c.start, c.end)));
  const needed = new Set<RunCommand>();
  for (let i = commands.length - 1; i >= 0; i--) {
    const c = commands[i]!;
    if (alone(c) && commands.slice(i + 1).some((x) => (repeated(x) || needed.has(x)) && reads(x, Object.keys(c.assigns)))) needed.add(c);
  }
  return new Set(commands.filter((c) => alone(c) && !needed.has(c) && /\$\(|`/.test(script.slice(c.start, c.end))));
}

const NONE: ReadonlySet<RunCommand> = new Set();
