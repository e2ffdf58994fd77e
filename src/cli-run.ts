// What the dfsplit command line does once it has its flags: loaded by src/cli.ts only when a command
// runs, so that `--version` and `--help` do not load the parsers (cold start, measured by bench/speed.mjs).
// Exit codes: 0 fine, 1 --check found changes or another status --fail-on lists (or verify found a
// difference), 2 errors, 3 (verify) the original does not build here.
import { dirname, resolve } from 'node:path';
import { convert, type ConvertResult } from './convert.js';
import { contextProblem } from './context.js';
import { InputError } from './errors.js';
import { decode, readStdinBounded, DEFAULT_IGNORE, displayPath, expandInputs, holdSignals, inDir, readDockerfile, signalsAct, writeAtomic, type IgnoreOptions } from './files.js';
import type { CliIO, Output } from './cli-io.js';
import { colorDiff } from './report/diff.js';
import { explainTable, reviewText } from './report/explain.js';
import { askApply, openPrompt, type Answer, type Prompt } from './cli-interactive.js';
import { parseShell } from './shell.js';
import { compareBuilds, verify } from './verify/index.js';
import { findEngine, buildxMissing, type Engine } from './verify/engine.js';
import { verifyProgress, type Phase, type VerifyProgress } from './verify/progress.js';
import { verifyTable } from './report/verify-table.js';
import { describe as formatFinding } from './messages.js';
import { convertAll, convertOptions, jobOptions, type JobOptions, type Outcome } from './convert-pool.js';
import { ConfigError, ConfigResolver, type FileConfig } from './config.js';
import { changedClause, reporter, type FileReport, type FileVerify, type Format, type Summary } from './report/formats.js';
import { addSize } from './report/saves.js';
import { VERSION } from './version.js';
import { DEFAULT_FAIL_ON, type FailOnStatus } from './fail-on.js';

export interface Flags {
  paths: string[];
  write: boolean;
  /** --interactive: ask on the terminal, file by file, whether to write each conversion. */
  interactive?: boolean;
  check: boolean;
  /** --fail-on: the statuses that fail a --check run (unset: the configuration's, else DEFAULT_FAIL_ON). */
  failOn?: FailOnStatus[] | undefined;
  stdout: boolean;
  json: boolean;
  color: boolean | undefined;
  builderName: string | undefined;
  runtimeBase: string | undefined;
  /** --pin-builder / --no-pin-builder (unset: the configuration's, else on). */
  pinBuilder?: boolean | undefined;
  preset: string | undefined;
  context: string | undefined;
  verify?: boolean;
  /** --builder: the buildx builder --verify builds with (unset: the engine's own builder). */
  builder?: string | undefined;
  /** Worker threads for a tree (0: automatic); with --verify instead the verifications run at once (0: one). */
  jobs?: number;
  ignore?: IgnoreOptions;
  format?: Format;
  /** --config FILE, or false for --no-config. */
  config?: string | false;
  /** false: --no-js-config, a JavaScript configuration is an error. */
  jsConfig?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  buildNetwork?: string | undefined;
}

export class UsageError extends Error {}

/** `--context` must name a directory: a mistyped one would read as a context without files. */
function checkContext(dir: string | undefined, cwd: string): void {
  const problem = dir === undefined ? null : contextProblem(inDir(cwd, dir));
  if (problem) throw new UsageError(`--context ${dir}: ${problem}`);
}

/**
 * Standard output closed by its reader (`dfsplit . | head`): node reports it as an EPIPE error event,
 * which unhandled ends the process with a stack trace. Handled, the commands see it through the function
 * returned (true once the reader is gone) and end quietly with the exit code so far. The failed write sets
 * the stream's `errored` at once, the event comes later (and stdout, which node never destroys, then
 * clears `errored`): both are looked at.
 */
function watchReader(stdout: Output): () => boolean {
  let closed = false;
  stdout.on?.('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    closed = true;
  });
  return () => closed || (stdout.errored as NodeJS.ErrnoException | null | undefined)?.code === 'EPIPE';
}

