// Build-time configuration stays in the builder: an ENV (set by the file, or inherited from the builder's
// image and written again for the runtime base) that only build tools read (`CARGO_HOME`, `GOPATH`,
// `MAVEN_HOME`, `PIP_*`: `buildEnv` of the command families) is left out of the runtime stage when nothing
// there can read it. The check (src/check.ts) accepts exactly these variables as missing.
// https://docs.docker.com/reference/dockerfile/#env
import type { Analysis } from './analyze/index.js';
import { buildEnvReaders, commandOf, packageProvides } from './commands/index.js';
import type { ImageConfig } from './knowledge/image-config.js';
import type { Finding } from './messages.js';
import type { Model } from './model.js';
import { isInside, joinPath } from './paths.js';
import type { RuntimeStep } from './runtime-stage.js';

interface DropInput {
  model: Model;
  analysis: Analysis;
  /** The planned runtime stage after its FROM. */
  steps: readonly RuntimeStep[];
  /** The runtime base's configuration and programs; null (unknown image): nothing is dropped. */
  runtime: ImageConfig | null;
  /** The programs CMD, ENTRYPOINT and HEALTHCHECK start, as `startedPrograms` names them. */
  started: readonly { word: string; line: number }[];
}

/** Plain values an `ENV` line dfsplit writes keeps as the original meant them (no quote, space or `$`). */
const PLAIN = /^[\w./:@%+,=-]*$/;

/**
 * The runtime stage without the build tools' configuration nothing in it reads, the findings that say so
 * (`build-env-dropped`) and the names left out. A variable stays when the runtime base has one of its
 * readers, a command of the stage runs or installs one, a copy brings its directory (`CARGO_HOME` copied
 * whole), another line of the stage names it (`PATH=$GOPATH/bin:$PATH`), or the container starts a program
 * dfsplit cannot see into (a script of the build context may read it).
 */
export function dropBuildEnv(input: DropInput): { steps: RuntimeStep[]; findings: Finding[]; dropped: string[] } {
  const none = { steps: [...input.steps], findings: [], dropped: [] };
  if (!input.runtime || !startsOnlyKnownPrograms(input)) return none;
  const runs = new Set(input.steps.flatMap((s) => s.commands.flatMap((c) => [commandName(c.words), ...(c.install?.packages ?? []).flatMap((p) => [p, ...(packageProvides(p) ?? [])])])));
  const copied = input.steps.flatMap((s) => (s.artifact ? [s.artifact.to ?? s.artifact.path] : []));
  const droppable = (name: string, value: string, own: RuntimeStep): boolean => {
    const readers = buildEnvReaders(name);
    if (!readers || readers.some((r) => input.runtime!.tools.has(r.split('/').pop()!) || runs.has(r))) return false;
    if (value.startsWith('/') && copied.some((p) => isInside(value, p))) return false;
    const named = new RegExp(`\\$\\{?${name}\\b`);
    return !input.steps.some((s) => s !== own && named.test(s.text)) && !(own.env ?? []).some(([, v]) => named.test(v));
  };
  const steps: RuntimeStep[] = [];
  const findings: Finding[] = [];
  const dropped: string[] = [];
  for (const step of input.steps) {
    const pairs = step.keyword === 'ENV' ? step.env : undefined;
    const leave = pairs?.filter(([k, v]) => droppable(k, v, step)) ?? [];
    const keep = pairs?.filter((p) => !leave.includes(p)) ?? [];
    // a line dfsplit would have to write again keeps its values as written, or stays whole
    if (!pairs || leave.length === 0 || (keep.length > 0 && !keep.every(([, v]) => PLAIN.test(v)))) {
      steps.push(step);
      continue;
    }
    const line = step.source === null ? undefined : input.model.instructions[step.source]!.line;
    for (const [name, value] of leave) {
      dropped.push(name);
      findings.push({ id: 'build-env-dropped', data: { name, value, readers: buildEnvReaders(name)!.join(', ') }, ...(line === undefined ? {} : { line }) });
    }
    if (keep.length) steps.push({ ...step, verbatim: false, text: `ENV ${keep.map(([k, v]) => `${k}=${v}`).join(' ')}`, env: keep });
  }
  return { steps, findings, dropped };
}

/** The family's name for a command (`pip3.11` is pip), else its program's name. */
function commandName(words: readonly string[]): string {
  return commandOf(words)?.name ?? (words[0] ?? '').split('/').pop()!;
}

/**
 * True when every program the container starts is one the runtime base has on its PATH or one the stage
 * copies from the builder (a compiled program): a script of the build context may read any variable.
 */
function startsOnlyKnownPrograms(input: DropInput): boolean {
  const copied = input.steps.flatMap((s) => (s.artifact ? [s.artifact.to ?? s.artifact.path] : []));
  const workdirAt = (line: number) => {
    const ins = input.model.instructions.find((i) => i.line === line);
    return ins ? (input.analysis.scopes.get(ins.index)?.workdir ?? '/') : '/';
  };
  return input.started.every(({ word, line }) => {
    if (!word.includes('/')) return input.runtime!.tools.has(word);
    const path = joinPath(workdirAt(line), word);
    return copied.some((p) => isInside(path, p));
  });
}
