// What the builder deletes again does not come back in the runtime stage (issue 24, `runtime-keeps-removed`): a copy
// or a download whose every landing place a builder-only command deletes is not repeated, and a copy of the context
// that such a command deletes only in part is taken from the builder as the build left it. src/runtime-idle.ts asks.
import { copiesContextRoot, copyDestination, filePaths, type Analysis, type DestinationScope } from './analyze/index.js';
import { expandWord, homeOf, type RunCommand } from './analyze/run.js';
import { deletesContextPart, under } from './state-model.js';
import type { CopyInstruction, Model } from './model.js';
import { fileReplay, pathOperands, unpackDirectory } from './commands/index.js';
import { isInside, joinPath } from './paths.js';
import type { RuntimeStep } from './runtime-stage.js';
import { systemDir } from './knowledge/secrets.js';

/**
 * A copy of the whole build context (no flags) into a directory that is not a system directory, a later command of the
 * builder that the runtime stage does not repeat deleting a part of it (`COPY . /app`, then `go build && rm -rf .git
 * main.go`): the original image holds the rest, with what the build wrote there, and the runtime stage copies the
 * directory from the builder as the build left it rather than repeat the COPY, which would bring back what was deleted
 * (`runtime-keeps-removed`). The destination, the first path deleted in it and the command, or null.
 */
