// A repeated step that does nothing for the runtime stage is left out: a `mkdir` of a directory only the
// build wrote into (`mkdir -p build/classes && javac -d build/classes ...` repeated in a JRE stage). Narrow on
// purpose: an empty directory the program writes to at run time (logs, /var/run/x) matters, and the
// Dockerfile does not say which those are, so only a directory a build command of the builder names, and
// that nothing in the runtime stage names, is left behind.
import { COMPILING, copyDestination, type Analysis } from './analyze/index.js';
import { homeOf } from './analyze/run.js';
import { under } from './state-model.js';
import type { CopyInstruction, Model } from './model.js';
import type { RunCommand } from './analyze/run.js';
import { fileReplay, installsLanguagePackages, pathOperands, pathUse, unpackDirectory } from './commands/index.js';
import type { Finding } from './messages.js';
import { isInside, joinPath } from './paths.js';
import { runtimePart, type RuntimeStep } from './runtime-stage.js';

/** Where programs keep what they write at run time, and homes: a directory made there is always kept. */
const RUN_TIME_PLACES = ['/var', '/run', '/tmp', '/home', '/root', '/data', '/srv', '/mnt'];

/** The runtime stage without its RUNs that only make directories the build alone used, and the findings that say so. */
export function withoutIdleSteps(analysis: Analysis, model: Model, steps: readonly RuntimeStep[]): { steps: RuntimeStep[]; findings: Finding[] } {
  const builds = [...analysis.runs.values()].flatMap((run) => run.commands.filter((c) => COMPILING.has(c.kind) || c.kind === 'test'));
  const out: RuntimeStep[] = [];
  const findings: Finding[] = [];
  for (const [at, original] of steps.entries()) {
    const held = copiedAlready(analysis, model, original, steps.slice(0, at));
    if (held) {
      findings.push({ id: 'context-copy-dropped', data: { copy: original.text, path: held } });
      continue;
    }
    const removed = removedInput(analysis, model, original, steps);
    if (removed) {
      findings.push({ id: 'removed-input-dropped', data: { copy: original.text, path: removed.path, command: removed.command } });
      continue;
    }
    const written = removedWrite(analysis, original, steps);
    if (written) {
      findings.push({ id: 'removed-write-dropped', data: { command: original.text.replace(/^RUN\s+/, ''), path: written.path, by: written.command } });
      continue;
    }
    const scratch = scratchInput(analysis, model, original, steps);
    if (scratch) {
      findings.push({ id: 'scratch-input-dropped', data: { copy: original.text, dir: scratch } });
      continue;
    }
    const covered = withoutCoveredDirs(analysis, original, steps.slice(0, at), steps.slice(at + 1));
    if (covered.dropped.length) findings.push({ id: 'replay-copied-dropped', data: { command: covered.dropped.map((c) => c.words.join(' ')).join('; '), copy: covered.copy } });
    if (!covered.step) continue;
    const step = covered.step;
    const idle = step.keyword === 'RUN' && step.source !== null && step.commands.length > 0 && step.commands.every((c) => fileReplay(c.words[0] ?? '') === 'creates-dir' && !c.nested);
    const made = idle ? step.commands.flatMap((c) => (pathOperands(c.words)?.makes ?? []).map((d) => ({ written: d, path: joinPath(c.cwd, d) }))) : [];
    const users = made.map(({ path }) => builds.find((b) => b.words.slice(1).some((w) => !w.startsWith('-') && isInside(joinPath(b.cwd, w), path))));
    const others = steps.filter((s) => s !== step);
    if (!idle || made.length === 0 || users.some((u) => !u) || made.some(({ written, path }) => RUN_TIME_PLACES.some((p) => isInside(path, p)) || named(written, others))) {
      out.push(step);
      continue;
    }
    findings.push({ id: 'replay-idle-dropped', data: { command: step.text.replace(/^RUN\s+/, ''), path: made.map((m) => m.path).join(', '), tool: users[0]!.words[0]! } });
  }
  return { steps: out, findings };
}

/**
 * The step without its `mkdir`s of directories, and `cp`s into directories, an earlier `COPY --from` of the stage already brings
 * (`mkdir /opt/wrk2 && git clone ... /opt/wrk2 && make`, its mkdir repeated after the copy of /opt/wrk2):
 * the copy holds the builder's end state, which ran the same mkdir, and a plain `mkdir` of an existing
 * directory fails; so is a plain `mkdir` of a parent of a copied path, which the COPY makes itself
 * (not one given a mode, `mkdir -m 700`). Only copies that keep their path (not renamed) and only commands outside pipes and
 * control flow; a RUN written as in the original loses them only when they are all it runs (its other
 * commands are not reprinted). `step` is null when nothing is left to run.
 */
