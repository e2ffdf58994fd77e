// The runtime stage as the plan decides it, step by step: runtime instructions verbatim, the runtime
// halves of mixed RUNs, a COPY --from for each artifact right after the instruction that made it, and
// the preset's replacements. The plan owns this list; the state model proves it, the carry pass
// prints it and `explain` reports it. https://docs.docker.com/build/building/multi-stage/
import { COMPILING, copyDestination, type Analysis, type Classification } from './analyze/index.js';
import { installCommand } from './analyze/packages.js';
import { analyzeRun, type RunCommand } from './analyze/run.js';
import { isVenv } from './commands/python.js';
import { enclosing } from './paths.js';
import type { Finding } from './messages.js';
import type { Instruction, Model } from './model.js';
import type { Artifact, PresetDecision } from './preset.js';

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
  /** For the install dfsplit writes of the tools the runtime commands call (src/plan-runtime.ts): its packages. */
  packages?: readonly string[];
}

/** Commands with no effect on the image unless they write a file: not repeated in the runtime stage. */
const NEUTRAL = new Set(['set', 'true', 'false', ':', 'cd', 'export', 'unset', 'exit', 'echo', 'printf', 'test', '[', 'ls', 'cat', 'sleep', 'env', 'which', 'pwd', 'whoami', 'id', 'uname', 'sha256sum', 'md5sum', 'sha1sum', 'sha512sum', 'grep']);

interface StageInput {
  model: Model;
  analysis: Analysis;
  classifications: readonly Classification[];
  artifacts: readonly Artifact[];
  decision: PresetDecision;
  builderName: string;
  /** Lines that restore configuration the builder's base image had and the runtime base lacks. */
  restore: readonly string[];
  /** The CMD or ENTRYPOINT the preset replaces, and the line written in its place. */
  command?: { index: number; keyword: string; text: string } | null;
}

/** The runtime stage's steps after its FROM, or the reasons it cannot be written. */
export function runtimeSteps(input: StageInput): { steps: RuntimeStep[]; declines: Finding[]; findings: Finding[] } {
  const { model, analysis, decision } = input;
  const steps: RuntimeStep[] = input.restore.map((text) => ({ source: null, keyword: text.split(' ')[0]!, text, verbatim: false, commands: [] }));
  const declines: Finding[] = [];
  const findings: Finding[] = [];
  const byIndex = new Map(input.classifications.map((c) => [c.index, c]));
  const drop = decision.dropFromRuntime ?? new Set<number>();
  const replacements = decision.runtimeReplacements ?? new Map<number, string[]>();
  // artifacts by the instruction that makes them, and the latest maker of each destination: looked up per
  // instruction, not scanned (a file with thousands of build steps made that quadratic)
  const madeBy = new Map<number, Artifact[]>();
  const latestAt = new Map<string, number>();
  for (const a of input.artifacts) {
    const list = madeBy.get(a.producer);
    if (list) list.push(a);
    else madeBy.set(a.producer, [a]);
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
      if (rest?.step) steps.push(rest.step);
      for (const r of replacement) {
        const keyword = r.split(/\s/)[0]!.toUpperCase();
        const copy = presetCopy(r);
        if (copy) {
          // the preset's own COPY --from (wheels): an artifact the builder edits make
          steps.push({ source: index, keyword, text: r, verbatim: false, commands: [], artifact: { ...copy, producer: index, why: { id: 'run-preset', data: { preset: 'preset', detail: r } }, byPreset: true } });
          continue;
        }
        const commands = keyword === 'RUN' ? analyzeRun(r.replace(/^RUN\s+/, ''), { workdir: scope.workdir, user: scope.user, env: scope.env, removedLater: new Set() }).commands : [];
        steps.push({ source: index, keyword, text: r, verbatim: false, commands });
      }
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
      const dest = copyDestination(ins, scope.workdir);
      const covered = dest !== null && enclosing(dest).some((dir) => (latestAt.get(dir) ?? -Infinity) > index);
      if (!covered) steps.push(verbatim(ins));
    } else {
      steps.push(verbatim(ins));
    }
  }
  return { steps, declines, findings };
}

/** The source and destination of a `COPY --from=<stage> SRC DEST` line a preset writes, or null. */
export function presetCopy(line: string): { path: string; to: string } | null {
  const m = /^COPY\s+--from=\S+\s+(\S+)\s+(\S+)\s*$/.exec(line);
  return m ? { path: m[1]!, to: m[2]! } : null;
}

function verbatim(ins: Instruction): RuntimeStep {
  return { text: ins.raw, source: ins.index, keyword: ins.keyword, verbatim: true, commands: [] };
}

function copyFrom(a: Artifact, builder: string): RuntimeStep {
  const to = a.to ?? a.path;
  const plain = /^[^\s"'$]+$/.test(a.path) && /^[^\s"'$]+$/.test(to);
  const args = plain ? `${a.path} ${to}` : JSON.stringify([a.path, to]).replace(/,/g, ', ');
  return { source: null, keyword: 'COPY', text: `COPY --from=${builder} ${args}`, verbatim: false, commands: [], artifact: a };
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

/** A RUN whose every command is needed at runtime, or that downloads for the runtime, is repeated as written. */
function wholeRuntime(commands: readonly RunCommand[]): boolean {
  if (commands.some((c) => COMPILING.has(c.kind))) return false;
  if (commands.some((c) => c.kind === 'fetch')) return true;
  return commands.every((c) => !c.install || c.install.build.length === 0);
}

/** The runtime half of a mixed RUN: runtime packages and setup commands, joined with &&. */
function runtimePart(script: string, commands: readonly RunCommand[], workdir: string): { text: string; commands: RunCommand[] } {
  const parts: string[] = [];
  const kept: RunCommand[] = [];
  let last: string | null = null;
  for (const c of commands) {
    if (c.install) {
      if (c.install.runtime.length) {
        parts.push(installCommand(c.install.tool, c.install.manager, c.install.runtime, c.install.recommends));
        // the generated install runs its own update and removes the lists after itself
        kept.push({ ...c, install: { ...c.install, build: [], selfUpdating: true } });
      }
      last = null;
      continue;
    }
    if (!['setup', 'unknown', 'pip'].includes(c.kind) || (NEUTRAL.has(c.words[0] ?? '') && c.writes.length === 0)) {
      last = null;
      continue;
    }
    const text = script.slice(c.start, c.end);
    if (c.nested) continue;
    const prefixed = c.cwd !== workdir ? `cd ${c.cwd} && ${text}` : text;
    if (last !== null && c.joinedBy === '||') parts[parts.length - 1] += ` || ${text}`;
    else parts.push(prefixed);
    kept.push(c);
    last = text;
  }
  return { text: parts.join(' && '), commands: kept };
}