function stdinReader(io: CliIO): () => string {
  return () => decode((io.readStdin ?? readStdinBounded)(), '<stdin>');
}

/** The flags that decide each file's conversion options, the same for the main command, `explain` and `verify`. */
export type OptionFlags = Pick<Flags, 'builderName' | 'runtimeBase' | 'pinBuilder' | 'preset' | 'context' | 'config' | 'jsConfig'>;

/** The configuration as --config, --no-config and --no-js-config say. */
function configResolver(flags: OptionFlags, cwd: string): ConfigResolver {
  return new ConfigResolver(flags.config || null, flags.config !== false, flags.jsConfig !== false, cwd);
}

/** One file's conversion options: the command line's, else its configuration's, else the defaults. */
async function fileOptions(file: string, flags: OptionFlags, resolver: ConfigResolver, cwd: string, verify = false): Promise<JobOptions> {
  let c: FileConfig;
  try {
    c = await resolver.optionsFor(file);
  } catch (err) {
    throw asUsage(err);
  }
  return jobOptions(file, { ...flags, builderName: flags.builderName ?? c.builderName ?? 'builder', preset: flags.preset ?? c.preset ?? 'auto', runtimeBase: flags.runtimeBase ?? c.runtimeBase, pinBuilder: flags.pinBuilder ?? c.pinBuilder, verify }, displayPath(file, cwd), cwd);
}

function statusLine(path: string, r: ConvertResult): string {
  switch (r.status) {
    case 'changed':
      return `${path}: changed`;
    case 'unchanged':
      return `${path}: unchanged${r.reasons.length ? ` (${r.reasons.map((x) => x.message).join('; ')})` : ''}`;
    case 'declined':
      return `${path}: declined: ${r.reasons.map((x) => `${x.line ? `line ${x.line}: ` : ''}${x.message} [${x.id}]`).join('; ')}`;
    case 'error': {
      const e = r.reasons[0];
      return `dfsplit: ${path}${e?.line ? `:${e.line}` : ''}: ${e?.message ?? 'error'}`;
    }
  }
}

/** The flag --interactive cannot go with, and why; null when there is none. */
function interactiveConflict(flags: Flags, format: Format): [flag: string, why: string] | null {
  if (flags.write) return ['--write', '--write writes every file without asking'];
  if (flags.check) return ['--check', '--check only reports'];
  if (flags.stdout) return ['--stdout', '--stdout prints the result instead of writing it'];
  if (flags.json) return ['--json', '--json prints a document, the review is text on a terminal'];
  if (format !== 'text') return [`--format ${format}`, `--format ${format} prints a report, the review is text on a terminal`];
  if (flags.quiet) return ['--quiet', '--quiet hides the diffs the review shows'];
  return null;
}

/** --interactive asks on a terminal before writing each file: what cannot go with that is refused. */
function refuseInteractive(flags: Flags, format: Format, inputs: readonly string[], io: CliIO): void {
  const conflict = interactiveConflict(flags, format);
  if (conflict) throw new UsageError(`--interactive and ${conflict[0]} cannot be used together: ${conflict[1]}`);
  if (inputs.includes('-')) throw new UsageError('--interactive and - (stdin) cannot be used together: standard input holds the answers, and there is no file to write');
  if (io.stdout.isTTY !== true) throw new UsageError('--interactive needs a terminal: standard output is not a TTY');
  if (io.stdin?.().isTTY !== true) throw new UsageError('--interactive needs a terminal: standard input is not a TTY');
}