function withoutCoveredDirs(analysis: Analysis, step: RuntimeStep, before: readonly RuntimeStep[], after: readonly RuntimeStep[]): { step: RuntimeStep | null; dropped: RunCommand[]; copy: string } {
  const none = { step, dropped: [], copy: '' };
  if (step.keyword !== 'RUN' || step.source === null || step.commands.length === 0) return none;
  const plain = (s: RuntimeStep): string[] => (s.artifact && !s.artifact.fromImage && !s.artifact.byPreset && (s.artifact.to ?? s.artifact.path) === s.artifact.path && !/[$~*?]/.test(s.artifact.path) ? [s.artifact.path] : []);
  const copies = before.flatMap(plain);
  // a `cp` may also go before a copy that follows it with no RUN between: the copy then lays the builder's end state over what it wrote
  const next = after.findIndex((s) => s.keyword === 'RUN');
  const later = (next < 0 ? after : after.slice(0, next)).flatMap(plain);
  // as root only: a directory another user makes is theirs, one a COPY makes is root's
  const user = analysis.scopes.get(step.source)?.user ?? null;
  if (copies.length + later.length === 0 || (user !== null && !/^(root|0)(:|$)/.test(user))) return none;
  let copy = '';
  const isCovered = (c: RunCommand): boolean => {
    const dir = fileReplay(c.words[0] ?? '') === 'creates-dir';
    if (c.nested || (!dir && !pathUse(c.words[0] ?? '')?.copies)) return false;
    const use = pathOperands(c.words);
    const made = (use?.makes ?? []).map((d) => joinPath(c.cwd, d));
    // inside a copied directory (the builder's end state holds it), or a plain parent the COPY makes itself;
    // a `cp` or `mv` into a copied directory (`cp -a /tmp/node_modules /usr/app` with /usr/app copied) wrote
    // what the copy brings
    const by = made.map((m) => copies.find((p) => isInside(m, p) || (dir && !use?.valued && isInside(p, m))) ?? (dir ? undefined : later.find((p) => isInside(m, p))));
    // a `mv` also takes away its sources: only when they too lie in what the copies bring
    const moved = (use?.moves ?? []).map((d) => joinPath(c.cwd, d));
    if (moved.some((m) => /[$~*?]/.test(m) || ![...copies, ...later].some((p) => isInside(m, p)))) return false;
    if (made.length === 0 || by.some((p) => p === undefined) || made.some((m) => /[$~*?]/.test(m))) return false;
    copy = by[0]!;
    return true;
  };
  const dropped = step.commands.filter(isCovered);
  if (dropped.length === 0) return none;
  const rest = step.commands.filter((c) => !dropped.includes(c));
  if (rest.length === 0) return { step: null, dropped, copy };
  const run = analysis.runs.get(step.source);
  if (step.verbatim || !run) return none;
  const part = runtimePart(run.script, rest, analysis.scopes.get(step.source)?.workdir ?? '/');
  if (part.commands.length !== rest.length || !part.text) return none;
  return { step: { ...step, text: `RUN ${part.text}`, commands: part.commands }, dropped, copy };
}

/**
 * The directory an earlier `COPY --from` of the stage brings that already holds what a repeated COPY of the
 * build context copies (`COPY --from=builder /app /app`, then `COPY . .` in /app): the builder ran the same COPY,
 * so its /app holds those files as the build left them (built over, or deleted). Null when there is none, or
 * when the COPY has flags (an owner or mode it sets, `--link`, `--exclude`) or is an ADD (which unpacks archives).
 */
function copiedAlready(analysis: Analysis, model: Model, step: RuntimeStep, before: readonly RuntimeStep[]): string | null {
  if (step.keyword !== 'COPY' || !step.verbatim || step.source === null) return null;
  const ins = model.instructions[step.source]!;
  if (ins.keyword !== 'COPY' || ins.from !== null || ins.flags.length > 0) return null;
  const dest = copyDestination(ins, analysis.scopes.get(ins.index)?.workdir ?? '/');
  if (!dest || dest.includes('$')) return null;
  const artifact = before.find((s) => s.artifact && (s.artifact.to ?? s.artifact.path) === s.artifact.path && !s.artifact.fromImage && isInside(dest, s.artifact.path));
  return artifact ? artifact.artifact!.path : null;
}

