// Walk the original in order and write the runtime stage: runtime instructions verbatim, runtime
// packages and setup commands of mixed RUNs, and COPY --from for each artifact right after the
// instruction that made it. https://docs.docker.com/build/building/multi-stage/
import { COMPILING, copyDestination, envPairs } from '../src/analyze/index.js';
import { installCommand } from '../src/analyze/packages.js';
import { isVenv, type RunCommand } from '../src/analyze/run.js';
import { isInside } from '../src/artifacts.js';
import type { Instruction } from '../src/model.js';
import { flag } from '../src/model.js';
import type { Finding } from '../src/messages.js';
import type { Artifact } from '../src/preset.js';
import { joinPath } from '../src/shell.js';
import { generated, type Pass, type RuntimeLine, type State } from './state.js';

/** Commands with no effect on the image unless they write a file: not repeated in the runtime stage. */
const NEUTRAL = new Set(['set', 'true', 'false', ':', 'cd', 'export', 'unset', 'exit', 'echo', 'printf', 'test', '[', 'ls', 'cat', 'sleep', 'env', 'which', 'pwd', 'whoami', 'id', 'uname', 'sha256sum', 'md5sum', 'sha1sum', 'sha512sum', 'grep']);

export default {
  id: 'carry-instructions',
  summary: 'carry runtime instructions, runtime packages and artifacts into the runtime stage',
  run(state) {
    const lines: RuntimeLine[] = [];
    const declines = [...state.declines];
    const findings = [...state.findings];
    const { model, plan, analysis } = state;
    const byIndex = new Map(plan.classifications.map((c) => [c.index, c]));
    const drop = plan.decision.dropFromRuntime ?? new Set<number>();
    const replacements = plan.decision.runtimeReplacements ?? new Map<number, string[]>();
    const buildOnlyEnv = new Set(plan.decision.buildOnlyEnv ?? []);
    for (const index of plan.builder.instructions) {
      const ins = model.instructions[index]!;
      const c = byIndex.get(index);
      if (!c || ins.keyword === 'FROM' || ins.keyword === 'ARG') continue;
      const scope = analysis.scopes.get(index)!;
      // artifacts first: the RUN's own runtime part (chmod, chown of what it built) may touch them
      for (const a of plan.artifacts.filter((x) => x.producer === index)) lines.push(copyFrom(a, plan.builderName));
      const replacement = ins.keyword === 'RUN' ? replacements.get(index) : undefined;
      if (replacement) {
        // a preset handles this RUN's pip/venv commands; its other runtime commands still run
        const run = analysis.runs.get(index);
        const rest = run ? splitRuntime(run.commands.filter((x) => x.kind !== 'pip' && !isVenv(x.words)), run.shellError, scope.workdir, ins.line) : null;
        if (rest?.decline) declines.push(rest.decline);
        if (rest?.line) lines.push(rest.line);
        for (const r of replacement) lines.push(generated('RUN', r));
      } else if (drop.has(index) || c.phase === 'build') {
        // nothing of it runs in the runtime stage
      } else if (ins.keyword === 'ENV') {
        const env = carryEnv(ins, buildOnlyEnv);
        if (env) lines.push(env);
        const dropped = envPairs(ins).map(([k]) => k).filter((k) => buildOnlyEnv.has(k));
        if (dropped.length) findings.push({ id: 'env-dropped', data: { keys: dropped.join(' ') }, line: ins.line });
      } else if (ins.keyword === 'RUN') {
        const run = analysis.runs.get(index);
        if (run && !wholeRuntime(run.commands)) {
          const part = splitRuntime(run.commands, run.shellError, scope.workdir, ins.line);
          if (part.decline) declines.push(part.decline);
          if (part.line) lines.push(part.line);
        } else {
          lines.push(verbatim(ins));
        }
      } else if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && flag(ins, 'from') === undefined) {
        const dest = copyDestination(ins, scope.workdir);
        const covered = dest !== null && plan.artifacts.some((a) => isInside(dest, a.to ?? a.path) && a.producer > index);
        if (!covered) lines.push(verbatim(ins));
      } else {
        lines.push(verbatim(ins));
      }
    }
    return { ...state, runtime: [...state.runtime, ...lines], declines, findings };
  },
} satisfies Pass;

function verbatim(ins: Instruction): RuntimeLine {
  return { text: ins.raw, source: ins.index, keyword: ins.keyword };
}

function copyFrom(a: Artifact, builder: string): RuntimeLine {
  const to = a.to ?? a.path;
  const plain = /^[^\s"'$]+$/.test(a.path) && /^[^\s"'$]+$/.test(to);
  const args = plain ? `${a.path} ${to}` : JSON.stringify([a.path, to]).replace(/,/g, ', ');
  return generated('COPY', `COPY --from=${builder} ${args}`);
}

/**
 * The runtime half of a RUN as a new RUN line, or a decline when a runtime command sits inside a pipe,
 * control flow, a subshell or a heredoc and cannot be lifted out on its own.
 */
function splitRuntime(commands: readonly RunCommand[], shellError: string | null, workdir: string, line: number): { line?: RuntimeLine; decline?: Finding } {
  const tangled = commands.find((c) => c.nested && (c.kind === 'setup' || c.kind === 'pip' || (c.install?.runtime.length ?? 0) > 0));
  if (tangled || shellError) return { decline: { id: 'complex-run', data: { command: (tangled?.words ?? ['the script']).slice(0, 2).join(' ') }, line } };
  const text = runtimePart(commands, workdir);
  return text ? { line: generated('RUN', `RUN ${text}`) } : {};
}

/** A RUN whose every command is needed at runtime, or that downloads for the runtime, is repeated as written. */
function wholeRuntime(commands: readonly RunCommand[]): boolean {
  if (commands.some((c) => COMPILING.has(c.kind))) return false;
  if (commands.some((c) => c.kind === 'fetch')) return true;
  return commands.every((c) => !c.install || c.install.build.length === 0);
}

/** The runtime half of a mixed RUN: runtime packages and setup commands, joined with &&. */
function runtimePart(commands: readonly RunCommand[], workdir: string): string {
  const parts: string[] = [];
  let last: string | null = null;
  for (const c of commands) {
    if (c.install) {
      if (c.install.runtime.length) parts.push(installCommand(c.install.tool, c.install.manager, c.install.runtime, c.install.recommends));
      last = null;
      continue;
    }
    if (!['setup', 'unknown', 'pip'].includes(c.kind) || (NEUTRAL.has(c.words[0] ?? '') && c.writes.length === 0)) { last = null; continue; }
    const text = c.text;
    if (c.nested) continue;
    const prefixed = c.cwd !== workdir ? `cd ${c.cwd} && ${text}` : text;
    if (last !== null && c.joinedBy === '||') parts[parts.length - 1] += ` || ${text}`;
    else parts.push(prefixed);
    last = text;
  }
  return parts.join(' && ');
}

/** ENV with its build-only keys removed; verbatim when nothing is removed. */
function carryEnv(ins: Instruction, buildOnly: ReadonlySet<string>): RuntimeLine | null {
  const pairs = envPairs(ins);
  const kept = pairs.filter(([k]) => !buildOnly.has(k));
  if (kept.length === pairs.length) return verbatim(ins);
  if (kept.length === 0) return null;
  return generated('ENV', `ENV ${kept.map(([k, v]) => `${k}=${/^[^\s"'\\]*$/.test(v) ? v : JSON.stringify(v)}`).join(' ')}`);
}

export type { State };