/** The flag combinations that cannot work together, refused before anything is read. */
function refuseIncompatible(flags: Flags, format: Format, inputs: readonly string[], io: CliIO): void {
  const cwd = io.cwd;
  if (flags.json && flags.format && flags.format !== 'json') throw new UsageError(`--json and --format ${flags.format} cannot be used together: --json is --format json`);
  if (flags.write && flags.stdout) throw new UsageError('--write and --stdout cannot be used together: --write edits files in place, --stdout prints the result');
  if (flags.write && flags.check) throw new UsageError('--write and --check cannot be used together: --check only reports, --write edits');
  if (format !== 'text' && flags.stdout) throw new UsageError(`--format ${format} and --stdout cannot be used together: both print to standard output`);
  if (flags.quiet && flags.verbose) throw new UsageError('--quiet and --verbose cannot be used together: one prints only errors, the other every file');
  if (flags.failOn && !flags.check) throw new UsageError('--fail-on applies only to --check: it chooses the statuses that fail the check');
  if (flags.builder !== undefined && !flags.verify) throw new UsageError('--builder applies only to --verify: it names the buildx builder that builds both images');
  const buildx = flags.builder === undefined ? null : buildxMissing(flags.builder);
  if (buildx) throw new UsageError(buildx);
  checkContext(flags.context, cwd);
  if (flags.write && inputs.includes('-')) throw new UsageError('--write and - (stdin) cannot be used together: there is no file to write');
  if (flags.interactive) refuseInteractive(flags, format, inputs, io);
}

/** The files the inputs name (with the ignore files, flags and configuration's patterns) and each file's options. */
async function gatherInputs(flags: Flags, inputs: readonly string[], cwd: string) {
  const resolver = configResolver(flags, cwd);
  let fromConfig: string[];
  let failOn: ReadonlySet<FailOnStatus>;
  try {
    fromConfig = flags.ignore?.enabled === false ? [] : await resolver.ignorePatterns();
    // without --check only errors fail the run; with it, --fail-on, else the configuration's failOn, else the default
    failOn = new Set(flags.check ? (flags.failOn ?? (await resolver.failOn()) ?? DEFAULT_FAIL_ON) : ['error']);
  } catch (err) {
    throw asUsage(err);
  }
  const ignoreOpts = { ...(flags.ignore ?? DEFAULT_IGNORE) };
  ignoreOpts.patterns = [...ignoreOpts.patterns, ...fromConfig];
  const { files, errors, skipped } = await expandInputs(inputs, ignoreOpts, cwd);
  // each file's options: the command line's, else its configuration's, else the defaults
  const options = new Map<string, JobOptions>();
  // --verify builds and compares what it proposes: conversions only a build proves are proposed too
  for (const file of files) options.set(file, await fileOptions(file, flags, resolver, cwd, flags.verify === true));
  return { files, errors, skipped, options, failOn };
}

/** The note on the files named like a Dockerfile that were passed over. */
function skippedLine(skipped: readonly string[], named: (file: string) => string): string {
  return `dfsplit: skipped ${skipped.length} file${skipped.length > 1 ? 's' : ''} named like a Dockerfile whose text is not one (${skipped.slice(0, 3).map(named).join(', ')}${skipped.length > 3 ? ', ...' : ''})\n`;
}

/** What the main command shares while it reports file after file. */
interface Session {
  flags: Flags;
  io: CliIO;
  machine: boolean;
  color: boolean;
  /** One file only: it gets its status line even when unchanged. */
  single: boolean;
  progress: Progress;
  named: (file: string) => string;
  /** Counts a file's report in the summary and hands it to the machine format. */
  emit: (f: FileReport) => void;
  /** The statuses that fail the run: --check's --fail-on (or its default), only `error` without --check. */
  failOn: ReadonlySet<FailOnStatus>;
  /** --interactive: where the answers come from and what they were. */
  review: Review | null;
}

/** --interactive's answers so far. */
interface Review {
  prompt: Prompt;
  written: number;
  skipped: number;
  /** Answered q (or the input ended): no later file is converted or asked about. */
  quit: boolean;
}

/** The exit code that grows with what is found: 0 fine, 1 changes (--check), 2 errors. */
const worse = (code: number, found: number): number => Math.max(code, found);

/** A file's exit code from its status: 2 for an error, 1 for another status that fails the run, else 0. */
const statusCode = (status: FileReport['status'], failOn: ReadonlySet<FailOnStatus>): number => (status === 'unchanged' || !failOn.has(status) ? 0 : status === 'error' ? 2 : 1);