/**
 * The scratch directory (`/tmp`) a context COPY puts the inputs of a language install into, when that install ran
 * there and its packages went elsewhere (the `/tmp` idiom: `COPY package.json /tmp/`, `cd /tmp && npm install`,
 * `cp -a /tmp/node_modules /usr/app`): the runtime stage copies nothing from that directory and no other step of
 * it names the directory, so the inputs are the builder's alone; null otherwise.
 */
function scratchInput(analysis: Analysis, model: Model, step: RuntimeStep, steps: readonly RuntimeStep[]): string | null {
  if (step.keyword !== 'COPY' || !step.verbatim || step.source === null) return null;
  const ins = model.instructions[step.source]!;
  if (ins.keyword !== 'COPY' || ins.from !== null || ins.flags.length > 0) return null;
  const dest = copyDestination(ins, analysis.scopes.get(ins.index)?.workdir ?? '/');
  const dir = SCRATCH_DIRS.find((d) => dest !== null && isInside(dest, d) && dest !== d);
  if (!dir) return null;
  const installs = [...analysis.runs].filter(([index]) => index > ins.index).flatMap(([, run]) => run.commands.filter((c) => COMPILING.has(c.kind) && isInside(c.cwd, dir)));
  if (installs.length === 0 || installs.some((c) => !installsLanguagePackages(c.words))) return null;
  if (steps.some((s) => s.artifact && isInside(s.artifact.path, dir))) return null;
  // another context COPY into the directory is an input too
  const input = (s: RuntimeStep): boolean => {
    const other = s.source === null ? null : model.instructions[s.source]!;
    return s.keyword === 'COPY' && other?.keyword === 'COPY' && other.from === null && isInside(copyDestination(other, analysis.scopes.get(other.index)?.workdir ?? '/') ?? '/', dir);
  };
  // a repeated `cp -a /tmp/node_modules /usr/app` takes what the install made, not its inputs
  const names = (s: RuntimeStep): boolean => (s.keyword === 'RUN' && s.commands.length > 0 ? s.commands.some((c) => c.words.some((w) => w.includes(`${dir}/`)) && !((pathUse(c.words[0] ?? '')?.copies || pathUse(c.words[0] ?? '')?.moves) && !c.nested)) : s.text.includes(`${dir}/`));
  return steps.some((s) => s !== step && !input(s) && names(s)) ? null : dir;
}

/**
 * A COPY or ADD from the build context whose every landing place a later command of the builder deletes (`COPY
 * ices-0.4.tar /tmp/`, then `tar x ... && rm -rf /tmp/*`; `COPY . /go/src/x`, then `go install && rm -rf /go`; `ADD
 * https://.../x.tar.gz /tmp/`, then `rm /tmp/x.tar.gz`), in a command the runtime stage does not repeat: the
 * original image does not hold what it copies, so neither does the runtime stage (it would keep it:
 * `runtime-keeps-removed`). What deletes it and which path, or null. A replayed step that still needs it is the
 * state model's to decline.
 */
function removedInput(analysis: Analysis, model: Model, step: RuntimeStep, steps: readonly RuntimeStep[]): { path: string; command: string } | null {
  if ((step.keyword !== 'COPY' && step.keyword !== 'ADD') || !step.verbatim || step.source === null) return null;
  const ins = model.instructions[step.source]!;
  if ((ins.keyword !== 'COPY' && ins.keyword !== 'ADD') || ins.from !== null || ins.flags.length > 0) return null;
  const paths = landingPaths(ins, analysis.scopes.get(ins.index)?.workdir ?? '/');
  return paths === null ? null : deletedLater(analysis, steps, { index: ins.index, start: -1 }, paths);
}

/**
 * A repeated RUN that only downloads or unpacks into places a later command of the builder deletes, in a command the
 * runtime stage does not repeat (`curl -O .../haproxy-1.5.tar.gz` in /tmp/haproxy, `tar -xzf` it there, built, then
 * `rm -rf /tmp/haproxy`): the original image does not hold what it writes, so neither does the runtime stage (it would
 * keep it: `runtime-keeps-removed`). Each command a download with named outputs, an unpack (into its -C directory or
 * the working directory) or a `cd`. What deletes the first of them and which path, or null. A replayed step that
 * still needs what it wrote is the state model's to decline.
 */