export function partlyRemovedContext(analysis: Analysis, model: Model, step: RuntimeStep, steps: readonly RuntimeStep[]): { path: string; removed: string; command: string } | null {
  if ((step.keyword !== 'COPY' && step.keyword !== 'ADD') || !step.verbatim || step.source === null) return null;
  const ins = model.instructions[step.source]!;
  if ((ins.keyword !== 'COPY' && ins.keyword !== 'ADD') || ins.from !== null || ins.flags.length > 0 || !copiesContextRoot(ins)) return null;
  const dest = copyDestination(ins, analysis.scopes.get(ins.index) ?? '/');
  if (dest === null || dest === '/' || /[$*?[]/.test(dest) || systemDir(dest)) return null;
  // a later deletion of all of it leaves nothing to copy (removedInput)
  if (deletedLater(analysis, steps, { index: ins.index, start: -1 }, [dest])) return null;
  // a part of the context, not only what a build made below it (`rm -rf /app/build` after `mkdir -p /app/build && make`)
  const part = laterDeletion(analysis, steps, { index: ins.index, start: -1 }, (g) => !g.includes('*') && isInside(g, dest) && g !== dest && deletesContextPart(model, analysis, dest, g));
  return part && { path: dest, removed: part.path, command: part.command };
}

/**
 * A COPY or ADD from the build context whose every landing place a later command of the builder deletes (`COPY
 * ices-0.4.tar /tmp/`, then `tar x ... && rm -rf /tmp/*`; `COPY . /go/src/x`, then `go install && rm -rf /go`; `ADD
 * https://.../x.tar.gz /tmp/`, then `rm /tmp/x.tar.gz`), in a command the runtime stage does not repeat: the
 * original image does not hold what it copies, so neither does the runtime stage (it would keep it:
 * `runtime-keeps-removed`). What deletes it and which path, or null. A replayed step that still needs it is the
 * state model's to decline.
 */
export function removedInput(analysis: Analysis, model: Model, step: RuntimeStep, steps: readonly RuntimeStep[]): { path: string; command: string } | null {
  if ((step.keyword !== 'COPY' && step.keyword !== 'ADD') || !step.verbatim || step.source === null) return null;
  const ins = model.instructions[step.source]!;
  if ((ins.keyword !== 'COPY' && ins.keyword !== 'ADD') || ins.from !== null || ins.flags.length > 0) return null;
  // a destination named through the file's ENV (`ADD ./ $SRC_DIR/app`, ENV SRC_DIR=/tmp/src) lands where it names
  const paths = landingPaths(ins, analysis.scopes.get(ins.index) ?? '/');
  return paths === null ? null : deletedLater(analysis, steps, { index: ins.index, start: -1 }, paths);
}

/**
 * A repeated RUN that only downloads, unpacks or edits files in places a later command of the builder deletes, in a
 * command the runtime stage does not repeat (`curl -O .../haproxy-1.5.tar.gz` in /tmp/haproxy, `tar -xzf` it there,
 * built, then `rm -rf /tmp/haproxy`; `sed -i` of a source file before `mvn package` and `rm -rf` of the tree): the
 * original image does not hold what it writes, so neither does the runtime stage (it would keep it, or fail to find
 * what it edits: `runtime-keeps-removed`, `replay-needs-builder-state`). Each command a download with named outputs,
 * an unpack (into its -C directory or the working directory), a file command or editor whose every path (what it
 * makes, removes, moves and reads: analyze's filePaths) lies in what is deleted (not a mkdir: a later repeated
 * command may still work in the directory it makes), or a `cd`. What deletes the first of them and which path, or
 * null. A replayed step that still needs what it wrote is the state model's to decline.
 */
export function removedWrite(analysis: Analysis, step: RuntimeStep, steps: readonly RuntimeStep[]): { path: string; command: string } | null {
  if (step.keyword !== 'RUN' || step.source === null) return null;
  const commands = step.verbatim ? (analysis.runs.get(step.source)?.commands ?? []) : step.commands;
  let first: { path: string; command: string } | null = null;
  let writes = 0;
  for (const c of commands) {
    if (c.nested) return null;
    if (pathOperands(c.words)?.changesDirectory) continue;
    const unpacked = unpackDirectory(c.words, c.cwd);
    const paths = unpacked !== null ? [unpacked] : c.kind === 'fetch' ? [...new Set([...c.outputs, ...c.writes, ...c.produced])] : fileReplay(c.words[0] ?? '') === 'creates-dir' ? [] : (filePaths(c) ?? []);
    if (paths.length === 0 || paths.some((p) => /[$~*?[]/.test(p))) return null;
    const by = deletedLater(analysis, steps, { index: step.source, start: c.start }, paths);
    if (!by) return null;
    first ??= by;
    writes++;
  }
  return writes > 0 ? first : null;
}

/**
 * The commands of a RUN the runtime stage repeats in part whose every path a later builder-only command deletes, as
 * removedWrite reads them one by one (`apk add --no-cache git make curl && curl -o /usr/local/bin/dep URL && chmod +x
 * /usr/local/bin/dep`, then `rm /usr/local/bin/dep` after the build): the runtime stage runs the rest. A mkdir goes too
 * (`cd FISCO-BCOS && mkdir build` before `rm -rf FISCO-BCOS`) unless a command left works in what goes. Each with what
 * deletes it; none when the step is repeated as written, or when every command would go (removedWrite's case).
 */
export function removedCommands(analysis: Analysis, step: RuntimeStep, steps: readonly RuntimeStep[]): { command: RunCommand; path: string; by: string }[] {
  if (step.keyword !== 'RUN' || step.source === null) return [];
  // a RUN repeated as written for its download (runtime-stage's wholeRuntime) is split like any other once the download goes
  const commands = step.verbatim ? (analysis.runs.get(step.source)?.commands ?? []) : step.commands;
  if (commands.some((c) => c.nested)) return [];
  const out: { command: RunCommand; path: string; by: string }[] = [];
  for (const c of commands) {
    if (c.install || pathOperands(c.words)?.changesDirectory) continue;
    // (a directory made in a tree the builder deletes, `cd FISCO-BCOS && mkdir build` before `rm -rf FISCO-BCOS`, goes
    // too, unless a command left works in it: below)
    const paths = c.kind === 'fetch' ? [...new Set([...c.outputs, ...c.writes, ...c.produced])] : (filePaths(c) ?? []);
    if (paths.length === 0 || paths.some((p) => /[$~*?[]/.test(p))) continue;
    const by = deletedLater(analysis, steps, { index: step.source, start: c.start }, paths);
    if (by) out.push({ command: c, path: by.path, by: by.command });
  }
  if (step.verbatim && commands.some((c) => c.kind === 'fetch' && !out.some((o) => o.command === c))) return [];
  // what stays must not read what goes: no command left names one of its files (`dpkg -i dumb-init_*.deb` after the
  // download of it goes), a glob or a command substitution (`sed -i \`grep -l ...\`` in a tree the build deleted)
  const names = out
    .flatMap((o) => [...o.command.outputs, ...o.command.produced, ...o.command.writes, ...(filePaths(o.command) ?? [])])
    .map((p) => p.replace(/\/+$/, '').split('/').pop()!)
    .filter(Boolean);
  const rest = commands.filter((c) => !out.some((o) => o.command === c) && !c.install && c.kind !== 'package-maintenance');
  if (rest.some((c) => c.words.slice(1).some((w) => /[*?[`]|\$\(/.test(w) || names.some((n) => w.includes(n))))) return [];
  const gone = out.map((o) => o.path);
  if (rest.some((c) => !pathOperands(c.words)?.changesDirectory && gone.some((g) => under(c.cwd, g)))) return [];
  return out.length < commands.length ? out : [];
}

/**
 * The first command of the builder after `after` (an instruction, and a command's offset in it) that deletes every
 * one of `paths` (`~` read as the RUN user's home) and that the runtime stage does not repeat: which path it deletes
 * and the command, or null.
 */
function deletedLater(analysis: Analysis, steps: readonly RuntimeStep[], after: { index: number; start: number }, paths: readonly string[]): { path: string; command: string } | null {
  return laterDeletion(analysis, steps, after, (g) => paths.every((p) => under(p, g)));
}

/** The first deletion (a path or glob, absolute) by a command after `after` that the runtime stage does not repeat and that `takes` accepts, and the command. */
function laterDeletion(analysis: Analysis, steps: readonly RuntimeStep[], after: { index: number; start: number }, takes: (gone: string) => boolean): { path: string; command: string } | null {
  for (const d of deletions(analysis, steps)) {
    if (d.index < after.index || (d.index === after.index && d.start <= after.start)) continue;
    const by = d.paths.find(takes);
    if (by) return { path: by, command: d.command };
  }
  return null;
}

interface Deletion {
  index: number;
  start: number;
  paths: string[];
  command: string;
}

/** The deletions of the builder's commands the runtime stage does not repeat, in order: read once per runtime stage (asked for each command of it). */
const deletionsRead = new WeakMap<readonly RuntimeStep[], WeakMap<Analysis, Deletion[]>>();

function deletions(analysis: Analysis, steps: readonly RuntimeStep[]): Deletion[] {
  const known = deletionsRead.get(steps)?.get(analysis);
  if (known) return known;
  // the commands the runtime stage repeats, each by its RUN and its offset (a RUN may be repeated in part)
  const replayed = new Set(steps.flatMap((st) => (st.keyword === 'RUN' && st.source !== null ? (st.verbatim ? (analysis.runs.get(st.source)?.commands ?? []) : st.commands).map((c) => `${st.source}:${c.start}`) : [])));
  const out: Deletion[] = [];
  for (const [index, run] of [...analysis.runs].sort((a, b) => a[0] - b[0])) {
    const scope = analysis.scopes.get(index);
    let home: string | null = null;
    for (const c of run.commands) {
      if (c.nested || replayed.has(`${index}:${c.start}`)) continue;
      const removes = pathOperands(c.words)?.removes ?? [];
      if (!removes.length) continue;
      home ??= homeOf(scope?.user ?? null, scope?.env ?? new Map(), scope?.home);
      const paths = removes
        // a path named through the file's ENV (`rm -rf ${SRC_DIR}`, ENV SRC_DIR=/tmp/src) is the path it names
        .map((r) => (scope ? expandWord(r, scope.env) : r).replace(/^~(?=\/|$)/, home!))
        .filter((r) => !/[$~?[]/.test(r))
        .map((r) => joinPath(c.cwd, r));
      if (paths.length) out.push({ index, start: c.start, paths, command: c.words.slice(0, 3).join(' ') });
    }
  }
  const byAnalysis = deletionsRead.get(steps) ?? new WeakMap<Analysis, Deletion[]>();
  byAnalysis.set(analysis, out);
  deletionsRead.set(steps, byAnalysis);
  return out;
}

/**
 * Paths that hold everything a COPY or ADD from the build context puts in place, or null when it cannot say (a
 * variable, a glob, a heredoc). A source that may be a directory (a name without an extension, `.`, `conf.d`)
 * copies its contents, and ADD unpacks a local archive (known by its content, not its name): both land in the
 * destination itself; a file copied into a directory lands under its own name there, and so does a URL ADD
 * downloads (never unpacked).
 */
export function landingPaths(ins: CopyInstruction, at: DestinationScope): string[] | null {
  const dest = copyDestination(ins, at);
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
