// Build-time configuration stays in the builder: an ENV (set by the file, or inherited from the builder's
// image and written again for the runtime base) that only build tools read (`CARGO_HOME`, `GOPATH`,
// `MAVEN_HOME`, `PIP_*`: `buildEnv` of the command families) is left out of the runtime stage when nothing
// there can read it. The check (src/check.ts) accepts exactly these variables as missing.
// https://docs.docker.com/reference/dockerfile/#env
import { copyDestination, type Analysis } from './analyze/index.js';
import { buildEnvReaders, commandOf, packageProvides } from './commands/index.js';
import type { ImageConfig } from './knowledge/image-config.js';
import type { Finding } from './messages.js';
import type { Model } from './model.js';
import { isInside, joinPath } from './paths.js';
import { last } from './runtime-contract.js';
import { artifactDestinations, landsAt, type RuntimeStep } from './runtime-stage.js';

interface DropInput {
  model: Model;
  analysis: Analysis;
  /** The planned runtime stage after its FROM. */
  steps: readonly RuntimeStep[];
  /** The runtime base's configuration and programs; null (unknown image): nothing is dropped. */
  runtime: ImageConfig | null;
  /** The programs CMD, ENTRYPOINT and HEALTHCHECK start, as `startedPrograms` names them. */
  started: readonly { word: string; line: number }[];
  /** The instruction a preset rewrote (`cargo run` to the binary), whose words no longer start anything. */
  rewritten?: number | null;
}

/** Plain values an `ENV` line dfsplit writes keeps as the original meant them (no quote, space or `$`). */
const PLAIN = /^[\w./:@%+,=-]*$/;

/**
 * The runtime stage without the build tools' configuration nothing in it reads, the findings that say so
 * (`build-env-dropped`) and the names left out. A variable stays when the runtime base has one of its
 * readers, a command of the stage runs or installs one, a copy brings its directory (`CARGO_HOME` copied
 * whole) or puts files in it (the started program aside), another line of the stage names it (`PATH=$GOPATH/bin:$PATH`), or the container starts a program
 * dfsplit cannot see into (a script of the build context may read it).
 */
export function dropBuildEnv(input: DropInput): { steps: RuntimeStep[]; findings: Finding[]; dropped: string[] } {
  const none = { steps: [...input.steps], findings: [], dropped: [] };
  const started = startedPaths(input);
  if (!input.runtime || started === null) return none;
  const runs = new Set(input.steps.flatMap((s) => s.commands.flatMap((c) => [commandName(c.words), ...(c.install?.packages ?? []).flatMap((p) => [p, ...(packageProvides(p) ?? [])])])));
  // what the stage places, the started programs aside: a copy of the directory a variable names may bring the
  // tools (`CARGO_HOME` whole), and files placed under it may be found through it (`$GOPATH/src/app/templates`)
  // (a directory of PATH copied whole for the programs started from it, /go/bin, counts as them)
  const placed = placedPaths(input).filter((p) => !started.includes(p) && !started.some((s) => s.slice(0, s.lastIndexOf('/')) === p));
  const droppable = (name: string, value: string, own: RuntimeStep): boolean => {
    const readers = buildEnvReaders(name);
    if (!readers || readers.some((r) => input.runtime!.tools.has(r.split('/').pop()!) || runs.has(r))) return false;
    if (value.startsWith('/') && placed.some((p) => isInside(value, p) || isInside(p, value))) return false;
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

/** Where each COPY, ADD and artifact of the stage puts what it copies (null when it cannot be told). */
function placedPaths(input: DropInput): string[] {
  return input.steps.flatMap((s) => {
    if (s.artifact) return landsAt(s.artifact);
    const ins = s.source === null ? undefined : input.model.instructions[s.source];
    if (ins?.keyword !== 'COPY' && ins?.keyword !== 'ADD') return [];
    return [copyDestination(ins, input.analysis.scopes.get(ins.index) ?? '/') ?? '/'];
  });
}

/**
 * The paths of the programs the container starts, when every one is on the runtime base's PATH or copied
 * from the builder (a compiled program); null when one may be a script of the build context, which may
 * read any variable.
 */
function startedPaths(input: DropInput): string[] | null {
  const copied = artifactDestinations(input.steps);
  const workdirAt = (line: number) => {
    const ins = input.model.instructions.find((i) => i.line === line);
    return ins ? (input.analysis.scopes.get(ins.index)?.workdir ?? '/') : '/';
  };
  const paths: string[] = [];
  // an ENTRYPOINT that wraps the command (`docker-entrypoint.sh`) is started too, though startedPrograms names
  // what it hands over to (nothing, with an empty CMD): a script of the build context may read any variable
  const entrypoint = last(input.model, 'ENTRYPOINT');
  const first = entrypoint?.json?.[0];
  const wrapper = entrypoint && first && entrypoint.index !== input.rewritten && !input.started.some((s) => s.word === first) ? [{ word: first, line: entrypoint.line }] : [];
  // a program started by its name is the copied file of that name in a directory of PATH (`api`: the
  // /usr/local/bin/api the stage copies from the builder)
  const lastIndex = input.model.stages[0]?.instructions.at(-1);
  const searchPath = ((lastIndex !== undefined ? input.analysis.scopes.get(lastIndex)?.env.get('PATH') : undefined) ?? input.runtime?.env.PATH ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin').split(':');
  // (or in a directory of PATH the stage copies whole: `go install ./...` into /go/bin)
  const onPath = (word: string): string | undefined => {
    for (const d of searchPath) {
      const path = joinPath(d, word);
      if (copied.includes(path) || copied.includes(d.replace(/\/+$/, ''))) return path;
    }
    return undefined;
  };
  for (const { word, line } of [...wrapper, ...input.started]) {
    if (!word.includes('/') && input.runtime?.tools.has(word)) continue;
    const found = word.includes('/') ? undefined : onPath(word);
    if (found) {
      paths.push(found);
      continue;
    }
    const path = joinPath(workdirAt(line), word);
    if (!word.includes('/') || !copied.some((p) => isInside(path, p))) return null;
    paths.push(path);
  }
  return paths;
}