/** A file's exit code when nothing more is shown of it (its reader is gone, --check still decides). */
function verdict(outcome: Outcome, failOn: ReadonlySet<FailOnStatus>): number {
  return statusCode(outcome.readError ? 'error' : outcome.result.status, failOn);
}

/** One file's outcome reported (after its --verify, if any): its status line, its write, diff or output, and its exit code. */
async function reportFile(outcome: Outcome, s: Session, verify?: FileVerify): Promise<number> {
  const { flags, io } = s;
  s.progress.tick();
  const file = outcome.file;
  const path = s.named(file);
  if (outcome.readError) {
    const err = new InputError(outcome.readError.id, outcome.readError.message, outcome.readError.line, path);
    s.progress.clear();
    io.stderr.write(`dfsplit: ${err.format()}\n`);
    s.emit({ path, status: 'error', reasons: [outcome.readError] });
    return statusCode('error', s.failOn);
  }
  const { text, result: r } = outcome;
  const shown = r.status === 'error' || (!flags.quiet && (r.status !== 'unchanged' || flags.verbose || s.single));
  // with --write (and --interactive's y), a file that would change gets its status line only once it is
  // written: a failed write prints its own error instead of `changed` followed by the error
  const writing = (flags.write || s.review !== null) && r.status === 'changed';
  if (shown && !writing) printStatus(s, path, r);
  let code = statusCode(r.status, s.failOn);
  let report: FileReport = { path, status: r.status, reasons: r.reasons, result: r, text, ...(verify ? { verify } : {}) };
  if (flags.stdout) io.stdout.write(r.output);
  if (r.status === 'changed' && (flags.write || (s.review && (await reviewed(s, path, r)) === 'y'))) {
    const failed = writeChanged(s, file, path, r, text, shown);
    if (failed) {
      report = { ...failed, ...(verify ? { verify } : {}) };
      code = 2;
    } else if (s.review) s.review.written++;
  } else if (r.status === 'changed' && !s.machine && !flags.stdout && !flags.check && !s.review) {
    s.progress.clear();
    io.stdout.write(diffText(s, r));
  }
  s.emit(report);
  return code;
}

/** A changed file's diff as the dry run prints it, coloured when colour is on. */
function diffText(s: Session, r: ConvertResult): string {
  return `${s.color ? colorDiff(r.diff) : r.diff}${r.diff.endsWith('\n') ? '' : '\n'}`;
}

/**
 * --interactive: a file that would change shown as the dry run shows it, with its reasons, proof and
 * savings, then the question until it is answered; counts the answer.
 */
async function reviewed(s: Session, path: string, r: ConvertResult): Promise<Answer> {
  const review = s.review!;
  s.io.stdout.write(`${diffText(s, r)}\n${reviewText(r)}`);
  const answer = await askApply(review.prompt, s.io.stdout, () => explainTable(path, r));
  if (answer === 'n') review.skipped++;
  if (answer === 'q') review.quit = true;
  return answer;
}

function printStatus(s: Session, path: string, r: ConvertResult): void {
  s.progress.clear();
  s.io.stderr.write(`${statusLine(path, r)}\n`);
}

/** --write of a changed file, and its status line once written; a failed write is the file's error report. */
function writeChanged(s: Session, file: string, path: string, r: ConvertResult, text: string, shown: boolean): FileReport | null {
  try {
    writeAtomic(file, r.output, text, s.io.cwd);
    if (shown) printStatus(s, path, r);
    return null;
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    s.progress.clear();
    s.io.stderr.write(`dfsplit: ${err.format()}\n`);
    return { path, status: 'error', reasons: [{ id: err.id, message: err.message }] };
  }
}

/** The summary before any file: only the skipped ones are known. */
function emptySummary(skipped: number): Summary {
  return { files: 0, changed: 0, unchanged: 0, declined: 0, error: 0, skipped, declinedBy: {}, proof: { static: 0, build: 0 }, size: { files: 0, before: 0, after: 0 }, seconds: 0 };
}

