// A repeated step that does nothing for the runtime stage is left out: a `mkdir` of a directory only the
// build wrote into (`mkdir -p build/classes && javac -d build/classes ...` repeated in a JRE stage). Narrow on
// purpose: an empty directory the program writes to at run time (logs, /var/run/x) matters, and the
// Dockerfile does not say which those are, so only a directory a build command of the builder names, and
// that nothing in the runtime stage names, is left behind.
import { COMPILING, copyDestination, type Analysis } from './analyze/index.js';
import type { Model } from './model.js';
import type { RunCommand } from './analyze/run.js';
import { fileReplay, installsLanguagePackages, isNeutral, pathOperands, pathUse, unpackDirectory } from './commands/index.js';
import type { Finding } from './messages.js';
import { isInside, joinPath } from './paths.js';
import { runtimePart, type RuntimeStep } from './runtime-stage.js';
import type { Artifact } from './preset.js';
import { partlyRemovedContext, removedCommands, removedInput, removedWrite } from './runtime-removed.js';
import { stepText } from './step-printer.js';

/** Where programs keep what they write at run time, and homes: a directory made there is always kept. */
const RUN_TIME_PLACES = ['/var', '/run', '/tmp', '/home', '/root', '/data', '/srv', '/mnt'];

/** The runtime stage without its RUNs that only make directories the build alone used, and the findings that say so. */
export function withoutIdleSteps(analysis: Analysis, model: Model, steps: readonly RuntimeStep[], builderName: string): { steps: RuntimeStep[]; findings: Finding[] } {
  const builds = [...analysis.runs.values()].flatMap((run) => run.commands.filter((c) => COMPILING.has(c.kind) || c.kind === 'test'));
  const out: RuntimeStep[] = [];
  const findings: Finding[] = [];
  // a copy of the context the build deletes part of is copied from the builder as the build left it, and then holds
  // every later artifact inside it
  const rests = steps.flatMap((s) => {
    const rest = partlyRemovedContext(analysis, model, s, steps);
    return rest ? [{ step: s, ...rest }] : [];
  });
  for (const [at, given] of steps.entries()) {
    let original = given;
    const rest = rests.find((r) => r.step === original);
    if (rest) {
      const artifact: Artifact = { path: rest.path, producer: original.source!, why: { id: 'context-rest-copied', data: { copy: original.text, path: rest.path, removed: rest.removed, command: rest.command }, line: model.instructions[original.source!]!.line } };
      findings.push(artifact.why);
      out.push({ source: null, keyword: 'COPY', text: stepText({ kind: 'copy', source: rest.path, dest: rest.path }, builderName), verbatim: false, commands: [], artifact });
      continue;
    }
    const inside = original.artifact && !original.artifact.fromImage && (original.artifact.to ?? original.artifact.path) === original.artifact.path ? rests.find((r) => steps.indexOf(r.step) < at && isInside(original.artifact!.path, r.path)) : undefined;
    if (inside) {
      findings.push({ id: 'artifact-copied-once', data: { path: original.artifact!.path } });
      continue;
    }
    const again = presetCopyHeld(original, steps.slice(0, at));
    if (again) {
      findings.push({ id: 'artifact-copied-once', data: { path: original.artifact!.to ?? original.artifact!.path } });
      continue;
    }
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
    // the commands of a partly repeated RUN whose writes the builder deletes later: the rest runs
    const gone = removedCommands(analysis, original, steps);
    const run = gone.length ? analysis.runs.get(original.source!) : undefined;
    if (run) {
      const rest = (original.verbatim ? run.commands : original.commands).filter((c) => !gone.some((g) => g.command === c));
      const part = runtimePart(run.script, rest, analysis.scopes.get(original.source!)?.workdir ?? '/');
      if (part.text && (original.verbatim || part.commands.length === rest.length)) {
        findings.push({ id: 'removed-write-dropped', data: { command: gone.map((g) => g.command.words.join(' ')).join('; '), path: gone[0]!.path, by: gone[0]!.by } });
        original = { ...original, text: `RUN ${part.text}`, verbatim: false, commands: part.commands };
      }
    }
    const scratch = scratchInput(analysis, model, original, steps);
    if (scratch) {
      findings.push({ id: 'scratch-input-dropped', data: { copy: original.text, dir: scratch } });
      continue;
    }
    const covered = withoutCoveredDirs(analysis, original, steps.slice(0, at), steps.slice(at + 1));
    if (covered.whole) findings.push({ id: 'replay-inside-copy', data: { command: covered.dropped.map((c) => c.words.join(' ')).join('; '), copies: covered.copy } });
    else if (covered.dropped.length) findings.push({ id: 'replay-copied-dropped', data: { command: covered.dropped.map((c) => c.words.join(' ')).join('; '), copy: covered.copy } });
    if (!covered.step) continue;
    const step = covered.step;
    const idle = step.keyword === 'RUN' && step.source !== null && step.commands.length > 0 && step.commands.every((c) => fileReplay(c.words[0] ?? '') === 'creates-dir' && !c.nested);
    const made = idle ? step.commands.flatMap((c) => (pathOperands(c.words)?.makes ?? []).map((d) => ({ written: d, path: joinPath(c.cwd, d) }))) : [];
    const users = made.map(({ path }) => builds.find((b) => b.words.slice(1).some((w) => !w.startsWith('-') && isInside(joinPath(b.cwd, w), path))));
    // (the other steps, read only for a RUN that only makes directories: every step's would be quadratic)
    const others = () => steps.filter((s) => s !== step);
    if (!idle || made.length === 0 || users.some((u) => !u) || made.some(({ written, path }) => RUN_TIME_PLACES.some((p) => isInside(path, p)) || named(written, others()))) {
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
function withoutCoveredDirs(analysis: Analysis, step: RuntimeStep, before: readonly RuntimeStep[], after: readonly RuntimeStep[]): { step: RuntimeStep | null; dropped: RunCommand[]; copy: string; whole?: boolean } {
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
    // a chmod (or a chown/chgrp to root, which every COPY gives) of paths inside an earlier copy: COPY --from keeps
    // the modes of the builder's end state, which ran the same command (`chmod +x wait-for-it.sh` after copying the
    // app). Not of the copied directory itself: a COPY into a directory that is there already (a WORKDIR made it)
    // leaves that directory's own mode as it was (`chmod -R g+rwX .` in /usr/src/app stays: review of this session)
    if (!c.nested && fileReplay(c.words[0] ?? '') === 'changes-mode' && copies.length) {
      const use = pathOperands(c.words);
      const paths = (use?.needs ?? []).map((d) => joinPath(c.cwd, d));
      const root = use?.owner === null || /^(0|root)?(:(0|root))?$/.test(use?.owner ?? '-');
      // (a copy given an owner, `COPY --chown=app`, is not root's)
      const owned = before.filter((x) => /--chown/.test(x.text)).flatMap(plain);
      const by = paths.map((m) => copies.find((p) => m !== p && isInside(m, p) && (use?.owner === null || !owned.includes(p))));
      if (root && paths.length && !paths.some((m) => /[$~*?]/.test(m)) && by.every((p) => p !== undefined)) {
        copy = by[0]!;
        return true;
      }
      return false;
    }
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
  // (the whole RUN goes before a later copy only with nothing but configuration between: a context COPY there could land in what it made)
  const close = after.findIndex((s) => ['RUN', 'COPY', 'ADD'].includes(s.keyword) && !s.artifact);
  const holder = dropped.length < step.commands.length ? writesOnlyInside(step, [...copies, ...(close < 0 ? after : after.slice(0, close)).flatMap(plain)], before, after) : null;
  if (holder !== null) return { step: null, dropped: [...step.commands], copy: holder, whole: true };
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
 * True for a repeated RUN whose whole effect lies inside what the stage copies from the builder (`copies`: before it,
 * or right after it with no RUN between) or in a scratch directory (`cd /tmp ; unzip /tmp/app.zip && mv app-master
 * /opt/app && rm /tmp/app.zip` with /opt/app copied): every command changes directory, prints with its redirections
 * so placed, unpacks there, or makes, moves and removes only paths there (not chown, whose owner the stage must have),
 * and at least one other than mkdir writes into a copy. The copies written into, or null. The copy holds the builder's end state, which ran it; no later step names the
 * scratch directory, so nothing looks for what it left there, and no earlier step names what it deletes. Like a checkout's work, it is not repeated.
 */
function writesOnlyInside(step: RuntimeStep, copies: readonly string[], before: readonly RuntimeStep[], after: readonly RuntimeStep[]): string | null {
  const scratch = (p: string) => SCRATCH_DIRS.some((d) => isInside(p, d));
  const copied = (p: string) => copies.some((d) => isInside(p, d));
  const held = (p: string) => !/[$~*?`[]/.test(p) && (copied(p) || scratch(p));
  const into: string[] = [];
  // a path it deletes that an earlier step of the stage may have made stays there without it (`wget x.tar.bz2`
  // repeated, then `tar -xf x.tar.bz2 && rm x.tar.bz2`): only paths no earlier step names
  const named = (p: string) => {
    const name = p.split('/').pop()!;
    return before.some((s) => (s.keyword === 'RUN' && s.commands.length > 0 ? s.commands.some((c) => [...c.words, ...c.produced].some((w) => w.includes(name))) : s.text.includes(name)));
  };
  const within = (c: RunCommand): boolean => {
    const name = c.words[0] ?? '';
    const use = pathOperands(c.words);
    if (c.nested || Object.keys(c.assigns).length > 0 || !c.writes.every(held)) return false;
    if (use?.changesDirectory || (isNeutral(name) && !use)) return true;
    const unpacked = unpackDirectory(c.words, c.cwd);
    const paths = unpacked !== null ? [unpacked] : use && use.owner === null ? [...use.makes, ...use.removes, ...use.moves].map((p) => joinPath(c.cwd, p)) : [];
    if (paths.length === 0 || !paths.every(held) || (use?.removes ?? []).some((r) => named(joinPath(c.cwd, r)))) return false;
    // (a mkdir alone is not what the rule is for: the copied-directory rules above own it)
    const wrote = [...(unpacked !== null ? [unpacked] : fileReplay(name) === 'creates-dir' ? [] : (use?.makes ?? []).map((m) => joinPath(c.cwd, m))), ...c.writes];
    for (const p of wrote) into.push(...copies.filter((d) => isInside(p, d)));
    return true;
  };
  if (!step.commands.every(within) || into.length === 0) return null;
  return after.some((s) => SCRATCH_DIRS.some((d) => new RegExp(`(^|[\\s"'=:])${d}(/|[\\s"']|$)`).test(s.text))) ? null : [...new Set(into)].join(', ');
}

/**
 * True when a preset's `COPY --from` brings what an earlier copy of the stage from the builder brought already: the
 * builder's final state of a directory that holds its destination (the tarball's /usr/local, then the packages an
 * `npm install -g` put in it), with no RUN between that names that directory (which could change what lies there).
 * Only a copy to the same path, or of a directory the builder gathered from that place, brings the same files.
 */
function presetCopyHeld(step: RuntimeStep, before: readonly RuntimeStep[]): boolean {
  const a = step.artifact;
  if (!a?.byPreset || ((a.to ?? a.path) !== a.path && !a.gathered)) return false;
  const dest = a.to ?? a.path;
  const at = before.findIndex((s) => s.artifact && !s.artifact.byPreset && !s.artifact.fromImage && !s.artifact.brings && (s.artifact.to ?? s.artifact.path) === s.artifact.path && isInside(dest, s.artifact.path));
  if (at < 0) return false;
  const dir = before[at]!.artifact!.path;
  return !before.slice(at + 1).some((s) => s.keyword === 'RUN' && s.text.includes(dir));
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
  const dest = copyDestination(ins, analysis.scopes.get(ins.index) ?? '/');
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
  const dest = copyDestination(ins, analysis.scopes.get(ins.index) ?? '/');
  const dir = SCRATCH_DIRS.find((d) => dest !== null && isInside(dest, d) && dest !== d);
  if (!dir) return null;
  const installs = [...analysis.runs].filter(([index]) => index > ins.index).flatMap(([, run]) => run.commands.filter((c) => COMPILING.has(c.kind) && isInside(c.cwd, dir)));
  if (installs.length === 0 || installs.some((c) => !installsLanguagePackages(c.words))) return null;
  if (steps.some((s) => s.artifact && isInside(s.artifact.path, dir))) return null;
  // another context COPY into the directory is an input too
  const input = (s: RuntimeStep): boolean => {
    const other = s.source === null ? null : model.instructions[s.source]!;
    return s.keyword === 'COPY' && other?.keyword === 'COPY' && other.from === null && isInside(copyDestination(other, analysis.scopes.get(other.index) ?? '/') ?? '/', dir);
  };
  // a repeated `cp -a /tmp/node_modules /usr/app` takes what the install made, not its inputs
  const names = (s: RuntimeStep): boolean => (s.keyword === 'RUN' && s.commands.length > 0 ? s.commands.some((c) => c.words.some((w) => w.includes(`${dir}/`)) && !((pathUse(c.words[0] ?? '')?.copies || pathUse(c.words[0] ?? '')?.moves) && !c.nested)) : s.text.includes(`${dir}/`));
  return steps.some((s) => s !== step && !input(s) && names(s)) ? null : dir;
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
