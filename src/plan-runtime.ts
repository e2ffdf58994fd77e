// The runtime stage as it is printed, completed from the planned steps (src/runtime-stage.ts): the ARGs
// its instructions use, declared again; the install of the tools its commands call that the runtime base
// lacks; and shell-form commands in exec form on a base without /bin/sh. The plan completes the stage
// before the state model proves it, so the stage proven is the stage printed: the transform passes only
// print it.
import { installCommand } from './analyze/packages.js';
import type { PackageManager } from './analyze/tables.js';
import type { Finding } from './messages.js';
import type { Instruction, Model, Stage } from './model.js';
import type { RuntimeStep } from './runtime-stage.js';

/** Packages the runtime stage installs that no original instruction installed. */
export interface ExtraPackages {
  manager: PackageManager;
  tool: string;
  packages: string[];
}

interface StageInput {
  model: Model;
  /** The original stage, whose ARGs the runtime stage may copy. */
  builder: Stage;
  /** The planned steps after the FROM. */
  steps: readonly RuntimeStep[];
  extraPackages: ExtraPackages | null;
  runtimeBase: string;
  /** True when the runtime base has /bin/sh. */
  shell: boolean;
}

/**
 * The runtime stage after its FROM as printed: the ARGs, the install of the extra packages, then the
 * planned steps. With the findings of the exec-form rewrites, and the reasons to decline when a command
 * needs the shell the runtime base lacks.
 */
export function printedStage(input: StageInput): { steps: RuntimeStep[]; findings: Finding[]; declines: Finding[] } {
  const extra = input.extraPackages ? [extraInstall(input.extraPackages)] : [];
  const args = redeclaredArgs(input.model, input.builder, [...extra, ...input.steps]);
  const form = input.shell ? { steps: [...input.steps], findings: [], declines: [] } : execForm(input.model, input.steps, input.runtimeBase);
  return { ...form, steps: [...args, ...extra, ...form.steps] };
}

// Install the tools a HEALTHCHECK/CMD/ENTRYPOINT calls that the runtime base lacks.
// https://docs.docker.com/reference/dockerfile/#healthcheck
function extraInstall(extra: ExtraPackages): RuntimeStep {
  return { source: null, keyword: 'RUN', text: `RUN ${installCommand(extra.tool, extra.manager, extra.packages, false)}`, verbatim: false, commands: [], packages: extra.packages };
}

// ARGs are scoped to the stage that declares them; a global ARG (before the first FROM) must be
// declared again, without a value, in every stage that uses it. Stage ARGs used by the runtime stage
// are copied with their defaults; ARGs only the build uses (tokens, versions) stay behind.
// https://docs.docker.com/reference/dockerfile/#scope
function redeclaredArgs(model: Model, builder: Stage, steps: readonly RuntimeStep[]): RuntimeStep[] {
  const used = usedVariables(steps);
  const declared: RuntimeStep[] = [];
  const stageArgs = new Set(builder.instructions.flatMap((i) => argNames(model.instructions[i]!)).filter((n) => used.has(n)));
  for (const index of model.globalArgs) {
    for (const name of argNames(model.instructions[index]!)) {
      if (used.has(name) && !stageArgs.has(name) && !declared.some((d) => d.text === `ARG ${name}`)) declared.push({ source: null, keyword: 'ARG', text: `ARG ${name}`, verbatim: false, commands: [] });
    }
  }
  for (const index of builder.instructions) {
    const ins = model.instructions[index]!;
    if (ins.keyword !== 'ARG') continue;
    if (argNames(ins).some((n) => used.has(n))) declared.push({ source: index, keyword: 'ARG', text: ins.raw, verbatim: true, commands: [] });
  }
  return declared;
}

/** The names an ARG declares (none for another instruction). */
function argNames(ins: Instruction): string[] {
  return ins.keyword === 'ARG' ? ins.pairs.map((p) => p.name) : [];
}

function usedVariables(steps: readonly RuntimeStep[]): Set<string> {
  const out = new Set<string>();
  for (const s of steps) for (const m of s.text.matchAll(/\$\{?(\w+)/g)) out.add(m[1]!);
  return out;
}

// On a runtime base without /bin/sh, a shell-form CMD/ENTRYPOINT cannot start. When the command needs
// no shell features it is rewritten to exec form, which runs the same program with the same words; a
// shell-form RUN or HEALTHCHECK, or a command that needs the shell, is declined.
// https://docs.docker.com/reference/dockerfile/#shell-and-exec-form
function execForm(model: Model, steps: readonly RuntimeStep[], runtimeBase: string): { steps: RuntimeStep[]; findings: Finding[]; declines: Finding[] } {
  const findings: Finding[] = [];
  const declines: Finding[] = [];
  const out = steps.map((step): RuntimeStep => {
    if (!step.verbatim || step.source === null || !['CMD', 'ENTRYPOINT', 'HEALTHCHECK', 'RUN'].includes(step.keyword)) return step;
    const ins = model.instructions[step.source]!;
    if (ins.json || (ins.keyword === 'HEALTHCHECK' && ins.form === 'none')) return step;
    const words = ins.keyword === 'CMD' || ins.keyword === 'ENTRYPOINT' ? ins.plain : null;
    if (!words) {
      declines.push({ id: 'shell-needed', data: { keyword: step.keyword, image: runtimeBase }, line: ins.line });
      return step;
    }
    findings.push({ id: 'exec-form', data: { keyword: step.keyword }, line: ins.line });
    return { ...step, verbatim: false, text: `${step.keyword} ${JSON.stringify(words).replace(/","/g, '", "')}` };
  });
  return { steps: out, findings, declines };
}