/** One file's report counted in the summary. */
function tally(summary: Summary, f: FileReport): void {
  summary.files++;
  summary[f.status]++;
  if (f.status === 'declined') for (const r of f.reasons) summary.declinedBy[r.id] = (summary.declinedBy[r.id] ?? 0) + 1;
  if (f.status === 'changed' && f.result?.proof) summary.proof[f.result.proof.level]++;
  if (f.status === 'changed') addSize(summary.size, f.result?.saves);
}

export async function main(flags: Flags, io: CliIO): Promise<number> {
  const named = (file: string) => displayPath(file, io.cwd);
  const started = process.hrtime.bigint();
  const format: Format = flags.json ? 'json' : (flags.format ?? 'text');
  const machine = format !== 'text';
  const inputs = flags.paths.length ? flags.paths : ['.'];
  refuseIncompatible(flags, format, inputs, io);
  const readerGone = watchReader(io.stdout);
  const { files, errors, skipped, options, failOn } = await gatherInputs(flags, inputs, io.cwd);
  if (skipped.length && !machine && !flags.quiet) io.stderr.write(skippedLine(skipped, named));
  if (flags.stdout && files.length + errors.length !== 1) throw new UsageError(`--stdout needs exactly one input file, got ${files.length + errors.length}`);
  for (const e of errors) io.stderr.write(`dfsplit: ${e.format()}\n`);
  let code = errors.length ? 2 : 0;
  if (!files.length && !errors.length) {
    io.stderr.write(`dfsplit: ${inputs.join(' ')}: no Dockerfiles found\n`);
    return 2;
  }
  // machine formats stream: each file is written as it comes and then forgotten
  const out = machine ? reporter(format, (t) => io.stdout.write(t), VERSION) : null;
  const summary = emptySummary(skipped.length);
  const emit = (f: FileReport) => {
    tally(summary, f);
    out?.file(f);
  };
  for (const e of errors) emit({ path: e.file ?? '', status: 'error', reasons: [{ id: e.id, message: e.message }] });
  const color = flags.color ?? (io.stdout.isTTY === true && !io.env.NO_COLOR);
  // --verify shows its own progress, and --interactive asks between files: the files counter stays off
  const progress = progressLine(files.length, !machine && !flags.quiet && !flags.verify && !flags.interactive, io.stderr);
  const review: Review | null = flags.interactive ? { prompt: openPrompt(io.stdin!()), written: 0, skipped: 0, quit: false } : null;
  const session: Session = { flags, io, machine, color, single: files.length === 1, progress, named, emit, failOn, review };
  const verifier = flags.verify ? new Verifier(flags, io, named) : null;
  // --write (and --interactive's y): a signal never lands between a temporary file and its rename; it stops
  // the run between files (or at once while a question waits for its answer)
  const holding = (flags.write || review !== null) && io.holdSignals === true;
  if (holding) holdSignals();
  // files in input order; with --verify, those whose verification still runs (up to --jobs at a time)
  const queue: Queued[] = [];
  const window = 4 * (verifier?.jobs ?? 1);
  // the head of the queue reported, or (its reader gone) only counted; false: stop reading files
  const next = async (): Promise<boolean> => {
    const head = queue.shift()!;
    const verify = await head.verify;
    if (holding) await signalsAct();
    // a reader that stopped reading (`| head`) ends the run quietly; --check still reads every file, silently,
    // so that its exit code stays the verdict on all of them
    if (readerGone()) {
      if (!flags.check) return false;
      code = worse(code, verdict(head.outcome, failOn));
      return true;
    }
    verifier?.progress.clear();
    code = worse(code, await reportFile(head.outcome, session, verify));
    if (verify) verifier!.rows.push({ path: named(head.outcome.file), verify });
    verifier?.progress.redraw();
    return !review?.quit;
  };
  try {
    let reading = true;
    // with --verify, --jobs counts verifications: the conversions (milliseconds each) choose their threads as by default
    for await (const outcome of convertAll(files, (file) => options.get(file)!, verifier ? 0 : (flags.jobs ?? 0), stdinReader(io), io.cwd)) {
      queue.push(verifier ? verifier.queue(outcome) : { outcome, verify: Promise.resolve(undefined), settled: true });
      while (reading && queue.length && (queue[0]!.settled || queue.length > window)) reading = await next();
      if (!reading) break;
    }
    while (reading && queue.length) reading = await next();
  } finally {
    review?.prompt.close();
    // nothing stops half-way: what runs ends (and is removed) before the run returns
    verifier?.stop();
    await Promise.allSettled(queue.map((q) => q.verify));
    verifier?.progress.clear();
  }
  if (holding) await signalsAct();
  progress.clear();
  if (readerGone()) return code;
  summary.seconds = Number(process.hrtime.bigint() - started) / 1e9;
  out?.end(summary, skipped.map(named));
  if (verifier && !machine && !flags.quiet) io.stderr.write(verifyTable(verifier.rows));
  return summarize(session, summary, code, files.length + errors.length);
}