function removedWrite(analysis: Analysis, step: RuntimeStep, steps: readonly RuntimeStep[]): { path: string; command: string } | null {
  if (step.keyword !== 'RUN' || step.source === null) return null;
  const commands = step.verbatim ? (analysis.runs.get(step.source)?.commands ?? []) : step.commands;
  let first: { path: string; command: string } | null = null;
  let writes = 0;
  for (const c of commands) {
    if (c.nested) return null;
    if (pathOperands(c.words)?.changesDirectory) continue;
    const unpacked = unpackDirectory(c.words, c.cwd);
    const paths = unpacked !== null ? [unpacked] : c.kind === 'fetch' ? [...new Set([...c.outputs, ...c.writes, ...c.produced])] : [];
    if (paths.length === 0 || paths.some((p) => /[$~*?[]/.test(p))) return null;
    const by = deletedLater(analysis, steps, { index: step.source, start: c.start }, paths);
    if (!by) return null;
    first ??= by;
    writes++;
  }
  return writes > 0 ? first : null;
}

/**
 * The first command of the builder after `after` (an instruction, and a command's offset in it) that deletes every
 * one of `paths` (`~` read as the RUN user's home) and that the runtime stage does not repeat: which path it deletes
 * and the command, or null.
 */
function deletedLater(analysis: Analysis, steps: readonly RuntimeStep[], after: { index: number; start: number }, paths: readonly string[]): { path: string; command: string } | null {
  // the commands the runtime stage repeats, each by its RUN and its offset (a RUN may be repeated in part)
  const replayed = new Set(steps.flatMap((st) => (st.keyword === 'RUN' && st.source !== null ? (st.verbatim ? (analysis.runs.get(st.source)?.commands ?? []) : st.commands).map((c) => `${st.source}:${c.start}`) : [])));
  for (const [index, run] of [...analysis.runs].sort((a, b) => a[0] - b[0])) {
    if (index < after.index) continue;
    const scope = analysis.scopes.get(index);
    const home = homeOf(scope?.user ?? null, scope?.env ?? new Map(), scope?.home);
    for (const c of run.commands) {
      if (c.nested || (index === after.index && c.start <= after.start) || replayed.has(`${index}:${c.start}`)) continue;
      const gone = (pathOperands(c.words)?.removes ?? [])
        .map((r) => r.replace(/^~(?=\/|$)/, home))
        .filter((r) => !/[$~?[]/.test(r))
        .map((r) => joinPath(c.cwd, r));
      const by = gone.find((g) => paths.every((p) => under(p, g)));
      if (by) return { path: by, command: c.words.slice(0, 3).join(' ') };
    }
  }
  return null;
}

/**
 * Paths that hold everything a COPY or ADD from the build context puts in place, or null when it cannot say (a
 * variable, a glob, a heredoc). A source that may be a directory (a name without an extension, `.`, `conf.d`)
 * copies its contents, and ADD unpacks a local archive (known by its content, not its name): both land in the
 * destination itself; a file copied into a directory lands under its own name there, and so does a URL ADD
 * downloads (never unpacked).
 */
function landingPaths(ins: CopyInstruction, workdir: string): string[] | null {
  const dest = copyDestination(ins, workdir);
  if (dest === null || /[$*?[]/.test(dest) || ins.sources.some((src) => /[$*?[]/.test(src))) return null;
  const intoDir = (ins.words.at(-1) ?? '').endsWith('/') || ins.sources.length > 1;
  const paths: string[] = [];
  for (const src of ins.sources) {
    const url = /^[a-z][\w+.-]*:\/\//i.test(src);
    const name = (url ? src.replace(/[?#].*$/, '') : src).replace(/\/+$/, '').split('/').pop() ?? '';
    const file = url ? ins.keyword === 'ADD' : ins.keyword === 'COPY' && !src.endsWith('/') && /^[^.].*\.(?!d$)[\w-]+$/.test(name);
    if (!intoDir || !file) paths.push(dest);
    else if (name) paths.push(joinPath(dest, name));
    else return null;
  }
  return paths;
}

/** Scratch directories: what a build leaves there the program does not read. */
const SCRATCH_DIRS = ['/tmp'];

/** True when another step names a part of the directory as written (`build` or `classes` of `build/classes`): it may use it. */
function named(written: string, steps: readonly RuntimeStep[]): boolean {
  return written
    .split('/')
    .filter(Boolean)
    .some((part) => {
      const word = new RegExp(`(^|[/\\s"'=:])${part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([/\\s"':]|$)`);
      return steps.some((s) => word.test(s.text));
    });
}