/** The summary line of the text output (--interactive's, of any number of files), and --check's verdict on all the files. */
function summarize(s: Session, summary: Summary, code: number, total: number): number {
  if (s.review) s.io.stderr.write(`${reviewLine(summary, s.review, total)}\n`);
  else if (!s.machine && !s.flags.quiet && summary.files > 1) s.io.stderr.write(`${summaryLine(summary)}\n`);
  return s.flags.check && code === 0 && summary.changed > 0 && s.failOn.has('changed') ? 1 : code;
}

function asUsage(err: unknown): unknown {
  return err instanceof ConfigError ? new UsageError(err.message) : err;
}

/** The closing line of the text output: what was seen and what became of it. */
function summaryLine(s: Summary): string {
  return `${filesSeen(s, s.files)}: ${s.changed} changed${s.changed ? ` (${changedClause(s)})` : ''}, ${notChanged(s)}${s.skipped ? `, ${s.skipped} skipped` : ''}`;
}

/**
 * --interactive's closing line: the files written and skipped, those not asked about as the summary
 * line counts them, and after q those never reviewed (the one q was typed at and every later one).
 */
function reviewLine(s: Summary, review: Review, total: number): string {
  const left = total - s.files + (s.changed - review.written - review.skipped);
  return `${filesSeen(s, total)}: ${review.written} written, ${review.skipped} skipped; not asked: ${notChanged(s)}${left ? `; ${left} not reviewed (quit)` : ''}`;
}

function filesSeen(s: Summary, files: number): string {
  return `dfsplit: ${files} file${files === 1 ? '' : 's'} in ${s.seconds.toFixed(1)} s`;
}

/** The files that did not change, as the summary line counts them: unchanged, declined by reason id, errors. */
function notChanged(s: Summary): string {
  const by = Object.entries(s.declinedBy)
    .sort((a, b) => b[1] - a[1])
    .map(([id, n]) => `${id} ${n}`)
    .join(', ');
  return `${s.unchanged} unchanged, ${s.declined} declined${by ? ` (${by})` : ''}, ${s.error} error${s.error === 1 ? '' : 's'}`;
}

interface Progress {
  tick(): void;
  clear(): void;
}

/** A single self-updating line on stderr while many files are converted, only when stderr is a terminal. */
function progressLine(total: number, wanted: boolean, stderr: Output): Progress {
  const on = wanted && total >= 50 && stderr.isTTY === true;
  let done = 0;
  let shown = false;
  let last = 0;
  return {
    tick() {
      done++;
      if (!on) return;
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      stderr.write(`\r\x1b[Kdfsplit: ${done}/${total} files`);
      shown = true;
    },
    clear() {
      if (shown) stderr.write('\r\x1b[K');
      shown = false;
    },
  };
}

/** A file of the main command in input order, and its --verify outcome once known (undefined: not verified). */
interface Queued {
  outcome: Outcome;
  verify: Promise<FileVerify | undefined>;
  settled: boolean;
}

/**
 * `--verify`: build the original and the conversion with the user's engine and compare them before the
 * conversion is shown or written. A difference, or an original that does not build here, turns the
 * result into a decline that says why (nothing unverified is written). The engine (and builder) is
 * asked once, at the first file that would change; up to `--jobs` verifications run at a time, on that
 * one engine, so their builds share its cache.
 */
class Verifier {
  /** Verifications at once: --jobs, and one for its default (0). */
  readonly jobs: number;
  readonly progress: VerifyProgress;
  /** The table's rows, in the order the files are reported. */
  readonly rows: { path: string; verify: FileVerify }[] = [];
  private engine: Engine | null = null;
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private stopped = false;

  constructor(
    private readonly flags: Flags,
    private readonly io: CliIO,
    private readonly named: (file: string) => string,
  ) {
    this.jobs = Math.max(1, flags.jobs ?? 0);
    this.progress = verifyProgress(io.stderr, !flags.quiet);
  }

  /** A file's outcome with its verification started (or waiting for a free slot) when it would change. */
  queue(outcome: Outcome): Queued {
    if (outcome.readError || outcome.result.status !== 'changed') return { outcome, verify: Promise.resolve(undefined), settled: true };
    if (outcome.file === '-') return { outcome, verify: Promise.resolve(declineAs(outcome.result, outcome.text, 'verify-unavailable', 'standard input has no build context')), settled: true };
    this.engine ??= findEngine(this.flags.builder);
    if (this.engine.kind === 'no-engine') throw new UsageError('--verify needs a Docker engine, and none answers; start one (e.g. `sudo systemctl start docker`, or `dockerd &`), point DOCKER_HOST at one, or drop --verify');
    if (this.engine.kind === 'no-buildx') throw new UsageError(this.engine.message);
    const queued: Queued = { outcome, verify: this.slot(() => this.verify(outcome.file, outcome.text, outcome.result)), settled: false };
    const settle = () => {
      queued.settled = true;
    };
    queued.verify.then(settle, settle);
    return queued;
  }

  /** No further verification starts; those waiting for a slot end unverified. */
  stop(): void {
    this.stopped = true;
    for (const wake of this.waiting.splice(0)) wake();
  }

  private async slot(job: () => Promise<FileVerify>): Promise<FileVerify | undefined> {
    if (this.running >= this.jobs) await new Promise<void>((wake) => this.waiting.push(wake));
    if (this.stopped) return undefined;
    this.running++;
    try {
      return await job();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }

  private async verify(file: string, text: string, r: ConvertResult): Promise<FileVerify> {
    const path = this.named(file);
    const { flags, io } = this;
    try {
      const input = { original: text, converted: r.output, context: resolve(io.cwd, flags.context ?? dirname(file)), smoke: null, buildNetwork: flags.buildNetwork ?? null, command: r.command, droppedEnv: droppedEnvOf(r), ownEnv: ownEnvOf(r) };
      const outcome = await compareBuilds(input, { engine: this.engine!, progress: (phase, step) => this.progress.update(path, phase, step) });
      if (outcome.kind === 'same') return { outcome: 'verified', detail: null, sizes: outcome.sizes };
      const id = outcome.kind === 'different' ? 'verify-failed' : 'verify-unavailable';
      return { ...declineAs(r, text, id, outcome.first ?? 'no detail'), sizes: outcome.sizes };
    } finally {
      this.progress.done(path);
    }
  }
}

/** The result turned into the decline a verification found, and what the report says of it. */
function declineAs(r: ConvertResult, text: string, id: 'verify-failed' | 'verify-unavailable', detail: string): FileVerify {
  r.status = 'declined';
  r.reasons = [{ id, message: formatFinding({ id, data: { detail } }) }];
  r.output = text;
  r.diff = '';
  return { outcome: id === 'verify-failed' ? 'differs' : 'unverifiable', detail, sizes: { original: null, converted: null } };
}

/** `explain` over files, directories and globs, like the main command: one table per file. */
export async function explain(paths: readonly string[], flags: OptionFlags & Pick<Flags, 'json'> & { ignore?: IgnoreOptions }, io: CliIO): Promise<number> {
  const named = (file: string) => displayPath(file, io.cwd);
  checkContext(flags.context, io.cwd);
  const { files, errors } = await expandInputs(paths.length ? paths : ['.'], flags.ignore, io.cwd);
  let code = 0;
  for (const e of errors) {
    io.stderr.write(`dfsplit: ${e.format()}\n`);
    code = 2;
  }
  if (!files.length && !errors.length) {
    io.stderr.write(`dfsplit: ${paths.join(' ')}: no Dockerfiles found\n`);
    return 2;
  }
  const docs: object[] = [];
  const resolver = configResolver(flags, io.cwd);
  const readerGone = watchReader(io.stdout);
  const readStdin = stdinReader(io);
  for (const [i, file] of files.entries()) {
    if (readerGone()) return code;
    let text: string;
    try {
      text = file === '-' ? readStdin() : readDockerfile(file, io.cwd);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      io.stderr.write(`dfsplit: ${err.withFile(named(file)).format()}\n`);
      code = 2;
      continue;
    }
    const r = convert(text, convertOptions(await fileOptions(file, flags, resolver, io.cwd)));
    if (r.status === 'error') code = 2;
    if (flags.json) docs.push({ path: named(file), ...r });
    else io.stdout.write(`${i ? '\n' : ''}${explainTable(named(file), r)}`);
  }
  // one file: its document, as before; several: an array of them
  if (flags.json) io.stdout.write(`${JSON.stringify(docs.length === 1 && paths.length === 1 ? docs[0] : docs, null, 2)}\n`);
  return code;
}

export async function verifyCommand(file: string, flags: OptionFlags & { smoke: string | undefined; buildNetwork: string | undefined; builder?: string | undefined }, io: CliIO): Promise<number> {
  checkContext(flags.context, io.cwd);
  const buildx = flags.builder === undefined ? null : buildxMissing(flags.builder);
  if (buildx) throw new UsageError(buildx);
  const text = readDockerfile(file, io.cwd);
  watchReader(io.stdout);
  // verify builds and compares: conversions only a build proves are what it is for
  const r = convert(text, convertOptions(await fileOptions(file, flags, configResolver(flags, io.cwd), io.cwd, true)));
  io.stderr.write(`${statusLine(displayPath(file, io.cwd), r)}\n`);
  if (r.status === 'error') return 2;
  if (r.status !== 'changed') return r.status === 'declined' ? 1 : 0;
  const smoke = flags.smoke === undefined ? null : parseShell(flags.smoke).commands.flatMap((c) => c.words);
  const path = displayPath(file, io.cwd);
  const progress = verifyProgress(io.stderr);
  const options = { engine: findEngine(flags.builder), progress: (phase: Phase, step?: string) => progress.update(path, phase, step) };
  const code = await verify(
    {
      original: text,
      converted: r.output,
      context: resolve(io.cwd, flags.context ?? dirname(file)),
      smoke,
      buildNetwork: flags.buildNetwork ?? null,
      command: r.command,
      droppedEnv: droppedEnvOf(r),
      ownEnv: ownEnvOf(r),
      log: (line) => {
        progress.clear();
        io.stdout.write(`${line}\n`);
      },
    },
    options,
  );
  progress.clear();
  return code;
}

/** The variables whose runtime base's own value a conversion declares it keeps (`env-runtime-own`), which verify accepts. */
function ownEnvOf(r: ConvertResult): string[] {
  return r.runtimeOwnEnv ?? [];
}

/** The variables a conversion declares it leaves in the builder (`build-env-dropped`), which verify accepts as unset. */
function droppedEnvOf(r: ConvertResult): string[] {
  return r.saves?.env ?? [];
}
